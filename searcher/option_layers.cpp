#include "searcher/option_layers.h"

#include "schema/text.h"
#include "searcher/input_lines.h"

#include <cstdlib>
#include <filesystem>

namespace corpus::searcher {
namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") + 1 - first);
}

bool is_layered(const std::string& key) {
    for (const LayeredOption& option : layered_options) {
        if (key == option.key) return true;
    }
    return false;
}

}  // namespace

std::string resolve_config_path(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (args[i] == "--config" && i + 1 < args.size()) return args[i + 1];
        if (args[i].starts_with("--config=")) return args[i].substr(9);
    }
    if (const char* env = std::getenv(config_env_var); env != nullptr && *env != '\0') return env;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        base = fs::path(home) / ".config";
    } else {
        return {};
    }
    const fs::path path = base / "corpus-search" / "config";
    std::error_code ec;
    return fs::exists(path, ec) ? path.string() : std::string();
}

Result<std::vector<std::string>> with_layered_options(const std::vector<std::string>& args) {
    std::vector<std::string> layered;
    const std::string config = resolve_config_path(args);
    if (!config.empty()) {
        Result<InputLines> in = InputLines::open(config, "the config file");
        if (!in) return in.error();
        std::string line;
        for (int number = 1;; ++number) {
            const InputLines::Read read = in->next(line);
            if (read == InputLines::Read::end) break;
            const std::string where = schema::printable(config) + ":" + std::to_string(number);
            if (read == InputLines::Read::too_long) return make_error(ErrorCode::usage, where + ": line too long");
            line = trim(line);
            if (line.empty() || line[0] == '#') continue;
            const std::size_t equals = line.find('=');
            if (equals == std::string::npos) {
                return make_error(ErrorCode::usage, where + ": expected \"key = value\"");
            }
            const std::string key = trim(line.substr(0, equals));
            std::string value = trim(line.substr(equals + 1));
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
                value = value.substr(1, value.size() - 2);
            }
            if (!is_layered(key)) {
                return make_error(ErrorCode::usage, where + ": unknown key \"" + schema::printable(key, 40) + "\"",
                                  "keys: db, format, limit, scope, color");
            }
            layered.push_back("--" + key + "=" + value);
        }
        if (in->failed()) return make_error(ErrorCode::io, "cannot read the config file " + schema::printable(config));
    }
    for (const LayeredOption& option : layered_options) {
        if (const char* env = std::getenv(option.env_var); env != nullptr && *env != '\0') {
            layered.push_back(std::string("--") + option.key + "=" + env);
        }
    }
    layered.insert(layered.end(), args.begin(), args.end());
    return layered;
}

}  // namespace corpus::searcher
