// Stage 3 of the query pipeline: run a compiled query against an index, with filters,
// exact facets over the whole match set, paging and snippets.
#pragma once

#include "schema/article.h"
#include "schema/date.h"
#include "schema/index.h"
#include "schema/result.h"
#include "searcher/facet_spy.h"
#include "searcher/kwic.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"
#include "searcher/story_column.h"

#include <xapian.h>

#include <chrono>
#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corpus::searcher {

// Xapian counts documents in 32 bits: a page past this would wrap around to the first.
inline constexpr std::size_t max_offset = 1'000'000'000;

// The order of the results: by relevance, or by date with undated articles last and ties
// by relevance.
enum class Order { relevance, newest, oldest };

struct SearchRequest {
    std::string query;
    // --like: rank by likeness to the article with this id (like.h), which the query, when
    // given, narrows as a filter would; empty for an ordinary search.
    std::string like;
    Order order = Order::relevance;  // filters alone have nothing to rank by: newest first
    std::size_t offset = 0;
    std::size_t limit = 10;
    bool snippets = true;  // --count and --ids need none
    // Keyword in context (--kwic): each hit lists its occurrences with this many characters
    // of context, read from the article's text (and its chrome under Scope::all).
    std::optional<std::size_t> kwic_width;
    bool explain = false;  // also describe how names in the query were read
    bool count_chrome_only = true;  // also count what only the page's chrome matches (--count and --ids need none)
    // Also read what only JSON prints of each hit: when it was indexed and changed, and
    // its story; three more reads a hit.
    bool json_fields = false;
    // One result per story (schema/story.h), the best ranked, listing the story's other
    // matching articles; the total and facets still count articles.
    bool collapse = false;
    Scope scope = Scope::article;
    std::vector<std::string> outlets;  // any of these (case and spacing ignored)
    std::vector<std::string> persons;  // articles mentioning any of these people, in any spelling
    std::optional<schema::Date> from;  // inclusive
    std::optional<schema::Date> to;    // inclusive
    FacetSet facets;  // the facets to count; the others are not counted at all
    // How many values of each facet to keep: the outlets and people with the most
    // articles, the latest months (and unknown, which is no month). Nothing: every value.
    std::optional<std::size_t> facet_limit;
    // Only articles added or changed after `changed_after` (--new-since, the digest's since)
    // and at or before `changed_until` (the digest's until).
    std::optional<schema::Instant> changed_after;
    std::optional<schema::Instant> changed_until;
};

// Another article of a hit's story that matches too, as --collapse lists it.
struct StoryCopy {
    std::string id;
    std::string outlet;
    std::string date;  // "YYYY-MM-DD", or empty when unknown
};

struct Hit {
    std::size_t rank;  // 1-based, across pages
    std::string id;
    std::string title;
    std::string outlet;
    std::string date;  // "YYYY-MM-DD", or empty when unknown
    bool outlet_inferred;  // found in the page, not given with it
    bool date_inferred;
    bool title_inferred;
    double score;
    Snippet snippet;
    std::string url;     // given with the article; empty when not
    std::string author;  // likewise
    std::string indexed;  // when first indexed, schema::format_instant's form
    std::string changed;  // when its text or metadata last changed
    // Its story: the id of the story's first article, or its own id when it has no copy.
    // Read when collapsing or json_fields; else empty.
    std::string story = {};
    std::vector<StoryCopy> copies = {};  // collapsed: the story's other matching articles
    std::vector<Occurrence> occurrences = {};  // with SearchRequest::kwic_width, in text order
};

struct FacetCount {
    std::string value;
    std::size_t count;
    std::string key = {};  // the person facet's grouping key
    std::vector<std::string> spellings = {};  // the person's other spellings in the index, most used first
};

struct SearchResult {
    std::string query;
    std::string like;  // the request's
    std::string parsed;  // the query as understood, fully parenthesized
    std::string xapian_query;  // Xapian's description of the final query, for --explain
    std::string names;         // how the query's names were recognised, one line each
    std::size_t total = 0;     // exact number of matching articles
    std::optional<std::size_t> stories;  // distinct stories among them, when collapsed
    // Further articles that match only in the page's chrome, the same filters applied:
    // what --scope all would add, exactly. 0 under --scope all, which leaves nothing out,
    // and when the request does not count them.
    std::size_t chrome_only_total = 0;
    std::size_t threads = 1;   // that matched it, each over a range of docids (Parallelism)
    std::size_t offset = 0;
    std::size_t limit = 0;
    std::vector<Hit> hits;
    std::vector<FacetCount> outlet_facet;  // most articles first
    std::vector<FacetCount> month_facet;   // "YYYY-MM", oldest first; unknown last
    std::vector<FacetCount> person_facet;  // display name (the index's commonest spelling), most articles first
    FacetSet facets;  // which facets were counted: the others are empty, not zero
    std::optional<std::size_t> facet_limit;  // the request's
    // How many values facet_limit left out of each facet: the outlets and people with
    // fewer articles, the earlier months.
    std::size_t outlet_more = 0;
    std::size_t month_more = 0;
    std::size_t person_more = 0;
    std::string notice;  // one line for the user beside the answer: a filter naming what the index lacks
    std::string suggestion;  // the query with misspelt words corrected (suggest.h); empty when none
};

// How a search over one local index shares its work between threads: each matches and
// counts the facets of a range of docids, and their pages and counts are merged. Exact
// facets visit every match, so a broad query's time is proportional to its matches.
struct Parallelism {
    unsigned threads = 0;                    // 0: one per core
    std::size_t matches_per_thread = 4096;  // estimated; fewer matches than this run on one thread
};

class Searcher {
public:
    // Opens the index at `path` once (an index folder or a stub file listing shards, see
    // schema::open_for_reading); every search reuses it.
    static Result<Searcher> open(const std::string& path,
                                 std::chrono::milliseconds shard_timeout = schema::default_shard_timeout,
                                 Parallelism parallelism = {});

    Result<SearchResult> search(const SearchRequest& request);

    // Everything stored for one article; an Error with ErrorCode::not_found if no such id.
    Result<schema::StoredArticle> show(const std::string& id);

    // The latest `changed` stamp up to which the index is complete as it stands now: just
    // before the stamp of an indexing run under way (fields.h, meta_run_stamp), else the
    // latest stamp it holds; nothing when it holds no article. A later run stamps its
    // articles later than this, so a reader that takes everything up to it now, and
    // everything after it next time, misses nothing and sees nothing twice.
    Result<std::optional<schema::Instant>> complete_until();

private:
    Searcher(Xapian::Database db, std::string path, std::chrono::milliseconds shard_timeout, Parallelism parallelism);
    Result<SearchResult> run(const SearchRequest& request);
    // The databases the search of `query` runs on, one per thread, all at one revision:
    // db_ first, then handles of its own for the other threads.
    std::vector<Xapian::Database*> databases_for(const Xapian::Query& query);
    // `count` handles of the index besides db_, at db_'s revision; none when that fails.
    std::vector<Xapian::Database*> helpers_at_revision(std::size_t count);
    // Whether the chrome-only count may have a thread and a handle of its own.
    bool count_may_run_apart() const;
    // The articles that match `beyond` but not `narrower`, whose matches `matched` lists
    // (rising docids) when known, counted on a thread and a handle of their own where
    // there is one; `matched` must outlive the future.
    std::future<std::size_t> count_chrome_only(const Xapian::Query& beyond, const Xapian::Query& narrower,
                                               const std::vector<Xapian::docid>* matched);
    // Follows the index to its newest state: a rebuild replaces the stub, which
    // Database::reopen() does not follow, so a new Database is opened.
    Status refresh();
    // Reopens on the newest revision, or opens afresh when reopening itself fails.
    Status catch_up();
    void refresh_if_switched();

    Xapian::Database db_;
    std::string path_;
    std::chrono::milliseconds shard_timeout_;
    Parallelism parallelism_;
    std::vector<Xapian::Database> helper_dbs_;  // the same local index, opened again: one per extra thread
    std::string layout_identity_;  // which generations db_ was opened on
    bool remote_;                  // db_ has shards on other machines
    std::chrono::steady_clock::time_point opened_at_;
    std::unique_ptr<FacetChunkCache> facet_chunks_;  // of db_ (a pointer: Searcher moves)
    std::unique_ptr<StoryColumn> story_column_;     // likewise
    std::unique_ptr<schema::PersonLabelCache> person_labels_;  // of db_
};

}  // namespace corpus::searcher
