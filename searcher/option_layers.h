// Where corpus-search's options come from, besides the command line: the environment and
// a config file. Precedence: flag > environment > config file > built-in default.
// Front-end code (the executable links it; the library does not).
#pragma once

#include "schema/result.h"

#include <string>
#include <vector>

namespace corpus::searcher {

struct LayeredOption {
    const char* key;      // config file key, and the flag without "--"
    const char* env_var;  // environment variable
};

// The options that may be layered; the rest only come from the command line.
inline constexpr LayeredOption layered_options[] = {
    {"db", "CORPUS_SEARCH_DB"},       {"format", "CORPUS_SEARCH_FORMAT"}, {"limit", "CORPUS_SEARCH_LIMIT"},
    {"scope", "CORPUS_SEARCH_SCOPE"}, {"color", "CORPUS_SEARCH_COLOR"},
};

inline constexpr const char* config_env_var = "CORPUS_SEARCH_CONFIG";

// The config file: --config if given, else $CORPUS_SEARCH_CONFIG, else
// $XDG_CONFIG_HOME/corpus-search/config (~/.config/...) when it exists; empty if none.
std::string resolve_config_path(const std::vector<std::string>& args);

// `args` (argv without the program name) with the config file's and the environment's
// values put in front as --key=value, so that a later occurrence (the command line's)
// wins. The file holds lines "key = value" ("#" starts a comment; values may be quoted).
Result<std::vector<std::string>> with_layered_options(const std::vector<std::string>& args);

}  // namespace corpus::searcher
