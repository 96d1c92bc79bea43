// "More like this" (--like ID): the query that ranks articles by their likeness to one
// article of the index, by Xapian's relevance feedback. The article alone is the
// relevance set; Xapian's expand weight picks its weightiest terms of the article stream
// (words frequent in it and rare in the index), and those terms, OR'ed, rank the other
// articles by BM25 as a typed query would. A near-copy (the same wire story under
// another headline, trimmed, a paragraph added, a few spellings changed) holds nearly
// every one of them, as often: it ranks first.
//
// The terms are the article stream's stems (stem_marker: every inflection and British or
// American spelling of a word is one) and its Korean name sets (name_set_prefix: the same
// term for every spelling of a person, so "Kim Jong-un" and "Kim Jong Un", "Yoon Suk-yeol"
// and "Yun Seok-yeol" meet). Its exact words would count each word a second time; filter
// terms (id, outlet, month), the title's copy, the chrome and the name layer's other
// terms say nothing of what the article is about.
#pragma once

#include "schema/result.h"
#include "searcher/query_builder.h"

#include <xapian.h>

#include <string>

namespace corpus::searcher {

// How many of the article's terms make the query. Measured on 4,000 bench articles with
// tests/data/like and a copy cut to the story's first three paragraphs: from 10 to 100
// terms every copy ranked above every other article (the weakest copy 1.36 to 1.86 times
// the best other's score); more terms match more articles, each visited for the exact
// total and facets (40 terms: 29% of the index, 1.7 ms a query; 100: 48%, 3.7 ms).
inline constexpr Xapian::termcount like_terms = 40;

// The query for the articles of `db` like the one whose id is `id`, that article left
// out, with its stems as highlights; ranked (CompiledQuery::ranked). An Error with
// ErrorCode::not_found when `db` holds no article with that id. `db` may be several
// shards: the article is found, and its terms weighed, in them together. Throws what
// Xapian throws.
Result<CompiledQuery> compile_like(const Xapian::Database& db, const std::string& id);

}  // namespace corpus::searcher
