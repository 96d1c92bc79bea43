// Opening an index: where it lives, and whether this build can read it.
// Xapian exceptions raised while opening are translated into Errors here, once.
#pragma once

#include "schema/result.h"

#include <xapian.h>

#include <string>

namespace corpus::schema {

// The environment variable that names the index when --db is not given.
inline constexpr const char* index_env_var = "CORPUS_SEARCH_DB";

// --db if given, else $CORPUS_SEARCH_DB, else $XDG_DATA_HOME/corpus-search/index
// (XDG_DATA_HOME defaulting to ~/.local/share).
std::string resolve_index_path(const std::string& flag_value);

Result<Xapian::Database> open_for_reading(const std::string& path);

// Opens (creating if absent) an index for writing and stamps a new one with the schema
// version and analysis fingerprint; an existing index built differently is refused.
Result<Xapian::WritableDatabase> open_for_writing(const std::string& path);

// Refuses an index built by another schema version or analysis chain.
Status check_compatible(const Xapian::Database& db, const std::string& path);

// The one place where a Xapian exception becomes an Error.
Error translate_xapian_error(const Xapian::Error& e, const std::string& context);

}  // namespace corpus::schema
