// Internal to page segmentation: classifies each line of a page, in the spirit of
// jusText, before the article region is chosen.
//
//   good    - paragraph text: a sentence of 10+ words, not title case, no chrome cue
//   neutral - short or unpunctuated text whose role depends on its neighbours
//             (headlines, decks, captions, subheadings, short paragraphs)
//   skip    - chrome that may sit inside an article without ending it (ads, share
//             prompts, bylines and credits, date lines, one- or two-word labels)
//   bad     - chrome evidence: link lists, teasers, section headers such as "Related",
//             comments and footers end an article region; repeated lines and figures
//             (tickers, table rows) do not, and inside an article they are its text
//
// Without evidence a line is never bad: a line ending in an ellipsis or dot leaders is
// neutral, and so is a sentence that merely mentions "subscribe" or "follow us".
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace corpus::indexer::segment_detail {

enum class LineClass { blank, good, neutral, skip, bad };

// Why a line is bad; the title search may look past single cue lines but never past a
// link list, a teaser or a comment.
enum class BadReason { none, cue, section_header, repeated, figures, link_list, comment };

struct LineInfo {
    std::string_view text;  // trimmed
    std::size_t word_count = 0;
    bool bullet = false;
    bool sentence_end = false;
    bool title_case = false;
    bool wrapped = false;   // joined from several page lines (segment_wrap.h)
    bool quoted = false;    // an e-mail quote ("> ...") or the "... wrote:" line above one
    // A one- or two-word line that may be a heading or a closing ("Foreign Affairs",
    // "Thank you"): used once on the page, no digits, not a credit or a prompt.
    bool heading_like = false;
    // A one- or two-word line with no chrome cue of its own ("Status: removed", "True").
    bool label = false;
    bool copyright = false;  // "Copyright (C) 1995-2022 ...", "All rights reserved."
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

// `lines` are the page's lines (hard wraps already joined); one entry per line.
std::vector<LineInfo> classify_lines(const std::vector<std::string_view>& lines);

// A row of links between separators: "Home | World | Politics", "Share: X · Facebook".
bool is_menu_bar(std::string_view text);

// Bad lines that end an article region: all but repeated lines and figures.
bool ends_region(const LineInfo& line);

// A line that could be a headline: neutral (or chrome for its repetition or position),
// 3-30 words, no bullet, not ending in ':', ';', ',' or an ellipsis, and ending in '.'
// only in title case ('?' and '!' are allowed).
bool is_headline_like(const LineInfo& line);

}  // namespace corpus::indexer::segment_detail
