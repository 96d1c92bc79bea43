// Golden table for query parsing: query text -> the tree written back, and the errors.
#include "schema/analysis.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"

#include <gtest/gtest.h>

namespace corpus::searcher {
namespace {

std::string parsed(const std::string& query) {
    Result<QueryNode> node = parse_query(query);
    return node ? describe(node.value()) : "error: " + node.error().message;
}

TEST(QueryParser, GoldenTable) {
    const std::pair<const char*, const char*> table[] = {
        {"mutual assistance", "mutual assistance"},
        {"\"mutual assistance\"", "\"mutual assistance\""},
        {"\u201cmutual assistance\u201d", "\"mutual assistance\""},
        {"Putin AND Kim", "(Putin AND Kim)"},
        {"Putin OR Kim", "(Putin OR Kim)"},
        {"Putin NOT Kim", "(Putin AND NOT Kim)"},
        {"Putin AND NOT Kim", "(Putin AND NOT Kim)"},
        {"NOT Kim", "(NOT Kim)"},
        {"a OR b c", "(a OR b c)"},
        {"(a OR b) c", "((a OR b) AND c)"},
        {"a (b OR c)", "(a AND (b OR c))"},
        {"a b NEAR c", "(a AND (b NEAR/10 c))"},
        {"a NEAR/3 b", "(a NEAR/3 b)"},
        {"a NEAR/3 b NEAR c", "(a NEAR/10 b NEAR/10 c)"},
        {"\"strategic partnership\" NEAR/5 treaty", "(\"strategic partnership\" NEAR/5 treaty)"},
        {"NOT NOT a", "a"},
        {"and or not", "and or not"},
        {"Kim Jong-un", "Kim Jong-un"},
        {"((a))", "a"},
        {"nuclear -missile", "(nuclear AND NOT missile)"},
        {"-missile", "(NOT missile)"},
        {"a -\"b c\"", "(a AND NOT \"b c\")"},
        {"a -(b OR c)", "(a AND NOT (b OR c))"},
        {"a OR -b", "(a OR (NOT b))"},
        {"+a +b", "a b"},
        {"(-a b)", "(NOT a AND b)"},
        {"U.S.-led x-ray -", "U.S.-led x-ray -"},
        {"a - b", "a - b"},
        {"-- a", "(NOT - AND a)"},
        {"10:30 Korea: talks", "10:30 Korea: talks"},
    };
    for (const auto& [query, expected] : table) EXPECT_EQ(parsed(query), expected) << query;
}

TEST(QueryParser, ErrorsSayWhatIsWrong) {
    const std::pair<const char*, const char*> table[] = {
        {"", "empty query"},
        {"   ", "empty query"},
        {"\"mutual assistance", "unbalanced quote"},
        {"(a OR b", "unbalanced parenthesis"},
        {"a OR b)", "unbalanced parenthesis"},
        {")", "unbalanced parenthesis"},
        {"()", "empty parentheses"},
        {"a AND", "'AND' needs something after it"},
        {"AND a", "'AND' needs something before it"},
        {"a OR", "'OR' needs something after it"},
        {"OR a", "'OR' needs something before it"},
        {"a NOT", "'NOT' needs something after it"},
        {"a NEAR", "'NEAR' needs a word, phrase or name after it"},
        {"NEAR a", "'NEAR' needs a word, phrase or name before it"},
        {"a ADJ/2", "'ADJ' needs a word, phrase or name after it"},
        {"SAME a", "'SAME' needs a word, phrase or name before it"},
        {"(a b) NEAR c", "NEAR joins words, phrases or names, not a parenthesized group"},
        {"a NEAR (b c)", "'NEAR' needs a word, phrase or name after it"},
        {"title:a SAME c", "SAME joins words, phrases or names, not a field"},
        {"a NEAR b SAME c", "'SAME' cannot follow another operator in the same chain"},
        {"sanctio* NEAR Putin", "not a wildcard"},
        {"Putin NEAR sanctio*", "not a wildcard"},
        {"titel:treaty", "'titel:' is not a search field; the fields are title:, outlet:, person:, date: and id:"},
        {"title:", "'title:' needs a value"},
        {"a OUTLET:", "'OUTLET:' needs a value"},
        {"title:(a OR b)", "title: takes a word or a \"quoted phrase\", not brackets"},
        {"outlet:Yon*", "'*' and '~' work only on words of the text"},
        {"date:2024-13", "date:2024-13 is not a date"},
        {"date:24-06", "date:24-06 is not a date"},
        {"date:2024-06-31", "date:2024-06-31 is not a date"},
        {"date:2024-07..2024-06", "ends before it starts"},
        {"date:...", "is not a date"},
    };
    for (const auto& [query, expected] : table) {
        Result<QueryNode> node = parse_query(query);
        ASSERT_FALSE(node.ok()) << query;
        EXPECT_EQ(node.error().code, ErrorCode::query_syntax);
        EXPECT_NE(node.error().message.find(expected), std::string::npos) << query << " -> " << node.error().message;
        EXPECT_EQ(node.error().message.find('\n'), std::string::npos);
    }
}

std::string compiled(const std::string& query, const Xapian::Database& db = Xapian::Database()) {
    Result<QueryNode> node = parse_query(query);
    if (!node) return "error: " + node.error().message;
    Result<CompiledQuery> built = compile_query(node.value(), db);
    return built ? built->query.get_description() : "error: " + built.error().message;
}

// The Xapian query each form becomes, through schema/'s analysis.
TEST(QueryBuilder, GoldenTable) {
    const std::pair<const char*, const char*> table[] = {
        {"assistance", "Query(Zassist)"},
        {"Mutual Assistance", "Query((Zmutual AND Zassist))"},
        {"\"mutual assistance\"", "Query((mutual PHRASE 2 assistance))"},
        {"Putin\u2019s", "Query(Zputin)"},
        {"Jong-un", "Query((jong PHRASE 2 un))"},
        {"Putin NOT Kim", "Query((Zputin AND_NOT Zkim))"},
        {"NOT Kim", "Query((<alldocuments> AND_NOT Zkim))"},
        {"a OR b", "Query((Za OR Zb))"},
        {"missile NEAR/3 launch", "Query((missile NEAR 5 launch))"},
        {"\"Orb\u00e1n\"", "Query(orban)"},
        {"missile ADJ/3 launch", "Query((missile PHRASE 5 launch))"},
        {"title:Treaties", "Query(ZXTtreati)"},
        {"title:\"mutual assistance\"", "Query((XTmutual PHRASE 2 XTassistance))"},
        {"outlet:\"Korea  HERALD\"", "Query(0 * XOkorea herald)"},
        {"person:\"Kim Jong-un\"", "Query()"},  // no spelling of him in an empty index
        {"id:a1", "Query(0 * Qa1)"},
        {"date:2024-06", "Query(VALUE_RANGE 0 20240601 20240630)"},
        {"date:..2024", "Query(VALUE_RANGE 0 00000101 20241231)"},
        {"treaty -outlet:Yonhap", "Query((Ztreati AND_NOT XOyonhap))"},
        {"a SAME b", "Query(((a AND b) FILTER PostingSource(ProximityCheck(SAME, 2 operands))))"},
        {"\"a b\" NEAR/2 c", "Query((((a PHRASE 2 b) AND c) FILTER PostingSource(ProximityCheck(NEAR/2, 2 operands))))"},
    };
    for (const auto& [query, expected] : table) EXPECT_EQ(compiled(query), expected) << query;
}

// A name becomes the name sets of the index that share a reading with it, as one term to
// the weighting: "Kim Jong-un missile" weighs the name as one word of two, however many
// spellings of it the index holds. "Kim Jong Un" and "Kim Jong-eun" are two sets (their
// readings differ), both his; "Kim Jong Il" is another person.
TEST(QueryBuilder, ANameIsOneSynonymOfTheIndexsNameSets) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* text : {"Kim Jong Un spoke.", "Kim Jong-eun spoke.", "KIM JONG UN spoke.", "Kim Jong Il spoke."}) {
        Xapian::Document doc;
        Xapian::termpos position = 1;
        schema::index_text(doc, schema::article_text, text, position);
        db.add_document(doc);
    }
    auto terms_of = [](const std::string& description, std::string_view prefix) {
        std::size_t count = 0;
        for (std::size_t at = description.find(prefix); at != std::string::npos; at = description.find(prefix, at + 1)) {
            ++count;
        }
        return count;
    };
    const std::string name = compiled("Kim Jong-un", db);
    EXPECT_TRUE(name.starts_with("Query((XS")) << name;
    EXPECT_EQ(terms_of(name, "XS"), 2u) << name;
    EXPECT_NE(name.find(" SYNONYM XS"), std::string::npos) << name;
    EXPECT_EQ(name.find("XN"), std::string::npos) << name;
    const std::string with_word = compiled("Kim Jong-un missile", db);
    EXPECT_NE(with_word.find(" SYNONYM XS"), std::string::npos) << with_word;
    EXPECT_NE(with_word.find(") AND Zmissil)"), std::string::npos) << with_word;
    EXPECT_EQ(compiled("Kim Jong Il", db).find(" SYNONYM "), std::string::npos);
    EXPECT_EQ(terms_of(compiled("Kim Jong Il", db), "XS"), 1u);
    EXPECT_EQ(compiled("Kim Yo-jong", db), "Query()");
    // person: asks for the same sets, without weight.
    EXPECT_EQ(compiled("person:\"Kim Jong-un\"", db), "Query(0 * " + name.substr(6));
}

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST(QueryParser, FieldsAreFieldsAndOtherLettersBeforeAColonAreErrors) {
    EXPECT_EQ(parsed("title:treaty"), "title:treaty");
    EXPECT_EQ(parsed("TITLE:\"mutual assistance\""), "title:\"mutual assistance\"");
    EXPECT_EQ(parsed("Putin outlet:Yonhap"), "(Putin AND outlet:Yonhap)");
    EXPECT_EQ(parsed("-outlet:\"Korea Herald\" (person:\"Kim Jong-un\")"),
              "(NOT outlet:\"Korea Herald\" AND person:\"Kim Jong-un\")");
    EXPECT_EQ(parsed("date:2024-06"), "date:2024-06-01..2024-06-30");
    EXPECT_EQ(parsed("date:2024-02"), "date:2024-02-01..2024-02-29");
    EXPECT_EQ(parsed("date:2024"), "date:2024-01-01..2024-12-31");
    EXPECT_EQ(parsed("date:2024-06-18"), "date:2024-06-18..2024-06-18");
    EXPECT_EQ(parsed("date:2024-06-18..2024-06-30"), "date:2024-06-18..2024-06-30");
    EXPECT_EQ(parsed("date:2024-06.."), "date:2024-06-01..");
    EXPECT_EQ(parsed("date:..2024-05"), "date:..2024-05-31");
    EXPECT_EQ(parsed("id:000_4187df94d3ce0a80"), "id:000_4187df94d3ce0a80");
    for (const char* query : {"titel:treaty", "Putin site:yonhap.co.kr", "(author:Kim)", "https://x.org"}) {
        EXPECT_NE(parsed(query).find("is not a search field"), std::string::npos) << query << ": " << parsed(query);
    }
    // Quoted, or with a space after the colon, it is text.
    EXPECT_EQ(parsed("\"title:treaty\""), "\"title:treaty\"");
    EXPECT_EQ(parsed("Korea: talks"), "Korea: talks");
}

TEST(QueryParser, ABadNearDistanceIsAnErrorNotWords) {
    for (const char* query : {"Putin NEAR/abc Kim", "Putin NEAR/ Kim", "Putin NEAR/1000 Kim", "a NEAR/-1 b", "a NEAR/5x b"}) {
        EXPECT_NE(parsed(query).find("the distance is a number of words from 0 to 999"), std::string::npos)
            << query << ": " << parsed(query);
    }
    EXPECT_EQ(parsed("a NEAR/999 b"), "(a NEAR/999 b)");
    EXPECT_EQ(parsed("a NEAR/0 b"), "(a NEAR/0 b)");
    EXPECT_EQ(parsed("a ADJ b"), "(a ADJ/10 b)");
    EXPECT_EQ(parsed("a ADJ/2 \"b c\""), "(a ADJ/2 \"b c\")");
    EXPECT_EQ(parsed("a SAME b SAME c"), "(a SAME b SAME c)");
    // A name beside the operator is the operand, not its last word.
    EXPECT_EQ(parsed("talks Kim Jong Un NEAR/5 Putin said"), "(talks AND (Kim Jong Un NEAR/5 Putin) AND said)");
    EXPECT_EQ(parsed("Putin ADJ/3 Kim Jong-un visited"), "((Putin ADJ/3 Kim Jong-un) AND visited)");
    EXPECT_EQ(parsed("Putin SAME/3 Kim").rfind("error: ", 0), 0u);
    EXPECT_EQ(parsed("Putin ADJ/1000 Kim").rfind("error: ", 0), 0u);
}

TEST(QueryParser, DepthWordsAndLengthAreLimitedNotAStackOverflow) {
    const std::string deep = repeated("(", max_query_depth) + "Putin" + repeated(")", max_query_depth);
    EXPECT_EQ(parsed(deep), "Putin");
    for (const std::string& query :
         {repeated("(", max_query_depth + 1) + "Putin" + repeated(")", max_query_depth + 1),
          repeated("(", 60000) + "Putin", repeated("NOT ", 5000) + "Putin", repeated("NOT (", 600) + "b"}) {
        EXPECT_NE(parsed(query).find("nested deeper than 100 brackets and NOTs"), std::string::npos)
            << parsed(query).substr(0, 100);
    }
    std::string many = "w0";
    for (std::size_t i = 1; i < max_query_words; ++i) many += " OR w" + std::to_string(i);
    EXPECT_EQ(parsed(many).find("error"), std::string::npos);
    EXPECT_NE(parsed(many + " OR extra").find("more than 1,000 words"), std::string::npos);
    EXPECT_NE(parsed("\"" + repeated("word ", max_query_words + 1) + "\"").find("more than 1,000 words"),
              std::string::npos);
    EXPECT_NE(parsed(repeated("x", max_query_bytes + 1)).find("longer than 65,536 bytes"), std::string::npos);
}

// "sanctio*" found nothing: '*' was dropped as punctuation.
TEST(QueryBuilder, AWildcardIsTheIndexsWordsThatStartSo) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const char* word : {"sanction", "sanctioned", "sanctions", "sanctuary", "pyongyang"}) {
        doc.add_term(schema::exact_term(schema::article_text, word));
    }
    for (std::size_t i = 0; i <= max_wildcard_words; ++i) {
        doc.add_term(schema::exact_term(schema::article_text, "ab" + std::to_string(i)));
    }
    db.add_document(doc);
    const std::string prefix = schema::exact_term(schema::article_text, "");
    EXPECT_EQ(compiled("sanctio*", db), "Query((" + prefix + "sanction OR " + prefix + "sanctioned OR " + prefix +
                                            "sanctions))");
    EXPECT_EQ(compiled("Sanctio*", db), compiled("sanctio*", db));
    EXPECT_EQ(compiled("zzq*", db), "Query(" + prefix + "zzq)");  // nothing starts so: nothing matches
    EXPECT_NE(compiled("ab*", db).find("ab* matches more than 200 words"), std::string::npos) << compiled("ab*", db);
    EXPECT_NE(compiled("a*", db).find("at least two letters"), std::string::npos);
    EXPECT_NE(compiled("U.S.*", db).find("ends a word of letters or digits"), std::string::npos);
    for (const char* query : {"*", "*sanction", "sanc*tion", "\"sanction*\"", "Pyongyang~", "~Pyongyang"}) {
        EXPECT_EQ(parsed(query).rfind("error: ", 0), 0u) << query << ": " << parsed(query);
    }
    EXPECT_EQ(parsed("a sanctio* b"), "(a AND sanctio* AND b)");
}

TEST(QueryBuilder, RejectsWhatCannotBeSearched) {
    EXPECT_NE(compiled("!!! ???").find("no searchable words"), std::string::npos);
    EXPECT_NE(compiled("\"...\"").find("empty phrase"), std::string::npos);
    EXPECT_NE(compiled("\"...\" NEAR Russia").find("has no word to look for"), std::string::npos);
}

TEST(QueryBuilder, HighlightsOnlyWhatMustMatch) {
    Result<QueryNode> node = parse_query("\"mutual assistance\" treaty NOT Libya");
    ASSERT_TRUE(node.ok());
    Result<CompiledQuery> built = compile_query(node.value(), Xapian::Database());
    ASSERT_TRUE(built.ok());
    ASSERT_EQ(built->highlights.size(), 2u);
    EXPECT_FALSE(built->highlights[0].by_stem);
    EXPECT_EQ(built->highlights[0].words, (std::vector<std::string>{"mutual", "assistance"}));
    EXPECT_TRUE(built->highlights[1].by_stem);
    EXPECT_EQ(built->highlights[1].words, std::vector<std::string>{"treati"});
}

}  // namespace
}  // namespace corpus::searcher
