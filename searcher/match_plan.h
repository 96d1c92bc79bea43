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
    std::string story = {};  // its story value (fields.h, slot_story) when the page is collapsed
};

struct Matches {
    std::size_t total = 0;    // exact number of matching articles
    std::size_t threads = 1;  // that matched them
    std::vector<Candidate> page;
    std::vector<FacetCount> outlets;  // in value order
    std::vector<FacetCount> months;   // in value order
    std::vector<schema::PersonCount> persons;
    std::vector<Xapian::docid> matched;  // every match, in rising docid order, when asked for
};

// How many parts a search of `query` over the local index `db` is worth splitting into,
// one thread each (fewer than 2: it runs whole on one).
std::size_t parts_for(const Xapian::Database& db, const Xapian::Query& query, const Parallelism& parallelism);

// Matches `filtered` (`unfiltered` with the request's filters) over `dbs`, handles of one
// local index at one revision, each searching its share of the docids; the page is the
// `limit` matches from `offset`, in `order`; only the `facets` asked for are counted;
// `keep_matched` also lists every match; `collapse` pages through stories, one article
// each (the best ranked), while the total and facets still count articles. Throws what
// Xapian throws.
Matches match_local(const std::vector<Xapian::Database*>& dbs, const Xapian::Query& unfiltered,
                    const FilteredQuery& filtered, Order order, std::size_t offset, std::size_t limit,
                    FacetChunkCache* chunks, FacetSet facets, bool keep_matched, bool collapse);

// Matches `query` over `db`, which has shards on other machines, in one pass with Xapian's
// own spies (xapian-tcpsrv runs no others), one for each of the `facets` asked for.
// Throws what Xapian throws.
Matches match_remote(Xapian::Database& db, const Xapian::Query& query, Order order, std::size_t offset,
                     std::size_t limit, FacetSet facets, bool collapse);

// What the default scope leaves to the page's chrome (issue 23), in two steps: the
// articles that match `wider` but not `narrower`, where `wider` is `narrower` searched in
// the chrome too, are those that match beyond_narrower(db, wider, narrower) with the
// request's filters and not `narrower`; count_beyond counts them, exactly, over local and
// remote shards alike. beyond_narrower leaves out what can only match articles `narrower`
// matches (an alternative that reads nothing of the chrome) and keeps to articles holding
// one of the terms without which both match alike (chrome_reading.h): for the words a
// query reads without positions, their chrome-only markers (fields.h, chrome_only_marker),
// so that a word alone is counted by its marker's frequency; else the chrome's terms. So
// Xapian visits few articles beside the answer. `db` gives the terms' frequencies.
Xapian::Query beyond_narrower(const Xapian::Database& db, const Xapian::Query& wider, const Xapian::Query& narrower);
// `matched` lists narrower's matches when known (a local search's Matches::matched), so
// that narrower is not matched again. Throws what Xapian throws.
std::size_t count_beyond(Xapian::Database& db, const Xapian::Query& beyond, const Xapian::Query& narrower,
                         const std::vector<Xapian::docid>* matched);

}  // namespace corpus::searcher
