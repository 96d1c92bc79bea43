// Documents no segmentation rule was written for, indexed by the real corpus-index without
// metadata and searched with the real corpus-search: a speech opening with a salutation
// and ending with a closing, a speech with an ellipsis line and a dot-leader table, a
// hard-wrapped e-mail with a quoted reply and a signature, a press release (only the
// first speech has metadata, its title). Their text is the article: found in the default scope, phrases across hard wraps included, and
// --show gives wrapped paragraphs joined. The documents are written for this test.
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

namespace corpus::testing {
namespace {

const char* const speech_salutation =
        "Fellow-Citizens of the Senate and House of Representatives:\n"
        "\n"
        "It is with deep satisfaction that I meet you again at the seat of government, after a season in which the harvests of the nation were abundant and the peace of our frontiers was preserved without the loss of a single life.\n"
        "\n"
        "The commerce of our ports has grown beyond every estimate laid before the last session, and the revenue drawn from it has allowed the Treasury to retire a larger portion of the public debt than was thought possible.\n"
        "\n"
        "Public Credit\n"
        "\n"
        "The faith of the nation has been kept with every holder of its obligations, and the interest on the debt has been paid on the day it fell due, in coin, at every office of the Treasury.\n"
        "\n"
        "I recommend that the surplus of the coming year be applied in the same manner, so that the burden we leave to those who follow us is lighter than the one we received.\n"
        "\n"
        "I commend these subjects to your deliberation, confident that your wisdom will find the measures which the welfare of the country requires.\n"
        "\n"
        "Thank you. God Bless You. God Bless America.\n";

const char* const speech_ellipsis =
        "Address on the State of the Treasury\n"
        "\n"
        "My fellow citizens, I come before you tonight to give an account of the public finances, and to ask for your patience with the figures that follow.\n"
        "\n"
        "Two years ago the mills along the river stood silent, the wharves were empty, and families who had never asked for help lined up outside the relief offices in every county seat.\n"
        "\n"
        "And so we waited, and we worked, and we wondered whether the day would ever come . . .\n"
        "\n"
        "It came in the spring, when the first ships returned to harbors that had stood empty for two winters and the mills lit their furnaces again.\n"
        "\n"
        "The receipts of the year were as follows:\n"
        "\n"
        "Customs duties .................... $132 ...... .......\n"
        "Sales of public lands ............. $48 ...... .......\n"
        "\n"
        "These figures show a revenue larger than in any year since the founding of the mint, and they leave a surplus that belongs to the people who earned it.\n"
        "\n"
        "I ask the Congress to return a part of that surplus to the states for the building of schools, roads and hospitals in the districts that suffered most during the long closing of the mills.\n"
        "\n"
        "I ask as well that a part be held in reserve, because the lesson of those years is that prosperity is a guest who may leave without notice and without apology.\n"
        "\n"
        "We have seen the worst that a depression can do, and we have seen what a people can rebuild when they keep faith with one another and with the institutions they share.\n"
        "\n"
        "Let us meet the coming year with the same resolve, and let us leave to our children a Treasury in better order than the one we found when we came to this city.\n";

const char* const mail_wrapped =
        "From: Dana Whitfield <dana@example.org>\n"
        "To: planning-list@example.org\n"
        "Subject: Re: harbor survey schedule\n"
        "Date: Tue, 20 Aug 2002 09:14:03 -0700\n"
        "\n"
        "Thanks for sending the draft so quickly. I read it on the train this\n"
        "morning and I think the survey schedule works, with one change: the\n"
        "second week of soundings should move to the north channel, because the\n"
        "dredging contractor will still have equipment in the south basin until\n"
        "the end of the month.\n"
        "\n"
        "I also spoke with the harbor master about access to the tide gauges.\n"
        "She is happy to let our crew use the old pilot station as a base, but\n"
        "she asked that we keep the boat ramp clear on weekday mornings when the\n"
        "fishing fleet goes out.\n"
        "\n"
        "The crew for the first week will be:\n"
        "  - Lee Okafor, survey lead\n"
        "  - Sam Park, boat operator\n"
        "  - Jo Mendes, data logging\n"
        "\n"
        "On Mon, Aug 19, 2002 at 04:51:22PM -0700, Lee Okafor wrote:\n"
        "> Here is the first draft of the survey schedule for September. The\n"
        "> soundings start in the south basin and move north one sector a day,\n"
        "> weather permitting, with a spare day at the end of each week.\n"
        ">\n"
        "> Let me know what you think before Thursday.\n"
        "\n"
        "--\n"
        "Dana Whitfield\n"
        "Coastal Survey Group\n";

const char* const press_release =
        "FOR IMMEDIATE RELEASE\n"
        "\n"
        "Harborview Transit Authority Opens Bidding for Ferry Terminal Upgrade\n"
        "\n"
        "PORT ELLIS, March 3, 2025 -- The Harborview Transit Authority today opened bidding for the reconstruction of the Wharf Street ferry terminal, the largest project in the authority's forty-year history.\n"
        "\n"
        "The new terminal will replace the waiting hall built in 1962, add a second boarding ramp and raise the pier by one meter to protect it from storm surges.\n"
        "\n"
        "Key facts:\n"
        "\n"
        "- The terminal handled 1.2 million passengers last year.\n"
        "- Construction is expected to begin in the autumn and to last two years.\n"
        "\n"
        "\"Every commuter who crosses the harbor will feel the difference,\" said Maria Chen, the authority's executive director.\n"
        "\n"
        "About the Harborview Transit Authority\n"
        "\n"
        "The Harborview Transit Authority operates ferry and bus services for the three towns around Port Ellis harbor and carries about four million passengers a year.\n"
        "\n"
        "Media contact:\n"
        "Ana Ruiz\n"
        "Communications Office\n"
        "press@harborview.example\n";

class UnseenDocuments : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<TempDir>();
        const std::filesystem::path src = *dir_ / "src";
        std::filesystem::create_directories(src);
        write_file(src / "speech_salutation.txt", speech_salutation);
        // Given a title, the page's first line is no longer the title: the salutation
        // must be found as the article's text.
        write_file(src / "speech_salutation.meta.json", "{\"title\": \"Annual Message to Congress\"}\n");
        write_file(src / "speech_ellipsis.txt", speech_ellipsis);
        write_file(src / "mail_wrapped.txt", mail_wrapped);
        write_file(src / "press_release.txt", press_release);
        const CommandResult indexed = run({index_bin(), "--db", db(), src.string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }
    static std::string db() { return (*dir_ / "db").string(); }

    // The ids corpus-search --ids prints for `query` in the default scope (the article).
    static std::string ids(const std::string& query) {
        const CommandResult result = run({search_bin(), "--db", db(), "--ids", query});
        EXPECT_LE(result.exit_code, 1) << query << ": " << result.err;
        return result.out;
    }

    static nlohmann::json show(const std::string& id) {
        const CommandResult result = run({search_bin(), "--db", db(), "--show", id, "--format", "json"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return nlohmann::json::parse(result.out, nullptr, false);
    }

private:
    static std::unique_ptr<TempDir> dir_;
};

std::unique_ptr<TempDir> UnseenDocuments::dir_;

TEST_F(UnseenDocuments, SalutationAndClosingAreFoundInTheArticle) {
    EXPECT_EQ(ids("\"Senate and House of Representatives\""), "speech_salutation\n");
    EXPECT_EQ(ids("\"God Bless America\""), "speech_salutation\n");
    EXPECT_EQ(ids("\"Public Credit\""), "speech_salutation\n");  // a heading between paragraphs
    const nlohmann::json speech = show("speech_salutation");
    ASSERT_TRUE(speech.is_object());
    EXPECT_EQ(speech["chrome"], "");
}

TEST_F(UnseenDocuments, NoTextIsLostToAnEllipsisOrDotLeaderLine) {
    for (const char* phrase : {"\"mills along the river stood silent\"", "\"whether the day would ever come\"",
                               "\"Customs duties\"", "\"Sales of public lands\"",
                               "\"receipts of the year were as follows\"", "\"a Treasury in better order\""})
        EXPECT_EQ(ids(phrase), "speech_ellipsis\n") << phrase;
    const nlohmann::json speech = show("speech_ellipsis");
    ASSERT_TRUE(speech.is_object());
    EXPECT_EQ(speech["title"], "Address on the State of the Treasury");
    EXPECT_EQ(speech["chrome"], "");
}

TEST_F(UnseenDocuments, PhrasesAcrossAHardWrapAreFound) {
    for (const char* phrase : {"\"the second week of soundings\"", "\"because the dredging contractor\"",
                               "\"when the fishing fleet goes out\"", "train NEAR/3 morning",
                               "draft SAME dredging"})
        EXPECT_EQ(ids(phrase), "mail_wrapped\n") << phrase;
    // A blank line still ends a paragraph.
    EXPECT_EQ(ids("\"month I also spoke\""), "");
}

TEST_F(UnseenDocuments, ShowGivesWrappedParagraphsJoined) {
    const nlohmann::json mail = show("mail_wrapped");
    ASSERT_TRUE(mail.is_object());
    const std::string body = mail["body"];
    EXPECT_NE(body.find("Thanks for sending the draft so quickly. I read it on the train this morning and I think "
                        "the survey schedule works, with one change: the second week of soundings should move to "
                        "the north channel, because the dredging contractor will still have equipment in the south "
                        "basin until the end of the month.\n\n"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("when the fishing fleet goes out."), std::string::npos) << body;
    // The list stays a list; the quoted reply and the signature are not the sender's text.
    EXPECT_NE(body.find("- Lee Okafor, survey lead\n\n- Sam Park, boat operator"), std::string::npos) << body;
    const std::string chrome = mail["chrome"];
    EXPECT_NE(chrome.find("> Here is the first draft of the survey schedule for September. The soundings start"),
              std::string::npos)
        << chrome;
    EXPECT_NE(chrome.find("Coastal Survey Group"), std::string::npos) << chrome;
    EXPECT_EQ(body.find("Coastal Survey Group"), std::string::npos) << body;
}

TEST_F(UnseenDocuments, PressReleaseKeepsItsListAndItsHeadline) {
    EXPECT_EQ(ids("\"About the Harborview Transit Authority\""), "press_release\n");
    // The contact block closing a release is chrome: found with --scope all.
    EXPECT_EQ(ids("\"Media contact\""), "");
    EXPECT_EQ(run({search_bin(), "--db", db(), "--ids", "--scope", "all", "\"Media contact\""}).out, "press_release\n");
    const nlohmann::json release = show("press_release");
    ASSERT_TRUE(release.is_object());
    EXPECT_EQ(release["title"], "Harborview Transit Authority Opens Bidding for Ferry Terminal Upgrade");
    const std::string body = release["body"];
    EXPECT_NE(body.find("Key facts:\n\n- The terminal handled 1.2 million passengers last year."), std::string::npos)
        << body;
}

}  // namespace
}  // namespace corpus::testing
