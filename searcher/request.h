// What a front-end (the command line, and the CSV and web front-ends to come) asks of
// the searcher, checked in one place: option values as read, the query text, and the
// lines of a batch file. A front-end reads its options, calls these and prints; it never
// carries a rule of its own. Messages name the command line's flags.
#pragma once

#include "schema/result.h"
#include "searcher/query_builder.h"
#include "searcher/search.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

// The most results one page shows.
inline constexpr std::size_t max_limit = 10000;
// The values of each facet that output for people shows unless told otherwise.
inline constexpr std::size_t default_text_facet_limit = 10;
// A --facet-limit past any facet's size; a larger number is a typo, not "all".
inline constexpr std::size_t max_facet_limit = 1'000'000'000;

// What the answer is made of; each mode implies what the search must produce.
enum class OutputMode {
    results,  // a page of hits with snippets
    count,    // only the number of matches: no page, no snippets
    ids,      // only the ids of the matches: no snippets, every match unless a limit is given
    digest,   // each saved search's new matches (digest.h): every one unless a limit is given
    kwic,     // the occurrences of the query's words in every match (kwic.h), unless a limit is given
};

// What the printers of render.h write.
enum class OutputFormat { text, json, csv };

// What the command line runs: a search (a page, --count or --ids), --show, --batch or --digest.
enum class Command { search, show, batch, digest };

// Whether `format` has a form for what `command` prints. CSV is a table: a page of hits,
// or with --ids a column of ids (--count prints the number alone in every format);
// --show's article, --batch's JSON Lines, --digest's searches and --explain's stages have no rows, so they
// are refused rather than printed in another format than the one asked for.
Status check_output_format(OutputFormat format, Command command, bool explain);

// A search as a front-end reads it, before it is checked.
struct RequestOptions {
    std::size_t limit = 10;    // 0 to max_limit
    bool limit_given = false;  // asked for with this search, not a default or a config value
    std::size_t offset = 0;    // 0 to max_offset
    std::vector<std::string> outlets = {};
    std::vector<std::string> persons = {};
    std::string from = {};  // YYYY-MM-DD, or empty for no bound
    std::string to = {};
    std::string new_since = {};  // WHEN as parse_when reads it, or empty for no bound
    Scope scope = Scope::article;
    Order order = Order::relevance;
    OutputMode output = OutputMode::results;
    bool explain = false;
    // --facets as typed: a comma-separated list of outlet, date and person, or "none";
    // nothing for every facet. --count and --ids count none.
    std::optional<std::string> facets = {};
    std::optional<std::string> facet_limit = {};  // --facet-limit as typed: 1 to max_facet_limit
    // Printed for people (text, a web page): each facet shows its top
    // default_text_facet_limit values unless facet_limit is given. Else every value.
    bool for_people = false;
    bool json_fields = false;  // the output shows what only JSON shows of a hit (SearchRequest::json_fields)
    bool collapse = true;      // one result per story (SearchRequest::collapse); --ids and --count never
    std::optional<std::string> like = {};  // --like as typed: an article's id, not empty
    // --kwic-width as typed: 1 to max_kwic_width, with OutputMode::kwic only; nothing for
    // default_kwic_width.
    std::optional<std::string> kwic_width = {};
};

// `options` checked and turned into the search they ask for, without its query (given per
// query, see check_query_text): the ranges, the dates and their order, the facets.
Result<SearchRequest> make_search_request(const RequestOptions& options);

// --new-since WHEN, read against `now`: an ISO date (YYYY-MM-DD, midnight UTC), an ISO
// date-time (YYYY-MM-DDTHH:MM[:SS], UTC unless it ends with an offset such as +09:00;
// Z accepted), or a duration back from `now`: a whole number of minutes, hours, days or
// weeks (90m, 36h, 7d, 2w).
Result<schema::Instant> parse_when(std::string_view text, schema::Instant now);

// Whether `request` filters by outlet, person, date or arrival: such filters alone, with no query,
// list their articles, newest first unless the request says oldest.
bool has_filters(const SearchRequest& request);

// Why `text`, typed for a number of results such as --limit, is refused: a whole number
// from `least` to `most` (schema::whole_number) passes. The message follows the flag's name.
Status check_whole_number(std::string_view text, std::size_t least, std::size_t most);

// A query typed by a person or read from a batch file: text, and not empty. Invalid
// UTF-8 is repaired in `query`, so that an answer echoing it prints readable text.
Status check_query_text(std::string& query);

// The query of `request` checked as check_query_text does, except that with filters or
// --like it may be empty: filters alone list their articles, newest first (but hold no
// words for --kwic to list).
Status check_request_query(SearchRequest& request);

// The lines of a batch file: one query a line; a blank line, or one whose first
// character after blanks is '#', is skipped; a line the reader cut short (longer than it
// takes) is that line's error, answered like any query that cannot run.
enum class BatchLineKind { query, skipped, too_long };
BatchLineKind classify_batch_line(std::string_view line, bool cut_short);

// The query of a batch line to answer, checked: a line cut short is refused, naming the
// `most_bytes` the reader takes; any other is checked like a typed query.
Status check_batch_query(std::string& query, bool cut_short, std::size_t most_bytes);

}  // namespace corpus::searcher
