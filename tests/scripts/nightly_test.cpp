// scripts/nightly-reindex as cron or systemd runs it: incremental changes, a lock
// against a second run, one log line per run.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

class Nightly : public ::testing::Test {
protected:
    void SetUp() override {
        fs::copy(seed_dir(), tmp_ / "src");
        const char* path = std::getenv("PATH");
        // The build's corpus-index, not one installed earlier.
        env_ = {{"PATH", binary_dir().string() + ":" + (path != nullptr ? path : "/usr/bin:/bin")},
                {"CORPUS_REINDEX_LOG", (tmp_ / "reindex.log").string()}};
    }

    CommandResult nightly(const std::vector<std::string>& options = {}) {
        std::vector<std::string> argv{(source_dir() / "scripts" / "nightly-reindex").string(), "--db", db()};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back(src());
        return run(argv, env_);
    }
    std::string db() const { return (tmp_ / "db").string(); }
    std::string src() const { return (tmp_ / "src").string(); }
    std::string search(const std::string& query) {
        return run({search_bin(), "--db", db(), "--ids", query}).out;
    }

    TempDir tmp_;
    std::map<std::string, std::string> env_;
};

// Acceptance: adding, editing and deleting a file changes exactly those articles; a
// second run reports no changes.
TEST_F(Nightly, ChangesExactlyWhatChangedInTheSourceFolder) {
    ASSERT_EQ(nightly().exit_code, 0);
    write_file(tmp_ / "src" / "005_added.txt", "Kimchi diplomacy\n\nSeoul sent kimchi to Pyongyang as a gesture.\n");
    std::string edited = read_file(tmp_ / "src" / "000_4187df94d3ce0a80.txt");
    edited.replace(edited.find("mutual assistance"), 17, "sauerkraut assistance");
    write_file(tmp_ / "src" / "000_4187df94d3ce0a80.txt", edited);
    fs::remove(tmp_ / "src" / "003_457d596eeaa5c52e.txt");

    const CommandResult changed = nightly();
    EXPECT_EQ(changed.exit_code, 0) << changed.err;
    EXPECT_NE(changed.out.find("1 added, 1 updated, 1 deleted, 3 unchanged, 0 skipped"), std::string::npos) << changed.out;
    EXPECT_EQ(search("kimchi"), "005_added\n");
    EXPECT_EQ(search("sauerkraut"), "000_4187df94d3ce0a80\n");
    EXPECT_EQ(search("\"mutual assistance\""), "");
    EXPECT_EQ(search("multiwarhead"), "");

    const CommandResult again = nightly();
    EXPECT_EQ(again.exit_code, 0);
    EXPECT_NE(again.out.find("0 added, 0 updated, 0 deleted, 5 unchanged"), std::string::npos) << again.out;

    const std::string log = read_file(tmp_ / "reindex.log");
    EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 3) << log;
    EXPECT_NE(log.find("result=ok"), std::string::npos) << log;
    EXPECT_NE(log.find("counts=\"1 added, 1 updated, 1 deleted, 3 unchanged"), std::string::npos) << log;
    EXPECT_NE(log.find("index=" + db()), std::string::npos) << log;
}

// Cron mails whatever a run prints: a warning about a file (an unknown metadata key, text
// that is not UTF-8) is given when the file is indexed, new or changed, not again each
// night it is skipped as unchanged; and the summary counts it as repaired only then.
TEST_F(Nightly, AWarningAboutAFileIsGivenOnceNotEveryNight) {
    write_file(tmp_ / "src" / "005_typo.txt", "Kimchi diplomacy\n\nSeoul sent kimchi to Pyongyang as a gesture.\n");
    write_file(tmp_ / "src" / "005_typo.meta.json", R"({"title": "Kimchi diplomacy", "section": "World"})");
    write_file(tmp_ / "src" / "006_latin1.txt", "Orb\xE1n in Seoul\n\nHungary's prime minister Orb\xE1n met officials.\n");
    const std::string typo = "005_typo.meta.json: unknown metadata key \"section\" ignored";
    const std::string latin1 = "006_latin1.txt: 2 invalid UTF-8 sequence(s) replaced";

    const CommandResult first = nightly({"-q"});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.err.find(typo), std::string::npos) << first.err;
    EXPECT_NE(first.err.find(latin1), std::string::npos) << first.err;
    EXPECT_EQ(std::count(first.err.begin(), first.err.end(), '\n'), 2) << first.err;

    const CommandResult second = nightly({"-q"});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(second.err, "") << "an unchanged file is not warned about again";
    EXPECT_EQ(second.out, "");
    const CommandResult direct = run({index_bin(), "--db", db(), src()});
    EXPECT_EQ(direct.err, "");
    EXPECT_NE(direct.out.find("0 added, 0 updated, 0 deleted, 7 unchanged, 0 skipped (0 repaired)"), std::string::npos)
        << direct.out;

    // Changed, it is indexed again, and warned about again, once.
    write_file(tmp_ / "src" / "005_typo.meta.json", R"({"title": "Kimchi diplomacy", "section": "Asia"})");
    const CommandResult changed = nightly({"-q"});
    EXPECT_NE(changed.err.find(typo), std::string::npos) << changed.err;
    EXPECT_EQ(std::count(changed.err.begin(), changed.err.end(), '\n'), 1) << changed.err;
    const std::string log = read_file(tmp_ / "reindex.log");
    EXPECT_NE(log.find("counts=\"7 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped (2 repaired)"), std::string::npos)
        << log;
    EXPECT_NE(log.find("counts=\"0 added, 0 updated, 0 deleted, 7 unchanged, 0 skipped (0 repaired)"), std::string::npos)
        << log;
    EXPECT_NE(log.find("counts=\"0 added, 1 updated, 0 deleted, 6 unchanged, 0 skipped (1 repaired)"), std::string::npos)
        << log;
}

// A sharded index: the first run lays it out, later runs keep the layout by themselves.
TEST_F(Nightly, UpdatesAShardedIndexShardByShard) {
    const CommandResult first = nightly({"--shards", "3"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(read_file(tmp_ / "db" / "XAPIANDB"), "auto shard-00\nauto shard-01\nauto shard-02\n");
    write_file(tmp_ / "src" / "005_added.txt", "Kimchi diplomacy\n\nSeoul sent kimchi to Pyongyang as a gesture.\n");
    fs::remove(tmp_ / "src" / "003_457d596eeaa5c52e.txt");

    const CommandResult changed = nightly();
    EXPECT_EQ(changed.exit_code, 0) << changed.err;
    EXPECT_NE(changed.out.find("1 added, 0 updated, 1 deleted, 4 unchanged, 0 skipped"), std::string::npos)
        << changed.out;
    EXPECT_EQ(search("kimchi"), "005_added\n");
    EXPECT_EQ(run({search_bin(), "--db", db(), "--count", "\"Kim Jong Un\""}).out, "4\n");
}

TEST_F(Nightly, ASecondRunWhileOneIsGoingExitsAtOnce) {
    ASSERT_EQ(nightly().exit_code, 0);
    const int fd = ::open((tmp_ / "db" / ".nightly.lock").c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);  // as a running nightly-reindex holds it
    const CommandResult busy = nightly();
    ::close(fd);
    EXPECT_EQ(busy.exit_code, 75);
    EXPECT_NE(busy.err.find("another reindex of " + db() + " is running"), std::string::npos) << busy.err;
    EXPECT_NE(read_file(tmp_ / "reindex.log").find("result=busy"), std::string::npos);
    EXPECT_EQ(nightly().exit_code, 0);
}

// Acceptance: two nightly runs started together: one runs, the other exits at once.
TEST_F(Nightly, TwoRunsStartedTogether) {
    write_made_up_articles(tmp_ / "src", 0, 2000, 1);
    const std::string script = (source_dir() / "scripts" / "nightly-reindex").string();
    const std::string command = "\"$0\" --db \"$1\" \"$2\" >/dev/null 2>\"$3\"; echo $? >\"$3.status\"";
    std::vector<int> pids;
    for (const char* name : {"first", "second"}) {
        pids.push_back(spawn({"/usr/bin/env", "PATH=" + env_.at("PATH"), "CORPUS_REINDEX_LOG=" + env_.at("CORPUS_REINDEX_LOG"),
                              "sh", "-c", command, script, db(), src(), (tmp_ / name).string()}));
    }
    for (int pid : pids) wait_for(pid);
    const std::string first = read_file(tmp_ / "first.status") + read_file(tmp_ / "second.status");
    EXPECT_TRUE(first == "0\n75\n" || first == "75\n0\n") << first;
    const std::string said = read_file(tmp_ / "first") + read_file(tmp_ / "second");
    EXPECT_NE(said.find("another reindex of " + db() + " is running"), std::string::npos) << said;
    EXPECT_EQ(run({search_bin(), "--db", db(), "--count", "\"officials said on the peninsula\""}).out, "2000\n");
}

TEST_F(Nightly, FailuresAreLoggedAndReturned) {
    fs::remove_all(tmp_ / "src");
    const CommandResult failed = nightly();
    EXPECT_EQ(failed.exit_code, 2);
    EXPECT_NE(failed.err.find("no such file or folder"), std::string::npos) << failed.err;
    EXPECT_NE(read_file(tmp_ / "reindex.log").find("result=failed(2)"), std::string::npos);
}

// --help shows the comment block, named as the script was called (the Quickstart installs
// it as corpus-nightly-reindex), and no line of the script itself.
TEST_F(Nightly, HelpNamesTheScriptAsCalledAndShowsNoCode) {
    const fs::path installed = tmp_ / "corpus-nightly-reindex";
    fs::copy_file(source_dir() / "scripts" / "nightly-reindex", installed);
    const CommandResult help = run({"bash", installed.string(), "--help"}, env_);
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Usage: corpus-nightly-reindex [--db DIR]"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("repaired"), std::string::npos) << "the summary's words are explained: " << help.out;
    // Only the program's name is replaced: the saved searches' format keeps its NAME.
    EXPECT_NE(help.out.find("(NAME = QUERY lines)"), std::string::npos) << help.out;
    EXPECT_EQ(help.out.find("set -"), std::string::npos) << help.out;
    EXPECT_TRUE(help.out.ends_with("another run holds the lock.\n")) << help.out;
}

TEST_F(Nightly, VersionNamesTheIndexerItRuns) {
    const CommandResult version = run({(source_dir() / "scripts" / "nightly-reindex").string(), "--version"}, env_);
    EXPECT_EQ(version.exit_code, 0) << version.err;
    EXPECT_TRUE(version.out.starts_with("nightly-reindex running corpus-index " CORPUS_VERSION)) << version.out;
}

// -q prints nothing on a clean run, and the log line still has the counts.
TEST_F(Nightly, QuietPrintsNothingAndStillLogsTheCounts) {
    const CommandResult quiet = nightly({"-q"});
    EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
    EXPECT_EQ(quiet.out, "");
    EXPECT_EQ(quiet.err, "");
    const std::string log = read_file(tmp_ / "reindex.log");
    EXPECT_NE(log.find("result=ok"), std::string::npos) << log;
    EXPECT_NE(log.find("counts=\"5 added, 0 updated, 0 deleted, 0 unchanged"), std::string::npos) << log;
    EXPECT_EQ(search("kimchi"), "");
    EXPECT_NE(search("\"mutual assistance\""), "");
}

}  // namespace
}  // namespace corpus::testing
