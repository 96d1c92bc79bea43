// corpus-index: a thin front-end over the indexer library.
#include "indexer/indexer.h"
#include "schema/index.h"
#include "schema/text.h"
#include "schema/version.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <unistd.h>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_error = 2;
constexpr int exit_busy = 75;  // EX_TEMPFAIL: another run holds the index; try later

// Messages escape the values they echo already; escaping the whole line again (which
// leaves what is printable alone) makes sure that nothing can ever split it in two.
std::string one_line(const std::string& text) {
    return corpus::schema::printable(text, 4000);
}

int fail(const corpus::Error& error) {
    fmt::print(stderr, "corpus-index: {}\n",
               one_line(error.message + (error.hint.empty() ? "" : "; ") + error.hint));
    return error.code == corpus::ErrorCode::busy ? exit_busy : exit_error;
}

struct Count {
    const char* option;
    std::string text;  // as given; empty when not given
    std::uintmax_t min;
    std::uintmax_t max;
};

// A whole number in the option's range (schema::whole_number), or the error naming it.
std::optional<std::uintmax_t> parse_count(const Count& count, std::string& error) {
    if (const auto value = corpus::schema::whole_number(count.text, count.min, count.max)) return value;
    error = fmt::format("{} takes a whole number from {} to {}, not \"{}\"", count.option, count.min, count.max,
                        corpus::schema::printable(count.text));
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Index article files into a corpus-search index.", "corpus-index"};
    std::string db_flag;
    std::vector<std::string> sources;
    bool rebuild = false;
    bool no_metadata = false;
    bool quiet = false;
    bool follow_symlinks = false;
    // Read as text and checked below (parse_count).
    Count max_file_bytes{"--max-file-size", std::to_string(corpus::indexer::default_max_file_bytes), 1, 1u << 30};
    Count batch_size{"--batch-size", "1000", 1, 1000000};
    Count shards{"--shards", "", 1, 99};
    Count jobs{"--jobs", "", 1, 256};
    app.add_option("--db", db_flag, "index folder (default: $CORPUS_SEARCH_DB, else ~/.local/share/corpus-search/index)");
    app.add_flag("--rebuild", rebuild, "build a fresh index beside the live one, then switch to it atomically");
    app.add_flag("--no-metadata", no_metadata, "ignore <id>.meta.json files: index the text alone");
    app.add_option("--max-file-size", max_file_bytes.text, "skip files larger than this many bytes (1 to 1073741824)")
        ->type_name("N")
        ->capture_default_str();
    app.add_option("--batch-size", batch_size.text, "articles per committed transaction (1 to 1000000)")
        ->type_name("N")
        ->capture_default_str();
    app.add_option("--shards", shards.text,
                   "split a new index into N shards (DIR/shard-00...), listed in DIR's stub; "
                   "later runs keep the layout (1 to 99)")
        ->type_name("N");
    app.add_option("--jobs", jobs.text, "threads for a first build or a rebuild (1 to 256; default: one per core)")
        ->type_name("N");
    app.add_flag("--follow-symlinks", follow_symlinks,
                 "follow symbolic links inside the source folders (each folder is listed once, so a loop "
                 "ends); without it they are skipped and counted");
    app.add_flag("-q,--quiet", quiet, "no progress display and no summary line");
    bool version = false;
    app.add_flag("--version", version, "print the release and the index schema it writes, and exit");
    app.add_option("SOURCE", sources,
                   "article files or folders (default: the bundled data/); a SOURCE that is a symbolic link "
                   "is followed, as you named it");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        fmt::print(stderr, "corpus-index: {}; see corpus-index --help\n", one_line(e.what()));
        return exit_error;
    }
    if (version) {
        fmt::print("{}", corpus::schema::version_line("corpus-index"));
        return exit_ok;
    }
    std::string bad_number;
    std::optional<std::uintmax_t> max_file_value = parse_count(max_file_bytes, bad_number);
    std::optional<std::uintmax_t> batch_value = parse_count(batch_size, bad_number);
    std::optional<std::uintmax_t> shards_value = shards.text.empty() ? 0 : parse_count(shards, bad_number);
    std::optional<std::uintmax_t> jobs_value = jobs.text.empty() ? 0 : parse_count(jobs, bad_number);
    if (!bad_number.empty()) {
        fmt::print(stderr, "corpus-index: {}; see corpus-index --help\n", one_line(bad_number));
        return exit_error;
    }

    corpus::indexer::IndexOptions options;
    options.db_path = corpus::schema::resolve_index_path(db_flag);
    options.rebuild = rebuild;
    options.use_metadata = !no_metadata;
    options.follow_symlinks = follow_symlinks;
    options.max_file_bytes = *max_file_value;
    options.batch_size = static_cast<std::size_t>(*batch_value);
    options.shards = static_cast<unsigned>(*shards_value);
    options.jobs = static_cast<unsigned>(*jobs_value);
    if (sources.empty()) sources.push_back(CORPUS_BUNDLED_DATA_DIR);
    options.sources.assign(sources.begin(), sources.end());

    // Progress is for people watching a terminal; scripts and logs get only the summary.
    const bool show_progress = !quiet && ::isatty(STDERR_FILENO);
    corpus::indexer::IndexObserver observer;
    observer.warning = [&](const std::string& line) {
        fmt::print(stderr, "{}corpus-index: warning: {}\n", show_progress ? "\r\033[K" : "", one_line(line));
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
        fmt::print("{}: {} added, {} updated, {} deleted, {} unchanged, {} skipped ({} repaired), {} link{} skipped "
                   "in {:.2f} s\n",
                   one_line(options.db_path), summary->added, summary->updated, summary->deleted, summary->unchanged,
                   summary->skipped, summary->repaired, summary->links_skipped,
                   summary->links_skipped == 1 ? "" : "s", summary->seconds);
    }
    // The run is done, but a summary lost on a full disk must not pass for one written.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        return fail(corpus::make_error(corpus::ErrorCode::io, std::string("cannot write output: ") +
                                                                  std::strerror(errno != 0 ? errno : EIO)));
    }
    return exit_ok;
}
