// Facet chunks (schema/facet_columns.h) against the value slots they cache, on real
// indexes built by the indexer: written by a fresh build, written again for what an
// incremental run changes, and never read when malformed.
#include "indexer/indexer.h"
#include "schema/facet_columns.h"
#include "schema/fields.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <xapian.h>

namespace corpus::schema {
namespace {
namespace fs = std::filesystem;

// Made-up articles after the seed ones (outlets, dates and Korean names): three chunks.
constexpr std::size_t made_up = 2100;

void index(const fs::path& db, const fs::path& src) {
    indexer::IndexOptions options;
    options.db_path = db.string();
    options.sources = {src};
    options.batch_size = 100;  // several transactions, each dropping the chunks it changes
    Result<indexer::IndexSummary> summary = indexer::run_index(options, indexer::IndexObserver{});
    ASSERT_TRUE(summary.ok()) << summary.error().message;
}

TEST(FacetColumns, AFreshBuildWritesEveryChunkAsTheSlotsHoldIt) {
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", dir / "src", made_up));
    std::size_t present = 0;
    EXPECT_EQ(testing::facet_chunk_disagreement(dir / "db", &present), "");
    EXPECT_EQ(present, 3u);  // 2,105 articles, 1,024 a chunk
    // The seed articles come first and carry outlets and people.
    Xapian::Database db((dir / "db").string());
    const std::optional<FacetChunk> first = FacetChunk::read(db, 0);
    ASSERT_TRUE(first);
    EXPECT_GT(first->person_entries(), 0u);
    EXPECT_GT(first->outlet_values(), 1u);
}

TEST(FacetColumns, AnIncrementalRunWritesAgainTheChunksOfWhatItChanged) {
    testing::TempDir dir;
    const fs::path src = dir / "src";
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", src, made_up));
    // Another outlet for a seed article (chunk 0), a deleted article (chunk 1), new ones
    // (chunk 2), a new version of some (chunk 1).
    fs::path meta;
    for (const auto& entry : fs::directory_iterator(src)) {
        if (entry.path().string().ends_with(".meta.json")) meta = entry.path();
    }
    ASSERT_FALSE(meta.empty());
    testing::write_file(meta, R"({"title": "Renamed", "outlet": "Outlet Renamed", "date": "2021-02-03"})");
    fs::remove(src / "art01500.txt");
    testing::write_made_up_articles(src, made_up, 40, 1);
    testing::write_made_up_articles(src, 1200, 10, 2);
    index(dir / "db", src);

    std::size_t present = 0;
    EXPECT_EQ(testing::facet_chunk_disagreement(dir / "db", &present), "");
    EXPECT_EQ(present, 3u);
    Xapian::Database db((dir / "db").string());
    const std::optional<FacetChunk> first = FacetChunk::read(db, 0);
    ASSERT_TRUE(first);
    bool renamed = false;
    for (std::uint32_t i = 0; i < first->outlet_values(); ++i) renamed |= first->outlet_value(i) == "Outlet Renamed";
    EXPECT_TRUE(renamed);
}

TEST(FacetColumns, AChunkOfAnotherFormatIsWrittenAgainByTheNextRun) {
    testing::TempDir dir;
    const fs::path src = dir / "src";
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", src, made_up));
    {
        // The first word of a chunk is its format: 1 is that of indexes built before it rose.
        Xapian::WritableDatabase writable((dir / "db").string());
        std::string blob = writable.get_metadata(facet_chunk_key(1));
        ASSERT_GE(blob.size(), 4u);
        blob.replace(0, 4, std::string("\x01\0\0\0", 4));
        writable.set_metadata(facet_chunk_key(1), blob);
        writable.commit();
        ASSERT_FALSE(FacetChunk::read(writable, 1));
    }
    index(dir / "db", src);  // nothing changed in the articles
    std::size_t present = 0;
    EXPECT_EQ(testing::facet_chunk_disagreement(dir / "db", &present), "");
    EXPECT_EQ(present, 3u);
}

TEST(FacetColumns, AChunkThatIsCutShortOrGarbledIsNotRead) {
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", dir / "src", made_up));
    Xapian::Database db((dir / "db").string());
    const std::string blob = db.get_metadata(facet_chunk_key(0));
    ASSERT_TRUE(FacetChunk::decode(blob));
    for (std::size_t size = 0; size < blob.size(); size += size < 512 ? 1 : 61) {
        EXPECT_FALSE(FacetChunk::decode(blob.substr(0, size))) << "cut to " << size << " bytes";
    }
    EXPECT_FALSE(FacetChunk::decode(blob + "x"));
    // Any byte of the header and the first offsets set to 0xff: refused, or read within
    // bounds (the sanitizer builds check every access below).
    for (std::size_t at = 0; at < std::min<std::size_t>(blob.size(), 256); ++at) {
        std::string garbled = blob;
        garbled[at] = '\xff';
        const std::optional<FacetChunk> chunk = FacetChunk::decode(garbled);
        if (!chunk) continue;
        for (Xapian::docid did = chunk->first_docid(); chunk->covers(did); ++did) {
            if (chunk->outlet(did) != FacetChunk::none) (void)chunk->outlet_value(chunk->outlet(did));
            if (chunk->month(did) != FacetChunk::none) (void)chunk->month_value(chunk->month(did));
            for (std::uint32_t m = chunk->mention_begin(did); m < chunk->mention_end(did); ++m) {
                (void)chunk->person_entry(chunk->mention(m));
            }
        }
    }
    // A chunk stored under another chunk's key is not taken for it.
    Xapian::WritableDatabase writable((dir / "db").string());
    writable.set_metadata(facet_chunk_key(1), blob);
    writable.commit();
    EXPECT_FALSE(FacetChunk::read(writable, 1));
}

}  // namespace
}  // namespace corpus::schema
