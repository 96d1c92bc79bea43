// Keyword in context (--kwic): every occurrence of a query's words, phrases and names in
// the text of an article, each with the text around it, cut from the stored text itself.
#pragma once

#include "schema/article.h"
#include "searcher/query_builder.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

// Characters (code points) of context on each side of a match, unless told otherwise,
// and the most that may be asked for: a line wider than this is no longer read as one.
inline constexpr std::size_t default_kwic_width = 40;
inline constexpr std::size_t max_kwic_width = 500;

// One occurrence, its text as the article writes it with each run of white space (line
// breaks too) made one space, so that it is one line. left + match + right is a stretch
// of that text.
struct Occurrence {
    std::string left;   // at most `width` characters before the match, from a word's start where one is near
    std::string match;  // the words matched, in the article's own spelling
    std::string right;  // at most `width` characters after it, to a word's end where one is near
};

// What keyword in context looks for, of a query's highlight patterns (query_builder.h):
// those listed, a bare word as typed (its normalized form matches, case and accents
// aside, not its inflections: "missile" is not "missiles").
std::vector<HighlightPattern> kwic_patterns(const std::vector<HighlightPattern>& highlights);

// The occurrences of `patterns` (from kwic_patterns) in `text`, in text order: a word or
// phrase where its exact words stand in a paragraph, a name wherever the article spells
// that person. A stretch several patterns match alike is one occurrence; overlapping
// stretches (a word inside a phrase also asked for) are one each.
std::vector<Occurrence> find_occurrences(std::string_view text, const std::vector<HighlightPattern>& patterns,
                                         std::size_t width);

// The occurrences in an article's text: its body, then with `with_chrome` its chrome
// (--scope all). The title is no text: it is only the article's label.
std::vector<Occurrence> article_occurrences(const schema::StoredArticle& article,
                                            const std::vector<HighlightPattern>& patterns, bool with_chrome,
                                            std::size_t width);

}  // namespace corpus::searcher
