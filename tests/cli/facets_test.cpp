// --facets and --facet-limit (issue 25), as a user runs corpus-search: which facets are
// counted and shown, how many values of each, in text, JSON and --batch, and the errors.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace corpus::testing {
namespace {

using nlohmann::json;

// Korean people the name layer knows, one mentioned in each article in turn.
const std::vector<std::string> people = {
    "Kim Jong Un",   "Yoon Suk Yeol",  "Moon Jae-in",  "Park Geun-hye", "Lee Jae-myung",
    "Cho Tae-yul",   "Han Duck-soo",   "Choe Son Hui", "Kim Yo Jong",   "Roh Moo-hyun",
    "Kim Dae-jung",  "Lee Myung-bak",  "Chung Eui-yong", "Ban Ki-moon",
};
constexpr int articles = 26;  // 24 months from 2023-01, and 2 undated
constexpr int outlets = 13;

class Facets : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const std::filesystem::path src = *dir_ / "src";
        std::filesystem::create_directories(src);
        for (int i = 0; i < articles; ++i) {
            const std::string id = "harbor" + std::to_string(100 + i);
            write_file(src / (id + ".txt"),
                       "Harbor Report\n\n" + people[static_cast<std::size_t>(i) % people.size()] +
                           " spoke about the harbor on the day the ministry said the measures would stay in place "
                           "until the talks resumed, and officials said they would watch the ports closely.\n");
            std::string meta = "{\"title\": \"Harbor Report\", \"outlet\": \"Outlet " +
                               std::to_string(10 + i % outlets) + "\"";
            if (i < 24) meta += ", \"date\": \"" + std::to_string(2023 + i / 12) + "-" + (i % 12 < 9 ? "0" : "") +
                                std::to_string(i % 12 + 1) + "-15\"";
            write_file(src / (id + ".meta.json"), meta + "}\n");
        }
        const CommandResult indexed = run({index_bin(), "--db", db(), src.string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
        whole_ = json::parse(search({"--format", "json", "harbor"}).out);
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static CommandResult search(std::vector<std::string> args, const std::string& stdin_text = {}) {
        // The articles share most of their body: near-copies, which these tests list one by one.
        args.insert(args.begin(), {search_bin(), "--db", db(), "--no-collapse"});
        return run(args, {}, stdin_text);
    }
    static json search_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        args.push_back("harbor");
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        const CommandResult check = validate_json("search-output.schema.json", result.out);
        EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
        return json::parse(result.out);
    }
    // The line of text output starting with `label`, or "" when there is none.
    static std::string line_of(const std::string& text, const std::string& label) {
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            if (text.compare(start, label.size(), label) == 0) return text.substr(start, end - start);
            start = end + 1;
        }
        return {};
    }
    // "value (count)" items of a facet's JSON values, joined as text output joins them.
    static std::string items(const json& values, std::size_t from, std::size_t count) {
        std::string out;
        for (std::size_t i = from; i < from + count && i < values.size(); ++i) {
            if (!out.empty()) out += ", ";
            out += values[i]["value"].get<std::string>() + " (" + std::to_string(values[i]["count"].get<int>()) + ")";
        }
        return out;
    }
    static void expect_usage_error(const std::vector<std::string>& args, const std::string& needle) {
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, 2) << result.out;
        EXPECT_EQ(result.out, "");
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << "one line: " << result.err;
    }

    static inline json whole_;  // JSON output with every facet and every value

private:
    static inline std::unique_ptr<TempDir> dir_;
};

TEST_F(Facets, TheCorpusHasMoreThanTenValuesOfEachFacet) {
    ASSERT_EQ(whole_["total"], articles);
    EXPECT_EQ(whole_["facets"]["outlet"].size(), static_cast<std::size_t>(outlets));
    EXPECT_EQ(whole_["facets"]["date"].size(), 25u);  // 24 months and unknown
    EXPECT_EQ(whole_["facets"]["date"].back()["value"], "unknown");
    EXPECT_EQ(whole_["facets"]["person"].size(), people.size()) << whole_["facets"]["person"].dump();
    EXPECT_FALSE(whole_.contains("facets_more")) << "JSON lists every value unless limited";
}

// Text shows the 10 outlets and people with the most articles, the 10 latest months (and
// unknown), each with how many it left out.
TEST_F(Facets, TextShowsTheTopTenOfEachByDefault) {
    const CommandResult result = search({"harbor"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const json& facets = whole_["facets"];
    EXPECT_EQ(line_of(result.out, "Outlet:"), "Outlet:  " + items(facets["outlet"], 0, 10) + ", +3 more");
    EXPECT_EQ(line_of(result.out, "Month:"), "Month:   +14 earlier months, " + items(facets["date"], 14, 11));
    EXPECT_TRUE(line_of(result.out, "Month:").ends_with("2024-12 (1), unknown (2)")) << result.out;
    EXPECT_EQ(line_of(result.out, "Person:"), "Person:  " + items(facets["person"], 0, 10) + ", +4 more");
}

TEST_F(Facets, AFacetLimitKeepsTheTopValuesWithExactCounts) {
    const CommandResult text = search({"--facet-limit", "2", "harbor"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    const json& facets = whole_["facets"];
    EXPECT_EQ(line_of(text.out, "Outlet:"), "Outlet:  " + items(facets["outlet"], 0, 2) + ", +11 more");
    EXPECT_EQ(line_of(text.out, "Month:"), "Month:   +22 earlier months, 2024-11 (1), 2024-12 (1), unknown (2)");
    EXPECT_EQ(line_of(text.out, "Person:"), "Person:  " + items(facets["person"], 0, 2) + ", +12 more");

    const json limited = search_json({"--facet-limit", "2"});
    EXPECT_EQ(limited["facets"]["outlet"], json(facets["outlet"].begin(), facets["outlet"].begin() + 2));
    EXPECT_EQ(limited["facets"]["date"], json(facets["date"].end() - 3, facets["date"].end()));
    EXPECT_EQ(limited["facets"]["person"], json(facets["person"].begin(), facets["person"].begin() + 2));
    EXPECT_EQ(limited["facets_more"], json({{"outlet", 11}, {"date", 22}, {"person", 12}}));
    EXPECT_EQ(limited["total"], articles);

    // A limit past every facet's size leaves nothing out, in text too.
    const json all = search_json({"--facet-limit", "1000"});
    EXPECT_EQ(all["facets"], facets);
    EXPECT_EQ(all["facets_more"], json({{"outlet", 0}, {"date", 0}, {"person", 0}}));
    const CommandResult whole_text = search({"--facet-limit", "1000", "harbor"});
    EXPECT_EQ(line_of(whole_text.out, "Month:"), "Month:   " + items(facets["date"], 0, 25));
    EXPECT_EQ(whole_text.out.find("more"), std::string::npos) << whole_text.out;
}

// A facet not asked for is not counted: absent from JSON (not an empty list, which would
// say no article has a value) and from text; the others keep their exact counts.
TEST_F(Facets, OnlyTheFacetsAskedForAreShown) {
    const json some = search_json({"--facets", "person,outlet"});
    EXPECT_EQ(some["facets"], json({{"outlet", whole_["facets"]["outlet"]}, {"person", whole_["facets"]["person"]}}));
    EXPECT_EQ(search_json({"--facets", "date"})["facets"], json({{"date", whole_["facets"]["date"]}}));
    EXPECT_EQ(search_json({"--facets", " outlet , date,outlet"})["facets"].size(), 2u) << "blanks and repeats pass";

    const json none = search_json({"--facets", "none"});
    EXPECT_EQ(none["facets"], json::object());
    EXPECT_EQ(none["total"], articles);
    EXPECT_EQ(none["results"].size(), 10u);
    EXPECT_EQ(search_json({"--facets", "none", "--facet-limit", "3"})["facets_more"], json::object());

    const CommandResult text = search({"--facets", "date", "harbor"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_EQ(line_of(text.out, "Outlet:"), "");
    EXPECT_NE(line_of(text.out, "Month:"), "");
    EXPECT_EQ(line_of(text.out, "Person:"), "");
    const CommandResult bare = search({"--facets", "none", "harbor"});
    EXPECT_EQ(bare.out.find("Month:"), std::string::npos) << bare.out;
    EXPECT_NE(bare.out.find("26 articles match; showing 1-10."), std::string::npos) << bare.out;
}

TEST_F(Facets, TheBatchTakesTheSameOptions) {
    const CommandResult batch = search({"--batch", "-", "--facets", "outlet", "--facet-limit", "1"}, "harbor\n");
    ASSERT_EQ(batch.exit_code, 0) << batch.err;
    const json line = json::parse(batch.out);
    EXPECT_EQ(line["facets"], json({{"outlet", {whole_["facets"]["outlet"][0]}}}));
    EXPECT_EQ(line["facets_more"], json({{"outlet", outlets - 1}}));
    // JSON Lines list every value unless limited, as --format json does.
    const json full = json::parse(search({"--batch", "-"}, "harbor\n").out);
    EXPECT_EQ(full["facets"], whole_["facets"]);
    EXPECT_EQ(search({"--batch", "-", "--facets", "bogus"}, "harbor\n").exit_code, 2);
}

TEST_F(Facets, BadListsAndLimitsAreOneLineErrors) {
    expect_usage_error({"--facets", "outlets", "harbor"}, "no facet is called \"outlets\"");
    expect_usage_error({"--facets", "month", "harbor"}, "no facet is called \"month\"");
    expect_usage_error({"--facets", "outlet,,date", "harbor"}, "an empty item");
    expect_usage_error({"--facets", "outlet,", "harbor"}, "an empty item");
    expect_usage_error({"--facets", "", "harbor"}, "an empty item");
    expect_usage_error({"--facets", "none,outlet", "harbor"}, "none goes alone");
    expect_usage_error({"--facet-limit", "0", "harbor"}, "for no facets, --facets none");
    expect_usage_error({"--facet-limit", "ten", "harbor"}, "--facet-limit");
    expect_usage_error({"--facet-limit", "-1", "harbor"}, "--facet-limit");
    expect_usage_error({"--facet-limit", "1000000001", "harbor"}, "from 1 to 1000000000");
}

}  // namespace
}  // namespace corpus::testing
