// The real binaries as a user runs them: output, exit status, and every bad input.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <sstream>
#include <algorithm>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

class Cli : public CliIndexTest {
protected:
    static void expect_valid_json(const std::string& json) {
        const CommandResult check = validate_json("search-output.schema.json", json);
        EXPECT_EQ(check.exit_code, 0) << check.err << "\n" << json;
    }
};

TEST_F(Cli, QuickstartSearchFindsAndHighlights) {
    const CommandResult result = search({"mutual assistance"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("000_4187df94d3ce0a80"), std::string::npos) << result.out;
    // Piped output marks matches plainly; no terminal escapes.
    EXPECT_NE(result.out.find("**mutual** **assistance**"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find('\033'), std::string::npos);
    EXPECT_NE(result.out.find("Outlet:  Oilprice.com (1)"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Month:   2024-06 (1)"), std::string::npos) << result.out;
}

// --version names the release and the index schema, so a user can tell why an old index
// asks for --rebuild.
TEST_F(Cli, VersionNamesTheReleaseAndTheIndexSchema) {
    for (const std::string& binary : {search_bin(), index_bin()}) {
        const CommandResult result = run({binary, "--version"});
        EXPECT_EQ(result.exit_code, 0) << binary << ": " << result.err;
        const std::string name = std::filesystem::path(binary).filename().string();
        EXPECT_TRUE(result.out.starts_with(name + " " CORPUS_VERSION " (index schema ")) << result.out;
        EXPECT_TRUE(result.out.ends_with(")\n")) << result.out;
        EXPECT_EQ(result.err, "");
    }
}

TEST_F(Cli, QuotedPhraseAndBoldOnRequest) {
    const CommandResult result = search({"--color", "always", "\"mutual assistance\""});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("\033[1mmutual assistance\033[0m"), std::string::npos) << result.out;
}

TEST_F(Cli, JsonOutputFollowsTheSchema) {
    const CommandResult result = search({"--format", "json", "mutual assistance"});
    EXPECT_EQ(result.exit_code, 0);
    expect_valid_json(result.out);
    EXPECT_NE(result.out.find("\"id\": \"000_4187df94d3ce0a80\""), std::string::npos);
    EXPECT_NE(result.out.find("<mark>mutual</mark> <mark>assistance</mark>"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\"total\": 1,"), std::string::npos);
}

TEST_F(Cli, EveryJsonShapeFollowsTheSchema) {
    const std::vector<std::vector<std::string>> searches = {
        {"--format", "json", "Putin"},
        {"--format", "json", "--limit", "0", "Putin"},
        {"--format", "json", "--explain", "Putin NOT (Seoul OR Blinken)"},
        {"--format", "json", "--outlet", "FN News Global", "--from", "2024-06-01", "Putin"},
        {"--format", "json", "kimchi"},
        {"--format", "json", "--scope", "all", "--person", "Kim Jong-un", "Nasdaq OR Putin"},
    };
    for (const auto& args : searches) {
        const CommandResult result = search(args);
        EXPECT_LE(result.exit_code, 1) << result.err;
        expect_valid_json(result.out);
    }
}

TEST_F(Cli, FiltersNarrowFromTheCommandLine) {
    CommandResult result = search({"--format", "json", "--outlet", "FN News Global", "Putin"});
    EXPECT_NE(result.out.find("\"total\": 2,"), std::string::npos) << result.out;
    result = search({"--format", "json", "--from", "2024-06-18", "Putin"});
    EXPECT_NE(result.out.find("\"total\": 3,"), std::string::npos) << result.out;
}

TEST_F(Cli, ExitStatusIsOneWhenNothingMatches) {
    const CommandResult result = search({"kimchi"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.out.find("No articles match"), std::string::npos);
    EXPECT_TRUE(result.err.empty());
}

// Issue 22: "Pyongyan" found nothing and said nothing more.
TEST_F(Cli, AMisspeltQuerySuggestsTheIndexSpelling) {
    const CommandResult text = search({"Pyongyan"});
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_EQ(text.out, "No articles match.\nDid you mean: Pyongyang?\n");
    EXPECT_TRUE(text.err.empty()) << text.err;
    // A query that found a few articles: the line stands under their count.
    const CommandResult few = search({"--limit", "0", "Pyongyan OR Zinoviev"});
    EXPECT_EQ(few.exit_code, 0);
    EXPECT_EQ(few.out.substr(0, few.out.find("\n\n")), "2 articles match.\nDid you mean: Pyongyang OR Zinoviev?");
    const CommandResult phrase = search({"\"talks in pyongyan\" AND NOT Seoul"});
    EXPECT_EQ(phrase.out, "No articles match.\nDid you mean: \"talks in pyongyang\" AND NOT Seoul?\n");

    const CommandResult json = search({"--format", "json", "Pyongyan"});
    EXPECT_EQ(json.exit_code, 1);
    expect_valid_json(json.out);
    EXPECT_EQ(nlohmann::json::parse(json.out)["suggestion"], "Pyongyang");
    // No suggestion: no field, rather than null.
    const CommandResult found = search({"--format", "json", "Pyongyang"});
    EXPECT_EQ(found.exit_code, 0);
    EXPECT_FALSE(nlohmann::json::parse(found.out).contains("suggestion")) << found.out;

    const CommandResult batch = run({search_bin(), "--db", db(), "--batch", "-"}, {}, "Pyongyan\nPyongyang\n");
    EXPECT_EQ(batch.exit_code, 0);
    const CommandResult check = validate_json("search-output.schema.json", batch.out, /*json_lines=*/true);
    EXPECT_EQ(check.exit_code, 0) << check.err << "\n" << batch.out;
    std::istringstream lines(batch.out);
    std::string first;
    std::getline(lines, first);
    EXPECT_EQ(nlohmann::json::parse(first)["suggestion"], "Pyongyang");
}

TEST_F(Cli, TheEnvironmentNamesTheIndex) {
    const CommandResult result = run({search_bin(), "Zinoviev"}, {{"CORPUS_SEARCH_DB", db()}});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("004_776d4640786f29a7"), std::string::npos);
}

TEST_F(Cli, BadQueriesAndOptionsAreOneLineErrors) {
    expect_one_line_error(search({"\"mutual assistance"}), "unbalanced quote");
    expect_one_line_error(search({"(Putin OR Kim"}), "unbalanced parenthesis");
    expect_one_line_error(search({"Putin)"}), "unbalanced parenthesis");
    expect_one_line_error(search({}), "empty query");
    expect_one_line_error(search({"   "}), "empty query");
    expect_one_line_error(search({"Putin AND"}), "'AND' needs something after it");
    expect_one_line_error(search({"!!!"}), "no searchable words");
    expect_one_line_error(search({"--bogus", "Putin"}), "--bogus");
    expect_one_line_error(search({"--from", "June 18", "Putin"}), "not a date");
    expect_one_line_error(search({"--to", "2024-02-30", "Putin"}), "not a date");
    expect_one_line_error(search({"--from", "2024-06-20", "--to", "2024-06-01", "Putin"}), "--from is later than --to");
    expect_one_line_error(search({"--limit", "many", "Putin"}), "--limit");
    expect_one_line_error(search({"--format", "xml", "Putin"}), "--format");
    expect_one_line_error(search({"Orb\xE1n"}), "not valid UTF-8");
}

// "nuclear -missile" meant "nuclear AND missile": the opposite of every other engine.
TEST_F(Cli, MinusExcludesAndPlusRequires) {
    auto ids = [](const std::vector<std::string>& args) {
        std::vector<std::string> full{"--ids", "--"};
        full.insert(full.end(), args.begin(), args.end());
        std::vector<std::string> out;
        std::istringstream lines(search(full).out);
        for (std::string line; std::getline(lines, line);) out.push_back(line);
        std::sort(out.begin(), out.end());
        return out;
    };
    const std::vector<std::string> with_treaty{seed::a000, seed::a003};
    const std::vector<std::string> without_treaty{seed::a001, seed::a002, seed::a004};
    EXPECT_EQ(ids({"Putin treaty"}), with_treaty);
    EXPECT_EQ(ids({"Putin -treaty"}), without_treaty);
    EXPECT_EQ(ids({"Putin", "-treaty"}), without_treaty);
    EXPECT_EQ(ids({"-treaty"}), without_treaty);  // exclusions alone: every article except
    EXPECT_EQ(ids({"+Putin +treaty"}), with_treaty);
    EXPECT_EQ(ids({"Putin -(treaty OR sanctions)"}), std::vector<std::string>{});
    EXPECT_EQ(ids({"Putin -\"mutual assistance\""}).size(), 4u);
    // A hyphen inside a word is no sign; a query starting with '-' on the command line
    // without -- is told how to write it.
    expect_one_line_error(search({"-treaty"}), "goes after --");
}

// "sanctio*" found nothing and "Pyongyang~" dropped its '~'.
TEST_F(Cli, AWildcardFindsTheWordsThatStartSoAndFuzzyIsRefused) {
    EXPECT_EQ(search({"--count", "sanctio*"}).out, search({"--count", "sanctions OR sanction"}).out);
    EXPECT_EQ(search({"--count", "sanctio*"}).out, "4\n");
    const CommandResult highlighted = search({"--limit", "1", "sanctio*"});
    EXPECT_NE(highlighted.out.find("**sanctions**"), std::string::npos) << highlighted.out;
    expect_one_line_error(search({"Pyongyang~"}), "'~' (fuzzy matching) is not supported");
}

// "--outlet yonhap" for an outlet the index does not hold silently gave 0.
TEST_F(Cli, AFilterNamingWhatTheIndexLacksSaysSo) {
    const CommandResult typo = search({"--outlet", "fn news globl", "Putin"});
    EXPECT_EQ(typo.exit_code, 1);
    EXPECT_EQ(typo.out, "No articles match.\n");
    EXPECT_EQ(typo.err, "corpus-search: no article in the index is from the outlet \"fn news globl\"; the closest "
                        "outlets it holds: FN News Global, NE Global, Oilprice.com\n");
    const CommandResult json = search({"--format", "json", "--outlet", "Yonhap", "Putin"});
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_EQ(nlohmann::json::parse(json.out)["total"], 0);
    EXPECT_NE(json.err.find("the outlet \"Yonhap\""), std::string::npos) << json.err;
    // One known outlet of two: its articles, and the word about the other.
    const CommandResult mixed = search({"--count", "--outlet", "Yonhap", "--outlet", "FN News Global", "Putin"});
    EXPECT_EQ(mixed.exit_code, 0);
    EXPECT_EQ(mixed.out, "2\n");
    EXPECT_NE(mixed.err.find("\"Yonhap\""), std::string::npos);
    const CommandResult person = search({"--count", "--person", "Kim Il Sung", "Putin"});
    EXPECT_EQ(person.exit_code, 1);
    EXPECT_EQ(person.err, "corpus-search: no article in the index mentions Kim Il Sung\n");
    EXPECT_TRUE(search({"--count", "--outlet", "FN News Global", "Putin"}).err.empty());
}

TEST_F(Cli, MissingAndBrokenIndexesAreOneLineErrors) {
    TempDir tmp;
    const CommandResult missing = run({search_bin(), "--db", (tmp / "none").string(), "Putin"});
    expect_one_line_error(missing, "no index at");
    EXPECT_NE(missing.err.find("corpus-index --db"), std::string::npos) << "says how to create one";

    fs::create_directories(tmp / "notdb");
    write_file(tmp / "notdb" / "readme.txt", "hello");
    expect_one_line_error(run({search_bin(), "--db", (tmp / "notdb").string(), "Putin"}), "not a readable");

    fs::copy(db(), tmp / "corrupt", fs::copy_options::recursive);
    for (const auto& entry : fs::recursive_directory_iterator(tmp / "corrupt")) {
        if (entry.path().extension() == ".glass") fs::resize_file(entry.path(), 100);
    }
    const CommandResult corrupt = run({search_bin(), "--db", (tmp / "corrupt").string(), "Putin"});
    expect_one_line_error(corrupt, "corrupt");
}

TEST_F(Cli, IndexerReportsSkipsAndKeepsGoing) {
    TempDir tmp;
    fs::create_directories(tmp / "src");
    write_file(tmp / "src" / "good.txt", "A headline\n\nText about Pyongyang.\n");
    write_file(tmp / "src" / "empty.txt", "");
    write_file(tmp / "src" / "binary.txt", std::string("\x7f" "ELF\0\0\0", 7));
    write_file(tmp / "src" / "bad-utf8.txt", "Orb\xE1n\n");
    const CommandResult result = run({index_bin(), "--db", (tmp / "db").string(), (tmp / "src").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("2 added, 0 updated, 0 deleted, 0 unchanged, 2 skipped (1 repaired)"), std::string::npos)
        << result.out;
    EXPECT_NE(result.err.find("warning: " + (tmp / "src" / "empty.txt").string() + " is empty"), std::string::npos)
        << result.err;
    EXPECT_NE(result.err.find("binary.txt looks binary"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("bad-utf8.txt: 1 invalid UTF-8"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find('\r'), std::string::npos) << "no progress display when not on a terminal";

    const CommandResult again = run({index_bin(), "--db", (tmp / "db").string(), (tmp / "src").string()});
    EXPECT_NE(again.out.find("0 added, 0 updated, 0 deleted, 2 unchanged"), std::string::npos) << again.out;
}

TEST_F(Cli, IndexerErrorsAreOneLine) {
    TempDir tmp;
    expect_one_line_error(run({index_bin(), "--db", (tmp / "db").string(), (tmp / "nowhere").string()}),
                          "no such file or folder");
    expect_one_line_error(run({index_bin(), "--frobnicate"}), "--frobnicate");
    fs::create_directories(tmp / "home");
    write_file(tmp / "home" / "notes.txt", "mine");
    expect_one_line_error(run({index_bin(), "--db", (tmp / "home").string(), (tmp / "home").string()}),
                          "is not a corpus-search index");
}

TEST_F(Cli, PersonFacetAndFilterWorkInAnySpelling) {
    CommandResult result = search({"--format", "json", "Putin"});
    const nlohmann::json putin = nlohmann::json::parse(result.out);
    std::map<std::string, int> counts;
    for (const auto& entry : putin["facets"]["person"]) counts[entry["value"]] = entry["count"];
    EXPECT_EQ(counts["Kim Jong Un"], 5);
    EXPECT_EQ(counts["Yoon Suk Yeol"], 3);
    EXPECT_EQ(counts.count("Kim Jong-un"), 0u) << "one display name per person";
    EXPECT_EQ(counts.count("Yoon Suk-yeol"), 0u) << "one display name per person";

    result = search({"--format", "json", "--person", "yun seok-yeol", "Putin"});
    EXPECT_EQ(nlohmann::json::parse(result.out)["total"], 3) << result.out;
    result = search({"--format", "json", "--person", "\uc724\uc11d\uc5f4", "--person", "Cho Tae-yul", "Putin"});
    EXPECT_EQ(nlohmann::json::parse(result.out)["total"], 3) << result.out;
    expect_one_line_error(search({"--person", "Kim", "Putin"}), "is not a Korean personal name");
}

TEST_F(Cli, ExplainShowsHowNamesWereRead) {
    const CommandResult result = search({"--explain", "--limit", "0", "Yoon Suk-yeol's visit"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("name:"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("\uc724"), std::string::npos) << "the Hangul readings: " << result.out;
    const CommandResult json = search({"--format", "json", "--explain", "Yoon Suk-yeol"});
    EXPECT_FALSE(nlohmann::json::parse(json.out)["explain"]["names"].empty());
    expect_valid_json(json.out);
}

TEST_F(Cli, HelpListsEveryOption) {
    const CommandResult help = run({search_bin(), "--help"});
    EXPECT_EQ(help.exit_code, 0);
    for (const char* option : {"--db", "--format", "--limit", "--offset", "--outlet", "--from", "--to", "--explain",
                               "--person", "--scope", "--show", "--color"}) {
        EXPECT_NE(help.out.find(option), std::string::npos) << option;
    }
}

}  // namespace
}  // namespace corpus::testing
