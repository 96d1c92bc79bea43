// Internal to page segmentation: text measurements on single lines (words, punctuation,
// cues, dates) shared by the line classifier and the metadata inference. ASCII-only case
// folding is enough here: every cue and month name is ASCII.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::indexer::segment_detail {

// Strips ASCII whitespace and the Unicode spaces scrapers leave behind (NBSP, thin and
// zero-width spaces, BOM).
std::string_view trim(std::string_view text);

// Words separated by ASCII whitespace or NBSP.
std::vector<std::string_view> split_words(std::string_view text);

std::string ascii_lower(std::string_view text);

// Lower-cased, whitespace collapsed, leading bullets and dashes removed: the key under
// which two lines count as the same text.
std::string comparison_key(std::string_view line);

bool starts_with_bullet(std::string_view line);
// "1. ", "12) ", "1.9. ", "(a) ", "b) ": an item of a numbered or lettered list.
bool starts_with_list_number(std::string_view line);

// The line without closing quotes and brackets at its end, so '."' and '.)' end a sentence.
std::string_view without_closing_marks(std::string_view line);

// "----------", "__________", "==========": a rule (a divider, or a heading's underline).
bool is_rule(std::string_view line);

bool ends_with_ellipsis(std::string_view line);  // "...", ". . ." or U+2026
bool ends_sentence(std::string_view line);  // . ! ? (not an ellipsis)

// Most content words capitalised, as in "Putin Arrives in Pyongyang Today".
bool is_title_case(const std::vector<std::string_view>& words);

// Rough count of sentences (terminal punctuation followed by a space or the end).
std::size_t count_sentences(std::string_view line);

// Short price/index lines: "EXXON Mobil -0.35", "BUY 57.15", "KOSPI 2,431.91 +0.52%".
bool looks_like_ticker(std::string_view line, std::size_t word_count);

struct CalendarDate {
    int year;
    int month;
    int day;
    std::string iso() const;  // YYYY-MM-DD
};

// The first date in the line that states year, month and day ("June 21 2024",
// "Thursday, May 15, 2025", "3 March 2023", "2023-03-03"); `offset` receives its byte
// offset in the line.
std::optional<CalendarDate> find_full_date(std::string_view line, std::size_t* offset = nullptr);

// The line holds a date and nothing else but weekday, time and separators.
bool is_date_only(std::string_view line);

}  // namespace corpus::indexer::segment_detail
