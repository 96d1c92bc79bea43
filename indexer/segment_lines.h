// Internal to page segmentation: classifies each line of a page, in the spirit of
// jusText, before the article region is chosen.
//
//   good    - paragraph text: a sentence of 10+ words, not title case, no chrome cue
//   neutral - short or unpunctuated text whose role depends on its neighbours
//             (headlines, decks, captions, subheadings, short paragraphs)
//   skip    - chrome that may sit inside an article without ending it (ads, share
//             prompts, bylines and credits, date lines, one- or two-word labels)
//   bad     - chrome that ends an article region (link lists, teasers, repeated blocks,
//             section headers such as "Related", comments, footers, tickers)
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace corpus::indexer::segment_detail {

enum class LineClass { blank, good, neutral, skip, bad };

// Why a line is bad; the title search may look past single cue lines but never past a
// link list, a teaser or a comment.
enum class BadReason { none, cue, section_header, teaser, repeated, link_list, comment };

struct LineInfo {
    std::string_view text;  // trimmed
    std::size_t word_count = 0;
    bool bullet = false;
    bool sentence_end = false;
    bool title_case = false;
    LineClass line_class = LineClass::blank;
    BadReason bad_reason = BadReason::none;
};

// What each line turned out to be once the article was located.
enum class LineRole { blank, title, body, chrome };

struct PageLayout {
    std::vector<LineInfo> lines;
    std::vector<LineRole> roles;  // one per line
    std::optional<std::size_t> title_line;
    std::optional<std::size_t> first_body_line;
    std::optional<std::size_t> last_body_line;
};

// `lines` are the page's raw lines; the result has one entry per line.
std::vector<LineInfo> classify_lines(const std::vector<std::string_view>& lines);

// A line that could be a headline: neutral (or chrome for its repetition or position),
// 3-30 words, no bullet, not ending in ':', ';', ',' or an ellipsis, and ending in '.'
// only in title case ('?' and '!' are allowed).
bool is_headline_like(const LineInfo& line);

}  // namespace corpus::indexer::segment_detail
