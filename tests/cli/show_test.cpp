// corpus-search --show and --scope as a user runs them on the seed corpus: what the
// engine thinks each article is, and chrome kept out of default searches.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

const char* const seed_ids[] = {"000_4187df94d3ce0a80", "001_e37822f24c939602", "002_66667886bb51a6a5",
                                "003_457d596eeaa5c52e", "004_776d4640786f29a7"};

class Show : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        ASSERT_EQ(run({index_bin(), "--db", db()}).exit_code, 0);
        ASSERT_EQ(run({index_bin(), "--db", bare_db(), "--no-metadata"}).exit_code, 0);
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }
    static std::string bare_db() { return (*dir_ / "bare").string(); }

    static nlohmann::json show(const std::string& database, const std::string& id) {
        const CommandResult result = run({search_bin(), "--db", database, "--show", id, "--format", "json"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return nlohmann::json::parse(result.out, nullptr, false);
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> Show::dir_;

// Without surrounding spaces, tabs and no-break spaces, as segmentation stores lines.
std::string trimmed(std::string line) {
    const std::string nbsp = "\u00a0";
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.starts_with(nbsp))) {
        line.erase(0, line.starts_with(nbsp) ? nbsp.size() : 1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.ends_with(nbsp))) {
        line.resize(line.size() - (line.ends_with(nbsp) ? nbsp.size() : 1));
    }
    return line;
}

// Acceptance: every paragraph of the article in the body, nothing of the page around it,
// and the headline as title, judged against the hand-labelled copies in tests/data.
TEST_F(Show, BodyIsTheArticleAndTitleTheHeadline) {
    for (const char* id : seed_ids) {
        const nlohmann::json article = show(bare_db(), id);
        ASSERT_TRUE(article.is_object()) << id;
        const std::string body = article["body"];
        const std::string chrome = article["chrome"];
        std::istringstream labels(read_file(source_dir() / "tests" / "data" / "segmentation" / (std::string(id) + ".labels")));
        std::string line;
        while (std::getline(labels, line)) {
            if (line.size() < 2 || line[1] != ' ') continue;
            const std::string text = trimmed(line.substr(2));
            if (text.empty()) continue;
            if (line[0] == 'B') {
                EXPECT_NE(body.find(text), std::string::npos) << id << " body lacks: " << text;
            }
            if (line[0] == 'C') {
                EXPECT_EQ(body.find(text + "\n"), std::string::npos) << id << " body holds chrome: " << text;
                EXPECT_NE(chrome.find(text), std::string::npos) << id << " chrome lacks: " << text;
            }
            if (line[0] == 'T') {
                EXPECT_EQ(article["title"], text) << id;
            }
        }
    }
}

TEST_F(Show, JsonFollowsTheSchemaAndFlagsInferredValues) {
    for (const char* id : seed_ids) {
        for (const std::string& database : {db(), bare_db()}) {
            const CommandResult result = run({search_bin(), "--db", database, "--show", id, "--format", "json"});
            const CommandResult check = validate_json("article-output.schema.json", result.out);
            EXPECT_EQ(check.exit_code, 0) << check.err << result.out;
        }
    }
    const nlohmann::json given = show(db(), "002_66667886bb51a6a5");
    EXPECT_EQ(given["outlet"], "The Asia Business Daily");
    EXPECT_EQ(given["outlet_inferred"], false);
    EXPECT_EQ(given["date"], "2024-06-18");
    EXPECT_EQ(given["date_inferred"], false);
}

// Acceptance: without metadata, outlets named in the page are found; no capture date
// is ever taken for a publication date.
TEST_F(Show, WithoutMetadataOutletsComeFromThePageAndNoDateIsACaptureDate) {
    const std::pair<const char*, const char*> named[] = {
        {"000_4187df94d3ce0a80", "Oilprice.com"},
        {"002_66667886bb51a6a5", "The Asia Business Daily"},
        {"003_457d596eeaa5c52e", "NE Global"},
    };
    for (const auto& [id, outlet] : named) {
        const nlohmann::json article = show(bare_db(), id);
        EXPECT_EQ(article["outlet"], outlet) << id;
        EXPECT_EQ(article["outlet_inferred"], true) << id;
        EXPECT_TRUE(article["evidence"].contains("outlet")) << id;
    }
    for (const char* id : seed_ids) {
        const nlohmann::json article = show(bare_db(), id);
        EXPECT_NE(article["date"], "2025-05-15") << id;  // 001's capture date
        EXPECT_NE(article["date"], "2024-12-23") << id;  // 004's capture date
        if (article["date"] == "unknown") {
            EXPECT_EQ(article["date_inferred"], false) << id;
        }
    }
}

// Issue 23: a title found in the page is marked inferred like the outlet and the date, in
// --show (text and JSON) and in search results; a page headed by navigation gets no title
// rather than a wrong one.
TEST_F(Show, InferredTitlesAreMarked) {
    const std::string id = "002_66667886bb51a6a5";
    EXPECT_EQ(show(db(), id)["title_inferred"], false);
    const nlohmann::json found = show(bare_db(), id);
    EXPECT_EQ(found["title"], "Putin Arrives in Pyongyang Today... First Visit in 24 Years");
    EXPECT_EQ(found["title_inferred"], true);
    const CommandResult text = run({search_bin(), "--db", bare_db(), "--show", id});
    EXPECT_NE(text.out.find("title:   Putin Arrives in Pyongyang Today... First Visit in 24 Years (inferred)\n"),
              std::string::npos)
        << text.out;

    for (const auto& [database, inferred] : {std::pair{db(), false}, std::pair{bare_db(), true}}) {
        const CommandResult result = run({search_bin(), "--db", database, "--format", "json", "Pyongyang"});
        ASSERT_EQ(result.exit_code, 0) << result.err;
        const CommandResult check = validate_json("search-output.schema.json", result.out);
        EXPECT_EQ(check.exit_code, 0) << check.err << result.out;
        const nlohmann::json hits = nlohmann::json::parse(result.out)["results"];
        ASSERT_FALSE(hits.empty());
        for (const nlohmann::json& hit : hits) EXPECT_EQ(hit["title_inferred"], inferred) << hit["id"];
    }

    TempDir pages;
    fs::create_directories(pages / "src");
    write_file(pages / "src" / "nav.txt",
               "Skip to content\n\nMenu\n\nLawmakers Approve Budget After Overnight Session\n\n"
               "The National Assembly passed next year's budget early on Friday after an overnight session in "
               "which the ruling and opposition parties traded amendments until the last minute.\n");
    const std::string pages_db = (pages / "db").string();
    ASSERT_EQ(run({index_bin(), "--db", pages_db, "--no-metadata", (pages / "src").string()}).exit_code, 0);
    const CommandResult nav = run({search_bin(), "--db", pages_db, "--show", "nav", "--format", "json"});
    const CommandResult check = validate_json("article-output.schema.json", nav.out);
    EXPECT_EQ(check.exit_code, 0) << check.err << nav.out;
    const nlohmann::json article = nlohmann::json::parse(nav.out, nullptr, false);
    // The navigation is never the title; the headline under it is, marked inferred.
    EXPECT_EQ(article["title"], "Lawmakers Approve Budget After Overnight Session");
    EXPECT_EQ(article["title_inferred"], true);
    EXPECT_NE(article["chrome"].get<std::string>().find("Skip to content"), std::string::npos);
}

TEST_F(Show, UnknownIdAndMisuseAreReported) {
    const CommandResult missing = run({search_bin(), "--db", db(), "--show", "no_such_article"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("no article with id \"no_such_article\""), std::string::npos) << missing.err;
    const CommandResult both = run({search_bin(), "--db", db(), "--show", seed_ids[0], "Putin"});
    EXPECT_EQ(both.exit_code, 2);
}

TEST_F(Show, TextFormShowsBodyAndChromeApart) {
    const CommandResult result = run({search_bin(), "--db", bare_db(), "--show", "002_66667886bb51a6a5"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("outlet:  The Asia Business Daily (inferred) from: \u00a9 The Asia Business Daily"),
              std::string::npos)
        << result.out;
    const std::size_t body = result.out.find("--- body ---");
    const std::size_t chrome = result.out.find("--- chrome ---");
    ASSERT_NE(body, std::string::npos);
    ASSERT_NE(chrome, std::string::npos);
    const std::size_t paragraph = result.out.find("Lim Soo-seok, spokesperson");
    EXPECT_TRUE(body < paragraph && paragraph < chrome);
    EXPECT_NE(result.out.find("All rights reserved", chrome), std::string::npos);
}

// Acceptance: a word only in a page's chrome (001's "Hot this week" list) finds nothing
// by default and finds that page with --scope all.
TEST_F(Show, ChromeIsSearchedOnlyWithScopeAll) {
    const CommandResult article = run({search_bin(), "--db", db(), "--format", "json", "Nasdaq"});
    EXPECT_EQ(article.exit_code, 1) << article.out;
    const CommandResult all = run({search_bin(), "--db", db(), "--format", "json", "--scope", "all", "Nasdaq"});
    EXPECT_EQ(all.exit_code, 0) << all.err;
    const nlohmann::json result = nlohmann::json::parse(all.out);
    ASSERT_EQ(result["total"], 1);
    EXPECT_EQ(result["results"][0]["id"], "001_e37822f24c939602");
    // The same holds for phrases and NEAR, and for words in both places.
    EXPECT_EQ(run({search_bin(), "--db", db(), "\"Tariff Truce\""}).exit_code, 1);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--scope", "all", "\"Tariff Truce\""}).exit_code, 0);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--scope", "all", "Brent NEAR/2 settles"}).exit_code, 0);
    EXPECT_EQ(run({search_bin(), "--db", db(), "Brent NEAR/2 settles"}).exit_code, 1);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--scope", "page", "Nasdaq"}).exit_code, 2);
}

// A phrase never runs from one paragraph into the next.
TEST_F(Show, PhrasesStopAtParagraphBoundaries) {
    // 000's body: "...to a new level." then the paragraph "First Vice Foreign Minister ...".
    EXPECT_EQ(run({search_bin(), "--db", db(), "\"first vice foreign minister\""}).exit_code, 0);
    EXPECT_EQ(run({search_bin(), "--db", db(), "\"new level first vice\""}).exit_code, 1);
    // 000's chrome: "Download The Free Oilprice App Today" then "Back to homepage".
    EXPECT_EQ(run({search_bin(), "--db", db(), "--scope", "all", "\"back to homepage\""}).exit_code, 0);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--scope", "all", "\"app today back\""}).exit_code, 1);
}

}  // namespace
}  // namespace corpus::testing
