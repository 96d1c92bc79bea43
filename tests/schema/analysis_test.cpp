// Golden tables for the analysis chain: text -> normalized words, and the promise that
// an article and a query saying the same thing yield the same terms.
#include "schema/analysis.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/names.h"
#include "schema/person_facet.h"
#include "schema/spelling_variants.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace corpus::schema {
namespace {

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& token : tokenize(text)) out.push_back(token.word);
    return out;
}

using Words = std::vector<std::string>;

struct GoldenCase {
    const char* text;
    Words expected;
};

class AnalysisGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(AnalysisGolden, ProducesExpectedWords) {
    EXPECT_EQ(words(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AnalysisGolden,
    ::testing::Values(
        GoldenCase{"Mutual Assistance", {"mutual", "assistance"}},
        // Hyphens split words, whatever the hyphen character.
        GoldenCase{"Kim Jong-un", {"kim", "jong", "un"}},
        GoldenCase{"Kim Jong\u2010un", {"kim", "jong", "un"}},
        GoldenCase{"Kim Jong\u2011un", {"kim", "jong", "un"}},
        // Possessives, straight and curly, mean the word itself.
        GoldenCase{"Yoon's office", {"yoon", "office"}},
        GoldenCase{"Yoon\u2019s office", {"yoon", "office"}},
        GoldenCase{"Putin\u2019s visit", {"putin", "visit"}},
        // Other apostrophes vanish on both sides.
        GoldenCase{"don\u2019t stop", {"dont", "stop"}},
        GoldenCase{"Ch'oe T\u2019ae", {"choe", "tae"}},
        // NFKC makes ASCII apostrophes and commas of full-width ones: they go too.
        GoldenCase{"Yoon\uff07s office", {"yoon", "office"}},
        GoldenCase{"\uff13\uff16\uff0c\uff10\uff10\uff10 troops", {"36000", "troops"}},
        // Accents and diacritics fold away.
        GoldenCase{"Orb\u00e1n", {"orban"}},
        GoldenCase{"Orba\u0301n", {"orban"}},
        GoldenCase{"Yun S\u014fk-y\u014fl", {"yun", "sok", "yol"}},
        GoldenCase{"Bel\u00e9m", {"belem"}},
        // Case folding and NFKC: full-width letters, ligatures.
        GoldenCase{"KIM JONG UN", {"kim", "jong", "un"}},
        GoldenCase{"\uff2b\uff29\uff2d", {"kim"}},
        GoldenCase{"\ufb01nance", {"finance"}},
        // Non-breaking spaces separate words like spaces.
        GoldenCase{"mutual\u00a0assistance", {"mutual", "assistance"}},
        // Numbers keep decimals; digit grouping is dropped.
        GoldenCase{"36,000 US troops", {"36000", "us", "troops"}},
        GoldenCase{"Brent at $64.96", {"brent", "at", "64.96"}},
        // Punctuation and symbols are not words.
        GoldenCase{"\u201cact responsibly,\u201d", {"act", "responsibly"}},
        GoldenCase{"-- ... !!", {}},
        // Hangul stays as written.
        GoldenCase{"\uae40\uc815\uc740", {"\uae40\uc815\uc740"}}));

TEST(Analysis, OffsetsPointAtTheSurfaceForm) {
    const std::string text = "Seoul\u2019s  \u201cmutual assistance\u201d";
    const std::vector<Token> tokens = tokenize(text);
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(text.substr(tokens[0].start, tokens[0].end - tokens[0].start), "Seoul\u2019s");
    EXPECT_EQ(text.substr(tokens[1].start, tokens[1].end - tokens[1].start), "mutual");
    EXPECT_EQ(text.substr(tokens[2].start, tokens[2].end - tokens[2].start), "assistance");
}

TEST(Analysis, MarksCapitalsAndHyphenJoins) {
    const std::vector<Token> tokens = tokenize("Kim Jong-un met officials in Jongno-gu");
    ASSERT_EQ(tokens.size(), 8u);
    EXPECT_TRUE(tokens[0].capitalized);
    EXPECT_FALSE(tokens[1].after_hyphen);
    EXPECT_TRUE(tokens[2].after_hyphen);
    EXPECT_FALSE(tokens[2].capitalized);
    EXPECT_FALSE(tokens[3].capitalized);
    EXPECT_TRUE(tokens[7].after_hyphen);
}

TEST(Analysis, MarksCapitalsBeyondAscii) {
    const std::vector<Token> tokens = tokenize("\u01c5ungla \u00dcber \u00fcber Zed zed");
    ASSERT_EQ(tokens.size(), 5u);
    EXPECT_TRUE(tokens[0].capitalized);  // title case
    EXPECT_TRUE(tokens[1].capitalized);
    EXPECT_FALSE(tokens[2].capitalized);
    EXPECT_TRUE(tokens[3].capitalized);
    EXPECT_FALSE(tokens[4].capitalized);
}

TEST(Analysis, StemsInflectionsTogether) {
    EXPECT_EQ(stem("sanctions"), stem("sanction"));
    EXPECT_EQ(stem("condemned"), stem("condemns"));
    EXPECT_NE(stem("mutual"), stem("assistance"));
}

// Snippets stem only words that share a first letter with a stem they look for.
TEST(Analysis, StemsStartWithTheirWordsFirstLetter) {
    std::vector<std::string> words{"dying", "lying", "tying", "skies", "skis", "idly", "gently", "ugly", "early",
                                   "only", "singly", "news", "yelling", "ying", "youth", "ycleped"};
    for (const auto& entry : std::filesystem::directory_iterator(testing::seed_dir())) {
        const std::string text = testing::read_file(entry.path());
        for (const Token& token : tokenize(text)) words.push_back(token.word);
    }
    ASSERT_GT(words.size(), 4000u);
    for (const std::string& word : words) {
        const std::string stemmed = stem(word);
        ASSERT_FALSE(stemmed.empty()) << word;
        EXPECT_EQ(stemmed[0], word[0]) << word << " -> " << stemmed;
    }
}

TEST(Analysis, IndexTermsKeepPositionsAndStems) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    index_text(doc, article_text, "Putin\u2019s visits\n\nNew paragraph", position);
    std::vector<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.push_back(*it);
    // "XB" marks where each paragraph ends (SAME).
    const std::vector<std::string> expected{"XB",     "Znew", "Zparagraph", "Zputin", "Zvisit",
                                            "new",    "paragraph", "putin",  "visits"};
    EXPECT_EQ(terms, expected);
    // The second paragraph starts after a gap, so no phrase runs across the blank line.
    auto positions = [&](const std::string& term) {
        std::vector<Xapian::termpos> out;
        Xapian::TermIterator it = doc.termlist_begin();
        it.skip_to(term);
        if (it == doc.termlist_end() || *it != term) return out;
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) out.push_back(*pos);
        return out;
    };
    EXPECT_EQ(positions("putin"), std::vector<Xapian::termpos>{1});
    EXPECT_EQ(positions("visits"), std::vector<Xapian::termpos>{2});
    EXPECT_EQ(positions("new"), std::vector<Xapian::termpos>{2 + 1 + block_gap});
    EXPECT_EQ(positions("XB"), (std::vector<Xapian::termpos>{3, 2 + 1 + block_gap + 2}));
}

// Golden rows for acronyms: the word terms and acronym terms ("XA") index_text makes,
// each with its positions; stems and the name layer's terms are left out.
std::vector<std::string> word_and_acronym_terms(std::string_view text, const Field& field = article_text) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    index_text(doc, field, text, position);
    std::vector<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        const bool acronym = term.starts_with(acronym_marker);
        if (!acronym && !term.starts_with(field.prefix)) continue;
        if (!acronym && !term.empty() && term[field.prefix.size()] >= 'A' && term[field.prefix.size()] <= 'Z') continue;
        std::string row = term + "@";
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
            row += (row.back() == '@' ? "" : ",") + std::to_string(*pos);
        }
        out.push_back(row);
    }
    return out;
}

struct AcronymCase {
    const char* text;
    Words expected;
};

class AcronymGolden : public ::testing::TestWithParam<AcronymCase> {};

TEST_P(AcronymGolden, IndexesAcronymTermsAtTheWordsPositions) {
    EXPECT_EQ(word_and_acronym_terms(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Table, AcronymGolden,
    ::testing::Values(
        AcronymCase{"UN", {"XAun@1", "un@1"}},
        // Dotted or not, one acronym; ICU leaves the last dot out of the word.
        AcronymCase{"U.N.", {"XAun@1", "u.n@1"}},
        AcronymCase{"the U.S.-led talks", {"XAus@2", "led@3", "talks@4", "the@1", "u.s@2"}},
        AcronymCase{"the DPRK's envoy", {"XAdprk@2", "dprk@2", "envoy@3", "the@1"}},
        AcronymCase{"IAEA and NATO", {"XAiaea@1", "XAnato@3", "and@2", "iaea@1", "nato@3"}},
        // A syllable of a Korean name is never an acronym, in any case.
        AcronymCase{"Kim Jong Un", {"jong@2", "kim@1", "un@3"}},
        AcronymCase{"leader KIM JONG UN said", {"jong@3", "kim@2", "leader@1", "said@5", "un@4"}},
        AcronymCase{"KIM JONG UN", {"jong@2", "kim@1", "un@3"}},
        // The ordinary word, and the word written in capitals by a writer who means it.
        AcronymCase{"she told us", {"she@1", "told@2", "us@3"}},
        AcronymCase{"she told US officials", {"XAus@3", "officials@4", "she@1", "told@2", "us@3"}},
        // A shouting headline: its ordinary words are no acronyms (LET US TALK cannot be
        // told from one), its other capitals may be; dots always are.
        AcronymCase{"KIM JONG UN MEETS PUTIN", {"XAputin@5", "jong@2", "kim@1", "meets@4", "putin@5", "un@3"}},
        AcronymCase{"LET US TALK", {"let@1", "talk@3", "us@2"}},
        AcronymCase{"IAEA SAYS NORTH KOREA", {"XAiaea@1", "XAkorea@4", "iaea@1", "korea@4", "north@3", "says@2"}},
        AcronymCase{"U.S. TO TALK", {"XAus@1", "talk@3", "to@2", "u.s@1"}},
        // Not shouting: a headline of acronyms and words in lower case.
        AcronymCase{"US, UN Condemn Launch", {"XAun@2", "XAus@1", "condemn@3", "launch@4", "un@2", "us@1"}},
        // Not acronyms: one capital, seven, mixed case, digits.
        AcronymCase{"A UNESCOS UNs G20", {"a@1", "g20@4", "unescos@2", "uns@3"}}));

TEST(Analysis, AcronymsInEveryField) {
    EXPECT_EQ(word_and_acronym_terms("the UN said", chrome_text), (Words{"XAXCun@2", "XCsaid@3", "XCthe@1", "XCun@2"}));
    // Names are no acronyms in the page around the article either.
    EXPECT_EQ(word_and_acronym_terms("KIM JONG UN", chrome_text), (Words{"XCjong@2", "XCkim@1", "XCun@3"}));
}

TEST(Analysis, AcronymTokensAreMarked) {
    const std::vector<Token> tokens = tokenize("The UN and U.S. said NATO's");
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_EQ(tokens[0].acronym, Acronym::no);
    EXPECT_EQ(tokens[1].acronym, Acronym::yes);
    EXPECT_EQ(tokens[3].acronym, Acronym::yes);
    EXPECT_EQ(tokens[5].acronym, Acronym::yes);
    // A query in capitals: its words are read as words, its dots as acronyms.
    const std::vector<Token> shouted = tokenize("NORTH KOREA U.S. UN");
    ASSERT_EQ(shouted.size(), 4u);
    EXPECT_EQ(shouted[0].acronym, Acronym::no);
    EXPECT_EQ(shouted[1].acronym, Acronym::shouted);
    EXPECT_EQ(shouted[2].acronym, Acronym::yes);
    EXPECT_EQ(shouted[3].acronym, Acronym::shouted);
    EXPECT_EQ(acronym_term(article_text, "u.s"), "XAus");
    EXPECT_EQ(acronym_term(chrome_text, "un"), "XAXCun");
}

TEST(Analysis, ChromeFieldHasItsOwnPrefix) {
    EXPECT_EQ(exact_term(chrome_text, "visit"), "XCvisit");
    EXPECT_EQ(stem_term(chrome_text, "visits"), "ZXCvisit");
    EXPECT_EQ(stem_term(article_text, "visits"), "Zvisit");
}

// The searcher picks a query's chrome terms out by this test (issue 23's count of what
// the chrome alone matches): every kind of chrome term, and no term of another field.
TEST(Analysis, TermsOfAFieldAreKnownByTheirPrefix) {
    for (const std::string& term : {exact_term(chrome_text, "nasdaq"), stem_term(chrome_text, "visits"),
                                    acronym_term(chrome_text, "u.s"), block_end_term(chrome_text)}) {
        EXPECT_TRUE(is_term_of(chrome_text, term)) << term;
        EXPECT_FALSE(is_term_of(title_text, term)) << term;
    }
    for (const std::string& term : {exact_term(article_text, "xcerpt"), stem_term(article_text, "visits"),
                                    acronym_term(article_text, "xc"), block_end_term(article_text),
                                    exact_term(title_text, "visit"), stem_term(title_text, "visits"),
                                    acronym_term(title_text, "un"), boolean_term(outlet_term, "XC News"),
                                    std::string(name_set_prefix) + "3f0c", exact_term(id_term, "XC")}) {
        EXPECT_FALSE(is_term_of(chrome_text, term)) << term;
    }
}

// A stemmed chrome term whose article stem the document lacks gets a marker; one beside
// its article stem gets none, nor do chrome terms of other kinds.
TEST(Analysis, ChromeStemsWithoutArticleStemsAreMarked) {
    EXPECT_EQ(article_counterpart(exact_term(chrome_text, "kim")), "kim");
    EXPECT_EQ(article_counterpart(stem_term(chrome_text, "visits")), "Zvisit");
    EXPECT_EQ(article_counterpart(acronym_term(chrome_text, "kcna")), "XAkcna");
    EXPECT_EQ(article_counterpart(block_end_term(chrome_text)), "XB");
    EXPECT_EQ(chrome_only_term(stem_term(chrome_text, "visits")), "XKZvisit");
    EXPECT_TRUE(marks_absence_of("XKZvisit", stem_term(article_text, "visits")));
    EXPECT_FALSE(marks_absence_of("XKZvisit", exact_term(article_text, "visit")));
    EXPECT_FALSE(marks_absence_of("XKZvisit", stem_term(article_text, "kim")));
    for (const std::string& term :
         {exact_term(chrome_text, "kim"), acronym_term(chrome_text, "kcna"), block_end_term(chrome_text)}) {
        EXPECT_EQ(chrome_only_term(term), std::nullopt) << term;
    }

    Xapian::Document doc;
    index_article_text(doc, "Talks in Geneva", "The envoy's visit to the UN was short.",
                       "Most read | KCNA visits | Geneva weather | UN");
    std::vector<std::string> markers;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (!(*it).starts_with(chrome_only_marker)) continue;
        markers.push_back(*it);
        EXPECT_EQ(it.get_wdf(), 0u) << *it;
        EXPECT_EQ(it.positionlist_count(), 0u) << *it;
    }
    // Only in the chrome: most, read, weather, KCNA; "visits" has the article's stem.
    EXPECT_EQ(markers, (Words{"XKZkcna", "XKZmost", "XKZread", "XKZweather"}));
    // A marker is no term of the chrome, so the count never reads one for a chrome term.
    for (const std::string& marker : markers) EXPECT_FALSE(is_term_of(chrome_text, marker)) << marker;
}

TEST(Analysis, BooleanTermsIgnoreCaseAndSpacing) {
    EXPECT_EQ(boolean_term(outlet_term, "FN News Global"), boolean_term(outlet_term, "fn  news GLOBAL"));
    EXPECT_EQ(boolean_term(outlet_term, "Oilprice.com"), "XOoilprice.com");
}

// Whatever form an article uses, the query written the other way finds the same words.
TEST(Analysis, ArticleAndQueryFormsAgree) {
    const std::pair<const char*, const char*> same[] = {
        {"Kim Jong\u2011un\u2019s", "kim jong-un's"},
        {"\u201cmutual\u00a0assistance\u201d", "\"mutual assistance\""},
        {"Orb\u00e1n", "Orban"},
        {"North Korea\u2019s", "north korea's"},
        {"U.S.-South Korean", "u.s. south korean"},
    };
    for (const auto& [article, query] : same) EXPECT_EQ(words(article), words(query)) << article;
}

// British and American spellings are one word (issue 22): the British form becomes the
// American one in stage 2, so exact terms, stems and phrases agree whichever is written.
TEST(Analysis, BritishAndAmericanSpellingsAreOneWord) {
    const std::pair<const char*, const char*> same[] = {
        {"mutual defence", "mutual defense"},
        {"defences", "defenses"},
        {"organisation", "organization"},
        {"organisations", "organizations"},
        {"organised", "organized"},
        {"centre", "center"},
        {"centres", "centers"},
        {"colour", "color"},
        {"Colour\u2019s", "color"},
        {"analyse", "analyze"},
        {"analysed", "analyzed"},
        {"travelled", "traveled"},
        {"catalogue", "catalog"},
        {"paediatric", "pediatric"},
        {"manoeuvres", "maneuvers"},
        {"programme", "program"},
    };
    // Every term the article stream gets, with its positions: words, stems, phrases.
    auto indexed = [](std::string_view text) {
        Xapian::Document doc;
        Xapian::termpos position = 1;
        index_text(doc, article_text, text, position);
        std::vector<std::string> terms;
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            std::string term = *it;
            for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
                term += ' ' + std::to_string(*pos);
            }
            terms.push_back(term);
        }
        return terms;
    };
    for (const auto& [british, american] : same) {
        EXPECT_EQ(words(british), words(american)) << british;
        EXPECT_EQ(indexed(british), indexed(american)) << british;
    }
    EXPECT_EQ(words("The Defence Ministry's centre"), (Words{"the", "defense", "ministry", "center"}));
}

// Only spellings a rule relates are joined: words that merely mean the same stay apart.
TEST(Analysis, UnrelatedBritishAndAmericanWordsStayApart) {
    const std::pair<const char*, const char*> apart[] = {
        {"tyre", "tire"}, {"cheque", "check"}, {"storey", "story"}, {"draught", "draft"},
        {"prise", "prize"}, {"bourn", "born"},
    };
    for (const auto& [british, american] : apart) {
        EXPECT_EQ(words(british), Words{british});
        EXPECT_NE(words(british), words(american)) << british;
        EXPECT_NE(stem(words(british)[0]), stem(words(american)[0])) << british;
    }
}

TEST(Analysis, FingerprintNamesTheChain) {
    EXPECT_NE(analysis_fingerprint().find("icu="), std::string::npos);
    EXPECT_NE(analysis_fingerprint().find("stem=english"), std::string::npos);
    // The spelling table is part of the chain: a table of other pairs is another chain.
    EXPECT_NE(analysis_fingerprint().find(";spelling=" + spelling_variants_fingerprint()), std::string::npos);
}

// The fingerprint is derived from what the chain makes of the probe: a chain that makes
// anything else of it (another term, wdf, position or person) has another fingerprint,
// with no version to bump by hand. The build digested the probe with the chain this
// process runs.
TEST(Analysis, FingerprintHoldsTheProbesDigest) {
    const std::string digest = document_digest(analysis_probe());
    EXPECT_EQ(digest.size(), 16u);
    EXPECT_EQ(document_digest(analysis_probe()), digest);
    EXPECT_EQ(analysis_probe_digest, digest);
    EXPECT_NE(analysis_fingerprint().find(";probe=" + digest), std::string::npos) << analysis_fingerprint();
}

// Another process (the indexer) derives the same fingerprint: an index it builds opens.
TEST(Analysis, FingerprintIsTheSameInEveryProcess) {
    testing::TempDir dir;
    const std::string db = (dir / "db").string();
    ASSERT_EQ(testing::run({testing::index_bin(), "--db", db, "-q", testing::seed_dir().string()}).exit_code, 0);
    EXPECT_EQ(Xapian::Database(db).get_metadata(std::string(meta_fingerprint)), analysis_fingerprint());
    EXPECT_TRUE(open_for_reading(db).ok());
}

Xapian::Document indexed(std::string_view text) {
    Xapian::Document doc;
    Xapian::termpos position = 1;
    add_person_facet(doc, index_text(doc, article_text, text, position));
    return doc;
}

// Documents digest alike exactly when they hold the same: the same text written another
// way that the chain reads alike (curly and straight apostrophes, British and American
// spellings) digests alike; a term, a wdf, a position, a name or a person's spelling
// apart does not.
TEST(Analysis, DigestSeesEveryDifferenceInWhatADocumentHolds) {
    const std::string base = document_digest(indexed("Kim Jong Un's defence visit"));
    EXPECT_EQ(document_digest(indexed("Kim Jong Un\u2019s defense visit")), base);
    EXPECT_NE(document_digest(indexed("Kim Jong Un's defence visits")), base);    // a word and its stem
    EXPECT_NE(document_digest(indexed("Kim Jong Un's visit defence")), base);     // positions
    EXPECT_NE(document_digest(indexed("Kim Jong Il's defence visit")), base);     // a name
    EXPECT_NE(document_digest(indexed("Kim Jong-un's defence visit")), base);     // a person's spelling
    Xapian::Document heavier = indexed("Kim Jong Un's defence visit");
    heavier.add_term("visit");
    EXPECT_NE(document_digest(heavier), base);  // a wdf
    Xapian::Document valued = indexed("Kim Jong Un's defence visit");
    valued.add_value(slot_outlet, "Yonhap");
    EXPECT_NE(document_digest(valued), base);  // a value
}

// The probe exercises every stage and every rule the fingerprint stands for: were any of
// these left out of it, a change to that rule would leave the fingerprint as it was.
TEST(Analysis, ProbeExercisesEveryStage) {
    const Xapian::Document probe = analysis_probe();
    auto holds = [&](const std::string& term) {
        Xapian::TermIterator it = probe.termlist_begin();
        it.skip_to(term);
        return it != probe.termlist_end() && *it == term;
    };
    for (const char* word : {"sanctions", "visiting", "orban", "dont", "36000", "3.14", "e.g"}) {
        EXPECT_TRUE(holds(exact_term(article_text, word))) << word;
        EXPECT_TRUE(holds(stem_term(article_text, word))) << word;
    }
    for (const char* word : {"new", "delhi", "spamassassin.taint.org", "taint", "jmason", "nknews", "israel", "finally",
                             "defense", "organization", "color"}) {
        EXPECT_TRUE(holds(exact_term(article_text, word))) << word;
    }
    EXPECT_FALSE(holds(exact_term(article_text, "defence")));
    for (const char* acronym : {"un", "u.s", "dprk"}) EXPECT_TRUE(holds(acronym_term(article_text, acronym))) << acronym;
    // The headline shouts: its English words are no acronyms, nor the words of a name.
    EXPECT_TRUE(holds(acronym_term(article_text, "putin")));
    EXPECT_FALSE(holds(acronym_term(article_text, "as")));
    EXPECT_FALSE(holds(acronym_term(article_text, "kim")));
    EXPECT_TRUE(holds(exact_term(title_text, "putin")));
    EXPECT_TRUE(holds(block_end_term(chrome_text)));
    EXPECT_TRUE(holds(boolean_term(outlet_term, "fn news global")));
    EXPECT_TRUE(holds(name_start_term()));
    EXPECT_TRUE(holds(std::string(title_text.prefix) + name_start_term()));
    // Persons in several spellings, orders and scripts, the North's Hangul and the South's;
    // foreign names are none.
    const std::string persons = probe.get_value(slot_persons);
    for (const auto& [name, spelling] : std::vector<std::pair<std::string, std::string>>{
             {"Kim Jong Un", "\uae40\uc815\uc740"},
             {"Kim Jong Un", "Kim Jongun"},
             {"Yoon Suk Yeol", "Yun S\u014fk-y\u014fl"},
             {"Yoon Suk Yeol", "Suk-yeol Yoon"},
             {"Ri Sol Ju", "\ub9ac\uc124\uc8fc"},
             {"Ri Sol Ju", "\uc774\uc124\uc8fc"},
             {"Ri Sol Ju", "Lee Seol-ju"},
             {"Choe Ryong Hae", "\ucd5c\ub8e1\ud574"},
             {"Syngman Rhee", "Syngman Rhee"},
             {"Kim Jong Un", "Jong Un Kim"},
             {"Park Chan-wook", "Pak Ch\u2019an-uk"},
             {"Park Jin", "\ubc15\uc9c4"},
             {"Cho Hyun-ah", "Cho Hyun-ah"},
             {"Yong-ho Thae", "Yong-ho Thae"}}) {
        EXPECT_TRUE(holds(person_spelling_term(*person_key(name), spelling))) << name << " / " << spelling;
    }
    for (const char* foreign : {"Li Qiang", "Li Hung", "Ho Chi", "Namazu", "Anna Lee", "In Kim"}) {
        EXPECT_EQ(persons.find(foreign), std::string::npos) << foreign;
    }
    EXPECT_NE(persons.find("\tKim Yo Jong"), std::string::npos);
}

}  // namespace
}  // namespace corpus::schema
