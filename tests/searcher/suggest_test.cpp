// "Did you mean" (issue 22) on a real index whose word frequencies the test sets: every
// article says "talks", 20 say "Pyongyang", "Seoul", "Tokyo", "missile" and "summit", 10
// say "tales", and one misspells "Pyongyan".
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "searcher/suggest.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace corpus::searcher {
namespace {

class Suggest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        const auto src = *dir_ / "src";
        std::filesystem::create_directories(src);
        for (int n = 0; n < 120; ++n) {
            std::string text = "Report number " + std::to_string(n) + " from the news desk\n\n" +
                               "Officials said the talks went on for a long time and ended late in the evening.\n\n";
            if (n < 20) {
                text += "The envoy held talks in Pyongyang about the missile programme, and officials in Seoul "
                        "and Tokyo said the summit would go ahead.\n\n";
            } else if (n < 30) {
                text += "The envoy told tales of the old days to the reporters who waited outside.\n\n";
            } else if (n == 30) {
                text += "The reporter filed the story from Pyongyan, a spelling the desk missed.\n\n";
            }
            char id[16];
            std::snprintf(id, sizeof id, "doc%03d", n);
            testing::write_file(src / (std::string(id) + ".txt"), text);
        }
        indexer::IndexOptions options;
        options.db_path = (*dir_ / "db").string();
        options.sources = {src};
        Result<indexer::IndexSummary> summary = indexer::run_index(options, {});
        ASSERT_TRUE(summary.ok()) << summary.error().message;
        ASSERT_EQ(summary->added, 120u);
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static SearchResult search(const std::string& query) {
        Result<Searcher> searcher = Searcher::open((*dir_ / "db").string());
        EXPECT_TRUE(searcher.ok()) << searcher.error().message;
        SearchRequest request;
        request.query = query;
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok()) << query << ": " << result.error().message;
        return result.ok() ? result.value() : SearchResult{};
    }

    static std::string suggestion(const std::string& query) { return search(query).suggestion; }

private:
    static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> Suggest::dir_;

TEST_F(Suggest, AMisspeltPlaceNameGetsTheIndexSpellingInTheTypedStyle) {
    EXPECT_EQ(search("Pyongyag").total, 0u);
    EXPECT_EQ(suggestion("Pyongyag"), "Pyongyang");
    EXPECT_EQ(suggestion("pyongyag"), "pyongyang");
    EXPECT_EQ(suggestion("PYONGYAG"), "PYONGYANG");
    EXPECT_EQ(suggestion("Pyongyagn"), "Pyongyang");  // two letters swapped: one edit
    EXPECT_EQ(suggestion("Pyongyag's"), "Pyongyang's");
    EXPECT_EQ(suggestion("Tokio"), "Tokyo");
}

TEST_F(Suggest, AWordInFarFewerArticlesThanItsNeighbourIsCorrected) {
    // One article has the typo: the query finds it, and the spelling most articles use.
    EXPECT_EQ(search("Pyongyan").total, 1u);
    EXPECT_EQ(suggestion("Pyongyan"), "Pyongyang");
}

TEST_F(Suggest, CorrectWordsGetNoSuggestion) {
    EXPECT_EQ(suggestion("Pyongyang"), "");
    // Nothing matches, but every word is common.
    EXPECT_EQ(search("Pyongyang NOT missile").total, 0u);
    EXPECT_EQ(suggestion("Pyongyang NOT missile"), "");
    // "tales" is in 10 articles, "talks" in all 120: a common word stays as typed.
    EXPECT_EQ(suggestion("tales Pyongyag"), "tales Pyongyang");
    // No word of the index is close.
    EXPECT_EQ(suggestion("zeppelin"), "");
    // Too short to correct with confidence.
    EXPECT_EQ(suggestion("tlk"), "");
}

TEST_F(Suggest, AQueryMatchingMoreThanAFewIsTakenAsMeant) {
    EXPECT_EQ(suggestion("Tokio"), "Tokyo");
    ASSERT_GT(search("Pyongyang OR Tokio").total, suggest_at_most_matches);
    EXPECT_EQ(suggestion("Pyongyang OR Tokio"), "");
}

// Each rare word costs a scan of the words sharing its first letter: a query of many is
// no misspelling, and 1,000 of them must not take seconds.
TEST_F(Suggest, AQueryOfManyUnknownWordsGetsNone) {
    std::string eight = "Tokio";
    for (const char* word : {"qwerty", "asdfgh", "zxcvbn", "yuiopp", "hjklmn", "bnmvcx", "poiuyt"}) {
        eight += std::string(" ") + word;
    }
    EXPECT_EQ(suggestion(eight), "Tokyo qwerty asdfgh zxcvbn yuiopp hjklmn bnmvcx poiuyt");
    EXPECT_EQ(suggestion(eight + " lkjhgf"), "");
}

TEST_F(Suggest, APhraseWithOneMisspeltWord) {
    EXPECT_EQ(suggestion("\"held talks in Pyongyag\""), "\"held talks in Pyongyang\"");
    EXPECT_EQ(suggestion("\xE2\x80\x9Ctalks in Pyongyag\xE2\x80\x9D"), "\xE2\x80\x9Ctalks in Pyongyang\xE2\x80\x9D");
}

TEST_F(Suggest, OperatorsBracketsAndSignsAreKept) {
    EXPECT_EQ(suggestion("(Pyongyag OR Tokio) AND NOT missle"), "(Pyongyang OR Tokyo) AND NOT missile");
    EXPECT_EQ(suggestion("Pyongyag NEAR/3 sumit -missle"), "Pyongyang NEAR/3 summit -missile");
    EXPECT_EQ(suggestion("Pyongyang   AND  sumitt"), "Pyongyang   AND  summit");
}

TEST_F(Suggest, NamesAndWildcardsAreLeftAlone) {
    EXPECT_EQ(suggestion("Seol"), "Seoul");
    // Pak Seol is a Korean name, not a misspelt Seoul.
    EXPECT_EQ(suggestion("Pak Seol"), "");
    EXPECT_EQ(suggestion("Tokio AND Pyonx*"), "Tokyo AND Pyonx*");
}

}  // namespace
}  // namespace corpus::searcher
