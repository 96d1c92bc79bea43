// Dates, byte-level text checks and the index's self-description.
#include "schema/analysis.h"
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
