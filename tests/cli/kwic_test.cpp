// --kwic (issue 26, deliverable 3) as an analyst meets it: the real corpus-search over an
// index the real corpus-index built, every occurrence checked against the article's stored
// text (--show): counts against a word-boundary count of the body, contexts cut from it,
// names in each article's own spelling.
#include "tests/support/test_support.h"

#include "schema/analysis.h"
#include "searcher/kwic.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace corpus::testing {
namespace {

// Prose paragraphs long enough that the indexer keeps them as the article's body.
const std::string filler =
    "Officials in Seoul said on Tuesday that talks with their counterparts had been useful and that both sides "
    "would meet again in the coming weeks to review the agreement in detail.";

const std::map<std::string, std::string> articles = {
    {"launch",
     "Ballistic missile launches resumed this week, the defence ministry said, adding that the Missile Defense "
     "Agency was tracking every one of them from the first minute.\n\n" +
         filler +
         "\n\nThe MISSILE flew east. Analysts said the missile's range, the missiles' payloads and an antimissile "
         "battery near the coast would all be discussed; an anti-missile system was also named.\n\n"
         "Experts compared the test to a ballistic, missile trial of 2017 and to ballistic missiles fired last "
         "year, and said the next test would again be a ballistic missile."},
    {"summit",
     "The summit ended without a statement. " + filler +
         "\n\nA missile was not mentioned, aides said, and the talks\nturned to trade, which both leaders called "
         "essential to their cooperation over the coming years."},
    {"hyphen",
     "Kim Jong-un inspected a factory on Monday, state media reported, in a visit that analysts read as a "
     "signal to Washington ahead of the talks.\n\n" +
         filler},
    {"capitals",
     "Reports said KIM JONG UN had approved the plan before the meeting, and officials described the approval "
     "as a turning point in the negotiations.\n\n" +
         filler},
    {"spaced",
     "Diplomats expect Kim Jong Un to travel to Moscow next month, where he is to meet officials and visit "
     "several factories and a space launch site.\n\n" +
         filler + " Kim Yo Jong, his sister, issued a statement of her own that evening."},
    {"hangul",
     "North Korean state media said 김정은 visited the new hospital on Friday, praising its builders and "
     "calling for more such projects in the provinces.\n\n" +
         filler},
};

// Titles, which are no text of the article: "Pyongyang" stands in one title only.
std::string title_of(const std::string& id) {
    return id == "summit" ? "Pyongyang summit ends" : "Report from the region on " + id;
}

bool word_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// How often `words` stand in `text` as a word-boundary search finds them, case aside: each
// word whole, the words one after another with only non-word characters between them,
// never across a paragraph (a blank line).
std::size_t boundary_count(const std::string& text, const std::vector<std::string>& words) {
    const std::string low = lower(text);
    std::size_t count = 0;
    for (std::size_t at = 0; at < low.size(); ++at) {
        if (at > 0 && word_character(low[at - 1])) continue;
        std::size_t p = at;
        bool found = true;
        for (std::size_t k = 0; k < words.size() && found; ++k) {
            if (k > 0) {
                const std::size_t gap = p;
                while (p < low.size() && !word_character(low[p])) ++p;
                found = p > gap && low.substr(gap, p - gap).find("\n\n") == std::string::npos;
            }
            found = found && low.compare(p, words[k].size(), words[k]) == 0;
            p += words[k].size();
        }
        if (found && (p == low.size() || !word_character(low[p]))) ++count;
    }
    return count;
}

// White space runs made one space, as the contexts are.
std::string collapsed(const std::string& text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (is_space && !space) out += ' ';
        if (!is_space) out += c;
        space = is_space;
    }
    return out;
}

std::size_t characters(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

class Kwic : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const auto src = *dir_ / "src";
        std::filesystem::create_directories(src);
        for (const auto& [id, body] : articles) {
            write_file(src / (id + ".txt"), title_of(id) + "\n\n" + body + "\n");
            const nlohmann::json meta = {{"title", title_of(id)},
                                         {"outlet", id == "summit" ? "Yonhap" : "NK News"},
                                         {"date", "2024-06-19"}};
            write_file(src / (id + ".meta.json"), meta.dump());
        }
        ASSERT_EQ(run({index_bin(), "--db", db(), src.string()}).exit_code, 0);
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {search_bin(), "--db", db()});
        return run(args);
    }

    // The body the index stored, as --show prints it.
    static std::string body(const std::string& id) {
        const CommandResult shown = search({"--show", id, "--format", "json"});
        EXPECT_EQ(shown.exit_code, 0) << shown.err;
        return nlohmann::json::parse(shown.out)["body"].get<std::string>();
    }

    static nlohmann::json kwic_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--kwic", "--format", "json"});
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(validate_json("kwic-output.schema.json", result.out).exit_code, 0) << result.out;
        return nlohmann::json::parse(result.out);
    }

    static std::map<std::string, std::size_t> per_article(const nlohmann::json& answer) {
        std::map<std::string, std::size_t> counts;
        for (const nlohmann::json& occurrence : answer["occurrences"]) ++counts[occurrence["id"].get<std::string>()];
        return counts;
    }

    // Every occurrence is text of its article: left, match and right one stretch of the
    // body with white space collapsed, the contexts at most `width` characters.
    static void expect_cut_from_bodies(const nlohmann::json& answer, std::size_t width) {
        for (const nlohmann::json& occurrence : answer["occurrences"]) {
            const std::string text = collapsed(body(occurrence["id"]));
            const std::string left = occurrence["left"], match = occurrence["match"], right = occurrence["right"];
            EXPECT_NE(text.find(left + match + right), std::string::npos) << occurrence;
            EXPECT_LE(characters(left), width) << occurrence;
            EXPECT_LE(characters(right), width) << occurrence;
            EXPECT_EQ(match.find('\n'), std::string::npos);
        }
    }

    static void expect_refused(const CommandResult& result, const std::string& needle) {
        EXPECT_EQ(result.exit_code, 2) << result.out;
        EXPECT_EQ(result.out, "");
        EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << result.err;
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    }

    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> Kwic::dir_;

// A word is listed where it stands whole, in any case, not inside a longer word nor in
// its inflections: as many occurrences as a word-boundary count of each body finds.
TEST_F(Kwic, WordOccurrencesAreTheWordBoundaryCount) {
    const nlohmann::json answer = kwic_json({"missile"});
    const auto counts = per_article(answer);
    EXPECT_EQ(answer["total"], 2);
    for (const std::string id : {"launch", "summit"}) {
        const std::size_t expected = boundary_count(body(id), {"missile"});
        EXPECT_EQ(counts.at(id), expected) << id;
    }
    // Ballistic missile, Missile, MISSILE, missile's, anti-missile, "ballistic, missile" and
    // the last: not missiles, missiles' nor antimissile.
    EXPECT_EQ(counts.at("launch"), 7u);
    std::set<std::string> written;
    for (const nlohmann::json& occurrence : answer["occurrences"]) written.insert(occurrence["match"].get<std::string>());
    EXPECT_EQ(written, (std::set<std::string>{"missile", "Missile", "MISSILE"}));
    expect_cut_from_bodies(answer, 40);
}

// A phrase is its exact words in order, punctuation between them or not, within a
// paragraph; the first one at the very start of the body, the last at its very end.
TEST_F(Kwic, PhraseOccurrencesAreTheWordBoundaryCount) {
    const nlohmann::json answer = kwic_json({"\"ballistic missile\""});
    EXPECT_EQ(answer["total"], 1);
    const std::string text = body("launch");
    EXPECT_TRUE(text.starts_with("Ballistic missile")) << text;
    const std::size_t expected = boundary_count(text, {"ballistic", "missile"});
    EXPECT_EQ(expected, 3u);  // the start, "ballistic, missile" and the end: not "ballistic missiles"
    ASSERT_EQ(answer["occurrences"].size(), expected);
    const nlohmann::json& first = answer["occurrences"].front();
    const nlohmann::json& last = answer["occurrences"].back();
    EXPECT_EQ(first["left"], "");
    EXPECT_EQ(first["match"], "Ballistic missile");
    EXPECT_EQ(answer["occurrences"][1]["match"], "ballistic, missile");
    EXPECT_EQ(last["match"], "ballistic missile");
    EXPECT_EQ(last["right"], ".");
    expect_cut_from_bodies(answer, 40);
}

// Contexts are cut at whole characters, from a word's start and to a word's end, white
// space (a line break inside a paragraph) collapsed: each occurrence is one line.
TEST_F(Kwic, ContextsAreTheArticlesTextAtTheWidthAsked) {
    const nlohmann::json narrow = kwic_json({"--kwic-width", "12", "trade OR missile"});
    expect_cut_from_bodies(narrow, 12);
    std::vector<nlohmann::json> trade;
    for (const nlohmann::json& occurrence : narrow["occurrences"]) {
        if (occurrence["match"] == "trade") trade.push_back(occurrence);
    }
    ASSERT_EQ(trade.size(), 1u);
    // "s turned to " would cut "talks": the context starts at the next word.
    EXPECT_EQ(trade[0]["left"], "turned to ");
    EXPECT_EQ(trade[0]["right"], ", which both");
    // "talks\nturned" in the body: one line.
    const nlohmann::json wide = kwic_json({"--kwic-width", "30", "trade"});
    ASSERT_EQ(wide["occurrences"].size(), 1u);
    EXPECT_EQ(wide["occurrences"][0]["left"], "said, and the talks turned to ");
    expect_cut_from_bodies(wide, 30);
    // Characters, not bytes: five before "visited" are " 김정은 " (ten bytes), the space
    // at the edge dropped.
    const nlohmann::json hangul = kwic_json({"--kwic-width", "5", "visited"});
    ASSERT_EQ(hangul["occurrences"].size(), 1u);
    EXPECT_EQ(hangul["occurrences"][0]["left"], "김정은 ");
    EXPECT_EQ(hangul["occurrences"][0]["right"], " the");
}

// A name is listed in each article's own spelling, whichever way the query spells it;
// another person of the same family is not.
TEST_F(Kwic, NamesComeBackAsEachArticleWritesThem) {
    const std::map<std::string, std::string> expected = {
        {"hyphen", "Kim Jong-un"}, {"capitals", "KIM JONG UN"}, {"spaced", "Kim Jong Un"}, {"hangul", "김정은"}};
    for (const std::vector<std::string>& query : {std::vector<std::string>{"\"Kim Jong Un\""},
                                                  std::vector<std::string>{"Kim", "Jong-un"}}) {
        const nlohmann::json answer = kwic_json(query);
        std::map<std::string, std::string> written;
        for (const nlohmann::json& occurrence : answer["occurrences"]) {
            EXPECT_FALSE(written.contains(occurrence["id"])) << occurrence;
            written[occurrence["id"]] = occurrence["match"];
        }
        EXPECT_EQ(written, expected) << query[0];
        expect_cut_from_bodies(answer, 40);
    }
}

// CSV holds the JSON's occurrences, read back by a strict CSV reader; text has one line
// per occurrence, its matches one above another.
TEST_F(Kwic, CsvAndTextPrintTheSameOccurrences) {
    const nlohmann::json json = kwic_json({"missile OR \"Kim Jong Un\""});
    const CommandResult csv = search({"--kwic", "--format", "csv", "missile OR \"Kim Jong Un\""});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const nlohmann::json rows = read_csv(csv.out);
    ASSERT_EQ(rows.size(), json["occurrences"].size() + 1);
    EXPECT_EQ(rows[0], nlohmann::json({"id", "outlet", "date", "left", "match", "right"}));
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const nlohmann::json& occurrence = json["occurrences"][i - 1];
        EXPECT_EQ(rows[i], nlohmann::json({occurrence["id"], occurrence["outlet"], occurrence["date"],
                                           occurrence["left"], occurrence["match"], occurrence["right"]}));
    }
    const CommandResult text = search({"--kwic", "missile OR \"Kim Jong Un\""});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < text.out.size();) {
        const std::size_t end = text.out.find('\n', start);
        lines.push_back(text.out.substr(start, end - start));
        start = end + 1;
    }
    ASSERT_EQ(lines.size(), json["occurrences"].size());
    std::set<std::size_t> columns;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const nlohmann::json& occurrence = json["occurrences"][i];
        const std::string marked = occurrence["left"].get<std::string>() + "[" + occurrence["match"].get<std::string>() +
                                   "]" + occurrence["right"].get<std::string>();
        ASSERT_TRUE(lines[i].starts_with(occurrence["id"].get<std::string>())) << lines[i];
        const std::size_t at = lines[i].find(marked);
        ASSERT_NE(at, std::string::npos) << lines[i] << "\n" << marked;
        columns.insert(characters(lines[i].substr(0, at + occurrence["left"].get<std::string>().size())));
    }
    EXPECT_EQ(columns.size(), 1u) << text.out;
}

// Which articles: those the search matches, filters applied, paged like --ids; a title is
// no text, so an article matching by its title alone lists nothing.
TEST_F(Kwic, ListsTheMatchingArticlesAsASearchFindsThem) {
    EXPECT_EQ(per_article(kwic_json({"--outlet", "Yonhap", "missile"})), (std::map<std::string, std::size_t>{{"summit", 1}}));
    const nlohmann::json limited = kwic_json({"--limit", "1", "missile"});
    EXPECT_EQ(limited["total"], 2);
    EXPECT_EQ(per_article(limited).size(), 1u);
    const nlohmann::json titled = kwic_json({"Pyongyang"});
    EXPECT_EQ(titled["total"], 1);
    EXPECT_TRUE(titled["occurrences"].empty());
    // title: asks for the title, which is no text, though the body holds the word too.
    const nlohmann::json title_field = kwic_json({"title:summit"});
    EXPECT_EQ(title_field["total"], 1);
    EXPECT_TRUE(title_field["occurrences"].empty()) << title_field;
    // Only what the query asks for: a word under NOT is not listed, though the article that
    // matches otherwise holds it.
    const nlohmann::json excluding = kwic_json({"trade OR -missile"});
    ASSERT_EQ(per_article(excluding)["summit"], 1u);
    for (const nlohmann::json& occurrence : excluding["occurrences"]) EXPECT_EQ(occurrence["match"], "trade");
    const CommandResult none = search({"--kwic", "zeppelin"});
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_EQ(none.out, "");
}

TEST_F(Kwic, BadWidthsAndOtherModesAreRefusedInOneLine) {
    for (const std::string width : {"0", "501", "abc", "", "4x", "99999999999999999999"}) {
        expect_refused(search({"--kwic", "--kwic-width", width, "missile"}), "--kwic-width");
    }
    expect_refused(search({"--kwic-width", "10", "missile"}), "--kwic-width goes with --kwic");
    for (const std::vector<std::string>& other : {std::vector<std::string>{"--count"}, {"--ids"}, {"--show", "launch"},
                                                  {"--batch", "-"}, {"--digest", "searches"}}) {
        std::vector<std::string> args = other;
        args.push_back("--kwic");
        if (other[0] == "--count" || other[0] == "--ids") args.push_back("missile");
        expect_refused(search(args), "do not go together");
    }
    expect_refused(search({"--kwic", "--explain", "missile"}), "--explain");
    expect_refused(search({"--kwic", "--outlet", "Yonhap"}), "give a query");
}

// A context with no word's edge near is cut at a character: the text before a match
// that ends it, joined by hyphens, holds no space at all.
TEST(KwicContexts, AContextWithoutSpacesIsCutAtACharacter) {
    const std::vector<searcher::HighlightPattern> patterns =
        searcher::kwic_patterns({{true, {schema::stem("missile")}, {}, "missile"}});
    const std::string text = "Seoul. The anti-ship-and-anti-air-and-anti-missile";
    const std::vector<searcher::Occurrence> occurrences = searcher::find_occurrences(text, patterns, 10);
    ASSERT_EQ(occurrences.size(), 1u);
    EXPECT_EQ(occurrences[0].left, "-and-anti-");
    EXPECT_EQ(occurrences[0].match, "missile");
    EXPECT_EQ(occurrences[0].right, "");
    // And at a word's start where there is one: "The anti-..." is cut before "anti".
    EXPECT_EQ(searcher::find_occurrences("The big anti-missile", patterns, 7)[0].left, "anti-");
}

// --scope all adds the page's chrome to the text: the bundled corpus's "Nasdaq" stands
// only in a list of headlines beside an article, twice.
class KwicSeed : public CliIndexTest {};

TEST_F(KwicSeed, ScopeAllListsTheChromeToo) {
    const CommandResult article = search({"--kwic", "Nasdaq"});
    EXPECT_EQ(article.exit_code, 1) << article.err;
    EXPECT_EQ(article.out, "");
    const CommandResult all = search({"--kwic", "--scope", "all", "--format", "json", "Nasdaq"});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    const nlohmann::json answer = nlohmann::json::parse(all.out);
    ASSERT_EQ(answer["occurrences"].size(), 2u) << answer;
    for (const nlohmann::json& occurrence : answer["occurrences"]) {
        const CommandResult shown = search({"--show", occurrence["id"], "--format", "json"});
        const std::string chrome = collapsed(nlohmann::json::parse(shown.out)["chrome"].get<std::string>());
        EXPECT_EQ(occurrence["match"], "Nasdaq");
        EXPECT_NE(chrome.find(occurrence["left"].get<std::string>() + "Nasdaq" + occurrence["right"].get<std::string>()),
                  std::string::npos)
            << occurrence;
    }
}

}  // namespace
}  // namespace corpus::testing
