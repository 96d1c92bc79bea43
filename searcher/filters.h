// Stage 3a of the query pipeline: the request's filters (outlets, people, dates) put on a
// compiled query, and a notice when a filter names what the index does not hold.
#pragma once

#include "schema/result.h"
#include "searcher/search.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace corpus::searcher {

// A query with the request's filters, which add no weight. People are found through the
// name sets of `db`, as a search for their names finds them.
struct FilteredQuery {
    Xapian::Query query;
    bool filtered = false;  // some filter applies
};

Result<FilteredQuery> apply_filters(const Xapian::Database& db, Xapian::Query query, const SearchRequest& request);

// A filter naming an outlet or a person the index does not hold quietly finds nothing;
// the user more likely mistyped it. The notice names the closest outlets; empty when
// every filter value is in the index.
std::string unknown_filter_values(const Xapian::Database& db, const std::vector<std::string>& outlets,
                                  const std::vector<std::string>& persons);

}  // namespace corpus::searcher
