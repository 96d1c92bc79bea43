#include "searcher/kwic.h"

#include "searcher/body_scan.h"

#include <algorithm>
#include <utility>

namespace corpus::searcher {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool continues_character(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A text with each run of white space made one space, and where each byte of the
// original went: at[i] is the offset of byte i, at[size] the collapsed text's end.
struct Collapsed {
    std::string text;
    std::vector<std::size_t> at;
};

Collapsed collapse(std::string_view text) {
    Collapsed out;
    out.text.reserve(text.size());
    out.at.reserve(text.size() + 1);
    bool in_space = false;
    for (const char c : text) {
        out.at.push_back(out.text.size());
        if (!is_space(c)) {
            out.text += c;
        } else if (!in_space) {
            out.text += ' ';
        }
        in_space = is_space(c);
    }
    out.at.push_back(out.text.size());
    return out;
}

// At most `width` characters of `flat` before `end`, starting at a word's start unless
// that leaves nothing (one long word), without spaces at its outer edge.
std::string left_of(const std::string& flat, std::size_t end, std::size_t width) {
    std::size_t start = end;
    for (std::size_t count = 0; start > 0 && count < width; ++count) {
        --start;
        while (start > 0 && continues_character(flat[start])) --start;
    }
    if (start > 0 && flat[start - 1] != ' ' && flat[start] != ' ') {
        const std::size_t space = flat.find(' ', start);
        if (space != std::string::npos && space + 1 < end) start = space + 1;
    }
    while (start < end && flat[start] == ' ') ++start;
    return flat.substr(start, end - start);
}

// At most `width` characters of `flat` from `begin`, ending at a word's end unless that
// leaves nothing, without spaces at its outer edge.
std::string right_of(const std::string& flat, std::size_t begin, std::size_t width) {
    std::size_t end = begin;
    for (std::size_t count = 0; end < flat.size() && count < width; ++count) {
        ++end;
        while (end < flat.size() && continues_character(flat[end])) ++end;
    }
    if (end < flat.size() && flat[end] != ' ' && flat[end - 1] != ' ') {
        const std::size_t space = flat.rfind(' ', end - 1);
        if (space != std::string::npos && space > begin) end = space;
    }
    while (end > begin && flat[end - 1] == ' ') --end;
    return flat.substr(begin, end - begin);
}

// The end of a match ending at `end`: a possessive's 's is the word's grammar, not the
// word (the index reads "missile's" as missile), so it stays in the right context.
std::size_t without_possessive(std::string_view text, std::size_t start, std::size_t end) {
    const std::string_view word = text.substr(start, end - start);
    for (const std::string_view possessive : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
        if (word.size() > possessive.size() && word.ends_with(possessive)) return end - possessive.size();
    }
    return end;
}

}  // namespace

std::vector<HighlightPattern> kwic_patterns(const std::vector<HighlightPattern>& highlights) {
    std::vector<HighlightPattern> patterns;
    for (const HighlightPattern& pattern : highlights) {
        if (!pattern.listed) continue;
        if (pattern.by_stem) {
            patterns.push_back({false, {pattern.typed}});
        } else {
            patterns.push_back(pattern);
        }
    }
    return patterns;
}

std::vector<Occurrence> find_occurrences(std::string_view text, const std::vector<HighlightPattern>& patterns,
                                         std::size_t width) {
    std::vector<Occurrence> occurrences;
    if (patterns.empty()) return occurrences;
    BodyScan scan(text, patterns);
    while (!scan.at_end()) scan.read_paragraph();
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // first and last token
    for (const PatternMatch& match : scan.matches()) spans.emplace_back(match.first, match.last);
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    if (spans.empty()) return occurrences;
    const Collapsed flat = collapse(text);
    const std::vector<schema::Token>& tokens = scan.tokens();
    for (const auto& [first, last] : spans) {
        const std::size_t begin = flat.at[tokens[first].start];
        const std::size_t end = flat.at[without_possessive(text, tokens[last].start, tokens[last].end)];
        occurrences.push_back({left_of(flat.text, begin, width), flat.text.substr(begin, end - begin),
                               right_of(flat.text, end, width)});
    }
    return occurrences;
}

std::vector<Occurrence> article_occurrences(const schema::StoredArticle& article,
                                            const std::vector<HighlightPattern>& patterns, bool with_chrome,
                                            std::size_t width) {
    std::vector<Occurrence> occurrences = find_occurrences(article.body, patterns, width);
    if (with_chrome) {
        std::vector<Occurrence> in_chrome = find_occurrences(article.chrome, patterns, width);
        occurrences.insert(occurrences.end(), std::make_move_iterator(in_chrome.begin()),
                           std::make_move_iterator(in_chrome.end()));
    }
    return occurrences;
}

}  // namespace corpus::searcher
