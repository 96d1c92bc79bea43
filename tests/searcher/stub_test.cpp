// Searching through a stub file that lists shards: local ones, and remote ones that fail.
#include "indexer/indexer.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

namespace corpus::searcher {
namespace {
namespace fs = std::filesystem;

void index_sharded(const fs::path& db, unsigned shards) {
    indexer::IndexOptions options;
    options.db_path = db.string();
    options.sources = {testing::seed_dir()};
    options.shards = shards;
    ASSERT_TRUE(indexer::run_index(options, indexer::IndexObserver{}).ok());
}

std::vector<std::string> ids(const Result<SearchResult>& result) {
    std::vector<std::string> out;
    for (const Hit& hit : result->hits) out.push_back(hit.id);
    return out;
}

// A loopback port that nothing listens on: bound, then closed.
unsigned closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

TEST(StubFile, LocalShardsListedInAStubAnswerLikeOneIndex) {
    testing::TempDir dir;
    testing::build_seed_index(dir / "single");
    index_sharded(dir / "sharded", 3);
    testing::write_file(dir / "cluster.stub",
                        "# the three shards, one by absolute path\nauto sharded/shard-00\n\nauto " +
                            (dir / "sharded" / "shard-01").string() + "\nauto sharded/shard-02\n");
    SearchRequest request;
    request.query = "Putin AND \"Kim Jong-un\"";
    Result<Searcher> single = Searcher::open((dir / "single").string());
    Result<Searcher> stub = Searcher::open((dir / "cluster.stub").string());
    ASSERT_TRUE(single.ok()) << single.error().message;
    ASSERT_TRUE(stub.ok()) << stub.error().message;
    Result<SearchResult> expected = single->search(request);
    Result<SearchResult> got = stub->search(request);
    ASSERT_TRUE(expected.ok() && got.ok());
    EXPECT_EQ(got->total, 5u);
    EXPECT_EQ(got->total, expected->total);
    EXPECT_EQ(ids(got), ids(expected));
    ASSERT_EQ(got->hits.size(), expected->hits.size());
    for (std::size_t i = 0; i < got->hits.size(); ++i) EXPECT_DOUBLE_EQ(got->hits[i].score, expected->hits[i].score);
    ASSERT_EQ(got->person_facet.size(), expected->person_facet.size());
    for (std::size_t i = 0; i < got->person_facet.size(); ++i) {
        EXPECT_EQ(got->person_facet[i].value, expected->person_facet[i].value);
        EXPECT_EQ(got->person_facet[i].count, expected->person_facet[i].count);
    }
    Result<schema::StoredArticle> shown = stub->show(testing::seed::a003);
    ASSERT_TRUE(shown.ok());
    EXPECT_EQ(shown->id, testing::seed::a003);
}

TEST(StubFile, ARemoteShardThatDoesNotAnswerIsNamed) {
    testing::TempDir dir;
    testing::build_seed_index(dir / "local");
    const std::string address = "127.0.0.1:" + std::to_string(closed_port());
    testing::write_file(dir / "cluster.stub", "auto local\nremote " + address + "\n");
    Result<Searcher> stub = Searcher::open((dir / "cluster.stub").string());
    ASSERT_FALSE(stub.ok());
    EXPECT_NE(stub.error().message.find("remote " + address), std::string::npos) << stub.error().message;
    EXPECT_EQ(stub.error().message.find('\n'), std::string::npos);
}

// Xapian's program form, as used over ssh; here xapian-progsrv runs on this machine.
TEST(StubFile, AShardServedByAProgramOnItsStdinAndStdout) {
    testing::TempDir dir;
    index_sharded(dir / "sharded", 2);
    testing::write_file(dir / "cluster.stub", "auto sharded/shard-00\nremote :xapian-progsrv " +
                                                  (dir / "sharded" / "shard-01").string() + "\n");
    Result<Searcher> stub = Searcher::open((dir / "cluster.stub").string());
    ASSERT_TRUE(stub.ok()) << stub.error().message;
    SearchRequest request;
    request.query = "Putin";
    Result<SearchResult> result = stub->search(request);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->total, 5u);
}

// A long-lived searcher (--batch) answers each query from what is committed by then.
TEST(StubFile, ALongLivedSearcherSeesCommitsToItsShards) {
    testing::TempDir dir;
    fs::copy(testing::seed_dir(), dir / "src");
    index_sharded(dir / "sharded", 2);
    testing::write_file(dir / "cluster.stub", "auto sharded/shard-00\nauto sharded/shard-01\n");
    Result<Searcher> stub = Searcher::open((dir / "cluster.stub").string());
    ASSERT_TRUE(stub.ok()) << stub.error().message;
    SearchRequest request;
    request.query = "kimchi";
    ASSERT_EQ(stub->search(request)->total, 0u);

    testing::write_file(dir / "src" / "005_kimchi.txt", "Kimchi diplomacy\n\nSeoul sent kimchi to Pyongyang.\n");
    indexer::IndexOptions options;
    options.db_path = (dir / "sharded").string();
    options.sources = {dir / "src"};
    ASSERT_TRUE(indexer::run_index(options, indexer::IndexObserver{}).ok());
    EXPECT_EQ(stub->search(request)->total, 1u);
}

TEST(StubFile, BadLinesAndMissingShardsAreNamed) {
    testing::TempDir dir;
    testing::build_seed_index(dir / "local");
    testing::write_file(dir / "typo.stub", "auto local\nremot 127.0.0.1:7000\n");
    Result<Searcher> typo = Searcher::open((dir / "typo.stub").string());
    ASSERT_FALSE(typo.ok());
    EXPECT_NE(typo.error().message.find("\"remot 127.0.0.1:7000\" is not a shard line"), std::string::npos)
        << typo.error().message;

    testing::write_file(dir / "gone.stub", "auto local\nauto elsewhere\n");
    Result<Searcher> gone = Searcher::open((dir / "gone.stub").string());
    ASSERT_FALSE(gone.ok());
    EXPECT_NE(gone.error().message.find("auto elsewhere"), std::string::npos) << gone.error().message;

    testing::write_file(dir / "port.stub", "remote 127.0.0.1:http\n");
    Result<Searcher> port = Searcher::open((dir / "port.stub").string());
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("no valid port"), std::string::npos) << port.error().message;

    testing::write_file(dir / "empty.stub", "# nothing yet\n");
    EXPECT_FALSE(Searcher::open((dir / "empty.stub").string()).ok());
}

// Xapian follows stubs without end: these overflowed its stack.
TEST(StubFile, StubsThatLoopAreRefusedNotFollowed) {
    testing::TempDir dir;
    testing::build_seed_index(dir / "local");
    testing::write_file(dir / "self.stub", "auto ./self.stub\n");
    testing::write_file(dir / "a.stub", "auto local\nauto b.stub\n");
    testing::write_file(dir / "b.stub", "auto a.stub\n");
    fs::create_directories(dir / "folder");
    testing::write_file(dir / "folder" / "XAPIANDB", "auto ../folder\n");
    for (const char* stub : {"self.stub", "a.stub", "folder"}) {
        Result<Searcher> looped = Searcher::open((dir / stub).string());
        ASSERT_FALSE(looped.ok()) << stub;
        EXPECT_NE(looped.error().message.find("refers back to itself"), std::string::npos) << looped.error().message;
    }
    // A chain of stubs without a loop, and one shard named twice, still open.
    testing::write_file(dir / "inner.stub", "auto local\n");
    testing::write_file(dir / "outer.stub", "auto inner.stub\n");
    EXPECT_TRUE(Searcher::open((dir / "outer.stub").string()).ok());
}

// Xapian reads a stub to its end: /dev/zero filled memory, a pipe waited forever.
TEST(StubFile, AStubThatIsNotASmallFileIsRefusedNotRead) {
    testing::TempDir dir;
    fs::create_directories(dir / "zero");
    fs::create_symlink("/dev/zero", dir / "zero" / "XAPIANDB");
    fs::create_directories(dir / "pipe");
    ASSERT_EQ(::mkfifo((dir / "pipe" / "XAPIANDB").c_str(), 0600), 0);
    testing::write_file(dir / "large.stub", std::string(100000, '#'));
    testing::write_file(dir / "to-pipe.stub", "auto pipe\n");
    for (const char* db : {"zero", "pipe", "large.stub", "to-pipe.stub"}) {
        Result<Searcher> refused = Searcher::open((dir / db).string());
        ASSERT_FALSE(refused.ok()) << db;
        EXPECT_NE(refused.error().message.find("is not a stub file"), std::string::npos) << refused.error().message;
    }
}

}  // namespace
}  // namespace corpus::searcher
