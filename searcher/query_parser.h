// Query syntax, stage 1 of the query pipeline: text -> syntax tree.
//
//   query    := or_expr
//   or_expr  := and_expr ( OR and_expr )*
//   and_expr := not_expr ( [AND] not_expr )*      juxtaposition means AND
//   not_expr := ( NOT | - ) not_expr | near_expr  "a NOT b" is a AND NOT b; + is dropped
//   near_expr:= primary ( ( NEAR[/n] | ADJ[/n] | SAME ) primary )*
//                                                 operands: a word, a "phrase" or a name
//   primary  := ( or_expr ) | "phrase" | field:value | word+
//   field    := title | outlet | person | date | id    (fields.h of the searcher: FieldName)
//
// Operators are upper case; "and", "or", "not" in lower case are ordinary words.
// Straight and curly double quotes both delimit phrases. Letters and a colon right
// before a value ("title:treaty") name a field; letters that name no field are an error,
// never words, so "titel:treaty" does not quietly search for "titel treaty".
#pragma once

#include "schema/result.h"

#include <cstddef>
#include <optional>
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
        field,   // `field` holds `words[0]`: title words, an outlet, a person, a date, an id
    };
    // How the operands of a `near` node must lie.
    enum class Proximity {
        near,  // within `window` words of each other, in any order
        adj,   // within `window` words, in the order written
        same,  // in one paragraph (the title is one)
    };
    enum class FieldName { title, outlet, person, date, id };
    Kind kind;
    std::vector<std::string> words;    // words, phrase, field: as the user typed them
    std::vector<QueryNode> children;  // near, all, any, negate
    unsigned window = 0;              // near: how many words apart the operands may be
    Proximity proximity = Proximity::near;
    FieldName field = FieldName::title;
    bool quoted = false;  // field: the value was a "quoted phrase"
    // field date: the first and last day it allows, "YYYYMMDD"; empty for an open end.
    std::string first_day = {};
    std::string last_day = {};
};

inline constexpr unsigned default_near_distance = 10;
// NEAR/n and ADJ/n take n from 0 to this.
inline constexpr unsigned max_near_distance = 999;

// The field a "name:" prefix names (any case), or nothing.
std::optional<QueryNode::FieldName> field_named(std::string_view name);
std::string_view field_label(QueryNode::FieldName field);

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
