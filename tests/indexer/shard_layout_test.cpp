// A fresh build on several threads, and the sharded layout of corpus-index --shards.
#include "indexer/indexer.h"
#include "indexer/parallel_build.h"
#include "schema/analysis.h"
#include "schema/fields.h"
#include "schema/index_layout.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <set>

namespace corpus::indexer {
namespace {
namespace fs = std::filesystem;

Result<IndexSummary> index(const fs::path& db, const fs::path& source, unsigned shards = 0, unsigned jobs = 0,
                           std::size_t part_size = 10000) {
    IndexOptions options;
    options.db_path = db.string();
    options.sources = {source};
    options.shards = shards;
    options.jobs = jobs;
    options.part_size = part_size;
    return run_index(options, IndexObserver{});
}

std::vector<std::string> ids_in_docid_order(const fs::path& db) {
    Xapian::Database database(db.string());
    std::vector<std::string> ids;
    for (Xapian::PostingIterator it = database.postlist_begin(""); it != database.postlist_end(""); ++it) {
        const Xapian::Document doc = database.get_document(*it);
        for (Xapian::TermIterator term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
            if ((*term).starts_with(schema::id_term.prefix)) ids.push_back((*term).substr(1));
        }
    }
    return ids;
}

std::vector<std::string> sorted_file_ids(const fs::path& folder) {
    std::set<std::string> ids;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".txt") ids.insert(entry.path().stem().string());
    }
    return {ids.begin(), ids.end()};
}

TEST(ParallelBuild, ManySmallChunksOnSeveralThreadsKeepTheFilesOrder) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 23, 1);
    Result<IndexSummary> summary = index(dir / "db", dir / "src", 0, 3, 2);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->added, 23u);
    EXPECT_EQ(ids_in_docid_order(dir / "db"), sorted_file_ids(dir / "src"));
    // The scratch databases are gone, and what is left is one plain index folder.
    for (const auto& entry : fs::directory_iterator(dir / "db")) {
        EXPECT_FALSE(entry.path().filename().string().ends_with(".parts")) << entry.path();
    }
}

TEST(ParallelBuild, MoreScratchDatabasesThanOneMergeTakesAreMergedInRoundsInOrder) {
    // One file a chunk: 300 scratch databases, more than one merge reads at a time (128).
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 300, 1);
    Result<IndexSummary> summary = index(dir / "db", dir / "src", 0, 2, 1);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->added, 300u);
    EXPECT_EQ(ids_in_docid_order(dir / "db"), sorted_file_ids(dir / "src"));
    std::size_t chunks = 0;
    EXPECT_EQ(testing::facet_chunk_disagreement(dir / "db", &chunks), "");
    EXPECT_EQ(chunks, 1u);
    for (const auto& entry : fs::directory_iterator(dir / "db")) {
        EXPECT_FALSE(entry.path().filename().string().ends_with(".parts")) << entry.path();
    }
}

TEST(ParallelBuild, AnIncrementalRunAfterItUpdatesTheMergedIndex) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 9, 1);
    ASSERT_TRUE(index(dir / "db", dir / "src", 0, 2, 2).ok());
    testing::write_made_up_articles(dir / "src", 5, 7, 2);  // 5..8 change, 9..11 are new
    Result<IndexSummary> summary = index(dir / "db", dir / "src");
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->unchanged, 5u);
    EXPECT_EQ(summary->updated, 4u);
    EXPECT_EQ(summary->added, 3u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 12u);
}

TEST(ParallelBuild, ScratchOfARunThatDiedIsRemovedByTheNextRun) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 4, 1);
    ASSERT_TRUE(index(dir / "db", dir / "src").ok());
    const fs::path leftover = parts_dir(schema::generation_dir(dir / "db", 2));
    fs::create_directories(leftover / "part-000000");
    ASSERT_TRUE(index(dir / "db", dir / "src").ok());
    EXPECT_FALSE(fs::exists(leftover));
}

TEST(Shards, EveryArticleLivesInTheShardItsIdHashesTo) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 40, 1);
    Result<IndexSummary> summary = index(dir / "db", dir / "src", 3);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->added, 40u);
    EXPECT_EQ(testing::read_file(dir / "db" / "XAPIANDB"), "auto shard-00\nauto shard-01\nauto shard-02\n");
    std::size_t total = 0;
    for (unsigned shard = 0; shard < 3; ++shard) {
        const std::vector<std::string> ids = ids_in_docid_order(schema::shard_dir(dir / "db", shard));
        EXPECT_FALSE(ids.empty()) << "shard " << shard;
        for (const std::string& id : ids) EXPECT_EQ(schema::shard_of(id, 3), shard) << id;
        total += ids.size();
    }
    EXPECT_EQ(total, 40u);
    // The folder opens as one database holding them all.
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 40u);
}

TEST(Shards, LaterRunsKeepTheLayoutAndWorkShardByShard) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 30, 1);
    ASSERT_TRUE(index(dir / "db", dir / "src", 3).ok());
    testing::write_made_up_articles(dir / "src", 0, 2, 2);
    fs::remove(dir / "src" / "art00029.txt");
    Result<IndexSummary> summary = index(dir / "db", dir / "src");  // no --shards: the layout says 3
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->updated, 2u);
    EXPECT_EQ(summary->unchanged, 27u);
    EXPECT_EQ(summary->deleted, 1u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 29u);
}

TEST(Shards, TheNumberOfShardsCannotChangeInPlace) {
    testing::TempDir dir;
    testing::write_made_up_articles(dir / "src", 0, 5, 1);
    ASSERT_TRUE(index(dir / "sharded", dir / "src", 3).ok());
    Result<IndexSummary> other = index(dir / "sharded", dir / "src", 2);
    ASSERT_FALSE(other.ok());
    EXPECT_NE(other.error().message.find("has 3 shards, not 2"), std::string::npos) << other.error().message;

    ASSERT_TRUE(index(dir / "plain", dir / "src").ok());
    Result<IndexSummary> split = index(dir / "plain", dir / "src", 3);
    ASSERT_FALSE(split.ok());
    EXPECT_NE(split.error().message.find("index of one shard"), std::string::npos) << split.error().message;
}

TEST(Shards, ShardOfIsStable) {
    // Fixed values: a change of hash would silently move articles between shards.
    EXPECT_EQ(schema::shard_of("000_4187df94d3ce0a80", 3), schema::shard_of("000_4187df94d3ce0a80", 3));
    std::set<unsigned> seen;
    for (int i = 0; i < 100; ++i) seen.insert(schema::shard_of("article-" + std::to_string(i), 4));
    EXPECT_EQ(seen.size(), 4u);
}

}  // namespace
}  // namespace corpus::indexer
