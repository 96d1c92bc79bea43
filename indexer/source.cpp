#include "indexer/source.h"

#include "schema/date.h"
#include "schema/text.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string_view>
#include <system_error>
#include <utility>

namespace corpus::indexer {
namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

Result<std::string> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorCode::io, "cannot read " + path.string());
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return make_error(ErrorCode::io, "cannot read " + path.string());
    return bytes;
}

std::string hex64(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 0xF];
    return out;
}

// Parses a metadata file; unknown keys are reported so that a typo does not pass silently.
Result<ArticleMetadata> parse_metadata(const std::string& json_text, const fs::path& path,
                                       std::vector<std::string>& warnings) {
    const nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) {
        return make_error(ErrorCode::io, path.string() + " is not a JSON object");
    }
    ArticleMetadata metadata;
    for (const auto& [key, value] : parsed.items()) {
        if (key != "title" && key != "outlet" && key != "date") {
            warnings.push_back(path.string() + ": unknown metadata key \"" + key + "\" ignored");
            continue;
        }
        if (value.is_null()) continue;
        if (!value.is_string()) {
            return make_error(ErrorCode::io, path.string() + ": \"" + key + "\" must be a string");
        }
        std::string text = value.get<std::string>();
        if (schema::repair_utf8(text) > 0) {
            warnings.push_back(path.string() + ": invalid UTF-8 in \"" + key + "\" replaced");
        }
        if (text.empty()) continue;
        if (key == "title") {
            metadata.title = std::move(text);
        } else if (key == "outlet") {
            metadata.outlet = std::move(text);
        } else if (const auto date = schema::parse_date(text)) {
            metadata.date = date->iso();
        } else {
            return make_error(ErrorCode::io,
                              path.string() + ": \"date\" must be a date written YYYY-MM-DD, not \"" + text + "\"");
        }
    }
    return metadata;
}

}  // namespace

Result<std::vector<std::string>> collect_article_paths(const std::vector<fs::path>& sources) {
    std::vector<std::string> paths;
    for (const fs::path& given : sources) {
        // Absolute paths: they are stored, and later runs from elsewhere must match them.
        const fs::path source = fs::absolute(given).lexically_normal();
        std::error_code ec;
        const fs::file_status status = fs::status(source, ec);
        if (ec || !fs::exists(status)) {
            return make_error(ErrorCode::io, "no such file or folder: " + given.string());
        }
        if (!fs::is_directory(status)) {
            paths.push_back(source.string());
            continue;
        }
        fs::recursive_directory_iterator it(source, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (is_hidden(it->path())) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file() && it->path().extension() == article_extension) {
                paths.push_back(it->path().string());
            }
        }
        if (ec) return make_error(ErrorCode::io, "cannot list " + given.string() + ": " + ec.message());
    }
    std::sort(paths.begin(), paths.end());
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    return paths;
}

std::vector<bool> duplicate_ids(const std::vector<std::string>& paths) {
    // Each file's id (a view into `paths`) and number, sorted: the first file of an id
    // comes first. 24 bytes a file, where a hash set of the ids took some 50, and a
    // million files' paths are held for the whole run.
    std::vector<std::pair<std::string_view, std::uint32_t>> by_id;
    by_id.reserve(paths.size());
    for (std::uint32_t i = 0; i < paths.size(); ++i) by_id.emplace_back(article_id(std::string_view(paths[i])), i);
    std::sort(by_id.begin(), by_id.end());
    std::vector<bool> duplicate(paths.size(), false);
    for (std::size_t at = 1; at < by_id.size(); ++at) duplicate[by_id[at].second] = by_id[at].first == by_id[at - 1].first;
    return duplicate;
}

std::string_view article_id(std::string_view path) {
    // The file name without its extension, as std::filesystem::path::stem() has it.
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name == "..") return name;
    return name.substr(0, dot);
}

Result<ArticleFile> read_article(const fs::path& path, std::uintmax_t max_bytes, bool use_metadata) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return make_error(ErrorCode::io, "cannot read " + path.string() + ": " + ec.message());
    if (size == 0) return make_error(ErrorCode::io, path.string() + " is empty, skipped");
    if (size > max_bytes) {
        return make_error(ErrorCode::io, path.string() + " is larger than the limit of " +
                                             std::to_string(max_bytes) + " bytes, skipped");
    }
    Result<std::string> bytes = read_bytes(path);
    if (!bytes) return bytes.error();

    ArticleFile article;
    article.id = article_id(std::string_view(path.native()));
    article.path = path;
    article.text = std::move(bytes.value());
    if (schema::looks_binary(article.text)) {
        return make_error(ErrorCode::io, path.string() + " looks binary (it contains NUL bytes), skipped");
    }
    if (const std::size_t replaced = schema::repair_utf8(article.text); replaced > 0) {
        article.warnings.push_back(path.string() + ": " + std::to_string(replaced) +
                                   " invalid UTF-8 sequence(s) replaced with U+FFFD");
    }
    schema::normalize_newlines(article.text);
    if (std::all_of(article.text.begin(), article.text.end(), [](unsigned char c) { return std::isspace(c); })) {
        return make_error(ErrorCode::io, path.string() + " holds only white space, skipped");
    }

    std::string metadata_text;
    if (use_metadata) {
        const fs::path metadata_path = path.parent_path() / (article.id + metadata_suffix);
        if (fs::exists(metadata_path, ec)) {
            Result<std::string> json = read_bytes(metadata_path);
            if (!json) return json.error();
            metadata_text = std::move(json.value());
            Result<ArticleMetadata> metadata = parse_metadata(metadata_text, metadata_path, article.warnings);
            if (!metadata) return make_error(metadata.error().code, metadata.error().message + ", article skipped");
            article.metadata = std::move(metadata.value());
        }
    }

    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    XXH3_64bits_update(state, article.text.data(), article.text.size());
    XXH3_64bits_update(state, "\0", 1);
    XXH3_64bits_update(state, metadata_text.data(), metadata_text.size());
    // The path too: an article whose folder moved is updated, so its stored source is
    // right when files gone from that folder are looked for.
    const std::string location = path.string();
    XXH3_64bits_update(state, location.data(), location.size());
    article.content_hash = hex64(XXH3_64bits_digest(state));
    XXH3_freeState(state);
    return article;
}

}  // namespace corpus::indexer
