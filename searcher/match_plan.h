// Stage 3b of the query pipeline: how a filtered query is matched. Facets and the total
// must be exact, so every match is visited: over a local index by a counting pass and a
// ranking pass, its docids shared out between threads; over remote shards by Xapian
// alone. Either way the result is the page and the facets' counts, unsorted.
#pragma once

#include "schema/fields.h"
#include "schema/person_facet.h"
#include "searcher/facet_spy.h"
#include "searcher/filters.h"
#include "searcher/search.h"

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace corpus::searcher {

// One hit of a page, from whichever part of the index found it.
struct Candidate {
    double weight;
    Xapian::docid docid;
    Xapian::Document document;
};

struct Matches {
    std::size_t total = 0;    // exact number of matching articles
    std::size_t threads = 1;  // that matched them
    std::vector<Candidate> page;
    std::vector<FacetCount> outlets;  // in value order
    std::vector<FacetCount> months;   // in value order
    std::vector<schema::PersonCount> persons;
};

// How many parts a search of `query` over the local index `db` is worth splitting into,
// one thread each (fewer than 2: it runs whole on one).
std::size_t parts_for(const Xapian::Database& db, const Xapian::Query& query, const Parallelism& parallelism);

// Matches `filtered` (`unfiltered` with the request's filters) over `dbs`, handles of one
// local index at one revision, each searching its share of the docids; the page is the
// `limit` matches from `offset`, by weight or, `newest_first`, by date. Throws what Xapian
// throws.
Matches match_local(const std::vector<Xapian::Database*>& dbs, const Xapian::Query& unfiltered,
                    const FilteredQuery& filtered, bool newest_first, std::size_t offset, std::size_t limit,
                    FacetChunkCache* chunks);

// Matches `query` over `db`, which has shards on other machines, in one pass with Xapian's
// own spies (xapian-tcpsrv runs no others). Throws what Xapian throws.
Matches match_remote(Xapian::Database& db, const Xapian::Query& query, bool newest_first, std::size_t offset,
                     std::size_t limit);

// How many articles match `wider` but not `narrower`, where `wider` is `narrower` searched
// in `field` too (a field with a prefix of its own), with the request's filters: the
// articles the default scope leaves to the page's chrome. Exact, and over local and remote
// shards alike. An article holding none of `wider`'s terms of `field` matches both or
// neither, so only those holding one are visited. Throws what Xapian throws.
std::size_t count_added_by_field(Xapian::Database& db, const Xapian::Query& wider, const Xapian::Query& narrower,
                                 const schema::Field& field);

}  // namespace corpus::searcher
