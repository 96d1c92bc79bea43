// Byte-level text checks applied to every input before analysis.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace corpus::schema {

// True if the bytes contain a NUL: such input is treated as binary, not text.
bool looks_binary(std::string_view bytes);

// Replaces every invalid UTF-8 sequence with U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& text);

// Normalizes line endings to '\n' and drops a leading byte-order mark.
void normalize_newlines(std::string& text);

}  // namespace corpus::schema
