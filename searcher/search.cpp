#include "searcher/search.h"

#include "schema/analysis.h"
#include "schema/article.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/index_layout.h"
#include "schema/names.h"
#include "schema/person_facet.h"
#include "searcher/facet_spy.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"

#include <algorithm>
#include <optional>

namespace corpus::searcher {
namespace {

Result<Xapian::Query> apply_filters(Xapian::Query query, const SearchRequest& request) {
    if (!request.persons.empty()) {
        std::vector<Xapian::Query> persons;
        for (const std::string& name : request.persons) {
            const std::optional<std::string> key = schema::person_key(name);
            if (!key) {
                return make_error(ErrorCode::usage, "--person \"" + name + "\" is not a Korean personal name",
                                  "give a full name, such as \"Yoon Suk Yeol\"");
            }
            persons.emplace_back(schema::person_term(*key));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, persons.begin(), persons.end()));
    }
    if (!request.outlets.empty()) {
        std::vector<Xapian::Query> outlets;
        for (const std::string& outlet : request.outlets) {
            outlets.emplace_back(schema::boolean_term(schema::outlet_term, outlet));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, outlets.begin(), outlets.end()));
    }
    if (request.from || request.to) {
        // Unknown dates are stored as an empty value and so never fall inside a range.
        const std::string low = request.from ? request.from->sortable() : std::string("00000101");
        const std::string high = request.to ? request.to->sortable() : std::string("99991231");
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, low, high));
    }
    return query;
}

std::vector<FacetCount> read_facet(const Xapian::ValueCountMatchSpy& spy) {
    std::vector<FacetCount> counts;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        counts.push_back({*it, it.get_termfreq()});
    }
    return counts;
}

std::vector<FacetCount> facet_counts(const std::vector<std::pair<std::string, std::size_t>>& values) {
    std::vector<FacetCount> counts;
    counts.reserve(values.size());
    for (const auto& [value, count] : values) counts.push_back({value, count});
    return counts;
}

}  // namespace

Searcher::Searcher(Xapian::Database db, std::string path, std::chrono::milliseconds shard_timeout)
    : db_(std::move(db)), path_(std::move(path)), shard_timeout_(shard_timeout),
      layout_identity_(schema::layout_identity(path_)), remote_(schema::lists_remote_shards(path_)),
      opened_at_(std::chrono::steady_clock::now()) {}

Result<Searcher> Searcher::open(const std::string& path, std::chrono::milliseconds shard_timeout) {
    Result<Xapian::Database> db = schema::open_for_reading(path, shard_timeout);
    if (!db) return db.error();
    return Searcher(std::move(db.value()), path, shard_timeout);
}

Status Searcher::refresh() {
    const std::string identity = schema::layout_identity(path_);
    Result<Xapian::Database> db = schema::open_for_reading(path_, shard_timeout_);
    if (!db) return db.error();
    db_ = std::move(db.value());
    layout_identity_ = identity;
    opened_at_ = std::chrono::steady_clock::now();
    return Ok{};
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
            db_.reopen();
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
            return make_error(ErrorCode::not_found, "no article with id \"" + id + "\" in " + path_);
        }
        return schema::decode_document_data(db_.get_document(*posting).get_data());
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "reading " + path_ + " failed");
    }
}

Result<SearchResult> Searcher::run(const SearchRequest& request) {
    Result<QueryNode> parsed = parse_query(request.query);
    if (!parsed) return parsed.error();
    Result<CompiledQuery> compiled = compile_query(parsed.value(), request.scope);
    if (!compiled) return compiled.error();
    const Result<Xapian::Query> filtered = apply_filters(compiled->query, request);
    if (!filtered) return filtered.error();
    const Xapian::Query& query = filtered.value();

    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    // Xapian's own spies for remote shards (xapian-tcpsrv runs no others), ours locally.
    std::optional<FacetSpy> local_facets;
    std::optional<Xapian::ValueCountMatchSpy> outlet_spy, month_spy, person_spy;
    if (remote_) {
        outlet_spy.emplace(schema::slot_outlet);
        month_spy.emplace(schema::slot_month);
        person_spy.emplace(schema::slot_persons);
        enquire.add_matchspy(&*outlet_spy);
        enquire.add_matchspy(&*month_spy);
        enquire.add_matchspy(&*person_spy);
    } else {
        local_facets.emplace(db_);
        enquire.add_matchspy(&*local_facets);
    }
    // Facets and the total must be exact: make Xapian look at every candidate.
    const Xapian::doccount everything = db_.get_doccount();
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                               static_cast<Xapian::doccount>(request.limit), everything);

    SearchResult result;
    result.query = request.query;
    result.parsed = describe(parsed.value());
    result.xapian_query = query.get_description();
    if (request.explain) result.names = schema::describe_names(request.query);
    result.total = mset.get_matches_estimated();
    result.offset = request.offset;
    result.limit = request.limit;
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        Result<schema::StoredArticle> article = schema::decode_document_summary(it.get_document().get_data());
        if (!article) return article.error();
        result.hits.push_back(Hit{it.get_rank() + 1, article->id, article->title, article->outlet, article->date,
                                  article->outlet_inferred, article->date_inferred, it.get_weight(),
                                  request.snippets ? make_snippet(article->body, compiled->highlights) : Snippet{}});
    }

    result.outlet_facet = local_facets ? facet_counts(local_facets->outlets()) : read_facet(*outlet_spy);
    std::stable_sort(result.outlet_facet.begin(), result.outlet_facet.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    result.month_facet = local_facets ? facet_counts(local_facets->months()) : read_facet(*month_spy);
    std::stable_sort(result.month_facet.begin(), result.month_facet.end(), [](const FacetCount& a, const FacetCount& b) {
        const bool a_unknown = a.value == schema::unknown_value;
        const bool b_unknown = b.value == schema::unknown_value;
        return a_unknown != b_unknown ? b_unknown : a.value < b.value;
    });
    for (const schema::PersonCount& person : local_facets ? local_facets->persons() : schema::person_counts(*person_spy)) {
        result.person_facet.push_back({person.display, person.count, person.key});
    }
    return result;
}

}  // namespace corpus::searcher
