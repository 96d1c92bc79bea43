#include "schema/index.h"

#include "schema/analysis.h"
#include "schema/fields.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

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

Result<Xapian::Database> open_for_reading(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return make_error(ErrorCode::no_database, "no index at " + path,
                          "create one with: corpus-index --db " + path + " [SOURCE...]");
    }
    try {
        Xapian::Database db(path);
        if (Status compatible = check_compatible(db, path); !compatible) return compatible.error();
        return db;
    } catch (const Xapian::Error& e) {
        Error error = translate_xapian_error(e, "cannot open index " + path);
        if (error.code == ErrorCode::bad_database) {
            error.message = path + " is not a readable corpus-search index (" + e.get_msg() + ")";
            error.hint = "rebuild it with: corpus-index --rebuild --db " + path;
        }
        return error;
    }
}

Result<Xapian::WritableDatabase> open_for_writing(const std::string& path) {
    // Xapian would happily create an index inside any folder, or overwrite a damaged
    // one: only an empty folder or something that opens as an index is written to.
    std::error_code ec;
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
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
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
