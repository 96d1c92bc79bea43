// Query syntax, stage 1 of the query pipeline: text -> syntax tree.
//
//   query    := or_expr
//   or_expr  := and_expr ( OR and_expr )*
//   and_expr := not_expr ( [AND] not_expr )*      juxtaposition means AND
//   not_expr := NOT not_expr | near_expr          "a NOT b" is a AND NOT b
//   near_expr:= primary ( NEAR[/n] primary )*     operands: single words or phrases
//   primary  := ( or_expr ) | "phrase" | word+
//
// Operators are upper case; "and", "or", "not" in lower case are ordinary words.
// Straight and curly double quotes both delimit phrases.
#pragma once

#include "schema/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

struct QueryNode {
    enum class Kind {
        words,   // a run of bare words; every word must match, stemmed
        phrase,  // exact words in order
        near,    // children within `window` words of each other, any order
        all,     // every child matches
        any,     // at least one child matches
        negate,  // the only child must not match (only under `all`)
    };
    Kind kind;
    std::vector<std::string> words;    // words, phrase: as the user typed them
    std::vector<QueryNode> children;  // near, all, any, negate
    unsigned window = 0;              // near: how many words apart the operands may be
};

inline constexpr unsigned default_near_distance = 10;

// Limits that keep a hostile or mistaken query from exhausting the stack, memory or time:
// each is refused at once with an error naming it. Xapian's matcher slows with the square
// of the terms of a large OR (16,000 words took 18 s), so the word limit keeps every
// query well under a second.
inline constexpr std::size_t max_query_bytes = 65536;
// Brackets and NOTs nested. Each level is five frames of recursive descent: under
// AddressSanitizer (GCC) 1,000 levels overflowed an 8 MB stack, so the limit keeps a wide
// margin in every build; no real query nests more than a few levels.
inline constexpr unsigned max_query_depth = 100;
inline constexpr std::size_t max_query_words = 1000;

Result<QueryNode> parse_query(const std::string& text);

// A bare word ending in '*' ("sanctio*"): it matches the words that start so, and stands
// alone in its `words` node.
bool is_wildcard(std::string_view word);

// The tree written back as a fully parenthesized query, for --explain and tests.
std::string describe(const QueryNode& node);

}  // namespace corpus::searcher
