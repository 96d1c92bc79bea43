// corpus-search --like ID ("more like this") as a user runs it, on a corpus indexed by the
// real corpus-index: a wire story, three near-copies of it from other outlets, articles
// on the same subject by other hands (tests/data/like/README.md), and the seed corpus.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::testing {
namespace {

const std::string source = "wire_source";
const std::set<std::string> copies = {"copy_headline", "copy_trimmed", "copy_dateline"};

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

class Like : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const std::string like_data = (source_dir() / "tests" / "data" / "like").string();
        const CommandResult one = run({index_bin(), "-q", "--db", db(), like_data, seed_dir().string()});
        ASSERT_EQ(one.exit_code, 0) << one.err;
        const CommandResult two =
            run({index_bin(), "-q", "--shards", "2", "--db", sharded_db(), like_data, seed_dir().string()});
        ASSERT_EQ(two.exit_code, 0) << two.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }
    static std::string sharded_db() { return (*dir_ / "sharded").string(); }

    static CommandResult search(std::vector<std::string> args, const std::string& database = db()) {
        args.insert(args.begin(), {search_bin(), "--db", database});
        return run(args);
    }

    // The ids --ids lists, in order; the search must find some.
    static std::vector<std::string> ids(std::vector<std::string> args, const std::string& database = db()) {
        args.insert(args.begin(), "--ids");
        const CommandResult result = search(args, database);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return lines(result.out);
    }

    static void expect_copies_first(const std::vector<std::string>& ranked) {
        ASSERT_GE(ranked.size(), 3u);
        EXPECT_EQ(std::set<std::string>(ranked.begin(), ranked.begin() + 3), copies)
            << ranked[0] << " " << ranked[1] << " " << ranked[2];
    }

    // Exit 2, nothing on stdout, one line on stderr holding `needle`.
    static void expect_refused(const CommandResult& result, const std::string& needle) {
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_TRUE(result.out.empty()) << result.out;
        ASSERT_FALSE(result.err.empty());
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    }

private:
    static inline std::unique_ptr<TempDir> dir_;
};

// Acceptance: the copies of the story, whatever their headline, length or spelling, rank
// 1 to 3; the article itself is no result; the rest follows.
TEST_F(Like, CopiesRankFirstAndTheArticleIsLeftOut) {
    const std::vector<std::string> ranked = ids({"--like", source});
    expect_copies_first(ranked);
    EXPECT_EQ(std::count(ranked.begin(), ranked.end(), source), 0);
    // Articles on the same subject by other hands come after them.
    EXPECT_GT(ranked.size(), 3u);
}

// The copy that respells the names (Kim Jong Un, Yun Seok-yeol, Shin Won Sik) and the
// words (defence) finds the source and the other copies first: names meet in any spelling.
TEST_F(Like, ACopyInOtherSpellingsFindsTheOthers) {
    const std::vector<std::string> ranked = ids({"--like", "copy_dateline"});
    ASSERT_GE(ranked.size(), 3u);
    EXPECT_EQ(std::set<std::string>(ranked.begin(), ranked.begin() + 3),
              (std::set<std::string>{source, "copy_headline", "copy_trimmed"}));
    EXPECT_EQ(std::count(ranked.begin(), ranked.end(), "copy_dateline"), 0);
}

TEST_F(Like, JsonFollowsTheSchemaWithFacetsAndTotal) {
    const CommandResult result = search({"--like", source, "--format", "json", "--no-collapse"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const CommandResult check = validate_json("search-output.schema.json", result.out);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err << result.out;
    const nlohmann::json json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["like"], source);
    EXPECT_EQ(json["query"], "");
    const std::vector<std::string> all = ids({"--like", source});
    EXPECT_EQ(json["total"], all.size());
    EXPECT_EQ(json["results"].size(), std::min<std::size_t>(10, all.size()));
    EXPECT_EQ(copies.count(json["results"][0]["id"]), 1u);
    // A snippet highlights the article's weightiest words.
    EXPECT_NE(json["results"][0]["snippet"].get<std::string>().find("<mark>"), std::string::npos) << result.out;
    // The facets count every match: the three copies' outlets among them.
    std::size_t counted = 0;
    for (const nlohmann::json& outlet : json["facets"]["outlet"]) counted += outlet["count"].get<std::size_t>();
    EXPECT_EQ(counted, all.size());
    EXPECT_FALSE(json["facets"]["person"].empty());
    // Text and CSV show the same ranking.
    const CommandResult text = search({"--like", source, "--limit", "3", "--no-collapse"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find(std::to_string(all.size()) + " articles match; showing 1-3."), std::string::npos) << text.out;
    for (const std::string& copy : copies) EXPECT_NE(text.out.find(copy), std::string::npos) << text.out;
    // --explain names the article and shows the query its terms became.
    const CommandResult explain = search({"--like", source, "--explain", "--limit", "0"});
    EXPECT_NE(explain.out.find("like:    " + source + "\n"), std::string::npos) << explain.out;
    EXPECT_NE(explain.out.find("AND_NOT Q" + source), std::string::npos) << explain.out;
    const CommandResult csv = search({"--like", source, "--format", "csv", "--limit", "1", "--no-collapse"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const std::vector<std::string> rows = lines(csv.out);
    ASSERT_EQ(rows.size(), 2u) << csv.out;
    EXPECT_TRUE(rows[1].starts_with("1," + all[0] + ",")) << csv.out;
}

// Collapsed (the default), the copies are one story: the best ranked copy first, listing
// the two others; the source, not a result, is in no list.
TEST_F(Like, CollapsedTheCopiesAreOneStory) {
    const CommandResult result = search({"--like", source, "--format", "json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const nlohmann::json json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["stories"], json["total"].get<std::size_t>() - 2);
    const nlohmann::json& best = json["results"][0];
    std::set<std::string> story{best["id"].get<std::string>()};
    for (const nlohmann::json& copy : best["copies"]) story.insert(copy["id"].get<std::string>());
    EXPECT_EQ(story, copies) << best;
    const CommandResult text = search({"--like", source, "--limit", "1"});
    EXPECT_NE(text.out.find("also ran in: "), std::string::npos) << text.out;
}

TEST_F(Like, FiltersPagingAndOrderApplyAsToASearch) {
    const std::vector<std::string> all = ids({"--like", source});
    EXPECT_EQ(ids({"--like", source, "--outlet", "Capital Daily"}),
              (std::vector<std::string>{"copy_dateline", "trilateral_drills"}));
    // Of the articles published from the 21st to the 27th, the two copies first.
    const std::vector<std::string> dated = ids({"--like", source, "--from", "2024-06-21", "--to", "2024-06-27"});
    ASSERT_EQ(dated.size(), 5u);
    EXPECT_EQ(std::set<std::string>(dated.begin(), dated.begin() + 2),
              (std::set<std::string>{"copy_trimmed", "copy_dateline"}));
    EXPECT_EQ(std::set<std::string>(dated.begin() + 2, dated.end()),
              (std::set<std::string>{"trilateral_drills", "warhead_claim", seed::a000}));
    // Jo Chun-ryong: in the story (and so its copies) and in one other article.
    const std::vector<std::string> jo = ids({"--like", source, "--person", "Jo Chun-ryong"});
    ASSERT_EQ(jo.size(), 4u);
    EXPECT_EQ(jo[3], "factory_tour");
    EXPECT_EQ(ids({"--like", source, "--limit", "2", "--offset", "1"}),
              (std::vector<std::string>{all[1], all[2]}));
    const CommandResult count = search({"--like", source, "--count"});
    EXPECT_EQ(count.out, std::to_string(all.size()) + "\n");
    // By date: the same articles, newest first.
    std::vector<std::string> newest = ids({"--like", source, "--sort", "newest"});
    EXPECT_EQ(newest.front(), "trilateral_drills");
    EXPECT_EQ(std::set<std::string>(newest.begin(), newest.end()), std::set<std::string>(all.begin(), all.end()));
}

// A query given with --like must match too; the likeness alone ranks.
TEST_F(Like, AQueryNarrowsTheArticlesLikeIt) {
    EXPECT_EQ(ids({"--like", source, "Incheon"}), (std::vector<std::string>{"copy_dateline"}));
    // Kishida is in the story's last paragraph, which two copies lost, and in the drills.
    EXPECT_EQ(ids({"--like", source, "Kishida"}), (std::vector<std::string>{"copy_headline", "trilateral_drills"}));
    const CommandResult none = search({"--like", source, "Nasdaq"});
    EXPECT_EQ(none.exit_code, 1) << none.err;
}

// An id the index lacks is --show's "no such article": exit 1 and a line naming it.
TEST_F(Like, AnUnknownIdIsNamedAndExitsAsShowDoes) {
    const CommandResult show = search({"--show", "no_such_story"});
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--like", "no_such_story"}, {"--like", "no_such_story", "--format", "json"}, {"--like", "no_such_story", "--count"}}) {
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, show.exit_code) << result.err;
        EXPECT_EQ(result.exit_code, 1);
        EXPECT_TRUE(result.out.empty()) << result.out;
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
        EXPECT_NE(result.err.find("no article with id \"no_such_story\""), std::string::npos) << result.err;
    }
}

TEST_F(Like, OtherCommandsAreRefused) {
    expect_refused(search({"--like", source, "--show", source}), "--like");
    expect_refused(search({"--like", source, "--batch", "-"}), "--like");
    expect_refused(search({"--like", source, "--digest", "searches.txt"}), "--like");
    expect_refused(search({"--like", ""}), "--like");
}

// Over several shards the article is found, and its terms weighed, in them together:
// the same ranking as one index holding the same articles.
TEST_F(Like, ShardedIndexRanksAsOneIndexDoes) {
    const std::vector<std::string> sharded = ids({"--like", source}, sharded_db());
    expect_copies_first(sharded);
    EXPECT_EQ(sharded, ids({"--like", source}));
    EXPECT_EQ(ids({"--like", "copy_trimmed", "--outlet", "Wire Service"}, sharded_db()),
              ids({"--like", "copy_trimmed", "--outlet", "Wire Service"}));
    const CommandResult unknown = search({"--like", "no_such_story"}, sharded_db());
    EXPECT_EQ(unknown.exit_code, 1) << unknown.err;
}

}  // namespace
}  // namespace corpus::testing
