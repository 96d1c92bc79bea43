// Page segmentation on pages made up from templates other than the seeds': different
// chrome (navigation menus, tickers, cookie notices, share prompts, comments, numbered
// and bulleted link lists, taglines) in different orders around two made-up articles.
// Each page records what every line is, so the test names the exact lines that must be
// body and the exact chrome that must stay out of it.
#include "indexer/segment.h"

#include <functional>
#include <gtest/gtest.h>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace corpus::indexer {
namespace {

enum class Role { title, body, chrome };

struct Article {
    std::string name;
    std::string title;
    std::vector<std::string> paragraphs;
};

// A page under construction: its lines and what each one is.
class PageBuilder {
public:
    PageBuilder& line(std::string text, Role role) {
        if (role == Role::title) title_line_ = lines_.size();
        lines_.push_back({std::move(text), role});
        return *this;
    }
    PageBuilder& blank() {
        blanks_.insert(lines_.size());
        lines_.push_back({"", Role::chrome});
        return *this;
    }
    // A line followed by a blank line, as the scraper writes paragraphs.
    PageBuilder& paragraph(std::string text, Role role) {
        return line(std::move(text), role).blank();
    }
    PageBuilder& chrome(std::initializer_list<std::string> texts) {
        for (const std::string& text : texts) paragraph(text, Role::chrome);
        return *this;
    }
    PageBuilder& title(const Article& article) { return paragraph(article.title, Role::title); }
    PageBuilder& body(const std::vector<std::string>& paragraphs) {
        for (const std::string& text : paragraphs) paragraph(text, Role::body);
        return *this;
    }

    std::string text() const {
        std::string joined;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (i > 0) joined += '\n';
            joined += lines_[i].text;
        }
        return joined;
    }
    std::size_t size() const { return lines_.size(); }
    bool is_blank(std::size_t i) const { return blanks_.contains(i); }
    Role role(std::size_t i) const { return lines_[i].role; }
    const std::string& text_of(std::size_t i) const { return lines_[i].text; }
    std::optional<std::size_t> title_line() const { return title_line_; }

private:
    struct Line {
        std::string text;
        Role role;
    };
    std::vector<Line> lines_;
    std::set<std::size_t> blanks_;
    std::optional<std::size_t> title_line_;
};

struct GeneratedPage {
    PageBuilder page;
    std::optional<std::string> outlet;
    std::optional<std::string> date;
    std::string date_evidence_contains;  // part of the line the date must come from
};

const Article sanctions_article{
    "envoy",
    "Seoul Summons Russian Envoy Over Pyongyang Arms Pact",
    {"South Korea summoned the Russian ambassador on Friday to protest a mutual defense "
     "treaty that Moscow signed with Pyongyang earlier in the week.",
     "Vice Foreign Minister Kim Hong-kyun told the envoy that any military cooperation "
     "helping North Korea's weapons programs would violate United Nations Security Council "
     "resolutions.",
     "The ambassador replied that the treaty was not aimed at any third country, according "
     "to a statement posted by the Russian embassy.",
     "Officials in Seoul said they would review their policy on supplying arms to Ukraine.",
     "Analysts said the treaty revives a Cold War clause on automatic military intervention "
     "that lapsed after the Soviet Union collapsed, and that Beijing has kept a conspicuous "
     "silence.",
     "The ministry did not elaborate."}};

const Article radar_article{
    "radar",
    "Tokyo and Seoul Agree to Share Missile Warning Data in Real Time",
    {"Japan and South Korea will begin sharing North Korean missile warning data in real "
     "time, the two defense ministers said after talks in Singapore.",
     "The arrangement links radar networks through a system operated by the United States, "
     "which keeps troops in both countries.",
     "Why it matters",
     "North Korea has launched dozens of ballistic missiles this year, several of which flew "
     "over Japanese territory before landing in the Pacific.",
     "China criticized the move as bloc confrontation.",
     "Officials said faster data sharing would give civilians more time to take shelter and "
     "would help the allies track launches from mobile platforms.",
     "The ministers also agreed to resume a regular defense dialogue, suspended for years "
     "over a dispute about a radar lock-on incident."}};

std::vector<std::string> rest_of(const Article& article) {
    return {article.paragraphs.begin() + 1, article.paragraphs.end()};
}

// Navigation words, a capture date on top, a byline, a dated dateline, share prompts, a
// list of other stories with cut-off teasers, a copyright footer.
GeneratedPage wire_page(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    for (const char* item : {"Home", "World", "Asia", "Politics", "Business", "Opinion"})
        page.line(item, Role::chrome);
    page.blank().paragraph("Friday, April 7, 2023", Role::chrome);
    page.title(article).paragraph("By Jane Doe, Seoul correspondent", Role::chrome);
    page.paragraph("SEOUL, March 3, 2023 (Yonhap) -- " + article.paragraphs[0], Role::body);
    page.body(rest_of(article));
    page.chrome({"Share this article", "Facebook", "Twitter", "Email", "Related coverage",
                 "North Korea Fires Cruise Missiles Off West Coast",
                 "The launches came hours after the allies wrapped up their largest...",
                 "Kim Yo Jong Warns Seoul Over Leaflet Balloons",
                 "The powerful sister of the North Korean leader said the South would...",
                 "\xC2\xA9 2023 Peninsula Wire Service. All rights reserved."});
    generated.outlet = "Peninsula Wire Service";
    generated.date = "2023-03-03";
    generated.date_evidence_contains = "SEOUL, March 3, 2023";
    return generated;
}

// A related list before the article (headline + one-sentence teaser, no ellipsis), a
// "Published:" line, reader comments and then the footer.
GeneratedPage related_first_with_comments(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.chrome({"Related Stories", "Allies Stage Air Drills Near Inter-Korean Border",
                 "Dozens of fighter jets took part in the exercise over the Yellow Sea.",
                 "Pyongyang Rejects Offer of Humanitarian Talks",
                 "The state news agency called the proposal a provocation dressed up as aid.",
                 "Beijing Calls for Restraint on the Peninsula",
                 "The foreign ministry urged all parties to avoid steps that raise tensions."});
    page.title(article).paragraph("Published: 2023-03-03 09:15 KST", Role::chrome);
    page.body(article.paragraphs);
    page.chrome({"4 Comments", "kimchi_fan on March 4, 2023 at 9:12 am said:",
                 "This is exactly what everyone expected after the summit, and the government "
                 "should have prepared a response much earlier than it did.",
                 "Sanctions have never changed the behavior of either country and they will "
                 "not change it this time either.",
                 "Reply", "seoul_watcher on March 4, 2023 at 11:40 am said:",
                 "Thanks for the clear explanation of what the treaty actually says about "
                 "mutual military assistance.",
                 "Reply", "Copyright \xC2\xA9 2023 Seoul Ledger. All rights reserved."});
    generated.outlet = "Seoul Ledger";
    generated.date = "2023-03-03";
    generated.date_evidence_contains = "Published:";
    return generated;
}

// A capture date on top, a cookie notice, a dateline without a year: no date may be
// inferred, and nothing names the outlet.
GeneratedPage cookie_notice_and_yearless_dateline(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.chrome({"Thursday, May 15, 2025",
                 "We use cookies to improve your experience on our site. By continuing to "
                 "browse, you agree to our use of cookies.",
                 "Accept all"});
    page.title(article);
    page.paragraph("SEOUL, March 3 (Yonhap) -- " + article.paragraphs[0], Role::body);
    page.body(rest_of(article));
    page.chrome({"Subscribe to our newsletter",
                 "Sign up for our daily briefing on Korean affairs."});
    return generated;
}

// Nothing but the article.
GeneratedPage bare_article(const Article& article) {
    GeneratedPage generated;
    generated.page.title(article).body(article.paragraphs);
    return generated;
}

// A one-paragraph article between a menu bar and link lists: bulleted items with relative
// times, then a numbered "Most Read" list.
GeneratedPage one_paragraph_article(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.chrome({"Home | World | Politics | Economy | Culture | Opinion"});
    page.title(article).paragraph(article.paragraphs[0], Role::body);
    // Sentence-like items, told apart from key points only by their relative times.
    page.line("\xE2\x80\xA2 3 hours Seoul and Tokyo agree to resume their defense dialogue.",
              Role::chrome)
        .line("\xE2\x80\xA2 5 hours The unification ministry is renamed in a cabinet reshuffle.",
              Role::chrome)
        .line("\xE2\x80\xA2 1 day Satellite images show new activity at the Sohae launch site.",
              Role::chrome)
        .blank();
    page.chrome({"Advertisement", "Most Read", "1. Seoul and Tokyo Resume Defense Dialogue",
                 "2. Unification Ministry Renamed in Reshuffle",
                 "3. Satellite Images Show Activity at Sohae Launch Site",
                 "\xC2\xA9 Korea Policy Review"});
    generated.outlet = "Korea Policy Review";
    return generated;
}

// A stock ticker, a deck, a dated byline, an ad slot and a "Read more:" link inside the
// article, share prompts, and a bulleted "More from <site>" list.
GeneratedPage ticker_and_inline_chrome(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.line("KOSPI 2,431.91 +0.52%", Role::chrome)
        .line("KOSDAQ 812.40 -0.31%", Role::chrome)
        .line("USD/KRW 1,301.50 +2.10", Role::chrome)
        .blank();
    page.title(article);
    page.paragraph("The allies say the move is overdue as launches grow more frequent", Role::body);
    page.paragraph("By Park Min-ji, Seoul correspondent | March 3, 2023", Role::chrome);
    const auto& paragraphs = article.paragraphs;
    page.paragraph(paragraphs[0], Role::body).paragraph(paragraphs[1], Role::body);
    page.paragraph("- Advertisement -", Role::chrome);
    page.paragraph(paragraphs[2], Role::body);
    page.paragraph("Read more: Seoul and Tokyo Agree to Resume Defense Talks", Role::chrome);
    page.body({paragraphs.begin() + 3, paragraphs.end()});
    page.chrome({"Share on Facebook", "Share on X", "More from Korea Economic Monitor"});
    page.line("\xE2\x80\xA2 Exporters Brace for Weaker Won", Role::chrome)
        .line("\xE2\x80\xA2 Chipmakers Lead KOSPI Rebound", Role::chrome)
        .line("\xE2\x80\xA2 Shipbuilders Win Record Orders", Role::chrome);
    generated.outlet = "Korea Economic Monitor";
    generated.date = "2023-03-03";
    generated.date_evidence_contains = "By Park Min-ji";
    return generated;
}

// Another story's headline and teaser above the real one, a breadcrumb and a glued copy
// of the headline, a relative-time link list shown twice, a tagline footer.
GeneratedPage teasers_above_and_repeated_lists(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.chrome({"Home > World > Asia", "Unification Ministry Plans Major Reorganization",
                 "The ministry will shed several divisions that handled inter-Korean\xE2\x80\xA6",
                 "K-Drama Exports Hit a New High",
                 "Streaming platforms drove overseas sales to a record last\xE2\x80\xA6"});
    page.title(article);
    page.line("Asia" + article.title, Role::chrome);
    page.body(article.paragraphs);
    for (const char* header : {"Trending", "Top Stories"}) {
        page.paragraph(header, Role::chrome);
        page.line("\xE2\x80\xA2 2 hours Seoul Weighs Arms for Kyiv", Role::chrome)
            .line("\xE2\x80\xA2 5 hours Russia Denies Violating Sanctions", Role::chrome)
            .line("\xE2\x80\xA2 1 day Kaesong Complex Demolished", Role::chrome)
            .blank();
    }
    page.line("Peninsula Insider - The No. 1 Source for Korea News", Role::chrome);
    generated.outlet = "Peninsula Insider";
    return generated;
}

// Plain headlines under a section header right above the real headline, an author blurb
// that the page repeats at its foot, and reader comments longer than the article itself.
GeneratedPage headline_list_above_and_long_comments(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    const std::string blurb =
        "Our correspondent covers North Korean affairs and inter-Korean relations, and "
        "previously reported from Tokyo and Beijing for a decade.";
    page.chrome({"Related", "Seoul Weighs Sending Arms to Kyiv",
                 "Russia Denies Violating Sanctions on Pyongyang",
                 "Kaesong Industrial Complex Demolished by the North"});
    page.title(article).body({article.paragraphs[0], article.paragraphs[1]});
    page.chrome({blurb, "Comments", "pyongyang_watcher on March 4, 2023 said:",
                 "Nobody in the region should be surprised by this treaty, because both "
                 "governments have been moving toward each other ever since the war in Ukraine "
                 "began and the sanctions regime started to fray at the edges.",
                 "The real question is whether Beijing will tolerate a Russian military "
                 "presence so close to its own border, and whether Washington has any leverage "
                 "left to offer Seoul beyond the usual statements of concern.",
                 "I also think the government in Seoul should stop pretending that it can "
                 "influence Moscow through quiet diplomacy when every signal from the Kremlin "
                 "points in the opposite direction.",
                 blurb});
    return generated;
}

// A paragraph recalling history: its date is an event's, not the article's.
const std::string history_paragraph =
    "Moscow and Pyongyang first signed a treaty of mutual assistance on July 6, 1961, and "
    "the alliance lapsed after the Soviet Union collapsed three decades later.";

// Key points under the headline, then a dated byline; the body recalls history; the
// copyright footer names no one.
GeneratedPage key_points_byline_and_generic_footer(const Article& article) {
    GeneratedPage generated;
    PageBuilder& page = generated.page;
    page.chrome({"Home | World | Politics | Economy | Culture | Opinion"});
    page.title(article);
    page.line("  \xE2\x80\xA2 Seoul says the treaty breaks Security Council resolutions on arms "
              "transfers to the North.",
              Role::body)
        .line("  \xE2\x80\xA2 Moscow says the pact is aimed at no third country and keeps to "
              "international law.",
              Role::body)
        .blank();
    page.paragraph("By Jane Doe | 2023.03.22 07:15", Role::chrome);
    page.body({history_paragraph});
    page.body(article.paragraphs);
    page.chrome({"Share on Facebook", "Share on X", "\xC2\xA9 All rights reserved."});
    generated.date = "2023-03-22";
    generated.date_evidence_contains = "By Jane Doe";
    return generated;
}

struct TemplateCase {
    std::string name;
    std::function<GeneratedPage(const Article&)> make;
    const Article* article;
};

void PrintTo(const TemplateCase& template_case, std::ostream* out) { *out << template_case.name; }

class TemplatePage : public ::testing::TestWithParam<TemplateCase> {};

TEST_P(TemplatePage, TitleBodyAndChromeAreWhatTheTemplateSays) {
    GeneratedPage generated = GetParam().make(*GetParam().article);
    const PageBuilder& page = generated.page;
    PageSegmentation result = segment_page(page.text());

    EXPECT_EQ(result.title, GetParam().article->title);
    EXPECT_EQ(result.title_line, page.title_line());

    std::vector<std::optional<BlockKind>> kind_of(page.size());
    for (const Block& block : result.blocks)
        for (std::size_t i = block.first_line; i <= block.last_line && i < page.size(); ++i)
            kind_of[i] = block.kind;
    for (std::size_t i = 0; i < page.size(); ++i) {
        if (page.is_blank(i)) continue;
        switch (page.role(i)) {
            case Role::title:
                EXPECT_FALSE(kind_of[i].has_value()) << "title line in a block";
                break;
            case Role::body:
                EXPECT_EQ(kind_of[i], BlockKind::body) << "should be body: " << page.text_of(i);
                break;
            case Role::chrome:
                EXPECT_EQ(kind_of[i], BlockKind::chrome) << "should be chrome: " << page.text_of(i);
                break;
        }
    }
}

TEST_P(TemplatePage, OutletAndDateAreInferredOnlyFromEvidence) {
    GeneratedPage generated = GetParam().make(*GetParam().article);
    PageSegmentation result = segment_page(generated.page.text());
    if (generated.outlet) {
        ASSERT_TRUE(result.outlet.has_value());
        EXPECT_EQ(result.outlet->value, *generated.outlet);
    } else {
        EXPECT_FALSE(result.outlet.has_value()) << result.outlet->value;
    }
    if (generated.date) {
        ASSERT_TRUE(result.date.has_value());
        EXPECT_EQ(result.date->value, *generated.date);
        EXPECT_NE(result.date->evidence.find(generated.date_evidence_contains), std::string::npos)
            << result.date->evidence;
    } else {
        EXPECT_FALSE(result.date.has_value())
            << result.date->value << " from " << result.date->evidence;
    }
}

std::vector<TemplateCase> template_cases() {
    const std::vector<std::pair<std::string, std::function<GeneratedPage(const Article&)>>>
        templates = {{"wire", wire_page},
                     {"related_first_with_comments", related_first_with_comments},
                     {"cookie_notice_yearless_dateline", cookie_notice_and_yearless_dateline},
                     {"bare_article", bare_article},
                     {"one_paragraph", one_paragraph_article},
                     {"ticker_inline_chrome", ticker_and_inline_chrome},
                     {"teasers_above_repeated_lists", teasers_above_and_repeated_lists},
                     {"headline_list_above_long_comments", headline_list_above_and_long_comments},
                     {"key_points_byline_generic_footer", key_points_byline_and_generic_footer}};
    std::vector<TemplateCase> cases;
    for (const auto& [name, make] : templates)
        for (const Article* article : {&sanctions_article, &radar_article})
            cases.push_back({name + "_" + article->name, make, article});
    return cases;
}

INSTANTIATE_TEST_SUITE_P(Templates, TemplatePage, ::testing::ValuesIn(template_cases()),
                         [](const auto& info) { return info.param.name; });

// Copyright footers: the holder, or nothing when the notice names no one.
struct FooterCase {
    const char* footer;
    std::optional<std::string> outlet;
};

void PrintTo(const FooterCase& footer_case, std::ostream* out) { *out << footer_case.footer; }

class CopyrightFooter : public ::testing::TestWithParam<FooterCase> {};

TEST_P(CopyrightFooter, NamesTheHolderOrNothing) {
    std::string page = sanctions_article.title + "\n\n";
    for (const std::string& paragraph : sanctions_article.paragraphs) page += paragraph + "\n\n";
    page += std::string("Share on Facebook\n\n") + GetParam().footer + "\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.outlet ? std::optional(result.outlet->value) : std::nullopt, GetParam().outlet)
        << GetParam().footer;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CopyrightFooter,
    ::testing::Values(
        FooterCase{"\xC2\xA9 2023 Peninsula Times. All rights reserved.", "Peninsula Times"},
        FooterCase{"Copyright \xC2\xA9 Daily Peninsula All Rights Reserved.", "Daily Peninsula"},
        FooterCase{"Copyright (c) 2010-2024 Korea Ledger, Inc.", "Korea Ledger"},
        FooterCase{"\xC2\xA9 Korea Ledger 2024. All rights reserved.", "Korea Ledger"},
        FooterCase{"\xC2\xA9 All rights reserved.", std::nullopt},
        FooterCase{"Copyright \xC2\xA9 2024. All Rights Reserved.", std::nullopt},
        FooterCase{"\xC2\xA9 2024 The", std::nullopt},
        FooterCase{"Copyright 2024 Inc.", std::nullopt}));

// The publication date comes from a byline, a date line or a dateline near the headline,
// never from a date in a sentence: the first paragraph recalls a date from history.
struct DatedHead {
    const char* name;
    std::vector<std::string> above_title;
    std::vector<std::string> below_title;
    std::optional<std::string> date;
};

void PrintTo(const DatedHead& head, std::ostream* out) { *out << head.name; }

class PublicationDate : public ::testing::TestWithParam<DatedHead> {};

TEST_P(PublicationDate, ComesFromTheBylineNotFromHistory) {
    std::string page = "Home | World | Politics | Economy\n\n";
    for (const std::string& line : GetParam().above_title) page += line + "\n\n";
    page += sanctions_article.title + "\n\n";
    for (const std::string& line : GetParam().below_title) page += line + "\n\n";
    page += history_paragraph + "\n\n";
    for (const std::string& paragraph : sanctions_article.paragraphs) page += paragraph + "\n\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.date ? std::optional(result.date->value) : std::nullopt, GetParam().date)
        << (result.date ? result.date->evidence : "");
}

INSTANTIATE_TEST_SUITE_P(
    Table, PublicationDate,
    ::testing::Values(
        DatedHead{"published", {}, {"By Jane Doe", "Published March 22, 2023"}, "2023-03-22"},
        DatedHead{"posted", {}, {"Posted : 2023-03-22 23:37"}, "2023-03-22"},
        DatedHead{"posted_and_updated",
                  {},
                  {"Posted : 2023-03-22 23:37 Updated : 2023-03-24 10:38"},
                  "2023-03-22"},
        DatedHead{"updated_before_published",
                  {},
                  {"Updated: March 24, 2023", "Published March 22, 2023"},
                  "2023-03-22"},
        DatedHead{"updated_only", {}, {"By Jane Doe", "Updated: March 24, 2023"}, "2023-03-24"},
        DatedHead{"date_line", {}, {"Jane Doe staff reporter", "2023-03-22"}, "2023-03-22"},
        DatedHead{"date_line_with_time", {}, {"Jane Doe", "March 22, 2023 at 07:49 KST"},
                  "2023-03-22"},
        DatedHead{"dotted_byline", {}, {"By Jane Doe | 2023.03.22 11:18"}, "2023-03-22"},
        DatedHead{"day_month_year", {}, {"By Jane Doe", "22 March 2023"}, "2023-03-22"},
        DatedHead{"dateline",
                  {},
                  {"SEOUL, March 22, 2023 (Yonhap) -- Officials met on Friday."},
                  "2023-03-22"},
        DatedHead{"no_byline", {}, {"By Jane Doe"}, std::nullopt},
        DatedHead{"capture_date_on_top", {"Friday, March 24, 2023"}, {}, std::nullopt}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(SegmentPage, EmptyAndChromeOnlyPagesHaveNoTitleOrBody) {
    for (const char* text : {"", "\n\n", "Home\nWorld\n\xC2\xA9 2024 Example"}) {
        PageSegmentation result = segment_page(text);
        EXPECT_TRUE(result.title.empty());
        EXPECT_FALSE(result.title_line.has_value());
        for (const Block& block : result.blocks) EXPECT_EQ(block.kind, BlockKind::chrome);
        EXPECT_FALSE(result.date.has_value());
    }
}

TEST(SegmentPage, TitleCaseHeadlineMayEndInAFullStop) {
    std::string page = "Seoul Summons Envoy Over Arms Pact.\n\n";
    for (const std::string& paragraph : sanctions_article.paragraphs) page += paragraph + "\n\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, "Seoul Summons Envoy Over Arms Pact.");
    EXPECT_EQ(result.title_line, 0u);
}

TEST(SegmentPage, CarriageReturnsAndUnicodeSpacesAreNotText) {
    std::string page = "Seoul Summons Russian Envoy Over Pyongyang Arms Pact\r\n\xC2\xA0\r\n";
    for (const std::string& paragraph : sanctions_article.paragraphs)
        page += "\xC2\xA0 " + paragraph + " \r\n\r\n";
    PageSegmentation result = segment_page(page);
    EXPECT_EQ(result.title, sanctions_article.title);
    ASSERT_FALSE(result.blocks.empty());
    EXPECT_EQ(result.blocks.front().text, sanctions_article.paragraphs.front());
    EXPECT_EQ(result.blocks.front().first_line, 2u);
}

}  // namespace
}  // namespace corpus::indexer
