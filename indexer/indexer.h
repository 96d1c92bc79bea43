// An indexing run: article files in, one Xapian index updated, counts out.
//
// Incremental by default: new files are added, changed ones (by content hash) replaced,
// and articles whose files are gone from the given sources deleted, one committed
// transaction per batch, so a run killed at any point leaves every committed article
// searchable and the next run completes the work. The index folder's layout, and how a
// rebuild switches generations atomically, is in schema/index_layout.h. One run at a
// time holds the folder's lock; another gets ErrorCode::busy. A first build and a rebuild
// use every core (parallel_build.h). A sharded folder is updated shard by shard.
//
// One bad file never stops a run: it is skipped with a warning, and an article already
// indexed from a file that exists but cannot be read now, or from a folder that cannot
// be listed, is kept. Only articles whose files are confirmed absent are deleted.
#pragma once

#include "indexer/source.h"
#include "schema/result.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace corpus::indexer {

struct IndexOptions {
    std::string db_path;
    std::vector<std::filesystem::path> sources;
    bool rebuild = false;  // build a fresh generation and switch to it, instead of updating
    bool use_metadata = true;
    // Follow symbolic links met in the source folders (each folder listed once, so a loop
    // ends). Off by default, as in omindex and Recoll: a link in a folder someone else can
    // write would put any file the indexer can read into the index. Sources named in
    // `sources` are followed either way.
    bool follow_symlinks = false;
    std::uintmax_t max_file_bytes = default_max_file_bytes;
    // Documents per committed transaction of a run that updates an index: the memory it
    // holds grows with it.
    std::size_t batch_size = 1000;
    // At most this many documents per scratch database of a fresh build (parallel_build.h).
    std::size_t part_size = 10000;
    unsigned shards = 0;            // split a new index into this many shards; 0: keep the layout
    unsigned jobs = 0;              // worker threads of a fresh build; 0: one per core
};

struct IndexSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t deleted = 0;   // articles whose files are gone from the sources
    std::size_t unchanged = 0;
    std::size_t skipped = 0;   // files that could not be indexed (each with a warning)
    std::size_t repaired = 0;  // indexed (added or updated) after a warning: text repaired, a metadata key ignored
    std::size_t links_skipped = 0;  // symbolic links in the source folders, not followed
    double seconds = 0;
};

struct IndexObserver {
    std::function<void(const std::string&)> warning;             // one line, no newline
    std::function<void(std::size_t done, std::size_t total)> progress;
};

Result<IndexSummary> run_index(const IndexOptions& options, const IndexObserver& observer);

}  // namespace corpus::indexer
