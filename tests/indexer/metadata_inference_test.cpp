// Metadata inferred from pages and e-mails that came without metadata: never wrong, unknown
// where the evidence does not date or name this article. The texts are written here in
// the shapes real mail and pages take: header blocks, replies quoting the message they
// answer, forwarded messages, hard-wrapped lines, markup left in the text, site menus.
#include "indexer/document_builder.h"
#include "indexer/segment.h"
#include "schema/article.h"

#include <gtest/gtest.h>

#include <string>

namespace corpus::indexer {
namespace {

// Two paragraphs of an article, for pages that need one around the evidence.
const std::string budget_story =
    "The National Assembly passed next year's budget early on Friday after an overnight session in which "
    "the ruling and opposition parties traded amendments until the last minute, ending weeks of deadlock "
    "over welfare spending.\n\n"
    "Finance officials said the approved plan keeps total spending close to the government's proposal while "
    "moving money from defence procurement to child care and housing support.\n";

struct PageCase {
    const char* name;
    std::string text;
};

void PrintTo(const PageCase& page, std::ostream* out) { *out << page.name; }

class WrongDate : public ::testing::TestWithParam<PageCase> {};

TEST_P(WrongDate, IsUnknown) {
    const PageSegmentation result = segment_page(GetParam().text);
    EXPECT_FALSE(result.date.has_value()) << result.date->value << " from " << result.date->evidence;
}

INSTANTIATE_TEST_SUITE_P(
    Mail, WrongDate,
    ::testing::Values(
        PageCase{"reply_by_header",
                 "From: Conference Office <office@example.org>\n"
                 "To: Speakers <speakers@lists.example.org>\n"
                 "Subject: Slides for the Seoul trade session\n"
                 "Reply-By: Mon, 26 Aug 2002 12:00:00 +0100\n\n"
                 "Please send your slides for the trade session to the office so that we can load them on the\n"
                 "hall computer before the first morning talk, and tell us whether you will need a microphone.\n"
                 "Speakers who cannot attend in person may record their talk and send us a link instead.\n"},
        PageCase{"reply_opening_on_a_date",
                 "On Mon, Aug 19, 2002 at 10:03:11PM -0700, Matt Sergeant mentioned that the new rule set is in, "
                 "and I tried it on our mail server last night; the Razor checks now finish in half the time.\n"
                 "The false positives we saw on the mailing list digests are gone as well, so I think it is "
                 "ready for the release this week.\n"},
        PageCase{"forwarded_gmail_date",
                 "Here is the note from the travel office about the visa paperwork for the Seoul trip, in\n"
                 "case you did not receive it directly from them last week or lost it in the shuffle.\n\n"
                 "---------- Forwarded message ----------\n"
                 "From: Travel Office <travel@example.edu>\n"
                 "Date: Wed, Jun 12, 2024 at 4:18 PM\n"
                 "Subject: Visa paperwork\n\n"
                 "Please bring two copies of the invitation letter and your passport to the office before\n"
                 "the end of the month so that we can file the applications together with the embassy.\n"},
        PageCase{"forwarded_outlook_dateline",
                 "FYI, see below.\n\n"
                 "-----Original Message-----\n"
                 "From: Desk Editor\nTo: Karen Lee\nSubject: Seoul talks resume next week\n\n"
                 "SEOUL, Aug. 19, 2002 (Wire) -- North and South Korea agreed on Monday to resume ministerial "
                 "talks next week, officials said, after a pause of several months in which both sides traded "
                 "accusations over a naval clash in the Yellow Sea.\n"
                 "The talks will be held in Seoul and are expected to cover family reunions, a rail link across "
                 "the border and economic aid to the North, the unification ministry said in a statement.\n"},
        PageCase{"forwarded_dateline_first",
                 "---------- Forwarded message ----------\n"
                 "SEOUL, Aug. 19, 2002 (Wire) -- North and South Korea agreed on Monday to resume ministerial "
                 "talks next week, officials said, after a pause of several months in which both sides traded "
                 "accusations over a naval clash in the Yellow Sea.\n"
                 "The talks will be held in Seoul and are expected to cover family reunions, a rail link across "
                 "the border and economic aid to the North, the unification ministry said in a statement.\n"},
        PageCase{"expires_line",
                 "Home | World | Politics | Economy\n\n"
                 "Special Offer on Annual Subscriptions for New Readers\n\n"
                 "Expires: June 30, 2024\n\n"
                 "Readers who sign up for a yearly plan before the end of the month pay half the usual price for "
                 "the first twelve months, and the discount applies to both the print and the digital edition.\n"
                 "The offer is open to new subscribers only and cannot be combined with other promotions, the "
                 "publisher said in a statement on its website.\n"},
        PageCase{"capture_note",
                 "Seoul Summons Russian Envoy Over Pyongyang Arms Pact\n\n"
                 "Retrieved June 20, 2024\n\n"
                 "South Korea summoned the Russian ambassador on Friday to protest a mutual defence pact signed "
                 "between Moscow and Pyongyang, the foreign ministry said in a statement.\n"
                 "Vice Foreign Minister Kim Hong-kyun told the envoy that any cooperation helping North Korea "
                 "build up its military violated United Nations Security Council resolutions.\n"}),
    [](const auto& info) { return std::string(info.param.name); });

// A dateline, a publication line, a dated byline, the mail's own Date: header.
struct DatedCase {
    const char* name;
    std::string text;
    std::string date;
};

void PrintTo(const DatedCase& page, std::ostream* out) { *out << page.name; }

class GenuineDate : public ::testing::TestWithParam<DatedCase> {};

TEST_P(GenuineDate, IsInferred) {
    const PageSegmentation result = segment_page(GetParam().text);
    ASSERT_TRUE(result.date.has_value());
    EXPECT_EQ(result.date->value, GetParam().date) << result.date->evidence;
}

INSTANTIATE_TEST_SUITE_P(
    Pages, GenuineDate,
    ::testing::Values(
        DatedCase{"wire_dateline",
                  "Lawmakers Approve Budget After Overnight Session\n\n"
                  "SEOUL, June 18, 2024 (Yonhap) -- " + budget_story,
                  "2024-06-18"},
        DatedCase{"published_line",
                  "Lawmakers Approve Budget After Overnight Session\n\nPublished: 2024-06-18\n\n" + budget_story,
                  "2024-06-18"},
        DatedCase{"dated_byline",
                  "Lawmakers Approve Budget After Overnight Session\n\nJune 18, 2024 | By Jane Doe\n\n" +
                      budget_story,
                  "2024-06-18"},
        DatedCase{"mail_own_date",
                  "From: Justin Mason <jm@example.org>\n"
                  "To: Spam Filter Talk <talk@lists.example.net>\n"
                  "Subject: Re: Razor checks and the new rule set\n"
                  "Date: Tue, 20 Aug 2002 09:14:02 +0100\n"
                  "Reply-By: Mon, 26 Aug 2002 12:00:00 +0100\n\n"
                  "Matt, I tried the new rule set on our mail server last night and the Razor checks now\n"
                  "finish in half the time they took last week, which is a welcome change for everyone here.\n\n"
                  "On Mon, Aug 19, 2002 at 10:03:11PM -0700, Matt Sergeant wrote:\n"
                  "> I have checked in the new rule set. Please run it against your corpus\n"
                  "> before the release and tell me whether the digests still score too high.\n",
                  "2002-08-20"}),
    [](const auto& info) { return std::string(info.param.name); });

class WrongOutlet : public ::testing::TestWithParam<PageCase> {};

TEST_P(WrongOutlet, IsUnknown) {
    const PageSegmentation result = segment_page(GetParam().text);
    EXPECT_FALSE(result.outlet.has_value()) << result.outlet->value << " from " << result.outlet->evidence;
}

const std::string newsletter_opening =
    "Dear subscriber, thank you for joining the weekly list about trade and shipping news in East Asia, which "
    "we send every Friday morning to readers in more than forty countries.\n"
    "This week we look at container rates between Busan and Rotterdam and at the new port fees that take "
    "effect next month in the three largest harbours of the region.\n";

INSTANTIATE_TEST_SUITE_P(
    Mail, WrongOutlet,
    ::testing::Values(
        PageCase{"markup",
                 newsletter_opening +
                     "<a href=\"http://example.net/privacy\"><img src=\"http://example.net/img/"
                     "CopyrightAndPrivacyLink.gif\" width=\"399\" height=\"21\" border=\"0\"></a>\n"},
        PageCase{"sentence_fragment",
                 "I do not think the author of the package would object to our patch, since the licence is clear "
                 "about modifications and we credit him in the changelog as the holder of the copyright. And since\n"
                 "the patch only touches the build scripts, the rest of the code stays exactly as he wrote it, and "
                 "nobody downstream will notice any difference at all.\n"
                 "Let me know if you want me to send it to the list first.\n"},
        PageCase{"sentence_about_copyright",
                 newsletter_opening + "Copyright: This e-mail is Copyright (c) 2002 Example Trading Ltd.\n"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(GenuineOutlet, CopyrightFooterStillNamesTheSite) {
    const PageSegmentation result = segment_page("Lawmakers Approve Budget After Overnight Session\n\n" +
                                                 budget_story + "\nShare on Facebook\n\n"
                                                 "\xC2\xA9 2024 Korea Ledger. All rights reserved.\n");
    ASSERT_TRUE(result.outlet.has_value());
    EXPECT_EQ(result.outlet->value, "Korea Ledger");
}

ArticleFile page_file(const std::string& text) {
    ArticleFile file;
    file.id = "page";
    file.path = "page.txt";
    file.text = text;
    return file;
}

class NavigationTitle : public ::testing::TestWithParam<PageCase> {};

// Unknown, not inferred; a line segmentation took for the headline stays searchable chrome.
TEST_P(NavigationTitle, LeavesTheTitleUnknown) {
    const PageSegmentation page = segment_page(GetParam().text);
    const schema::StoredArticle stored = describe_article(page_file(GetParam().text));
    EXPECT_EQ(stored.title, "");
    EXPECT_FALSE(stored.title_inferred);
    if (!page.title.empty()) {
        EXPECT_NE(stored.chrome.find(page.title), std::string::npos) << page.title;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Pages, NavigationTitle,
    ::testing::Values(
        PageCase{"skip_link", "Skip to content\n\nMenu\n\n" + budget_story},
        PageCase{"link_list", "Home | World | Politics\n\n" + budget_story},
        PageCase{"menu", "Menu\n\n" + budget_story},
        PageCase{"trending", "Trending\n\nSign in\n\n" + budget_story},
        PageCase{"trending_list", "Trending: Election 2025 \xC2\xB7 Weather \xC2\xB7 Lottery results\n\n" + budget_story},
        // A speech's or a letter's salutation names none of it.
        PageCase{"salutation", "Fellow-Citizens of the Senate and House of Representatives:\n\n" + budget_story},
        PageCase{"greeting", "Dear members of the harbor commission,\n\n" + budget_story},
        PageCase{"byline", "Posted by Dave at 10:15 on 12 March 2003\n\n" + budget_story},
        PageCase{"url", "URL: http://www.example.com/click/-1,8381432,1440/\nDate: Not supplied\n\n" + budget_story}),
    [](const auto& info) { return std::string(info.param.name); });

// Navigation above the headline is skipped over, never taken.
TEST(InferredTitle, IsTheHeadlineUnderTheNavigation) {
    for (const std::string navigation : {"Skip to content\n\nMenu\n\n", "Home | World | Politics\n\n"}) {
        const std::string text = navigation + "Lawmakers Approve Budget After Overnight Session\n\n" + budget_story;
        const schema::StoredArticle stored = describe_article(page_file(text));
        EXPECT_EQ(stored.title, "Lawmakers Approve Budget After Overnight Session") << navigation;
        EXPECT_TRUE(stored.title_inferred);
    }
}

TEST(InferredTitle, IsTheHeadlineAndMarkedInferred) {
    const std::string text =
        "Seoul Ledger\n\nPolitics\n\nLawmakers Approve Budget After Overnight Session\n\nBy Jane Doe\n\n" + budget_story;
    const schema::StoredArticle stored = describe_article(page_file(text));
    EXPECT_EQ(stored.title, "Lawmakers Approve Budget After Overnight Session");
    EXPECT_TRUE(stored.title_inferred);

    ArticleFile given = page_file(text);
    given.metadata.title = "Budget Passes";
    const schema::StoredArticle with_metadata = describe_article(given);
    EXPECT_EQ(with_metadata.title, "Budget Passes");
    EXPECT_FALSE(with_metadata.title_inferred);
    EXPECT_NE(with_metadata.chrome.find("Lawmakers Approve Budget"), std::string::npos);
}

TEST(InferredTitle, FlagSurvivesStorage) {
    schema::StoredArticle article;
    article.id = "page";
    article.title = "Lawmakers Approve Budget After Overnight Session";
    for (const bool inferred : {true, false}) {
        article.title_inferred = inferred;
        const Result<schema::StoredArticle> summary = schema::decode_document_summary(schema::encode_document_data(article));
        ASSERT_TRUE(summary.ok());
        EXPECT_EQ(summary->title_inferred, inferred);
        EXPECT_FALSE(summary->outlet_inferred);
        EXPECT_FALSE(summary->date_inferred);
    }
}

}  // namespace
}  // namespace corpus::indexer
