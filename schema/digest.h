// Digests of embedded tables and analysis output, for the analysis fingerprint.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace corpus::schema {

// XXH3 (64 bits) over `parts`, a separator byte between them, as 16 lower-case hex
// digits. One part is digested as its bytes alone.
std::string hex_digest(std::initializer_list<std::string_view> parts);

}  // namespace corpus::schema
