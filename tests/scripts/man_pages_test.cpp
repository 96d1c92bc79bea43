// The man pages the build makes with help2man (CMakeLists.txt): one for each tool, named
// and headed as man expects, holding every option the tool's own --help lists.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace corpus::testing {
namespace {

// The long options a --help text names ("--db", "--facet-limit", ...).
std::set<std::string> long_options(const std::string& help) {
    std::set<std::string> options;
    const std::regex option("--[a-z][a-z-]*[a-z]");
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option); it != std::sregex_iterator(); ++it) {
        options.insert(it->str());
    }
    return options;
}

// Whether the troff source `page` names `option`: help2man escapes each hyphen, except
// in the synopsis.
bool names(const std::string& page, const std::string& option) {
    return page.find(std::regex_replace(option, std::regex("-"), "\\-")) != std::string::npos ||
           page.find(option) != std::string::npos;
}

struct Tool {
    std::string name;
    std::vector<std::string> help;  // the command that prints its --help
    std::string summary;            // from the NAME line
    std::vector<std::string> named;  // options the page must hold whatever --help says
};

// GoogleTest names a failing case by its tool, not by the object's bytes.
void PrintTo(const Tool& tool, std::ostream* out) { *out << tool.name; }

class ManPages : public ::testing::TestWithParam<Tool> {};

TEST_P(ManPages, EachToolHasAPageMadeFromItsHelp) {
    const Tool& tool = GetParam();
    const std::string page = read_file(binary_dir() / "man" / (tool.name + ".1"));
    ASSERT_FALSE(page.empty()) << "no man page for " << tool.name;
    std::string upper = tool.name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    // The page's title, section and footer: the package and its release.
    EXPECT_NE(page.find(".TH " + upper + " \"1\""), std::string::npos) << page.substr(0, 400);
    EXPECT_NE(page.find("\"corpus-search " CORPUS_VERSION "\""), std::string::npos) << page.substr(0, 400);
    EXPECT_NE(page.find(".SH NAME\n" + tool.name + " \\- " + tool.summary), std::string::npos)
        << page.substr(0, 400);
    EXPECT_NE(page.find(".SH SYNOPSIS"), std::string::npos);

    const CommandResult help = run(tool.help);
    ASSERT_EQ(help.exit_code, 0) << help.err;
    const std::set<std::string> options = long_options(help.out);
    EXPECT_GE(options.size(), tool.named.size()) << help.out;
    for (const std::string& option : options) {
        EXPECT_TRUE(names(page, option)) << tool.name << "'s page lacks " << option;
    }
    for (const std::string& option : tool.named) {
        EXPECT_TRUE(options.contains(option)) << tool.name << " --help lacks " << option;
        EXPECT_TRUE(names(page, option)) << tool.name << "'s page lacks " << option;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Tools, ManPages,
    ::testing::Values(Tool{"corpus-search",
                           {search_bin(), "--help"},
                           "search a corpus-search index",
                           {"--db", "--format", "--facets", "--facet-limit", "--batch", "--version"}},
                      Tool{"corpus-index",
                           {index_bin(), "--help"},
                           "build or update a corpus-search index",
                           {"--db", "--rebuild", "--quiet", "--version"}},
                      Tool{"corpus-nightly-reindex",
                           {(binary_dir() / "man" / "corpus-nightly-reindex").string(), "--help"},
                           "update a corpus-search index under a lock",
                           {"--db", "--quiet", "--version"}}),
    [](const ::testing::TestParamInfo<Tool>& info) {
        std::string name = info.param.name;
        std::erase(name, '-');
        return name;
    });

}  // namespace
}  // namespace corpus::testing
