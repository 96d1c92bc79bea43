// Searches keep working while the index is updated and rebuilt under them: each sees the
// old or the new state of an article, never an error.
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

constexpr std::size_t article_count = 1500;

TEST(LiveReindex, SearchesNeverFailDuringAReindexAndARebuild) {
    TempDir tmp;
    const std::string db = (tmp / "db").string();
    write_made_up_articles(tmp / "src", 0, article_count, 1);
    ASSERT_EQ(run({index_bin(), "--db", db, (tmp / "src").string()}).exit_code, 0);

    std::atomic<bool> indexing{true};
    std::atomic<int> failures{0};
    std::atomic<int> searches{0};
    std::string first_failure;
    // One long-lived searcher in this process, as --batch uses, and new processes.
    std::thread in_process([&] {
        Result<searcher::Searcher> searcher = searcher::Searcher::open(db);
        ASSERT_TRUE(searcher.ok());
        searcher::SearchRequest request;
        request.query = "peninsula";
        while (indexing) {
            Result<searcher::SearchResult> result = searcher->search(request);
            ++searches;
            if (!result || result->total < article_count) {
                if (failures++ == 0) first_failure = result ? "too few results" : result.error().message;
            }
        }
    });
    std::thread processes([&] {
        while (indexing) {
            const CommandResult result = run({search_bin(), "--db", db, "--count", "peninsula"});
            ++searches;
            if (result.exit_code != 0 || result.out != std::to_string(article_count) + "\n") {
                if (failures++ == 0) first_failure = result.err + result.out;
            }
        }
    });

    write_made_up_articles(tmp / "src", 0, article_count, 2);
    const int updated = run({index_bin(), "--db", db, "--batch-size", "20", "-q", (tmp / "src").string()}).exit_code;
    write_made_up_articles(tmp / "src", 0, article_count, 3);
    const int rebuilt =
        run({index_bin(), "--db", db, "--rebuild", "--batch-size", "20", "-q", (tmp / "src").string()}).exit_code;
    indexing = false;
    in_process.join();
    processes.join();

    EXPECT_EQ(updated, 0);
    EXPECT_EQ(rebuilt, 0);
    EXPECT_GE(searches.load(), 10) << "the searches did not overlap the reindex";
    EXPECT_EQ(failures.load(), 0) << first_failure;
}

}  // namespace
}  // namespace corpus::testing
