// Reading article files and their optional metadata from disk.
//
// An article is a UTF-8 text file; its id is the file name without extension.
// Beside it, an optional "<id>.meta.json" gives {"title", "outlet", "date"}; any of them
// may be missing, and what is missing is reported as unknown, never guessed.
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

struct ArticleMetadata {
    std::optional<std::string> title;
    std::optional<std::string> outlet;
    std::optional<std::string> date;  // validated "YYYY-MM-DD"
};

struct ArticleFile {
    std::string id;
    std::filesystem::path path;
    std::string text;  // valid UTF-8, '\n' line endings
    ArticleMetadata metadata;
    std::string content_hash;           // of the text, the metadata file and the path
    std::vector<std::string> warnings;  // repaired, but indexed
};

// The article files named by `sources`, as absolute paths: files as given, folders
// searched recursively for *.txt (hidden entries skipped). Sorted, so runs are
// reproducible. Plain strings: a million std::filesystem::path objects, each with its
// parsed components, would take half a gigabyte.
Result<std::vector<std::string>> collect_article_paths(const std::vector<std::filesystem::path>& sources);

// For each of the sorted `paths`, whether an earlier one has the same article id: the
// first file with an id is the article, the others are skipped.
std::vector<bool> duplicate_ids(const std::vector<std::string>& paths);

// An article's id: its file name without the extension (a view into `path`).
std::string_view article_id(std::string_view path);

// Reads one article. An Error means the file is skipped (its message says why);
// problems that could be repaired are listed in ArticleFile::warnings.
Result<ArticleFile> read_article(const std::filesystem::path& path, std::uintmax_t max_bytes,
                                 bool use_metadata);

}  // namespace corpus::indexer
