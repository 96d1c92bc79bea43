// How a query reads the page's chrome, for the chrome-only count (issue 23; match_plan.h,
// beyond_narrower): what it matches among the articles that hold none of some terms.
#pragma once

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

// What a query matches among the articles holding none of `terms` (the chrome's terms,
// or their markers: fields.h, chrome_only_marker), as a signature that two queries
// matching alike there share.
//
// Under OR, a stemmed chrome term beside its article stem changes nothing for an article
// without the chrome term's marker: holding the chrome term, it holds the stem. A
// part that needs a chrome term (the term, or a phrase or AND holding it) matches no
// article without the term; of several such parts of an AND or a phrase, the one whose
// terms are rarest is kept. A phrase or NEAR that reads nothing of the chrome is what it
// says, and one that reads it otherwise is not known.
//
// Under NOT, terms are not needed: the count asks for articles that the query in both
// scopes (`wider`) matches and the query in the article alone (`narrower`) does not, and
// `wider` excluding more than `narrower` only keeps articles from it. So the reading of
// an excluded part is at most what it matches there, and of the whole query at least:
// an article holding none of `terms` that `wider` matches, a `narrower` of the same
// signature matches too.
struct ChromeFreeReading {
    static constexpr std::string_view nothing = "0";
    std::string signature;           // `nothing`: no article holding none of `terms`
    std::vector<std::string> terms;  // what an article must hold to count
};

// `query`'s reading, or nothing when it is not known: a posting source that reads
// positions itself, an operator whose matches are no function of its parts' matches.
// `db` gives the terms' frequencies.
std::optional<ChromeFreeReading> read_without_chrome(const Xapian::Database& db, const Xapian::Query& query);

}  // namespace corpus::searcher
