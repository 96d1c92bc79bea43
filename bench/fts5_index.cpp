// Baseline 2 of scripts/benchmark, indexing side: SQLite FTS5 as its documentation
// suggests. One table, docs(title, body, outlet UNINDEXED, date UNINDEXED, id
// UNINDEXED), tokenizer 'porter unicode61 remove_diacritics 2'; the body is the whole
// page text (no segmentation). All inserts in one transaction through one prepared
// statement, then FTS5's 'optimize' merge, as one does after a bulk load.
// Prints one JSON line: docs, bytes read, seconds, peak RSS.
#include "bench_common.h"

#include <sqlite3.h>

namespace {

constexpr const char* usage =
    "usage: fts5-index --db FILE CORPUS_DIR\n"
    "Indexes every CORPUS_DIR/<id>.txt (with <id>.meta.json) into a new SQLite FTS5 database.\n";

void check(sqlite3* db, int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
    }
}

void exec(sqlite3* db, const char* sql) {
    check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

}  // namespace

int main(int argc, char** argv) {
    return bench::guarded_main("fts5-index", [&] {
        const bench::Options options = bench::parse_options(argc, argv, usage);
        if (options.corpus.empty()) throw std::runtime_error("give the corpus folder");
        std::filesystem::remove(options.db);
        const bench::Clock::time_point start = bench::Clock::now();
        sqlite3* db = nullptr;
        check(db, sqlite3_open(options.db.c_str(), &db), "opening the database");
        exec(db,
             "CREATE VIRTUAL TABLE docs USING fts5(title, body, outlet UNINDEXED, date UNINDEXED, id UNINDEXED,"
             " tokenize = 'porter unicode61 remove_diacritics 2')");
        exec(db, "BEGIN");
        sqlite3_stmt* insert = nullptr;
        check(db, sqlite3_prepare_v2(db, "INSERT INTO docs(title, body, outlet, date, id) VALUES (?, ?, ?, ?, ?)", -1,
                                     &insert, nullptr),
              "preparing the insert");
        std::uint64_t bytes = 0;
        std::size_t docs = 0;
        for (const auto& path : bench::list_articles(options.corpus)) {
            const bench::CorpusDoc article = bench::load_article(path, bytes);
            sqlite3_bind_text(insert, 1, article.title.data(), static_cast<int>(article.title.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 2, article.text.data(), static_cast<int>(article.text.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 3, article.outlet.data(), static_cast<int>(article.outlet.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 4, article.date.data(), static_cast<int>(article.date.size()), SQLITE_STATIC);
            sqlite3_bind_text(insert, 5, article.id.data(), static_cast<int>(article.id.size()), SQLITE_STATIC);
            check(db, sqlite3_step(insert), "inserting an article");
            sqlite3_reset(insert);
            ++docs;
        }
        sqlite3_finalize(insert);
        exec(db, "COMMIT");
        exec(db, "INSERT INTO docs(docs) VALUES ('optimize')");
        check(db, sqlite3_close(db), "closing the database");
        bench::print_index_summary("fts5", docs, bytes, bench::seconds_since(start));
        return 0;
    });
}
