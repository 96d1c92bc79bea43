// Issue 22: every construct of the query language, run by the real corpus-search over an
// index the real corpus-index builds of articles written for it, each answer the exact set
// of articles a reader of them expects.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {

struct Article {
    std::string id;
    std::string title;
    std::string outlet;
    std::string date;  // empty: undated
    std::string body;  // paragraphs apart by blank lines
};

const std::vector<Article>& articles() {
    static const std::vector<Article> all = {
        {"t1", "Treaty signed in Pyongyang", "Yonhap", "2024-06-18",
         "The leaders signed a mutual defense treaty in the capital.\n\nKim Jong Un said the pact was historic."},
        {"t2", "Putin visits Pyongyang", "Korea Herald", "2024-06-19",
         "Putin met Kim Jong-un on Wednesday. The treaty was discussed.\n\nChoe Son Hui said relations were strong."},
        {"t3", "Sanctions debate", "Yonhap", "2024-05-02",
         "The Security Council discussed sanctions on North Korea.\n\nOfficials told reporters the sanctioned firms were "
         "known."},
        {"t4", "Organisation of the summit", "NK News", "",
         "Kim Jong Un arrived first. Putin waited.\n\nThe treaty text was not released."},
        {"t5", "Kim Jong Un meets Putin", "Korea Herald", "2023-12-30",
         "Talks were held in Moscow about trade. Putin said little."},
    };
    return all;
}

class QueryLanguage : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        std::filesystem::create_directories(*dir_ / "src");
        for (const Article& article : articles()) {
            write_file(*dir_ / "src" / (article.id + ".txt"), article.body + "\n");
            std::string meta = "{\"title\": \"" + article.title + "\", \"outlet\": \"" + article.outlet + "\"";
            if (!article.date.empty()) meta += ", \"date\": \"" + article.date + "\"";
            write_file(*dir_ / "src" / (article.id + ".meta.json"), meta + "}\n");
        }
        const CommandResult indexed = run({index_bin(), "--db", db(), (*dir_ / "src").string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {search_bin(), "--db", db()});
        return run(args);
    }

    // The ids a query finds, in the order given.
    static std::vector<std::string> ids(const std::string& query, std::vector<std::string> options = {}) {
        options.insert(options.end(), {"--ids", "--"});
        if (!query.empty()) options.push_back(query);
        const CommandResult result = search(options);
        EXPECT_TRUE(result.exit_code == 0 || result.exit_code == 1) << query << ": " << result.err;
        EXPECT_EQ(result.err, "") << query;
        std::vector<std::string> found;
        std::istringstream lines(result.out);
        for (std::string line; std::getline(lines, line);) found.push_back(line);
        return found;
    }

    static std::vector<std::string> sorted_ids(const std::string& query) {
        std::vector<std::string> found = ids(query);
        std::sort(found.begin(), found.end());
        return found;
    }

    static void expect_error(const std::string& query, const std::string& needle) {
        const CommandResult result = search({"--", query});
        EXPECT_EQ(result.exit_code, 2) << query;
        EXPECT_EQ(result.out, "") << query;
        EXPECT_NE(result.err.find(needle), std::string::npos) << query << ": " << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << query << ": " << result.err;
    }

private:
    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> QueryLanguage::dir_;

using Ids = std::vector<std::string>;

TEST_F(QueryLanguage, ExclusionsExcludeAndAloneMeanEveryArticleExcept) {
    EXPECT_EQ(sorted_ids("treaty -Pyongyang"), (Ids{"t4"}));
    EXPECT_EQ(sorted_ids("treaty -\"mutual defense\""), (Ids{"t2", "t4"}));
    EXPECT_EQ(sorted_ids("treaty -(Moscow OR capital)"), (Ids{"t2", "t4"}));
    EXPECT_EQ(sorted_ids("-treaty"), (Ids{"t3", "t5"}));
    EXPECT_EQ(sorted_ids("treaty -outlet:yonhap"), (Ids{"t2", "t4"}));
}

TEST_F(QueryLanguage, TitleSearchesTheTitleOnly) {
    EXPECT_EQ(sorted_ids("title:treaty"), (Ids{"t1"}));
    EXPECT_EQ(sorted_ids("title:treaties"), (Ids{"t1"}));  // stemmed, like a bare word
    EXPECT_EQ(sorted_ids("title:\"visits Pyongyang\""), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("title:sanct*"), (Ids{"t3"}));
    // A name in the title, in any spelling; in the body only, not.
    EXPECT_EQ(sorted_ids("title:\"Kim Jong-un\""), (Ids{"t5"}));
    EXPECT_EQ(sorted_ids("title:\"Kim Jong Un meets\""), (Ids{"t5"}));
    EXPECT_EQ(sorted_ids("Title:Putin OR title:organisation"), (Ids{"t2", "t4", "t5"}));
}

TEST_F(QueryLanguage, OutletPersonAndIdFields) {
    EXPECT_EQ(sorted_ids("outlet:yonhap"), (Ids{"t1", "t3"}));
    EXPECT_EQ(sorted_ids("outlet:\"korea  HERALD\""), (Ids{"t2", "t5"}));
    EXPECT_EQ(sorted_ids("treaty outlet:\"Korea Herald\""), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("person:\"Kim Jong-un\""), (Ids{"t1", "t2", "t4", "t5"}));
    EXPECT_EQ(sorted_ids("person:\"Choe Son-hui\" OR outlet:\"NK News\""), (Ids{"t2", "t4"}));
    EXPECT_EQ(sorted_ids("id:t3"), (Ids{"t3"}));
}

TEST_F(QueryLanguage, DatesAndRangesNeverMatchTheUndated) {
    EXPECT_EQ(sorted_ids("date:2024-06-18"), (Ids{"t1"}));
    EXPECT_EQ(sorted_ids("date:2024-06"), (Ids{"t1", "t2"}));
    EXPECT_EQ(sorted_ids("date:2024"), (Ids{"t1", "t2", "t3"}));
    EXPECT_EQ(sorted_ids("date:2024-06-19..2024-06-30"), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("date:2024-06.."), (Ids{"t1", "t2"}));
    EXPECT_EQ(sorted_ids("date:..2024-05"), (Ids{"t3", "t5"}));
    EXPECT_EQ(sorted_ids("Putin date:2023..2024-05"), (Ids{"t5"}));
    EXPECT_EQ(sorted_ids("treaty -date:2024"), (Ids{"t4"}));
}

TEST_F(QueryLanguage, FiltersAloneListTheirArticlesNewestFirst) {
    EXPECT_EQ(ids("outlet:Yonhap"), (Ids{"t1", "t3"}));
    EXPECT_EQ(ids("", {"--outlet", "Yonhap"}), (Ids{"t1", "t3"}));
    EXPECT_EQ(ids("date:2024"), (Ids{"t2", "t1", "t3"}));
    // Undated articles last.
    EXPECT_EQ(ids("", {"--person", "Kim Jong-un"}), (Ids{"t2", "t1", "t5", "t4"}));
    EXPECT_EQ(ids("", {"--from", "2024-06-01"}), (Ids{"t2", "t1"}));
}

TEST_F(QueryLanguage, NearAndAdjTakeWordsPhrasesAndNames) {
    EXPECT_EQ(sorted_ids("\"Kim Jong Un\" NEAR/3 Putin"), (Ids{"t2", "t4", "t5"}));
    EXPECT_EQ(sorted_ids("Kim Jong Un NEAR/3 Putin"), (Ids{"t2", "t4", "t5"}));
    EXPECT_EQ(sorted_ids("Putin ADJ/3 \"Kim Jong Un\""), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("Kim Jong-un ADJ/3 Putin"), (Ids{"t4", "t5"}));
    EXPECT_EQ(sorted_ids("\"Choe Son Hui\" NEAR/2 said"), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("\"Choe Son Hui\" NEAR/0 relations"), (Ids{}));
    EXPECT_EQ(sorted_ids("\"mutual defense\" ADJ/0 treaty"), (Ids{"t1"}));
    EXPECT_EQ(sorted_ids("treaty ADJ/0 \"mutual defense\""), (Ids{}));
    EXPECT_EQ(sorted_ids("Putin ADJ/1 Kim"), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("Kim ADJ/1 Putin"), (Ids{}));
}

TEST_F(QueryLanguage, SameMeansOneParagraphAndTheTitleIsOne) {
    EXPECT_EQ(sorted_ids("Putin SAME treaty"), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("treaty SAME \"Kim Jong Un\""), (Ids{"t2"}));
    EXPECT_EQ(sorted_ids("Kim Jong Un SAME Putin"), (Ids{"t2", "t4", "t5"}));
    // t1's title names Pyongyang and its first paragraph the defense: two paragraphs.
    EXPECT_EQ(sorted_ids("Pyongyang SAME defense"), (Ids{}));
    EXPECT_EQ(sorted_ids("signed SAME Pyongyang"), (Ids{"t1"}));
}

TEST_F(QueryLanguage, WhatCannotBeReadIsAnErrorNamingIt) {
    expect_error("titel:treaty", "'titel:' is not a search field; the fields are title:");
    expect_error("http://example.com", "'http:' is not a search field");
    expect_error("title:", "'title:' needs a value");
    expect_error("treaty outlet:", "'outlet:' needs a value");
    expect_error("date:2024-13", "date:2024-13 is not a date");
    expect_error("date:2024-02-30", "date:2024-02-30 is not a date");
    expect_error("date:2024-06-30..2024-06-01", "ends before it starts");
    expect_error("date:..", "date:.. is not a date");
    expect_error("person:Kim", "person:Kim is not a Korean personal name");
    expect_error("Putin NEAR/abc Kim", "'NEAR/abc': the distance is a number of words from 0 to 999");
    expect_error("Putin ADJ/1000 Kim", "'ADJ/1000'");
    expect_error("Putin SAME/3 Kim", "SAME takes none");
    expect_error("a NEAR b ADJ c", "'ADJ' cannot follow another operator");
    expect_error("title:treaty NEAR Putin", "not a field");
    expect_error("(a b) SAME c", "not a parenthesized group");
    expect_error("Pyongyang~", "'~' (fuzzy matching) is not supported");
    expect_error("*yang", "'*' only ends a word");
}

TEST_F(QueryLanguage, AnOutletTheIndexLacksIsNamedWithTheClosest) {
    const CommandResult result = search({"outlet:yonhapp"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_EQ(result.err,
              "corpus-search: no article in the index is from the outlet \"yonhapp\"; the closest outlets it holds: "
              "Yonhap, NK News, Korea Herald\n");
    const CommandResult person = search({"person:\"Kim Il Sung\""});
    EXPECT_EQ(person.exit_code, 1);
    EXPECT_EQ(person.err, "corpus-search: no article in the index mentions Kim Il Sung\n");
}

TEST_F(QueryLanguage, ExplainShowsEveryConstruct) {
    const CommandResult result =
        search({"--explain", "title:treaty outlet:Yonhap date:2024-06.. -id:t3 (Putin ADJ/2 \"Kim Jong Un\") "
                             "OR (a SAME b)"});
    EXPECT_NE(result.out.find("((title:treaty AND outlet:Yonhap AND date:2024-06-01.. AND NOT id:t3 AND "
                              "(Putin ADJ/2 \"Kim Jong Un\")) OR (a SAME b))"),
              std::string::npos)
        << result.out;
}

}  // namespace
}  // namespace corpus::testing
