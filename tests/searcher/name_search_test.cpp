// Issue 3 acceptance: Korean names searched in a real index of the five seed articles.
#include "schema/index.h"
#include "schema/names.h"
#include "schema/person_facet.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>

namespace corpus::searcher {
namespace {

using namespace testing::seed;
using Ids = std::set<std::string>;

class NameSearch : public testing::SeedIndexTest {
protected:
    static std::string db() { return seed_db(); }

    static SearchResult search(const std::string& query) {
        Result<Searcher> searcher = Searcher::open(db());
        EXPECT_TRUE(searcher.ok()) << searcher.error().message;
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok()) << query << ": " << result.error().message;
        return result.ok() ? result.value() : SearchResult{};
    }

    static Ids ids(const std::string& query) {
        Ids out;
        for (const Hit& hit : search(query).hits) out.insert(hit.id);
        return out;
    }

    // The query as bare words and as a phrase must find the same articles.
    static void expect_finds(const std::string& name, const Ids& expected) {
        EXPECT_EQ(ids(name), expected) << name;
        EXPECT_EQ(ids("\"" + name + "\""), expected) << '"' << name << '"';
    }

};

TEST_F(NameSearch, KimJongUnInEveryForm) {
    const Ids all{a000, a001, a002, a003, a004};
    for (const char* name : {"Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "Kim Jongun", "KIM JONG UN", "kim jong un",
                             "Kim Ch\u014fng-\u016dn", "Kim Jeong-eun", "Jong-un Kim", "\uae40\uc815\uc740",
                             "Kim Jong Un's", "Kim Jong Un\u2019s"}) {
        expect_finds(name, all);
    }
}

TEST_F(NameSearch, YoonSukYeolInEveryForm) {
    const Ids expected{a000, a001, a002};
    for (const char* name : {"Yoon Suk Yeol", "Yoon Suk-yeol", "Yun Seok-yeol", "Yun S\u014fk-y\u014fl", "Yoon Sukyeol",
                             "Suk-yeol Yoon", "yoon suk yeol", "\uc724\uc11d\uc5f4", "Yoon Suk Yeol\u2019s"}) {
        expect_finds(name, expected);
    }
}

TEST_F(NameSearch, ChoTaeYulInEveryForm) {
    for (const char* name : {"Cho Tae-yul", "Cho Tae Yul", "Jo Tae-yeol", "Cho T'ae-y\u014fl", "\uc870\ud0dc\uc5f4"}) {
        expect_finds(name, Ids{a000, a001});
    }
}

TEST_F(NameSearch, OtherPeopleFindNothing) {
    for (const char* name : {"Kim Jong Il", "Kim Yo Jong", "Kim Il Sung", "Kim Jong Nam", "Kim Un-jong",
                             "Im Jong-seok", "Cho Tae-yong"}) {
        expect_finds(name, Ids{});
    }
}

TEST_F(NameSearch, OneSurnameManyPeople) {
    expect_finds("Lim Soo-seok", Ids{a002});
    expect_finds("Lim Eul-chul", Ids{a001});
    expect_finds("Im Jae-cheon", Ids{a004});
    expect_finds("Cho Koo-rae", Ids{a003});
    expect_finds("Jung Park", Ids{a003});
    expect_finds("Park Won-gon", Ids{a001});
    // A surname alone is a word, searched as typed.
    EXPECT_EQ(ids("Lim"), (Ids{a002, a004}));
}

TEST_F(NameSearch, NamesCombineWithOtherWords) {
    EXPECT_EQ(ids("Putin Yoon Suk-yeol"), (Ids{a000, a001, a002}));
    EXPECT_EQ(ids("\"leader Kim Jong-un\""), (Ids{a000, a001, a003, a004}));
    EXPECT_EQ(ids("\"Kim Jong Un signed\""), (Ids{a003}));
}

TEST_F(NameSearch, SnippetLightsTheArticlesOwnSpelling) {
    for (const Hit& hit : search("Yoon Suk Yeol").hits) {
        if (hit.id != a002) continue;
        bool lit = false;
        for (const SnippetPart& part : hit.snippet.parts) lit = lit || (part.highlighted && part.text == "Yoon Suk-yeol");
        EXPECT_TRUE(lit);
        return;
    }
    ADD_FAILURE() << "002 not found";
}

TEST_F(NameSearch, PersonFacetAndFilter) {
    Result<Xapian::Database> database = schema::open_for_reading(db());
    ASSERT_TRUE(database.ok());
    Result<QueryNode> parsed = parse_query("Putin");
    ASSERT_TRUE(parsed.ok());
    Result<CompiledQuery> compiled = compile_query(parsed.value(), database.value());
    ASSERT_TRUE(compiled.ok());

    Xapian::Enquire enquire(database.value());
    enquire.set_query(compiled->query);
    Xapian::ValueCountMatchSpy spy(schema::slot_persons);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 10, database->get_doccount());
    std::map<std::string, std::pair<std::string, std::size_t>> facet;
    for (const schema::PersonCount& count : schema::person_counts(spy)) facet[count.key] = {count.display, count.count};
    const std::string kim = *schema::person_key("Kim Jong-un");
    const std::string yoon = *schema::person_key("\uc724\uc11d\uc5f4");
    EXPECT_EQ(facet[kim], (std::pair<std::string, std::size_t>{"Kim Jong Un", 5}));
    EXPECT_EQ(facet[yoon], (std::pair<std::string, std::size_t>{"Yoon Suk Yeol", 3}));
    EXPECT_EQ(facet.count(*schema::person_key("Kim Jong Il")), 0u);

    // --person in any spelling: the name's sets filter.
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, compiled->query,
                                    *schema::person_filter(database.value(), "Yun Seok-yeol")));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 3u);
}

}  // namespace
}  // namespace corpus::searcher
