// corpus-search against what an adversarial user or an unlucky system gives it: each
// answer is exit 0, 1 or 2, one line on stderr for an error, never a crash or a hang.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

class HostileSearch : public CliIndexTest {
protected:
    // corpus-search with its standard output sent to `target` by a shell.
    static CommandResult search_into(const std::string& target, const std::string& args) {
        return run({"/bin/sh", "-c", "exec \"$0\" --db \"$1\" " + args + " > " + target, search_bin(), db()});
    }
};

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

TEST_F(HostileSearch, DeepNestingIsAnErrorOnTheCommandLineAndOneLineOfABatch) {
    const std::string deep = repeated("(", 10000) + "Putin" + repeated(")", 10000);
    expect_one_line_error(search({"--count", deep}), "nested deeper than 100 brackets");
    expect_one_line_error(search({"--count", repeated("(", 10000) + "Putin"}), "nested deeper");
    expect_one_line_error(search({"--count", repeated("NOT ", 20000) + "Putin"}), "longer than 65,536 bytes");
    expect_one_line_error(search({"--count", repeated("NOT ", 3000) + "Putin"}), "nested deeper");

    // The batch goes on past the bad line.
    const CommandResult batch = search({"--batch", "-"}, {}, "Putin\n" + deep + "\nKim Jong Un\n");
    EXPECT_EQ(batch.exit_code, 2);
    // Exit 2 always comes with one line on stderr.
    EXPECT_EQ(batch.err, "corpus-search: 1 of the batch's queries could not be answered (the first on line 2); "
                         "their answers say why\n");
    std::istringstream lines(batch.out);
    std::vector<nlohmann::json> answers;
    for (std::string line; std::getline(lines, line);) answers.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(answers.size(), 3u) << batch.out.substr(0, 500);
    EXPECT_GT(answers[0]["total"].get<int>(), 0);
    EXPECT_NE(answers[1]["error"].get<std::string>().find("nested deeper"), std::string::npos);
    EXPECT_GT(answers[2]["total"].get<int>(), 0);
}

TEST_F(HostileSearch, AQueryOfTooManyWordsIsRefusedAtOnce) {
    std::string many = "w0";
    for (int i = 1; i < 5000; ++i) many += " OR w" + std::to_string(i);
    expect_one_line_error(search({"--count", many}), "more than 1,000 words");
    // One typed word that analysis splits into thousands (a phrase of 3,000 took 2 s).
    std::string hyphens = "Kim";
    for (int i = 1; i < 3000; ++i) hyphens += "-Kim";
    expect_one_line_error(search({"--count", hyphens}), "more than 1,000 words once split");
    expect_one_line_error(search({"--count", "\"" + hyphens + "\""}), "more than 1,000 words once split");
}

// Within the word limit, names in phrases multiply: 100 phrases of two names took 380 MB
// and 3 s, one phrase of 240 names 1.4 GB and 24 s; 60 such phrases are 25,000 terms.
TEST_F(HostileSearch, QueriesThatExpandTooFarAreRefusedBeforeTheyRun) {
    std::string phrases = "\"Kim Jong Un said 0 Yoon Suk Yeol\"";
    for (int i = 1; i < 60; ++i) phrases += " OR \"Kim Jong Un said " + std::to_string(i) + " Yoon Suk Yeol\"";
    expect_one_line_error(search({"--count", phrases}), "expands to more than 10,000 terms");
    expect_one_line_error(search({"--count", "\"" + repeated("Kim Jong Un said ", 9) + "\""}),
                          "a phrase may name at most 8 people");
    // Positional operators over common words: 999 NEAR operands took 64 s, an OR of 499
    // phrases 10 s, over 10,000 articles.
    expect_one_line_error(search({"--count", "the" + repeated(" NEAR/999 the", 998)}), "NEAR, ADJ and SAME join at most 8 words");
    expect_one_line_error(search({"--count", "\"the of\"" + repeated(" OR \"the of\"", 498)}),
                          "more than 64 phrases");
    expect_one_line_error(search({"--count", "(a NEAR b)" + repeated(" OR (a NEAR b)", 8)}), "more than 8 NEARs");
    EXPECT_NE(search({"--count", "the" + repeated(" NEAR the", 7)}).exit_code, 2);
    // Answered (no match in the seed corpus), not refused.
    EXPECT_EQ(search({"--count", "\"" + repeated("Kim Jong Un said ", 8) + "\""}).exit_code, 1);
    EXPECT_EQ(search({"--count", phrases.substr(0, phrases.find(" OR \"Kim Jong Un said 20 "))}).exit_code, 1);
}

TEST_F(HostileSearch, OutputThatCannotBeWrittenIsAnErrorInEveryFormat) {
    for (const char* args : {"Putin", "--format json Putin", "--ids Putin", "--count Putin",
                                    "--show 000_4187df94d3ce0a80", "--format json --show 000_4187df94d3ce0a80",
                                    "--help"}) {
        const CommandResult result = search_into("/dev/full", args);
        expect_one_line_error(result, "cannot write output: No space left on device");
    }
    const CommandResult batch = run({"/bin/sh", "-c", "echo Putin | exec \"$0\" --db \"$1\" --batch - > /dev/full",
                                     search_bin(), db()});
    expect_one_line_error(batch, "cannot write output: No space left on device");
}

TEST_F(HostileSearch, JsonAskedForIsJsonInEveryMode) {
    for (const std::vector<std::string>& mode : {std::vector<std::string>{"Putin"}, {"--ids", "Putin"},
                                                 {"--count", "Putin"}, {"--ids", "kimchi"}}) {
        std::vector<std::string> args{"--format", "json"};
        args.insert(args.end(), mode.begin(), mode.end());
        const CommandResult result = search(args);
        EXPECT_LE(result.exit_code, 1) << result.err;
        EXPECT_TRUE(nlohmann::json::accept(result.out)) << result.out;
    }
    EXPECT_EQ(nlohmann::json::parse(search({"--format", "json", "--ids", "kimchi"}).out), nlohmann::json::array());
}

TEST_F(HostileSearch, NumbersOutOfRangeNegativeOrNotNumbersAreErrorsNamingTheOption) {
    const std::pair<std::vector<std::string>, const char*> cases[] = {
        {{"--offset", "-1"}, "--offset"},
        {{"--offset", "4294967296"}, "--offset"},
        {{"--offset", "18446744073709551616"}, "--offset"},
        {{"--offset", "0x10"}, "--offset"},
        {{"--offset", "1e3"}, "--offset"},
        {{"--limit", "-1"}, "--limit"},
        {{"--limit", "2.5"}, "--limit"},
        {{"--limit", "10001"}, "--limit"},
        {{"--shard-timeout", "nan"}, "--shard-timeout"},
        {{"--shard-timeout", "inf"}, "--shard-timeout"},
        {{"--shard-timeout", "-1"}, "--shard-timeout"},
        {{"--shard-timeout", "5s"}, "--shard-timeout"},
    };
    for (const auto& [args, option] : cases) {
        std::vector<std::string> full = args;
        full.insert(full.end(), {"--count", "Putin"});
        expect_one_line_error(search(full), option);
    }
    expect_one_line_error(search({"--count", "Putin"}, {{"CORPUS_SEARCH_LIMIT", "-1"}}), "--limit");
    EXPECT_EQ(search({"--offset", "1000000000", "--count", "Putin"}).exit_code, 0);
}

TEST_F(HostileSearch, ValuesEchoedInErrorsAreEscapedOntoOneLine) {
    const CommandResult show = search({"--show", "id\nx"});
    EXPECT_EQ(show.exit_code, 1);  // no such article
    EXPECT_EQ(show.err, "corpus-search: no article with id \"id\\nx\" in " + db() + "\n");
    expect_one_line_error(search({"--from", "2024-06-01\n2024", "Putin"}), "2024-06-01\\n2024");
    expect_one_line_error(search({"--count", "Putin"}, {{"CORPUS_SEARCH_COLOR", "\n"}}), "--color");
    expect_one_line_error(run({search_bin(), "--db", "no\nsuch\x1b[2Jindex", "Putin"}), "no\\nsuch\\x1b[2Jindex");
    const fs::path stub = dir() / "garbage.stub";
    std::ofstream(stub) << "auto \x1b]0;title\x07\n";
    expect_one_line_error(run({search_bin(), "--db", stub.string(), "Putin"}), "\\x1b]0;title\\x07");
    expect_one_line_error(search({"\"Putin\nmet*\" treaty"}), "not \"Putin\\nmet*\"");
    expect_one_line_error(search({"\"Putin " + repeated("x y ", 400) + "*\" treaty"}), "...");
}

TEST_F(HostileSearch, BatchAndConfigFilesMustBeFilesOrPipes) {
    expect_one_line_error(search({"--batch", dir().path().string()}), "is a folder");
    expect_one_line_error(search({"--batch", "/dev/zero"}), "is not a file or a pipe");
    expect_one_line_error(search({"--config", dir().path().string(), "Putin"}), "is a folder");
    expect_one_line_error(search({"--config", "/dev/zero", "Putin"}), "is not a file or a pipe");
    expect_one_line_error(search({"Putin"}, {{"CORPUS_SEARCH_CONFIG", dir().path().string()}}), "is a folder");
}

TEST_F(HostileSearch, AnOverlongBatchLineIsThatLinesErrorAndTheBatchGoesOn) {
    const fs::path file = dir() / "long-line.txt";
    std::ofstream(file) << "Putin\n" << std::string(20u << 20, 'x') << "\nKim Jong Un\n";
    const CommandResult batch = search({"--batch", file.string()});
    EXPECT_EQ(batch.exit_code, 2);
    std::istringstream lines(batch.out);
    std::vector<nlohmann::json> answers;
    for (std::string line; std::getline(lines, line);) answers.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_NE(answers[1]["error"].get<std::string>().find("longer than 65536 bytes"), std::string::npos);
    EXPECT_EQ(answers[2]["line"], 3);
    EXPECT_GT(answers[2]["total"].get<int>(), 0);

    const fs::path config = dir() / "long-config";
    std::ofstream(config) << "limit = " << std::string(1u << 20, '1') << "\n";
    expect_one_line_error(search({"--config", config.string(), "Putin"}), "line too long");
}

TEST_F(HostileSearch, EscapeSequencesInArticlesNeverReachTheTerminal) {
    TempDir src;
    std::ofstream(src / "evil.txt") << "Putin met officials in Pyongyang to discuss \x1b]0;pwned\x07 the treaty. "
                                       "The talks were long and the agreement was signed by both sides.\n\n"
                                       "More text follows about the summit and its results for the region.\n";
    std::ofstream(src / "evil.meta.json") << R"({"title": "Evil \u001b[2J title", "outlet": "X\u001b[31mY"})";
    const std::string evil_db = (dir() / "evil-db").string();
    ASSERT_EQ(run({index_bin(), "--db", evil_db, src.path().string()}).exit_code, 0);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"Putin"}, {"--color", "always", "Putin"}, {"--show", "evil"}}) {
        std::vector<std::string> full{search_bin(), "--db", evil_db};
        full.insert(full.end(), args.begin(), args.end());
        const CommandResult result = run(full);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        EXPECT_NE(result.out.find("Evil \uFFFD[2J title"), std::string::npos) << result.out;
        EXPECT_EQ(result.out.find("\x1b]"), std::string::npos) << result.out;
        EXPECT_EQ(result.out.find("\x1b[2J"), std::string::npos) << result.out;
        EXPECT_EQ(result.out.find("\x1b[31m"), std::string::npos) << result.out;
    }
    // JSON is for programs: the title as stored, escaped by JSON itself.
    const CommandResult json = run({search_bin(), "--db", evil_db, "--format", "json", "Putin"});
    EXPECT_EQ(nlohmann::json::parse(json.out)["results"][0]["title"], "Evil \x1b[2J title");
}

}  // namespace
}  // namespace corpus::testing
