// Issue 23's count of what the page's chrome alone matches is exact, whatever the query, on
// pages like the benchmark's (scripts/generate-corpus: menus, "Related" lists, comments
// and footers that name the same people and words as the articles): chrome_only_total
// equals what --scope all adds to the default scope's matches, counted apart from the ids
// the real corpus-search prints for both, in each way the count can run.
#include "schema/analysis.h"
#include "schema/fields.h"
#include "searcher/match_plan.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <memory>
#include <set>
#include <sstream>

namespace corpus::testing {
namespace {

namespace fs = std::filesystem;

constexpr int corpus_seed = 3;
constexpr std::size_t corpus_size = 400;

// A search: the query and the request's filters.
struct Case {
    std::string query;
    std::vector<std::string> outlets = {};
    std::vector<std::string> persons = {};
    std::string from = {};
    std::string to = {};

    std::vector<std::string> options() const {
        std::vector<std::string> args;
        for (const std::string& outlet : outlets) args.insert(args.end(), {"--outlet", outlet});
        for (const std::string& person : persons) args.insert(args.end(), {"--person", person});
        if (!from.empty()) args.insert(args.end(), {"--from", from});
        if (!to.empty()) args.insert(args.end(), {"--to", to});
        args.push_back(query);
        return args;
    }

    searcher::SearchRequest request() const {
        searcher::SearchRequest request;
        request.query = query;
        request.snippets = false;
        request.outlets = outlets;
        request.persons = persons;
        if (!from.empty()) request.from = schema::parse_date(from);
        if (!to.empty()) request.to = schema::parse_date(to);
        return request;
    }
};

// Every kind of query the language has, over words the generated pages hold in their
// articles, in their chrome, or in both.
const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        // single words: in the article and the chrome, mostly the chrome, the chrome alone
        {"Putin"}, {"treaty"}, {"sanctions"}, {"Kim"}, {"said"}, {"Biden"}, {"minutes"}, {"Toronto"},
        {"comments"}, {"subscribe"}, {"newsletter"}, {"podcasts"}, {"homepage"}, {"KakaoTalk"}, {"the"},
        {"defence"},  // the index holds it in American spelling
        // AND
        {"Putin AND Kim"}, {"missile launch"}, {"Seoul AND Tokyo AND Washington"}, {"visit security"},
        {"Biden Kim"}, {"newsletter treaty"}, {"Kim comments minutes"},
        // OR
        {"Seoul OR Pyongyang"}, {"(sanctions OR embargo) AND oil"}, {"newsletter OR treaty"},
        {"homepage OR podcasts OR Toronto"}, {"(Moscow OR Beijing) AND summit"},
        // NOT: a page excluded for a word in its chrome is not one --scope all adds
        {"Pyongyang NOT Seoul"}, {"treaty NOT Russia"}, {"Kim -comments"}, {"NOT Biden"}, {"Kim NOT Biden"},
        {"missile NOT (launch OR test)"}, {"(Putin OR Xi) NOT Trump"}, {"NOT homepage"},
        // phrases
        {"\"North Korea\""}, {"\"mutual aid\""}, {"\"food aid\""}, {"\"Back to homepage\""},
        {"\"North Korea\" missile"}, {"\"Share this article\" OR treaty"},
        // proximity
        {"missile NEAR/3 launch"}, {"Putin NEAR Kim"}, {"Kim ADJ/2 said"}, {"\"food aid\" NEAR/5 Kim"},
        {"Biden SAME Kim"}, {"\"North Korea\" SAME missile"},
        // names: sets in the article, the words as typed in the chrome
        {"Kim Jong Un"}, {"Kim Jong-un"}, {"KIM JONG UN"}, {"Roh Moo-hyun"}, {"Kim Yong-hyeon"},
        {"\xEA\xB9\x80\xEC\xA0\x95\xEC\x9D\x80"},  // 김정은
        {"Cho Tae-yul"}, {"\"Kim Jong Un\" treaty"}, {"Kim Jong-un OR newsletter"}, {"Roh Moo-hyun -visit"},
        // acronyms
        {"UN"}, {"DPRK"}, {"U.S."}, {"ROK"}, {"DPRK sanctions"},
        // wildcards, some of whose words only the chrome holds
        {"sanctio*"}, {"newslet*"}, {"homep*"}, {"podcas*"}, {"organis*"}, {"comment*"}, {"minut* Kim"},
        // query fields
        {"title:Kim"}, {"title:treaty sanctions"}, {"Kim date:2024"}, {"outlet:\"NK News\" Kim"},
        {"date:2024-06 OR newsletter"}, {"person:\"Kim Jong-un\" comments"},
        // filters
        {"Kim", {"The Straits Times"}}, {"newsletter", {"NK News", "Yonhap News Agency"}},
        {"Kim", {}, {}, "2024-01-01"}, {"treaty", {}, {}, "2023-01-01", "2023-12-31"},
        {"minutes OR treaty", {}, {}, {}, "2022-12-31"}, {"Biden", {}, {"Kim Jong-un"}},
        {"Kim Jong-un", {"The Korea Herald"}, {}, "2022-01-01", "2024-12-31"},
    };
    return all;
}

class ChromeCount : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const CommandResult generated = run({(source_dir() / "scripts" / "generate-corpus").string(), "--seed",
                                             std::to_string(corpus_seed), "--count", std::to_string(corpus_size),
                                             "--out", source().string()});
        ASSERT_EQ(generated.exit_code, 0) << "scripts/generate-corpus (it needs the Brown Corpus: run "
                                             "scripts/install-bench-deps first): "
                                          << generated.err;
        const CommandResult indexed = run({index_bin(), "--db", db(), "-q", source().string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static fs::path source() { return *dir_ / "src"; }
    static std::string db() { return (*dir_ / "db").string(); }

    static std::set<std::string> ids(std::vector<std::string> args) {
        args.insert(args.begin(), {search_bin(), "--db", db(), "--ids"});
        const CommandResult result = run(args);
        EXPECT_LE(result.exit_code, 1) << result.err;
        std::istringstream out(result.out);
        std::set<std::string> found;
        for (std::string line; std::getline(out, line);) found.insert(line);
        return found;
    }

    // What --scope all adds to the default scope's matches, from the ids both print.
    static std::size_t added_by_scope_all(const Case& search) {
        std::vector<std::string> all = search.options();
        all.insert(all.begin(), {"--scope", "all"});
        std::set<std::string> added = ids(all);
        for (const std::string& id : ids(search.options())) added.erase(id);
        return added.size();
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> ChromeCount::dir_;

TEST_F(ChromeCount, CountIsWhatScopeAllAddsForEveryKindOfQuery) {
    // Each way the count runs: beside a search on one thread (from the article query
    // again), after a search split between threads (from its list of matches), and on the
    // search's own thread when there is only one.
    const std::vector<std::pair<const char*, searcher::Parallelism>> ways = {
        {"beside the search", {2, 1'000'000}},
        {"after a split search", {2, 1}},
        {"on one thread", {1, 1'000'000}},
    };
    std::vector<Result<searcher::Searcher>> searchers;
    for (const auto& [name, parallelism] : ways) {
        searchers.push_back(searcher::Searcher::open(db(), schema::default_shard_timeout, parallelism));
        ASSERT_TRUE(searchers.back().ok()) << searchers.back().error().message;
    }
    std::size_t counted = 0;
    for (const Case& search : cases()) {
        const std::size_t expected = added_by_scope_all(search);
        counted += expected > 0 ? 1 : 0;
        std::vector<std::string> args = search.options();
        args.insert(args.begin(), {search_bin(), "--db", db(), "--format", "json"});
        const CommandResult answer = run(args);
        ASSERT_LE(answer.exit_code, 1) << search.query << ": " << answer.err;
        EXPECT_EQ(nlohmann::json::parse(answer.out)["chrome_only_total"], expected) << search.query;
        for (std::size_t way = 0; way < ways.size(); ++way) {
            const Result<searcher::SearchResult> result = searchers[way]->search(search.request());
            ASSERT_TRUE(result.ok()) << search.query << ": " << result.error().message;
            EXPECT_EQ(result->chrome_only_total, expected) << search.query << ", counted " << ways[way].first;
        }
    }
    // The pages' chrome hides something from most of these queries: a test of the count,
    // not of zeros.
    EXPECT_GT(counted, cases().size() / 2);
}

// The count reads the marker terms wherever that is exact: a word alone is its marker
// (counted by its frequency), and words combined without positions are kept to the
// articles holding one of their markers, but for the words under NOT (--scope all
// excluding more only keeps articles from the count); a phrase still reads the chrome's
// positions.
TEST_F(ChromeCount, CountReadsMarkersWhereTheyAreExact) {
    const Xapian::Database database(db());
    auto beyond = [&](const std::string& query) {
        const Result<searcher::QueryNode> parsed = searcher::parse_query(query);
        EXPECT_TRUE(parsed.ok());
        const Result<searcher::CompiledQuery> narrower =
            searcher::compile_query(parsed.value(), database, searcher::Scope::article);
        const Result<searcher::CompiledQuery> wider = searcher::compile_query(parsed.value(), database, searcher::Scope::all);
        EXPECT_TRUE(narrower.ok() && wider.ok());
        return searcher::beyond_narrower(database, wider->query, narrower->query);
    };
    auto marker = [](const char* word) { return *schema::chrome_only_term(schema::stem_term(schema::chrome_text, word)); };
    EXPECT_EQ(marker("treaty"), "XKZtreati");
    EXPECT_EQ(beyond("treaty").get_description(), Xapian::Query(marker("treaty")).get_description());

    auto terms_of = [](const Xapian::Query& query) {
        return std::set<std::string>(query.get_unique_terms_begin(), query.get_unique_terms_end());
    };
    const std::set<std::string> combined = terms_of(beyond("Putin AND Kim -comments"));
    EXPECT_TRUE(combined.contains(marker("putin")));
    EXPECT_TRUE(combined.contains(marker("kim")));
    EXPECT_FALSE(combined.contains(marker("comments")));
    EXPECT_EQ(beyond("NOT comments").get_description(), Xapian::Query::MatchNothing.get_description());
    const std::set<std::string> phrase = terms_of(beyond("\"North Korea\""));
    EXPECT_TRUE(phrase.contains(schema::exact_term(schema::chrome_text, "korea")));
    for (const std::string& term : phrase) EXPECT_FALSE(term.starts_with(schema::chrome_only_marker)) << term;
}

}  // namespace
}  // namespace corpus::testing
