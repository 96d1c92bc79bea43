#include "searcher/digest.h"

#include "schema/digest.h"
#include "schema/text.h"
#include "searcher/request.h"

#include <fmt/core.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace corpus::searcher {
namespace fs = std::filesystem;

namespace {

// Far more saved searches than anyone keeps; a larger file is not one.
constexpr std::uintmax_t max_saved_searches_bytes = 1u << 20;

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") + 1 - first);
}

Error line_error(const fs::path& path, std::size_t line, const std::string& what) {
    return make_error(ErrorCode::usage, fmt::format("{}:{}: {}", schema::printable(path.string()), line, what),
                      "each line of a saved-search file is NAME = QUERY, or a # comment");
}

Result<fs::path> state_folder() {
    const char* state_home = std::getenv("XDG_STATE_HOME");
    if (state_home != nullptr && *state_home == '/') return fs::path(state_home) / "corpus-search" / "digests";
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') {
        return make_error(ErrorCode::io, "no folder to keep the digest's state in", "set XDG_STATE_HOME or HOME");
    }
    return fs::path(home) / ".local" / "state" / "corpus-search" / "digests";
}

}  // namespace

Result<std::vector<SavedSearch>> read_saved_searches(const fs::path& path) {
    std::error_code ec;
    const std::string shown = schema::printable(path.string());
    if (!fs::is_regular_file(path, ec)) {
        return make_error(ErrorCode::io, "cannot read the saved searches " + shown + ": not a readable file");
    }
    if (fs::file_size(path, ec) > max_saved_searches_bytes) {
        return make_error(ErrorCode::usage, fmt::format("the saved searches {} are more than {} bytes", shown,
                                                        max_saved_searches_bytes));
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return make_error(ErrorCode::io, "cannot read the saved searches " + shown);

    std::vector<SavedSearch> searches;
    std::set<std::string> names;
    std::string line;
    for (std::size_t number = 1; std::getline(text, line); ++number) {
        const std::string_view content = trimmed(line);
        if (content.empty() || content.front() == '#') continue;
        const std::size_t equals = content.find('=');
        if (equals == std::string_view::npos) return line_error(path, number, "no '=' between a name and a query");
        SavedSearch search{std::string(trimmed(content.substr(0, equals))),
                           std::string(trimmed(content.substr(equals + 1))), number};
        if (search.name.empty()) return line_error(path, number, "no name before '='");
        if (Status valid = check_query_text(search.query); !valid) {
            return line_error(path, number, "\"" + schema::printable(search.name, 60) + "\": " + valid.error().message);
        }
        if (!names.insert(search.name).second) {
            return line_error(path, number, "the name \"" + schema::printable(search.name, 60) + "\" is given twice");
        }
        searches.push_back(std::move(search));
    }
    if (searches.empty()) {
        return make_error(ErrorCode::usage, "the saved searches " + shown + " hold no search",
                          "write one NAME = QUERY a line");
    }
    return searches;
}

Result<fs::path> digest_state_path(const fs::path& index, const fs::path& saved_searches) {
    std::error_code ec;
    const fs::path index_path = fs::canonical(index, ec);
    if (ec) return make_error(ErrorCode::io, "cannot resolve " + schema::printable(index.string()) + ": " + ec.message());
    const fs::path file_path = fs::canonical(saved_searches, ec);
    if (ec) {
        return make_error(ErrorCode::io,
                          "cannot resolve " + schema::printable(saved_searches.string()) + ": " + ec.message());
    }
    Result<fs::path> folder = state_folder();
    if (!folder) return folder.error();
    return folder.value() / (schema::hex_digest({index_path.string(), file_path.string()}) + ".state");
}

Result<std::optional<schema::Instant>> read_digest_state(const fs::path& state) {
    std::error_code ec;
    if (!fs::exists(state, ec) && !ec) return std::optional<schema::Instant>();
    std::ifstream in(state);
    std::string line;
    if (!in || !std::getline(in, line) || !line.starts_with("until ")) {
        return make_error(ErrorCode::io, "the digest's state " + schema::printable(state.string()) + " is unreadable",
                          "remove it to start again from every current match");
    }
    const std::optional<schema::Instant> until = schema::parse_instant(std::string_view(line).substr(6));
    if (!until) {
        return make_error(ErrorCode::io, "the digest's state " + schema::printable(state.string()) + " is unreadable",
                          "remove it to start again from every current match");
    }
    return std::optional(*until);
}

Status write_digest_state(const fs::path& state, schema::Instant until) {
    std::error_code ec;
    fs::create_directories(state.parent_path(), ec);
    if (ec) return make_error(ErrorCode::io, "cannot create " + state.parent_path().string() + ": " + ec.message());
    const fs::path temporary = state.string() + ".tmp";
    std::FILE* file = std::fopen(temporary.c_str(), "w");
    if (file == nullptr) return make_error(ErrorCode::io, "cannot write " + temporary.string());
    const std::string text = "until " + schema::format_instant(until) + "\n";
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() && std::fflush(file) == 0 &&
                         ::fsync(::fileno(file)) == 0;
    if (std::fclose(file) != 0 || !written) {
        fs::remove(temporary, ec);
        return make_error(ErrorCode::io, "cannot write " + temporary.string());
    }
    fs::rename(temporary, state, ec);
    if (ec) return make_error(ErrorCode::io, "cannot replace " + state.string() + ": " + ec.message());
    return Ok{};
}

bool Digest::any_new() const {
    for (const DigestSearch& search : searches) {
        if (search.result.total > 0) return true;
    }
    return false;
}

Result<Digest> make_digest(Searcher& searcher, const std::vector<SavedSearch>& searches, const SearchRequest& base,
                           std::optional<schema::Instant> since, const std::string& file_name) {
    Result<std::optional<schema::Instant>> complete = searcher.complete_until();
    if (!complete) return complete.error();
    Digest digest;
    digest.since = since;
    // An index with no article yet has nothing up to any time: the next digest starts
    // where this one would have.
    digest.until = complete.value().value_or(since.value_or(schema::Instant{}));
    if (since && digest.until < *since) digest.until = *since;
    for (const SavedSearch& saved : searches) {
        SearchRequest request = base;
        request.query = saved.query;
        request.order = Order::newest;
        request.changed_after = since;
        request.changed_until = digest.until;
        Result<SearchResult> result = searcher.search(request);
        if (!result) {
            Error error = result.error();
            error.message = fmt::format("{}:{}: \"{}\": {}", schema::printable(file_name), saved.line,
                                        schema::printable(saved.name, 60), error.message);
            return error;
        }
        digest.searches.push_back({saved, std::move(result.value())});
    }
    return digest;
}

}  // namespace corpus::searcher
