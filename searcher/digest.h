// Saved searches and their digest: what each of them finds among the articles added or
// changed since the previous digest of the same file on the same index.
//
// A saved-search file holds one `NAME = QUERY` a line, QUERY in the full query syntax; a
// blank line, or one whose first character after blanks is '#', is skipped. The digest's
// state, the `until` of the last digest shown, lives under the XDG state folder
// ($XDG_STATE_HOME, default ~/.local/state)/corpus-search/digests/, one file per index and
// saved-search file (their canonical paths). The front-end advances it only once the
// whole digest is written, so a digest that could not be shown is shown again.
//
// `until` is the index's own notion of time (Searcher::complete_until): the articles of an
// indexing run still under way wait for the next digest, whole, and none is missed.
#pragma once

#include "schema/date.h"
#include "schema/result.h"
#include "searcher/search.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace corpus::searcher {

struct SavedSearch {
    std::string name;
    std::string query;
    std::size_t line = 0;  // in the file, for messages
};

// The saved searches of `path`, in order. A line that is not `NAME = QUERY`, a name given
// twice, or a file with none is an error naming the file and line.
Result<std::vector<SavedSearch>> read_saved_searches(const std::filesystem::path& path);

// Where the state of the digest of `saved_searches` over `index` is kept (both canonical
// paths, which must exist).
Result<std::filesystem::path> digest_state_path(const std::filesystem::path& index,
                                                const std::filesystem::path& saved_searches);

// The `until` of the last digest written with this state, or nothing for a first digest.
// A state that cannot be read is an error, never a silent first digest.
Result<std::optional<schema::Instant>> read_digest_state(const std::filesystem::path& state);

// Records `until`, replacing the file at once (a crash leaves the old state or the new).
Status write_digest_state(const std::filesystem::path& state, schema::Instant until);

struct DigestSearch {
    SavedSearch search;
    SearchResult result;  // only the articles new or changed in the digest's period
};

struct Digest {
    std::optional<schema::Instant> since;  // exclusive; nothing for a first digest
    schema::Instant until;                 // inclusive
    std::vector<DigestSearch> searches;
    // Whether any saved search has something new.
    bool any_new() const;
};

// Answers each saved search with the articles changed after `since` and up to what the
// index holds complete (complete_until), newest first; `base` gives the filters and
// limit of every search. A query that cannot run is an error naming the file and line.
Result<Digest> make_digest(Searcher& searcher, const std::vector<SavedSearch>& searches, const SearchRequest& base,
                           std::optional<schema::Instant> since, const std::string& file_name);

}  // namespace corpus::searcher
