#include "schema/text.h"

#include <unicode/utf8.h>

namespace corpus::schema {

bool looks_binary(std::string_view bytes) {
    return bytes.find('\0') != std::string_view::npos;
}

std::size_t repair_utf8(std::string& text) {
    std::size_t replaced = 0;
    std::string repaired;
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0) {
            if (replaced == 0) repaired.assign(text, 0, static_cast<std::size_t>(start));
            repaired += "\xEF\xBF\xBD";
            ++replaced;
        } else if (replaced > 0) {
            repaired.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
        }
    }
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

}  // namespace corpus::schema
