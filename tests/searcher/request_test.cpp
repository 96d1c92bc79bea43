// The request rules every front-end shares: option values checked and turned into a
// SearchRequest, what --count and --ids imply, the query text, and batch file lines.
#include "searcher/request.h"

#include "schema/date.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace corpus::searcher {
namespace {

SearchRequest made(const RequestOptions& options) {
    Result<SearchRequest> request = make_search_request(options);
    EXPECT_TRUE(request.ok()) << request.error().message;
    return request ? request.value() : SearchRequest{};
}

std::string refused(const RequestOptions& options) {
    Result<SearchRequest> request = make_search_request(options);
    EXPECT_FALSE(request.ok());
    if (request) return {};
    EXPECT_EQ(request.error().code, ErrorCode::usage);
    return request.error().message;
}

TEST(Request, ValuesAreCarriedIntoTheSearch) {
    const SearchRequest request = made({.limit = 25,
                                        .offset = 50,
                                        .outlets = {"NK News"},
                                        .persons = {"Yoon Suk Yeol"},
                                        .from = "2024-06-01",
                                        .to = "2024-06-30",
                                        .scope = Scope::all,
                                        .explain = true});
    EXPECT_EQ(request.limit, 25u);
    EXPECT_EQ(request.offset, 50u);
    EXPECT_EQ(request.outlets, std::vector<std::string>{"NK News"});
    EXPECT_EQ(request.persons, std::vector<std::string>{"Yoon Suk Yeol"});
    ASSERT_TRUE(request.from && request.to);
    EXPECT_EQ(request.from->iso(), "2024-06-01");
    EXPECT_EQ(request.to->iso(), "2024-06-30");
    EXPECT_EQ(request.scope, Scope::all);
    EXPECT_TRUE(request.explain);
    EXPECT_TRUE(request.snippets);
    EXPECT_TRUE(request.query.empty());  // given per query
}

TEST(Request, NoDatesMeanNoBounds) {
    const SearchRequest request = made({});
    EXPECT_FALSE(request.from);
    EXPECT_FALSE(request.to);
    EXPECT_EQ(request.limit, 10u);
}

TEST(Request, LimitAndOffsetKeepToTheirRanges) {
    EXPECT_EQ(made({.limit = max_limit}).limit, max_limit);
    EXPECT_EQ(made({.limit = 0}).limit, 0u);
    EXPECT_EQ(made({.offset = max_offset}).offset, max_offset);
    EXPECT_EQ(refused({.limit = max_limit + 1}), "--limit: must be a whole number from 0 to 10000, not \"10001\"");
    EXPECT_EQ(refused({.offset = max_offset + 1}),
              "--offset: must be a whole number from 0 to 1000000000, not \"1000000001\"");
}

TEST(Request, WholeNumbersAreDigitsInRange) {
    EXPECT_TRUE(check_whole_number("0", 0, 10).ok());
    EXPECT_TRUE(check_whole_number("10", 0, 10).ok());
    for (const char* text : {"11", "-1", "0x10", "1e3", "", " 5", "five"}) {
        const Status valid = check_whole_number(text, 0, 10);
        ASSERT_FALSE(valid.ok()) << text;
        EXPECT_EQ(valid.error().message, std::string("must be a whole number from 0 to 10, not \"") + text + "\"");
    }
}

TEST(Request, CountAsksForNoPageNoSnippetsAndNoChromeCount) {
    for (const bool given : {false, true}) {
        const SearchRequest request = made({.limit = 20, .limit_given = given, .output = OutputMode::count});
        EXPECT_EQ(request.limit, 0u);
        EXPECT_FALSE(request.snippets);
        EXPECT_FALSE(request.count_chrome_only);  // its output has no place for the hint
    }
}

TEST(Request, IdsListEveryMatchUnlessALimitIsGiven) {
    // A limit from a default or a config file is not asked for with this search.
    const SearchRequest every = made({.limit = 20, .output = OutputMode::ids});
    EXPECT_EQ(every.limit, std::numeric_limits<Xapian::doccount>::max());
    EXPECT_FALSE(every.snippets);
    EXPECT_FALSE(every.count_chrome_only);
    const SearchRequest limited = made({.limit = 20, .limit_given = true, .output = OutputMode::ids});
    EXPECT_EQ(limited.limit, 20u);
    EXPECT_FALSE(limited.snippets);
}

TEST(Request, ResultsKeepTheLimitAndSnippets) {
    const SearchRequest request = made({.limit = 20, .output = OutputMode::results});
    EXPECT_EQ(request.limit, 20u);
    EXPECT_TRUE(request.snippets);
    EXPECT_TRUE(request.count_chrome_only);
}

TEST(Request, FacetsAreChosenByName) {
    const SearchRequest every = made({});
    EXPECT_TRUE(every.facets.outlet && every.facets.month && every.facets.person);
    const SearchRequest some = made({.facets = "person, date"});
    EXPECT_FALSE(some.facets.outlet);
    EXPECT_TRUE(some.facets.month && some.facets.person);
    EXPECT_FALSE(made({.facets = "none"}).facets.any());
    EXPECT_EQ(refused({.facets = "outlet,none"}), "--facets \"outlet,none\": none goes alone");
    EXPECT_EQ(refused({.facets = "Outlet"}), "--facets \"Outlet\": no facet is called \"Outlet\"");
    EXPECT_EQ(refused({.facets = "date,"}), "--facets \"date,\": an empty item");
    EXPECT_EQ(refused({.facets = ""}), "--facets \"\": an empty item");
}

// Text (or a web page) shows each facet's top ten values; JSON every value; either as many
// as asked.
TEST(Request, PeopleSeeTheTopTenValuesUnlessToldOtherwise) {
    EXPECT_FALSE(made({}).facet_limit);
    EXPECT_EQ(made({.for_people = true}).facet_limit, default_text_facet_limit);
    EXPECT_EQ(made({.facet_limit = "3", .for_people = true}).facet_limit, 3u);
    EXPECT_EQ(made({.facet_limit = "3"}).facet_limit, 3u);
    EXPECT_EQ(made({.facet_limit = "1000000000"}).facet_limit, max_facet_limit);
    EXPECT_EQ(refused({.facet_limit = "0"}), "--facet-limit: must be a whole number from 1 to 1000000000, not \"0\"");
    EXPECT_EQ(refused({.facet_limit = "1e3"}), "--facet-limit: must be a whole number from 1 to 1000000000, not \"1e3\"");
}

// Neither prints facets: counting them would cost a walk over every match's values.
TEST(Request, CountAndIdsCountNoFacets) {
    EXPECT_FALSE(made({.output = OutputMode::count}).facets.any());
    EXPECT_FALSE(made({.output = OutputMode::ids, .facets = "outlet"}).facets.any());
    EXPECT_TRUE(made({.output = OutputMode::results}).facets.any());
}

TEST(Request, DatesAreRealCalendarDates) {
    EXPECT_EQ(refused({.from = "June 18"}), "--from \"June 18\" is not a date; write it as YYYY-MM-DD");
    EXPECT_EQ(refused({.to = "2024-02-30"}), "--to \"2024-02-30\" is not a date; write it as YYYY-MM-DD");
    EXPECT_EQ(made({.to = "2024-02-29"}).to->iso(), "2024-02-29");
}

TEST(Request, FromMayNotBeLaterThanTo) {
    Result<SearchRequest> request = make_search_request({.from = "2024-06-20", .to = "2024-06-01"});
    ASSERT_FALSE(request.ok());
    EXPECT_EQ(request.error().message, "--from is later than --to");
    EXPECT_EQ(request.error().hint, "see corpus-search --help");
    // One day is a range.
    EXPECT_TRUE(make_search_request({.from = "2024-06-20", .to = "2024-06-20"}).ok());
    // Compared as dates, not as they were typed.
    EXPECT_TRUE(make_search_request({.from = "2023-12-31", .to = "2024-01-01"}).ok());
}

TEST(Request, FiltersAreOutletsPersonsOrDates) {
    EXPECT_FALSE(has_filters(made({.limit = 5, .scope = Scope::all, .output = OutputMode::ids, .explain = true})));
    EXPECT_TRUE(has_filters(made({.outlets = {"NK News"}})));
    EXPECT_TRUE(has_filters(made({.persons = {"Yoon Suk Yeol"}})));
    EXPECT_TRUE(has_filters(made({.from = "2024-06-01"})));
    EXPECT_TRUE(has_filters(made({.to = "2024-06-01"})));
}

TEST(Request, FiltersAloneNeedNoQuery) {
    SearchRequest alone = made({.outlets = {"NK News"}});
    EXPECT_TRUE(check_request_query(alone).ok());
    SearchRequest nothing = made({});
    EXPECT_EQ(check_request_query(nothing).error().message, "empty query");
    SearchRequest blank = made({.outlets = {"NK News"}});
    blank.query = "  ";
    EXPECT_EQ(check_request_query(blank).error().message, "empty query");
}

TEST(Request, AQueryIsTextAndNotEmpty) {
    std::string query = "Putin";
    EXPECT_TRUE(check_query_text(query).ok());
    EXPECT_EQ(query, "Putin");
    for (std::string blank : {"", "   ", " \t\r\n"}) {
        const Status valid = check_query_text(blank);
        ASSERT_FALSE(valid.ok());
        EXPECT_EQ(valid.error().code, ErrorCode::query_syntax);
        EXPECT_EQ(valid.error().message, "empty query");
    }
    std::string latin1 = "Orb\xE1n";
    const Status valid = check_query_text(latin1);
    ASSERT_FALSE(valid.ok());
    EXPECT_EQ(valid.error().code, ErrorCode::usage);
    EXPECT_EQ(valid.error().message, "the query is not valid UTF-8 text");
    EXPECT_EQ(latin1, "Orb\xEF\xBF\xBDn");  // repaired, for the answer that echoes it
    std::string binary("Put\0in", 6);
    EXPECT_FALSE(check_query_text(binary).ok());
}

TEST(Request, BatchLinesAreQueriesUnlessBlankOrComments) {
    EXPECT_EQ(classify_batch_line("Putin", false), BatchLineKind::query);
    EXPECT_EQ(classify_batch_line("  Putin # and a hash", false), BatchLineKind::query);
    EXPECT_EQ(classify_batch_line("\"#1\"", false), BatchLineKind::query);
    EXPECT_EQ(classify_batch_line("", false), BatchLineKind::skipped);
    EXPECT_EQ(classify_batch_line(" \t ", false), BatchLineKind::skipped);
    EXPECT_EQ(classify_batch_line("# a comment", false), BatchLineKind::skipped);
    EXPECT_EQ(classify_batch_line(" \t# an indented comment", false), BatchLineKind::skipped);
    // A line cut short is answered with its error, whatever its start looks like.
    EXPECT_EQ(classify_batch_line("Putin", true), BatchLineKind::too_long);
    EXPECT_EQ(classify_batch_line("# a comment", true), BatchLineKind::too_long);
    EXPECT_EQ(classify_batch_line("", true), BatchLineKind::too_long);
}

TEST(Request, ABatchLineCutShortIsThatLinesError) {
    std::string start = "Putin";
    const Status cut = check_batch_query(start, true, 65536);
    ASSERT_FALSE(cut.ok());
    EXPECT_EQ(cut.error().code, ErrorCode::usage);
    EXPECT_EQ(cut.error().message, "the line is longer than 65536 bytes");
    EXPECT_TRUE(check_batch_query(start, false, 65536).ok());
    std::string blank = "  ";
    EXPECT_EQ(check_batch_query(blank, false, 65536).error().message, "empty query");
}

}  // namespace
}  // namespace corpus::searcher

namespace corpus::searcher {
namespace {

// --new-since WHEN: a golden table against a fixed now.
TEST(Request, NewSinceReadsDatesDateTimesAndDurations) {
    const schema::Instant now = *schema::parse_instant("2026-12-07T21:30:05Z");
    const std::vector<std::pair<std::string, std::string>> table = {
        {"2026-12-01", "2026-12-01T00:00:00Z"},
        {"2026-12-07T09:15", "2026-12-07T09:15:00Z"},
        {"2026-12-07T09:15:30", "2026-12-07T09:15:30Z"},
        {"2026-12-07T09:15:30Z", "2026-12-07T09:15:30Z"},
        {"2026-12-07 09:15Z", "2026-12-07T09:15:00Z"},
        {"2026-12-07T09:15:30+09:00", "2026-12-07T00:15:30Z"},
        {"2026-12-07T01:00-05:30", "2026-12-07T06:30:00Z"},
        {"2026-12-07T03:00+09:00", "2026-12-06T18:00:00Z"},
        {"90m", "2026-12-07T20:00:05Z"},
        {"36h", "2026-12-06T09:30:05Z"},
        {"7d", "2026-11-30T21:30:05Z"},
        {"2w", "2026-11-23T21:30:05Z"},
    };
    for (const auto& [text, expected] : table) {
        const Result<schema::Instant> when = parse_when(text, now);
        ASSERT_TRUE(when.ok()) << text << ": " << when.error().message;
        EXPECT_EQ(schema::format_instant(when.value()), expected) << text;
    }
    for (const std::string text : {"", "now", "7", "d", "0d", "7y", "-7d", "7 d", "2026-02-30", "2026-12-07T24:00",
                                   "2026-12-07T09", "2026-12-07T09:60", "2026-12-07T09:15+9", "2026-12-07T09:15 UTC",
                                   "12345678h"}) {
        const Result<schema::Instant> when = parse_when(text, now);
        ASSERT_FALSE(when.ok()) << text;
        EXPECT_EQ(when.error().code, ErrorCode::usage);
        EXPECT_NE(when.error().message.find("--new-since"), std::string::npos);
    }
    EXPECT_EQ(schema::format_instant(*schema::parse_instant("1999-12-31T23:59:59Z")), "1999-12-31T23:59:59Z");
    EXPECT_FALSE(schema::parse_instant("1999-12-31T23:59:59"));
}

TEST(Request, NewSinceIsAFilterTheDigestRefuses) {
    const SearchRequest request = made({.new_since = "36h"});
    ASSERT_TRUE(request.changed_after);
    EXPECT_FALSE(request.changed_until);
    EXPECT_TRUE(has_filters(request));
    EXPECT_NE(refused({.new_since = "soon"}).find("--new-since \"soon\""), std::string::npos);
    EXPECT_NE(refused({.new_since = "1h", .output = OutputMode::digest}).find("--digest"), std::string::npos);
    const SearchRequest digest = made({.output = OutputMode::digest});
    EXPECT_TRUE(digest.snippets);
    EXPECT_FALSE(digest.count_chrome_only);
    EXPECT_GT(digest.limit, max_limit);
}

}  // namespace
}  // namespace corpus::searcher
