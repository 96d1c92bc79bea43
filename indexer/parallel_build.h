// Building a fresh index on every core.
//
// Plain Xapian spends most of its indexing time merging new postings into an ever larger
// B-tree. A fresh build avoids that: the article files are cut, in order, into chunks;
// each worker thread reads, analyses and indexes one chunk at a time into a small database
// of its own; then Xapian's compactor merges the chunks, in order, into the target. So
// analysis runs on all cores, every flush goes into a database of at most
// IndexOptions::part_size articles whatever the corpus size, memory stays bounded by the
// text the workers hold unflushed, and the result is compacted (smaller, and its
// document ids follow the files' order).
#pragma once

#include "indexer/indexer.h"
#include "indexer/run_context.h"

#include <filesystem>
#include <string>
#include <vector>

namespace corpus::indexer {

// Builds a new index at `target` (which must not exist) from the run's files. Scratch databases
// go into `target` + ".parts", removed when done; a run that dies leaves them behind for
// the next run to remove, and `target` absent or incomplete, never switched to.
Status build_in_parallel(const std::filesystem::path& target, RunContext& run);

// The scratch folder of a build into `target`.
std::filesystem::path parts_dir(const std::filesystem::path& target);

}  // namespace corpus::indexer
