// Golden tables for word breaking after ICU (word_break.h, issue 23): text -> every
// positional term index_text makes (words, their parts, acronyms) with its positions.
#include "schema/analysis.h"
#include "schema/names.h"
#include "schema/word_break.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corpus::schema {
namespace {

using Terms = std::vector<std::string>;

// "term@positions" for each positional term of the article stream, in term order;
// stems, block ends and the name layer's terms are left out.
Terms positional_terms(std::string_view text) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    index_text(doc, article_text, text, position);
    Terms out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        const bool acronym = term.starts_with(acronym_marker);
        if (!acronym && !term.empty() && term[0] >= 'A' && term[0] <= 'Z') continue;
        std::string row = term + "@";
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
            row += (row.back() == '@' ? "" : ",") + std::to_string(*pos);
        }
        out.push_back(row);
    }
    return out;
}

struct BreakCase {
    const char* text;
    Terms expected;
};

class WordBreakGolden : public ::testing::TestWithParam<BreakCase> {};

TEST_P(WordBreakGolden, IndexesTheseTermsAtThesePositions) {
    EXPECT_EQ(positional_terms(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, WordBreakGolden,
    ::testing::Values(
        // A sentence end glued to the next sentence's first word: two words, one after
        // the other, so a phrase across the stop matches.
        BreakCase{"Israel.Finally", {"finally@2", "israel@1"}},
        BreakCase{"he said.The end", {"end@4", "he@1", "said@2", "the@3"}},
        BreakCase{"O'Neill.He left", {"he@2", "left@3", "oneill@1"}},
        BreakCase{"Seoul.\u00dcber", {"seoul@1", "uber@2"}},
        // A country code is a word as often: "It" starts a sentence.
        BreakCase{"he said.It rained", {"he@1", "it@3", "rained@4", "said@2"}},
        // An abbreviation before the stop stays one (an acronym); "A" is no sentence start.
        BreakCase{"the U.S.The", {"XAus@2", "the@1,3", "u.s@2"}},
        BreakCase{"e.g.The", {"e.g@1", "the@2"}},
        BreakCase{"U.S.A", {"XAusa@1", "u.s.a@1"}},
        // ICU itself ends a word at '?', '!' and a quote after the stop.
        BreakCase{"why?The end!Now", {"end@3", "now@4", "the@2", "why@1"}},
        BreakCase{"the end.\"Next", {"end@2", "next@3", "the@1"}},
        // Decimals and abbreviations stay whole, with no parts.
        BreakCase{"3.14 and 1,000.5", {"1000.5@3", "3.14@1", "and@2"}},
        BreakCase{"a 3.5GHz chip", {"3.5ghz@2", "a@1", "chip@3"}},
        BreakCase{"e.g. i.e. 9 a.m. U.S.", {"9@3", "XAus@5", "a.m@4", "e.g@1", "i.e@2", "u.s@5"}},
        // Host names, file names, addresses and handles stay whole, their parts at the
        // whole's position: the words around keep theirs.
        BreakCase{"at spamassassin.taint.org now",
                  {"at@1", "now@3", "org@2", "spamassassin@2", "spamassassin.taint.org@2", "taint@2"}},
        BreakCase{"www.example.co.kr", {"co@1", "example@1", "kr@1", "www@1", "www.example.co.kr@1"}},
        BreakCase{"mail jm@jmason.org", {"jm@2", "jm@jmason.org@2", "jmason@2", "mail@1", "org@2"}},
        BreakCase{"John.Smith@Example.com",
                  {"com@1", "example@1", "john@1", "john.smith@example.com@1", "smith@1"}},
        BreakCase{"@nknews said", {"@nknews@1", "nknews@1", "said@2"}},
        BreakCase{"see https://www.nknews.org/2024/06/foo-bar/",
                  {"06@5", "2024@4", "bar@7", "foo@6", "https@2", "nknews@3", "org@3", "see@1", "www@3",
                   "www.nknews.org@3"}},
        BreakCase{"node.js ASP.NET Yahoo.com",
                  {"asp@2", "asp.net@2", "com@3", "js@1", "net@2", "node@1", "node.js@1", "yahoo@3", "yahoo.com@3"}},
        // A host name in capitals: a generic domain, or three labels and a country code.
        BreakCase{"Amazon.Com Inc", {"amazon@1", "amazon.com@1", "com@1", "inc@2"}},
        BreakCase{"news.Yahoo.com", {"com@1", "news@1", "news.yahoo.com@1", "yahoo@1"}},
        BreakCase{"www.Example.co.kr", {"co@1", "example@1", "kr@1", "www@1", "www.example.co.kr@1"}},
        // A host glued to the next sentence: cut after the host, which keeps its parts.
        BreakCase{"jm@jmason.org.Thanks", {"jm@1", "jm@jmason.org@1", "jmason@1", "org@1", "thanks@2"}},
        // Parts are normalized like words: British spellings made American.
        BreakCase{"colour.com", {"color@1", "colour.com@1", "com@1"}}));

TEST(WordBreak, SentenceEndsAreTheStopsBeforeASentenceStart) {
    EXPECT_EQ(sentence_ends("Israel.Finally"), std::vector<std::size_t>{6});
    EXPECT_EQ(sentence_ends("U.S.The"), std::vector<std::size_t>{3});
    EXPECT_EQ(sentence_ends("Mr.Smith.He"), (std::vector<std::size_t>{2, 8}));
    for (const char* whole : {"node.js", "ASP.NET", "Yahoo.com", "Amazon.Com", "e.g", "U.S.A", "Ph.D",
                              "John.Smith@example.com", "www.Example.co.kr", "said.A"}) {
        EXPECT_TRUE(sentence_ends(whole).empty()) << whole;
    }
}

TEST(WordBreak, PartsOfWordsKeptWhole) {
    EXPECT_EQ(word_parts("spamassassin.taint.org"), (std::vector<std::string>{"spamassassin", "taint", "org"}));
    EXPECT_EQ(word_parts("jm@jmason.org"), (std::vector<std::string>{"jm", "jmason", "org"}));
    EXPECT_EQ(word_parts("@nknews"), std::vector<std::string>{"nknews"});
    EXPECT_EQ(word_parts("ph.d"), (std::vector<std::string>{"ph", "d"}));
    for (const char* none : {"israel", "u.s", "e.g", "a.m", "u.s.a", "\uc11c.\uc6b8", "241.7b", "3.5ghz"}) {
        EXPECT_TRUE(word_parts(none).empty()) << none;
    }
}

TEST(WordBreak, PiecesPointAtTheirSurfaceForms) {
    const std::string text = "said.The";
    const std::vector<Token> tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "said");
    EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "The");
    EXPECT_TRUE(tokens[1].capitalized);
    EXPECT_FALSE(tokens[1].after_hyphen);
    EXPECT_TRUE(tokens[0].parts.empty());
}

// A bare query word is looked for by its stem: a part has one, like any word.
TEST(WordBreak, PartsHaveStems) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    index_text(doc, article_text, "lists at spamassassin.taint.org", position);
    for (const char* stem : {"Zspamassassin", "Ztaint", "Zorg", "Zspamassassin.taint.org"}) {
        Xapian::TermIterator it = doc.termlist_begin();
        it.skip_to(stem);
        EXPECT_TRUE(it != doc.termlist_end() && *it == stem) << stem;
    }
    EXPECT_EQ(position, 4 + block_gap);  // three words: the parts took no position
}

// A name after a glued stop is a name: its surname is no longer "seoul.kim".
TEST(WordBreak, ANameAfterAGluedStopIsFound) {
    const std::string text = "talks in Seoul.Kim Jong Un said";
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<NameSpan> spans = find_names(text, tokens, NameContext::document);
    ASSERT_EQ(spans.size(), 1u);
    EXPECT_EQ(name_surface(text, tokens, spans[0]), "Kim Jong Un");
}

// An article and a query that say the same thing give the same words.
TEST(WordBreak, ArticleAndQueryAgree) {
    auto words = [](std::string_view text) {
        std::vector<std::string> out;
        for (const Token& token : tokenize(text)) out.push_back(token.word);
        return out;
    };
    EXPECT_EQ(words("Israel.Finally"), words("Israel Finally"));
    EXPECT_EQ(words("said.The"), words("said the"));
    EXPECT_EQ(words("John.Smith@Example.com"), words("john.smith@example.com"));
}

}  // namespace
}  // namespace corpus::schema
