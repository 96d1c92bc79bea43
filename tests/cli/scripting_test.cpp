// corpus-search driven by scripts: --batch, --count, --ids, options from the
// environment and a config file, exit statuses.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {

class Scripting : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        ASSERT_EQ(run({index_bin(), "--db", db()}).exit_code, 0);
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static std::vector<nlohmann::json> json_lines(const std::string& out) {
        std::vector<nlohmann::json> lines;
        std::istringstream in(out);
        std::string line;
        while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
        return lines;
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> Scripting::dir_;

// Acceptance: a batch with malformed queries yields one valid JSON line per query, in order.
TEST_F(Scripting, BatchAnswersEveryQueryInOrder) {
    const std::string batch =
        "# analysts' morning queries\n"
        "Putin\n"
        "\n"
        "\"mutual assistance\"\n"
        "(Seoul OR\n"
        "kimchi\n"
        "   \n"
        "\"unbalanced\n"
        "Yoon Suk-yeol\n";
    TempDir tmp;
    write_file(tmp / "queries.txt", batch);
    const CommandResult from_file = run({search_bin(), "--db", db(), "--batch", (tmp / "queries.txt").string()});
    const CommandResult from_stdin = run({search_bin(), "--db", db(), "--batch", "-"}, {}, batch);
    EXPECT_EQ(from_file.out, from_stdin.out);
    EXPECT_EQ(from_file.exit_code, 2) << "a query failed";
    EXPECT_EQ(from_file.err,
              "corpus-search: 2 of the batch's queries could not be answered (the first on line 5); their answers say "
              "why\n");

    const CommandResult check = validate_json("search-output.schema.json", from_file.out, /*json_lines=*/true);
    EXPECT_EQ(check.exit_code, 0) << check.err;
    const std::vector<nlohmann::json> lines = json_lines(from_file.out);
    ASSERT_EQ(lines.size(), 6u);
    const int expected_lines[] = {2, 4, 5, 6, 8, 9};
    for (std::size_t i = 0; i < lines.size(); ++i) EXPECT_EQ(lines[i]["line"], expected_lines[i]);
    EXPECT_EQ(lines[0]["total"], 5);
    EXPECT_EQ(lines[1]["results"][0]["id"], "000_4187df94d3ce0a80");
    EXPECT_NE(lines[2]["error"].get<std::string>().find("'OR' needs something after it"), std::string::npos);
    EXPECT_EQ(lines[3]["total"], 0);
    EXPECT_TRUE(lines[4].contains("error"));
    EXPECT_EQ(lines[5]["total"], 3);
}

TEST_F(Scripting, BatchExitStatusSaysWhetherAnythingMatched) {
    EXPECT_EQ(run({search_bin(), "--db", db(), "--batch", "-"}, {}, "Putin\nkimchi\n").exit_code, 0);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--batch", "-"}, {}, "kimchi\nsauerkraut\n").exit_code, 1);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--batch", "-"}, {}, "").exit_code, 1);
    const CommandResult missing = run({search_bin(), "--db", db(), "--batch", "/nonexistent/queries"});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("cannot read the batch file"), std::string::npos);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--batch", "-", "Putin"}, {}, "Putin\n").exit_code, 2);
}

TEST_F(Scripting, CountAndIdsComposeWithPipes) {
    CommandResult count = run({search_bin(), "--db", db(), "--count", "Putin"});
    EXPECT_EQ(count.exit_code, 0);
    EXPECT_EQ(count.out, "5\n");
    count = run({search_bin(), "--db", db(), "--count", "kimchi"});
    EXPECT_EQ(count.exit_code, 1);
    EXPECT_EQ(count.out, "0\n");

    // --ids lists every match, not a page of ten, unless --limit says otherwise.
    const CommandResult ids = run({search_bin(), "--db", db(), "--ids", "Putin"});
    EXPECT_EQ(ids.exit_code, 0);
    EXPECT_EQ(std::count(ids.out.begin(), ids.out.end(), '\n'), 5);
    EXPECT_EQ(run({search_bin(), "--db", db(), "--ids", "--limit", "2", "Putin"}).out.size(), 2 * 21u);
    const CommandResult piped = run({"sh", "-c", "\"$0\" --db \"$1\" --ids Zinoviev | sort | head -n 1", search_bin(), db()});
    EXPECT_EQ(piped.out, "000_4187df94d3ce0a80\n");
    EXPECT_EQ(run({search_bin(), "--db", db(), "--ids", "--count", "Putin"}).exit_code, 2);
}

TEST_F(Scripting, OptionsComeFromFlagThenEnvironmentThenConfig) {
    TempDir tmp;
    write_file(tmp / "config", "# corpus-search defaults\ndb = " + db() + "\nformat = \"json\"\nlimit = 2\n");
    const std::map<std::string, std::string> with_config = {{"CORPUS_SEARCH_CONFIG", (tmp / "config").string()}};
    auto ranks = [](const std::string& out) {
        return static_cast<int>(nlohmann::json::parse(out)["results"].size());
    };
    CommandResult result = run({search_bin(), "Putin"}, with_config);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(ranks(result.out), 2) << "config";
    auto env = with_config;
    env["CORPUS_SEARCH_LIMIT"] = "3";
    EXPECT_EQ(ranks(run({search_bin(), "Putin"}, env).out), 3) << "environment over config";
    EXPECT_EQ(ranks(run({search_bin(), "--limit", "4", "Putin"}, env).out), 4) << "flag over environment";
    result = run({search_bin(), "--config", (tmp / "config").string(), "--format", "text", "Putin"});
    EXPECT_NE(result.out.find("5 articles match"), std::string::npos) << result.out;

    write_file(tmp / "bad", "colour = always\n");
    result = run({search_bin(), "--config", (tmp / "bad").string(), "Putin"});
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("unknown key \"colour\""), std::string::npos) << result.err;
    env["CORPUS_SEARCH_LIMIT"] = "lots";
    EXPECT_EQ(run({search_bin(), "Putin"}, env).exit_code, 2);
}

}  // namespace
}  // namespace corpus::testing
