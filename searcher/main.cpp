// corpus-search: a thin front-end over the searcher library.
#include "schema/date.h"
#include "schema/index.h"
#include "schema/text.h"
#include "searcher/render.h"
#include "searcher/search.h"

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdlib>
#include <unistd.h>

namespace {

// Like grep: something matched, nothing matched, or an error.
constexpr int exit_match = 0;
constexpr int exit_no_match = 1;
constexpr int exit_error = 2;

int fail(const corpus::Error& error) {
    fmt::print(stderr, "corpus-search: {}{}{}\n", error.message, error.hint.empty() ? "" : "; ", error.hint);
    return exit_error;
}

int usage_error(const std::string& message) {
    return fail(corpus::make_error(corpus::ErrorCode::usage, message, "see corpus-search --help"));
}

struct Options {
    std::string db;
    std::string format = "text";
    std::string color = "auto";
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::vector<std::string> outlets;
    std::vector<std::string> persons;
    std::string scope = "article";
    std::string from;
    std::string to;
    bool explain = false;
    std::string show_id;
    std::vector<std::string> query_words;
};

corpus::Result<std::optional<corpus::schema::Date>> date_option(const std::string& text, const char* flag) {
    if (text.empty()) return std::optional<corpus::schema::Date>();
    if (auto date = corpus::schema::parse_date(text)) return std::optional(*date);
    return corpus::make_error(corpus::ErrorCode::usage,
                              fmt::format("{} \"{}\" is not a date; write it as YYYY-MM-DD", flag, text));
}

bool use_terminal_style(const std::string& color) {
    if (color == "always") return true;
    if (color == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search a corpus-search index. Exit status: 0 when articles match, 1 when none do, 2 on an error.",
                 "corpus-search"};
    Options opt;
    app.add_option("--db", opt.db, "index folder (default: $CORPUS_SEARCH_DB, else ~/.local/share/corpus-search/index)");
    app.add_option("--format", opt.format, "output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    app.add_option("--limit", opt.limit, "how many results to show")->check(CLI::Range(0, 10000))->capture_default_str();
    app.add_option("--offset", opt.offset, "how many results to skip first")->capture_default_str();
    app.add_option("--outlet", opt.outlets, "only articles from this outlet (repeat for several)")
        ->allow_extra_args(false);
    app.add_option("--person", opt.persons, "only articles mentioning this person, in any spelling (repeat for several)")
        ->allow_extra_args(false);
    app.add_option("--scope", opt.scope, "search the article (title and body) or the whole page, chrome included")
        ->check(CLI::IsMember({"article", "all"}))
        ->capture_default_str();
    app.add_option("--from", opt.from, "only articles published on or after this date (YYYY-MM-DD)");
    app.add_option("--to", opt.to, "only articles published on or before this date (YYYY-MM-DD)");
    app.add_option("--color", opt.color, "highlight matches in bold")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    app.add_flag("--explain", opt.explain, "show how the query was parsed and the Xapian query it became");
    app.add_option("--show", opt.show_id, "print what is stored for the article with this id, instead of searching");
    app.add_option("QUERY", opt.query_words, "words, \"phrases\", AND, OR, NOT, NEAR, NEAR/n, parentheses");
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
        return exit_match;
    } catch (const CLI::ParseError& e) {
        return usage_error(e.what());
    }

    if (!opt.show_id.empty()) {
        if (!opt.query_words.empty()) return usage_error("--show takes an article id, not a query");
        auto searcher = corpus::searcher::Searcher::open(corpus::schema::resolve_index_path(opt.db));
        if (!searcher) return fail(searcher.error());
        auto article = searcher->show(opt.show_id);
        if (!article) {
            fail(article.error());
            return article.error().code == corpus::ErrorCode::not_found ? exit_no_match : exit_error;
        }
        fmt::print("{}", opt.format == "json" ? corpus::searcher::render_article_json(article.value())
                                              : corpus::searcher::render_article_text(article.value()));
        return exit_match;
    }

    corpus::searcher::SearchRequest request;
    for (const std::string& word : opt.query_words) request.query += (request.query.empty() ? "" : " ") + word;
    if (corpus::schema::looks_binary(request.query) || corpus::schema::repair_utf8(request.query) > 0) {
        return usage_error("the query is not valid UTF-8 text");
    }
    if (request.query.find_first_not_of(" \t\n") == std::string::npos) return usage_error("empty query");
    request.limit = opt.limit;
    request.offset = opt.offset;
    request.outlets = opt.outlets;
    request.persons = opt.persons;
    request.scope = opt.scope == "all" ? corpus::searcher::Scope::all : corpus::searcher::Scope::article;
    auto from = date_option(opt.from, "--from");
    if (!from) return fail(from.error());
    auto to = date_option(opt.to, "--to");
    if (!to) return fail(to.error());
    request.from = from.value();
    request.to = to.value();
    if (request.from && request.to && request.from->sortable() > request.to->sortable()) {
        return usage_error("--from is later than --to");
    }

    auto searcher = corpus::searcher::Searcher::open(corpus::schema::resolve_index_path(opt.db));
    if (!searcher) return fail(searcher.error());
    auto result = searcher->search(request);
    if (!result) return fail(result.error());

    if (opt.format == "json") {
        fmt::print("{}", corpus::searcher::render_json(result.value(), opt.explain));
    } else {
        corpus::searcher::TextStyle style = use_terminal_style(opt.color) ? corpus::searcher::terminal_style()
                                                                          : corpus::searcher::plain_style();
        style.explain = opt.explain;
        fmt::print("{}", corpus::searcher::render_text(result.value(), style));
    }
    return result->total > 0 ? exit_match : exit_no_match;
}
