// Page segmentation: splits a scraped news page (plain text, one paragraph per line) into
// the article's headline, its body and the surrounding chrome, and infers the outlet and
// publication date from evidence in the page when the page came without metadata.
//
// Contract:
//  - Pure function of the text: no I/O, no global state; linear in the page size apart
//    from a bounded search for copies of the headline.
//  - Only general evidence is used (line length and punctuation, link-list and teaser
//    patterns, repeated lines, comment/footer/share cues, bylines, datelines). No rule
//    names an outlet or matches one page's text.
//  - When in doubt, a line is the article's: chrome needs evidence. Salutations,
//    headings, closings, tables and figures inside the article stay in it, and a line
//    ending in an ellipsis or dot leaders never splits it (docs/segmentation.md).
//  - Every non-blank line except the title line lands in exactly one Block; the title
//    line is reported through `title`/`title_line` only, so indexing the title and the
//    body separately never counts it twice. Any other copy of the headline is chrome.
//  - A paragraph is one line (the scraper writes one paragraph per line), or the lines
//    of a hard-wrapped paragraph (segment_wrap.h), which are joined into one. Each
//    paragraph is its own Block, so phrase searches never match across paragraphs and
//    always match across a wrap.
//  - Inferred values are std::nullopt when the evidence is weak; a lone date line at the
//    top of the page (the capture date) is never taken as the publication date.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::indexer {

enum class BlockKind { body, chrome };

struct Block {
    BlockKind kind;
    std::string text;         // the paragraph, trimmed; wrapped lines joined with ' '
    std::size_t first_line;   // 0-based line numbers in the page, inclusive
    std::size_t last_line;
};

struct InferredValue {
    std::string value;
    std::string evidence;     // the (trimmed) page line the value came from
};

struct PageSegmentation {
    std::string title;                    // the headline; empty if none found
    std::optional<std::size_t> title_line;
    std::vector<Block> blocks;            // page order; one Block per paragraph
    std::optional<InferredValue> outlet;  // e.g. "The Asia Business Daily", "Oilprice.com"
    std::optional<InferredValue> date;    // "YYYY-MM-DD", only with year, month and day stated
};

// Lines are separated by '\n' (a trailing '\r' is ignored); a page of N '\n' has N+1
// lines. `page_text` must be valid UTF-8.
PageSegmentation segment_page(std::string_view page_text);

}  // namespace corpus::indexer
