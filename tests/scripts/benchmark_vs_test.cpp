// scripts/benchmark-vs as a developer calls it: --help and usage errors only. A real run
// builds two trees and times them, which is a benchmark's job, not a test's.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace corpus::testing {
namespace {

CommandResult benchmark_vs(std::vector<std::string> args) {
    args.insert(args.begin(), (source_dir() / "scripts" / "benchmark-vs").string());
    return run(args);
}

void expect_usage_error(const CommandResult& result, const std::string& needle) {
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
    ASSERT_FALSE(result.err.empty());
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << "more than one line: " << result.err;
    EXPECT_EQ(result.err.rfind("benchmark-vs: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
}

TEST(BenchmarkVs, HelpNamesEveryOptionAndSaysAnyCommitIshWorks) {
    const CommandResult help = benchmark_vs({"--help"});
    EXPECT_EQ(help.exit_code, 0) << help.err;
    EXPECT_TRUE(help.err.empty()) << help.err;
    for (const char* option : {"--ref REF", "--count N", "--seed S", "--pairs P", "--reps R", "--out DIR"}) {
        EXPECT_NE(help.out.find(option), std::string::npos) << option << " missing from:\n" << help.out;
    }
    EXPECT_NE(help.out.find("HEAD~1"), std::string::npos) << help.out;
    EXPECT_NE(help.out.find("main~5"), std::string::npos) << help.out;
}

// Each is refused before anything is built or generated, in one line and with status 2.
TEST(BenchmarkVs, UsageErrorsAreOneLineAndExitTwo) {
    expect_usage_error(benchmark_vs({"--pairs", "three"}), "'three'");
    expect_usage_error(benchmark_vs({"--reps", "0"}), "at least 1");
    expect_usage_error(benchmark_vs({"--ref"}), "--ref needs a value");
    expect_usage_error(benchmark_vs({"--frobnicate"}), "'--frobnicate'");
    expect_usage_error(benchmark_vs({"--ref", "no-such-ref-anywhere"}), "'no-such-ref-anywhere' names no commit");
}

}  // namespace
}  // namespace corpus::testing
