#include "schema/index.h"

#include "schema/analysis.h"
#include "schema/fields.h"

#include "schema/index_layout.h"
#include "schema/text.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <system_error>
#include <thread>

namespace corpus::schema {
namespace fs = std::filesystem;

std::string resolve_index_path(const std::string& flag_value) {
    if (!flag_value.empty()) return flag_value;
    if (const char* env = std::getenv(index_env_var); env != nullptr && *env != '\0') return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        base = fs::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return (base / "corpus-search" / "index").string();
}

Error translate_xapian_error(const Xapian::Error& e, const std::string& context) {
    const std::string type = e.get_type();
    ErrorCode code = ErrorCode::internal;
    if (type == "DatabaseOpeningError" || type == "DatabaseVersionError" ||
        type == "DatabaseCorruptError" || type == "DatabaseNotFoundError") {
        code = ErrorCode::bad_database;
    } else if (type == "DatabaseLockError") {
        code = ErrorCode::io;
    }
    std::string message = context + ": " + e.get_msg();
    return make_error(code, std::move(message));
}

Status check_compatible(const Xapian::Database& db, const std::string& path) {
    const std::string version = db.get_metadata(std::string(meta_schema_version));
    const std::string fingerprint = db.get_metadata(std::string(meta_fingerprint));
    const std::string rebuild_hint = "rebuild it with: corpus-index --rebuild --db " + path;
    if (version.empty()) {
        return make_error(ErrorCode::bad_database, path + " is a Xapian database but not a corpus-search index",
                          "point --db at an index made by corpus-index");
    }
    if (version != std::to_string(schema_version)) {
        return make_error(ErrorCode::index_mismatch,
                          path + " has index schema version " + version + ", this build reads version " +
                              std::to_string(schema_version),
                          rebuild_hint);
    }
    if (fingerprint != analysis_fingerprint()) {
        return make_error(ErrorCode::index_mismatch,
                          path + " was built with a different text analysis chain", rebuild_hint);
    }
    return Ok{};
}

namespace {

Error unreadable_index(const std::string& path, const Xapian::Error& e) {
    Error error = translate_xapian_error(e, "cannot open index " + path);
    if (error.code == ErrorCode::bad_database) {
        error.message = path + " is not a readable corpus-search index (" + e.get_msg() + ")";
        error.hint = "rebuild it with: corpus-index --rebuild --db " + path;
    }
    return error;
}

struct StubLine {
    std::string backend;  // "auto", "remote", ...
    std::string target;   // the rest of the line
};

// A stub is a few lines: reading stops at this many bytes, so that --db naming a large
// file (or a device) neither fills memory nor hangs.
constexpr std::size_t max_stub_bytes = 65536;

std::vector<StubLine> read_stub(const fs::path& stub) {
    std::vector<StubLine> lines;
    std::ifstream in(stub);
    std::string line;
    std::size_t bytes = 0;
    while (bytes < max_stub_bytes && std::getline(in, line)) {
        bytes += line.size() + 1;
        const std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        const std::size_t space = line.find_first_of(" \t", start);
        const std::size_t rest = space == std::string::npos ? std::string::npos : line.find_first_not_of(" \t", space);
        std::string target = rest == std::string::npos ? std::string() : line.substr(rest);
        while (!target.empty() && (target.back() == '\r' || target.back() == ' ')) target.pop_back();
        lines.push_back({line.substr(start, space == std::string::npos ? std::string::npos : space - start),
                         std::move(target)});
    }
    return lines;
}

bool is_local_backend(const std::string& backend) {
    return backend == "auto" || backend == "glass" || backend == "chert";
}

fs::path stub_target(const StubLine& line, const fs::path& stub_dir) {
    return fs::path(line.target).is_absolute() ? fs::path(line.target) : stub_dir / line.target;
}

// Xapian follows stub files (and a folder's XAPIANDB) by itself, without end: a stub
// naming itself, or two naming each other, overflowed its stack. So the chain is walked
// here first, as Xapian would walk it, and a loop or a chain deeper than any layout of
// ours is an error. `chain` holds the stubs being followed, to tell a loop from a shard
// listed twice.
Status check_stub_chain(const fs::path& path, std::vector<fs::path>& chain) {
    constexpr std::size_t max_depth = 8;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    fs::path stub;
    if (fs::is_directory(status)) {
        for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
            if (fs::exists(path / marker, ec)) return Ok{};
        }
        stub = path / stub_file_name;
        if (!fs::exists(stub, ec)) return Ok{};
    } else if (fs::is_regular_file(status)) {
        stub = path;
    } else {
        return Ok{};  // absent, or a device Xapian refuses by itself
    }
    // Xapian reads a stub to its end, and would wait forever on a pipe or /dev/zero.
    if (!fs::is_regular_file(stub, ec) || fs::file_size(stub, ec) > max_stub_bytes) {
        return make_error(ErrorCode::bad_database, printable(stub.string()) + " is not a stub file",
                          "a stub is a short text file of \"auto PATH\" and \"remote HOST:PORT\" lines");
    }
    const fs::path identity = fs::weakly_canonical(stub, ec);
    if (std::find(chain.begin(), chain.end(), identity) != chain.end()) {
        return make_error(ErrorCode::bad_database, "the stub " + printable(stub.string()) + " refers back to itself",
                          "fix the stub's \"auto PATH\" lines");
    }
    if (chain.size() >= max_depth) {
        return make_error(ErrorCode::bad_database, "stubs refer to stubs more than " + std::to_string(max_depth) +
                                                       " deep at " + printable(stub.string()));
    }
    chain.push_back(identity);
    for (const StubLine& line : read_stub(stub)) {
        if (!is_local_backend(line.backend)) continue;
        if (Status checked = check_stub_chain(stub_target(line, stub.parent_path()), chain); !checked) return checked;
    }
    chain.pop_back();
    return Ok{};
}

// One shard of a stub file, opened on its own so that its failure can name it.
Result<Xapian::Database> open_shard(const StubLine& line, const fs::path& stub_dir, const std::string& stub,
                                    std::chrono::milliseconds timeout) {
    const std::string name = line.backend + " " + line.target;
    const auto ms = static_cast<unsigned>(timeout.count());
    try {
        Xapian::Database shard;
        if (line.backend == "remote" && line.target.starts_with(':')) {
            // Xapian's own stub syntax for a program: "remote :PROGRAM ARGS".
            const std::size_t space = line.target.find(' ');
            shard = Xapian::Remote::open(line.target.substr(1, space == std::string::npos ? space : space - 1),
                                         space == std::string::npos ? std::string() : line.target.substr(space + 1), ms);
        } else if (line.backend == "remote") {
            const std::size_t colon = line.target.rfind(':');
            const std::string port = colon == std::string::npos ? std::string() : line.target.substr(colon + 1);
            if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
                return make_error(ErrorCode::bad_database, stub + ": \"" + name + "\" has no valid port",
                                  "write \"remote HOST:PORT\", or \"remote :PROGRAM ARGS\" for a program");
            }
            std::string host = line.target.substr(0, colon);
            if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
            shard = Xapian::Remote::open(host.empty() ? std::string("localhost") : host,
                                         static_cast<unsigned>(std::stoul(port)), ms, ms);
        } else if (is_local_backend(line.backend)) {
            const fs::path target = stub_target(line, stub_dir);
            std::error_code ec;
            if (!fs::exists(target, ec)) {
                return make_error(ErrorCode::no_database, "shard \"" + name + "\" of " + stub + ": no index at " +
                                                              target.string());
            }
            shard = Xapian::Database(target.string());
        } else {
            return make_error(ErrorCode::bad_database, stub + ": \"" + name + "\" is not a shard line",
                              "write \"auto PATH\" or \"remote HOST:PORT\"");
        }
        if (Status compatible = check_compatible(shard, "shard \"" + name + "\" of " + stub); !compatible) {
            return compatible.error();
        }
        return shard;
    } catch (const Xapian::Error& e) {
        Error error = translate_xapian_error(e, "shard \"" + name + "\" of " + stub + " did not answer");
        error.code = ErrorCode::io;
        error.hint = "is its server running? (scripts/shard-server status)";
        return error;
    }
}

Result<Xapian::Database> open_stub_file(const std::string& path, std::chrono::milliseconds timeout) {
    const std::vector<StubLine> lines = read_stub(path);
    if (lines.empty()) return make_error(ErrorCode::bad_database, path + " lists no shards");
    Xapian::Database all;
    for (const StubLine& line : lines) {
        Result<Xapian::Database> shard = open_shard(line, fs::path(path).parent_path(), path, timeout);
        if (!shard) return shard.error();
        all.add_database(shard.value());
    }
    return all;
}

std::string stat_identity(const fs::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) return "-";
    return std::to_string(info.st_ino) + ":" + std::to_string(info.st_ctim.tv_sec) + "." +
           std::to_string(info.st_ctim.tv_nsec);
}

}  // namespace

Result<Xapian::Database> open_for_reading(const std::string& path, std::chrono::milliseconds shard_timeout) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return make_error(ErrorCode::no_database, "no index at " + path,
                          "create one with: corpus-index --db " + path + " [SOURCE...]");
    }
    std::vector<fs::path> chain;
    if (Status checked = check_stub_chain(path, chain); !checked) return checked.error();
    if (fs::is_regular_file(path, ec)) return open_stub_file(path, shard_timeout);
    // A reindex that commits twice while the index is being opened can make what was
    // read look inconsistent: opening again reads the newest revision.
    constexpr int attempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            // A sharded folder: every shard must be one this build reads, not just the
            // first, so each is opened (once) and checked on its own.
            Result<unsigned> shards = shard_count(path);
            if (shards && shards.value() > 0) {
                Xapian::Database all;
                for (unsigned shard = 0; shard < shards.value(); ++shard) {
                    const std::string shard_path = shard_dir(path, shard).string();
                    Xapian::Database one(shard_path);
                    if (Status compatible = check_compatible(one, shard_path); !compatible) return compatible.error();
                    all.add_database(one);
                }
                return all;
            }
            Xapian::Database db(path);
            if (Status compatible = check_compatible(db, path); !compatible) return compatible.error();
            return db;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt == attempts) return unreadable_index(path, e);
        } catch (const Xapian::DatabaseCorruptError& e) {
            if (attempt == attempts) return unreadable_index(path, e);
        } catch (const Xapian::Error& e) {
            return unreadable_index(path, e);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    }
}

bool lists_remote_shards(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    const std::vector<StubLine> lines = read_stub(path);
    return std::any_of(lines.begin(), lines.end(), [](const StubLine& line) { return line.backend == "remote"; });
}

std::string layout_identity(const std::string& path) {
    std::error_code ec;
    const fs::path stub = fs::is_regular_file(path, ec) ? fs::path(path) : stub_path(path);
    std::string identity = stat_identity(stub);
    for (const StubLine& line : read_stub(stub)) {
        if (line.backend != "auto") continue;
        const fs::path target = stub_target(line, stub.parent_path());
        identity += '|';
        identity += stat_identity(fs::is_directory(target, ec) ? stub_path(target) : target);
    }
    return identity;
}

Result<Xapian::WritableDatabase> open_for_writing(const std::string& path, Durability durability) {
    // Xapian would happily create an index inside any folder, or overwrite a damaged
    // one: only an empty folder or something that opens as an index is written to.
    std::error_code ec;
    std::vector<fs::path> chain;
    if (Status checked = check_stub_chain(path, chain); !checked) return checked.error();
    if (fs::exists(path, ec) && !(fs::is_directory(path, ec) && fs::is_empty(path, ec))) {
        try {
            Xapian::Database existing(path);
        } catch (const Xapian::Error& e) {
            return make_error(ErrorCode::bad_database,
                              path + " exists but is not a corpus-search index (" + e.get_msg() + ")",
                              "choose another --db, or move it away");
        }
    }
    try {
        const int sync = durability == Durability::scratch ? Xapian::DB_NO_SYNC : 0;
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | sync);
        if (db.get_metadata(std::string(meta_schema_version)).empty() && db.get_doccount() == 0) {
            db.set_metadata(std::string(meta_schema_version), std::to_string(schema_version));
            db.set_metadata(std::string(meta_fingerprint), analysis_fingerprint());
            db.commit();
        }
        if (Status compatible = check_compatible(db, path); !compatible) return compatible.error();
        return db;
    } catch (const Xapian::Error& e) {
        Error error = translate_xapian_error(e, "cannot open index " + path + " for writing");
        if (error.code == ErrorCode::bad_database) {
            error.message = path + " is not a usable corpus-search index (" + e.get_msg() + ")";
            error.hint = "move it away, or rebuild it with: corpus-index --rebuild --db " + path;
        }
        return error;
    }
}

}  // namespace corpus::schema
