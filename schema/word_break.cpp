#include "schema/word_break.h"

#include "schema/spelling_variants.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace corpus::schema {
namespace {

// Written like the first word of a sentence: a capital, then a small letter ("The",
// "Über"); not "NET", "A" or "js".
bool sentence_start(std::string_view label) {
    const auto length = static_cast<int32_t>(label.size());
    int32_t i = 0;
    UChar32 first;
    U8_NEXT(label.data(), i, length, first);
    if (first < 0 || !(u_isupper(first) || u_istitle(first)) || i >= length) return false;
    UChar32 second;
    U8_NEXT(label.data(), i, length, second);
    return second >= 0 && u_islower(second);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == y;
           });
}

// The generic top-level domains of before 2012, which hosts in prose mostly end in. The
// newer ones (".news", ".one", ".app") are words, and a country code is a word too often.
bool generic_domain(std::string_view label) {
    static constexpr std::array<std::string_view, 9> domains{"com", "net", "org", "edu", "gov",
                                                             "mil", "int", "info", "biz"};
    return std::any_of(domains.begin(), domains.end(),
                       [&](std::string_view domain) { return equal_ignoring_case(label, domain); });
}

bool two_letter_code(std::string_view label) {
    return label.size() == 2 && std::all_of(label.begin(), label.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
           });
}

// Whether a host's labels (the surface after any '@') make a host name (word_break.h).
bool host_name(std::string_view host) {
    const std::size_t last_dot = host.rfind('.');
    const std::string_view last = host.substr(last_dot + 1);
    if (generic_domain(last)) return true;
    const auto dots = std::count(host.begin(), host.end(), '.');
    return dots >= 2 && two_letter_code(last) && !sentence_start(last);
}

bool separator(char c) {
    return c == '.' || c == '@';
}

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// A full stop between digits is a decimal point: "241.7b" and "3.5ghz" are numbers.
bool decimal_point(std::string_view word) {
    for (std::size_t dot = word.find('.'); dot != std::string_view::npos; dot = word.find('.', dot + 1)) {
        if (dot > 0 && dot + 1 < word.size() && digit(word[dot - 1]) && digit(word[dot + 1])) return true;
    }
    return false;
}

}  // namespace

std::vector<std::size_t> sentence_ends(std::string_view surface) {
    std::vector<std::size_t> ends;
    const std::size_t at = surface.rfind('@');
    const std::size_t host_start = at == std::string_view::npos ? 0 : at + 1;
    const std::size_t first_dot = surface.find('.', host_start);
    if (first_dot == std::string_view::npos || host_name(surface.substr(host_start))) return ends;
    for (std::size_t dot = first_dot; dot != std::string_view::npos;) {
        const std::size_t next = surface.find('.', dot + 1);
        const std::size_t label_end = next == std::string_view::npos ? surface.size() : next;
        if (sentence_start(surface.substr(dot + 1, label_end - dot - 1))) ends.push_back(dot);
        dot = next;
    }
    return ends;
}

std::vector<std::string> word_parts(std::string_view word) {
    std::vector<std::string> parts;
    if (std::none_of(word.begin(), word.end(), separator) || decimal_point(word)) return parts;
    bool single_letters = word.find('@') == std::string_view::npos;
    for (std::size_t start = 0; start <= word.size();) {
        std::size_t end = start;
        while (end < word.size() && !separator(word[end])) ++end;
        const std::string_view label = word.substr(start, end - start);
        if (!label.empty()) {
            int32_t i = 0;
            UChar32 c;
            U8_NEXT(label.data(), i, static_cast<int32_t>(label.size()), c);
            single_letters = single_letters && c >= 0 && static_cast<std::size_t>(i) == label.size();
            const std::string_view american = american_spelling(label);
            parts.emplace_back(american.empty() ? label : american);
        }
        start = end + 1;
    }
    if (single_letters) parts.clear();
    return parts;
}

}  // namespace corpus::schema
