// Issue 22: British and American spellings find each other, in a real index of articles
// written one way or the other, whichever way the query is written.
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

class SpellingVariants : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        const auto src = *dir_ / "src";
        std::filesystem::create_directories(src);
        testing::write_file(src / "british.txt",
                            "Seoul signs a mutual defence pact\n\n"
                            "The organisation analysed the defences of the centre and travelled to the "
                            "paediatric ward; the catalogue was in colour.\n\n"
                            "A worn tyre and a cheque.\n");
        testing::write_file(src / "american.txt",
                            "Seoul signs a mutual defense pact\n\n"
                            "The organization analyzed the defenses of the center and traveled to the "
                            "pediatric ward; the catalog was in color.\n\n"
                            "A worn tire and a check.\n");
        testing::write_file(src / "neither.txt",
                            "Mutual trust, a defence of nothing in particular\n\n"
                            "Defense spending was mutual in the region.\n");
        indexer::IndexOptions options;
        options.db_path = (*dir_ / "db").string();
        options.sources = {src};
        Result<indexer::IndexSummary> summary = indexer::run_index(options, {});
        ASSERT_TRUE(summary.ok()) << summary.error().message;
        ASSERT_EQ(summary->added, 3u);
    }

    static void TearDownTestSuite() { dir_.reset(); }

    static Ids ids(const std::string& query) {
        Result<Searcher> searcher = Searcher::open((*dir_ / "db").string());
        EXPECT_TRUE(searcher.ok()) << searcher.error().message;
        if (!searcher.ok()) return {};
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok()) << query << ": " << result.error().message;
        Ids out;
        if (result.ok()) {
            for (const Hit& hit : result->hits) out.insert(hit.id);
        }
        return out;
    }

private:
    static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> SpellingVariants::dir_;

const Ids both{"american", "british"};

TEST_F(SpellingVariants, PhrasesFindTheOtherSpelling) {
    // "neither" has both words, but never as the phrase.
    EXPECT_EQ(ids("\"mutual defence\""), both);
    EXPECT_EQ(ids("\"mutual defense\""), both);
    EXPECT_EQ(ids("\"Mutual Defence pact\""), both);
    EXPECT_EQ(ids("\"paediatric ward\""), both);
    EXPECT_EQ(ids("\"pediatric ward\""), both);
}

TEST_F(SpellingVariants, WordsFindTheOtherSpelling) {
    for (const char* query : {"organisation", "organization", "centre", "center", "colour", "color", "catalogue",
                              "catalog", "travelled", "traveled", "analysed", "analyzed", "analyse", "analyze",
                              "organisation AND paediatric"}) {
        EXPECT_EQ(ids(query), both) << query;
    }
    // Bare words stem, so the plural finds the singular of "neither" too; quoted, it does not.
    const Ids all{"american", "british", "neither"};
    for (const char* query : {"defence", "defense", "defences", "defenses"}) EXPECT_EQ(ids(query), all) << query;
    EXPECT_EQ(ids("\"defences\""), both);
    EXPECT_EQ(ids("\"defenses\""), both);
}

// The index holds the American spellings: a wildcard typed in British finds them too.
TEST_F(SpellingVariants, WildcardsFindTheOtherSpelling) {
    for (const char* query : {"organis*", "organiz*", "analys*", "travell*", "paediat*", "catalogu*"}) {
        EXPECT_EQ(ids(query), both) << query;
    }
}

TEST_F(SpellingVariants, UnrelatedWordsStayApart) {
    EXPECT_EQ(ids("tyre"), Ids{"british"});
    EXPECT_EQ(ids("tire"), Ids{"american"});
    EXPECT_EQ(ids("cheque"), Ids{"british"});
    EXPECT_EQ(ids("check"), Ids{"american"});
}

}  // namespace
}  // namespace corpus::searcher
