#include "searcher/request.h"

#include "schema/date.h"
#include "schema/text.h"

#include <fmt/core.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace corpus::searcher {
namespace {

Result<std::optional<schema::Date>> date_option(const std::string& text, const char* flag) {
    if (text.empty()) return std::optional<schema::Date>();
    if (auto date = schema::parse_date(text)) return std::optional(*date);
    return make_error(ErrorCode::usage, fmt::format("{} \"{}\" is not a date; write it as YYYY-MM-DD", flag,
                                                    schema::printable(text, 40)));
}

// Reads `count` digits at `at` into `value`; false unless all are digits.
bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
    value = 0;
    if (at + count > text.size()) return false;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

// "HH:MM[:SS]" then nothing, "Z", or "+HH:MM"/"-HH:MM": the time of day and the offset
// from UTC, in seconds.
std::optional<std::pair<int, int>> time_of_day(std::string_view text) {
    int hours = 0, minutes = 0, seconds = 0;
    if (!digits(text, 0, 2, hours) || text.size() < 5 || text[2] != ':' || !digits(text, 3, 2, minutes)) {
        return std::nullopt;
    }
    std::size_t at = 5;
    if (text.size() > at && text[at] == ':') {
        if (!digits(text, at + 1, 2, seconds)) return std::nullopt;
        at += 3;
    }
    if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
    const std::string_view zone = text.substr(at);
    int offset = 0;
    if (zone == "Z" || zone.empty()) {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int zone_hours = 0, zone_minutes = 0;
        if (!digits(zone, 1, 2, zone_hours) || !digits(zone, 4, 2, zone_minutes) || zone_hours > 23 ||
            zone_minutes > 59) {
            return std::nullopt;
        }
        offset = (zone[0] == '-' ? -1 : 1) * (zone_hours * 3600 + zone_minutes * 60);
    } else {
        return std::nullopt;
    }
    return std::pair(hours * 3600 + minutes * 60 + seconds, offset);
}

std::optional<schema::Instant> when(std::string_view text, schema::Instant now) {
    if (text.size() >= 2 && text.size() <= 8) {
        // A duration: at most 7 digits, far past any index's age, so no overflow.
        int amount = 0;
        if (digits(text, 0, text.size() - 1, amount) && amount > 0) {
            switch (text.back()) {
            case 'm': return now - std::chrono::minutes{amount};
            case 'h': return now - std::chrono::hours{amount};
            case 'd': return now - std::chrono::days{amount};
            case 'w': return now - std::chrono::weeks{amount};
            default: break;
            }
        }
    }
    const std::optional<schema::Date> date = schema::parse_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    const schema::Instant midnight{std::chrono::sys_days{std::chrono::year{date->year} / date->month / date->day}};
    if (text.size() == 10) return midnight;
    if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    const auto time = time_of_day(text.substr(11));
    if (!time) return std::nullopt;
    return midnight + std::chrono::seconds{time->first - time->second};
}

// A number already read, held to the range its flag takes, in the words CLI11 uses for
// a value its check refuses.
Status number_option(std::size_t value, std::size_t most, const char* flag) {
    Status valid = check_whole_number(std::to_string(value), 0, most);
    if (!valid) return make_error(ErrorCode::usage, std::string(flag) + ": " + valid.error().message);
    return Ok{};
}

// --facets: "none", or facet names separated by commas (blanks around them allowed),
// each once or more, in any order; the output keeps its own order.
Result<FacetSet> facet_list(std::string_view list) {
    const auto refused = [&](const std::string& why) -> Error {
        return make_error(ErrorCode::usage, fmt::format("--facets \"{}\": {}", schema::printable(list, 60), why),
                          "list outlet, date or person, separated by commas, or none");
    };
    FacetSet chosen{false, false, false};
    bool none = false;
    std::size_t items = 0;
    for (std::size_t start = 0; start <= list.size(); ++items) {
        std::size_t end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        std::string_view item = list.substr(start, end - start);
        start = end + 1;
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        if (item.empty()) return refused("an empty item");
        if (item == "outlet") chosen.outlet = true;
        else if (item == "date") chosen.month = true;
        else if (item == "person") chosen.person = true;
        else if (item == "none") none = true;
        else return refused(fmt::format("no facet is called \"{}\"", schema::printable(item, 40)));
    }
    if (none && items > 1) return refused("none goes alone");
    return chosen;
}

// --kwic's width, and what does not go with it: --kwic-width alone, and --explain (the
// occurrences are a table; how the query was read is none).
Status kwic_options(const RequestOptions& options, SearchRequest& request) {
    if (options.output != OutputMode::kwic) {
        if (!options.kwic_width) return Ok{};
        return make_error(ErrorCode::usage, "--kwic-width goes with --kwic", "see corpus-search --help");
    }
    if (options.explain) {
        return make_error(ErrorCode::usage, "--kwic does not go with --explain", "run --explain without --kwic");
    }
    request.kwic_width = default_kwic_width;
    if (options.kwic_width) {
        const std::optional<std::uintmax_t> width = schema::whole_number(*options.kwic_width, 1, max_kwic_width);
        if (!width) {
            return make_error(ErrorCode::usage,
                              "--kwic-width: " + check_whole_number(*options.kwic_width, 1, max_kwic_width).error().message,
                              "see corpus-search --help");
        }
        request.kwic_width = static_cast<std::size_t>(*width);
    }
    return Ok{};
}

}  // namespace

Status check_whole_number(std::string_view text, std::size_t least, std::size_t most) {
    if (!schema::whole_number(text, least, most)) {
        return make_error(ErrorCode::usage, fmt::format("must be a whole number from {} to {}, not \"{}\"", least, most,
                                                        schema::printable(text, 40)));
    }
    return Ok{};
}

Result<schema::Instant> parse_when(std::string_view text, schema::Instant now) {
    if (const auto instant = when(text, now)) return *instant;
    return make_error(ErrorCode::usage,
                      fmt::format("--new-since \"{}\" is not a date, a date-time or a duration", schema::printable(text, 40)),
                      "write YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS] (UTC, or with Z or an offset such as +09:00), or a "
                      "number of minutes, hours, days or weeks back: 90m, 36h, 7d, 2w");
}

Result<SearchRequest> make_search_request(const RequestOptions& options) {
    if (Status valid = number_option(options.limit, max_limit, "--limit"); !valid) return valid.error();
    if (Status valid = number_option(options.offset, max_offset, "--offset"); !valid) return valid.error();
    SearchRequest request;
    request.limit = options.limit;
    request.offset = options.offset;
    request.outlets = options.outlets;
    request.persons = options.persons;
    request.explain = options.explain;
    request.json_fields = options.json_fields;
    request.collapse = options.collapse;
    request.scope = options.scope;
    request.order = options.order;
    if (options.like) {
        if (options.like->empty()) return make_error(ErrorCode::usage, "--like needs an article's id");
        request.like = *options.like;
    }
    auto from = date_option(options.from, "--from");
    if (!from) return from.error();
    auto to = date_option(options.to, "--to");
    if (!to) return to.error();
    request.from = from.value();
    request.to = to.value();
    if (request.from && request.to && request.from->sortable() > request.to->sortable()) {
        return make_error(ErrorCode::usage, "--from is later than --to", "see corpus-search --help");
    }
    if (options.facets) {
        Result<FacetSet> facets = facet_list(*options.facets);
        if (!facets) return facets.error();
        request.facets = facets.value();
    }
    if (options.facet_limit) {
        const std::optional<std::uintmax_t> most = schema::whole_number(*options.facet_limit, 1, max_facet_limit);
        if (!most) {
            // 0 values of each facet would be --facets none said another way.
            return make_error(ErrorCode::usage,
                              "--facet-limit: " + check_whole_number(*options.facet_limit, 1, max_facet_limit).error().message,
                              *options.facet_limit == "0" ? "for no facets, --facets none" : "see corpus-search --help");
        }
        request.facet_limit = static_cast<std::size_t>(*most);
    } else if (options.for_people) {
        request.facet_limit = default_text_facet_limit;
    }
    if (Status kwic = kwic_options(options, request); !kwic) return kwic.error();
    if (!options.new_since.empty()) {
        if (options.output == OutputMode::digest) {
            return make_error(ErrorCode::usage, "--digest shows what is new since the previous digest; it takes no --new-since",
                              "see corpus-search --help");
        }
        auto since = parse_when(options.new_since,
                                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
        if (!since) return since.error();
        request.changed_after = since.value();
    }
    switch (options.output) {
    case OutputMode::results:
        break;
    case OutputMode::count:
        request.collapse = false;
        request.limit = 0;
        request.snippets = false;
        request.count_chrome_only = false;
        request.facets = FacetSet{false, false, false};
        break;
    case OutputMode::ids:
        request.collapse = false;
        request.snippets = false;
        request.count_chrome_only = false;
        request.facets = FacetSet{false, false, false};
        if (!options.limit_given) request.limit = std::numeric_limits<Xapian::doccount>::max();
        break;
    case OutputMode::digest:
        // What arrived is the point: every new article, not the first page of them.
        request.count_chrome_only = false;
        if (!options.limit_given) request.limit = std::numeric_limits<Xapian::doccount>::max();
        break;
    case OutputMode::kwic:
        // Every occurrence in every match, as --ids lists every match: each copy of a
        // story is an article of its own.
        request.collapse = false;
        request.snippets = false;
        request.count_chrome_only = false;
        request.facets = FacetSet{false, false, false};
        if (!options.limit_given) request.limit = std::numeric_limits<Xapian::doccount>::max();
        break;
    }
    return request;
}

Status check_output_format(OutputFormat format, Command command, bool explain) {
    if (format != OutputFormat::csv) return Ok{};
    const char* refused = command == Command::show    ? "--show: one article is not a table"
                          : command == Command::batch ? "--batch: it answers in JSON Lines"
                          : command == Command::digest ? "--digest: its saved searches are no one table"
                          : explain                   ? "--explain: how a query was read is not a table"
                                                      : nullptr;
    if (refused == nullptr) return Ok{};
    return make_error(ErrorCode::usage, fmt::format("--format csv does not go with {}", refused),
                      "use --format text or --format json");
}

bool has_filters(const SearchRequest& request) {
    return !request.outlets.empty() || !request.persons.empty() || request.from || request.to ||
           request.changed_after || request.changed_until;
}

Status check_query_text(std::string& query) {
    if (schema::looks_binary(query) || schema::repair_utf8(query) > 0) {
        return make_error(ErrorCode::usage, "the query is not valid UTF-8 text");
    }
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
        return make_error(ErrorCode::query_syntax, "empty query");
    }
    return Ok{};
}

Status check_request_query(SearchRequest& request) {
    if ((has_filters(request) || !request.like.empty()) && request.query.empty()) {
        if (!request.kwic_width) return Ok{};
        return make_error(ErrorCode::usage, "--kwic lists the occurrences of a query's words: give a query");
    }
    return check_query_text(request.query);
}

BatchLineKind classify_batch_line(std::string_view line, bool cut_short) {
    if (cut_short) return BatchLineKind::too_long;
    const std::size_t first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#' ? BatchLineKind::skipped : BatchLineKind::query;
}

Status check_batch_query(std::string& query, bool cut_short, std::size_t most_bytes) {
    if (cut_short) return make_error(ErrorCode::usage, fmt::format("the line is longer than {} bytes", most_bytes));
    return check_query_text(query);
}

}  // namespace corpus::searcher
