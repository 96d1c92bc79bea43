// Page segmentation on the five hand-labelled seeds and on pages made up here from other
// templates (different chrome, different order), so no rule can lean on one page's text.
#include "indexer/segment.h"

#include "indexer/segment_labels.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::indexer {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::filesystem::path labels_dir() {
    return std::filesystem::path(CORPUS_SOURCE_DIR) / "tests" / "data" / "segmentation";
}

// The bundled seed pages: CORPUS_SEED_DIR when the build names it, else the repository's
// data/ folder.
std::filesystem::path seed_dir() {
#ifdef CORPUS_SEED_DIR
    return CORPUS_SEED_DIR;
#else
    return std::filesystem::path(CORPUS_SOURCE_DIR) / "data";
#endif
}

LabelledPage load_seed(const std::string& stem) {
    auto page = parse_labelled_page(read_file(labels_dir() / (stem + ".labels")));
    EXPECT_TRUE(page.ok()) << stem << ": " << (page.ok() ? "" : page.error().message);
    return page.ok() ? *page : LabelledPage{};
}

// The body and chrome lines of a segmentation, by page line number.
struct LineKinds {
    std::set<std::size_t> body;
    std::set<std::size_t> chrome;
};

LineKinds line_kinds(const PageSegmentation& result) {
    LineKinds kinds;
    for (const Block& block : result.blocks)
        for (std::size_t i = block.first_line; i <= block.last_line; ++i)
            (block.kind == BlockKind::body ? kinds.body : kinds.chrome).insert(i);
    return kinds;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

// Every non-blank line but the title sits in exactly one block, in page order.
void expect_blocks_cover_page(const std::string& page_text, const PageSegmentation& result) {
    std::vector<std::string> lines = split_lines(page_text);
    std::size_t previous_last = 0;
    bool first = true;
    std::set<std::size_t> covered;
    for (const Block& block : result.blocks) {
        EXPECT_LE(block.first_line, block.last_line);
        if (!first) {
            EXPECT_GT(block.first_line, previous_last);
        }
        first = false;
        previous_last = block.last_line;
        for (std::size_t i = block.first_line; i <= block.last_line; ++i) covered.insert(i);
        EXPECT_NE(block.text.find_first_not_of(" \t\xC2\xA0"), std::string::npos)
            << "empty block at line " << block.first_line;
    }
    if (result.title_line) {
        EXPECT_FALSE(covered.contains(*result.title_line));
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool blank = lines[i].find_first_not_of(" \t\r\xC2\xA0") == std::string::npos;
        bool is_title = result.title_line && *result.title_line == i;
        if (!blank && !is_title) {
            EXPECT_TRUE(covered.contains(i)) << "line " << i << " in no block";
        }
    }
}

// ---------------------------------------------------------------------------------------
// Seeds

struct SeedExpectation {
    std::string stem;
    std::string title;
    std::optional<std::string> outlet;
    std::vector<std::string> body_starts;    // prefixes of lines that must be body
    std::vector<std::string> chrome_starts;  // prefixes of lines that must not be body
};

const std::vector<SeedExpectation>& seed_expectations() {
    static const std::vector<SeedExpectation> seeds = {
        {"000_4187df94d3ce0a80",
         "South Korea Warns Russia Over Military Pact with North Korea",
         "Oilprice.com",
         {"  • South Korea summoned the Russian ambassador", "Russia's Ambassador to Seoul",
          "In a phone call on June 20"},
         {"• 3 minutes e-car sales collapse", "  • 11 days The European Union", "RFE/RL staff",
          "More Info", "Premium Content", "South Korea", "  • Mamdouh Salameh on June 21 2024",
          "    South Korea's protest against", "    Dr Mamdouh G Salameh", "Leave a comment",
          "EXXON Mobil", "Oilprice - The No. 1 Source"}},
        {"001_e37822f24c939602",
         "Putin\xE2\x80\x99s North Korea Visit Could Reshape Regional Security",
         std::nullopt,
         {"On the 18th, Russian President", "Im Eul Chul, a professor"},
         {"Thursday, May 15, 2025", "News1", "Hot this week", "The U.S. halts cattle imports",
          "Oil prices rise as U.S. and China", "A man found a 3.81-carat diamond",
          "Related Articles"}},
        {"002_66667886bb51a6a5",
         "Putin Arrives in Pyongyang Today... First Visit in 24 Years",
         "The Asia Business Daily",
         {"South Korea and China Hold", "Government: \"Monitoring",
          "Lim Soo-seok, spokesperson", "A Foreign Ministry official said regarding"},
         {"\xC2\xA9 The Asia Business Daily"}},
        {"003_457d596eeaa5c52e",
         "Japan, the Republic of Korea (ROK), and the U.S. condemn DPRK-Russia Cooperation",
         "NE Global",
         {"Primary concern is sustained", "Vladimir Putin officially welcomed",
          "Text of joint statement:", "\xE2\x80\x9CThe United States, ROK, and Japan condemn"},
         {"- Advertisement -", "Subscribe to our newsletter", "Latest",
          "A strong, unified Libya is in everyone", "After a recent trip to Baku",
          "The parliamentary elections in Hungary"}},
        {"004_776d4640786f29a7",
         "The Fragile Friendship of Putin and Kim: What Lies Beyond Ukraine?",
         std::nullopt,
         {"While North Korea and Russia are strengthening", "Meanwhile, Russia has recently",
          "He also predicted that"},
         {"Monday, December 23, 2024", "U.S. \xE2\x80\x98Strongly Condemns",
          "On the 18th, the U.S. Department of State", "K-pop sensation IVE",
          "North KoreaThe Fragile Friendship", "News1", "Most Popular Articles"}},
    };
    return seeds;
}

void PrintTo(const SeedExpectation& seed, std::ostream* out) { *out << seed.stem; }

class SeedPage : public ::testing::TestWithParam<SeedExpectation> {};

TEST_P(SeedPage, LabelsHoldTheSeedText) {
    const SeedExpectation& seed = GetParam();
    LabelledPage page = load_seed(seed.stem);
    EXPECT_EQ(page.source, seed.stem + ".txt");
    std::filesystem::path original = seed_dir() / page.source;
    if (!std::filesystem::exists(original)) GTEST_SKIP() << original << " not present";
    EXPECT_EQ(page.page_text, read_file(original));
}

TEST_P(SeedPage, TitleAndBodyMatchTheLabels) {
    const SeedExpectation& seed = GetParam();
    LabelledPage page = load_seed(seed.stem);
    PageSegmentation result = segment_page(page.page_text);
    EXPECT_EQ(result.title, seed.title);
    SegmentationScore score = score_segmentation(page, result);
    EXPECT_TRUE(score.title_correct);
    EXPECT_EQ(score.false_positives, 0u);
    EXPECT_EQ(score.false_negatives, 0u);
    expect_blocks_cover_page(page.page_text, result);
}

TEST_P(SeedPage, NamedLinesLandOnTheRightSide) {
    const SeedExpectation& seed = GetParam();
    LabelledPage page = load_seed(seed.stem);
    PageSegmentation result = segment_page(page.page_text);
    LineKinds kinds = line_kinds(result);
    std::vector<std::string> lines = split_lines(page.page_text);
    auto lines_starting = [&](const std::string& prefix) {
        std::vector<std::size_t> found;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].starts_with(prefix)) found.push_back(i);
        EXPECT_FALSE(found.empty()) << "no line starts with \"" << prefix << "\"";
        return found;
    };
    for (const std::string& prefix : seed.body_starts)
        for (std::size_t i : lines_starting(prefix))
            EXPECT_TRUE(kinds.body.contains(i)) << "should be body: " << lines[i];
    for (const std::string& prefix : seed.chrome_starts)
        for (std::size_t i : lines_starting(prefix))
            EXPECT_FALSE(kinds.body.contains(i)) << "should not be body: " << lines[i];
}

TEST_P(SeedPage, MetadataComesFromThePageAndNeverFromTheCaptureDate) {
    const SeedExpectation& seed = GetParam();
    PageSegmentation result = segment_page(load_seed(seed.stem).page_text);
    if (seed.outlet) {
        ASSERT_TRUE(result.outlet.has_value());
        EXPECT_EQ(result.outlet->value, *seed.outlet);
        EXPECT_FALSE(result.outlet->evidence.empty());
    } else {
        EXPECT_FALSE(result.outlet.has_value()) << result.outlet->value;
    }
    // No seed states year, month and day of its publication in the article; 001 and 004
    // open with a full capture date, which must not be taken.
    EXPECT_FALSE(result.date.has_value())
        << result.date->value << " from " << result.date->evidence;
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedPage, ::testing::ValuesIn(seed_expectations()),
                         [](const auto& info) { return "seed_" + info.param.stem.substr(0, 3); });

TEST(SeedCorpus, LinePrecisionAndRecallReachTheAcceptanceBar) {
    SegmentationScore total;
    for (const SeedExpectation& seed : seed_expectations()) {
        LabelledPage page = load_seed(seed.stem);
        SegmentationScore score = score_segmentation(page, segment_page(page.page_text));
        total.true_positives += score.true_positives;
        total.false_positives += score.false_positives;
        total.false_negatives += score.false_negatives;
    }
    EXPECT_GT(total.true_positives, 60u);
    EXPECT_GE(total.precision(), 0.97);
    EXPECT_GE(total.recall(), 0.97);
}


// ---------------------------------------------------------------------------------------
// Documents that are not news pages: when in doubt, a line is the article's.

// The non-blank lines of `page` that land in no body block, trimmed.
std::vector<std::string> lines_not_in_body(const std::string& page) {
    PageSegmentation result = segment_page(page);
    LineKinds kinds = line_kinds(result);
    std::vector<std::string> lines = split_lines(page);
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].find_first_not_of(' ') != std::string::npos && !kinds.body.contains(i) &&
            result.title_line != i)
            missing.push_back(lines[i]);
    return missing;
}

const std::string paragraph_a =
    "The committee met on Tuesday to review the harbor budget, and its members agreed that the "
    "dredging program should continue for another year.";
const std::string paragraph_b =
    "Several members asked the staff to publish the soundings, so that the pilots who use the "
    "channel can see where the bottom has shifted since the storms.";

TEST(UnseenDocument, TextWithoutChromeEvidenceIsAllArticle) {
    const std::vector<std::string> pages = {
        // A salutation and no headline; a closing in title case.
        "Members of the Harbor Commission:\n\n" + paragraph_a + "\n\n" + paragraph_b +
            "\n\nThank you. God Bless You. God Bless America.\n",
        // An ellipsis line and a dot-leader table between paragraphs.
        paragraph_a + "\n\nAnd then the storms came . . .\n\nSoundings taken \xE2\x80\xA6\n\n"
            "Channel depth ........ 12 ...... .......\n\n" + paragraph_b + "\n",
        // A two-word heading, a table row with figures, a line that quotes someone.
        paragraph_a + "\n\nDredging Costs\n\n" + paragraph_b + "\n\nTotal 1,234,567 +2.5%\n\n"
            "As the chairman said:\n\n" + paragraph_a.substr(4) + "\n",
        // Sentences that only mention a prompt word; a short sentence said twice.
        paragraph_a + "\n\nWe all subscribe to these principles.\n\nThank you very much.\n\n" + paragraph_b +
            "\n\nThank you very much.\n\n" + paragraph_b.substr(8) + "\n"};
    for (const std::string& page : pages) EXPECT_EQ(lines_not_in_body(page), std::vector<std::string>{}) << page;
}

// A licence, a report, a manual: underlined headings, section rules, a heading in footer
// words ("TERMS AND CONDITIONS") between paragraphs, list items marked "(c)", tables and
// lists of names.
TEST(UnseenDocument, HeadingsRulesAndListItemsAreTheArticles) {
    const std::vector<std::string> pages = {
        "Introduction\n============\n\n" + paragraph_a + "\n\nDredging\n--------\n\n" + paragraph_b + "\n",
        paragraph_a + "\n\n----------\n\n" + paragraph_b + "\n\n**********\n\n" + paragraph_a.substr(4) + "\n",
        paragraph_a + "\n\nTERMS AND CONDITIONS\n\n" + paragraph_b + "\n",
        // A clause in capitals is a paragraph, so the footer words after it are a heading.
        paragraph_a + "\n\nNO WARRANTY\n\n11. THE CHARTS ARE PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EITHER "
            "EXPRESSED OR IMPLIED, INCLUDING THE IMPLIED WARRANTIES OF FITNESS FOR NAVIGATION, AND THE ENTIRE RISK AS TO "
            "THEIR ACCURACY IS WITH THE PILOT WHO USES THEM.\n\n12. IN NO EVENT SHALL THE HARBOR COMMISSION OR ANY "
            "PILOT WHO MAY PUBLISH THE SOUNDINGS AS PERMITTED ABOVE BE LIABLE FOR ANY DAMAGES ARISING OUT OF THE USE OF "
            "THE CHARTS, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGES.\n\nEND OF TERMS AND CONDITIONS\n\n" +
            paragraph_b + "\n",
        paragraph_a + "\n\n(a) the pilots shall be told of every buoy that is moved;\n\n"
            "(c) the soundings shall be published every month, with the dates of the surveys.\n\n" + paragraph_b + "\n",
        // A table drawn with bars (no menu bar) and a list of names.
        paragraph_a + "\n\nberth | vessel | pilot\n------+--------+------\n12 | Northern Star | Lee\n"
            "14 | Sea Lark | Okafor\n\n" + paragraph_b + "\n",
        paragraph_a + "\n\nHarbor Commission\nPort Authority\nPilots Guild\n\n" + paragraph_b + "\n"};
    for (const std::string& page : pages) {
        std::vector<std::string> lost = lines_not_in_body(page);
        std::erase_if(lost, [](const std::string& line) { return line.find_first_not_of("-=*+") == std::string::npos; });
        EXPECT_EQ(lost, std::vector<std::string>{}) << page;  // rules hold no words
    }
}

// Footer wording between paragraphs (copyright lines, "Copyright notice:" over them, a
// download prompt) is no end of the text when paragraphs follow it; numbered headings,
// labels, lists of one-word items and dividers between paragraphs are the text's.
TEST(UnseenDocument, ParagraphsAfterFooterWordingAreTheArticlesToo) {
    const std::vector<std::string> pages = {
        paragraph_a + "\n\n" + paragraph_b + "\n\nCopyright (c)  YEAR  YOUR NAME.\n\n" + paragraph_a.substr(4) + "\n",
        paragraph_a + "\n\n" + paragraph_b + "\n\nCopyright notice:\n\n(C) 1995-2022 The Harbor Commission\n\n" +
            paragraph_a.substr(4) + "\n\n" + paragraph_b.substr(8) + "\n",
        paragraph_a + "\n\nTo download the soundings:\n\n" + paragraph_b + "\n",
        paragraph_a + "\n\n4. MODIFICATIONS\n\n" + paragraph_b + "\n\n1.9. \"Licensable\"\n\n" + paragraph_a.substr(4) + "\n",
        paragraph_a + "\n\nThe soundings cover:\n* Channels\n* Berths\n* Moorings\n\n" + paragraph_b + "\n",
        paragraph_a + "\n\n* * *\n\n" + paragraph_b + "\n\n```\n\n" + paragraph_a.substr(4) + "\n",
        paragraph_a + "\n\nCopyright (C) 1990, 1991 John Eaton.\nCopyright (C) 1994, 1995 Mark Armbruster.\n"
            "Copyright (C) 1995 Carl Edman.\n\n" + paragraph_b + "\n\nStatus: removed\n\n" + paragraph_a.substr(4) + "\n"};
    for (const std::string& page : pages) EXPECT_EQ(lines_not_in_body(page), std::vector<std::string>{}) << page;
}

// A heading that names what the title names is the text's; a copy of the headline between
// the paragraphs (a sticky header caught by the scrape) is not.
TEST(UnseenDocument, HeadingNamingTheTitleIsTheArticles) {
    const std::string heading = "HARBOR SOUNDINGS RULES\n\n" + paragraph_a + "\n\n" + paragraph_b +
                                "\n\n  6. Revised Versions of the Harbor Soundings Rules.\n\n" + paragraph_a.substr(4) + "\n";
    EXPECT_EQ(lines_not_in_body(heading), std::vector<std::string>{});
    const std::string copy = "HARBOR SOUNDINGS RULES\n\n" + paragraph_a + "\n\n" + paragraph_b +
                             "\n\nHarbor Soundings Rules\n\n" + paragraph_a.substr(4) + "\n";
    EXPECT_EQ(lines_not_in_body(copy), std::vector<std::string>{"Harbor Soundings Rules"});
}

// More than a line or two of footer besides copyright lines, or a list header, still ends
// the article.
TEST(UnseenDocument, AFooterOrAListHeaderStillEndsTheArticle) {
    const std::string footer = paragraph_a + "\n\n" + paragraph_b +
                               "\n\nCopyright 2024 Harbor News.\nPrivacy Policy\nTerms of Use\nSubscribe to our newsletter\n\n"
                               "The Harbor News is published by the Harbor Media Group, which also runs two radio stations.\n";
    EXPECT_EQ(lines_not_in_body(footer),
              (std::vector<std::string>{"Copyright 2024 Harbor News.", "Privacy Policy", "Terms of Use",
                                        "Subscribe to our newsletter", "The Harbor News is published by the Harbor Media Group, which also runs two "
                                        "radio stations."}));
    const std::string related = paragraph_a + "\n\n" + paragraph_b +
                                "\n\nRelated\n\nPilots on the north channel said on Friday that the new buoys were "
                                "hard to see at night.\n";
    EXPECT_EQ(lines_not_in_body(related),
              (std::vector<std::string>{"Related", "Pilots on the north channel said on Friday that the new buoys "
                                                   "were hard to see at night."}));
}

// A rule followed by a mailing list's footer still sets it off.
TEST(UnseenDocument, RuleAboveAFooterEndsTheArticle) {
    const std::string page = paragraph_a + "\n\n" + paragraph_b +
                             "\n\n_______________________________________________\n"
                             "Harbor-talk mailing list\nharbor-talk@example.org\n";
    EXPECT_EQ(lines_not_in_body(page),
              (std::vector<std::string>{"_______________________________________________", "Harbor-talk mailing list",
                                        "harbor-talk@example.org"}));
}

TEST(UnseenDocument, EvidenceStillMakesChrome) {
    const std::string page = paragraph_a + "\n\n" + paragraph_b +
                             "\n\nSubscribe to our newsletter\n\nRelated\n\nHarbor Pilots Strike Over Pay\n\n"
                             "Storm Closes the North Channel\n";
    EXPECT_EQ(lines_not_in_body(page),
              (std::vector<std::string>{"Subscribe to our newsletter", "Related", "Harbor Pilots Strike Over Pay",
                                        "Storm Closes the North Channel"}));
}

// A news page of one-line paragraphs has short lines in a row (headlines of a list, a
// headline over its dateline): they are no hard wrap, and list headers, share bars and
// comment counts stay chrome however close to the article they sit.
TEST(UnseenDocument, ShortLinesOfANewsPageAreNoWrapAndItsChromeStaysChrome) {
    const std::string paragraph_c =
        "The pilots' association said that the new soundings would be published every month from June, "
        "and that the harbor master would post them at the ferry terminal as well as on the port's website.";
    const std::string article = paragraph_a + "\n\n" + paragraph_b + "\n\n" + paragraph_c + "\n\n" + paragraph_a.substr(4) +
                                "\n\n" + paragraph_b.substr(8) + "\n\n";
    const std::string page =
        "Related\nHarbor Pilots Strike Over Pay After Talks Fail\nStorm Closes the North Channel for Three Days\n"
        "Port Authority Names a New Director for the Docks\n\n"
        "Hot this week\nThe ferry company said the crossing would take forty minutes once the new boats arrive.\n"
        "Fishermen have complained about the dredging for\xE2\x80\xA6\nNew Ferry Route Opens to the Outer Islands\n"
        "Tolls on the harbor bridge will rise in the autumn, the council said on Monday.\n\n"
        "Dredging Plan Wins Approval in Committee\nPosted : 2024-06-21 15:51 Updated : 2024-06-21 17:51\n\n" +
        article +
        "Share this story:\nFacebook | X | KakaoTalk | Email\n\n"
        "Popular Now\nThe mayor said the ferry fares would not change this year, whatever the council decides.\n"
        "Harbor Museum Reopens After Two Years of Repairs\nA new lighthouse keeper was named on Friday.\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, "Dredging Plan Wins Approval in Committee");
    std::vector<std::string> lost = lines_not_in_body(page);
    for (std::string_view line : {std::string_view(paragraph_a), std::string_view(paragraph_b), std::string_view(paragraph_c)})
        EXPECT_EQ(std::count(lost.begin(), lost.end(), line), 0) << line;
    const std::string body = [&] {
        std::string text;
        for (const Block& block : result.blocks)
            if (block.kind == BlockKind::body) text += block.text + "\n";
        return text;
    }();
    for (std::string_view chrome : {"Posted", "Strike Over Pay", "forty minutes", "Fishermen", "Outer Islands", "Tolls",
                                    "KakaoTalk", "Popular Now", "fares", "Museum", "lighthouse"})
        EXPECT_EQ(body.find(chrome), std::string::npos) << chrome;

    // A comment count between the article and its comments is no heading of the article.
    const std::string commented = article + "39 Comments\nharborwatch \xC2\xB7 10 hours ago\n" + paragraph_c + "\n";
    std::vector<std::string> chrome = lines_not_in_body(commented);
    EXPECT_EQ(chrome.size(), 3u);
    EXPECT_EQ(chrome.front(), "39 Comments");
}

// A numbered list of headlines over their descriptions is the article's own list (a
// reading list), not a list of other stories; a breadcrumb is not the headline.
TEST(UnseenDocument, NumberedListsAreTheArticleAndBreadcrumbsNoTitle) {
    const std::string page =
        "Ministry of Harbors \xC2\xB7 Press Releases\n\nFive Charts to Understand the Harbor\n\n" + paragraph_a +
        "\n\n1. The North Channel, by the Pilots Guild\nA survey of the channel's depth since the storms of 2019.\n\n"
        "2. The Ferry Routes: A History, by Ana Reyes\nHow the routes to the islands changed over forty years.\n\n"
        "3. The Breakwater (drawings)\nThe engineers' drawings of the new breakwater, with notes.\n\n" + paragraph_b + "\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, "Five Charts to Understand the Harbor");
    EXPECT_EQ(lines_not_in_body(page), std::vector<std::string>{"Ministry of Harbors \xC2\xB7 Press Releases"});
}

// A press release's head: an embargo stamp with its date, the company under "NEWS
// PROVIDED BY"; the headline is the line under them.
TEST(UnseenDocument, StampsAndCreditsAreNoTitle) {
    const std::string embargo = "Press Release\nEmbargoed until 00:01 GMT, Thursday 14 November 2024\n\n"
                                "New Report Documents Forced Labour at Harbor Plants\n\n" + paragraph_a + "\n\n" +
                                paragraph_b + "\n";
    EXPECT_EQ(segment_page(embargo).title, "New Report Documents Forced Labour at Harbor Plants");
    const std::string provided = "NEWS PROVIDED BY\nHarbor Shipyards Co., Ltd.\n18 Jun, 2024, 08:00 ET\n\n"
                                 "Harbor Shipyards Wins Order for Six Ferries\n\n" + paragraph_a + "\n\n" + paragraph_b + "\n";
    EXPECT_EQ(segment_page(provided).title, "Harbor Shipyards Wins Order for Six Ferries");
}

// The paragraphs (blocks) of a page, as text.
std::vector<std::string> block_texts(const std::string& page) {
    std::vector<std::string> texts;
    for (const Block& block : segment_page(page).blocks) texts.push_back(block.text);
    return texts;
}

TEST(HardWrappedText, LinesOfOneParagraphAreJoined) {
    const std::string page =
        "Subject: Re: soundings\n"
        "From: Lee <lee@example.org>\n"
        "\n"
        "The committee met on Tuesday to review the harbor budget, and its\n"
        "members agreed that the dredging program should continue for another\n"
        "year. Several members asked the staff to publish the soundings, so\n"
        "that the pilots can see where the bottom has shifted since the well-\n"
        "known storms.\n"
        "\n"
        "> The chart of the north channel is out of date, and the buoys were\n"
        "> moved twice last winter without notice to the pilots.\n";
    std::vector<std::string> blocks = block_texts(page);
    EXPECT_EQ(blocks, (std::vector<std::string>{
                          "Subject: Re: soundings", "From: Lee <lee@example.org>",
                          "The committee met on Tuesday to review the harbor budget, and its members agreed that the "
                          "dredging program should continue for another year. Several members asked the staff to "
                          "publish the soundings, so that the pilots can see where the bottom has shifted since the "
                          "well-known storms.",
                          "> The chart of the north channel is out of date, and the buoys were moved twice last "
                          "winter without notice to the pilots."}));
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, "");  // an e-mail's header fields are not its headline
    ASSERT_EQ(result.blocks.size(), 4u);
    EXPECT_EQ(result.blocks[0].kind, BlockKind::chrome);
    EXPECT_EQ(result.blocks[2].first_line, 3u);
    EXPECT_EQ(result.blocks[2].last_line, 7u);
    EXPECT_EQ(result.blocks[2].kind, BlockKind::body);
    EXPECT_EQ(result.blocks[3].kind, BlockKind::chrome);  // another message's text
}

// People and some mailers wrap short of the width: a line that leaves its sentence open
// joins the next line when that one goes on in lower case.
TEST(HardWrappedText, ASentenceRunningOnJoinsAShortLine) {
    const std::string page =
        "The committee met on Tuesday to review the harbor budget, and its\n"
        "members agreed that the dredging program should continue for\n"
        "another year, with the soundings published for the\n"
        "pilots every month. Several members asked the staff to publish the\n"
        "charts as well.\n";
    EXPECT_EQ(block_texts(page),
              (std::vector<std::string>{"The committee met on Tuesday to review the harbor budget, and its members "
                                        "agreed that the dredging program should continue for another year, with the "
                                        "soundings published for the pilots every month. Several members asked the "
                                        "staff to publish the charts as well."}));
}

// Wrapped news prose starts many lines with a name, and a hand-wrapped page breaks short
// of the width: neither makes it verse. Lines of most of the width that end mid-sentence,
// or in a word no sentence ends with ("the", "with"), are joined.
TEST(HardWrappedText, NamesAtLineStartsAndRaggedWrapsAreProse) {
    const std::string page =
        "Russia's Ambassador to Seoul, Georgy Zinoviev, was summoned to the\n"
        "South Korean Foreign Ministry on June 21 to protest a defense deal\n"
        "signed earlier this week by Russian President Vladimir Putin with\n"
        "North Korean leader Kim Jong Un, the ministry said. Kim Hong-kyun\n"
        "delivered the position of Seoul on the pact, and Zinoviev said\n"
        "Moscow would convey the message. Officials in\n"
        "Seoul said the talks with Zinoviev were tense and that\n"
        "Kim Hong-kyun had asked for an answer within a week, before\n"
        "Putin travels to Vietnam.\n";
    std::vector<std::string> blocks = block_texts(page);
    ASSERT_EQ(blocks.size(), 1u) << page;
    EXPECT_NE(blocks[0].find("to the South Korean Foreign Ministry"), std::string::npos);
    EXPECT_NE(blocks[0].find("Officials in Seoul said"), std::string::npos);
    EXPECT_NE(blocks[0].find("week, before Putin travels"), std::string::npos);
}

// The header block opening an e-mail: folded fields are unfolded, and every field is
// chrome, so the sender's text is the article and no header is its title.
// A blank line above what reads as a header block (a lone carriage return at the top of
// a page, made a line break) is no block: segment_fuzzer found an empty chrome block.
TEST(HardWrappedText, BlankLineAboveAHeaderBlockIsNoBlock) {
    const std::string page = "\nore Top Reads From Oilprice.com:\n\nDownload The Free Oilprice App Today\n\n" +
                             paragraph_a + "\n\n" + paragraph_b + "\n";
    for (const Block& block : segment_page(page).blocks) {
        EXPECT_FALSE(block.text.empty()) << "line " << block.first_line;
    }
}

TEST(HardWrappedText, MailHeaderBlockIsUnfoldedAndChrome) {
    const std::string page =
        "From lee@example.org  Mon Aug 19 11:02:47 2002\n"
        "Return-Path: <lee@example.org>\n"
        "Received: from harbor.example.org (harbor.example.org [10.0.0.1])\n"
        "\tby mail.example.org (Postfix) with ESMTP id 2A3B543F9B\n"
        "\tfor <pilots@example.org>; Mon, 19 Aug 2002 06:02:39 -0400\n"
        "X-Mailer: Harbor Mail 1.0\n"
        "Subject: soundings\n"
        "\n" + paragraph_a + "\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, "");
    ASSERT_EQ(result.blocks.size(), 6u);
    EXPECT_EQ(result.blocks[2].text,
              "Received: from harbor.example.org (harbor.example.org [10.0.0.1]) by mail.example.org (Postfix) with "
              "ESMTP id 2A3B543F9B for <pilots@example.org>; Mon, 19 Aug 2002 06:02:39 -0400");
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(result.blocks[i].kind, BlockKind::chrome) << i;
    EXPECT_EQ(result.blocks[5].kind, BlockKind::body);
    EXPECT_EQ(result.blocks[5].text, paragraph_a);
}

TEST(HardWrappedText, ListsAddressesVerseAndTablesStayLines) {
    const std::string wrapped =
        "The committee met on Tuesday to review the harbor budget, and its\n"
        "members agreed that the dredging program should continue for another\n"
        "year, with the soundings published for the pilots every month.\n";
    const std::vector<std::string> kept = {
        // Items of a list, wrapped or not.
        "1. Publish the soundings of the north channel every month, with the\n"
        "   dates of the surveys.\n"
        "2. Move the buoys back to the positions shown on the current chart.\n",
        // An address and a signature.
        "Harbor Commission\n14 Wharf Street\nPort Ellis, ME 04011\n--\nLee Okafor\n",
        // Verse: lines near the width, each starting with a capital.
        "Over the harbor the gulls are calling out to the boats of the fleet\n"
        "Under the lighthouse the water is darker than the sky in the west\n"
        "After the storm the pilots are counting the buoys that drifted away\n",
        // A table with dot leaders and aligned columns.
        "Customs duties ........................ 132,000 dollars of revenue\n"
        "Sales of public lands ................. 48,000 dollars of revenue\n"
        "Fees      12,000      dollars of revenue in the year just ended\n"};
    for (const std::string& lines : kept) {
        std::string page = wrapped + "\n" + lines;
        std::vector<std::string> blocks = block_texts(page);
        std::size_t expected = 1 + split_lines(lines).size();
        if (lines.starts_with("1. ")) --expected;  // the first item's two lines are one
        EXPECT_EQ(blocks.size(), expected) << page;
    }
}

}  // namespace
}  // namespace corpus::indexer
