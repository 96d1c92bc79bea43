// Links and bylines (issue 25, deliverable 5): "url" and "author" in a .meta.json, stored
// by the real corpus-index and shown by the real corpus-search in text, JSON and --show;
// a link that is not http or https is warned about once, naming its file, and dropped,
// the article indexed all the same.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <sstream>

namespace corpus::testing {
namespace {

// An article whose body segmentation keeps: sentences of ordinary length.
std::string article_text(const std::string& headline) {
    std::string text = headline + "\n\n";
    for (int paragraph = 0; paragraph < 3; ++paragraph) {
        text += "Officials in Seoul said on Tuesday that the envoy would return to the peninsula next week, "
                "after talks on trade and security that both sides described as useful and frank.\n\n";
    }
    return text;
}

struct MetaCase {
    std::string id;
    std::string meta;  // the .meta.json text
};

// Links that must be dropped, each with a warning naming its file.
const MetaCase bad_links[] = {
    {"bad_ftp", R"json({"title": "Ftp link", "url": "ftp://example.com/a.txt"})json"},
    {"bad_javascript", R"json({"title": "Script link", "url": "javascript:alert(1)"})json"},
    {"bad_no_host", R"json({"title": "No host", "url": "http:///path/only"})json"},
    {"bad_no_scheme", R"json({"title": "No scheme", "url": "//example.com/a"})json"},
    {"bad_space", R"json({"title": "Spaced link", "url": "https://example.com/a b"})json"},
    {"bad_host_space", R"json({"title": "Spaced host", "url": "https://exa mple.com/"})json"},
    {"bad_control", R"json({"title": "Control link", "url": "https://example.com/\u0007"})json"},
    {"bad_port", R"json({"title": "Bad port", "url": "https://example.com:80x/"})json"},
    {"bad_not_string", R"json({"title": "Number link", "url": 42})json"},
};

class Bylines : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const auto src = *dir_ / "src";
        std::filesystem::create_directories(src);
        const auto add = [&](const std::string& id, const std::string& headline, const std::string& meta) {
            write_file(src / (id + ".txt"), article_text(headline));
            if (!meta.empty()) write_file(src / (id + ".meta.json"), meta);
        };
        add("linked", "Linked", R"json({"title": "Envoy returns", "outlet": "NK News", "date": "2024-06-19",
                                    "url": "https://www.nknews.org/2024/06/envoy-returns/?ref=a#top",
                                    "author": "  Jeongmin\tKim \n and  Lee\u001b[31m  "})json");
        add("upper", "Upper", R"json({"title": "Upper scheme", "url": "HTTP://Example.COM:8080/a", "author": ["x"]})json");
        add("ipv6", "IPv6", R"json({"title": "IPv6 host", "url": "http://[2001:db8::1]:80/a", "author": null})json");
        add("plain", "Plain", R"json({"title": "Plain article"})json");
        for (const MetaCase& bad : bad_links) add(bad.id, bad.id, bad.meta);
        index_ = std::make_unique<CommandResult>(run({index_bin(), "--db", db(), src.string()}));
    }
    static void TearDownTestSuite() {
        index_.reset();
        dir_.reset();
    }
    static std::string db() { return (*dir_ / "db").string(); }

    static nlohmann::json search_json(const std::vector<std::string>& args) {
        // The articles share their body: near-copies, one story, that these tests list one by one.
        std::vector<std::string> argv = {search_bin(), "--db", db(), "--no-collapse", "--format", "json", "--limit", "100"};
        argv.insert(argv.end(), args.begin(), args.end());
        const CommandResult result = run(argv);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(validate_json("search-output.schema.json", result.out).exit_code, 0) << result.out;
        return nlohmann::json::parse(result.out);
    }
    static nlohmann::json hit(const std::string& id) {
        const nlohmann::json all = search_json({"peninsula"});
        for (const nlohmann::json& found : all["results"]) {
            if (found["id"] == id) return found;
        }
        ADD_FAILURE() << id << " not found";
        return {};
    }
    static nlohmann::json show_json(const std::string& id) {
        const CommandResult result = run({search_bin(), "--db", db(), "--show", id, "--format", "json"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(validate_json("article-output.schema.json", result.out).exit_code, 0) << result.out;
        return nlohmann::json::parse(result.out);
    }

    static std::unique_ptr<TempDir> dir_;
    static std::unique_ptr<CommandResult> index_;
};

std::unique_ptr<TempDir> Bylines::dir_;
std::unique_ptr<CommandResult> Bylines::index_;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

TEST_F(Bylines, EveryArticleIsIndexed) {
    ASSERT_EQ(index_->exit_code, 0) << index_->err;
    EXPECT_EQ(search_json({"peninsula"})["total"], 4 + std::size(bad_links));
}

TEST_F(Bylines, JsonResultsCarryUrlAndAuthorOrNull) {
    const nlohmann::json linked = hit("linked");
    EXPECT_EQ(linked["url"], "https://www.nknews.org/2024/06/envoy-returns/?ref=a#top");
    // Trimmed, white space runs made one, the escape character gone.
    EXPECT_EQ(linked["author"], "Jeongmin Kim and Lee[31m");
    const nlohmann::json upper = hit("upper");
    EXPECT_EQ(upper["url"], "HTTP://Example.COM:8080/a");
    EXPECT_TRUE(upper["author"].is_null());
    EXPECT_EQ(hit("ipv6")["url"], "http://[2001:db8::1]:80/a");
    const nlohmann::json plain = hit("plain");
    ASSERT_TRUE(plain.contains("url"));
    ASSERT_TRUE(plain.contains("author"));
    EXPECT_TRUE(plain["url"].is_null());
    EXPECT_TRUE(plain["author"].is_null());
}

TEST_F(Bylines, BadLinksAreWarnedOnceNamingTheFileAndDropped) {
    const std::vector<std::string> warnings = lines_of(index_->err);
    for (const MetaCase& bad : bad_links) {
        const std::string file = bad.id + ".meta.json";
        const auto count = std::count_if(warnings.begin(), warnings.end(), [&](const std::string& line) {
            return line.find(file) != std::string::npos;
        });
        EXPECT_EQ(count, 1) << file << " in:\n" << index_->err;
        const auto warning = std::find_if(warnings.begin(), warnings.end(), [&](const std::string& line) {
            return line.find(file) != std::string::npos;
        });
        if (warning != warnings.end()) {
            EXPECT_NE(warning->find("\"url\""), std::string::npos) << *warning;
            EXPECT_NE(warning->find("dropped"), std::string::npos) << *warning;
        }
        // Still found, with its title, and without a link.
        const nlohmann::json found = hit(bad.id);
        EXPECT_TRUE(found["url"].is_null()) << bad.id;
        EXPECT_EQ(show_json(bad.id)["url"], nullptr) << bad.id;
    }
    // A byline that is not a string is dropped the same way.
    EXPECT_EQ(std::count_if(warnings.begin(), warnings.end(),
                            [](const std::string& line) {
                                return line.find("upper.meta.json") != std::string::npos &&
                                       line.find("\"author\"") != std::string::npos;
                            }),
              1)
        << index_->err;
    // Good links and a null byline say nothing.
    for (const std::string file : {"linked.meta.json", "ipv6.meta.json", "plain.meta.json"}) {
        EXPECT_EQ(index_->err.find(file), std::string::npos) << index_->err;
    }
}

TEST_F(Bylines, TextResultsShowAByLineUnderTheOutletLine) {
    const CommandResult result = run({search_bin(), "--db", db(), "--color", "never", "title:envoy"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::vector<std::string> lines = lines_of(result.out);
    const auto title = std::find(lines.begin(), lines.end(), "  1. Envoy returns");
    ASSERT_NE(title, lines.end()) << result.out;
    ASSERT_LT(title + 2, lines.end());
    EXPECT_TRUE((title + 1)->starts_with("     linked | NK News | 2024-06-19 | score ")) << result.out;
    EXPECT_EQ(*(title + 2), "     by Jeongmin Kim and Lee[31m | https://www.nknews.org/2024/06/envoy-returns/?ref=a#top");

    // A link alone; neither: the snippet follows the outlet line.
    const CommandResult upper = run({search_bin(), "--db", db(), "--color", "never", "title:upper"});
    const std::vector<std::string> upper_lines = lines_of(upper.out);
    const auto upper_title = std::find(upper_lines.begin(), upper_lines.end(), "  1. Upper scheme");
    ASSERT_NE(upper_title, upper_lines.end()) << upper.out;
    ASSERT_LT(upper_title + 2, upper_lines.end());
    EXPECT_EQ(*(upper_title + 2), "     HTTP://Example.COM:8080/a") << upper.out;
    const CommandResult plain = run({search_bin(), "--db", db(), "--color", "never", "title:plain"});
    const std::vector<std::string> plain_lines = lines_of(plain.out);
    const auto plain_title = std::find(plain_lines.begin(), plain_lines.end(), "  1. Plain article");
    ASSERT_NE(plain_title, plain_lines.end()) << plain.out;
    ASSERT_LT(plain_title + 2, plain_lines.end());
    EXPECT_NE((plain_title + 2)->find("Officials in Seoul"), std::string::npos) << plain.out;
}

TEST_F(Bylines, ShowPrintsThemInTextAndJson) {
    const nlohmann::json linked = show_json("linked");
    EXPECT_EQ(linked["url"], "https://www.nknews.org/2024/06/envoy-returns/?ref=a#top");
    EXPECT_EQ(linked["author"], "Jeongmin Kim and Lee[31m");
    const nlohmann::json plain = show_json("plain");
    EXPECT_TRUE(plain["url"].is_null());
    EXPECT_TRUE(plain["author"].is_null());

    const CommandResult text = run({search_bin(), "--db", db(), "--show", "linked"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("\nauthor:  Jeongmin Kim and Lee[31m\n"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("\nurl:     https://www.nknews.org/2024/06/envoy-returns/?ref=a#top\n"),
              std::string::npos)
        << text.out;
    const CommandResult unknown = run({search_bin(), "--db", db(), "--show", "plain"});
    EXPECT_NE(unknown.out.find("\nauthor:  unknown\nurl:     unknown\n"), std::string::npos) << unknown.out;
}

// A changed link is a changed article: the next run stores the new one.
TEST_F(Bylines, AChangedLinkIsReindexed) {
    TempDir tmp;
    write_file(tmp / "moved.txt", article_text("Moved"));
    write_file(tmp / "moved.meta.json", R"json({"title": "Moved", "url": "https://example.com/old"})json");
    const std::string moved_db = (tmp / "db").string();
    ASSERT_EQ(run({index_bin(), "--db", moved_db, tmp.path().string()}).exit_code, 0);
    write_file(tmp / "moved.meta.json", R"json({"title": "Moved", "url": "https://example.com/new", "author": "A. Writer"})json");
    const CommandResult again = run({index_bin(), "--db", moved_db, tmp.path().string()});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    const CommandResult shown = run({search_bin(), "--db", moved_db, "--show", "moved", "--format", "json"});
    const nlohmann::json article = nlohmann::json::parse(shown.out);
    EXPECT_EQ(article["url"], "https://example.com/new");
    EXPECT_EQ(article["author"], "A. Writer");
}

}  // namespace
}  // namespace corpus::testing
