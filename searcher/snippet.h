// Snippets cut from an article's body around the query's matches, highlighting them.
// Our own, not Xapian's MSet::snippet: that re-tokenizes with Xapian's rules, which are
// not schema/'s, and so would miss or misplace our terms.
#pragma once

#include "searcher/query_builder.h"

#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

struct SnippetPart {
    std::string text;  // plain text, white space collapsed
    bool highlighted;
};

struct Snippet {
    std::vector<SnippetPart> parts;
    bool starts_mid_text;  // text was cut before the snippet
    bool ends_mid_text;    // and after it
};

inline constexpr std::size_t default_snippet_words = 36;

// A window of `max_words` words of the body (the same words the index holds), starting
// a few words before a match: the one showing the most different patterns, then the
// most matches. The body is read paragraph by paragraph, as far as the first window
// that shows every pattern (so that window wins even if a later one holds more
// matches); like a phrase query, a match never spans two paragraphs. Without any match
// the snippet is the body's first words.
Snippet make_snippet(std::string_view body, const std::vector<HighlightPattern>& patterns,
                     std::size_t max_words = default_snippet_words);

}  // namespace corpus::searcher
