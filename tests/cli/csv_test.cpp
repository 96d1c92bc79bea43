// --format csv (issue 25, deliverable 4) as a spreadsheet user meets it: the real
// corpus-search's output read back by a standard CSV reader (Python's csv module, strict),
// row by row against the same search's JSON.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
#include <utility>

namespace corpus::testing {
namespace {

const std::vector<std::string> header = {"rank", "id", "title", "outlet", "date", "url", "author", "score", "snippet"};

// Titles a CSV writer must quote, and one a spreadsheet would take for a formula.
const std::string comma_title = "Kim, Putin and \"the pact\", signed";
const std::string newline_title = "Two lines:\nthe second";
const std::string crlf_title = "Carriage\r\nreturn";
const std::string formula_title = "=SUM(1+1) and +cmd -x @y";

// Whether every record ends with CRLF and no CR or LF stands alone outside quotes.
bool records_end_with_crlf(const std::string& csv) {
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        if (csv[i] == '"') quoted = !quoted;
        if (quoted) continue;
        if (csv[i] == '\r' && (i + 1 == csv.size() || csv[i + 1] != '\n')) return false;
        if (csv[i] == '\n' && (i == 0 || csv[i - 1] != '\r')) return false;
    }
    return !quoted && csv.ends_with("\r\n");
}

// The JSON snippet as plain text: its marks dropped, its entities decoded.
std::string plain_snippet(std::string html) {
    for (const std::string tag : {"<mark>", "</mark>"}) {
        for (std::size_t at = html.find(tag); at != std::string::npos; at = html.find(tag, at)) html.erase(at, tag.size());
    }
    const std::pair<std::string, std::string> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < html.size();) {
        bool decoded = false;
        for (const auto& [entity, character] : entities) {
            if (html.compare(i, entity.size(), entity) == 0) {
                out += character;
                i += entity.size();
                decoded = true;
                break;
            }
        }
        if (!decoded) out += html[i++];
    }
    return out;
}

std::string body(const std::string& word) {
    std::string text;
    for (int paragraph = 0; paragraph < 3; ++paragraph) {
        text += "The envoy's remarks on " + word + " & the <b>pact</b> were \"frank\", officials in Seoul said on "
                "Tuesday, after talks on trade and security that both sides described as useful.\n\n";
    }
    return text;
}

class Csv : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const auto src = *dir_ / "src";
        std::filesystem::create_directories(src);
        const auto add = [&](const std::string& id, const nlohmann::json& meta, const std::string& word) {
            write_file(src / (id + ".txt"), "Headline " + id + "\n\n" + body(word));
            if (!meta.is_null()) write_file(src / (id + ".meta.json"), meta.dump());
        };
        add("comma", {{"title", comma_title}, {"outlet", "NK News, Seoul"}, {"date", "2024-06-19"},
                      {"url", "https://example.com/a?x=1,2&y=\"3\""}, {"author", "Kim \"KJ\" Jong, Jr."}},
            "sanctions");
        add("newline", {{"title", newline_title}, {"outlet", "Yonhap"}, {"date", "2024-06-20"}}, "missiles");
        add("crlf", {{"title", crlf_title}, {"author", "Lee Min"}}, "trade");
        add("formula", {{"title", formula_title}, {"url", "https://example.com/f"}}, "summits");
        add("bare", nullptr, "alliances");
        ASSERT_EQ(run({index_bin(), "--db", db(), src.string()}).exit_code, 0);
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static CommandResult search(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
        // The articles share most of their body: near-copies, which these tests list one by one.
        args.insert(args.begin(), {search_bin(), "--db", db(), "--no-collapse"});
        return run(args, env);
    }

    static void expect_refused(const CommandResult& result, const std::string& needle) {
        EXPECT_EQ(result.exit_code, 2);
        EXPECT_EQ(result.out, "");
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> Csv::dir_;

// Acceptance: the header, one row per result, every field as the JSON has it (a null as
// an empty field), titles with commas, quotes and line breaks intact, plain snippets.
TEST_F(Csv, RowsAreTheJsonResultsFieldByField) {
    const CommandResult csv = search({"--format", "csv", "envoy"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_TRUE(records_end_with_crlf(csv.out)) << csv.out;
    EXPECT_TRUE(csv.out.starts_with("rank,id,title,outlet,date,url,author,score,snippet\r\n")) << csv.out;
    const CommandResult json_out = search({"--format", "json", "envoy"});
    ASSERT_EQ(json_out.exit_code, 0) << json_out.err;
    const nlohmann::json json = nlohmann::json::parse(json_out.out);
    const nlohmann::json rows = read_csv(csv.out);
    ASSERT_TRUE(rows.is_array());
    ASSERT_EQ(json["total"], 5);
    ASSERT_EQ(rows.size(), 1 + json["results"].size());
    EXPECT_EQ(rows[0], nlohmann::json(header));
    std::set<std::string> titles;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const nlohmann::json& row = rows[i];
        const nlohmann::json& hit = json["results"][i - 1];
        ASSERT_EQ(row.size(), header.size()) << row;
        EXPECT_EQ(row[0], std::to_string(i));
        EXPECT_EQ(row[1], hit["id"]);
        EXPECT_EQ(row[2], hit["title"]);
        EXPECT_EQ(row[3], hit["outlet"]);
        EXPECT_EQ(row[4], hit["date"]);
        EXPECT_EQ(row[5], hit["url"].is_null() ? "" : hit["url"].get<std::string>());
        EXPECT_EQ(row[6], hit["author"].is_null() ? "" : hit["author"].get<std::string>());
        EXPECT_DOUBLE_EQ(std::stod(row[7].get<std::string>()), hit["score"].get<double>());
        const std::string snippet = row[8];
        EXPECT_EQ(snippet, plain_snippet(hit["snippet"])) << hit["snippet"];
        EXPECT_NE(snippet.find("envoy's remarks"), std::string::npos) << snippet;
        EXPECT_NE(snippet.find("& the <b>pact</b> were \"frank\""), std::string::npos) << snippet;
        for (const char* markup : {"<mark>", "</mark>", "&#39;", "&amp;", "&lt;", "&quot;"}) {
            EXPECT_EQ(snippet.find(markup), std::string::npos) << markup << " in " << snippet;
        }
        titles.insert(row[2].get<std::string>());
    }
    for (const std::string& title : {comma_title, newline_title, crlf_title, formula_title}) {
        EXPECT_TRUE(titles.contains(title)) << title;
    }
}

TEST_F(Csv, UrlAndAuthorColumns) {
    const nlohmann::json rows = read_csv(search({"--format", "csv", "sanctions"}).out);
    ASSERT_EQ(rows.size(), 2u) << rows;
    EXPECT_EQ(rows[1][1], "comma");
    EXPECT_EQ(rows[1][3], "NK News, Seoul");
    EXPECT_EQ(rows[1][4], "2024-06-19");
    EXPECT_EQ(rows[1][5], "https://example.com/a?x=1,2&y=\"3\"");
    EXPECT_EQ(rows[1][6], "Kim \"KJ\" Jong, Jr.");
    const nlohmann::json bare = read_csv(search({"--format", "csv", "alliances"}).out);
    ASSERT_EQ(bare.size(), 2u) << bare;
    EXPECT_EQ(bare[1][3], "unknown");
    EXPECT_EQ(bare[1][4], "unknown");
    EXPECT_EQ(bare[1][5], "");
    EXPECT_EQ(bare[1][6], "");
}

// RFC 4180 as it is: a field starting with = + - @ is written unchanged (the README
// says to import such files as text).
TEST_F(Csv, FormulaLikeFieldsAreWrittenAsTheyAre) {
    const nlohmann::json rows = read_csv(search({"--format", "csv", "summits"}).out);
    ASSERT_EQ(rows.size(), 2u) << rows;
    EXPECT_EQ(rows[1][2], formula_title);
}

TEST_F(Csv, OneRowPerResultOfThePage) {
    const CommandResult page = search({"--format", "csv", "--limit", "2", "--offset", "1", "envoy"});
    ASSERT_EQ(page.exit_code, 0) << page.err;
    const nlohmann::json rows = read_csv(page.out);
    ASSERT_EQ(rows.size(), 3u) << rows;
    EXPECT_EQ(rows[1][0], "2");
    EXPECT_EQ(rows[2][0], "3");
    // No match: the header alone, exit 1.
    const CommandResult none = search({"--format", "csv", "zeppelin"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_EQ(none.out, "rank,id,title,outlet,date,url,author,score,snippet\r\n");
    // The format may come from the environment (or the config file), like json.
    const CommandResult from_env = search({"envoy"}, {{"CORPUS_SEARCH_FORMAT", "csv"}});
    EXPECT_EQ(from_env.out, search({"--format", "csv", "envoy"}).out);
}

TEST_F(Csv, IdsAreAColumnAndCountIsTheNumber) {
    const CommandResult ids = search({"--format", "csv", "--ids", "envoy"});
    ASSERT_EQ(ids.exit_code, 0) << ids.err;
    EXPECT_TRUE(records_end_with_crlf(ids.out)) << ids.out;
    const nlohmann::json rows = read_csv(ids.out);
    const nlohmann::json json_ids = nlohmann::json::parse(search({"--format", "json", "--ids", "envoy"}).out);
    ASSERT_EQ(rows.size(), 1 + json_ids.size());
    EXPECT_EQ(rows[0], nlohmann::json::array({"id"}));
    for (std::size_t i = 0; i < json_ids.size(); ++i) EXPECT_EQ(rows[i + 1], nlohmann::json::array({json_ids[i]}));
    const CommandResult count = search({"--format", "csv", "--count", "envoy"});
    EXPECT_EQ(count.exit_code, 0);
    EXPECT_EQ(count.out, "5\n");
}

// What has no rows is refused with one line and exit 2, never printed in another format.
TEST_F(Csv, ShowBatchAndExplainAreRefused) {
    expect_refused(search({"--format", "csv", "--show", "comma"}), "--format csv does not go with --show");
    TempDir tmp;
    write_file(tmp / "queries", "envoy\n");
    expect_refused(search({"--format", "csv", "--batch", (tmp / "queries").string()}),
                   "--format csv does not go with --batch");
    expect_refused(search({"--format", "csv", "--explain", "envoy"}), "--format csv does not go with --explain");
    expect_refused(search({"--show", "comma"}, {{"CORPUS_SEARCH_FORMAT", "csv"}}), "use --format text or --format json");
    EXPECT_EQ(search({"--show", "comma", "--format", "text"}, {{"CORPUS_SEARCH_FORMAT", "csv"}}).exit_code, 0);
}

}  // namespace
}  // namespace corpus::testing
