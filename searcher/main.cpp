// corpus-search: a thin front-end over the searcher library.
#include "schema/index.h"
#include "schema/text.h"
#include "schema/version.h"
#include "searcher/batch.h"
#include "searcher/digest.h"
#include "searcher/input_lines.h"
#include "searcher/option_layers.h"
#include "searcher/render.h"
#include "searcher/request.h"
#include "searcher/search.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unistd.h>

namespace {

using corpus::searcher::SearchRequest;
using corpus::searcher::Searcher;

// Like grep: something matched, nothing matched, or an error.
constexpr int exit_match = 0;
constexpr int exit_no_match = 1;
constexpr int exit_error = 2;

// Every error is one line, whatever values its message echoes.
int fail(const corpus::Error& error) {
    const std::string line = error.message + (error.hint.empty() ? "" : "; ") + error.hint;
    std::fprintf(stderr, "corpus-search: %s\n", corpus::schema::printable(line, 1000).c_str());
    return exit_error;
}

// Output that could not be written (a full disk, a closed pipe's reader gone) is an error,
// never a silent loss: every result goes through write_output, and finish_output checks
// what stdio still buffers.
struct OutputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

void write_output(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
        throw OutputError(std::strerror(errno));
    }
}

int finish_output(int status) {
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        const int error = errno;
        return fail(corpus::make_error(corpus::ErrorCode::io, std::string("cannot write output: ") +
                                                                  std::strerror(error != 0 ? error : EIO)));
    }
    return status;
}

CLI::Validator whole_number(std::size_t least, std::size_t most) {
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            const corpus::Status valid = corpus::searcher::check_whole_number(text, least, most);
            return valid ? std::string() : valid.error().message;
        },
        fmt::format("INT in {} to {}", least, most));
}

CLI::Validator seconds_between(double least, double most) {
    const std::string range = fmt::format("{} to {}", least, most);
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            char* end = nullptr;
            errno = 0;
            const double value = text.empty() ? NAN : std::strtod(text.c_str(), &end);
            if (!std::isfinite(value) || errno != 0 || *end != '\0' || value < least || value > most) {
                return "must be a number of seconds from " + range + ", not \"" + corpus::schema::printable(text, 40) +
                       "\"";
            }
            return {};
        },
        "SECONDS in " + range);
}

int usage_error(const std::string& message) {
    return fail(corpus::make_error(corpus::ErrorCode::usage, message, "see corpus-search --help"));
}

struct Options {
    std::string db;
    std::string config;
    std::string format = "text";
    std::string color = "auto";
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::vector<std::string> outlets;
    std::vector<std::string> persons;
    std::string scope = "article";
    std::string sort = "relevance";
    std::string from;
    std::string to;
    std::optional<std::string> facets;
    std::optional<std::string> facet_limit;
    std::string new_since;
    std::string digest;
    bool explain = false;
    bool collapse = true;
    bool version = false;
    bool count = false;
    bool ids = false;
    bool kwic = false;
    std::optional<std::string> kwic_width;
    std::string show_id;
    std::optional<std::string> like;
    std::string batch;
    double shard_timeout = std::chrono::duration<double>(corpus::schema::default_shard_timeout).count();
    std::vector<std::string> query_words;
};

corpus::searcher::OutputFormat output_format(const Options& opt) {
    using corpus::searcher::OutputFormat;
    return opt.format == "json" ? OutputFormat::json : opt.format == "csv" ? OutputFormat::csv : OutputFormat::text;
}

bool use_terminal_style(const std::string& color) {
    if (color == "always") return true;
    if (color == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

corpus::searcher::TextStyle text_style(const Options& opt) {
    corpus::searcher::TextStyle style =
        use_terminal_style(opt.color) ? corpus::searcher::terminal_style() : corpus::searcher::plain_style();
    style.explain = opt.explain;
    return style;
}

void define_options(CLI::App& app, Options& opt) {
    // Layered options may come several times (config, environment, flag): the last wins.
    auto last_wins = [](CLI::Option* option) { return option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast); };
    last_wins(app.add_option("--db", opt.db,
                             "index folder, or a stub file listing shards (auto PATH, remote HOST:PORT) "
                             "(default: ~/.local/share/corpus-search/index) [env: CORPUS_SEARCH_DB]"));
    app.add_option("--shard-timeout", opt.shard_timeout,
                   "seconds a remote shard may take to connect or to answer a request before the search fails "
                   "naming it")
        ->check(seconds_between(0.001, 3600.0))
        ->capture_default_str();
    app.add_option("--config", opt.config,
                   "config file of \"key = value\" lines for db, format, limit, scope, color "
                   "(default: ~/.config/corpus-search/config) [env: CORPUS_SEARCH_CONFIG]");
    last_wins(app.add_option("--format", opt.format, "output format [env: CORPUS_SEARCH_FORMAT]")
                  ->check(CLI::IsMember({"text", "json", "csv"}))
                  ->capture_default_str());
    last_wins(app.add_option("--limit", opt.limit, "how many results to show [env: CORPUS_SEARCH_LIMIT]")
                  ->check(whole_number(0, corpus::searcher::max_limit))
                  ->capture_default_str());
    app.add_option("--offset", opt.offset, "how many results to skip first")
        ->check(whole_number(0, corpus::searcher::max_offset))
        ->capture_default_str();
    app.add_option("--outlet", opt.outlets, "only articles from this outlet (repeat for several)")
        ->allow_extra_args(false);
    app.add_option("--person", opt.persons, "only articles mentioning this person, in any spelling (repeat for several)")
        ->allow_extra_args(false);
    last_wins(app.add_option("--scope", opt.scope,
                             "search the article (title and body) or the whole page, chrome included "
                             "[env: CORPUS_SEARCH_SCOPE]")
                  ->check(CLI::IsMember({"article", "all"}))
                  ->capture_default_str());
    app.add_option("--sort", opt.sort,
                   "order of the results: relevance, or newest or oldest first (undated articles last, ties by "
                   "relevance); filters alone, with no query, list newest first unless oldest is asked for")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    app.add_option("--from", opt.from, "only articles published on or after this date (YYYY-MM-DD)");
    app.add_option("--to", opt.to, "only articles published on or before this date (YYYY-MM-DD)");
    app.add_option_function<std::string>(
        "--facets", [&opt](const std::string& list) { opt.facets = list; },
        "facets to count and show: outlet, date, person, separated by commas, or none (default: all three)")
        ->type_name("LIST");
    app.add_option_function<std::string>(
        "--facet-limit", [&opt](const std::string& most) { opt.facet_limit = most; },
        fmt::format("values to show of each facet, from 1: the outlets and people with the most articles, the "
                    "latest months (default: {} in text, all in JSON)",
                    corpus::searcher::default_text_facet_limit))
        ->type_name("N");
    app.add_option("--new-since", opt.new_since,
                   "only articles added to the index or changed after WHEN: a date (YYYY-MM-DD, UTC), a date-time "
                   "(YYYY-MM-DDTHH:MM[:SS], UTC unless an offset such as +09:00 is given) or a time back from now "
                   "(90m, 36h, 7d, 2w)");
    app.add_option("--digest", opt.digest,
                   "answer the saved searches in FILE (NAME = QUERY lines) with only what was added or changed since "
                   "the previous digest of FILE on this index (the first: every match), newest first; exit 0 when "
                   "anything is new, 1 when nothing is");
    last_wins(app.add_option("--color", opt.color, "highlight matches in bold [env: CORPUS_SEARCH_COLOR]")
                  ->check(CLI::IsMember({"auto", "always", "never"}))
                  ->capture_default_str());
    last_wins(app.add_flag("--collapse,!--no-collapse", opt.collapse,
                           "one result per story: near-copies of an article (a wire story run by several outlets) "
                           "show once, the best ranked, listing the others; --no-collapse shows every article. The "
                           "total and facets count articles either way; --ids and --count are never collapsed "
                           "(default: --collapse)"));
    app.add_flag("--version", opt.version, "print the release and the index schema it reads, and exit");
    app.add_flag("--explain", opt.explain, "show how the query was parsed and the Xapian query it became");
    app.add_flag("--count", opt.count, "print only the number of matching articles");
    app.add_flag("--ids", opt.ids, "print only the ids of matching articles, one per line, or a JSON array with --format json "
                 "(all of them unless --limit)");
    app.add_flag("--kwic", opt.kwic,
                 "keyword in context: list every occurrence of the query's words, phrases and names in the matching "
                 "articles' text (each name as the article spells it), one a line: id, outlet, date, the match and "
                 "the text around it (every matching article unless --limit)");
    app.add_option_function<std::string>(
        "--kwic-width", [&opt](const std::string& width) { opt.kwic_width = width; },
        fmt::format("characters of context on each side of a --kwic match, 1 to {} (default {})",
                    corpus::searcher::max_kwic_width, corpus::searcher::default_kwic_width))
        ->type_name("N");
    app.add_option("--batch", opt.batch,
                   "answer the queries in FILE (- for standard input), one per line, as JSON Lines");
    app.add_option("--show", opt.show_id, "print what is stored for the article with this id, instead of searching");
    app.add_option_function<std::string>(
           "--like", [&opt](const std::string& id) { opt.like = id; },
           "rank the articles most like the article with this ID, by its weightiest words and Korean names (in any "
           "spelling), the article itself left out: copies of the same story come first. A QUERY given too must "
           "also match; filters, --sort, --limit, --count and --ids apply as to a search. Exit 1 if there is no "
           "such article")
        ->type_name("ID");
    app.add_option("QUERY", opt.query_words, "words, \"phrases\", AND, OR, NOT, NEAR, NEAR/n, parentheses");
}

corpus::Result<SearchRequest> make_request(const Options& opt, bool limit_given) {
    using corpus::searcher::OutputMode;
    return corpus::searcher::make_search_request({
        .limit = opt.limit,
        .limit_given = limit_given,
        .offset = opt.offset,
        .outlets = opt.outlets,
        .persons = opt.persons,
        .from = opt.from,
        .to = opt.to,
        .new_since = opt.new_since,
        .scope = opt.scope == "all" ? corpus::searcher::Scope::all : corpus::searcher::Scope::article,
        .order = opt.sort == "newest"   ? corpus::searcher::Order::newest
                 : opt.sort == "oldest" ? corpus::searcher::Order::oldest
                                        : corpus::searcher::Order::relevance,
        .output = opt.count    ? OutputMode::count
                  : opt.ids    ? OutputMode::ids
                  : opt.kwic   ? OutputMode::kwic
                  : !opt.digest.empty() ? OutputMode::digest
                                        : OutputMode::results,
        .explain = opt.explain,
        .facets = opt.facets,
        .facet_limit = opt.facet_limit,
        .for_people = opt.format == "text" && opt.batch.empty(),
        .json_fields = (opt.format == "json" && !opt.kwic) || !opt.batch.empty(),
        .collapse = opt.collapse,
        .like = opt.like,
        .kwic_width = opt.kwic_width,
    });
}

int run_show(Searcher& searcher, const Options& opt) {
    auto article = searcher.show(opt.show_id);
    if (!article) {
        fail(article.error());
        return article.error().code == corpus::ErrorCode::not_found ? exit_no_match : exit_error;
    }
    write_output(opt.format == "json" ? corpus::searcher::render_article_json(article.value())
                                      : corpus::searcher::render_article_text(article.value()));
    return exit_match;
}

// Every thread shares out the queries, each with the index open; a bad query gets an error
// line and the batch goes on.
int run_batch(const std::string& db_path, std::chrono::milliseconds shard_timeout, const Options& opt,
              const SearchRequest& request) {
    auto input = corpus::searcher::InputLines::open(opt.batch, "the batch file");
    if (!input) return fail(input.error());
    auto batch = corpus::searcher::BatchSearcher::open(db_path, shard_timeout);
    if (!batch) return fail(batch.error());
    std::size_t number = 0;
    auto next = [&]() -> std::optional<corpus::searcher::BatchLine> {
        std::string line;
        for (auto read = input->next(line); read != corpus::searcher::InputLines::Read::end; read = input->next(line)) {
            ++number;
            const corpus::searcher::BatchLineKind kind =
                corpus::searcher::classify_batch_line(line, read == corpus::searcher::InputLines::Read::too_long);
            if (kind != corpus::searcher::BatchLineKind::skipped) {
                return corpus::searcher::BatchLine{number, line, kind == corpus::searcher::BatchLineKind::too_long};
            }
        }
        return std::nullopt;
    };
    std::atomic<bool> any_match = false;
    std::mutex errors_mutex;  // answers come from several threads
    std::size_t errors = 0;
    std::size_t first_error = std::numeric_limits<std::size_t>::max();  // its line number
    auto answer = [&](Searcher& searcher, const corpus::searcher::BatchLine& line) {
        SearchRequest query_request = request;
        query_request.query = line.query;
        const corpus::Status valid = corpus::searcher::check_batch_query(query_request.query, line.too_long,
                                                                         corpus::searcher::max_input_line_bytes);
        auto result = valid ? searcher.search(query_request)
                            : corpus::Result<corpus::searcher::SearchResult>(valid.error());
        if (!result) {
            const std::lock_guard lock(errors_mutex);
            ++errors;
            first_error = std::min(first_error, line.number);
            return corpus::searcher::render_error_line(line.number, query_request.query, result.error());
        }
        if (result->total > 0) any_match = true;
        return corpus::searcher::render_json_line(result.value(), opt.explain, line.number);
    };
    batch->run(next, answer, [](const std::string& text) {
        write_output(text);
        // Each answer as soon as it is ready, for a program that waits for it.
        if (std::fflush(stdout) != 0) throw OutputError(std::strerror(errno));
    });
    if (input->failed()) {
        return fail(corpus::make_error(corpus::ErrorCode::io, "cannot read the batch file " +
                                                                  corpus::schema::printable(opt.batch)));
    }
    if (errors > 0) {
        // Exit 2 always comes with its line on stderr; the answers say what each error was.
        return fail(corpus::make_error(corpus::ErrorCode::query_syntax,
                                       fmt::format("{} of the batch's queries could not be answered (the first on "
                                                   "line {}); their answers say why",
                                                   errors, first_error)));
    }
    return any_match ? exit_match : exit_no_match;
}

int run_query(Searcher& searcher, const Options& opt, SearchRequest request) {
    for (const std::string& word : opt.query_words) request.query += (request.query.empty() ? "" : " ") + word;
    if (corpus::Status valid = corpus::searcher::check_request_query(request); !valid) return fail(valid.error());
    auto result = searcher.search(request);
    if (!result) {
        fail(result.error());
        // --like of an id the index lacks is --show's "no such article".
        return result.error().code == corpus::ErrorCode::not_found ? exit_no_match : exit_error;
    }
    if (!result->notice.empty()) {
        std::fprintf(stderr, "corpus-search: %s\n", corpus::schema::printable(result->notice, 1000).c_str());
    }
    if (opt.count) {
        write_output(fmt::format("{}\n", result->total));
    } else if (opt.ids) {
        write_output(corpus::searcher::render_ids(result.value(), output_format(opt)));
    } else if (opt.kwic) {
        write_output(opt.format == "json"  ? corpus::searcher::render_kwic_json(result.value())
                     : opt.format == "csv" ? corpus::searcher::render_kwic_csv(result.value())
                                           : corpus::searcher::render_kwic_text(result.value()));
    } else if (opt.format == "json") {
        write_output(corpus::searcher::render_json(result.value(), opt.explain));
    } else if (opt.format == "csv") {
        write_output(corpus::searcher::render_csv(result.value()));
    } else {
        write_output(corpus::searcher::render_text(result.value(), text_style(opt)));
    }
    return result->total > 0 ? exit_match : exit_no_match;
}

// The digest is written and flushed whole before its state advances: one that could not
// be shown is shown again next time.
int run_digest(Searcher& searcher, const std::string& db_path, const Options& opt, const SearchRequest& request) {
    auto searches = corpus::searcher::read_saved_searches(opt.digest);
    if (!searches) return fail(searches.error());
    auto state = corpus::searcher::digest_state_path(db_path, opt.digest);
    if (!state) return fail(state.error());
    auto since = corpus::searcher::read_digest_state(state.value());
    if (!since) return fail(since.error());
    auto digest = corpus::searcher::make_digest(searcher, searches.value(), request, since.value(), opt.digest);
    if (!digest) return fail(digest.error());
    write_output(opt.format == "json" ? corpus::searcher::render_digest_json(digest.value())
                                      : corpus::searcher::render_digest_text(digest.value(), text_style(opt)));
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) throw OutputError(std::strerror(errno != 0 ? errno : EIO));
    if (corpus::Status saved = corpus::searcher::write_digest_state(state.value(), digest->until); !saved) {
        return fail(saved.error());
    }
    return digest->any_new() ? exit_match : exit_no_match;
}

int run(const Options& opt, const SearchRequest& request) {
    const auto shard_timeout = std::chrono::milliseconds(std::lround(opt.shard_timeout * 1000));
    const std::string db_path = corpus::schema::resolve_index_path(opt.db);
    if (!opt.batch.empty()) return run_batch(db_path, shard_timeout, opt, request);
    auto searcher = Searcher::open(db_path, shard_timeout);
    if (!searcher) return fail(searcher.error());
    if (!opt.show_id.empty()) return run_show(searcher.value(), opt);
    if (!opt.digest.empty()) return run_digest(searcher.value(), db_path, opt, request);
    return run_query(searcher.value(), opt, request);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search a corpus-search index. Exit status: 0 when articles match, 1 when none do, 2 on an error.",
                 "corpus-search"};
    Options opt;
    define_options(app, opt);
    auto args = corpus::searcher::with_layered_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!args) return fail(args.error());
    std::reverse(args->begin(), args->end());  // CLI11 takes a vector of arguments last first
    try {
        app.parse(args.value());
    } catch (const CLI::CallForHelp&) {
        std::fputs(app.help().c_str(), stdout);
        return finish_output(exit_match);
    } catch (const CLI::ExtrasError& e) {
        // "corpus-search -missile": an exclusion the shell hands over as an option.
        return fail(corpus::make_error(corpus::ErrorCode::usage, e.what(),
                                       "a query that starts with '-' goes after --: corpus-search -- '-word ...'"));
    } catch (const CLI::ParseError& e) {
        return usage_error(e.what());
    }
    if (opt.version) {
        std::fputs(corpus::schema::version_line("corpus-search").c_str(), stdout);
        return finish_output(exit_match);
    }

    if (opt.like && (!opt.show_id.empty() || !opt.batch.empty() || !opt.digest.empty())) {
        return usage_error("--like is a search of its own: it does not go with --show, --batch or --digest");
    }
    const int modes = !opt.show_id.empty() + !opt.batch.empty() + !opt.digest.empty() + opt.count + opt.ids + opt.kwic;
    if (modes > 1) return usage_error("--show, --batch, --digest, --count, --ids and --kwic do not go together");
    using corpus::searcher::Command;
    const Command command = !opt.show_id.empty() ? Command::show
                            : !opt.batch.empty()   ? Command::batch
                            : !opt.digest.empty()  ? Command::digest
                                                   : Command::search;
    const corpus::Status format_fits = corpus::searcher::check_output_format(output_format(opt), command, opt.explain);
    if (!format_fits) return fail(format_fits.error());
    if ((!opt.show_id.empty() || !opt.batch.empty() || !opt.digest.empty()) && !opt.query_words.empty()) {
        return usage_error(!opt.show_id.empty()  ? "--show takes an article id, not a query"
                           : !opt.batch.empty() ? "--batch reads its queries from the file, not the command line"
                                                : "--digest reads its saved searches from the file, not the command line");
    }
    // --ids lists every match unless the command line itself limits it.
    const bool limit_on_command_line = std::any_of(argv + 1, argv + argc, [](const char* arg) {
        return std::string_view(arg) == "--limit" || std::string_view(arg).starts_with("--limit=");
    });
    auto request = make_request(opt, limit_on_command_line);
    if (!request) return fail(request.error());

    try {
        return finish_output(run(opt, request.value()));
    } catch (const OutputError& e) {
        return fail(corpus::make_error(corpus::ErrorCode::io, std::string("cannot write output: ") + e.what()));
    }
}
