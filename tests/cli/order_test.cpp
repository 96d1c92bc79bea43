// --sort: relevance, newest or oldest first, as a user runs corpus-search.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace corpus::testing {
namespace {

const std::string filler =
    " The ministry said the measures would stay in place until the talks resumed, and officials in Seoul "
    "and Tokyo said they would watch the ports closely over the coming weeks.";

class Order : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const std::filesystem::path src = *dir_ / "src";
        std::filesystem::create_directories(src);
        struct Article {
            const char* id;
            const char* date;  // or nullptr: undated
            int mentions;      // of "sanctions"; more ranks higher
        };
        for (const Article& article : std::vector<Article>{{"march", "2024-03-01", 1},
                                                           {"may_once", "2024-05-01", 1},
                                                           {"may_thrice", "2024-05-01", 3},
                                                           {"undated", nullptr, 2},
                                                           {"old", "2023-01-01", 1},
                                                           {"may_other", "2024-05-01", 0}}) {
            std::string body = "Harbor Report\n\n";
            for (int i = 0; i < article.mentions; ++i) body += "The new sanctions were announced on the same day.";
            body += filler + "\n";
            write_file(src / (std::string(article.id) + ".txt"), body);
            std::string meta = "{\"title\": \"Harbor Report\", \"outlet\": \"Harbor News\"";
            if (article.date) meta += std::string(", \"date\": \"") + article.date + "\"";
            write_file(src / (std::string(article.id) + ".meta.json"), meta + "}\n");
        }
        const CommandResult indexed = run({index_bin(), "--db", db(), src.string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static std::string ids(std::vector<std::string> args) {
        args.insert(args.begin(), {search_bin(), "--db", db(), "--ids"});
        const CommandResult result = run(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return result.out;
    }

private:
    static inline std::unique_ptr<TempDir> dir_;
};

TEST_F(Order, RelevanceIsTheDefault) {
    EXPECT_EQ(ids({"sanctions"}).substr(0, 11), "may_thrice\n");
    EXPECT_EQ(ids({"sanctions"}), ids({"--sort", "relevance", "sanctions"}));
}

// Undated articles come last in both date orders; a day's articles by relevance.
TEST_F(Order, DateOrdersPutUndatedLastAndBreakTiesByRelevance) {
    EXPECT_EQ(ids({"--sort", "newest", "sanctions"}), "may_thrice\nmay_once\nmarch\nold\nundated\n");
    EXPECT_EQ(ids({"--sort", "oldest", "sanctions"}), "old\nmarch\nmay_thrice\nmay_once\nundated\n");
    // Paging follows the order.
    EXPECT_EQ(ids({"--sort", "oldest", "--offset", "2", "--limit", "2", "sanctions"}), "may_thrice\nmay_once\n");
}

// Filters alone have nothing to rank by: newest first, or oldest when asked.
TEST_F(Order, FiltersAloneListNewestFirstUnlessOldestIsAsked) {
    const std::string newest = ids({"--outlet", "Harbor News"});
    EXPECT_TRUE(newest.starts_with("may_")) << newest;
    EXPECT_TRUE(newest.ends_with("\nmarch\nold\nundated\n")) << newest;
    EXPECT_EQ(ids({"--outlet", "Harbor News", "--sort", "relevance"}), newest);
    const std::string oldest = ids({"--outlet", "Harbor News", "--sort", "oldest"});
    EXPECT_TRUE(oldest.starts_with("old\nmarch\n")) << oldest;
    EXPECT_TRUE(oldest.ends_with("undated\n")) << oldest;
}

TEST_F(Order, AnotherOrderIsAnError) {
    const CommandResult result = run({search_bin(), "--db", db(), "--sort", "date", "sanctions"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_NE(result.err.find("--sort"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
}

}  // namespace
}  // namespace corpus::testing
