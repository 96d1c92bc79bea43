#include "indexer/segment_text.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace corpus::indexer::segment_detail {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Multi-byte spaces a scraper keeps: NBSP, en/em/thin/hair spaces, zero-width space and
// joiners, narrow NBSP, ideographic space, BOM.
constexpr std::array<std::string_view, 9> unicode_spaces = {
    "\xC2\xA0", "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x89", "\xE2\x80\x8A",
    "\xE2\x80\x8B", "\xE2\x80\xAF", "\xE3\x80\x80", "\xEF\xBB\xBF"};

// Length of the space at the front of `text`, 0 if none.
std::size_t leading_space_length(std::string_view text) {
    if (text.empty()) return 0;
    if (is_ascii_space(text.front())) return 1;
    // Called for every byte of a page: rule out the other lead bytes before comparing.
    const unsigned char lead = static_cast<unsigned char>(text.front());
    if (lead != 0xC2 && lead != 0xE2 && lead != 0xE3 && lead != 0xEF) return 0;
    for (std::string_view space : unicode_spaces)
        if (text.starts_with(space)) return space.size();
    return 0;
}

std::size_t trailing_space_length(std::string_view text) {
    if (text.empty()) return 0;
    if (is_ascii_space(text.back())) return 1;
    if (static_cast<unsigned char>(text.back()) < 0x80) return 0;
    for (std::string_view space : unicode_spaces)
        if (text.ends_with(space)) return space.size();
    return 0;
}

constexpr std::array<std::string_view, 5> bullet_marks = {"\xE2\x80\xA2", "\xC2\xB7",
                                                          "\xE2\x96\xAA", "\xE2\x97\xA6",
                                                          "\xE2\x80\xA3"};
constexpr std::array<std::string_view, 4> dash_bullets = {"- ", "* ", "\xE2\x80\x93 ",
                                                          "\xE2\x80\x94 "};

constexpr std::array<std::string_view, 8> closing_marks = {
    "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB", "*"};

constexpr std::array<std::string_view, 30> title_small_words = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "per", "the", "to", "vs", "vs.", "via", "with", "nor", "up", "off", "out", "over", "is",
    "are", "its", "amid"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view word) {
    for (std::string_view entry : table)
        if (entry == word) return true;
    return false;
}

// Strips ASCII punctuation and curly quotes around a word: "(June," -> "June".
std::string_view strip_word_punctuation(std::string_view word) {
    constexpr std::string_view ascii_marks = ",.;:()[]{}\"'|!?";
    constexpr std::array<std::string_view, 4> curly = {"\xE2\x80\x98", "\xE2\x80\x99",
                                                       "\xE2\x80\x9C", "\xE2\x80\x9D"};
    bool changed = true;
    while (changed && !word.empty()) {
        changed = false;
        if (ascii_marks.find(word.front()) != std::string_view::npos) {
            word.remove_prefix(1);
            changed = true;
        } else if (ascii_marks.find(word.back()) != std::string_view::npos) {
            word.remove_suffix(1);
            changed = true;
        }
        for (std::string_view mark : curly) {
            if (word.starts_with(mark)) {
                word.remove_prefix(mark.size());
                changed = true;
            }
            if (word.ends_with(mark)) {
                word.remove_suffix(mark.size());
                changed = true;
            }
        }
    }
    return word;
}

constexpr std::array<std::string_view, 12> month_names = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1-12 for a month name or its usual abbreviation ("Sept.", "Jan"), 0 otherwise.
int month_number(std::string_view word) {
    std::string lower = ascii_lower(strip_word_punctuation(word));
    if (lower.size() < 3) return 0;
    if (lower == "sept") return 9;
    for (std::size_t i = 0; i < month_names.size(); ++i) {
        if (lower == month_names[i]) return static_cast<int>(i) + 1;
        if (lower.size() == 3 && month_names[i].starts_with(lower)) return static_cast<int>(i) + 1;
    }
    return 0;
}

// Parses all-digit text (at most 4 digits), -1 if it is not that.
int small_number(std::string_view digits) {
    if (digits.empty() || digits.size() > 4) return -1;
    int value = 0;
    for (char c : digits) {
        if (!is_digit(c)) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

int day_number(std::string_view word) {
    std::string_view core = strip_word_punctuation(word);
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (core.size() > 2 && core.ends_with(suffix)) core.remove_suffix(2);
    if (core.size() > 2) return -1;
    int day = small_number(core);
    return day >= 1 && day <= 31 ? day : -1;
}

int year_number(std::string_view word) {
    std::string_view core = strip_word_punctuation(word);
    if (core.size() != 4) return -1;
    int year = small_number(core);
    return year >= 1900 && year <= 2099 ? year : -1;
}

bool valid_date(int year, int month, int day) {
    constexpr std::array<int, 12> days_in_month = {31, 29, 31, 30, 31, 30,
                                                   31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    if (month == 2 && day == 29) return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= days_in_month[static_cast<std::size_t>(month - 1)];
}

// "2023-03-03", "2023/3/3", "2023.03.03", optionally followed by a time ("T10:00").
std::optional<CalendarDate> parse_numeric_date(std::string_view word) {
    std::string_view core = strip_word_punctuation(word);
    if (core.size() < 8 || !is_digit(core[0])) return std::nullopt;
    int year = small_number(core.substr(0, 4));
    if (year < 1900 || year > 2099 || core.size() < 5) return std::nullopt;
    char separator = core[4];
    if (separator != '-' && separator != '/' && separator != '.') return std::nullopt;
    std::size_t month_end = core.find(separator, 5);
    if (month_end == std::string_view::npos) return std::nullopt;
    std::size_t day_end = month_end + 1;
    while (day_end < core.size() && is_digit(core[day_end])) ++day_end;
    if (day_end < core.size() && core[day_end] != 'T' && core[day_end] != ' ')
        return std::nullopt;
    int month = small_number(core.substr(5, month_end - 5));
    int day = small_number(core.substr(month_end + 1, day_end - month_end - 1));
    if (month_end - 5 > 2 || day_end - month_end - 1 > 2 || !valid_date(year, month, day))
        return std::nullopt;
    return CalendarDate{year, month, day};
}

constexpr std::array<std::string_view, 18> weekday_words = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun", "at"};

// Words a date line may carry besides the date itself: times, am/pm, time zones.
bool is_date_line_filler(std::string_view word) {
    std::string_view core = strip_word_punctuation(word);
    if (core.empty()) return true;  // separators such as "|" or "-"
    std::string lower = ascii_lower(core);
    if (contains(weekday_words, lower) || month_number(core) != 0) return true;
    if (lower == "am" || lower == "pm" || lower == "a.m" || lower == "p.m") return true;
    bool all_upper = core.size() <= 4;
    for (char c : core) all_upper = all_upper && is_upper(c);
    if (all_upper) return true;  // KST, GMT, UTC
    // Clock times and day numbers: "10:30", "9:12am", "21st".
    for (std::string_view suffix : {"am", "pm", "st", "nd", "rd", "th"})
        if (lower.size() > suffix.size() && lower.ends_with(suffix))
            lower.resize(lower.size() - suffix.size());
    if (!is_digit(lower.front())) return false;
    for (char c : lower)
        if (!is_digit(c) && c != ':' && c != '.' && c != '-' && c != '/') return false;
    return true;
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (std::size_t n = leading_space_length(text)) text.remove_prefix(n);
    while (std::size_t n = trailing_space_length(text)) text.remove_suffix(n);
    return text;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t space = leading_space_length(text.substr(i));
        if (space == 0) {
            ++i;
            continue;
        }
        if (i > start) words.push_back(text.substr(start, i - start));
        i += space;
        start = i;
    }
    if (start < text.size()) words.push_back(text.substr(start));
    return words;
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

bool starts_with_bullet(std::string_view line) {
    line = trim(line);
    for (std::string_view mark : bullet_marks)
        if (line.starts_with(mark)) return true;
    for (std::string_view mark : dash_bullets)
        if (line.starts_with(mark)) return true;
    return false;
}

bool starts_with_list_number(std::string_view line) {
    line = trim(line);
    std::string_view word = line.substr(0, line.find(' '));
    if (word.size() < 2 || word.size() > 4 || word.size() == line.size()) return false;
    std::string_view marker = word;
    if (marker.front() == '(') marker.remove_prefix(1);
    char close = marker.back();
    if (close != '.' && close != ')') return false;
    marker.remove_suffix(1);
    if (marker.empty()) return false;
    // "1.9." numbers a subsection.
    bool digits = is_digit(marker.front()) && is_digit(marker.back()) &&
                  std::all_of(marker.begin(), marker.end(), [](char c) { return is_digit(c) || c == '.'; });
    bool letter = marker.size() == 1 && (is_lower(marker[0]) || is_upper(marker[0]));
    return digits || letter;
}

std::string comparison_key(std::string_view line) {
    line = trim(line);
    bool stripped = true;
    while (stripped) {
        stripped = false;
        for (std::string_view mark : bullet_marks)
            if (line.starts_with(mark)) {
                line = trim(line.substr(mark.size()));
                stripped = true;
            }
        for (std::string_view mark : dash_bullets)
            if (line.starts_with(mark)) {
                line = trim(line.substr(mark.size()));
                stripped = true;
            }
    }
    std::string key;
    for (std::string_view word : split_words(line)) {
        if (!key.empty()) key += ' ';
        key += ascii_lower(word);
    }
    return key;
}

std::string_view without_closing_marks(std::string_view line) {
    line = trim(line);
    bool stripped = true;
    while (stripped && !line.empty()) {
        stripped = false;
        for (std::string_view mark : closing_marks)
            if (line.ends_with(mark)) {
                line = trim(line.substr(0, line.size() - mark.size()));
                stripped = true;
            }
    }
    return line;
}

bool is_rule(std::string_view line) {
    return line.size() >= 5 && line.find_first_not_of("-_=*~") == std::string_view::npos;
}

bool ends_with_ellipsis(std::string_view line) {
    line = without_closing_marks(line);
    return line.ends_with("...") || line.ends_with(". . .") || line.ends_with("\xE2\x80\xA6");
}

bool ends_sentence(std::string_view line) {
    if (ends_with_ellipsis(line)) return false;
    line = without_closing_marks(line);
    return !line.empty() && (line.back() == '.' || line.back() == '!' || line.back() == '?');
}

bool is_title_case(const std::vector<std::string_view>& words) {
    std::size_t capitalised = 0;
    std::size_t lower_case = 0;
    for (std::string_view word : words) {
        std::string_view core = strip_word_punctuation(word);
        if (core.empty()) continue;
        if (is_upper(core.front())) {
            ++capitalised;
        } else if (is_lower(core.front()) && !contains(title_small_words, ascii_lower(core))) {
            ++lower_case;
        }
    }
    return capitalised >= 2 && (lower_case == 0 || (capitalised >= 6 && lower_case == 1));
}

std::size_t count_sentences(std::string_view line) {
    line = trim(line);
    std::size_t sentences = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c != '.' && c != '!' && c != '?') continue;
        bool at_end = i + 1 == line.size();
        if ((at_end || line[i + 1] == ' ') && (i == 0 || line[i - 1] != '.')) ++sentences;
    }
    return sentences == 0 ? 1 : sentences + (ends_sentence(line) ? 0 : 1);
}

bool looks_like_ticker(std::string_view line, std::size_t word_count) {
    if (word_count == 0 || word_count > 8) return false;
    line = trim(line);
    std::size_t digits = 0;
    std::size_t visible = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (is_digit(c)) ++digits;
        if (!is_ascii_space(c)) ++visible;
        bool signed_number = (c == '+' || c == '-') && i + 1 < line.size() &&
                             is_digit(line[i + 1]) && (i == 0 || line[i - 1] == ' ');
        if (signed_number) return true;
        if (c == '%' && word_count <= 5) return true;
    }
    return digits >= 3 && digits * 4 >= visible;
}

std::string CalendarDate::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::optional<CalendarDate> find_full_date(std::string_view line, std::size_t* offset) {
    std::vector<std::string_view> words = split_words(line);
    auto found = [&](std::size_t word_index, CalendarDate date) {
        if (offset) *offset = static_cast<std::size_t>(words[word_index].data() - line.data());
        return std::optional<CalendarDate>(date);
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (auto numeric = parse_numeric_date(words[i])) return found(i, *numeric);
        if (i + 2 >= words.size()) continue;
        // "June 21, 2024" and "June 21 2024"
        if (int month = month_number(words[i])) {
            int day = day_number(words[i + 1]);
            int year = year_number(words[i + 2]);
            if (day > 0 && year > 0 && valid_date(year, month, day))
                return found(i, CalendarDate{year, month, day});
        }
        // "3 March 2023"
        if (int day = day_number(words[i]); day > 0) {
            int month = month_number(words[i + 1]);
            int year = year_number(words[i + 2]);
            if (month != 0 && year > 0 && valid_date(year, month, day))
                return found(i, CalendarDate{year, month, day});
        }
    }
    return std::nullopt;
}

bool is_date_only(std::string_view line) {
    if (!find_full_date(line)) return false;
    std::vector<std::string_view> words = split_words(line);
    if (words.size() > 9) return false;
    for (std::string_view word : words)
        if (!is_date_line_filler(word) && !parse_numeric_date(word)) return false;
    return true;
}

}  // namespace corpus::indexer::segment_detail
