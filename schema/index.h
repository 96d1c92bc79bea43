// Opening an index: where it lives, and whether this build can read it.
// Xapian exceptions raised while opening are translated into Errors here, once.
#pragma once

#include "schema/result.h"

#include <xapian.h>

#include <chrono>
#include <string>
#include <vector>

namespace corpus::schema {

// The environment variable that names the index when --db is not given.
inline constexpr const char* index_env_var = "CORPUS_SEARCH_DB";

// --db if given, else $CORPUS_SEARCH_DB, else $XDG_DATA_HOME/corpus-search/index
// (XDG_DATA_HOME defaulting to ~/.local/share).
std::string resolve_index_path(const std::string& flag_value);

// How long a remote shard may take to accept a connection, and to answer any one request,
// before the search fails naming it.
inline constexpr std::chrono::milliseconds default_shard_timeout{5000};

// Opens an index for searching. `path` is an index folder (one shard or a sharded folder
// written by corpus-index), or a Xapian stub database file whose lines name the shards:
//   auto PATH               a local index folder or database (relative to the stub's folder)
//   remote HOST:PORT        a shard served by xapian-tcpsrv
//   remote :PROGRAM ARGS    a shard served by a program speaking the remote protocol on
//                           its stdin and stdout (e.g. ":ssh HOST xapian-progsrv PATH")
// Blank lines and lines starting with '#' are ignored. Each shard is opened on its own, so
// a shard that cannot be opened or does not answer within `shard_timeout` is named in the
// error; each must be an index this build can read.
Result<Xapian::Database> open_for_reading(const std::string& path,
                                          std::chrono::milliseconds shard_timeout = default_shard_timeout);

// Whether `path` is a stub file listing shards on other machines.
bool lists_remote_shards(const std::string& path);

// Identifies which databases `path` currently leads to: changes when a rebuild of the
// index, or of any local shard it lists, switches generations.
std::string layout_identity(const std::string& path);

// Whether each commit waits for the disk.
enum class Durability {
    synced,   // an index that is searched, or will be: a commit survives a crash
    scratch,  // a fresh build's scratch database, merged at the end and never searched:
              // a run that dies starts it again, so waiting for the disk buys nothing
};

// Opens (creating if absent) an index for writing and stamps a new one with the schema
// version and analysis fingerprint; an existing index built differently is refused.
Result<Xapian::WritableDatabase> open_for_writing(const std::string& path,
                                                  Durability durability = Durability::synced);

// Refuses an index built by another schema version or analysis chain.
Status check_compatible(const Xapian::Database& db, const std::string& path);

// The one place where a Xapian exception becomes an Error.
Error translate_xapian_error(const Xapian::Error& e, const std::string& context);

}  // namespace corpus::schema
