#include "searcher/search.h"

#include "schema/analysis.h"
#include "schema/article.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/index_layout.h"
#include "schema/names.h"
#include "schema/person_facet.h"
#include "schema/text.h"
#include "searcher/facet_spy.h"
#include "searcher/filters.h"
#include "searcher/like.h"
#include "searcher/match_plan.h"
#include "searcher/proximity.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/request.h"
#include "searcher/story_copies.h"
#include "searcher/suggest.h"

#include <algorithm>
#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace corpus::searcher {
namespace {

// Keeps the first `most` values of `facet`; returns how many it left out.
template <typename Count>
std::size_t keep_first(std::vector<Count>& facet, std::optional<std::size_t> most) {
    if (!most || facet.size() <= *most) return 0;
    const std::size_t left_out = facet.size() - *most;
    facet.resize(*most);
    return left_out;
}

// Keeps the latest `most` months of `months` (oldest first, unknown last) and unknown,
// which is no month: how many of the matches cannot be placed in time is worth seeing
// whatever the limit. Returns how many months it left out.
std::size_t keep_latest_months(std::vector<FacetCount>& months, std::optional<std::size_t> most) {
    const std::size_t dated =
        months.size() - (!months.empty() && months.back().value == schema::unknown_value ? 1 : 0);
    if (!most || dated <= *most) return 0;
    const std::size_t left_out = dated - *most;
    months.erase(months.begin(), months.begin() + static_cast<std::ptrdiff_t>(left_out));
    return left_out;
}

}  // namespace

Searcher::Searcher(Xapian::Database db, std::string path, std::chrono::milliseconds shard_timeout,
                   Parallelism parallelism)
    : db_(std::move(db)), path_(std::move(path)), shard_timeout_(shard_timeout), parallelism_(parallelism),
      layout_identity_(schema::layout_identity(path_)), remote_(schema::lists_remote_shards(path_)),
      opened_at_(std::chrono::steady_clock::now()), facet_chunks_(std::make_unique<FacetChunkCache>()), story_column_(std::make_unique<StoryColumn>()),
      person_labels_(std::make_unique<schema::PersonLabelCache>()) {}

Result<Searcher> Searcher::open(const std::string& path, std::chrono::milliseconds shard_timeout,
                                Parallelism parallelism) {
    Result<Xapian::Database> db = schema::open_for_reading(path, shard_timeout);
    if (!db) return db.error();
    return Searcher(std::move(db.value()), path, shard_timeout, parallelism);
}

Status Searcher::refresh() {
    const std::string identity = schema::layout_identity(path_);
    Result<Xapian::Database> db = schema::open_for_reading(path_, shard_timeout_);
    if (!db) return db.error();
    db_ = std::move(db.value());
    helper_dbs_.clear();  // opened again on the new state when next needed
    // Another generation may be at the same revision number as the one cached.
    facet_chunks_ = std::make_unique<FacetChunkCache>();
    story_column_ = std::make_unique<StoryColumn>();
    person_labels_ = std::make_unique<schema::PersonLabelCache>();
    layout_identity_ = identity;
    opened_at_ = std::chrono::steady_clock::now();
    return Ok{};
}

Status Searcher::catch_up() {
    // Reopening can meet the next commit, or a block the writer has just reused, as a
    // corrupt-looking read; a new Database reads the newest state from the start.
    try {
        db_.reopen();
        return Ok{};
    } catch (const Xapian::Error&) {
        return refresh();
    }
}

void Searcher::refresh_if_switched() {
    // A remote shard's rebuild cannot be seen from here, and its server opens the shard's
    // newest generation only for a new connection: reconnect now and then.
    constexpr std::chrono::seconds remote_reconnect_interval{10};
    const bool reconnect = remote_ && std::chrono::steady_clock::now() - opened_at_ > remote_reconnect_interval;
    if (reconnect || schema::layout_identity(path_) != layout_identity_) {
        // A failure here shows up as an error from the search that follows.
        (void)refresh();
    }
}

Result<SearchResult> Searcher::search(const SearchRequest& request) {
    refresh_if_switched();
    // A long-lived searcher (--batch) sees what reindexing committed since the last query.
    try {
        db_.reopen();
    } catch (const Xapian::Error&) {
        // The search below meets the same failure, and reports it or recovers.
    }
    // A reindex that commits while we read invalidates what we hold, and a rebuild may
    // remove a generation we were reading; the newest state is always a right answer.
    constexpr int attempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == attempts) return make_error(ErrorCode::io, "the index kept changing during the search");
            if (Status caught_up = catch_up(); !caught_up) return caught_up.error();
        } catch (const Xapian::DatabaseError& e) {
            if (attempt == attempts) return schema::translate_xapian_error(e, "searching " + path_ + " failed");
            if (Status refreshed = refresh(); !refreshed) return refreshed.error();
        } catch (const Xapian::NetworkError& e) {
            // A remote shard went away (or closed an idle connection): opening the shards
            // again either reconnects or names the one that does not answer.
            if (attempt == attempts) return schema::translate_xapian_error(e, "searching " + path_ + " failed");
            if (Status refreshed = refresh(); !refreshed) return refreshed.error();
        } catch (const Xapian::Error& e) {
            return schema::translate_xapian_error(e, "searching " + path_ + " failed");
        }
    }
}

Result<schema::StoredArticle> Searcher::show(const std::string& id) {
    const std::string term = schema::exact_term(schema::id_term, id);
    refresh_if_switched();
    try {
        db_.reopen();
        Xapian::PostingIterator posting = db_.postlist_begin(term);
        if (posting == db_.postlist_end(term)) {
            return make_error(ErrorCode::not_found, "no article with id \"" + schema::printable(id) + "\" in " + path_);
        }
        const Xapian::Document doc = db_.get_document(*posting);
        Result<schema::StoredArticle> article = schema::decode_document_data(doc.get_data());
        if (article) {
            article->indexed = doc.get_value(schema::slot_indexed);
            article->changed = doc.get_value(schema::slot_changed);
        }
        return article;
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "reading " + path_ + " failed");
    }
}

Result<std::optional<schema::Instant>> Searcher::complete_until() {
    refresh_if_switched();
    try {
        db_.reopen();
        // One reader, one revision: the stamp and the articles it covers are read together.
        if (const auto running = schema::parse_instant(db_.get_metadata(std::string(schema::meta_run_stamp)))) {
            return std::optional(*running - std::chrono::seconds{1});
        }
        return schema::parse_instant(db_.get_value_upper_bound(schema::slot_changed));
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "reading " + path_ + " failed");
    }
}

std::vector<Xapian::Database*> Searcher::helpers_at_revision(std::size_t count) {
    while (helper_dbs_.size() < count) {
        Result<Xapian::Database> db = schema::open_for_reading(path_, shard_timeout_);
        if (!db) return {};
        helper_dbs_.push_back(std::move(db.value()));
    }
    // Every handle reads one revision, though a commit may land between two reopens.
    constexpr int attempts = 3;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        bool same = true;
        for (std::size_t helper = 0; helper < count; ++helper) {
            // Reopening reads the index's version from disk: not needed when it is db_'s.
            if (helper_dbs_[helper].get_revision() != db_.get_revision()) helper_dbs_[helper].reopen();
            same = same && helper_dbs_[helper].get_revision() == db_.get_revision();
        }
        if (same) {
            std::vector<Xapian::Database*> helpers;
            for (std::size_t helper = 0; helper < count; ++helper) helpers.push_back(&helper_dbs_[helper]);
            return helpers;
        }
        db_.reopen();
    }
    return {};
}

std::vector<Xapian::Database*> Searcher::databases_for(const Xapian::Query& query) {
    std::vector<Xapian::Database*> dbs{&db_};
    if (remote_) return dbs;
    const std::size_t parts = parts_for(db_, query, parallelism_);
    if (parts < 2) return dbs;
    const std::vector<Xapian::Database*> helpers = helpers_at_revision(parts - 1);
    dbs.insert(dbs.end(), helpers.begin(), helpers.end());
    return dbs;
}

bool Searcher::count_may_run_apart() const {
    const unsigned threads =
        parallelism_.threads > 0 ? parallelism_.threads : std::max(1u, std::thread::hardware_concurrency());
    // Several local shards have no one revision to match a second handle to.
    return !remote_ && threads >= 2 && db_.size() == 1;
}

std::future<std::size_t> Searcher::count_chrome_only(const Xapian::Query& beyond, const Xapian::Query& narrower,
                                                     const std::vector<Xapian::docid>* matched) {
    const std::vector<Xapian::Database*> helper = count_may_run_apart() ? helpers_at_revision(1) : std::vector<Xapian::Database*>{};
    if (!helper.empty()) {
        // Xapian's objects count references without atomics: the thread gets query trees
        // and a database of its own.
        auto count = [db = helper[0], beyond_serialised = beyond.serialise(), narrower_serialised = narrower.serialise(),
                      matched] {
            return count_beyond(*db, Xapian::Query::unserialise(beyond_serialised, proximity_registry()),
                                Xapian::Query::unserialise(narrower_serialised, proximity_registry()), matched);
        };
        try {
            return std::async(std::launch::async, std::move(count));
        } catch (const std::system_error&) {
            // No thread to be had: counted below, on this one.
        }
    }
    std::promise<std::size_t> counted;
    counted.set_value(count_beyond(db_, beyond, narrower, remote_ ? nullptr : matched));
    return counted.get_future();
}

Result<SearchResult> Searcher::run(const SearchRequest& request) {
    if (request.offset > max_offset) {
        return make_error(ErrorCode::usage, "the offset is more than " + std::to_string(max_offset));
    }
    // Filters alone (--outlet, --person, --from, --to) list their articles; --like alone
    // ranks them all by likeness.
    const bool like = !request.like.empty();
    const bool filters_only = request.query.find_first_not_of(" \t\r\n") == std::string::npos &&
                              (has_filters(request) || like);
    Result<QueryNode> parsed = filters_only ? Result<QueryNode>(QueryNode{QueryNode::Kind::all, {}, {}})
                                            : parse_query(request.query);
    if (!parsed) return parsed.error();
    NameLookups lookups;  // the chrome-only count compiles the query again
    Result<CompiledQuery> compiled = filters_only ? Result<CompiledQuery>(CompiledQuery{Xapian::Query::MatchAll, {}, false, false, {}, {}})
                                                  : compile_query(parsed.value(), db_, request.scope, &lookups);
    if (!compiled) return compiled.error();
    if (like) {
        Result<CompiledQuery> similar = compile_like(db_, request.like);
        if (!similar) return similar.error();
        // A query given with --like only narrows: the likeness alone ranks.
        if (!filters_only) {
            similar->query = Xapian::Query(Xapian::Query::OP_FILTER, similar->query, compiled->query);
            similar->highlights.insert(similar->highlights.end(), compiled->highlights.begin(), compiled->highlights.end());
        }
        compiled->query = std::move(similar->query);
        compiled->highlights = std::move(similar->highlights);
        compiled->ranked = true;
    }
    if (remote_ && compiled->local_only) {
        return make_error(ErrorCode::usage, "NEAR, ADJ and SAME with a phrase or a name, and SAME, run on local indexes only",
                          "on remote shards, join single words: a NEAR/5 b");
    }
    const Result<FilteredQuery> filtered = apply_filters(db_, compiled->query, request);
    if (!filtered) return filtered.error();
    const Xapian::Query& query = filtered->query;
    // Nothing to rank by: newest first, as a list of an outlet's or a day's articles reads.
    const Order order = !compiled->ranked && request.order == Order::relevance ? Order::newest : request.order;

    SearchResult result;
    std::vector<std::string> outlets = request.outlets;
    outlets.insert(outlets.end(), compiled->outlets.begin(), compiled->outlets.end());
    std::vector<std::string> persons = request.persons;
    persons.insert(persons.end(), compiled->persons.begin(), compiled->persons.end());
    result.notice = unknown_filter_values(db_, outlets, persons);
    result.query = request.query;
    result.like = request.like;
    result.parsed = filters_only ? std::string() : describe(parsed.value());
    result.xapian_query = query.get_description();
    if (request.explain) result.names = schema::describe_names(request.query);
    result.offset = request.offset;
    result.limit = request.limit;

    std::optional<Xapian::Query> beyond;
    // Likeness is of articles: what their chrome holds is no part of it.
    if (request.scope == Scope::article && request.count_chrome_only && !filters_only && !like) {
        // A query --scope all refuses (a wildcard or name that only the chrome takes past
        // a limit) is one that --scope all shows nothing more for.
        if (Result<CompiledQuery> whole = compile_query(parsed.value(), db_, Scope::all, &lookups)) {
            Result<FilteredQuery> wider = apply_filters(db_, beyond_narrower(db_, whole->query, compiled->query), request);
            if (!wider) return wider.error();
            beyond = std::move(wider->query);
        }
    }
    const std::vector<Xapian::Database*> dbs = remote_ ? std::vector<Xapian::Database*>{} : databases_for(query);
    // A search on one thread leaves a core to the count, from the start; one split
    // between cores is counted after it, from the list of its matches.
    const bool count_alongside = beyond && dbs.size() == 1 && count_may_run_apart();
    // Collapsed, the stories among the matches of one local database are read from the
    // list of its matches; elsewhere by matching again.
    const bool stories_from_matches = request.collapse && !remote_ && db_.size() == 1;
    Matches matches;
    std::future<std::size_t> chrome_only;
    if (count_alongside) chrome_only = count_chrome_only(*beyond, compiled->query, nullptr);
    // Facets and the total must be exact: Xapian looks at every candidate.
    matches = remote_ ? match_remote(db_, query, order, request.offset, request.limit, request.facets, request.collapse)
                      : match_local(dbs, compiled->query, filtered.value(), order, request.offset, request.limit,
                                    facet_chunks_.get(), request.facets, (beyond && !count_alongside) || stories_from_matches,
                                    request.collapse);
    result.total = matches.total;
    result.threads = matches.threads;
    // The page is read, and its documents let go, before the count may start: part of it
    // may come from the handle the count's thread reads, and a Xapian handle is not for
    // two threads at once, not even its reference counts, which documents hold.
    struct PageEntry {
        double weight;
        std::string data;
        std::string indexed;
        std::string changed;
        std::string story;
    };
    std::vector<PageEntry> page;
    for (Candidate& candidate : matches.page) {
        PageEntry& entry = page.emplace_back(PageEntry{candidate.weight, candidate.document.get_data(), {}, {},
                                                       std::move(candidate.story)});
        if (request.json_fields) {
            entry.indexed = candidate.document.get_value(schema::slot_indexed);
            entry.changed = candidate.document.get_value(schema::slot_changed);
            if (!request.collapse) entry.story = candidate.document.get_value(schema::slot_story);
        }
    }
    matches.page.clear();
    if (beyond && !count_alongside) chrome_only = count_chrome_only(*beyond, compiled->query, &matches.matched);
    const std::vector<HighlightPattern> listed =
        request.kwic_width ? kwic_patterns(compiled->highlights) : std::vector<HighlightPattern>{};
    const bool with_chrome = request.kwic_width && request.scope == Scope::all;
    for (std::size_t i = 0; i < page.size(); ++i) {
        Result<schema::StoredArticle> article = with_chrome ? schema::decode_document_data(page[i].data)
                                                            : schema::decode_document_summary(page[i].data);
        if (!article) return article.error();
        result.hits.push_back(Hit{request.offset + i + 1, article->id, article->title, article->outlet, article->date,
                                  article->outlet_inferred, article->date_inferred, article->title_inferred, page[i].weight,
                                  request.snippets ? make_snippet(article->body, compiled->highlights) : Snippet{},
                                  std::move(article->url), std::move(article->author), std::move(page[i].indexed),
                                  std::move(page[i].changed)});
        Hit& hit = result.hits.back();
        if (request.collapse || request.json_fields) hit.story = page[i].story.empty() ? hit.id : page[i].story;
        if (request.kwic_width) hit.occurrences = article_occurrences(*article, listed, with_chrome, *request.kwic_width);
    }
    if (request.collapse) {
        std::vector<std::string> stories;
        for (const PageEntry& entry : page) {
            if (!entry.story.empty()) stories.push_back(entry.story);
        }
        Result<StoriesFound> found_stories = stories_from_matches
                                                 ? stories_of_matches(db_, *story_column_, matches.matched, result.total, stories)
                                                 : stories_by_query(db_, query, result.total, stories);
        if (!found_stories) return found_stories.error();
        result.stories = found_stories->stories;
        const std::map<std::string, std::vector<StoryCopy>>& members = found_stories->members;
        for (Hit& hit : result.hits) {
            const auto found = members.find(hit.story);
            if (found == members.end()) continue;
            for (const StoryCopy& copy : found->second) {
                if (copy.id != hit.id) hit.copies.push_back(copy);
            }
        }
    }

    result.outlet_facet = std::move(matches.outlets);
    std::stable_sort(result.outlet_facet.begin(), result.outlet_facet.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    result.month_facet = std::move(matches.months);
    std::stable_sort(result.month_facet.begin(), result.month_facet.end(), [](const FacetCount& a, const FacetCount& b) {
        const bool a_unknown = a.value == schema::unknown_value;
        const bool b_unknown = b.value == schema::unknown_value;
        return a_unknown != b_unknown ? b_unknown : a.value < b.value;
    });
    result.facets = request.facets;
    result.facet_limit = request.facet_limit;
    result.outlet_more = keep_first(result.outlet_facet, request.facet_limit);
    result.month_more = keep_latest_months(result.month_facet, request.facet_limit);
    // Most articles first whatever the labels: only the people kept are labelled.
    result.person_more = keep_first(matches.persons, request.facet_limit);
    person_labels_->label(db_, matches.persons);
    for (schema::PersonCount& person : matches.persons) {
        result.person_facet.push_back({std::move(person.display), person.count, person.key, std::move(person.spellings)});
    }
    result.suggestion = suggest_query(db_, request.query, parsed.value(), result.total);
    if (chrome_only.valid()) result.chrome_only_total = chrome_only.get();
    return result;
}

}  // namespace corpus::searcher
