#include "schema/index_layout.h"

#include <algorithm>
#include <xxhash.h>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace corpus::schema {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view generation_prefix = "gen-";
constexpr std::string_view shard_prefix = "shard-";

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

std::string shard_name(unsigned shard) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02u", shard);
    return name;
}

// Replaces a file by new bytes with rename(2), so readers see the old or the new file.
Status replace_durably(const fs::path& path, const std::string& bytes) {
    const fs::path next = path.string() + ".next";
    if (!write_durably(next, bytes)) return make_error(ErrorCode::io, "cannot write " + next.string());
    std::error_code ec;
    fs::rename(next, path, ec);
    if (ec) return make_error(ErrorCode::io, "cannot replace " + path.string() + ": " + ec.message());
    sync_directory(path.parent_path());
    return Ok{};
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
    return replace_durably(stub_path(index_dir), "auto " + generation_name(generation) + "\n");
}

fs::path shard_dir(const fs::path& index_dir, unsigned shard) {
    return index_dir / shard_name(shard);
}

Result<unsigned> shard_count(const fs::path& index_dir) {
    std::error_code ec;
    if (fs::exists(stub_path(index_dir), ec)) {
        std::ifstream in(stub_path(index_dir));
        std::string backend;
        std::string target;
        unsigned shards = 0;
        while (in >> backend >> target) {
            if (backend != "auto" || !target.starts_with(shard_prefix)) break;
            if (target != shard_name(shards)) {
                return make_error(ErrorCode::bad_database,
                                  stub_path(index_dir).string() + " lists \"" + target + "\" out of order");
            }
            ++shards;
        }
        return shards;
    }
    unsigned shards = 0;
    while (fs::is_directory(shard_dir(index_dir, shards), ec)) ++shards;
    return shards;
}

Status write_shard_stub(const fs::path& index_dir, unsigned shards) {
    std::string stub;
    for (unsigned shard = 0; shard < shards; ++shard) stub += "auto " + shard_name(shard) + "\n";
    return replace_durably(stub_path(index_dir), stub);
}

unsigned shard_of(std::string_view id, unsigned shards) {
    return static_cast<unsigned>(XXH64(id.data(), id.size(), 0) % shards);
}

}  // namespace corpus::schema
