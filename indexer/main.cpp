// corpus-index: a thin front-end over the indexer library.
#include "indexer/indexer.h"
#include "schema/index.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <unistd.h>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_error = 2;
constexpr int exit_busy = 75;  // EX_TEMPFAIL: another run holds the index; try later

int fail(const corpus::Error& error) {
    fmt::print(stderr, "corpus-index: {}{}{}\n", error.message, error.hint.empty() ? "" : "; ", error.hint);
    return error.code == corpus::ErrorCode::busy ? exit_busy : exit_error;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index article files into a corpus-search index.", "corpus-index"};
    std::string db_flag;
    std::vector<std::string> sources;
    bool rebuild = false;
    bool no_metadata = false;
    bool quiet = false;
    std::uintmax_t max_file_bytes = corpus::indexer::default_max_file_bytes;
    std::size_t batch_size = 1000;
    unsigned shards = 0;
    unsigned jobs = 0;
    app.add_option("--db", db_flag, "index folder (default: $CORPUS_SEARCH_DB, else ~/.local/share/corpus-search/index)");
    app.add_flag("--rebuild", rebuild, "build a fresh index beside the live one, then switch to it atomically");
    app.add_flag("--no-metadata", no_metadata, "ignore <id>.meta.json files: index the text alone");
    app.add_option("--max-file-size", max_file_bytes, "skip files larger than this many bytes")
        ->capture_default_str();
    app.add_option("--batch-size", batch_size, "articles per committed transaction")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    app.add_option("--shards", shards,
                   "split a new index into N shards (DIR/shard-00...), listed in DIR's stub; "
                   "later runs keep the layout")
        ->check(CLI::Range(1, 99));
    app.add_option("--jobs", jobs, "threads for a first build or a rebuild (default: one per core)")
        ->check(CLI::Range(1, 256));
    app.add_flag("-q,--quiet", quiet, "no progress display and no summary line");
    app.add_option("SOURCE", sources, "article files or folders (default: the bundled data/)");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "corpus-index: {}; see corpus-index --help\n", e.what());
        return exit_error;
    }

    corpus::indexer::IndexOptions options;
    options.db_path = corpus::schema::resolve_index_path(db_flag);
    options.rebuild = rebuild;
    options.use_metadata = !no_metadata;
    options.max_file_bytes = max_file_bytes;
    options.batch_size = batch_size;
    options.shards = shards;
    options.jobs = jobs;
    if (sources.empty()) sources.push_back(CORPUS_BUNDLED_DATA_DIR);
    options.sources.assign(sources.begin(), sources.end());

    // Progress is for people watching a terminal; scripts and logs get only the summary.
    const bool show_progress = !quiet && ::isatty(STDERR_FILENO);
    corpus::indexer::IndexObserver observer;
    observer.warning = [&](const std::string& line) {
        fmt::print(stderr, "{}corpus-index: warning: {}\n", show_progress ? "\r\033[K" : "", line);
    };
    if (show_progress) {
        observer.progress = [](std::size_t done, std::size_t total) {
            fmt::print(stderr, "\r\033[Kindexing {}/{} files", done, total);
            if (done == total) fmt::print(stderr, "\r\033[K");
        };
    }

    corpus::Result<corpus::indexer::IndexSummary> summary = corpus::indexer::run_index(options, observer);
    if (!summary) return fail(summary.error());
    if (!quiet) {
        fmt::print("{}: {} added, {} updated, {} deleted, {} unchanged, {} skipped ({} repaired) in {:.2f} s\n",
                   options.db_path, summary->added, summary->updated, summary->deleted, summary->unchanged,
                   summary->skipped, summary->repaired, summary->seconds);
    }
    return exit_ok;
}
