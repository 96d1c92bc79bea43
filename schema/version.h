// What every tool's --version prints: the program, the release, and the index schema it
// reads and writes (an index of another schema asks for corpus-index --rebuild).
#pragma once

#include "schema/fields.h"

#include <string>
#include <string_view>

namespace corpus::schema {

inline std::string version_line(std::string_view program) {
    return std::string(program) + " " + CORPUS_VERSION + " (index schema " + std::to_string(schema_version) + ")\n";
}

}  // namespace corpus::schema
