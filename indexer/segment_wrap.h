// Internal to page segmentation: joins the lines of hard-wrapped paragraphs (e-mails, old
// documents: every line near one width, no blank line inside a paragraph) before the
// lines are classified, so a paragraph is one line like on a scraped page, and a phrase
// across a wrap is a phrase.
//
// Two adjacent page lines are one paragraph when the page is wrapped at a roughly fixed
// width (30-100 columns, estimated from its lines) and the first line is full (the next
// line's first word would not have fitted on it), or the sentence runs on: the next line
// goes on in lower case, or, on a page that such lines show to be wrapped, the first line
// fills most of the width without ending its sentence or ends in a word no sentence ends
// with ("the"). Never joined: a line ending in ':', list items, e-mail header fields,
// tables (dot leaders, aligned columns), rules, a signature delimiter, lines quoted at
// different depths, an indented line under an unindented one, and runs in which most
// lines start with a capital that is no name used inside the page's sentences (verse,
// addresses, lists).
//
// An e-mail's header block opening the page ("From: ...", "Received: ...", folded
// continuation lines indented under their field) is unfolded, one field a line, and
// marked as the header it is.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::indexer::segment_detail {

struct PageLine {
    std::string_view text;   // untrimmed; for a joined paragraph, the joined text
    std::size_t first_line;  // page line numbers, inclusive
    std::size_t last_line;
    bool mail_header = false;  // a field of the e-mail header block opening the page
};

// `raw_lines` are the page's lines; joined texts are kept in `storage`, which must
// outlive the result.
std::vector<PageLine> unwrap_lines(const std::vector<std::string_view>& raw_lines,
                                   std::deque<std::string>& storage);

}  // namespace corpus::indexer::segment_detail
