// Baseline 1 of scripts/benchmark, search side: QueryParser (English stemmer, AND as the
// default operator, boolean operators, phrases, NEAR, pure NOT, trailing wildcards
// expanded over the database's unstemmed words with no limit), filters as a boolean
// outlet term and a date value range, the first page of 10 with MSet::snippet of each
// hit's text, and exact outlet and month facets from ValueCountMatchSpy with
// checkatleast = the document count. Times the query mix in process (see
// bench::time_query_mix) and prints JSON lines.
#include "bench_common.h"

#include <xapian.h>

namespace {

constexpr const char* usage =
    "usage: plain-xapian-search --db DIR --queries FILE [--reps N | --ids]\n"
    "Answers each query of FILE (category TAB query TAB outlet TAB from TAB to) N times;\n"
    "with --ids, once, printing the ids of every article it matches.\n";

std::string compact_date(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out += c;
    }
    return out;
}

volatile std::size_t sink;  // keeps the page's work from being optimised away

}  // namespace

int main(int argc, char** argv) {
    return bench::guarded_main("plain-xapian-search", [&] {
        const bench::Options options = bench::parse_options(argc, argv, usage);
        if (options.queries.empty()) throw std::runtime_error("--queries is required");
        const std::vector<bench::BenchQuery> queries = bench::read_queries(options.queries);
        try {
            Xapian::Database db(options.db);
            const Xapian::Stem stemmer("english");
            Xapian::QueryParser parser;
            parser.set_database(db);
            parser.set_stemmer(stemmer);
            parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            parser.set_default_op(Xapian::Query::OP_AND);
            const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT |
                                   Xapian::QueryParser::FLAG_WILDCARD;
            auto build_query = [&](const bench::BenchQuery& q) {
                Xapian::Query query = parser.parse_query(q.query, flags);
                if (!q.outlet.empty()) {
                    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query("XO" + q.outlet));
                }
                if (!q.from.empty() || !q.to.empty()) {
                    const std::string low = q.from.empty() ? "00000101" : compact_date(q.from);
                    const std::string high = q.to.empty() ? "99991231" : compact_date(q.to);
                    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, low, high));
                }
                return query;
            };
            if (options.ids) {
                // Every word by its stem, as corpus-search matches a bare word: STEM_SOME
                // leaves capitalized words unstemmed, so "Putin" would miss "Putin's".
                parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
                return bench::print_matching_ids("plain-xapian", queries, [&](const bench::BenchQuery& q) {
                    Xapian::Enquire enquire(db);
                    enquire.set_query(build_query(q));
                    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
                    std::vector<std::string> ids;
                    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
                        const Xapian::Document doc = it.get_document();
                        Xapian::TermIterator term = doc.termlist_begin();
                        term.skip_to("Q");
                        if (term != doc.termlist_end() && (*term).starts_with("Q")) ids.push_back((*term).substr(1));
                    }
                    return ids;
                });
            }
            std::size_t checksum = 0;
            const int status = bench::time_query_mix("plain-xapian", queries, options.reps, [&](const bench::BenchQuery& q) {
                Xapian::Enquire enquire(db);
                enquire.set_query(build_query(q));
                Xapian::ValueCountMatchSpy outlets(1);
                Xapian::ValueCountMatchSpy months(2);
                enquire.add_matchspy(&outlets);
                enquire.add_matchspy(&months);
                const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
                for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
                    const Xapian::Document doc = it.get_document();
                    const std::string title = doc.get_value(3);
                    const std::string snippet = mset.snippet(doc.get_data(), 240, stemmer);
                    checksum += title.size() + snippet.size();
                }
                for (Xapian::TermIterator it = outlets.top_values_begin(30); it != outlets.top_values_end(30); ++it) {
                    checksum += it.get_termfreq();
                }
                for (Xapian::TermIterator it = months.values_begin(); it != months.values_end(); ++it) {
                    checksum += it.get_termfreq();
                }
                return static_cast<std::size_t>(mset.get_matches_estimated());
            });
            sink = checksum;
            return status;
        } catch (const Xapian::Error& e) {
            throw std::runtime_error(e.get_description());
        }
    });
}
