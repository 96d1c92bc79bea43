// Reading article files and their optional metadata from disk.
//
// An article is a UTF-8 text file; its id is the file name without extension.
// Beside it, an optional "<id>.meta.json" gives {"title", "outlet", "date", "url",
// "author"}; any of them may be missing, and what is missing is reported as unknown,
// never guessed.
//
// Only regular files are read, never opened in a way that can block: a FIFO, device,
// socket or folder where a file is expected is skipped with a warning. Symbolic links
// inside a source folder are not followed unless asked (a link to /etc/shadow in a folder
// root indexes would otherwise be readable by whoever can read the index).
#pragma once

#include "schema/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::indexer {

inline constexpr const char* article_extension = ".txt";
inline constexpr const char* metadata_suffix = ".meta.json";
// Larger files are skipped: a news article is a few tens of KiB at most.
inline constexpr std::uintmax_t default_max_file_bytes = 4u << 20;
// A few short strings need far less; an article whose metadata file is larger is skipped
// (indexing it without the title, outlet and date it names would change what it says).
inline constexpr std::uintmax_t max_metadata_bytes = 1u << 20;
// Xapian refuses a term over 245 bytes; an id is stored as a term (schema::id_term).
inline constexpr std::size_t max_term_bytes = 245;

struct ArticleMetadata {
    std::optional<std::string> title;
    std::optional<std::string> outlet;
    std::optional<std::string> date;  // validated "YYYY-MM-DD"
    std::optional<std::string> url;     // an http or https URL (see web_url_problem)
    std::optional<std::string> author;  // one line (schema::one_line), not empty
};

struct ArticleFile {
    std::string id;
    std::filesystem::path path;
    std::string text;  // valid UTF-8, '\n' line endings
    ArticleMetadata metadata;
    std::string content_hash;           // of the text, the metadata file and the path
    std::vector<std::string> warnings;  // repaired, but indexed
};

// What the sources hold, listed before anything is written.
struct SourceListing {
    // The article files, as absolute paths: files as given, folders searched recursively
    // for *.txt (hidden entries skipped). Sorted, so runs are reproducible. Plain strings:
    // a million std::filesystem::path objects, each with its parsed components, would take
    // half a gigabyte. A *.txt entry that is not a regular file is listed all the same:
    // reading it skips it with a warning, and it is not taken for gone.
    std::vector<std::string> paths;
    // The sources as absolute paths: an indexed article from under one of them whose file
    // is not listed is gone.
    std::vector<std::string> roots;
    // Files named on the command line: read even if they are symbolic links.
    std::vector<std::string> named_files;
    // Folders that could not be listed, whole or in part: what the index holds from under
    // them is kept, as nobody knows whether it is gone.
    std::vector<std::string> unlisted_folders;
    std::size_t links_skipped = 0;  // symbolic links not followed (not counted one by one)
    std::vector<std::string> warnings;
};

// Lists `sources`. A source that does not exist or cannot be read is an Error; trouble
// below it is a warning. With `follow_symlinks`, links are followed, each folder listed
// once (a link back to a folder above it is not a loop); without, they are counted in
// links_skipped. A source named itself is followed either way.
Result<SourceListing> list_sources(const std::vector<std::filesystem::path>& sources, bool follow_symlinks);

// For each of the sorted `paths`, whether an earlier one has the same article id: the
// first file with an id is the article, the others are skipped.
std::vector<bool> duplicate_ids(const std::vector<std::string>& paths);

// An article's id: its file name without the extension (a view into `path`).
std::string_view article_id(std::string_view path);

// `path` for a one-line message: escaped as schema::printable() does, but long enough
// to name any file in full.
std::string shown_path(std::string_view path);

// Why `id` cannot be stored (too long for its term, not UTF-8, a control character in it:
// ids are printed one a line and passed back to --show), or nothing.
std::optional<std::string> unstorable_id(std::string_view id);

// Why `url` is not an absolute http or https URL a reader can open, or nothing. Strict
// in the manner of RFC 3986: the scheme (in any case), "//", a host (a name, an IPv4
// address or a bracketed IPv6 one), an optional port of digits, and only printable ASCII
// with no space anywhere (other characters are written percent-encoded).
std::optional<std::string> web_url_problem(std::string_view url);

// Reads one article. An Error means the file is skipped (its message says why, on one
// line); problems that could be repaired are listed in ArticleFile::warnings. With
// `follow_symlinks`, a link at the article's or its metadata's path is read through.
Result<ArticleFile> read_article(const std::filesystem::path& path, std::uintmax_t max_bytes, bool use_metadata,
                                 bool follow_symlinks = false);

}  // namespace corpus::indexer
