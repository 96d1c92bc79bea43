// corpus-index killed with SIGKILL at many points: the index it leaves always opens, holds
// every article committed before, never a duplicate, and the next run completes the work.
#include "schema/fields.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

constexpr std::size_t article_count = 2000;

struct IndexState {
    Xapian::doccount documents;
    std::size_t ids;            // distinct id terms
    std::size_t duplicated_ids;  // id terms on more than one document
};

IndexState inspect(const fs::path& db_path) {
    Xapian::Database db(db_path.string());
    IndexState state{db.get_doccount(), 0, 0};
    const std::string id_prefix(schema::id_term.prefix);
    for (auto term = db.allterms_begin(id_prefix); term != db.allterms_end(id_prefix); ++term) {
        ++state.ids;
        if (term.get_termfreq() > 1) ++state.duplicated_ids;
    }
    return state;
}

std::size_t matching(const fs::path& db_path, const std::string& word) {
    Xapian::Database db(db_path.string());
    return db.get_termfreq(word);
}

// Runs corpus-index and kills it after `delay`; true if it finished first.
bool run_and_kill(const std::vector<std::string>& args, std::chrono::milliseconds delay) {
    const int pid = spawn(args);
    std::this_thread::sleep_for(delay);
    ::kill(pid, SIGKILL);
    return wait_for(pid) == 0;
}

TEST(Crash, KilledIncrementalRunsLoseNothingAndResume) {
    TempDir tmp;
    const fs::path db = tmp / "db";
    write_made_up_articles(tmp / "src", 0, article_count / 2, 1);
    ASSERT_EQ(run({index_bin(), "--db", db.string(), (tmp / "src").string()}).exit_code, 0);
    ASSERT_EQ(inspect(db).documents, article_count / 2);

    // New articles, and a new version of a quarter of the old ones.
    write_made_up_articles(tmp / "src", article_count / 2, article_count / 2, 1);
    write_made_up_articles(tmp / "src", 0, article_count / 4, 2);
    const std::vector<std::string> args = {index_bin(), "--db", db.string(), "--batch-size", "25", "-q",
                                           (tmp / "src").string()};
    Xapian::doccount before = article_count / 2;
    int kills = 0;
    for (int round = 1; round <= 60; ++round) {
        if (run_and_kill(args, std::chrono::milliseconds(10 * round))) break;
        ++kills;
        const IndexState state = inspect(db);
        EXPECT_GE(state.documents, before) << "round " << round << ": committed articles were lost";
        EXPECT_EQ(state.ids, state.documents) << "round " << round;
        EXPECT_EQ(state.duplicated_ids, 0u) << "round " << round;
        before = state.documents;
    }
    EXPECT_GE(kills, 3) << "the runs ended before they could be killed at several points";

    ASSERT_EQ(run({index_bin(), "--db", db.string(), (tmp / "src").string()}).exit_code, 0);
    const IndexState final_state = inspect(db);
    EXPECT_EQ(final_state.documents, article_count);
    EXPECT_EQ(final_state.duplicated_ids, 0u);
    // Every title says its version: the updates all landed, and nothing else changed.
    EXPECT_EQ(matching(db, "2"), article_count / 4);
    EXPECT_EQ(matching(db, "1"), article_count - article_count / 4);
    const CommandResult rerun = run({index_bin(), "--db", db.string(), (tmp / "src").string()});
    EXPECT_NE(rerun.out.find("0 added, 0 updated, 0 deleted, 2000 unchanged"), std::string::npos) << rerun.out;
}

TEST(Crash, AKilledRebuildLeavesThePreviousIndexWhole) {
    TempDir tmp;
    const fs::path db = tmp / "db";
    write_made_up_articles(tmp / "src", 0, article_count, 1);
    ASSERT_EQ(run({index_bin(), "--db", db.string(), (tmp / "src").string()}).exit_code, 0);
    write_made_up_articles(tmp / "src", 0, article_count, 2);
    const std::vector<std::string> args = {index_bin(), "--db", db.string(), "--rebuild", "--batch-size", "25", "-q",
                                           (tmp / "src").string()};
    int kills = 0;
    for (int round = 1; round <= 60; ++round) {
        const bool finished = run_and_kill(args, std::chrono::milliseconds(15 * round));
        const IndexState state = inspect(db);
        EXPECT_EQ(state.documents, article_count) << "round " << round;
        EXPECT_EQ(state.duplicated_ids, 0u) << "round " << round;
        if (finished) break;
        ++kills;
    }
    EXPECT_GE(kills, 3);
    ASSERT_EQ(run({index_bin(), "--db", db.string(), "--rebuild", (tmp / "src").string()}).exit_code, 0);
    EXPECT_EQ(inspect(db).documents, article_count);
    std::size_t generations = 0;
    for (const auto& entry : fs::directory_iterator(db)) generations += entry.path().filename().string().starts_with("gen-");
    EXPECT_LE(generations, 2u) << "leftovers of killed rebuilds are cleaned up";
}

}  // namespace
}  // namespace corpus::testing
