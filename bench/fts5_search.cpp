// Baseline 2 of scripts/benchmark, search side: FTS5 MATCH over title and body, the
// first page of 10 by bm25 (ORDER BY rank) with snippet() of the body, the exact total
// and outlet and month facets from GROUP BY over the whole match set, filters as WHERE
// clauses on the unindexed outlet and date columns. Statements are prepared once per
// query shape and reused, as a long-running service would. Times the query mix in
// process (see bench::time_query_mix) and prints JSON lines.
#include "bench_common.h"

#include <sqlite3.h>

#include <map>

namespace {

constexpr const char* usage =
    "usage: fts5-search --db FILE --queries FILE [--reps N]\n"
    "Answers each query of FILE (category TAB query TAB outlet TAB from TAB to) N times.\n";

volatile std::size_t sink;  // keeps the page's work from being optimised away

void check(sqlite3* db, int rc, const std::string& what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(what + ": " + sqlite3_errmsg(db));
    }
}

// The filters, always present so one statement serves every query: an empty outlet
// means any, and the date range defaults to everything (unknown dates, stored empty,
// fall outside any range given).
constexpr const char* filters =
    " AND (?2 = '' OR outlet = ?2) AND ((?3 = '' AND ?4 = '') OR date BETWEEN ?3 AND ?4)";

class Statement {
public:
    Statement(sqlite3* db, const std::string& sql) : db_(db) {
        check(db, sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr), "preparing " + sql);
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() { sqlite3_finalize(stmt_); }

    void bind(const bench::BenchQuery& q) {
        sqlite3_reset(stmt_);
        const std::string from = q.from.empty() && !q.to.empty() ? "0000-01-01" : q.from;
        const std::string to = q.to.empty() && !q.from.empty() ? "9999-12-31" : q.to;
        bind_text(1, q.query);
        bind_text(2, q.outlet);
        bind_text(3, from);
        bind_text(4, to);
    }
    bool step() {
        const int rc = sqlite3_step(stmt_);
        check(db_, rc, "running a query");
        return rc == SQLITE_ROW;
    }
    std::string text(int column) const {
        const unsigned char* value = sqlite3_column_text(stmt_, column);
        return value ? reinterpret_cast<const char*>(value) : "";
    }
    std::size_t count(int column) const { return static_cast<std::size_t>(sqlite3_column_int64(stmt_, column)); }

private:
    void bind_text(int index, const std::string& value) {
        check(db_, sqlite3_bind_text(stmt_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT),
              "binding");
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    return bench::guarded_main("fts5-search", [&] {
        const bench::Options options = bench::parse_options(argc, argv, usage);
        if (options.queries.empty()) throw std::runtime_error("--queries is required");
        const std::vector<bench::BenchQuery> queries = bench::read_queries(options.queries);
        sqlite3* db = nullptr;
        check(db, sqlite3_open_v2(options.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), "opening " + options.db);
        int status = 0;
        {
            Statement page(db, std::string("SELECT id, title, outlet, date, snippet(docs, 1, '<b>', '</b>', '...', 36)"
                                           " FROM docs WHERE docs MATCH ?1") +
                                   filters + " ORDER BY rank LIMIT 10");
            Statement outlet_facet(db, std::string("SELECT outlet, count(*) FROM docs WHERE docs MATCH ?1") + filters +
                                           " GROUP BY outlet ORDER BY count(*) DESC");
            Statement month_facet(db, std::string("SELECT CASE WHEN date = '' THEN 'unknown' ELSE substr(date, 1, 7) END"
                                                  " AS month, count(*) FROM docs WHERE docs MATCH ?1") +
                                          filters + " GROUP BY month ORDER BY month");
            std::size_t checksum = 0;
            status = bench::time_query_mix("fts5", queries, options.reps, [&](const bench::BenchQuery& q) {
                page.bind(q);
                while (page.step()) checksum += page.text(0).size() + page.text(1).size() + page.text(4).size();
                std::size_t total = 0;
                outlet_facet.bind(q);
                while (outlet_facet.step()) total += outlet_facet.count(1);
                month_facet.bind(q);
                while (month_facet.step()) checksum += month_facet.count(1);
                return total;
            });
            sink = checksum;
        }
        sqlite3_close(db);
        return status;
    });
}
