// The Korean-name layer: golden recognition tables (text -> names found), the table of
// same/different name pairs in tests/data/name_pairs.tsv, person keys and index terms.
#include "schema/analysis.h"
#include "schema/fields.h"
#include "schema/names.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::schema {
namespace {

// The surface spellings of the names found in `text`.
std::vector<std::string> names_in(std::string_view text, NameContext context = NameContext::document) {
    const std::vector<Token> tokens = tokenize(text);
    std::vector<std::string> out;
    for (const NameSpan& span : find_names(text, tokens, context)) out.push_back(name_surface(text, tokens, span));
    return out;
}

using Names = std::vector<std::string>;

struct RecognitionCase {
    const char* text;
    Names expected;
};

class NameRecognition : public ::testing::TestWithParam<RecognitionCase> {};

TEST_P(NameRecognition, FindsExpectedNames) {
    EXPECT_EQ(names_in(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NameRecognition,
    ::testing::Values(
        // Seed sentences.
        RecognitionCase{"North Korean leader Kim Jong Un.", {"Kim Jong Un"}},
        RecognitionCase{"Chairman Kim Jong-un on the 19th", {"Kim Jong-un"}},
        RecognitionCase{"Putin and Kim Jong Un\u2019s Dangerous Bromance", {"Kim Jong Un"}},
        RecognitionCase{"President Yoon Suk Yeol\u2019s policy", {"Yoon Suk Yeol"}},
        RecognitionCase{"Jang Ho Jin, the head, and Cho Tae Yul, the Minister", {"Jang Ho Jin", "Cho Tae Yul"}},
        RecognitionCase{"Minister Kim Hong-kyun delivered. Kim urged Russia", {"Kim Hong-kyun"}},
        RecognitionCase{"Im Eul Chul, a professor", {"Im Eul Chul"}},
        RecognitionCase{"Koh Yu Hwan, an emeritus professor", {"Koh Yu Hwan"}},
        RecognitionCase{"DPRK Jung Pak, ROK Vice Foreign Minister Cho Koo-rae, and", {"Jung Pak", "Cho Koo-rae"}},
        // Not names: surnames alone, English words, places, Chinese and Japanese names.
        RecognitionCase{"spokesperson Lim said. Spokesperson Lim said", {}},
        RecognitionCase{"Putin and Kim signed a pact; Kim: What Lies", {}},
        RecognitionCase{"Found in Arkansas State Park\u2014Named After a Dog", {}},
        RecognitionCase{"Mexico Decries U.S. Livestock Ban as Unilateral", {}},
        RecognitionCase{"Seoul Office Annex in Jongno-gu, Seoul", {}},
        RecognitionCase{"Chinese Premier Li Qiang in May", {}},
        RecognitionCase{"Assistant Minister Namazu Hiroyuki.", {}},
        RecognitionCase{"Flights to Hong Kong resumed", {}},
        RecognitionCase{"South Korea\u2019s Ban On Exports", {}},
        RecognitionCase{"kim jong un in lower case", {}},
        RecognitionCase{"Kim\u2019s Jong Un", {"Jong Un"}},
        // English words capitalized at the start of a sentence are not part of a name.
        RecognitionCase{"In Kim Jong Un's visit", {"Kim Jong Un"}},
        RecognitionCase{"So Kim Yo Jong said", {"Kim Yo Jong"}},
        RecognitionCase{"Young Kim Jong Un", {"Kim Jong Un"}},
        RecognitionCase{"In Ri Sol Ju's dress", {"Ri Sol Ju"}},
        RecognitionCase{"Young Park Jin said", {"Park Jin"}},
        RecognitionCase{"Man Wang Yi said", {}},
        RecognitionCase{"So I said. So Kim said", {}},
        RecognitionCase{"In Seoul, Yoon Suk Yeol said", {"Yoon Suk Yeol"}},
        // ... but such a word still starts a name with evidence of its own.
        RecognitionCase{"An Cheol-su and Go Yu Hwan", {"An Cheol-su", "Go Yu Hwan"}},
        RecognitionCase{"In-ho Lee said", {"In-ho Lee"}},
        // Western order, joined given names, all capitals, Hangul.
        RecognitionCase{"President Suk-yeol Yoon said", {"Suk-yeol Yoon"}},
        // One word before a surname may be a Western given name that parses (an+na).
        RecognitionCase{"commenter Anna Lee wrote", {}},
        RecognitionCase{"Kim Jongun and KIM JONG UN", {"Kim Jongun", "KIM JONG UN"}},
        // Issue 24: given name first and joined; hyphenated given names read whole.
        RecognitionCase{"Syngman Rhee and Sumi Jo met Yuna Kim", {"Syngman Rhee", "Sumi Jo", "Yuna Kim"}},
        RecognitionCase{"artist Namjune Paik and Jong Un Kim", {"Namjune Paik", "Jong Un Kim"}},
        RecognitionCase{"President Choi Kyu-hah and Cho Hyun-ah", {"Choi Kyu-hah", "Cho Hyun-ah"}},
        RecognitionCase{"Chung Mong-koo and Chung Sye-kyun", {"Chung Mong-koo", "Chung Sye-kyun"}},
        RecognitionCase{"Roh Moo-hyun, No Kwang Chol, Woo Won-shik, Thae Yong Ho", {"Roh Moo-hyun", "No Kwang Chol",
                                                                                  "Woo Won-shik", "Thae Yong Ho"}},
        RecognitionCase{"Kim Xyz-qq said", {}},
        RecognitionCase{"Busan Park Jin-young said", {"Park Jin-young"}},
        RecognitionCase{"Visitors from Seoul Kim said", {}},
        // Hangul names of two syllables alone among Latin words, not in Korean text.
        RecognitionCase{"Park Jin (\ubc15\uc9c4) and \uc870\uad6d said", {"Park Jin", "\ubc15\uc9c4", "\uc870\uad6d"}},
        RecognitionCase{"\ubc15\uc9c4 \uc678\uad50\ubd80", {}},
        RecognitionCase{"\ub9ac\uc124\uc8fc and \uc704\uc131\ub77d", {"\ub9ac\uc124\uc8fc", "\uc704\uc131\ub77d"}},
        RecognitionCase{"\uc704\uc6d0\uc7a5 \ud68c\uc758", {}},
        // Other countries' names stay words.
        RecognitionCase{"Ho Chi Minh City and Li Hung Chang", {}},
        RecognitionCase{"Jung Lu, Lee Kuan Yew, Yang Jiechi, Song Tao", {}},
        RecognitionCase{"In Seoul, Go Home", {}},
        RecognitionCase{"Go Geon said", {"Go Geon"}},
        RecognitionCase{"\uae40\uc815\uc740 \uc704\uc6d0\uc7a5", {"\uae40\uc815\uc740"}}));

TEST(Names, QueriesIgnoreCaseDocumentsDoNot) {
    EXPECT_EQ(names_in("kim jong un", NameContext::query), (Names{"kim jong un"}));
    EXPECT_EQ(names_in("kim said", NameContext::query), (Names{}));
    EXPECT_EQ(names_in("state park", NameContext::query), (Names{}));
    EXPECT_EQ(names_in("in kim jong un", NameContext::query), (Names{"kim jong un"}));
    EXPECT_EQ(names_in("so kim yo jong said", NameContext::query), (Names{"kim yo jong"}));
    EXPECT_EQ(names_in("anna lee", NameContext::query), (Names{}));
}

struct Pair {
    int line;
    std::string query;
    std::string article;
    bool same;
};

std::vector<Pair> read_pairs() {
    std::istringstream in(testing::read_file(testing::source_dir() / "tests/data/name_pairs.tsv"));
    std::vector<Pair> pairs;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> columns;
        std::istringstream fields(line);
        for (std::string column; std::getline(fields, column, '\t');) columns.push_back(column);
        EXPECT_EQ(columns.size(), 3u) << "name_pairs.tsv:" << number;
        if (columns.size() != 3) continue;
        EXPECT_TRUE(columns[2] == "same" || columns[2] == "different") << "name_pairs.tsv:" << number;
        pairs.push_back({number, columns[0], columns[1], columns[2] == "same"});
    }
    return pairs;
}

TEST(Names, PairsTableHolds) {
    const std::vector<Pair> pairs = read_pairs();
    ASSERT_GE(pairs.size(), 150u);
    for (const Pair& pair : pairs) {
        // A name alone in a query, and the same name inside a phrase, find the same articles.
        EXPECT_EQ(same_person(pair.query, pair.article, NameMatch::alone), pair.same)
            << "name_pairs.tsv:" << pair.line << ": " << pair.query << " / " << pair.article << "\n"
            << describe_names(pair.query);
        EXPECT_EQ(same_person(pair.query, pair.article, NameMatch::in_phrase), pair.same)
            << "in a phrase: name_pairs.tsv:" << pair.line << ": " << pair.query << " / " << pair.article;
        // Same people share one person key, so the facet and --person group them.
        if (pair.same) {
            EXPECT_EQ(person_key(pair.query), person_key(pair.article))
                << "name_pairs.tsv:" << pair.line << ": " << pair.query << " / " << pair.article;
        }
    }
}

// Customary forms and orders, found by search as one person and, being keyed by their
// readings, one person in the facet (issue 24). Nam June Paik alone keys apart: its
// Western order with a spaced given name reads as Korean order (surname Nam), which a
// search for it still finds.
TEST(Names, CustomaryFormsAreOnePerson) {
    for (const auto& [query, article] : std::vector<std::pair<std::string, std::string>>{
             {"Syngman Rhee", "Lee Seung-man"},
             {"Yi S\u016dng-man", "Syngman Rhee"},
             {"Rhee Syng-man", "\uc774\uc2b9\ub9cc"},
             {"Sumi Jo", "Jo Su-mi"},
             {"Nam June Paik", "\ubc31\ub0a8\uc900"},
             {"Jong Un Kim", "Kim Jong Un"},
             {"Chung Sye-kyun", "Jeong Se-gyun"},
             {"Park Chan-wook", "Pak Ch'an-uk"},
             {"Bak Chan-uk", "\ubc15\ucc2c\uc6b1"},
             {"\ub9ac\uc124\uc8fc", "\uc774\uc124\uc8fc"},
             {"Ri Sol Ju", "Lee Seol-ju"},
             {"Roh Moo-hyun", "No Mu-hyeon"}}) {
        EXPECT_TRUE(same_person(query, article, NameMatch::alone)) << query << " / " << article;
        EXPECT_TRUE(same_person(query, article, NameMatch::in_phrase)) << query << " / " << article;
        EXPECT_TRUE(same_person(article, query, NameMatch::alone)) << article << " / " << query;
        if (query != "Nam June Paik") {
            EXPECT_EQ(person_key(query), person_key(article)) << query << " / " << article;
        }
    }
}

TEST(Names, PersonKeys) {
    // Surname, space, given name, each syllable in its identity form: 윤 and 연 are one.
    EXPECT_EQ(person_key("Yoon Suk-yeol"), "\uc5f0 \uc11d\uc5f4");
    EXPECT_EQ(person_key("\uc724\uc11d\uc5f4"), "\uc5f0 \uc11d\uc5f4");
    EXPECT_EQ(person_key("Suk-yeol Yoon"), "\uc5f0 \uc11d\uc5f4");
    EXPECT_EQ(person_key("Kim Jong Un"), person_key("Kim Jongun"));
    EXPECT_EQ(person_key("Jong Un Kim"), person_key("Kim Jong-un"));
    EXPECT_EQ(person_key("Lee Sol-ju"), person_key("\ub9ac\uc124\uc8fc"));
    // Different people stay apart.
    EXPECT_NE(person_key("Kim Jong Un"), person_key("Kim Jong Il"));
    EXPECT_NE(person_key("Kim Jong Un"), person_key("Kim Un Jong"));
    EXPECT_NE(person_key("Kim Jong Il"), person_key("Kim Un Jong"));
    EXPECT_NE(person_key("Cho Hyun"), person_key("Cho Hyun-ah"));
    // Two syllables in byte order: which is the surname cannot always be told.
    EXPECT_EQ(person_key("Park Jin"), person_key("\ubc15\uc9c4"));
    EXPECT_EQ(person_key("Jung Pak"), person_key("Pak Jung"));
EXPECT_EQ(person_key("Kim"), std::nullopt);
    EXPECT_EQ(person_key("Li Qiang"), std::nullopt);
    EXPECT_EQ(person_key("Kim Jong Un said"), std::nullopt);
}

TEST(Names, IndexTermsSitAtTheWordsPositions) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    const std::vector<PersonMention> persons = index_text(doc, article_text, "leader Kim Jong-un\u2019s visit", position);
    std::vector<std::pair<std::string, std::vector<Xapian::termpos>>> name_terms;
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (!(*it).starts_with(name_term_prefix)) continue;
        name_terms.emplace_back(*it, std::vector<Xapian::termpos>(it.positionlist_begin(), it.positionlist_end()));
    }
    using Positions = std::vector<Xapian::termpos>;
    auto positions_of = [&](const std::string& term) {
        for (const auto& [t, p] : name_terms) {
            if (t == term) return p;
        }
        return Positions{};
    };
    EXPECT_EQ(positions_of(name_start_term()), (Positions{1}));
    EXPECT_EQ(positions_of(name_term("\uae40")), (Positions{2}));
    EXPECT_EQ(positions_of(name_term("\uc815")), (Positions{3}));
    EXPECT_EQ(positions_of(name_term("\uc885")), (Positions{3}));
    EXPECT_EQ(positions_of(name_term("\uc740")), (Positions{4}));
    EXPECT_EQ(positions_of(name_end_term()), (Positions{5}));
    // The person it names, under the person key, with the surface spelling without its
    // possessive; the indexer records it (add_person_facet), so no person term is here.
    ASSERT_EQ(persons.size(), 1u);
    EXPECT_EQ(persons[0].key, *person_key("Kim Jong Un"));
    EXPECT_EQ(persons[0].spelling, "Kim Jong-un");
    Xapian::TermIterator spelling = doc.termlist_begin();
    spelling.skip_to(std::string(person_spelling_prefix));
    EXPECT_TRUE(spelling == doc.termlist_end() || !(*spelling).starts_with(person_spelling_prefix));
}

TEST(Names, FingerprintCoversTheTables) {
    EXPECT_EQ(name_tables_fingerprint().size(), 16u);
    EXPECT_NE(analysis_fingerprint().find(";names=" + name_tables_fingerprint()), std::string::npos);
}

TEST(Names, ExplainDescribesEachName) {
    const std::string described = describe_names("Putin AND \"Yoon Suk-yeol\"");
    EXPECT_NE(described.find("name \"Yoon Suk-yeol\": person key \"\uc5f0 \uc11d\uc5f4\""), std::string::npos) << described;
    EXPECT_NE(described.find("suk=\uc11d|\uc219"), std::string::npos) << described;
    EXPECT_EQ(describe_names("Putin said"), "");
}

}  // namespace
}  // namespace corpus::schema
