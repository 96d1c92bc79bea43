#include "indexer/source.h"

#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/fields.h"
#include "schema/text.h"

#include <nlohmann/json.hpp>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <set>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace corpus::indexer {
namespace fs = std::filesystem;
using schema::printable;

namespace {

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    return "not a regular file";
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

struct FileBytes {
    std::string bytes;
    std::string problem;  // why there are no bytes, said after the file's name; empty if read
    bool absent = false;  // no file at the path
};

// The bytes of the regular file at `path`, at most `max_bytes`. Opened without blocking
// (a FIFO would hold the run, and its lock, forever) and, unless `follow`, not through a
// link; then the open file, not the path, is checked, so a swap in between cannot fool
// it. Reading stops past `max_bytes`, so a file that grows, or lies about its size like
// those in /proc, cannot fill memory.
FileBytes read_regular(const std::string& path, bool follow, std::uintmax_t max_bytes) {
    FileBytes out;
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW)));
    if (fd.get() < 0) {
        const int error = errno;
        out.absent = error == ENOENT;
        if (error == ENOENT) {
            out.problem = "vanished during the run";
        } else if (error == ELOOP && !follow) {
            out.problem = "is a symbolic link (followed only with --follow-symlinks)";
        } else {
            out.problem = std::string("cannot be read: ") + std::strerror(error);
        }
        return out;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) {
        out.problem = std::string("cannot be read: ") + std::strerror(errno);
        return out;
    }
    if (!S_ISREG(st.st_mode)) {
        out.problem = "is " + kind_of(st.st_mode) + ", not a regular file";
        return out;
    }
    const auto too_large = [&] { return "is larger than the limit of " + std::to_string(max_bytes) + " bytes"; };
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        out.problem = too_large();
        return out;
    }
    const std::size_t limit = static_cast<std::size_t>(max_bytes);
    out.bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
    std::size_t have = 0;
    for (;;) {
        if (have == out.bytes.size()) {
            if (have > limit) break;
            out.bytes.resize(std::min(have * 2, limit + 1));
        }
        const ssize_t got = ::read(fd.get(), out.bytes.data() + have, out.bytes.size() - have);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            out.problem = std::string("cannot be read: ") + std::strerror(errno);
            out.bytes.clear();
            return out;
        }
        if (got == 0) break;
        have += static_cast<std::size_t>(got);
    }
    out.bytes.resize(have);
    if (have > limit) {
        out.problem = too_large();
        out.bytes.clear();
    }
    return out;
}

std::string hex64(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 0xF];
    return out;
}

bool is_metadata_key(std::string_view key) {
    return key == "title" || key == "outlet" || key == "date" || key == "url" || key == "author";
}

// Parses a metadata file; unknown keys are reported so that a typo does not pass silently.
// A title, outlet or date that cannot be used is an Error (the article is skipped: indexed
// without it, it would be found and labelled otherwise); a link or byline that cannot be
// used is dropped with a warning, as the article is found the same without it.
Result<ArticleMetadata> parse_metadata(const std::string& json_text, const std::string& shown,
                                       std::vector<std::string>& warnings) {
    const nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) {
        return make_error(ErrorCode::io, shown + " is not a JSON object");
    }
    ArticleMetadata metadata;
    for (const auto& [key, value] : parsed.items()) {
        if (!is_metadata_key(key)) {
            warnings.push_back(shown + ": unknown metadata key \"" + printable(key) + "\" ignored");
            continue;
        }
        const bool droppable = key == "url" || key == "author";
        if (value.is_null()) continue;
        if (!value.is_string()) {
            if (droppable) {
                warnings.push_back(shown + ": \"" + key + "\" must be a string; dropped");
                continue;
            }
            return make_error(ErrorCode::io, shown + ": \"" + key + "\" must be a string");
        }
        std::string text = value.get<std::string>();
        if (schema::repair_utf8(text) > 0) {
            warnings.push_back(shown + ": invalid UTF-8 in \"" + key + "\" replaced");
        }
        if (text.empty()) continue;
        if (key == "title") {
            metadata.title = std::move(text);
        } else if (key == "outlet") {
            metadata.outlet = std::move(text);
        } else if (key == "author") {
            if (std::string byline = schema::one_line(text); !byline.empty()) metadata.author = std::move(byline);
        } else if (key == "url") {
            if (const std::optional<std::string> problem = web_url_problem(text)) {
                warnings.push_back(shown + ": \"url\" \"" + printable(text, 80) + "\" is not an http or https link (" +
                                   *problem + "); dropped");
            } else {
                metadata.url = std::move(text);
            }
        } else if (const auto date = schema::parse_date(text)) {
            metadata.date = date->iso();
        } else {
            return make_error(ErrorCode::io, shown + ": \"date\" must be a date written YYYY-MM-DD, not \"" +
                                                 printable(text) + "\"");
        }
    }
    return metadata;
}

// Walks the source folders. Each folder is listed once: with links followed, a folder
// met again (a link to a folder above it, two links to one place) is not listed again,
// which is what ends a loop. Folders reached through links wait until every real one
// has been listed, so a file is indexed under its real path when it has one.
class Lister {
public:
    Lister(SourceListing& out, bool follow) : out_(out), follow_(follow) {}

    // `folder` is a source named by the user: failing to list it at all is an Error.
    Status list(const fs::path& folder, const std::string& given) {
        std::error_code ec;
        fs::directory_iterator probe(folder, ec);
        if (ec) return make_error(ErrorCode::io, "cannot read " + shown_path(given) + ": " + ec.message());
        if (follow_) first_visit(folder);
        real_.push_back(folder);
        while (!real_.empty() || !linked_.empty()) {
            if (!real_.empty()) {
                const fs::path next = std::move(real_.back());
                real_.pop_back();
                list_one(next);
                continue;
            }
            const fs::path next = std::move(linked_.back());
            linked_.pop_back();
            if (first_visit(next)) {
                list_one(next);
            } else {
                ++out_.links_skipped;
            }
        }
        return Ok{};
    }

private:
    bool first_visit(const fs::path& folder) {
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0) return false;
        return visited_.emplace(st.st_dev, st.st_ino).second;
    }

    void list_one(const fs::path& folder) {
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const fs::path& path = it->path();
            if (is_hidden(path)) continue;
            std::error_code entry_ec;
            fs::file_type type = it->symlink_status(entry_ec).type();
            if (type == fs::file_type::symlink) {
                if (!follow_) {
                    ++out_.links_skipped;
                    continue;
                }
                type = fs::status(path, entry_ec).type();
                // A dangling link, a link to itself: nothing to index.
                if (entry_ec) {
                    ++out_.links_skipped;
                } else if (type == fs::file_type::directory) {
                    linked_.push_back(path);
                } else if (path.extension() == article_extension) {
                    out_.paths.push_back(path.string());
                }
                continue;
            }
            if (type == fs::file_type::directory) {
                // A folder met before (below one reached through a link, say) is listed once.
                if (!follow_ || first_visit(path)) real_.push_back(path);
            } else if (path.extension() == article_extension) {
                // Whatever it is, reading it decides; listed, it is not taken for gone.
                out_.paths.push_back(path.string());
            }
        }
        if (ec) {
            out_.unlisted_folders.push_back(folder.string());
            out_.warnings.push_back("cannot read folder " + shown_path(folder.string()) + ": " + ec.message() +
                                    "; the articles indexed from it are kept");
        }
    }

    std::vector<fs::path> real_;    // folders to list, met as folders
    std::vector<fs::path> linked_;  // folders to list, met through links
    SourceListing& out_;
    const bool follow_;
    std::set<std::pair<dev_t, ino_t>> visited_;
};

}  // namespace

Result<SourceListing> list_sources(const std::vector<fs::path>& sources, bool follow_symlinks) {
    SourceListing listing;
    Lister lister(listing, follow_symlinks);
    for (const fs::path& given : sources) {
        // Absolute paths: they are stored, and later runs from elsewhere must match them.
        std::error_code ec;
        const fs::path source = fs::absolute(given, ec).lexically_normal();
        if (ec) return make_error(ErrorCode::io, "cannot read " + shown_path(given.string()) + ": " + ec.message());
        // Followed if a link: the user named it.
        struct stat st {};
        if (::stat(source.c_str(), &st) != 0) {
            if (errno == ENOENT || errno == ENOTDIR) {
                return make_error(ErrorCode::io, "no such file or folder: " + shown_path(given.string()));
            }
            return make_error(ErrorCode::io, "cannot read " + shown_path(given.string()) + ": " + std::strerror(errno));
        }
        listing.roots.push_back(source.string());
        if (S_ISDIR(st.st_mode)) {
            if (Status listed = lister.list(source, given.string()); !listed) return listed.error();
            continue;
        }
        const FileDescriptor fd(::open(source.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
        if (fd.get() < 0) {
            return make_error(ErrorCode::io, "cannot read " + shown_path(given.string()) + ": " + std::strerror(errno));
        }
        listing.paths.push_back(source.string());
        listing.named_files.push_back(source.string());
    }
    std::sort(listing.paths.begin(), listing.paths.end());
    listing.paths.erase(std::unique(listing.paths.begin(), listing.paths.end()), listing.paths.end());
    std::sort(listing.named_files.begin(), listing.named_files.end());
    return listing;
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

std::string shown_path(std::string_view path) {
    return printable(path, 4096);
}

std::optional<std::string> web_url_problem(std::string_view url) {
    for (const char byte : url) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == ' ') return "it holds a space";
        if (c < 0x20 || c == 0x7F) return "it holds a control character";
        if (c > 0x7F) return "it holds a character outside ASCII; write it percent-encoded";
    }
    const std::size_t colon = url.find(':');
    std::string scheme(url.substr(0, colon == std::string_view::npos ? 0 : colon));
    std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme != "http" && scheme != "https") return "only http and https links are kept";
    std::string_view rest = url.substr(colon + 1);
    if (!rest.starts_with("//")) return "it names no host";
    rest.remove_prefix(2);
    const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
    const std::size_t at = authority.rfind('@');
    std::string_view host = at == std::string_view::npos ? authority : authority.substr(at + 1);
    std::string_view port;
    const auto all_of = [](std::string_view text, auto allowed) {
        return std::all_of(text.begin(), text.end(), allowed);
    };
    const auto name_character = [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%';
    };
    if (host.starts_with('[')) {
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos) return "its host is not well formed";
        const std::string_view after = host.substr(close + 1);
        if (!after.empty() && after.front() != ':') return "its host is not well formed";
        if (!after.empty()) port = after.substr(1);
        host = host.substr(1, close - 1);
        if (host.empty() || !all_of(host, [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; })) {
            return "its host is not well formed";
        }
    } else {
        if (const std::size_t port_colon = host.find(':'); port_colon != std::string_view::npos) {
            port = host.substr(port_colon + 1);
            host = host.substr(0, port_colon);
        }
        if (host.empty()) return "it names no host";
        if (!all_of(host, name_character)) return "its host is not well formed";
    }
    if (!all_of(port, [](unsigned char c) { return std::isdigit(c); })) return "its port is not a number";
    return std::nullopt;
}

std::optional<std::string> unstorable_id(std::string_view id) {
    // Measured on the term itself, so a longer prefix could not slip past.
    const std::size_t term_bytes = schema::exact_term(schema::id_term, id).size();
    if (term_bytes > max_term_bytes) {
        return "its id is " + std::to_string(id.size()) + " bytes long, over the " +
               std::to_string(max_term_bytes - (term_bytes - id.size())) + " an id can have";
    }
    std::string repaired(id);
    if (schema::repair_utf8(repaired) > 0) return std::string("its id is not valid UTF-8");
    if (printable(id, std::numeric_limits<std::size_t>::max()) != id) {
        return std::string("its id holds a control character");
    }
    return std::nullopt;
}

Result<ArticleFile> read_article(const fs::path& article_path, std::uintmax_t max_bytes, bool use_metadata,
                                 bool follow_symlinks) {
    const std::string& path = article_path.native();
    const std::string shown = shown_path(path);
    const auto skipped = [&](const std::string& problem) {
        return make_error(ErrorCode::io, shown + " " + problem + ", skipped");
    };
    ArticleFile article;
    article.id = article_id(path);
    if (const std::optional<std::string> why = unstorable_id(article.id)) return skipped("cannot be indexed: " + *why);

    FileBytes file = read_regular(path, follow_symlinks, max_bytes);
    if (file.absent) {
        return make_error(ErrorCode::io, shown + " vanished during the run; an article indexed from it is kept");
    }
    if (!file.problem.empty()) return skipped(file.problem);
    if (file.bytes.empty()) return skipped("is empty");
    article.path = path;
    article.text = std::move(file.bytes);
    if (schema::looks_binary(article.text)) return skipped("looks binary (it contains NUL bytes)");
    if (const std::size_t replaced = schema::repair_utf8(article.text); replaced > 0) {
        article.warnings.push_back(shown + ": " + std::to_string(replaced) +
                                   " invalid UTF-8 sequence(s) replaced with U+FFFD");
    }
    schema::normalize_newlines(article.text);
    if (std::all_of(article.text.begin(), article.text.end(), [](unsigned char c) { return std::isspace(c); })) {
        return skipped("holds only white space");
    }

    std::string metadata_text;
    if (use_metadata) {
        const std::string metadata_path = path.substr(0, path.rfind('/') + 1) + article.id + metadata_suffix;
        FileBytes json = read_regular(metadata_path, follow_symlinks, max_metadata_bytes);
        // A metadata file that cannot be used skips the article: indexed without it, the
        // article would say something else (no title, outlet or date) with no one told.
        if (!json.absent && !json.problem.empty()) {
            return make_error(ErrorCode::io, shown_path(metadata_path) + " " + json.problem + ", article skipped");
        }
        metadata_text = std::move(json.bytes);
        if (!json.absent) {
            Result<ArticleMetadata> metadata = parse_metadata(metadata_text, shown_path(metadata_path), article.warnings);
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
    XXH3_64bits_update(state, path.data(), path.size());
    article.content_hash = hex64(XXH3_64bits_digest(state));
    XXH3_freeState(state);
    return article;
}

}  // namespace corpus::indexer
