// How an index folder is laid out, so that it can be rebuilt while it is searched.
//
//   DIR/XAPIANDB        a Xapian stub database naming the live generation: "auto gen-000003"
//   DIR/gen-000003/     the live generation, a plain Xapian database
//   DIR/gen-000002/     the one before, kept until the next switch for readers still on it
//   DIR/.lock           held (flock) by the indexer while it writes
//   DIR/.nightly.lock   held (flock) by scripts/nightly-reindex around a whole run
//
// Readers open DIR and Xapian follows the stub. A rebuild writes a new generation and then
// replaces the stub with rename(2), which is atomic: a reader sees the old index or the
// new one, never a half-built one. Incremental runs update the live generation in place,
// one committed transaction at a time.
#pragma once

#include "schema/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

inline constexpr const char* stub_file_name = "XAPIANDB";
inline constexpr const char* lock_file_name = ".lock";
inline constexpr const char* nightly_lock_file_name = ".nightly.lock";

std::filesystem::path stub_path(const std::filesystem::path& index_dir);
std::filesystem::path generation_dir(const std::filesystem::path& index_dir, unsigned generation);

// The generation the stub names; nothing when there is no stub yet.
Result<std::optional<unsigned>> live_generation(const std::filesystem::path& index_dir);

// Every generation folder present, in ascending order.
std::vector<unsigned> generations(const std::filesystem::path& index_dir);

// Points the stub at `generation`, atomically and durably.
Status switch_generation(const std::filesystem::path& index_dir, unsigned generation);

std::filesystem::path shard_dir(const std::filesystem::path& index_dir, unsigned shard);

// The number of shards of a sharded folder (from its stub, or from its shard folders when
// a first sharded run died before writing the stub); 0 for a plain folder or none yet.
Result<unsigned> shard_count(const std::filesystem::path& index_dir);

// Writes the stub listing shards 0 to `shards` - 1, atomically and durably.
Status write_shard_stub(const std::filesystem::path& index_dir, unsigned shards);

// The shard of `shards` that holds the article `id`: the same on every run and machine.
unsigned shard_of(std::string_view id, unsigned shards);

}  // namespace corpus::schema
