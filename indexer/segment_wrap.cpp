#include "indexer/segment_wrap.h"

#include "indexer/segment_text.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace corpus::indexer::segment_detail {
namespace {

// Widths hard-wrapping tools use: mail clients 66-78, fmt 75, typewritten text 60-80.
// A page whose lines are wider (one paragraph a line) or narrower (a menu) is not wrapped.
constexpr std::size_t min_wrap_width = 30;
constexpr std::size_t max_wrap_width = 100;
// Lines followed by another line needed before a width is estimated.
constexpr std::size_t min_width_samples = 3;

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Code points, which is what a wrapping tool counts.
std::size_t columns(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return count;
}

std::string_view right_trimmed(std::string_view line) {
    while (!line.empty() && (is_blank_char(line.back()) || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

// A line as quote marks ("> > "), indentation and text.
struct LineParts {
    std::size_t width = 0;        // columns of the whole line, trailing spaces excluded
    std::size_t quote_depth = 0;
    std::size_t indent = 0;       // spaces after the quote marks (one is the marks' own)
    std::string_view content;     // no quote marks, indentation or trailing spaces
};

LineParts parts_of(std::string_view line) {
    LineParts parts;
    line = right_trimmed(line);
    parts.width = columns(line);
    std::size_t i = 0;
    std::size_t spaces = 0;
    while (i < line.size() && (line[i] == '>' || is_blank_char(line[i]))) {
        if (line[i] == '>') {
            ++parts.quote_depth;
            spaces = 0;
        } else {
            ++spaces;
        }
        ++i;
    }
    parts.indent = parts.quote_depth > 0 && spaces > 0 ? spaces - 1 : spaces;
    parts.content = line.substr(i);
    return parts;
}

std::string_view first_word(std::string_view content) {
    std::size_t end = 0;
    while (end < content.size() && !is_blank_char(content[end])) ++end;
    return content.substr(0, end);
}

// "1. ", "12) ", "(a) ", "b) " and the bullets and dashes of starts_with_bullet.
bool is_list_item(std::string_view content) { return starts_with_bullet(content) || starts_with_list_number(content); }

// "Subject: ...", "Reply-By: ...", "X-Mailer: ...".
bool is_header_field(std::string_view content) {
    std::size_t colon = content.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30 || !is_upper(content[0])) return false;
    for (std::size_t i = 0; i < colon; ++i)
        if (!is_upper(content[i]) && !is_lower(content[i]) && !is_digit(content[i]) && content[i] != '-')
            return false;
    return colon + 1 == content.size() || content[colon + 1] == ' ';
}

// Dot leaders ("Receipts ........ $132", ". . .") or aligned columns.
bool is_tabular(std::string_view content) {
    return content.find("....") != std::string_view::npos || content.find(". . .") != std::string_view::npos ||
           content.find("   ") != std::string_view::npos || content.find('\t') != std::string_view::npos;
}

bool is_signature_delimiter(std::string_view content) { return content == "--"; }

// Several words: a sentence, not a URL or a rule.
bool is_prose(std::string_view content) {
    constexpr std::size_t min_spaces = 4;
    return static_cast<std::size_t>(std::count(content.begin(), content.end(), ' ')) >= min_spaces;
}

// The width the page was wrapped at: nine in ten lines that are followed by another line
// of the same quote depth are at most this wide. Zero when the page does not look wrapped.
std::size_t wrap_width(const std::vector<LineParts>& parts) {
    std::vector<std::size_t> widths;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        if (!parts[i].content.empty() && !parts[i + 1].content.empty() &&
            parts[i].quote_depth == parts[i + 1].quote_depth)
            widths.push_back(parts[i].width);
    if (widths.size() < min_width_samples) return 0;
    std::size_t at = (widths.size() - 1) * 9 / 10;
    std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(at), widths.end());
    std::size_t width = widths[at];
    return width >= min_wrap_width && width <= max_wrap_width ? width : 0;
}

// Words that cannot end an English sentence or a line of verse: a line ending in one
// is cut mid-sentence ("... was summoned to the" / "South Korean Foreign Ministry").
constexpr std::array<std::string_view, 40> open_words = {
    "a",    "an",   "the",  "of",    "to",   "in",    "on",   "at",    "for",  "with",
    "by",   "from", "into", "about", "and",  "or",    "but",  "nor",   "that", "which",
    "who",  "whom", "whose", "as",   "than", "is",    "are",  "was",   "were", "be",
    "been", "his",  "her",  "its",   "their", "our",  "my",   "your",  "this", "these"};

bool ends_open(std::string_view content) {
    std::size_t space = content.find_last_of(" \t");
    std::string_view last = space == std::string_view::npos ? content : content.substr(space + 1);
    if (last.size() > 5) return false;
    std::string lower(last);
    for (char& c : lower) c = is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
    return std::find(open_words.begin(), open_words.end(), lower) != open_words.end();
}

// `b` goes on in lower case with the sentence `a` leaves open.
bool runs_on_lower(const LineParts& a, const LineParts& b) {
    // Not a digit: "Harbor Commission" / "14 Wharf Street" is an address.
    return !ends_sentence(a.content) && a.content.back() != ';' && is_lower(b.content.front());
}

// The line `a` was broken before `b` by a wrapping tool or by hand: `a` is full (b's first
// word would not have fitted), or, on a page that other full lines show to be wrapped,
// the sentence runs on into `b` (people and some tools wrap short of the width); and
// nothing in either line marks a line of its own.
bool is_full(const LineParts& a, const LineParts& b, std::size_t width) {
    return !a.content.empty() && !b.content.empty() && 2 * a.width >= width &&
           a.width + 1 + columns(first_word(b.content)) > width;
}

bool wrapped_before(const LineParts& a, const LineParts& b, std::size_t width, bool page_wrapped) {
    if (a.content.empty() || b.content.empty() || a.quote_depth != b.quote_depth) return false;
    // Nine in ten lines fit the estimate; the widest may pass it by a quarter.
    if (4 * a.width > 5 * width) return false;
    // On a page shown to be wrapped, a line of most of the width that ends mid-sentence,
    // or in a word no sentence ends with, was wrapped.
    const bool runs_on = runs_on_lower(a, b) ||
                         (page_wrapped && ((5 * a.width >= 3 * width && !ends_sentence(a.content)) || ends_open(a.content)));
    if (!is_full(a, b, width) && !runs_on) return false;
    if (a.content.back() == ':' || is_tabular(a.content) || is_tabular(b.content)) return false;
    if (is_list_item(b.content) || is_header_field(b.content) || is_signature_delimiter(b.content) ||
        is_signature_delimiter(a.content) || is_rule(a.content) || is_rule(b.content))
        return false;
    // A hanging indent continues a list item; otherwise a deeper indent starts a block.
    return b.indent <= a.indent || is_list_item(a.content);
}

// The letters (and hyphens) a word starts with: "Korea's" -> "Korea", "Suk-yeol," -> "Suk-yeol".
std::string_view word_stem(std::string_view word) {
    std::size_t end = 0;
    while (end < word.size() && (is_upper(word[end]) || is_lower(word[end]) || word[end] == '-')) ++end;
    return word.substr(0, end);
}

// Capitalised words the page uses inside sentences ("... President Yoon"): names. A line
// starting with one of them is prose going on, not a line of verse.
std::unordered_set<std::string_view> names_inside_sentences(const std::vector<LineParts>& parts) {
    std::unordered_set<std::string_view> names;
    for (const LineParts& line : parts) {
        std::string_view text = line.content;
        std::size_t at = text.find(' ');
        while (at != std::string_view::npos) {
            std::size_t start = at + 1;
            std::size_t end = text.find(' ', start);
            std::string_view before = text.substr(0, at);
            if (start < text.size() && is_upper(text[start]) && !ends_sentence(before) && !before.ends_with(':'))
                names.insert(word_stem(text.substr(start, end == std::string_view::npos ? end : end - start)));
            at = end;
        }
    }
    return names;
}

// `line` starts with a capital that is not a name: the start of a line of verse, an
// address or a list.
bool starts_capitalised(const LineParts& line, const std::unordered_set<std::string_view>& names) {
    return !line.content.empty() && is_upper(line.content.front()) &&
           !names.contains(word_stem(first_word(line.content)));
}

void append_continuation(std::string& text, std::string_view content) {
    // "co-\noperation": a word hyphenated at the wrap keeps its hyphen and loses the break.
    bool split_word = text.size() >= 2 && text.back() == '-' && (is_lower(text[text.size() - 2]) || is_upper(text[text.size() - 2])) &&
                      is_lower(content.front());
    if (!split_word) text += ' ';
    text += content;
}

// The e-mail header block opening the page: from its first non-blank line to the next
// blank line, every line a field ("Received: from ...", the mbox "From sender date" line
// first) or a folded continuation (indented under a field), two fields at least. Returns
// one past its last line, or `start` when the page opens otherwise.
std::size_t mail_header_end(const std::vector<std::string_view>& raw_lines, const std::vector<LineParts>& parts,
                            std::size_t start) {
    constexpr std::size_t min_fields = 2;
    std::size_t fields = 0;
    std::size_t i = start;
    for (; i < raw_lines.size() && !parts[i].content.empty(); ++i) {
        const bool continuation = i > start && is_blank_char(raw_lines[i].front());
        const bool mbox_line = i == start && raw_lines[i].starts_with("From ");
        if (is_header_field(raw_lines[i])) {
            ++fields;
        } else if (!continuation && !mbox_line) {
            return start;
        }
    }
    return fields >= min_fields ? i : start;
}

}  // namespace

std::vector<PageLine> unwrap_lines(const std::vector<std::string_view>& raw_lines,
                                   std::deque<std::string>& storage) {
    std::vector<PageLine> lines;
    lines.reserve(raw_lines.size());
    std::vector<LineParts> parts;
    parts.reserve(raw_lines.size());
    for (std::string_view line : raw_lines) parts.push_back(parts_of(line));
    std::size_t width = wrap_width(parts);

    std::vector<bool> joins_next(raw_lines.size(), false);
    std::size_t header_start = 0;
    while (header_start < parts.size() && parts[header_start].content.empty()) ++header_start;
    const std::size_t header_end = mail_header_end(raw_lines, parts, header_start);
    for (std::size_t i = header_start + 1; i < header_end; ++i)
        if (is_blank_char(raw_lines[i].front())) joins_next[i - 1] = true;
    // Lines cut at the width or running on in lower case, several of them and half the
    // lines followed by another, show that the page is wrapped (a few short lines in a
    // row make no width).
    constexpr std::size_t min_full_lines = 4;
    std::size_t full_lines = 0;
    std::size_t followed_lines = 0;
    for (std::size_t i = header_end; width != 0 && i + 1 < parts.size(); ++i) {
        if (parts[i].content.empty() || parts[i + 1].content.empty() || parts[i].quote_depth != parts[i + 1].quote_depth)
            continue;
        ++followed_lines;
        full_lines += is_full(parts[i], parts[i + 1], width) || runs_on_lower(parts[i], parts[i + 1]) ? 1 : 0;
    }
    // Lines of prose well past the width show that the page's paragraphs are one line each
    // and its short lines (headlines, bylines, link lists) only look cut at a width.
    std::size_t overlong_lines = 0;
    for (std::size_t i = header_end; width != 0 && i < parts.size(); ++i)
        overlong_lines += 4 * parts[i].width > 5 * width && is_prose(parts[i].content) ? 1 : 0;
    if (2 * overlong_lines > full_lines) width = 0;
    const bool page_wrapped = width != 0 && full_lines >= min_full_lines && 2 * full_lines >= followed_lines;
    if (width != 0) {
        const std::unordered_set<std::string_view> names = names_inside_sentences(parts);
        // Runs of lines without a blank line between them; in a run where most wrapped
        // lines start with a capital, the lines are verse, an address or a list.
        std::size_t start = header_end;
        while (start < parts.size()) {
            std::size_t end = start;
            std::size_t candidates = 0;
            std::size_t capitalised = 0;
            while (end + 1 < parts.size() && !parts[end].content.empty() && !parts[end + 1].content.empty()) {
                if (wrapped_before(parts[end], parts[end + 1], width, page_wrapped)) {
                    joins_next[end] = true;
                    ++candidates;
                    capitalised += starts_capitalised(parts[end + 1], names) && !ends_open(parts[end].content) ? 1 : 0;
                }
                ++end;
            }
            if (candidates >= 2 && 2 * capitalised > candidates)
                for (std::size_t i = start; i <= end; ++i) joins_next[i] = false;
            start = end + 1;
        }
    }

    for (std::size_t i = 0; i < raw_lines.size(); ++i) {
        const bool header = i < header_end;
        if (!joins_next[i]) {
            lines.push_back(PageLine{raw_lines[i], i, i, header});
            continue;
        }
        std::string& text = storage.emplace_back(right_trimmed(raw_lines[i]));
        std::size_t last = i;
        while (joins_next[last]) {
            ++last;
            append_continuation(text, parts[last].content);
        }
        lines.push_back(PageLine{text, i, last, header});
        i = last;
    }
    return lines;
}

}  // namespace corpus::indexer::segment_detail
