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
#include "searcher/proximity.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/suggest.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>

namespace corpus::searcher {
namespace {

// A query with the request's filters, which add no weight.
struct FilteredQuery {
    Xapian::Query query;
    bool filtered = false;  // some filter applies
};

Result<FilteredQuery> apply_filters(Xapian::Query query, const SearchRequest& request) {
    bool filtered = false;
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
        filtered = true;
    }
    if (!request.outlets.empty()) {
        std::vector<Xapian::Query> outlets;
        for (const std::string& outlet : request.outlets) {
            outlets.emplace_back(schema::boolean_term(schema::outlet_term, outlet));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, outlets.begin(), outlets.end()));
        filtered = true;
    }
    if (request.from || request.to) {
        // Unknown dates are stored as an empty value and so never fall inside a range.
        const std::string low = request.from ? request.from->sortable() : std::string("00000101");
        const std::string high = request.to ? request.to->sortable() : std::string("99991231");
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, low, high));
        filtered = true;
    }
    return FilteredQuery{std::move(query), filtered};
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// A filter naming an outlet or a person the index does not hold quietly finds nothing;
// the user more likely mistyped it. The notice names the closest outlets.
std::string unknown_filter_values(const Xapian::Database& db, const std::vector<std::string>& outlets,
                                  const std::vector<std::string>& persons) {
    for (const std::string& outlet : outlets) {
        const std::string term = schema::boolean_term(schema::outlet_term, outlet);
        if (db.get_termfreq(term) > 0) continue;
        const std::string prefix(schema::outlet_term.prefix);
        const std::string typed = term.substr(prefix.size());
        std::vector<std::pair<std::size_t, std::string>> known;  // (distance, term)
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            known.emplace_back(edit_distance(typed, (*it).substr(prefix.size())), *it);
        }
        std::sort(known.begin(), known.end());
        std::string closest;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, known.size()); ++i) {
            // The display name, from an article of that outlet.
            const Xapian::docid article = *db.postlist_begin(known[i].second);
            closest += (i > 0 ? ", " : "") + db.get_document(article).get_value(schema::slot_outlet);
        }
        return "no article in the index is from the outlet \"" + schema::printable(outlet, 60) + "\"" +
               (closest.empty() ? std::string() : "; the closest outlets it holds: " + closest);
    }
    for (const std::string& name : persons) {
        const std::optional<std::string> key = schema::person_key(name);
        if (key && db.get_termfreq(schema::person_term(*key)) == 0) {
            return "no article in the index mentions " + schema::printable(name, 60);
        }
    }
    return {};
}

// Matches the docids first..last, existing or not: ANDed with a query, it leaves the
// share of the index one thread searches. Local only (it is not serialisable).
class DocidRange : public Xapian::PostingSource {
public:
    DocidRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return last_ - first_ + 1; }
    Xapian::doccount get_termfreq_max() const override { return last_ - first_ + 1; }
    void init(const Xapian::Database&) override { current_ = 0; }
    void next(double) override { current_ = current_ == 0 ? first_ : current_ + 1; }
    void skip_to(Xapian::docid did, double) override { current_ = std::max({current_, did, first_}); }
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    DocidRange* clone() const override { return new DocidRange(first_, last_); }
    std::string get_description() const override {
        return "DocidRange(" + std::to_string(first_) + ".." + std::to_string(last_) + ")";
    }

private:
    Xapian::docid first_, last_;
    Xapian::docid current_ = 0;
};

// `query` with each phrase or NEAR that every match must satisfy turned into an AND of
// the same parts: the same weights (Xapian weighs a phrase as the AND of its parts)
// without the position checks, for ranking matches already known to satisfy them. A
// phrase that a match may lack (under OR, NOT or an optional part) stays as it is, since
// turning it into an AND would add weight, or remove matches, the phrase does not.
// Nothing when there is no such phrase.
std::optional<Xapian::Query> without_required_positions(const Xapian::Query& query) {
    const Xapian::Query::op type = query.get_type();
    std::vector<Xapian::Query> parts;
    for (std::size_t n = 0; n < query.get_num_subqueries(); ++n) parts.push_back(query.get_subquery(n));
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }
    // Every match satisfies the first part of these, and all parts of an AND.
    if (type != Xapian::Query::OP_AND && type != Xapian::Query::OP_FILTER && type != Xapian::Query::OP_AND_NOT &&
        type != Xapian::Query::OP_AND_MAYBE) {
        return std::nullopt;
    }
    const std::size_t required = type == Xapian::Query::OP_AND ? parts.size() : 1;
    bool changed = false;
    for (std::size_t n = 0; n < required; ++n) {
        if (std::optional<Xapian::Query> rewritten = without_required_positions(parts[n])) {
            parts[n] = std::move(*rewritten);
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return Xapian::Query(type, parts.begin(), parts.end());
}

// The matches a counting pass found, in rising docid order.
class MatchedDocids : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double) override { docids_.push_back(doc.get_docid()); }
    const std::vector<Xapian::docid>& docids() const { return docids_; }

private:
    std::vector<Xapian::docid> docids_;
};

// Matches exactly the given docids (sorted): ANDed with the unfiltered query, it stands
// for the filters (which add no weight) and for every positional check, already done by
// the counting pass. Local only (it is not serialisable).
class DocidList : public Xapian::PostingSource {
public:
    explicit DocidList(const std::vector<Xapian::docid>& docids) : docids_(docids) {}

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(docids_.size()); }
    void init(const Xapian::Database&) override {
        at_ = 0;
        started_ = false;
    }
    void next(double) override {
        if (started_) ++at_;
        started_ = true;
    }
    void skip_to(Xapian::docid did, double) override {
        started_ = true;
        at_ = static_cast<std::size_t>(std::lower_bound(docids_.begin() + static_cast<std::ptrdiff_t>(at_),
                                                        docids_.end(), did) - docids_.begin());
    }
    bool at_end() const override { return at_ >= docids_.size(); }
    Xapian::docid get_docid() const override { return docids_[at_]; }
    DocidList* clone() const override { return new DocidList(docids_); }
    std::string get_description() const override { return "DocidList(" + std::to_string(docids_.size()) + ")"; }

private:
    const std::vector<Xapian::docid>& docids_;
    std::size_t at_ = 0;
    bool started_ = false;
};

// One hit of a page, from whichever part of the index found it.
struct Candidate {
    double weight;
    Xapian::docid docid;
    Xapian::Document document;
};

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

Searcher::Searcher(Xapian::Database db, std::string path, std::chrono::milliseconds shard_timeout,
                   Parallelism parallelism)
    : db_(std::move(db)), path_(std::move(path)), shard_timeout_(shard_timeout), parallelism_(parallelism),
      layout_identity_(schema::layout_identity(path_)), remote_(schema::lists_remote_shards(path_)),
      opened_at_(std::chrono::steady_clock::now()), facet_chunks_(std::make_unique<FacetChunkCache>()) {}

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
        return schema::decode_document_data(db_.get_document(*posting).get_data());
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "reading " + path_ + " failed");
    }
}

std::vector<Xapian::Database*> Searcher::databases_for(const Xapian::Query& query) {
    std::vector<Xapian::Database*> dbs{&db_};
    // Several local shards make one database whose docids interleave: no range to split.
    if (remote_ || db_.size() != 1) return dbs;
    const unsigned threads =
        parallelism_.threads > 0 ? parallelism_.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads < 2) return dbs;
    Xapian::Enquire estimate(db_);
    estimate.set_query(query);
    const std::size_t matches = estimate.get_mset(0, 0).get_matches_estimated();
    const std::size_t parts =
        std::min<std::size_t>(threads, matches / std::max<std::size_t>(1, parallelism_.matches_per_thread));
    if (parts < 2) return dbs;
    while (helper_dbs_.size() < parts - 1) {
        Result<Xapian::Database> db = schema::open_for_reading(path_, shard_timeout_);
        if (!db) return dbs;
        helper_dbs_.push_back(std::move(db.value()));
    }
    // Every part reads one revision, though a commit may land between two reopens.
    constexpr int attempts = 3;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        bool same = true;
        for (std::size_t helper = 0; helper + 1 < parts; ++helper) {
            helper_dbs_[helper].reopen();
            same = same && helper_dbs_[helper].get_revision() == db_.get_revision();
        }
        if (same) {
            for (std::size_t helper = 0; helper + 1 < parts; ++helper) dbs.push_back(&helper_dbs_[helper]);
            return dbs;
        }
        db_.reopen();
    }
    return dbs;
}

Result<SearchResult> Searcher::run(const SearchRequest& request) {
    if (request.offset > max_offset) {
        return make_error(ErrorCode::usage, "the offset is more than " + std::to_string(max_offset));
    }
    // Filters alone (--outlet, --person, --from, --to) list their articles.
    const bool filters_only = request.query.find_first_not_of(" \t\r\n") == std::string::npos &&
                              (!request.outlets.empty() || !request.persons.empty() || request.from || request.to);
    Result<QueryNode> parsed = filters_only ? Result<QueryNode>(QueryNode{QueryNode::Kind::all, {}, {}})
                                            : parse_query(request.query);
    if (!parsed) return parsed.error();
    Result<CompiledQuery> compiled = filters_only ? Result<CompiledQuery>(CompiledQuery{Xapian::Query::MatchAll, {}, false, false, {}, {}})
                                                  : compile_query(parsed.value(), db_, request.scope);
    if (!compiled) return compiled.error();
    if (remote_ && compiled->local_only) {
        return make_error(ErrorCode::usage, "NEAR, ADJ and SAME with a phrase or a name, and SAME, run on local indexes only",
                          "on remote shards, join single words: a NEAR/5 b");
    }
    const Result<FilteredQuery> filtered = apply_filters(compiled->query, request);
    if (!filtered) return filtered.error();
    const Xapian::Query& query = filtered->query;
    // Nothing to rank by: newest first, as a list of an outlet's or a day's articles reads.
    const bool newest_first = !compiled->ranked;

    SearchResult result;
    std::vector<std::string> outlets = request.outlets;
    outlets.insert(outlets.end(), compiled->outlets.begin(), compiled->outlets.end());
    std::vector<std::string> persons = request.persons;
    persons.insert(persons.end(), compiled->persons.begin(), compiled->persons.end());
    result.notice = unknown_filter_values(db_, outlets, persons);
    result.query = request.query;
    result.parsed = filters_only ? std::string() : describe(parsed.value());
    result.xapian_query = query.get_description();
    if (request.explain) result.names = schema::describe_names(request.query);
    result.offset = request.offset;
    result.limit = request.limit;

    // Facets and the total must be exact: Xapian looks at every candidate.
    std::vector<Candidate> page;
    std::vector<std::unique_ptr<FacetSpy>> spies;  // one per part, summed into the first
    const FacetSpy* local_facets = nullptr;
    std::optional<Xapian::ValueCountMatchSpy> outlet_spy, month_spy, person_spy;
    if (remote_) {
        // Xapian's own spies (xapian-tcpsrv runs no others).
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        if (newest_first) enquire.set_sort_by_value(schema::slot_date, true);
        outlet_spy.emplace(schema::slot_outlet);
        month_spy.emplace(schema::slot_month);
        person_spy.emplace(schema::slot_persons);
        enquire.add_matchspy(&*outlet_spy);
        enquire.add_matchspy(&*month_spy);
        enquire.add_matchspy(&*person_spy);
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                                   static_cast<Xapian::doccount>(request.limit), db_.get_doccount());
        result.total = mset.get_matches_estimated();
        for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
            page.push_back({it.get_weight(), *it, it.get_document()});
        }
    } else {
        const std::vector<Xapian::Database*> dbs = databases_for(query);
        const std::size_t parts = dbs.size();
        result.threads = parts;
        const Xapian::docid last = db_.get_lastdocid();
        // One part fetches the page itself; several each fetch everything up to its end.
        const auto first = static_cast<Xapian::doccount>(parts == 1 ? request.offset : 0);
        constexpr std::size_t most = std::numeric_limits<Xapian::doccount>::max();
        const auto count = static_cast<Xapian::doccount>(
            std::min(most, parts == 1 ? request.limit : request.offset + std::min(most, request.limit)));
        spies.resize(parts);
        std::vector<Xapian::MSet> msets(parts);
        std::vector<Xapian::doccount> totals(parts);
        std::vector<std::exception_ptr> failures(parts);
        // Counting every match is most of the matcher's work, and needs no weights; the
        // page then needs weights only for the few matches that can enter it, and Xapian
        // stops early once no later match can. Filters and phrases cost a check per
        // candidate (a value range reads each one's date), so the page is then ranked
        // over the matches counted, with the phrases' position checks (already passed)
        // left out. A name's synonym has no bound tight enough for Xapian to stop early:
        // one weighted pass counts and ranks it.
        const std::optional<Xapian::Query> unpositioned = without_required_positions(compiled->query);
        enum class Plan { one_pass, rank_all, rank_counted };
        const Plan plan = compiled->query.get_type() == Xapian::Query::OP_SYNONYM ? Plan::one_pass
                          : filtered->filtered || unpositioned                    ? Plan::rank_counted
                                                                                  : Plan::rank_all;
        const Xapian::Query& ranked = unpositioned ? *unpositioned : compiled->query;
        // A query of one term (a word, or a name of one name set) matches its posting
        // list, so the counting pass can walk that list without the matcher: 'said'
        // (94,932 matches) 0.71x the time in process, a whole 'Kim Jong-un' process 0.83x.
        const bool count_postings = plan == Plan::rank_all && db_.size() == 1 &&
                                    compiled->query.get_type() == Xapian::Query::LEAF_TERM;
        const std::string counted_term = count_postings ? *compiled->query.get_unique_terms_begin() : std::string();
        // Xapian's objects count references without atomics: each thread gets query
        // trees of its own, built here, and a database of its own.
        std::vector<Xapian::Query> part_queries{query};
        std::vector<Xapian::Query> ranked_queries;
        std::vector<std::pair<Xapian::docid, Xapian::docid>> part_docids{{1, last}};
        if (plan == Plan::rank_counted) ranked_queries.push_back(ranked);
        if (parts > 1) {
            const std::string serialised = query.serialise();
            const std::string ranked_serialised = plan == Plan::rank_counted ? ranked.serialise() : std::string();
            part_queries.clear();
            ranked_queries.clear();
            part_docids.clear();
            for (std::size_t part = 0; part < parts; ++part) {
                const auto low = static_cast<Xapian::docid>(std::uint64_t{last} * part / parts + 1);
                const auto high = static_cast<Xapian::docid>(std::uint64_t{last} * (part + 1) / parts);
                part_docids.emplace_back(low, high);
                part_queries.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query::unserialise(serialised, proximity_registry()),
                                          Xapian::Query((new DocidRange(low, high))->release()));
                if (plan == Plan::rank_counted) ranked_queries.push_back(Xapian::Query::unserialise(ranked_serialised, proximity_registry()));
            }
        }
        auto search_part = [&](std::size_t part) {
            try {
                spies[part] = std::make_unique<FacetSpy>(*dbs[part], facet_chunks_.get());
                const Xapian::doccount everything = dbs[part]->get_doccount();
                if (plan == Plan::one_pass) {
                    Xapian::Enquire enquire(*dbs[part]);
                    enquire.set_query(part_queries[part]);
                    if (newest_first) enquire.set_sort_by_value(schema::slot_date, true);
                    enquire.add_matchspy(spies[part].get());
                    msets[part] = enquire.get_mset(first, count, everything);
                    totals[part] = msets[part].get_matches_estimated();
                    return;
                }
                MatchedDocids matched;
                if (count_postings) {
                    const auto [low, high] = part_docids[part];
                    Xapian::PostingIterator posting = dbs[part]->postlist_begin(counted_term);
                    const Xapian::PostingIterator end = dbs[part]->postlist_end(counted_term);
                    if (posting != end) posting.skip_to(low);
                    for (; posting != end && *posting <= high; ++posting) {
                        spies[part]->count(*posting);
                        ++totals[part];
                    }
                } else {
                    Xapian::Enquire counting(*dbs[part]);
                    counting.set_query(part_queries[part]);
                    counting.set_weighting_scheme(Xapian::BoolWeight());
                    counting.add_matchspy(spies[part].get());
                    if (plan == Plan::rank_counted) counting.add_matchspy(&matched);
                    totals[part] = counting.get_mset(0, 0, everything).get_matches_estimated();
                }
                Xapian::Enquire ranking(*dbs[part]);
                if (newest_first) ranking.set_sort_by_value(schema::slot_date, true);
                if (plan == Plan::rank_counted) {
                    ranking.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked_queries[part],
                                                    Xapian::Query((new DocidList(matched.docids()))->release())));
                } else {
                    ranking.set_query(part_queries[part]);
                }
                msets[part] = ranking.get_mset(first, count);
            } catch (...) {
                failures[part] = std::current_exception();
            }
        };
        std::vector<std::thread> helpers;
        for (std::size_t part = 1; part < parts; ++part) {
            try {
                helpers.emplace_back(search_part, part);
            } catch (const std::system_error&) {
                search_part(part);  // no thread to be had: this one does the part
            }
        }
        search_part(0);
        for (std::thread& helper : helpers) helper.join();
        for (const std::exception_ptr& failure : failures) {
            if (failure) std::rethrow_exception(failure);
        }
        for (std::size_t part = 0; part < parts; ++part) {
            result.total += totals[part];
            for (Xapian::MSetIterator it = msets[part].begin(); it != msets[part].end(); ++it) {
                page.push_back({it.get_weight(), *it, it.get_document()});
            }
            if (part > 0) spies[0]->merge(*spies[part]);
        }
        if (parts > 1) {
            // Xapian's own order: by weight (or date), then by docid.
            std::sort(page.begin(), page.end(), [&](const Candidate& a, const Candidate& b) {
                if (newest_first) {
                    const std::string a_date = a.document.get_value(schema::slot_date);
                    const std::string b_date = b.document.get_value(schema::slot_date);
                    if (a_date != b_date) return a_date > b_date;
                    return a.docid < b.docid;
                }
                return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
            });
            page.erase(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(std::min(page.size(), request.offset)));
            if (page.size() > request.limit) page.resize(request.limit);
        }
        local_facets = spies[0].get();
    }
    for (std::size_t i = 0; i < page.size(); ++i) {
        Result<schema::StoredArticle> article = schema::decode_document_summary(page[i].document.get_data());
        if (!article) return article.error();
        result.hits.push_back(Hit{request.offset + i + 1, article->id, article->title, article->outlet, article->date,
                                  article->outlet_inferred, article->date_inferred, page[i].weight,
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
    result.suggestion = suggest_query(db_, request.query, parsed.value(), result.total);
    return result;
}

}  // namespace corpus::searcher
