// corpus-search's side of scripts/benchmark's in-process latency: the query mix answered
// through the same library call the CLI makes (corpus::searcher::Searcher::search), with
// the first page of 10, snippets and the outlet, month and person facets over the whole
// match set, exactly as a results page needs them; nothing is rendered. Times the mix
// (see bench::time_query_mix) and prints JSON lines.
#include "bench_common.h"

#include "schema/date.h"
#include "searcher/search.h"

namespace {

constexpr const char* usage =
    "usage: corpus-search-latency --db DIR --queries FILE [--reps N | --ids] [--matches-per-thread N]\n"
    "Answers each query of FILE (category TAB query TAB outlet TAB from TAB to) N times;\n"
    "with --ids, once over the whole page (--scope all), printing the ids of every article\n"
    "it matches. --matches-per-thread overrides the estimated matches a thread must have\n"
    "before a query is split between cores.\n";

volatile std::size_t sink;  // keeps the page's work from being optimised away

std::optional<corpus::schema::Date> date_or_none(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::optional<corpus::schema::Date> date = corpus::schema::parse_date(text);
    if (!date) throw std::runtime_error("bad date in the query mix: " + text);
    return date;
}

corpus::searcher::Parallelism parallelism(const bench::Options& options) {
    corpus::searcher::Parallelism parallelism;
    if (options.matches_per_thread > 0) parallelism.matches_per_thread = options.matches_per_thread;
    return parallelism;
}

std::string describe(const corpus::Error& error) {
    return error.message + (error.hint.empty() ? "" : " (" + error.hint + ")");
}

}  // namespace

int main(int argc, char** argv) {
    return bench::guarded_main("corpus-search-latency", [&] {
        const bench::Options options = bench::parse_options(argc, argv, usage);
        if (options.queries.empty()) throw std::runtime_error("--queries is required");
        const std::vector<bench::BenchQuery> queries = bench::read_queries(options.queries);
        corpus::Result<corpus::searcher::Searcher> opened = corpus::searcher::Searcher::open(
            options.db, corpus::schema::default_shard_timeout, parallelism(options));
        if (!opened) throw std::runtime_error(describe(opened.error()));
        corpus::searcher::Searcher& searcher = opened.value();
        auto make_request = [&](const bench::BenchQuery& q) {
            corpus::searcher::SearchRequest request;
            request.query = q.query;
            request.limit = 10;
            if (!q.outlet.empty()) request.outlets.push_back(q.outlet);
            request.from = date_or_none(q.from);
            request.to = date_or_none(q.to);
            request.collapse = true;  // as corpus-search pages by default: one result per story
            return request;
        };
        if (options.ids) {
            return bench::print_matching_ids("corpus-search", queries, [&](const bench::BenchQuery& q) {
                corpus::searcher::SearchRequest request = make_request(q);
                request.scope = corpus::searcher::Scope::all;
                request.limit = std::size_t{1} << 30;  // every match of any corpus here
                request.snippets = false;
                request.collapse = false;  // every matching article, as --ids lists them
                const corpus::Result<corpus::searcher::SearchResult> result = searcher.search(request);
                if (!result) throw std::runtime_error(q.query + ": " + describe(result.error()));
                std::vector<std::string> ids;
                for (const corpus::searcher::Hit& hit : result->hits) ids.push_back(hit.id);
                return ids;
            });
        }
        std::size_t checksum = 0;
        const int status = bench::time_query_mix("corpus-search", queries, options.reps, [&](const bench::BenchQuery& q) {
            const corpus::searcher::SearchRequest request = make_request(q);
            const corpus::Result<corpus::searcher::SearchResult> result = searcher.search(request);
            if (!result) throw std::runtime_error(q.query + ": " + describe(result.error()));
            for (const corpus::searcher::Hit& hit : result->hits) {
                checksum += hit.title.size() + hit.snippet.parts.size();
            }
            checksum += result->outlet_facet.size() + result->month_facet.size() + result->person_facet.size();
            return result->total;
        });
        sink = checksum;
        return status;
    });
}
