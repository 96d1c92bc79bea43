#include "searcher/match_plan.h"

#include "schema/analysis.h"
#include "schema/fields.h"
#include "searcher/chrome_reading.h"
#include "searcher/proximity.h"
#include "searcher/story_copies.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace corpus::searcher {
namespace {

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
    void add(Xapian::docid did) { docids_.push_back(did); }
    const std::vector<Xapian::docid>& docids() const { return docids_; }
    std::vector<Xapian::docid> take() { return std::move(docids_); }

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

// Whether `query` holds one of `field`'s terms or a posting source, which may read them.
bool may_read_field(const Xapian::Query& query, const schema::Field& field) {
    if (query.get_type() == Xapian::Query::LEAF_POSTING_SOURCE) return true;
    if (query.get_type() == Xapian::Query::LEAF_TERM) return schema::is_term_of(field, *query.get_unique_terms_begin());
    for (std::size_t n = 0; n < query.get_num_subqueries(); ++n) {
        if (may_read_field(query.get_subquery(n), field)) return true;
    }
    return false;
}

// Whether every leaf of `query` is one of `field`'s terms: it matches no article without one.
bool only_field_terms(const Xapian::Query& query, const schema::Field& field) {
    if (query.get_type() == Xapian::Query::LEAF_TERM) return schema::is_term_of(field, *query.get_unique_terms_begin());
    if (query.get_num_subqueries() == 0) return false;  // a posting source, MatchAll, a value range
    for (std::size_t n = 0; n < query.get_num_subqueries(); ++n) {
        if (!only_field_terms(query.get_subquery(n), field)) return false;
    }
    return true;
}

// The key a date order sorts by: the date, undated articles (no value) last in both
// directions; Xapian breaks ties by weight. Null for relevance.
std::unique_ptr<Xapian::MultiValueKeyMaker> date_keys(Order order) {
    if (order == Order::relevance) return nullptr;
    auto keys = std::make_unique<Xapian::MultiValueKeyMaker>();
    // Reversed, an empty value sorts after every date; in date order, '\xff' does.
    if (order == Order::newest) keys->add_value(schema::slot_date, true);
    else keys->add_value(schema::slot_date, false, "\xff");
    return keys;
}

void sort_by(Xapian::Enquire& enquire, Xapian::KeyMaker* keys) {
    if (keys) enquire.set_sort_by_key_then_relevance(keys, false);
}

// Articles of one story (fields.h, slot_story) share a key; Xapian keeps the best ranked
// of each. Articles without a story value are stories of their own: Xapian collapses
// no empty key.
void collapse_by_story(Xapian::Enquire& enquire, bool collapse) {
    if (collapse) enquire.set_collapse_key(schema::slot_story);
}

void add_page(std::vector<Candidate>& page, const Xapian::MSet& mset, bool collapse) {
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        page.push_back({it.get_weight(), *it, it.get_document(), collapse ? it.get_collapse_key() : std::string()});
    }
}

// The terms of `query` when it is one of `field`'s terms or an OR of them; none otherwise.
std::vector<std::string> alternatives_of(const Xapian::Query& query, const schema::Field& field) {
    const Xapian::Query::op type = query.get_type();
    std::vector<std::string> terms;
    if (type == Xapian::Query::LEAF_TERM) {
        terms.push_back(*query.get_unique_terms_begin());
    } else if (type == Xapian::Query::OP_OR || type == Xapian::Query::OP_SYNONYM) {
        for (std::size_t n = 0; n < query.get_num_subqueries(); ++n) {
            const Xapian::Query part = query.get_subquery(n);
            if (part.get_type() != Xapian::Query::LEAF_TERM) return {};
            terms.push_back(*part.get_unique_terms_begin());
        }
    }
    for (const std::string& term : terms) {
        if (!schema::is_term_of(field, term)) return {};
    }
    return terms;
}

}  // namespace

std::size_t parts_for(const Xapian::Database& db, const Xapian::Query& query, const Parallelism& parallelism) {
    // Several local shards make one database whose docids interleave: no range to split.
    if (db.size() != 1) return 1;
    const unsigned threads =
        parallelism.threads > 0 ? parallelism.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads < 2) return 1;
    Xapian::Enquire estimate(db);
    estimate.set_query(query);
    const std::size_t matches = estimate.get_mset(0, 0).get_matches_estimated();
    return std::min<std::size_t>(threads, matches / std::max<std::size_t>(1, parallelism.matches_per_thread));
}

Matches match_local(const std::vector<Xapian::Database*>& dbs, const Xapian::Query& unfiltered,
                    const FilteredQuery& filtered, Order order, std::size_t offset, std::size_t limit,
                    FacetChunkCache* chunks, FacetSet facets, bool keep_matched, bool collapse) {
    const Xapian::Query& query = filtered.query;
    Matches matches;
    std::vector<std::unique_ptr<FacetSpy>> spies;  // one per part, summed into the first; none without facets
    const std::size_t parts = dbs.size();
    matches.threads = parts;
    const Xapian::docid last = dbs[0]->get_lastdocid();
    // One part fetches the page itself; several each fetch everything up to its end.
    const auto first = static_cast<Xapian::doccount>(parts == 1 ? offset : 0);
    constexpr std::size_t most = std::numeric_limits<Xapian::doccount>::max();
    const auto count = static_cast<Xapian::doccount>(
        std::min(most, parts == 1 ? limit : offset + std::min(most, limit)));
    spies.resize(parts);
    std::vector<Xapian::MSet> msets(parts);
    std::vector<Xapian::doccount> totals(parts);
    std::vector<std::vector<Xapian::docid>> matched_docids(parts);
    std::vector<std::exception_ptr> failures(parts);
    // Counting every match is most of the matcher's work, and needs no weights; the
    // page then needs weights only for the few matches that can enter it, and Xapian
    // stops early once no later match can. Filters and phrases cost a check per
    // candidate (a value range reads each one's date), so the page is then ranked
    // over the matches counted, with the phrases' position checks (already passed)
    // left out. A name's synonym has no bound tight enough for Xapian to stop early:
    // one weighted pass counts and ranks it.
    const std::optional<Xapian::Query> unpositioned = without_required_positions(unfiltered);
    // DocidList holds the index's docids, which a PostingSource on a sub-database of a
    // sharded index does not see (each shard numbers its own): an index of several local
    // shards ranks the filtered query itself. It listed the wrong articles under any filter.
    enum class Plan { one_pass, rank_all, rank_counted };
    const Plan plan = unfiltered.get_type() == Xapian::Query::OP_SYNONYM              ? Plan::one_pass
                      : (filtered.filtered || unpositioned) && dbs[0]->size() == 1 ? Plan::rank_counted
                                                                                    : Plan::rank_all;
    const Xapian::Query& ranked = unpositioned ? *unpositioned : unfiltered;
    // A query of one term (a word, or a name of one name set) matches its posting
    // list, so the counting pass can walk that list without the matcher: 'said'
    // (94,932 matches) 0.71x the time in process, a whole 'Kim Jong-un' process 0.83x.
    const bool count_postings = plan == Plan::rank_all && dbs[0]->size() == 1 &&
                                unfiltered.get_type() == Xapian::Query::LEAF_TERM;
    const std::string counted_term = count_postings ? *unfiltered.get_unique_terms_begin() : std::string();
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
            if (facets.any()) spies[part] = std::make_unique<FacetSpy>(*dbs[part], chunks, facets);
            const std::unique_ptr<Xapian::MultiValueKeyMaker> keys = date_keys(order);
            const Xapian::doccount everything = dbs[part]->get_doccount();
            if (plan == Plan::one_pass) {
                Xapian::Enquire enquire(*dbs[part]);
                enquire.set_query(part_queries[part]);
                sort_by(enquire, keys.get());
                collapse_by_story(enquire, collapse);
                if (spies[part]) enquire.add_matchspy(spies[part].get());
                MatchedDocids matched;
                // Collapsed, Xapian's count of matches is an estimate (it was 2,158 for 2,105
                // articles): its spies see every match, so one counts them.
                if (keep_matched || collapse) enquire.add_matchspy(&matched);
                msets[part] = enquire.get_mset(first, count, everything);
                totals[part] = collapse ? matched.docids().size() : msets[part].get_matches_estimated();
                if (keep_matched) matched_docids[part] = matched.take();
                return;
            }
            MatchedDocids matched;
            if (count_postings) {
                const auto [low, high] = part_docids[part];
                Xapian::PostingIterator posting = dbs[part]->postlist_begin(counted_term);
                const Xapian::PostingIterator end = dbs[part]->postlist_end(counted_term);
                if (posting != end) posting.skip_to(low);
                for (; posting != end && *posting <= high; ++posting) {
                    if (spies[part]) spies[part]->count(*posting);
                    if (keep_matched) matched.add(*posting);
                    ++totals[part];
                }
            } else {
                Xapian::Enquire counting(*dbs[part]);
                counting.set_query(part_queries[part]);
                counting.set_weighting_scheme(Xapian::BoolWeight());
                if (spies[part]) counting.add_matchspy(spies[part].get());
                if (plan == Plan::rank_counted || keep_matched) counting.add_matchspy(&matched);
                totals[part] = counting.get_mset(0, 0, everything).get_matches_estimated();
            }
            Xapian::Enquire ranking(*dbs[part]);
            sort_by(ranking, keys.get());
            collapse_by_story(ranking, collapse);
            if (plan == Plan::rank_counted) {
                ranking.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked_queries[part],
                                                Xapian::Query((new DocidList(matched.docids()))->release())));
            } else {
                ranking.set_query(part_queries[part]);
            }
            msets[part] = ranking.get_mset(first, count);
            if (keep_matched) matched_docids[part] = matched.take();
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
        matches.total += totals[part];
        // The parts' docid ranges rise with the part.
        matches.matched.insert(matches.matched.end(), matched_docids[part].begin(), matched_docids[part].end());
        add_page(matches.page, msets[part], collapse);
        if (part > 0 && spies[0]) spies[0]->merge(*spies[part]);
    }
    if (parts > 1) {
        // Xapian's own order: by date key (date orders), then by weight, then by docid.
        const std::unique_ptr<Xapian::MultiValueKeyMaker> keys = date_keys(order);
        std::vector<std::string> sort_keys;
        for (const Candidate& candidate : matches.page) sort_keys.push_back(keys ? (*keys)(candidate.document) : std::string());
        std::vector<std::size_t> at(matches.page.size());
        for (std::size_t i = 0; i < at.size(); ++i) at[i] = i;
        std::sort(at.begin(), at.end(), [&](std::size_t i, std::size_t j) {
            const Candidate& a = matches.page[i];
            const Candidate& b = matches.page[j];
            if (sort_keys[i] != sort_keys[j]) return sort_keys[i] < sort_keys[j];
            return a.weight != b.weight ? a.weight > b.weight : a.docid < b.docid;
        });
        std::vector<Candidate> sorted;
        // Each part kept a story's best article of its own docids: the best of them stays.
        std::set<std::string> stories;
        for (std::size_t i : at) {
            const std::string& story = matches.page[i].story;
            if (!story.empty() && !stories.insert(story).second) continue;
            sorted.push_back(std::move(matches.page[i]));
        }
        matches.page = std::move(sorted);
        matches.page.erase(matches.page.begin(),
                           matches.page.begin() + static_cast<std::ptrdiff_t>(std::min(matches.page.size(), offset)));
        if (matches.page.size() > limit) matches.page.resize(limit);
    }
    // A weighted pass may hand matches to its spies out of docid order.
    if (!std::is_sorted(matches.matched.begin(), matches.matched.end())) std::sort(matches.matched.begin(), matches.matched.end());
    if (spies[0]) {
        matches.outlets = facet_counts(spies[0]->outlets());
        matches.months = facet_counts(spies[0]->months());
        matches.persons = spies[0]->persons();
    }
    return matches;
}

Matches match_remote(Xapian::Database& db, const Xapian::Query& query, Order order, std::size_t offset,
                     std::size_t limit, FacetSet facets, bool collapse) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::ValueCountMatchSpy outlet_spy(schema::slot_outlet);
    Xapian::ValueCountMatchSpy month_spy(schema::slot_month);
    Xapian::ValueCountMatchSpy person_spy(schema::slot_persons);
    if (facets.outlet) enquire.add_matchspy(&outlet_spy);
    if (facets.month) enquire.add_matchspy(&month_spy);
    if (facets.person) enquire.add_matchspy(&person_spy);
    const Xapian::MSet mset =
        enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit), db.get_doccount());
    Matches matches;
    matches.total = mset.get_matches_estimated();
    // Sorted by date, remote shards counted some matches twice in the spies and the
    // total ('NOT missile' over shards_test's stub: 8,945 for Kim Jong Un against 8,939):
    // the counts come from the unsorted pass above, the page from a sorted one.
    // The remote backend sorts by a value, not by a key: undated articles (no value) sort
    // last newest first, and first oldest first, so that order pages through the dated
    // matches, then the undated ones.
    auto sorted_page = [&](const Xapian::Query& part, bool reverse, std::size_t from, std::size_t most) {
        Xapian::Enquire sorted(db);
        sorted.set_query(part);
        sorted.set_sort_by_value_then_relevance(schema::slot_date, reverse);
        collapse_by_story(sorted, collapse);
        return sorted.get_mset(static_cast<Xapian::doccount>(from), static_cast<Xapian::doccount>(most));
    };
    std::vector<Xapian::MSet> pages;
    if (order == Order::relevance && !collapse) {
        pages.push_back(mset);
    } else if (order == Order::relevance) {
        // Counted above, every article seen by the spies; ranked here by story.
        Xapian::Enquire collapsed(db);
        collapsed.set_query(query);
        collapse_by_story(collapsed, true);
        pages.push_back(collapsed.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit)));
    } else if (order == Order::newest) {
        pages.push_back(sorted_page(query, true, offset, limit));
    } else {
        const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::slot_date, std::string(1, '0'));
        const Xapian::Query dated_matches(Xapian::Query::OP_FILTER, query, dated);
        pages.push_back(sorted_page(dated_matches, false, offset, limit));
        if (pages[0].size() < limit) {
            // Counted unsorted, for the reason above.
            Xapian::Enquire counting(db);
            counting.set_query(dated_matches);
            counting.set_weighting_scheme(Xapian::BoolWeight());
            std::size_t dated_total = counting.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
            // Collapsed, the dated pages hold stories: the undated ones start after them.
            if (collapse) {
                const Result<StoriesFound> dated = stories_by_query(db, dated_matches, dated_total, {});
                if (!dated) throw Xapian::DatabaseError(dated.error().message);
                dated_total = dated->stories;
            }
            pages.push_back(sorted_page(Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated), false,
                                        offset > dated_total ? offset - dated_total : 0, limit - pages[0].size()));
        }
    }
    for (const Xapian::MSet& page : pages) add_page(matches.page, page, collapse);
    matches.outlets = read_facet(outlet_spy);
    matches.months = read_facet(month_spy);
    matches.persons = schema::person_counts(person_spy);
    return matches;
}

Xapian::Query beyond_narrower(const Xapian::Database& db, const Xapian::Query& wider, const Xapian::Query& narrower) {
    const schema::Field& field = schema::chrome_text;
    // What only weighs (AND_MAYBE's right, a scale) decides nothing about matching.
    Xapian::Query deciding = wider;
    while (deciding.get_type() == Xapian::Query::OP_AND_MAYBE || deciding.get_type() == Xapian::Query::OP_SCALE_WEIGHT) {
        deciding = deciding.get_subquery(0);
    }
    // An alternative that reads nothing of `field` matches only what `narrower` matches.
    if (deciding.get_type() == Xapian::Query::OP_OR) {
        std::vector<Xapian::Query> kept;
        for (std::size_t n = 0; n < deciding.get_num_subqueries(); ++n) {
            if (may_read_field(deciding.get_subquery(n), field)) kept.push_back(deciding.get_subquery(n));
        }
        deciding = kept.empty() ? Xapian::Query::MatchNothing : Xapian::Query(Xapian::Query::OP_OR, kept.begin(), kept.end());
    }
    // Where both queries read alike without some terms, an article holding none of them
    // matches both or neither. Chrome-only markers stand for the terms read without
    // positions: "Kim" is in the chrome of 7,117 of the bench corpus's 10,000 pages, and
    // marked in 1,300. Xapian's AND steps through its rarest part: mostly the articles
    // holding the terms.
    const std::optional<ChromeFreeReading> wide = read_without_chrome(db, wider);
    const std::optional<ChromeFreeReading> narrow =
        wide && !may_read_field(narrower, field) ? read_without_chrome(db, narrower) : std::nullopt;
    if (wide && narrow && wide->signature == narrow->signature) {
        const std::set<std::string> terms(wide->terms.begin(), wide->terms.end());
        if (terms.empty()) return Xapian::Query::MatchNothing;
        const Xapian::Query holding = terms.size() == 1 ? Xapian::Query(*terms.begin())
                                                        : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
        const bool markers_only = std::all_of(terms.begin(), terms.end(), [](const std::string& term) {
            return term.starts_with(schema::chrome_only_marker);
        });
        if (markers_only) {
            // A word alone, or words joined by OR: an article holding one of their markers
            // holds its chrome term, which `deciding` matches.
            std::set<std::string> marked;
            for (const std::string& term : alternatives_of(deciding, field)) {
                if (std::optional<std::string> marker = schema::chrome_only_term(term)) marked.insert(std::move(*marker));
            }
            if (std::includes(marked.begin(), marked.end(), terms.begin(), terms.end())) return holding;
            return Xapian::Query(Xapian::Query::OP_FILTER, deciding, holding);
        }
        // Without markers, the chrome terms are no rarer than a `deciding` reading only them.
        if (!only_field_terms(deciding, field)) return Xapian::Query(Xapian::Query::OP_FILTER, deciding, holding);
    }
    if (only_field_terms(deciding, field)) return deciding;
    // An article holding none of `field`'s terms matches both queries or neither.
    std::vector<std::string> terms;
    for (auto it = deciding.get_unique_terms_begin(); it != deciding.get_unique_terms_end(); ++it) {
        if (schema::is_term_of(field, *it)) terms.push_back(*it);
    }
    if (terms.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_FILTER, deciding, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
}

std::size_t count_beyond(Xapian::Database& db, const Xapian::Query& beyond, const Xapian::Query& narrower,
                         const std::vector<Xapian::docid>* matched) {
    // A word alone: the articles holding its chrome-only marker, none of which `narrower`
    // (the word's article term) matches.
    if (beyond.get_type() == Xapian::Query::LEAF_TERM && narrower.get_type() == Xapian::Query::LEAF_TERM) {
        const std::string term = *beyond.get_unique_terms_begin();
        if (schema::marks_absence_of(term, *narrower.get_unique_terms_begin())) return db.get_termfreq(term);
    }
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    // A posting source sees the docids of each shard, not the whole index's.
    if (!matched || db.size() != 1) {
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, beyond, narrower));
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    }
    if (beyond.get_type() == Xapian::Query::LEAF_TERM) {
        // One chrome term: its postings that are no match, walked beside the matches.
        const std::string term = *beyond.get_unique_terms_begin();
        std::size_t count = 0;
        auto match = matched->begin();
        for (Xapian::PostingIterator it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
            match = std::lower_bound(match, matched->end(), *it);
            count += match != matched->end() && *match == *it ? 0 : 1;
        }
        return count;
    }
    // Under an AND-like operator Xapian checks positions (phrases, NEAR) after AND_NOT: the
    // chrome's positions are read only for articles the search did not match.
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_AND_NOT, beyond,
                                                  Xapian::Query((new DocidList(*matched))->release())),
                                    Xapian::Query((new DocidRange(1, db.get_lastdocid()))->release())));
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace corpus::searcher
