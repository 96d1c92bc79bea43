// Byte-level text checks applied to every input before analysis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corpus::schema {

// True if the bytes contain a NUL: such input is treated as binary, not text.
bool looks_binary(std::string_view bytes);

// Replaces every invalid UTF-8 sequence with U+FFFD; returns how many were replaced.
std::size_t repair_utf8(std::string& text);

// Normalizes line endings to '\n' and drops a leading byte-order mark.
void normalize_newlines(std::string& text);

// True for the code points a terminal acts on instead of showing: C0 controls, DEL and
// C1 controls (U+0080-U+009F). An escape sequence in an article title could otherwise
// move the cursor, retitle the window or hide text.
bool is_control(char32_t c);

// `text` made safe to echo inside a one-line message: control characters written as
// \n, \t, \r or \xNN, bytes that are not UTF-8 as \xNN, and anything past
// `max_bytes` cut at a character boundary and marked with "...". A message that echoes
// a user's value (a path, an id, a query) passes it through this first.
std::string printable(std::string_view text, std::size_t max_bytes = 200);

// `text` as a whole number from `least` to `most`: digits only, so that "-1", "0x10",
// "1e3" and values past the range are refused, never read as something else (CLI11
// reads "-1" into an unsigned as 2^64-1). Both front-ends check numeric options so.
std::optional<std::uintmax_t> whole_number(std::string_view text, std::uintmax_t least, std::uintmax_t most);

// "10,000": a limit as a message names it.
std::string with_thousands(std::size_t n);

// `text` for a terminal: every control character replaced with U+FFFD, so that article
// text and titles cannot send escape sequences; '\n' and '\t' are kept in multi-line
// text and become spaces in a one-line field (a title, an outlet).
enum class LineBreaks { keep, to_spaces };
std::string without_controls(std::string_view text, LineBreaks line_breaks = LineBreaks::keep);

// `text` as one line to store (a byline): line breaks and tabs become spaces, other
// control characters go, runs of spaces become one and the ends are trimmed.
std::string one_line(std::string_view text);

}  // namespace corpus::schema
