// Queries against a real index of the five seed articles, with the answers a careful
// reader of the files expects.
#include "indexer/indexer.h"
#include "schema/analysis.h"
#include "schema/fields.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/render.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

namespace corpus::searcher {
namespace {

using namespace testing::seed;
using Ids = std::set<std::string>;

class SeedSearch : public testing::SeedIndexTest {
protected:

    static SearchResult search(SearchRequest request) {
        Result<Searcher> searcher = Searcher::open(seed_db());
        EXPECT_TRUE(searcher.ok()) << searcher.error().message;
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok()) << request.query << ": " << result.error().message;
        return result.ok() ? result.value() : SearchResult{};
    }

    static Ids ids(const std::string& query) {
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        return ids_of(search(request));
    }

    static Ids ids_of(const SearchResult& result) {
        Ids out;
        for (const Hit& hit : result.hits) out.insert(hit.id);
        EXPECT_EQ(out.size(), result.total);
        return out;
    }

};

TEST_F(SeedSearch, WordsMustAllMatch) {
    EXPECT_EQ(ids("mutual assistance"), (Ids{a000}));
    EXPECT_EQ(ids("Zinoviev"), (Ids{a000, a004}));
    EXPECT_EQ(ids("military aid"), (Ids{a000, a001}));
}

TEST_F(SeedSearch, PhrasesMatchExactWordsInOrder) {
    EXPECT_EQ(ids("\"mutual assistance\""), (Ids{a000}));
    EXPECT_EQ(ids("\"military aid\""), (Ids{a000}));
    EXPECT_EQ(ids("\"comprehensive strategic partnership\""), (Ids{a000, a002, a003}));
    EXPECT_EQ(ids("\"partnership strategic comprehensive\""), Ids{});
    EXPECT_EQ(ids("\"Li Qiang\""), (Ids{a001, a002}));
}

TEST_F(SeedSearch, StemmingWidensWordsButNeverPhrases) {
    // 003 says "sanctions" only in a headline of its "Latest" list, which is not the article.
    EXPECT_EQ(ids("sanction"), (Ids{a000, a001, a002, a004}));
    EXPECT_EQ(ids("\"sanction\""), Ids{});
    EXPECT_EQ(ids("\"sanctions\""), (Ids{a000, a001, a002, a004}));
}

TEST_F(SeedSearch, BooleanOperators) {
    EXPECT_EQ(ids("Zinoviev AND Blinken"), (Ids{a000}));
    EXPECT_EQ(ids("Blinken OR Bromance"), (Ids{a000, a004}));
    EXPECT_EQ(ids("Zinoviev NOT Blinken"), (Ids{a004}));
    EXPECT_EQ(ids("Pyongyang AND NOT Seoul"), (Ids{a003, a004}));
    EXPECT_EQ(ids("(Blinken OR Bromance) AND Zinoviev"), (Ids{a000, a004}));
    EXPECT_EQ(ids("Zinoviev AND (Libya OR Nasdaq)"), Ids{});
    EXPECT_EQ(ids("NOT Pyongyang"), (Ids{a001}));
}

TEST_F(SeedSearch, NearFindsWordsCloseTogether) {
    EXPECT_EQ(ids("Blinken NEAR/2 condemned"), (Ids{a000}));
    EXPECT_EQ(ids("condemned NEAR/2 Blinken"), (Ids{a000}));
    EXPECT_EQ(ids("Blinken NEAR/2 Zinoviev"), Ids{});
    EXPECT_EQ(ids("multiwarhead NEAR missile"), (Ids{a003}));
}

TEST_F(SeedSearch, HyphenatedAndPossessiveFormsMeet) {
    // 002 writes "Kim Jong-un", 000 "Kim Jong Un"; 004 "Kim Jong Un’s".
    EXPECT_EQ(ids("\"Kim Jong-un\""), (Ids{a000, a001, a002, a003, a004}));
    EXPECT_EQ(ids("\"Putin's visit\""), (Ids{a001, a002, a003, a004}));
    EXPECT_EQ(ids("\"Putin’s visit\""), (Ids{a001, a002, a003, a004}));
}

TEST_F(SeedSearch, FacetsCountTheWholeMatchSetNotThePage) {
    SearchRequest request;
    request.query = "Putin";
    request.limit = 1;
    const SearchResult result = search(request);
    EXPECT_EQ(result.total, 5u);
    EXPECT_EQ(result.hits.size(), 1u);
    ASSERT_EQ(result.outlet_facet.size(), 4u);
    EXPECT_EQ(result.outlet_facet[0].value, "FN News Global");
    EXPECT_EQ(result.outlet_facet[0].count, 2u);
    std::size_t outlet_sum = 0;
    for (const FacetCount& f : result.outlet_facet) outlet_sum += f.count;
    EXPECT_EQ(outlet_sum, 5u);
    ASSERT_EQ(result.month_facet.size(), 1u);
    EXPECT_EQ(result.month_facet[0].value, "2024-06");
    EXPECT_EQ(result.month_facet[0].count, 5u);
}

TEST_F(SeedSearch, FiltersNarrowResultsAndFacets) {
    SearchRequest request;
    request.query = "Putin";
    request.outlets = {"FN News Global"};
    SearchResult result = search(request);
    EXPECT_EQ(ids_of(result), (Ids{a001, a004}));
    ASSERT_EQ(result.outlet_facet.size(), 1u);
    EXPECT_EQ(result.outlet_facet[0].count, 2u);

    request.outlets = {"fn news global", "oilprice.com"};
    EXPECT_EQ(ids_of(search(request)), (Ids{a000, a001, a004}));

    request.outlets.clear();
    request.from = schema::parse_date("2024-06-18");
    result = search(request);
    EXPECT_EQ(ids_of(result), (Ids{a000, a002, a003}));
    ASSERT_EQ(result.outlet_facet.size(), 3u);

    request.from.reset();
    request.to = schema::parse_date("2024-06-17");
    EXPECT_EQ(ids_of(search(request)), (Ids{a001, a004}));

    request.from = schema::parse_date("2024-06-18");
    request.to = schema::parse_date("2024-06-21");
    EXPECT_EQ(ids_of(search(request)), (Ids{a000, a002}));
}

TEST_F(SeedSearch, PagingWalksTheRanking) {
    SearchRequest request;
    request.query = "Putin";
    request.limit = 2;
    const SearchResult first = search(request);
    request.offset = 2;
    const SearchResult second = search(request);
    request.offset = 4;
    const SearchResult third = search(request);
    ASSERT_EQ(first.hits.size(), 2u);
    ASSERT_EQ(second.hits.size(), 2u);
    ASSERT_EQ(third.hits.size(), 1u);
    EXPECT_EQ(second.hits[0].rank, 3u);
    Ids all;
    for (const auto* page : {&first, &second, &third}) {
        for (const Hit& hit : page->hits) all.insert(hit.id);
    }
    EXPECT_EQ(all.size(), 5u);
    EXPECT_GE(first.hits[1].score, second.hits[0].score);
}

TEST_F(SeedSearch, HitsCarryMetadataAndAHighlightedSnippet) {
    SearchRequest request;
    request.query = "mutual assistance";
    const SearchResult result = search(request);
    ASSERT_EQ(result.hits.size(), 1u);
    const Hit& hit = result.hits[0];
    EXPECT_EQ(hit.id, a000);
    EXPECT_EQ(hit.title, "South Korea Warns Russia Over Military Pact with North Korea");
    EXPECT_EQ(hit.outlet, "Oilprice.com");
    EXPECT_EQ(hit.date, "2024-06-21");
    EXPECT_GT(hit.score, 0);
    const std::string html = snippet_html(hit.snippet);
    EXPECT_NE(html.find("calls for <mark>mutual</mark> <mark>assistance</mark> in the event"), std::string::npos)
        << html;
}

TEST_F(SeedSearch, PhraseSnippetMarksThePhraseWhole) {
    SearchRequest request;
    request.query = "\"mutual assistance\"";
    const SearchResult result = search(request);
    ASSERT_EQ(result.hits.size(), 1u);
    const std::string html = snippet_html(result.hits[0].snippet);
    EXPECT_NE(html.find("<mark>mutual assistance</mark>"), std::string::npos) << html;
}

TEST_F(SeedSearch, SnippetHighlightsInflectionsAndEscapesHtml) {
    SearchRequest request;
    request.query = "sanction desperation Blinken";
    const SearchResult result = search(request);
    ASSERT_EQ(result.hits.size(), 1u);
    const std::string html = snippet_html(result.hits[0].snippet);
    // The text says "sanctions" and "Russia's desperation".
    EXPECT_NE(html.find("UN <mark>sanctions</mark>."), std::string::npos) << html;
    EXPECT_NE(html.find("Russia&#39;s <mark>desperation</mark>"), std::string::npos) << html;
    EXPECT_EQ(html.find('\''), std::string::npos) << "quotes must be escaped: " << html;
}

// An open Searcher follows a rebuild's switch of generations without being reopened.
// A search split between threads, each matching a range of docids, answers as one thread
// does: the same total, the same page in the same order (by relevance or date) with the same scores, the same
// facets, the same count of articles only the chrome matches (counted on the calling
// thread, after a split search, or beside a search on one thread); over the seed
// articles and made-up ones filling three facet chunks.
TEST(SearchInParts, AnswersAsOneThreadDoes) {
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", dir / "src", 2100));
    const std::string db = (dir / "db").string();
    Result<Searcher> one = Searcher::open(db, schema::default_shard_timeout, Parallelism{1, 1});
    Result<Searcher> three = Searcher::open(db, schema::default_shard_timeout, Parallelism{3, 1});
    Result<Searcher> beside = Searcher::open(db, schema::default_shard_timeout, Parallelism{2, 1'000'000});
    ASSERT_TRUE(one.ok() && three.ok() && beside.ok());

    std::size_t chrome_only = 0;
    auto described = [](const SearchResult& r) {
        std::string out = std::to_string(r.total) + " matches, " + std::to_string(r.chrome_only_total) + " in chrome only\n";
        for (const Hit& hit : r.hits) out += std::to_string(hit.rank) + " " + hit.id + " " + std::to_string(hit.score) + "\n";
        for (const auto* facet : {&r.outlet_facet, &r.month_facet, &r.person_facet}) {
            for (const FacetCount& count : *facet) out += count.value + "=" + std::to_string(count.count) + " " + count.key + "\n";
        }
        return out;
    };
    for (const char* query : {"the", "peninsula", "envoy said", "Kim Jong Un", "Seoul OR Pyongyang",
                              "peninsula NOT Seoul", "\"officials said\"", "korea", "subscribe OR reserved",
                              "\"all rights reserved\""}) {
        for (const auto& [offset, limit, order] : {std::tuple<std::size_t, std::size_t, Order>{0, 10, Order::relevance},
                                                   {7, 25, Order::relevance}, {2090, 50, Order::relevance},
                                                   {0, 10, Order::newest}, {7, 25, Order::oldest},
                                                   {2090, 50, Order::newest}, {2090, 50, Order::oldest}}) {
            SearchRequest request;
            request.query = query;
            request.offset = offset;
            request.limit = limit;
            request.order = order;
            request.snippets = false;
            const Result<SearchResult> alone = one->search(request);
            const Result<SearchResult> split = three->search(request);
            const Result<SearchResult> counted_beside = beside->search(request);
            ASSERT_TRUE(alone.ok() && split.ok() && counted_beside.ok()) << query;
            EXPECT_EQ(alone->threads, 1u);
            EXPECT_EQ(counted_beside->threads, 1u);
            if (alone->total >= 100) {
                EXPECT_EQ(split->threads, 3u) << query;
            }
            EXPECT_EQ(described(split.value()), described(alone.value())) << query << " from " << offset << " order " << static_cast<int>(order);
            EXPECT_EQ(described(counted_beside.value()), described(alone.value())) << query << " from " << offset << " order " << static_cast<int>(order);
            chrome_only += alone->chrome_only_total;
        }
    }
    EXPECT_GT(chrome_only, 0u) << "no query here shows what the chrome-only count does";
}

// The total and facets come from a pass without weights, and the page from a second
// one that may rank the counted matches with a phrase's position checks left out: the
// page is the one a single weighted pass of the whole query gives. The phrases here
// stand where a match needs them, where it may lack them (under OR and NOT), and beside
// filters; "security alliance" is in about a quarter of the made-up articles, while
// both words are in nearly all of them.
TEST(SearchInPasses, RanksAsOneWeightedPassDoes) {
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", dir / "src", 2100));
    const std::string db_path = (dir / "db").string();
    const Xapian::Database db(db_path);
    struct Case {
        const char* query;
        const char* outlet;  // or nullptr
        const char* from;    // or nullptr
    };
    const Case cases[] = {
        {"\"security alliance\"", nullptr, nullptr},
        {"\"security alliance\" OR missile", nullptr, nullptr},
        {"missile NOT \"security alliance\"", nullptr, nullptr},
        {"treaty \"security alliance\"", nullptr, nullptr},
        {"security NEAR/2 alliance", nullptr, nullptr},
        {"missile OR (treaty AND \"trade cooperation\")", nullptr, nullptr},
        {"\"officials said\"", nullptr, nullptr},
        {"Kim Jong Un", nullptr, nullptr},
        {"said", nullptr, nullptr},
        {"Pyongyang", "FN News Global", nullptr},
        {"\"North Korea\"", nullptr, "2024-06-18"},
    };
    for (const Case& c : cases) {
        Result<QueryNode> parsed = parse_query(c.query);
        ASSERT_TRUE(parsed.ok()) << c.query;
        Result<CompiledQuery> compiled = compile_query(parsed.value(), db);
        ASSERT_TRUE(compiled.ok()) << c.query;
        Xapian::Query reference = compiled->query;
        SearchRequest request;
        request.query = c.query;
        request.snippets = false;
        if (c.outlet) {
            request.outlets = {c.outlet};
            reference = Xapian::Query(Xapian::Query::OP_FILTER, reference,
                                      Xapian::Query(schema::boolean_term(schema::outlet_term, c.outlet)));
        }
        if (c.from) {
            request.from = schema::parse_date(c.from);
            reference = Xapian::Query(Xapian::Query::OP_FILTER, reference,
                                      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date,
                                                    request.from->sortable(), "99991231"));
        }
        for (const auto& [offset, limit] : {std::pair<std::size_t, std::size_t>{0, 10}, {5, 40}}) {
            request.offset = offset;
            request.limit = limit;
            Xapian::Enquire enquire(db);
            enquire.set_query(reference);
            const Xapian::MSet expected = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                                           static_cast<Xapian::doccount>(limit), db.get_doccount());
            std::string want = std::to_string(expected.get_matches_estimated()) + " matches\n";
            for (Xapian::MSetIterator it = expected.begin(); it != expected.end(); ++it) {
                want += schema::decode_document_summary(it.get_document().get_data())->id + " " +
                        std::to_string(it.get_weight()) + "\n";
            }
            for (const unsigned threads : {1u, 2u}) {
                Result<Searcher> searcher = Searcher::open(db_path, schema::default_shard_timeout, Parallelism{threads, 1});
                ASSERT_TRUE(searcher.ok());
                const Result<SearchResult> result = searcher->search(request);
                ASSERT_TRUE(result.ok()) << c.query;
                std::string got = std::to_string(result->total) + " matches\n";
                for (const Hit& hit : result->hits) got += hit.id + " " + std::to_string(hit.score) + "\n";
                EXPECT_EQ(got, want) << c.query << " from " << offset << " on " << threads << " threads";
            }
            if (offset == 0) {
                EXPECT_GT(expected.size(), 0u) << c.query;
            }
        }
    }
}

TEST(SearcherRefresh, FollowsARebuild) {
    testing::TempDir dir;
    std::filesystem::copy(testing::seed_dir(), dir / "src");
    indexer::IndexOptions options;
    options.db_path = (dir / "db").string();
    options.sources = {dir / "src"};
    ASSERT_TRUE(indexer::run_index(options, {}).ok());
    Result<Searcher> searcher = Searcher::open(options.db_path);
    ASSERT_TRUE(searcher.ok());
    SearchRequest request;
    request.query = "kimchi";
    EXPECT_EQ(searcher->search(request)->total, 0u);

    testing::write_file(dir / "src" / "kimchi.txt", "Kimchi exports rise\n\nKimchi exports to Russia rose in June.\n");
    options.rebuild = true;
    ASSERT_TRUE(indexer::run_index(options, {}).ok());
    EXPECT_EQ(searcher->search(request)->total, 1u);
    EXPECT_TRUE(searcher->show("kimchi").ok());
}

}  // namespace
}  // namespace corpus::searcher
