// The name tables of schema/names/, embedded in the binaries at build time (CMake writes
// names_tables.cpp from names_tables.cpp.in), so nothing is looked up at run time.
#pragma once

#include <string_view>

namespace corpus::schema {

extern const std::string_view names_surnames_tsv;
extern const std::string_view names_customary_tsv;
extern const std::string_view names_sino_korean_txt;
extern const std::string_view names_not_names_txt;

}  // namespace corpus::schema
