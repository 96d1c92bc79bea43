// Issue 23: a default search says what the page's chrome hid. The real corpus-index and
// corpus-search on pages whose link lists name words that some articles hold only there.
#include "schema/analysis.h"
#include "schema/fields.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <memory>
#include <set>
#include <sstream>

namespace corpus::testing {
namespace {

// Six pages of one template: a menu bar, the headline, three paragraphs, a "Most read"
// list and a copyright footer. `article_word` goes into the second paragraph, and
// `chrome_word` heads the list's last item; a page `with_name` names Kim Jong Un in its
// article, or in its list.
struct Page {
    const char* id;
    const char* outlet;
    const char* date;
    const char* article_word;
    const char* chrome_word;
    enum { nowhere, in_article, in_chrome } name = nowhere;
};

constexpr Page pages[] = {
    {"page1", "Harbor Times", "2024-03-05", "", "zorblat", Page::in_article},
    {"page2", "Harbor Times", "2024-07-10", "", "zorblat", Page::in_chrome},
    {"page3", "Valley Post", "2024-07-12", "", "zorblat"},
    {"page4", "Valley Post", "2024-08-01", "quillfeather", "quillfeather"},  // in both
    {"page5", "Valley Post", "2024-08-02", "", "quillfeather", Page::in_chrome},
    {"page6", "Harbor Times", "2024-08-03", "", "quillfeather"},
};

std::string page_text(const Page& page) {
    const std::string word = page.article_word;
    const std::string chrome = page.chrome_word;
    return "Home | World | Politics | Business | Sports\n\n"
           "Talks Set to Resume in Geneva\n\n"
           "The ministry said on Tuesday that the talks would resume next month in Geneva, after a pause of "
           "almost a year in which neither side had proposed a new agenda for the negotiators.\n\n"
           "Officials from both delegations described the " + (word.empty() ? "" : word + " ") +
           "preparatory meeting as constructive, though they declined to say whether the question of "
           "inspections had been settled before the formal session.\n\n"
           "Analysts in the capital noted that the announcement came a day after the central bank left "
           "interest rates unchanged, and that markets had barely moved on the news." +
           (page.name == Page::in_article ? " Kim Jong Un was not mentioned in the statement." : "") +
           "\n\n"
           "Most read\n\n"
           "- " + (page.name == Page::in_chrome ? "Kim Jong Un inspects a new factory" : "Markets close higher on rate hopes") +
           "\n"
           "- Storm warning issued for the coast\n"
           "- " + std::string(1, static_cast<char>(chrome[0] - 'a' + 'A')) + chrome.substr(1) +
           " prices hit a record high\n\n"
           "Copyright 2024 " + page.outlet + ". All rights reserved.\n";
}

class ChromeHint : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const std::filesystem::path src = *dir_ / "src";
        std::filesystem::create_directory(src);
        for (const Page& page : pages) {
            write_file(src / (std::string(page.id) + ".txt"), page_text(page));
            write_file(src / (std::string(page.id) + ".meta.json"),
                       nlohmann::json{{"title", "Talks Set to Resume in Geneva"}, {"outlet", page.outlet}, {"date", page.date}}
                           .dump());
        }
        const CommandResult indexed = run({index_bin(), "--db", db(), "-q", src.string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static CommandResult search(std::vector<std::string> args, const std::string& stdin_text = {}) {
        args.insert(args.begin(), {search_bin(), "--db", db()});
        return run(args, {}, stdin_text);
    }

    // The JSON answer, checked against the schema.
    static nlohmann::json json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const CommandResult result = search(args);
        EXPECT_LE(result.exit_code, 1) << result.err;
        const CommandResult check = validate_json("search-output.schema.json", result.out);
        EXPECT_EQ(check.exit_code, 0) << check.err << result.out;
        return nlohmann::json::parse(result.out, nullptr, false);
    }

    static std::set<std::string> ids(std::vector<std::string> args) {
        args.insert(args.begin(), "--ids");
        std::istringstream out(search(args).out);
        std::set<std::string> found;
        for (std::string line; std::getline(out, line);) found.insert(line);
        return found;
    }

    static std::string last_line(const std::string& out) {
        const std::size_t end = out.find_last_not_of('\n');
        if (end == std::string::npos) return {};
        const std::size_t start = out.rfind('\n', end);
        return out.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> ChromeHint::dir_;

// Acceptance: a chrome-only word exits 1, the text ends with the hint, and JSON counts.
TEST_F(ChromeHint, ChromeOnlyWordExitsOneAndSaysWhatItHid) {
    const CommandResult text = search({"zorblat"});
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_EQ(text.out, "No articles match.\n"
                        "3 articles match only in page chrome (navigation, links, footers); --scope all shows them.\n");
    EXPECT_EQ(text.err, "");
    const nlohmann::json answer = json({"zorblat"});
    EXPECT_EQ(answer["total"], 0);
    EXPECT_EQ(answer["chrome_only_total"], 3);

    // --scope all shows them, and leaves nothing out.
    const nlohmann::json all = json({"--scope", "all", "zorblat"});
    EXPECT_EQ(all["total"], 3);
    EXPECT_EQ(all["chrome_only_total"], 0);
    const CommandResult all_text = search({"--scope", "all", "zorblat"});
    EXPECT_EQ(all_text.exit_code, 0);
    EXPECT_EQ(all_text.out.find("page chrome"), std::string::npos) << all_text.out;

    // One article: the singular.
    EXPECT_EQ(search({"--outlet", "Valley Post", "zorblat"}).out,
              "No articles match.\n"
              "1 article matches only in page chrome (navigation, links, footers); --scope all shows it.\n");
}

// A word in the article of one page and in the chrome of others: the pages that hold it
// only in their chrome are counted, the one that holds it in both is a match.
TEST_F(ChromeHint, CountsOnlyArticlesTheDefaultScopeMisses) {
    const CommandResult text = search({"quillfeather"});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_EQ(last_line(text.out),
              "2 more articles match only in page chrome (navigation, links, footers); --scope all shows them.");
    const nlohmann::json answer = json({"quillfeather"});
    EXPECT_EQ(answer["total"], 1);
    EXPECT_EQ(answer["results"][0]["id"], "page4");
    EXPECT_EQ(answer["chrome_only_total"], 2);

    // Nothing in the chrome: no line, and 0.
    const CommandResult plain = search({"inspections"});
    EXPECT_EQ(plain.exit_code, 0);
    EXPECT_EQ(plain.out.find("page chrome"), std::string::npos) << plain.out;
    EXPECT_EQ(json({"inspections"})["chrome_only_total"], 0);
    EXPECT_EQ(json({"kumquat"})["chrome_only_total"], 0);

    // A name: found in the article in any spelling, and as typed in the chrome.
    const nlohmann::json name = json({"Kim Jong-un"});
    EXPECT_EQ(name["total"], 1);
    EXPECT_EQ(name["chrome_only_total"], 2);
}

// The count is exactly what --scope all adds to the default scope's matches, whatever
// the query: phrases, NEAR, SAME, wildcards, exclusions (a page excluded for a word in
// its chrome is not one --scope all adds), fields and filters.
TEST_F(ChromeHint, CountIsWhatScopeAllAdds) {
    const std::vector<std::vector<std::string>> searches = {
        {"zorblat"},
        {"quillfeather"},
        {"\"quillfeather prices\""},  // page 4 holds the word in its article, the phrase in its chrome
        {"quillfeather -storm"},      // every chrome holds storm: --scope all finds none
        {"quillfeather OR zorblat"},
        {"zorbl*"},
        {"quillfeather NEAR/3 record"},
        {"\"record high\" SAME quillfeather"},
        {"title:geneva zorblat"},
        {"zorblat date:2024-07"},
        {"zorblat outlet:\"Harbor Times\""},
        {"--outlet", "Harbor Times", "zorblat"},
        {"--outlet", "Harbor Times", "quillfeather"},
        {"--from", "2024-07-01", "--to", "2024-07-31", "zorblat"},
        {"--from", "2024-08-02", "quillfeather"},
        {"NOT zorblat"},
        {"Kim Jong Un"},                // a name: its spellings in the article, the words in the chrome
        {"\"Kim Jong Un\" NEAR/5 factory"},
        {"Kim Jong-un OR zorblat"},
        {"date:2024-07 OR quillfeather"},
        {"zorblat OR (ministry -storm)"},
        {"quillfeather storm"},  // page 4: one word in its article and chrome, the other in its chrome only
        {"ministry AND (prices OR zorblat)"},
    };
    for (const std::vector<std::string>& args : searches) {
        std::vector<std::string> all = args;
        all.insert(all.begin(), {"--scope", "all"});
        std::set<std::string> added = ids(all);
        for (const std::string& id : ids(args)) added.erase(id);
        const nlohmann::json answer = json(args);
        EXPECT_EQ(answer["chrome_only_total"], added.size()) << args.back();
    }
}

// Filters and query fields narrow the count as they narrow the matches.
TEST_F(ChromeHint, FiltersApplyToTheCount) {
    EXPECT_EQ(json({"--outlet", "Harbor Times", "zorblat"})["chrome_only_total"], 2);
    EXPECT_EQ(json({"--from", "2024-07-01", "--to", "2024-07-31", "zorblat"})["chrome_only_total"], 2);
    EXPECT_EQ(json({"--to", "2024-06-30", "zorblat"})["chrome_only_total"], 1);
    EXPECT_EQ(json({"zorblat date:2024-03"})["chrome_only_total"], 1);
    EXPECT_EQ(json({"zorblat -outlet:\"Harbor Times\""})["chrome_only_total"], 1);
    const nlohmann::json harbor = json({"--outlet", "Harbor Times", "quillfeather"});
    EXPECT_EQ(harbor["total"], 0);
    EXPECT_EQ(harbor["chrome_only_total"], 1);
    EXPECT_EQ(json({"--outlet", "No Such Outlet", "zorblat"})["chrome_only_total"], 0);
}

// The index marks the stems of the words a page holds in its chrome alone, which the
// count reads, and not those its article holds too.
TEST_F(ChromeHint, IndexMarksWordsOnlyTheChromeHolds) {
    const Xapian::Database database(db());
    auto holds = [&](const std::string& id, const std::string& term) {
        const Xapian::docid doc = *database.postlist_begin(schema::exact_term(schema::id_term, id));
        Xapian::TermIterator it = database.termlist_begin(doc);
        it.skip_to(term);
        return it != database.termlist_end(doc) && *it == term;
    };
    auto marker = [](const char* word) { return *schema::chrome_only_term(schema::stem_term(schema::chrome_text, word)); };
    for (const char* id : {"page4", "page5", "page6"}) {
        EXPECT_TRUE(holds(id, schema::stem_term(schema::chrome_text, "quillfeather"))) << id;
    }
    EXPECT_FALSE(holds("page4", marker("quillfeather")));  // in its article too
    EXPECT_TRUE(holds("page5", marker("quillfeather")));
    EXPECT_TRUE(holds("page6", marker("quillfeather")));
    // Every page's chrome says "Most read", and no article does; the "Markets close
    // higher" of four chromes is beside the markets of every article.
    EXPECT_EQ(database.get_termfreq(marker("read")), 6u);
    EXPECT_EQ(database.get_termfreq(schema::stem_term(schema::chrome_text, "markets")), 4u);
    EXPECT_EQ(database.get_termfreq(marker("markets")), 0u);
}

// Acceptance: --count and --ids print what they always did, and exit as they did.
TEST_F(ChromeHint, CountAndIdsAreUnchanged) {
    const CommandResult count = search({"--count", "zorblat"});
    EXPECT_EQ(count.exit_code, 1);
    EXPECT_EQ(count.out, "0\n");
    EXPECT_EQ(count.err, "");
    const CommandResult ids = search({"--ids", "zorblat"});
    EXPECT_EQ(ids.exit_code, 1);
    EXPECT_EQ(ids.out, "");
    EXPECT_EQ(search({"--ids", "--format", "json", "zorblat"}).out, "[]\n");
    EXPECT_EQ(search({"--count", "--format", "json", "zorblat"}).out, "0\n");
    EXPECT_EQ(search({"--count", "quillfeather"}).out, "1\n");
    EXPECT_EQ(search({"--ids", "quillfeather"}).out, "page4\n");
}

// --batch answers carry the count in each line; the exit status still says whether the
// default scope matched anything.
TEST_F(ChromeHint, BatchAnswersCarryTheCount) {
    const CommandResult batch = search({"--batch", "-"}, "zorblat\nquillfeather\nkumquat\n");
    EXPECT_EQ(batch.exit_code, 0);
    const CommandResult check = validate_json("search-output.schema.json", batch.out, /*json_lines=*/true);
    EXPECT_EQ(check.exit_code, 0) << check.err;
    std::istringstream lines(batch.out);
    std::vector<std::size_t> counts;
    for (std::string line; std::getline(lines, line);) {
        counts.push_back(nlohmann::json::parse(line)["chrome_only_total"].get<std::size_t>());
    }
    EXPECT_EQ(counts, (std::vector<std::size_t>{3, 2, 0}));
    EXPECT_EQ(search({"--batch", "-"}, "zorblat\n").exit_code, 1);
}

}  // namespace
}  // namespace corpus::testing
