// Issue 22: a query word in capitals (UN, U.S.) finds the acronym, never a syllable of a
// Korean name ("Kim Jong Un") nor the ordinary word ("told us"); in lower case it stays
// the ordinary word. Searched in a real index of made-up articles.
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>

namespace corpus::searcher {
namespace {

using Ids = std::set<std::string>;

struct Article {
    const char* id;
    const char* title;
    const char* body;
};

// Each body is two paragraphs of news prose, so that page segmentation keeps it whole.
const Article articles[] = {
    {"kim_spaced", "Leader Inspects Missile Factory",
     "North Korean leader Kim Jong Un inspected a missile factory on Tuesday, state media said.\n\n"
     "Kim Jong Un urged workers to raise production before the end of the year, the report added."},
    {"kim_hyphen", "Pyongyang Parade Draws Crowds",
     "Kim Jong-un watched the parade in Pyongyang with his daughter, according to state media.\n\n"
     "Analysts said Kim Jong-un's appearance was meant to show confidence after months of tension."},
    {"kim_headline", "KIM JONG UN MEETS PUTIN IN VLADIVOSTOK",
     "The two leaders met in the Russian port city for talks on weapons and food supplies.\n\n"
     "Officials from both sides described the meeting as productive and friendly in tone."},
    {"un_plain", "Council Weighs New Measures",
     "Diplomats at the UN said on Monday that a vote on new measures could come within weeks.\n\n"
     "The UN sanctions committee has met twice this month to review the reports of violations."},
    {"un_dotted", "Envoys Meet in New York",
     "A panel of the U.N. reported that ship-to-ship transfers of oil continued through the spring.\n\n"
     "Envoys said the findings would be discussed by members of the Security Council next week."},
    {"us_dotted", "Washington Tightens Pressure",
     "Treasury officials announced new U.S. sanctions on three shipping firms on Wednesday.\n\n"
     "The U.S.-led effort aims to cut the revenue that funds weapons programs, officials said."},
    {"told_us", "Defector Describes Escape",
     "She told us that the journey across the border took eleven days and three guides.\n\n"
     "Let us not forget, she said, that thousands of families remain separated by the border."},
};

class AcronymSearch : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        const std::filesystem::path src = *dir_ / "src";
        std::filesystem::create_directories(src);
        for (const Article& article : articles) {
            testing::write_file(src / (std::string(article.id) + ".txt"), std::string(article.body) + "\n");
            testing::write_file(src / (std::string(article.id) + ".meta.json"),
                                std::string("{\"title\": \"") + article.title + "\"}\n");
        }
        indexer::IndexOptions options;
        options.db_path = (*dir_ / "db").string();
        options.sources = {src};
        Result<indexer::IndexSummary> summary = indexer::run_index(options, {});
        ASSERT_TRUE(summary.ok()) << summary.error().message;
        ASSERT_EQ(summary->added, std::size(articles));
    }

    static void TearDownTestSuite() { dir_.reset(); }

    static SearchResult search(const std::string& query) {
        Result<Searcher> searcher = Searcher::open((*dir_ / "db").string());
        EXPECT_TRUE(searcher.ok()) << searcher.error().message;
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok()) << query << ": " << result.error().message;
        return result.ok() ? result.value() : SearchResult{};
    }

    static Ids ids(const std::string& query) {
        Ids out;
        for (const Hit& hit : search(query).hits) out.insert(hit.id);
        return out;
    }

private:
    static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> AcronymSearch::dir_;

TEST_F(AcronymSearch, EveryArticleIsIndexedWhole) {
    EXPECT_EQ(ids("said OR she OR leaders"), (Ids{"kim_spaced", "kim_hyphen", "kim_headline", "un_plain", "un_dotted",
                                                  "us_dotted", "told_us"}));
}

TEST_F(AcronymSearch, CapitalsFindTheAcronymInEitherSpelling) {
    const Ids un{"un_plain", "un_dotted"};
    EXPECT_EQ(ids("UN"), un);
    EXPECT_EQ(ids("U.N."), un);
    EXPECT_EQ(ids("U.N"), un);
    const Ids us{"us_dotted"};
    EXPECT_EQ(ids("US"), us);
    EXPECT_EQ(ids("U.S."), us);
}

TEST_F(AcronymSearch, LowerCaseStaysTheOrdinaryWord) {
    EXPECT_EQ(ids("un"), (Ids{"kim_spaced", "kim_hyphen", "kim_headline", "un_plain"}));
    EXPECT_EQ(ids("us"), (Ids{"told_us"}));
}

TEST_F(AcronymSearch, AcronymsInPhrasesAndNear) {
    EXPECT_EQ(ids("\"UN sanctions\""), (Ids{"un_plain"}));
    EXPECT_EQ(ids("\"U.S. sanctions\""), (Ids{"us_dotted"}));
    EXPECT_EQ(ids("\"US sanctions\""), (Ids{"us_dotted"}));
    EXPECT_EQ(ids("\"un sanctions\""), (Ids{"un_plain"}));
    EXPECT_EQ(ids("UN sanctions"), (Ids{"un_plain"}));
    EXPECT_EQ(ids("U.S.-led"), (Ids{"us_dotted"}));
    EXPECT_EQ(ids("UN NEAR/3 diplomats"), (Ids{"un_plain"}));
    EXPECT_EQ(ids("UN NEAR/3 inspected"), Ids{});
    EXPECT_EQ(ids("un NEAR/3 inspected"), (Ids{"kim_spaced"}));
    EXPECT_EQ(ids("US NEAR/3 Treasury"), (Ids{"us_dotted"}));
    EXPECT_EQ(ids("US NEAR/3 told"), Ids{});
}

TEST_F(AcronymSearch, AcronymsInTheTitleField) {
    EXPECT_EQ(ids("title:UN"), Ids{});
    EXPECT_EQ(ids("title:un"), (Ids{"kim_headline"}));
    EXPECT_EQ(ids("UN ADJ sanctions"), (Ids{"un_plain"}));
}

TEST_F(AcronymSearch, NamesStayThePerson) {
    const Ids kim{"kim_spaced", "kim_hyphen", "kim_headline"};
    for (const char* name : {"Kim Jong Un", "KIM JONG UN", "kim jong un", "Kim Jong-un", "\"Kim Jong Un\""}) {
        EXPECT_EQ(ids(name), kim) << name;
    }
}

TEST_F(AcronymSearch, SnippetsLightTheAcronym) {
    const SearchResult result = search("UN");
    ASSERT_EQ(result.hits.size(), 2u);
    for (const Hit& hit : result.hits) {
        std::string lit;
        for (const SnippetPart& part : hit.snippet.parts) {
            if (part.highlighted) lit += "[" + part.text + "]";
        }
        EXPECT_EQ(lit, hit.id == "un_plain" ? "[UN][UN]" : "[U.N]") << hit.id;
    }
}

}  // namespace
}  // namespace corpus::searcher
