// Snippets cut from article bodies: what is lit, which window is shown, and the marks
// of cut text, for bodies written here (no index needed).
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "searcher/render.h"
#include "searcher/snippet.h"

#include <gtest/gtest.h>

#include <string>

namespace corpus::searcher {
namespace {

std::vector<HighlightPattern> patterns(const std::string& query) {
    Result<QueryNode> node = parse_query(query);
    EXPECT_TRUE(node.ok()) << query;
    Result<CompiledQuery> compiled = compile_query(node.value(), Xapian::Database());
    EXPECT_TRUE(compiled.ok()) << query;
    return compiled.ok() ? compiled->highlights : std::vector<HighlightPattern>{};
}

std::string html(std::string_view body, const std::string& query, std::size_t words = default_snippet_words) {
    return snippet_html(make_snippet(body, patterns(query), words));
}

// `count` filler words ("w1 w2 ..."), which no test query matches.
std::string filler(int count, const std::string& stem = "w") {
    std::string out;
    for (int i = 1; i <= count; ++i) out += (i > 1 ? " " : "") + stem + std::to_string(i);
    return out;
}

TEST(Snippet, LightsStemsPhrasesAndKeepsClosingPunctuation) {
    const std::string body = "Officials said the sanctions worked. The pact calls for mutual assistance.";
    EXPECT_EQ(html(body, "sanction"),
              "Officials said the <mark>sanctions</mark> worked. The pact calls for mutual assistance.");
    // The window starts six words before the first match.
    EXPECT_EQ(html(body, "\"mutual assistance\""),
              "\u2026sanctions worked. The pact calls for <mark>mutual assistance</mark>.");
}

TEST(Snippet, LightsANameInTheArticlesSpellingAndTheWordsAsTyped) {
    const std::string body = "Kim Jong-un met envoys. Later kim jong un was quoted. Kim Yo Jong spoke.";
    EXPECT_EQ(html(body, "Kim Jong Un"),
              "<mark>Kim Jong-un</mark> met envoys. Later <mark>kim jong un</mark> was quoted. Kim Yo Jong spoke.");
    EXPECT_EQ(html("\uae40\uc815\uc740 \uc704\uc6d0\uc7a5", "Kim Jong-un"), "<mark>\uae40\uc815\uc740</mark> \uc704\uc6d0\uc7a5");
}

TEST(Snippet, LightsAnAcronymNeverANameOrTheWord) {
    const std::string body = "KIM JONG UN told us the U.N. and the UN erred.";
    EXPECT_EQ(html(body, "UN"), "KIM JONG UN told us the <mark>U.N</mark>. and the <mark>UN</mark> erred.");
    EXPECT_EQ(html(body, "\"the UN\""), "KIM JONG UN told us <mark>the U.N</mark>. and <mark>the UN</mark> erred.");
    EXPECT_EQ(html("She told us. The US agreed.", "US"), "She told us. The <mark>US</mark> agreed.");
}

TEST(Snippet, ShortBodyIsWholeAndEmptyBodyIsNothing) {
    const Snippet whole = make_snippet("Putin arrived.", patterns("Putin"));
    EXPECT_FALSE(whole.starts_mid_text);
    EXPECT_FALSE(whole.ends_mid_text);
    EXPECT_TRUE(make_snippet("", patterns("Putin")).parts.empty());
    EXPECT_TRUE(make_snippet(" \n\n ... \n\n", patterns("Putin")).parts.empty());
}

TEST(Snippet, WindowStartsShortlyBeforeTheMatchAndMarksCutText) {
    const std::string body = filler(50) + " Putin " + filler(50, "x");
    const Snippet snippet = make_snippet(body, patterns("Putin"), 10);
    EXPECT_TRUE(snippet.starts_mid_text);
    EXPECT_TRUE(snippet.ends_mid_text);
    EXPECT_EQ(snippet_html(snippet), "\u2026w45 w46 w47 w48 w49 w50 <mark>Putin</mark> x1 x2 x3\u2026");
}

TEST(Snippet, WindowAtTheEndShowsFullWidth) {
    const Snippet snippet = make_snippet(filler(30) + " Putin said.", patterns("Putin"), 10);
    EXPECT_TRUE(snippet.starts_mid_text);
    EXPECT_FALSE(snippet.ends_mid_text);
    EXPECT_EQ(snippet_html(snippet), "\u2026w23 w24 w25 w26 w27 w28 w29 w30 <mark>Putin</mark> said.");
}

TEST(Snippet, WithoutMatchesShowsTheFirstWords) {
    const Snippet snippet = make_snippet(filler(5) + "\n\n" + filler(20, "x"), patterns("Putin"), 8);
    EXPECT_FALSE(snippet.starts_mid_text);
    EXPECT_TRUE(snippet.ends_mid_text);
    EXPECT_EQ(snippet_html(snippet), "w1 w2 w3 w4 w5 x1 x2 x3\u2026");
}

TEST(Snippet, PrefersAWindowShowingEveryPattern) {
    // Paragraphs: Putin alone, then far on, Putin beside Kishida.
    const std::string body = "Putin " + filler(40) + "\n\n" + filler(40, "x") + "\n\nPutin met Kishida.";
    EXPECT_EQ(html(body, "Putin Kishida", 10), "\u2026x34 x35 x36 x37 x38 x39 x40 <mark>Putin</mark> met <mark>Kishida</mark>.");
}

TEST(Snippet, TheFirstWindowShowingEveryPatternWins) {
    const std::string body = filler(20) + " Putin and Kishida.\n\n" + filler(20, "x") +
                             "\n\nPutin, Putin and Kishida, Kishida.";
    EXPECT_EQ(html(body, "Putin Kishida", 10), "\u2026w15 w16 w17 w18 w19 w20 <mark>Putin</mark> and <mark>Kishida</mark>. x1\u2026");
}

TEST(Snippet, WindowCrossesIntoTheNextParagraph) {
    const std::string body = filler(10) + " Putin\n\n" + filler(10, "x");
    EXPECT_EQ(html(body, "Putin", 10), "\u2026w5 w6 w7 w8 w9 w10 <mark>Putin</mark> x1 x2 x3\u2026");
}

TEST(Snippet, MatchesNeverSpanParagraphs) {
    const std::string body = "They called for mutual\n\nassistance from allies.";
    EXPECT_EQ(html(body, "\"mutual assistance\""), "They called for mutual assistance from allies.");
    EXPECT_EQ(html("The leader Kim\n\nJong Un is named.", "Kim Jong Un"), "The leader Kim Jong Un is named.");
}

}  // namespace
}  // namespace corpus::searcher
