// Issue 23, word breaking: glued sentence ends, host names, addresses and URLs, indexed
// by the real corpus-index and searched by the real corpus-search, whole and by parts.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {

struct Article {
    std::string id;
    std::string title;
    std::string body;
};

const std::vector<Article>& articles() {
    static const std::vector<Article> all = {
        {"g1", "Talks in the region",
         "The minister spent the week in Israel.Finally the talks ended without a statement.\n\n"
         "He said.The deal was done, and the delegation flew home on Friday."},
        {"g2", "Spam filters",
         "Readers can subscribe to the list at spamassassin.taint.org for news of each release.\n\n"
         "The maintainers answer questions there every week."},
        {"g3", "Letters",
         "Write to jm@jmason.org with questions about the filter rules.\n\n"
         "Every letter is answered within a few days."},
        {"g4", "Report on NKNews.org",
         "The full report is at https://www.nknews.org/2024/06/foo-bar/ for subscribers.\n\n"
         "It covers the summit and the treaty in detail."},
        // The same words, never glued: no phrase across a stop.
        {"g5", "Finally, a deal",
         "Finally, Israel signed the deal. The ministers left as the envoy said.\n\n"
         "The deal was done in the capital."},
    };
    return all;
}

class GluedWords : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        std::filesystem::create_directories(*dir_ / "src");
        for (const Article& article : articles()) {
            write_file(*dir_ / "src" / (article.id + ".txt"), article.body + "\n");
            write_file(*dir_ / "src" / (article.id + ".meta.json"),
                       "{\"title\": \"" + article.title + "\", \"outlet\": \"Wire\", \"date\": \"2024-06-18\"}\n");
        }
        const CommandResult indexed = run({index_bin(), "--db", db(), (*dir_ / "src").string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    // The ids a query finds, sorted.
    static std::vector<std::string> ids(const std::string& query) {
        const CommandResult result = run({search_bin(), "--db", db(), "--ids", "--", query});
        EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << query << ": " << result.err;
        EXPECT_EQ(result.err, "") << query;
        std::vector<std::string> found;
        std::istringstream lines(result.out);
        for (std::string line; std::getline(lines, line);) found.push_back(line);
        std::sort(found.begin(), found.end());
        return found;
    }

private:
    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> GluedWords::dir_;

using Ids = std::vector<std::string>;

TEST_F(GluedWords, AGluedSentenceEndSeparatesTheWords) {
    EXPECT_EQ(ids("Israel"), (Ids{"g1", "g5"}));
    EXPECT_EQ(ids("Finally"), (Ids{"g1", "g5"}));
    EXPECT_EQ(ids("\"Israel Finally\""), (Ids{"g1"}));
    EXPECT_EQ(ids("\"he said the deal\""), (Ids{"g1"}));
    EXPECT_EQ(ids("said ADJ/0 the"), (Ids{"g1"}));
    // Typed glued, the query is the same phrase.
    EXPECT_EQ(ids("said.The"), (Ids{"g1"}));
    EXPECT_EQ(ids("Israel.Finally"), (Ids{"g1"}));
}

TEST_F(GluedWords, AHostNameIsFoundWholeAndByItsParts) {
    EXPECT_EQ(ids("spamassassin"), (Ids{"g2"}));
    EXPECT_EQ(ids("taint"), (Ids{"g2"}));
    EXPECT_EQ(ids("spamassassin.taint.org"), (Ids{"g2"}));
    EXPECT_EQ(ids("\"spamassassin.taint.org\""), (Ids{"g2"}));
    // A part stands where the host does: phrases through it still match.
    EXPECT_EQ(ids("\"list at spamassassin\""), (Ids{"g2"}));
    EXPECT_EQ(ids("\"at spamassassin.taint.org for\""), (Ids{"g2"}));
    EXPECT_EQ(ids("spamass*"), (Ids{"g2"}));
    EXPECT_EQ(ids("org"), (Ids{"g2", "g3", "g4"}));
}

TEST_F(GluedWords, AnAddressIsFoundWholeAndByItsParts) {
    EXPECT_EQ(ids("jmason"), (Ids{"g3"}));
    EXPECT_EQ(ids("jm@jmason.org"), (Ids{"g3"}));
    EXPECT_EQ(ids("\"to jm@jmason.org with\""), (Ids{"g3"}));
}

TEST_F(GluedWords, AUrlIsFoundWholeAndByItsParts) {
    EXPECT_EQ(ids("nknews"), (Ids{"g4"}));
    EXPECT_EQ(ids("www.nknews.org"), (Ids{"g4"}));
    // Quoted, for "https:" unquoted reads as a field.
    EXPECT_EQ(ids("\"https://www.nknews.org/2024/06/foo-bar/\""), (Ids{"g4"}));
    EXPECT_EQ(ids("\"at https://www.nknews.org/2024/06/foo-bar/ for\""), (Ids{"g4"}));
    // In the title too.
    EXPECT_EQ(ids("title:nknews"), (Ids{"g4"}));
    EXPECT_EQ(ids("title:NKNews.org"), (Ids{"g4"}));
}

// The snippet lights the host name a part found.
TEST_F(GluedWords, TheSnippetLightsTheWholeForAPart) {
    const CommandResult result = run({search_bin(), "--db", db(), "--format", "json", "spamassassin"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const nlohmann::json out = nlohmann::json::parse(result.out);
    ASSERT_EQ(out["results"].size(), 1u);
    const std::string snippet = out["results"][0]["snippet"];
    EXPECT_NE(snippet.find("<mark>spamassassin.taint.org</mark>"), std::string::npos) << snippet;
}

}  // namespace
}  // namespace corpus::testing
