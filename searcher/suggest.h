// "Did you mean" (issue 22): for a query that found nothing or next to nothing, the same
// query with its misspelt words replaced by words the index holds.
//
// A word typed is corrected when it is rare in the article stream and an exact article
// word close to it is much more common:
//   - only words of plain letters a-z (possessive 's allowed) of at least 4 letters, not
//     a wildcard and not part of a Korean name (schema::find_names, read as the query
//     builder reads it); operators, brackets, quotes and signs are not words;
//   - the word's frequency is the articles holding it or its stem; a word in at least
//     max(common_least, 1 in common_share) articles is common and never corrected;
//   - candidates are the index's exact article words with the same first letter, within
//     1 edit (4-5 letters) or 2 (6 or more), an edit being an insertion, deletion,
//     substitution or swap of two neighbouring letters; each must be in at least
//     more_frequent times as many articles as the word typed (any article, when it is in
//     none); the closest wins, then the most frequent, then the first in order.
// A query with more than max_words_looked_up distinct rare words gets no suggestion: it
// is no simple misspelling, and each such word costs a scan of the vocabulary.
// The suggestion is the query as typed with only the corrected words replaced, each
// written in the typed word's style (pyongyan -> pyongyang, Pyongyan -> Pyongyang,
// PYONGYAN -> PYONGYANG). The corrected query is not run: the figures above decide.
#pragma once

#include "searcher/query_parser.h"

#include <xapian.h>

#include <cstddef>
#include <string>

namespace corpus::searcher {

// A query matching more articles than this is taken as meant, and costs nothing more.
inline constexpr std::size_t suggest_at_most_matches = 5;
inline constexpr Xapian::doccount common_least = 10;
inline constexpr Xapian::doccount common_share = 1000;
inline constexpr Xapian::doccount more_frequent = 10;
inline constexpr std::size_t max_words_looked_up = 8;

// The suggested query for `query` (parsed as `parsed`), which matched `matched` articles
// of `db`; empty when there is none. Xapian errors propagate, as from the search itself.
std::string suggest_query(const Xapian::Database& db, const std::string& query, const QueryNode& parsed,
                          std::size_t matched);

}  // namespace corpus::searcher
