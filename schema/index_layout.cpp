#include "schema/index_layout.h"

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace corpus::schema {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view generation_prefix = "gen-";

std::string generation_name(unsigned generation) {
    char name[32];
    std::snprintf(name, sizeof name, "gen-%06u", generation);
    return name;
}

std::optional<unsigned> parse_generation_name(std::string_view name) {
    if (!name.starts_with(generation_prefix) || name.size() == generation_prefix.size()) return std::nullopt;
    unsigned value = 0;
    for (char c : name.substr(generation_prefix.size())) {
        if (c < '0' || c > '9' || value > 99'999'999) return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

// Writes and flushes a file's bytes to disk before it is renamed into place.
bool write_durably(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    const bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    const bool synced = ::fsync(fd) == 0;
    return ::close(fd) == 0 && written && synced;
}

void sync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

fs::path stub_path(const fs::path& index_dir) {
    return index_dir / stub_file_name;
}

fs::path generation_dir(const fs::path& index_dir, unsigned generation) {
    return index_dir / generation_name(generation);
}

Result<std::optional<unsigned>> live_generation(const fs::path& index_dir) {
    std::error_code ec;
    if (!fs::exists(stub_path(index_dir), ec)) return std::optional<unsigned>();
    std::ifstream in(stub_path(index_dir));
    std::string backend;
    std::string target;
    if (!(in >> backend >> target) || backend != "auto") {
        return make_error(ErrorCode::bad_database, stub_path(index_dir).string() + " is not a stub this tool wrote",
                          "rebuild it with: corpus-index --rebuild --db " + index_dir.string());
    }
    const std::optional<unsigned> generation = parse_generation_name(target);
    if (!generation) {
        return make_error(ErrorCode::bad_database,
                          stub_path(index_dir).string() + " names \"" + target + "\", not a generation");
    }
    return generation;
}

std::vector<unsigned> generations(const fs::path& index_dir) {
    std::vector<unsigned> found;
    std::error_code ec;
    for (fs::directory_iterator it(index_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (!it->is_directory()) continue;
        if (auto generation = parse_generation_name(it->path().filename().string())) found.push_back(*generation);
    }
    std::sort(found.begin(), found.end());
    return found;
}

Status switch_generation(const fs::path& index_dir, unsigned generation) {
    const fs::path next = index_dir / (std::string(stub_file_name) + ".next");
    if (!write_durably(next, "auto " + generation_name(generation) + "\n")) {
        return make_error(ErrorCode::io, "cannot write " + next.string());
    }
    std::error_code ec;
    fs::rename(next, stub_path(index_dir), ec);
    if (ec) return make_error(ErrorCode::io, "cannot replace " + stub_path(index_dir).string() + ": " + ec.message());
    sync_directory(index_dir);
    return Ok{};
}

}  // namespace corpus::schema
