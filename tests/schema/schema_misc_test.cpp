// Dates, byte-level text checks and the index's self-description.
#include "schema/analysis.h"
#include "schema/article.h"
#include "schema/date.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/text.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

namespace corpus::schema {
namespace {

TEST(Date, AcceptsOnlyRealCalendarDates) {
    ASSERT_TRUE(parse_date("2024-06-18"));
    EXPECT_EQ(parse_date("2024-06-18")->sortable(), "20240618");
    EXPECT_EQ(parse_date("2024-06-18")->month_key(), "2024-06");
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2023-02-29"));
    EXPECT_FALSE(parse_date("2024-13-01"));
    EXPECT_FALSE(parse_date("2024-6-18"));
    EXPECT_FALSE(parse_date("18/06/2024"));
    EXPECT_FALSE(parse_date("yesterday"));
    EXPECT_FALSE(parse_date(""));
}

TEST(DocumentData, RoundTripsEveryFieldAndSummarizesWithoutTheRest) {
    StoredArticle article;
    article.id = "002_66667886bb51a6a5";
    article.title = "Putin’s visit";
    article.outlet = "NK News";
    article.date = "2024-06-19";
    article.date_inferred = true;
    article.body = std::string(5000, 'b') + "\n\nlast paragraph";
    article.date_evidence = "June 19, 2024";
    article.url = "https://www.nknews.org/2024/06/putin-visit/";
    article.author = "Jeongmin Kim";
    article.chrome = "Home | World";
    article.source = "/data/002_66667886bb51a6a5.txt";
    article.content_hash = "0123456789abcdef";
    const std::string data = encode_document_data(article);
    EXPECT_LT(data.size(), 400u);  // compressed: the 5,000 repeated bytes take a few

    const Result<StoredArticle> full = decode_document_data(data);
    ASSERT_TRUE(full.ok()) << full.error().message;
    EXPECT_EQ(full->id, article.id);
    EXPECT_EQ(full->title, article.title);
    EXPECT_EQ(full->outlet, article.outlet);
    EXPECT_EQ(full->date, article.date);
    EXPECT_FALSE(full->outlet_inferred);
    EXPECT_TRUE(full->date_inferred);
    EXPECT_EQ(full->body, article.body);
    EXPECT_EQ(full->url, article.url);
    EXPECT_EQ(full->author, article.author);
    EXPECT_EQ(full->outlet_evidence, "");
    EXPECT_EQ(full->date_evidence, article.date_evidence);
    EXPECT_EQ(full->chrome, article.chrome);
    EXPECT_EQ(full->source, article.source);
    EXPECT_EQ(full->content_hash, article.content_hash);

    const Result<StoredArticle> summary = decode_document_summary(data);
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    EXPECT_EQ(summary->body, article.body);
    // A results page shows the link and the byline: they come with the summary.
    EXPECT_EQ(summary->url, article.url);
    EXPECT_EQ(summary->author, article.author);
    EXPECT_TRUE(summary->date_inferred);
    EXPECT_EQ(summary->chrome, "");
    EXPECT_EQ(summary->source, "");
}

TEST(DocumentData, DamagedOrOlderDataIsAnErrorNotACrash) {
    StoredArticle article;
    article.id = "x";
    article.body = "text";
    const std::string data = encode_document_data(article);
    for (std::size_t cut = 0; cut < data.size(); ++cut) {
        const Result<StoredArticle> decoded = decode_document_data(data.substr(0, cut));
        ASSERT_FALSE(decoded.ok()) << "cut at " << cut;
        EXPECT_EQ(decoded.error().code, ErrorCode::bad_database);
    }
    // What schema version 5 and older stored.
    const Result<StoredArticle> json = decode_document_summary(R"({"id": "x", "body": "text"})");
    ASSERT_FALSE(json.ok());
    EXPECT_NE(json.error().hint.find("--rebuild"), std::string::npos);
}

TEST(Text, RepairsInvalidUtf8) {
    std::string text = "ok \xC3\x28 and \xFF end";
    EXPECT_EQ(repair_utf8(text), 2u);
    EXPECT_EQ(text, "ok \xEF\xBF\xBD( and \xEF\xBF\xBD end");
    std::string valid = "Orb\u00e1n \uae40\uc815\uc740";
    EXPECT_EQ(repair_utf8(valid), 0u);
    EXPECT_EQ(valid, "Orb\u00e1n \uae40\uc815\uc740");
}

TEST(Text, SpotsBinaryAndNormalizesNewlines) {
    EXPECT_TRUE(looks_binary(std::string("a\0b", 3)));
    EXPECT_FALSE(looks_binary("plain text"));
    std::string text = "\xEF\xBB\xBFone\r\ntwo\rthree\n";
    normalize_newlines(text);
    EXPECT_EQ(text, "one\ntwo\nthree\n");
}

TEST(Text, PrintableEscapesControlsAndBadBytesAndShortens) {
    EXPECT_EQ(printable("id\nx"), "id\\nx");
    EXPECT_EQ(printable("a\tb\rc"), "a\\tb\\rc");
    EXPECT_EQ(printable("\x1b[31mred"), "\\x1b[31mred");
    EXPECT_EQ(printable("\xC2\x9B"), "\\xc2\\x9b");  // U+009B, the C1 control sequence introducer
    EXPECT_EQ(printable("bad \xFF byte"), "bad \\xff byte");
    EXPECT_EQ(printable("Orb\u00e1n \uae40\uc815\uc740"), "Orb\u00e1n \uae40\uc815\uc740");
    EXPECT_EQ(printable(std::string(300, 'x'), 10), std::string(10, 'x') + "...");
    // Cut between characters, never inside one.
    EXPECT_EQ(printable("\uae40\uae40\uae40", 7), "\uae40\uae40...");
    EXPECT_EQ(printable("\n\n", 3), "\\n...");
}

TEST(Text, WithoutControlsKeepsTextAndDropsEscapes) {
    EXPECT_EQ(without_controls("Evil \x1b[2J title\x07"), "Evil \uFFFD[2J title\uFFFD");
    EXPECT_EQ(without_controls("two\nlines\tand a tab"), "two\nlines\tand a tab");
    EXPECT_EQ(without_controls("two\nlines", LineBreaks::to_spaces), "two lines");
    EXPECT_EQ(without_controls("\xC2\x9B" "2J"), "\uFFFD2J");
    EXPECT_EQ(without_controls("\uae40\uc815\uc740 \u2014 ok"), "\uae40\uc815\uc740 \u2014 ok");
    EXPECT_EQ(without_controls("a\xFF" "b\x7F\tc", LineBreaks::to_spaces), "a\uFFFDb\uFFFD c");
    EXPECT_EQ(without_controls(""), "");
}

TEST(Text, OneLineKeepsWordsApartAndDropsControls) {
    EXPECT_EQ(one_line("  Jeongmin\tKim \r\n and\n\nLee  "), "Jeongmin Kim and Lee");
    EXPECT_EQ(one_line("Kim\x1b[31mRed\x07 \u0085Lee"), "Kim[31mRed Lee");
    EXPECT_EQ(one_line("\uae40\uc815\uc740 \u2014 \u00e9"), "\uae40\uc815\uc740 \u2014 \u00e9");
    EXPECT_EQ(one_line(" \t\n"), "");
}

TEST(IndexPath, FlagThenEnvironmentThenDefault) {
    ::setenv(index_env_var, "/from/env", 1);
    EXPECT_EQ(resolve_index_path("/from/flag"), "/from/flag");
    EXPECT_EQ(resolve_index_path(""), "/from/env");
    ::unsetenv(index_env_var);
    ::setenv("XDG_DATA_HOME", "/xdg", 1);
    EXPECT_EQ(resolve_index_path(""), "/xdg/corpus-search/index");
}

TEST(IndexMetadata, NewIndexDescribesItselfAndMismatchIsRefused) {
    testing::TempDir dir;
    const std::string path = (dir / "db").string();
    {
        Result<Xapian::WritableDatabase> db = open_for_writing(path);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ(db->get_metadata(std::string(meta_schema_version)), std::to_string(schema_version));
        EXPECT_EQ(db->get_metadata(std::string(meta_fingerprint)), analysis_fingerprint());
        db->set_metadata(std::string(meta_fingerprint), "an older chain");
        db->commit();
    }
    Result<Xapian::Database> reopened = open_for_reading(path);
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().code, ErrorCode::index_mismatch);
    EXPECT_NE(reopened.error().hint.find("--rebuild"), std::string::npos);
}

TEST(IndexMetadata, MissingAndForeignIndexesAreErrors) {
    testing::TempDir dir;
    Result<Xapian::Database> missing = open_for_reading((dir / "nothing").string());
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::no_database);
    EXPECT_NE(missing.error().hint.find("corpus-index"), std::string::npos);

    std::filesystem::create_directories(dir / "junk");
    testing::write_file(dir / "junk" / "iamglass", "not a database");
    Result<Xapian::Database> junk = open_for_reading((dir / "junk").string());
    ASSERT_FALSE(junk.ok());
    EXPECT_EQ(junk.error().code, ErrorCode::bad_database);

    { Xapian::WritableDatabase plain((dir / "plain").string(), Xapian::DB_CREATE); plain.commit(); }
    Result<Xapian::Database> plain = open_for_reading((dir / "plain").string());
    ASSERT_FALSE(plain.ok());
    EXPECT_EQ(plain.error().code, ErrorCode::bad_database);
}

}  // namespace
}  // namespace corpus::schema
