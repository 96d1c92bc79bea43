// The indexer against what a hostile user or an unlucky system puts in a source folder
// (issue 21): files that are not regular files, metadata too large, symbolic links and
// their loops, ids that cannot be stored, folders that cannot be read, option values
// out of range, names that would split a message in two.
#include "indexer/indexer.h"
#include "indexer/run_context.h"
#include "schema/analysis.h"
#include "schema/fields.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace corpus::indexer {
namespace {
namespace fs = std::filesystem;
using testing::run;
using testing::write_file;

struct IndexRun {
    Result<IndexSummary> summary;
    std::vector<std::string> warnings;
};

IndexRun index(const fs::path& db, std::vector<fs::path> sources, bool follow_symlinks = false, bool rebuild = false) {
    IndexOptions options;
    options.db_path = db.string();
    options.sources = std::move(sources);
    options.follow_symlinks = follow_symlinks;
    options.rebuild = rebuild;
    std::vector<std::string> warnings;
    IndexObserver observer;
    observer.warning = [&](const std::string& line) { warnings.push_back(line); };
    Result<IndexSummary> summary = run_index(options, observer);
    return IndexRun{std::move(summary), std::move(warnings)};
}

bool has_warning(const IndexRun& run, const std::string& needle) {
    return std::any_of(run.warnings.begin(), run.warnings.end(),
                       [&](const std::string& w) { return w.find(needle) != std::string::npos; });
}

Xapian::doccount articles_with_id(const fs::path& db, const std::string& id) {
    return Xapian::Database(db.string()).get_termfreq(schema::exact_term(schema::id_term, id));
}

std::size_t lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

const std::string article = "A headline\n\nText about Pyongyang and the talks held there.\n";

// Run with a time limit: the old indexer waited on a FIFO forever.
testing::CommandResult index_cli(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{"timeout", "20", testing::index_bin()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run(argv);
}

TEST(HostileFiles, AFifoWhereAFileIsExpectedIsSkippedNotWaitedFor) {
    testing::TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "good.txt", article);
    ASSERT_EQ(::mkfifo((dir / "src" / "pipe.txt").c_str(), 0644), 0);
    write_file(dir / "src" / "meta.txt", article);
    ASSERT_EQ(::mkfifo((dir / "src" / "meta.meta.json").c_str(), 0644), 0);
    const testing::CommandResult result = index_cli({"--db", (dir / "db").string(), (dir / "src").string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("1 added, 0 updated, 0 deleted, 0 unchanged, 2 skipped"), std::string::npos) << result.out;
    EXPECT_NE(result.err.find("pipe.txt is a FIFO, not a regular file, skipped"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("meta.meta.json is a FIFO, not a regular file, article skipped"), std::string::npos)
        << result.err;
    EXPECT_EQ(lines(result.err), 2u) << result.err;
}

TEST(HostileFiles, AFolderOrADeviceWhereMetadataIsExpectedSkipsTheArticle) {
    testing::TempDir dir;
    fs::create_directories(dir / "src" / "folder.meta.json");
    write_file(dir / "src" / "folder.txt", article);
    fs::create_symlink("/dev/zero", dir / "src" / "zero.meta.json");
    write_file(dir / "src" / "zero.txt", article);
    write_file(dir / "src" / "good.txt", article);
    for (bool follow : {false, true}) {
        IndexRun run = index(dir / ("db" + std::to_string(follow)), {dir / "src"}, follow);
        ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
        EXPECT_EQ(run.summary->added, 1u);
        EXPECT_EQ(run.summary->skipped, 2u);
        EXPECT_TRUE(has_warning(run, "folder.meta.json is a folder, not a regular file, article skipped"));
        // Not followed, it is a link; followed, a device, and never read.
        EXPECT_TRUE(has_warning(run, follow ? "zero.meta.json is a device, not a regular file"
                                            : "zero.meta.json is a symbolic link"));
    }
}

TEST(HostileFiles, MetadataOverOneMegabyteSkipsTheArticle) {
    testing::TempDir dir;
    fs::create_directories(dir / "src");
    const std::string title = R"({"title": "Padded"})";
    write_file(dir / "src" / "at-limit.txt", article);
    write_file(dir / "src" / "at-limit.meta.json", title + std::string(max_metadata_bytes - title.size(), ' '));
    write_file(dir / "src" / "over-limit.txt", article);
    write_file(dir / "src" / "over-limit.meta.json", title + std::string(max_metadata_bytes + 1 - title.size(), ' '));
    IndexRun run = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 1u);
    EXPECT_EQ(run.summary->skipped, 1u);
    EXPECT_TRUE(has_warning(run, "over-limit.meta.json is larger than the limit of 1048576 bytes, article skipped"));
    EXPECT_EQ(articles_with_id(dir / "db", "at-limit"), 1u);
    EXPECT_EQ(articles_with_id(dir / "db", "over-limit"), 0u);
}

TEST(HostileFiles, SymlinkLoopsEndTheWalkNotTheRun) {
    testing::TempDir dir;
    fs::create_directories(dir / "src" / "sub");
    write_file(dir / "src" / "sub" / "a.txt", article);
    fs::create_directory_symlink(dir / "src", dir / "src" / "sub" / "up");  // a loop through its parent
    fs::create_symlink("self", dir / "src" / "self");                       // too many levels
    fs::create_symlink("nowhere", dir / "src" / "dangling.txt");
    for (bool follow : {false, true}) {
        IndexRun run = index(dir / ("db" + std::to_string(follow)), {dir / "src"}, follow);
        ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
        EXPECT_EQ(run.summary->added, 1u);
        EXPECT_EQ(run.summary->skipped, 0u) << "a folder is listed once: no duplicate ids";
        EXPECT_EQ(run.summary->links_skipped, 3u);
    }
}

TEST(HostileFiles, AFolderReachedAlsoThroughALinkIsIndexedUnderItsRealPath) {
    testing::TempDir dir;
    fs::create_directories(dir / "src" / "a");
    fs::create_directories(dir / "src" / "z");
    write_file(dir / "src" / "z" / "x.txt", article);
    fs::create_directory_symlink(dir / "src" / "z", dir / "src" / "a" / "to-z");
    IndexRun run = index(dir / "db", {dir / "src"}, /*follow_symlinks=*/true);
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 1u);
    EXPECT_EQ(run.summary->skipped, 0u) << "no duplicate of x through the link";
    EXPECT_EQ(run.summary->links_skipped, 1u);
    Xapian::Database db((dir / "db").string());
    const std::string term = schema::exact_term(schema::id_term, "x");
    ASSERT_NE(db.postlist_begin(term), db.postlist_end(term));
    EXPECT_EQ(db.get_document(*db.postlist_begin(term)).get_value(schema::slot_source),
              (dir / "src" / "z" / "x.txt").string());
}

TEST(HostileFiles, LinksAreNotFollowedUnlessAskedOrNamed) {
    testing::TempDir dir;
    fs::create_directories(dir / "outside");
    fs::create_directories(dir / "src");
    write_file(dir / "outside" / "secret.txt", "Secret\n\nThe password is swordfish.\n");
    fs::create_directories(dir / "outside" / "folder");
    write_file(dir / "outside" / "folder" / "far.txt", article);
    write_file(dir / "src" / "good.txt", article);
    fs::create_symlink(dir / "outside" / "secret.txt", dir / "src" / "leak.txt");
    fs::create_directory_symlink(dir / "outside" / "folder", dir / "src" / "linked");

    IndexRun plain = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(plain.summary.ok()) << plain.summary.error().message;
    EXPECT_EQ(plain.summary->added, 1u);
    EXPECT_EQ(plain.summary->links_skipped, 2u);
    EXPECT_TRUE(plain.warnings.empty()) << "links are counted, not warned about one by one";
    EXPECT_EQ(articles_with_id(dir / "db", "leak"), 0u);

    IndexRun followed = index(dir / "db", {dir / "src"}, /*follow_symlinks=*/true);
    ASSERT_TRUE(followed.summary.ok()) << followed.summary.error().message;
    EXPECT_EQ(followed.summary->added, 2u);
    EXPECT_EQ(followed.summary->links_skipped, 0u);
    EXPECT_EQ(articles_with_id(dir / "db", "leak"), 1u);
    EXPECT_EQ(articles_with_id(dir / "db", "far"), 1u);

    // Without --follow-symlinks again, what came through links is no longer in the sources.
    IndexRun again = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(again.summary.ok());
    EXPECT_EQ(again.summary->deleted, 2u);
    EXPECT_EQ(articles_with_id(dir / "db", "leak"), 0u);

    // A link named as a source is what the user asked for.
    IndexRun named = index(dir / "db2", {dir / "src" / "leak.txt", dir / "src" / "linked"});
    ASSERT_TRUE(named.summary.ok()) << named.summary.error().message;
    EXPECT_EQ(named.summary->added, 2u);
}

TEST(HostileFiles, AnIdThatCannotBeStoredSkipsItsFileNotTheRun) {
    testing::TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "good.txt", article);
    // The longest id whose term Xapian takes, and one byte more.
    const std::size_t longest = max_term_bytes - schema::exact_term(schema::id_term, "").size();
    const std::string fits(longest, 'a');
    const std::string too_long(longest + 1, 'b');
    write_file(dir / "src" / (fits + ".txt"), article);
    const std::vector<std::string> bad{too_long, "bad\xff" "byte", "new\nline", "escape\x1b[31m"};
    for (const std::string& id : bad) write_file(dir / "src" / (id + ".txt"), article);

    // A first build (on every core), then an incremental run with the bad files new to it.
    for (bool first : {true, false}) {
        const fs::path db = dir / (first ? "db" : "db-incremental");
        if (!first) {
            fs::create_directories(dir / "only-good");
            write_file(dir / "only-good" / "good.txt", article);
            ASSERT_TRUE(index(db, {dir / "only-good"}).summary.ok());
        }
        IndexRun run = index(db, {dir / "src"});
        ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
        EXPECT_EQ(run.summary->added + run.summary->updated, 2u);
        EXPECT_EQ(run.summary->skipped, bad.size());
        EXPECT_TRUE(has_warning(run, "bbb.txt cannot be indexed: its id is " + std::to_string(longest + 1) +
                                         " bytes long, over the " + std::to_string(longest) + " an id can have"));
        EXPECT_TRUE(has_warning(run, "bad\\xffbyte.txt cannot be indexed: its id is not valid UTF-8, skipped"));
        EXPECT_TRUE(has_warning(run, "new\\nline.txt cannot be indexed: its id holds a control character"));
        EXPECT_TRUE(has_warning(run, "escape\\x1b[31m.txt cannot be indexed"));
        for (const std::string& w : run.warnings) EXPECT_EQ(w.find_first_of("\n\x1b"), std::string::npos) << w;
        EXPECT_EQ(articles_with_id(db, fits), 1u);
        EXPECT_EQ(articles_with_id(db, "good"), 1u);

        IndexRun again = index(db, {dir / "src"});
        ASSERT_TRUE(again.summary.ok()) << again.summary.error().message;
        EXPECT_EQ(again.summary->unchanged, 2u);
        EXPECT_EQ(again.summary->deleted, 0u);
    }
}

TEST(HostileFiles, DuplicatesOfAnUnstorableIdAreSkippedToo) {
    testing::TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    write_file(dir / "a" / "x\ny.txt", article);
    write_file(dir / "b" / "x\ny.txt", article);
    write_file(dir / "b" / "good.txt", article);
    IndexRun run = index(dir / "db", {dir / "a", dir / "b"});
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 1u);
    EXPECT_EQ(run.summary->skipped, 2u);
    EXPECT_TRUE(has_warning(run, "another file already has the id \"x\\ny\""));
}

TEST(HostileFiles, AFileThatVanishesMidRunIsReportedAndKept) {
    testing::TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "a.txt", article);
    Result<SourceListing> listed = list_sources({dir / "src"}, false);
    ASSERT_TRUE(listed.ok());
    fs::remove(dir / "src" / "a.txt");  // after the listing, before the read
    const IndexOptions options;
    const IndexObserver observer;
    IndexSummary summary;
    RunContext run(options, observer, listed.value(), summary);
    Result<ArticleFile> read = run.read(0);
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().message.find("a.txt vanished during the run; an article indexed from it is kept"),
              std::string::npos)
        << read.error().message;
    EXPECT_FALSE(run.admit(std::move(read)));
    EXPECT_EQ(summary.skipped, 1u);
    EXPECT_FALSE(run.is_gone((dir / "src" / "a.txt").string()));

    // Confirmed absent by the next run's listing: gone.
    Result<SourceListing> relisted = list_sources({dir / "src"}, false);
    ASSERT_TRUE(relisted.ok());
    RunContext next(options, observer, relisted.value(), summary);
    EXPECT_TRUE(next.is_gone((dir / "src" / "a.txt").string()));
}

// Whether `user` can be switched to here (as root, with setpriv), so that permissions
// apply: root reads a folder of mode 000 all the same.
bool can_run_as_nobody() {
    return ::geteuid() == 0 && run({"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "true"}).exit_code == 0;
}

TEST(HostileFiles, AnUnreadableFolderKeepsItsArticles) {
    const bool as_nobody = can_run_as_nobody();
    if (::geteuid() == 0 && !as_nobody) GTEST_SKIP() << "root reads any folder, and setpriv cannot drop to nobody here";
    testing::TempDir dir;
    fs::create_directories(dir / "src" / "sub");
    write_file(dir / "src" / "top.txt", article);
    write_file(dir / "src" / "sub" / "inner.txt", article);
    write_file(dir / "src" / "sub" / "other.txt", article);
    std::vector<std::string> prefix;
    if (as_nobody) {
        fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
        fs::create_directories(dir / "db");
        ASSERT_EQ(run({"chown", "-R", "nobody:nogroup", (dir / "src").string(), (dir / "db").string()}).exit_code, 0);
        prefix = {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
    }
    const auto index_as_user = [&](const std::vector<std::string>& sources) {
        std::vector<std::string> argv = prefix;
        argv.insert(argv.end(), {"timeout", "20", testing::index_bin(), "--db", (dir / "db").string()});
        argv.insert(argv.end(), sources.begin(), sources.end());
        return run(argv);
    };
    const testing::CommandResult first = index_as_user({(dir / "src").string()});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_NE(first.out.find("3 added"), std::string::npos) << first.out;

    fs::permissions(dir / "src" / "sub", fs::perms::none);
    const testing::CommandResult reindex = index_as_user({(dir / "src").string()});
    fs::permissions(dir / "src" / "sub", fs::perms::owner_all);
    EXPECT_EQ(reindex.exit_code, 0) << reindex.err;
    EXPECT_NE(reindex.out.find("0 deleted"), std::string::npos) << reindex.out;
    EXPECT_NE(reindex.err.find("warning: cannot read folder " + (dir / "src" / "sub").string() +
                               ": Permission denied; the articles indexed from it are kept"),
              std::string::npos)
        << reindex.err;
    EXPECT_EQ(lines(reindex.err), 1u) << reindex.err;
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 3u);

    // A source that cannot be read at all is an error before anything is deleted.
    fs::permissions(dir / "src" / "sub", fs::perms::none);
    const testing::CommandResult named = index_as_user({(dir / "src" / "sub").string()});
    fs::permissions(dir / "src" / "sub", fs::perms::owner_all);
    EXPECT_EQ(named.exit_code, 2);
    EXPECT_EQ(lines(named.err), 1u) << named.err;
    EXPECT_NE(named.err.find("cannot read " + (dir / "src" / "sub").string() + ": Permission denied"),
              std::string::npos)
        << named.err;
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 3u);
}

TEST(HostileFiles, OptionNumbersAreCheckedNotWrapped) {
    testing::TempDir dir;
    const std::vector<std::pair<std::string, std::string>> bad{
        {"--max-file-size", "-1"},     {"--max-file-size", "18446744073709551616"}, {"--max-file-size", "0"},
        {"--max-file-size", "1e9"},    {"--batch-size", "0"},   {"--batch-size", "-5"}, {"--batch-size", "nan"},
        {"--jobs", "1e99"},            {"--jobs", "4294967297"}, {"--jobs", "0"},      {"--shards", "-1"},
        {"--shards", "100"},           {"--shards", " 2"},       {"--jobs", "inf"},
    };
    for (const auto& [option, value] : bad) {
        const testing::CommandResult result =
            index_cli({"--db", (dir / "db").string(), option, value, testing::seed_dir().string()});
        EXPECT_EQ(result.exit_code, 2) << option << " " << value;
        EXPECT_EQ(lines(result.err), 1u) << result.err;
        EXPECT_NE(result.err.find(option + " takes a whole number from "), std::string::npos) << result.err;
        EXPECT_FALSE(fs::exists(dir / "db")) << option << " " << value;
    }
    const testing::CommandResult fine =
        index_cli({"--db", (dir / "db").string(), "--max-file-size", "1073741824", "--batch-size", "1000000", "--jobs",
                   "256", testing::seed_dir().string()});
    EXPECT_EQ(fine.exit_code, 0) << fine.err;
}

TEST(HostileFiles, ANameWithANewlineMakesOneLineOfStderr) {
    testing::TempDir dir;
    const fs::path odd = dir / "odd\nfolder";
    fs::create_directories(odd);
    write_file(odd / "empty.txt", "");
    write_file(odd / "good.txt", article);
    const testing::CommandResult warned = index_cli({"--db", (dir / "db").string(), odd.string()});
    EXPECT_EQ(warned.exit_code, 0) << warned.err;
    EXPECT_EQ(lines(warned.err), 1u) << warned.err;
    EXPECT_NE(warned.err.find("odd\\nfolder/empty.txt is empty, skipped"), std::string::npos) << warned.err;
    EXPECT_EQ(lines(warned.out), 1u) << warned.out;

    const testing::CommandResult missing =
        index_cli({"--db", (dir / "db2\nx").string(), (dir / "no\nsuch\x1b[2J").string()});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(lines(missing.err), 1u) << missing.err;
    EXPECT_NE(missing.err.find("no such file or folder: "), std::string::npos) << missing.err;
    EXPECT_EQ(missing.err.find('\x1b'), std::string::npos) << missing.err;
}

TEST(HostileFiles, TheSummarySaysHowManyLinksWereSkipped) {
    testing::TempDir dir;
    fs::create_directories(dir / "src");
    write_file(dir / "src" / "good.txt", article);
    fs::create_symlink(dir / "src" / "good.txt", dir / "src" / "alias.txt");
    fs::create_directory_symlink(dir / "src", dir / "src" / "loop");
    const testing::CommandResult plain = index_cli({"--db", (dir / "db").string(), (dir / "src").string()});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    EXPECT_NE(plain.out.find("1 added, 0 updated, 0 deleted, 0 unchanged, 0 skipped (0 repaired), 2 links skipped in "),
              std::string::npos)
        << plain.out;
    EXPECT_EQ(lines(plain.out), 1u);
    EXPECT_TRUE(plain.err.empty()) << plain.err;
    const testing::CommandResult followed =
        index_cli({"--db", (dir / "db").string(), "--follow-symlinks", (dir / "src").string()});
    EXPECT_EQ(followed.exit_code, 0) << followed.err;
    // alias.txt is one more article of the same text under its own id; the loop is not followed twice.
    EXPECT_NE(followed.out.find("1 added, 0 updated, 0 deleted, 1 unchanged, 0 skipped (0 repaired), 1 link skipped"),
              std::string::npos)
        << followed.out;
}

// The index is written, but a summary that a full disk swallowed must not pass for one
// that was printed (it exited 0).
TEST(HostileFiles, ASummaryThatCannotBeWrittenIsAnError) {
    testing::TempDir dir;
    const testing::CommandResult result =
        run({"/bin/sh", "-c", "exec \"$0\" --db \"$1\" \"$2\" > /dev/full", testing::index_bin(),
             (dir / "db").string(), testing::seed_dir().string()});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(result.err, "corpus-index: cannot write output: No space left on device\n");
}

}  // namespace
}  // namespace corpus::indexer
