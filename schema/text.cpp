#include "schema/text.h"

#include <unicode/utf8.h>

#include <charconv>
#include <cstdio>

namespace corpus::schema {
namespace {

// Calls visit(code point, its bytes) for each character of `text`, a negative code point
// for each byte that is not UTF-8, until visit returns false.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (!visit(c, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)))) return;
    }
}

}  // namespace

bool looks_binary(std::string_view bytes) {
    return bytes.find('\0') != std::string_view::npos;
}

std::size_t repair_utf8(std::string& text) {
    std::size_t replaced = 0;
    std::string repaired;
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        if (c < 0) {
            if (replaced == 0) repaired.assign(text.data(), static_cast<std::size_t>(bytes.data() - text.data()));
            repaired += "\xEF\xBF\xBD";
            ++replaced;
        } else if (replaced > 0) {
            repaired += bytes;
        }
        return true;
    });
    if (replaced > 0) text = std::move(repaired);
    return replaced;
}

void normalize_newlines(std::string& text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (text.find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        } else {
            out.push_back(text[i]);
        }
    }
    text = std::move(out);
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        std::string piece;
        if (c >= 0 && !is_control(static_cast<char32_t>(c))) {
            piece = bytes;
        } else if (c == '\n') {
            piece = "\\n";
        } else if (c == '\t') {
            piece = "\\t";
        } else if (c == '\r') {
            piece = "\\r";
        } else {
            // A control character or a byte that is not UTF-8: every byte as \xNN.
            for (const char byte : bytes) {
                char hex[5];
                std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(byte));
                piece += hex;
            }
        }
        if (out.size() + piece.size() > max_bytes) {
            out += "...";
            return false;
        }
        out += piece;
        return true;
    });
    return out;
}

std::optional<std::uintmax_t> whole_number(std::string_view text, std::uintmax_t least, std::uintmax_t most) {
    std::uintmax_t value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, failure] = std::from_chars(text.data(), end, value);
    if (text.empty() || failure != std::errc() || stop != end || value < least || value > most) return std::nullopt;
    return value;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

std::string without_controls(std::string_view text, LineBreaks line_breaks) {
    // Runs of plain characters are copied whole: every title and snippet of a page of
    // results passes through here, and a call per character cost 1.5% of a search.
    std::string out;
    out.reserve(text.size());
    std::size_t kept = 0;  // text before this is in `out`
    auto replace = [&](std::size_t from, std::size_t to, std::string_view with) {
        out.append(text, kept, from - kept);
        out += with;
        kept = to;
    };
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(i)]);
        if (byte >= 0x20 && byte < 0x7F) {
            ++i;
            continue;
        }
        const auto start = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        const auto end = static_cast<std::size_t>(i);
        if ((c == '\n' || c == '\t') && line_breaks == LineBreaks::to_spaces) {
            replace(start, end, " ");
        } else if (c < 0 || (c != '\n' && c != '\t' && is_control(static_cast<char32_t>(c)))) {
            replace(start, end, "\xEF\xBF\xBD");
        }
    }
    out.append(text, kept);
    return out;
}

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (c >= 0 && !is_control(static_cast<char32_t>(c))) {
            out += bytes;
        }
        return true;
    });
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace corpus::schema
