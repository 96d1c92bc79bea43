// The indexer on real files: the seed corpus, edits, and every kind of bad input.
#include "indexer/document_builder.h"
#include "indexer/indexer.h"
#include "indexer/source.h"
#include "schema/analysis.h"
#include "schema/article.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/names.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace corpus::indexer {
namespace {
namespace fs = std::filesystem;

struct IndexRun {
    Result<IndexSummary> summary;
    std::vector<std::string> warnings;
};

IndexRun index(const fs::path& db, std::vector<fs::path> sources, bool rebuild = false, bool use_metadata = true,
          std::uintmax_t max_bytes = default_max_file_bytes) {
    IndexOptions options;
    options.db_path = db.string();
    options.sources = std::move(sources);
    options.rebuild = rebuild;
    options.use_metadata = use_metadata;
    options.max_file_bytes = max_bytes;
    std::vector<std::string> warnings;
    IndexObserver observer;
    observer.warning = [&](const std::string& line) { warnings.push_back(line); };
    Result<IndexSummary> summary = run_index(options, observer);
    return IndexRun{std::move(summary), std::move(warnings)};
}

schema::StoredArticle stored(const fs::path& db, const std::string& id) {
    Xapian::Database database(db.string());
    const std::string term = schema::exact_term(schema::id_term, id);
    Xapian::PostingIterator it = database.postlist_begin(term);
    EXPECT_NE(it, database.postlist_end(term)) << id;
    if (it == database.postlist_end(term)) return {};
    return schema::decode_document_data(database.get_document(*it).get_data()).value();
}

bool has_warning(const IndexRun& run, const std::string& needle) {
    for (const std::string& w : run.warnings) {
        if (w.find(needle) != std::string::npos) return true;
    }
    return false;
}

// A .meta.json "url" is kept only as an absolute http or https link; the reason a link is
// dropped is said in its warning.
TEST(WebUrl, OnlyHttpAndHttpsLinksWithAHostPass) {
    for (const char* good : {"https://example.com", "http://example.com/a/b?c=1&d=2#e", "HTTPS://Example.COM:8443/",
                             "http://user:pw@example.com/", "http://127.0.0.1/", "http://[2001:db8::1]:80/a",
                             "https://xn--9n2bp8q.kr/%EA%B9%80"}) {
        EXPECT_EQ(web_url_problem(good), std::nullopt) << good;
    }
    const std::pair<const char*, const char*> bad[] = {
        {"ftp://example.com/a", "only http and https"},
        {"javascript:alert(1)", "only http and https"},
        {"mailto:a@example.com", "only http and https"},
        {"example.com/a", "only http and https"},
        {"", "only http and https"},
        {"http:example.com", "no host"},
        {"http://", "no host"},
        {"https:///a", "no host"},
        {"http://user@/a", "no host"},
        {"http://:80/", "no host"},
        {"https://example.com/a b", "a space"},
        {" https://example.com/", "a space"},
        {"https://example.com/\t", "control character"},
        {"https://example.com/\x7f", "control character"},
        {"https://\uae40.kr/", "outside ASCII"},
        {"https://exa!mple.com/", "host is not well formed"},
        {"https://[2001:db8::1/", "host is not well formed"},
        {"https://[]/", "host is not well formed"},
        {"https://[::1]x/", "host is not well formed"},
        {"https://example.com:8o/", "port is not a number"},
    };
    for (const auto& [url, why] : bad) {
        const std::optional<std::string> problem = web_url_problem(url);
        ASSERT_TRUE(problem.has_value()) << url;
        EXPECT_NE(problem->find(why), std::string::npos) << url << ": " << *problem;
    }
}

TEST(Indexer, IndexesTheSeedCorpusWithItsMetadata) {
    testing::TempDir dir;
    IndexRun run = index(dir / "db", {testing::seed_dir()});
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 5u);
    EXPECT_EQ(run.summary->skipped, 0u);
    EXPECT_TRUE(run.warnings.empty());
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 5u);

    const schema::StoredArticle article = stored(dir / "db", "002_66667886bb51a6a5");
    EXPECT_EQ(article.title, "Putin Arrives in Pyongyang Today... First Visit in 24 Years");
    EXPECT_EQ(article.outlet, "The Asia Business Daily");
    EXPECT_EQ(article.date, "2024-06-18");
    EXPECT_NE(article.body.find("Lim Soo-seok, spokesperson"), std::string::npos);

    // People are stored as spelling terms (their frequencies label the facet) and the
    // facet's value.
    Xapian::Database database((dir / "db").string());
    const std::string spelling_prefix(schema::person_spelling_prefix);
    EXPECT_NE(database.allterms_begin(spelling_prefix), database.allterms_end(spelling_prefix));
    EXPECT_NE(database.get_document(1).get_value(schema::slot_persons), "");
}

// The persons the title and the body name, each spelling once, and no others (not the
// chrome's): one spelling term each and the facet value listing them in term order.
TEST(Indexer, RecordsEachPersonSpellingOfTheArticleOnce) {
    schema::StoredArticle article;
    article.id = "persons";
    article.title = "Kim Jong Un meets Yoon Suk Yeol";
    article.body = "Kim Jong-un said so.\n\nKim Jong Un\u2019s visit. \uc724\uc11d\uc5f4 replied; Li Qiang listened.";
    article.chrome = "Park Chan-wook\u2019s new film";
    const Xapian::Document doc = build_document(article);
    const std::string kim = *schema::person_key("Kim Jong Un");
    const std::string yoon = *schema::person_key("Yoon Suk Yeol");
    std::vector<std::string> expected{schema::person_spelling_term(kim, "Kim Jong Un"),
                                      schema::person_spelling_term(kim, "Kim Jong-un"),
                                      schema::person_spelling_term(yoon, "Yoon Suk Yeol"),
                                      schema::person_spelling_term(yoon, "\uc724\uc11d\uc5f4")};
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> terms;
    const std::string prefix(schema::person_spelling_prefix);
    for (Xapian::TermIterator it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if ((*it).starts_with(prefix)) terms.push_back(*it);
    }
    EXPECT_EQ(terms, expected);
    std::string value;
    for (const std::string& term : expected) value += (value.empty() ? "" : "\n") + term.substr(prefix.size());
    EXPECT_EQ(doc.get_value(schema::slot_persons), value);
}

// A list of headlines above the real one may look like the page's headline; when the
// metadata names the title, that line must still be stored with the page.
TEST(Indexer, NoLineOfThePageIsLostWhenTheMetadataNamesTheTitle) {
    testing::TempDir dir;
    const std::vector<std::string> lines{
        "Menu",
        "  \u2022 World",
        "  \u2022 Sign up",
        "",
        "Trending",
        "Neither the engineer nor the ordinary citizen feels any self-consciousness in obeying the laws of matter.",
        "Seoul Summons Envoy After Comments on Diplomatic Thaw",
        "Of course, the perspective of those who are dealing directly\u2026",
        "Mongolia Ready for Mutual Assistance Treaty With the Alliance",
        "Nuclear Talks: Envoys Meet in New York",
        "",
        "Minister's Visit to Moscow Could Reshape Regional Security",
        "",
        "September 5, 2019 at 05:33 KST",
        "",
        "The minister, on the other hand, cannot effectively deny that he has chosen to be the candidate of those "
        "who want a change in the relations between the two capitals.",
        "",
        "On the 18th, when the delegation visited Pyongyang for the first time in 24 years, a diplomatic source "
        "said the talks had gone on late into the night and would resume in the morning.",
        "",
        "Officials said the agreement would be signed within weeks, and that both sides had set out what each "
        "expected of the other in writing.",
    };
    std::string page;
    for (const std::string& line : lines) page += line + "\n";
    fs::create_directories(dir / "src");
    testing::write_file(dir / "src/a1.txt", page);
    testing::write_file(dir / "src/a1.meta.json",
                        R"({"title": "Minister's Visit to Moscow Could Reshape Regional Security", "outlet": "NK News"})");
    ASSERT_TRUE(index(dir / "db", {dir / "src"}).summary.ok());
    const schema::StoredArticle article = stored(dir / "db", "a1");
    const std::string all = article.title + "\n" + article.body + "\n" + article.chrome;
    for (const std::string& line : lines) {
        const std::string text = line.substr(std::min(line.find_first_not_of(' '), line.size()));
        if (text.empty()) continue;
        EXPECT_NE(all.find(text), std::string::npos) << "lost: " << text;
    }
}

TEST(Indexer, ReindexingUnchangedFilesChangesNothing) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    IndexRun again = index(dir / "db", {testing::seed_dir()});
    ASSERT_TRUE(again.summary.ok());
    EXPECT_EQ(again.summary->added, 0u);
    EXPECT_EQ(again.summary->updated, 0u);
    EXPECT_EQ(again.summary->unchanged, 5u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 5u);
}

TEST(Indexer, AChangedFileOrMetadataIsUpdatedInPlace) {
    testing::TempDir dir;
    fs::copy(testing::seed_dir(), dir / "src");
    ASSERT_TRUE(index(dir / "db", {dir / "src"}).summary.ok());
    testing::write_file(dir / "src" / "000_4187df94d3ce0a80.txt",
                        "A new headline\n\nA shorter article, about kimchi exports from South Korea to Russia, "
                        "which fell sharply after the new sanctions were announced in June.\n");
    testing::write_file(dir / "src" / "001_e37822f24c939602.meta.json", R"({"outlet": "News1"})");
    IndexRun run = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(run.summary.ok());
    EXPECT_EQ(run.summary->updated, 2u);
    EXPECT_EQ(run.summary->unchanged, 3u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 5u);
    EXPECT_EQ(stored(dir / "db", "000_4187df94d3ce0a80").title, "South Korea Warns Russia Over Military Pact with North Korea");
    EXPECT_NE(stored(dir / "db", "000_4187df94d3ce0a80").body.find("kimchi"), std::string::npos);
    const schema::StoredArticle relabelled = stored(dir / "db", "001_e37822f24c939602");
    EXPECT_EQ(relabelled.outlet, "News1");
    EXPECT_EQ(relabelled.date, "");  // no longer given: unknown, not kept from before
}

TEST(Indexer, WithoutMetadataOutletIsInferredOrUnknownNeverGuessed) {
    testing::TempDir dir;
    IndexRun run = index(dir / "db", {testing::seed_dir()}, false, /*use_metadata=*/false);
    ASSERT_TRUE(run.summary.ok());
    // 001 never names its outlet; 002 does, in its copyright line.
    const schema::StoredArticle unnamed = stored(dir / "db", "001_e37822f24c939602");
    EXPECT_EQ(unnamed.outlet, "unknown");
    EXPECT_FALSE(unnamed.outlet_inferred);
    EXPECT_EQ(unnamed.date, "");  // its top line is a capture date, not a publication date
    EXPECT_FALSE(unnamed.date_inferred);
    EXPECT_EQ(unnamed.title, "Putin’s North Korea Visit Could Reshape Regional Security");
    const schema::StoredArticle named = stored(dir / "db", "002_66667886bb51a6a5");
    EXPECT_EQ(named.outlet, "The Asia Business Daily");
    EXPECT_TRUE(named.outlet_inferred);
    EXPECT_NE(named.outlet_evidence.find("© The Asia Business Daily"), std::string::npos);
}

TEST(Indexer, GivenMetadataWinsAndIsNotMarkedInferred) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    const schema::StoredArticle article = stored(dir / "db", "002_66667886bb51a6a5");
    EXPECT_EQ(article.outlet, "The Asia Business Daily");
    EXPECT_FALSE(article.outlet_inferred);
    EXPECT_FALSE(article.date_inferred);
}

TEST(Indexer, TheBodyHoldsTheArticleAndTheChromeTheRest) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    const schema::StoredArticle article = stored(dir / "db", "001_e37822f24c939602");
    EXPECT_NE(article.body.find("Im Eul Chul, a professor"), std::string::npos);
    EXPECT_EQ(article.body.find("Nasdaq"), std::string::npos);
    EXPECT_NE(article.chrome.find("Nasdaq Gains 4.4%"), std::string::npos);
    EXPECT_EQ(article.body.find("Thursday, May 15, 2025"), std::string::npos);
}

TEST(Indexer, BadFilesAreSkippedWithAWarningAndTheRunGoesOn) {
    testing::TempDir dir;
    fs::create_directories(dir / "src" / ".hidden");
    testing::write_file(dir / "src" / "good.txt", "Good title\n\nGood text about Pyongyang.\n");
    testing::write_file(dir / "src" / "empty.txt", "");
    testing::write_file(dir / "src" / "blank.txt", " \n\t\n");
    testing::write_file(dir / "src" / "binary.txt", std::string("PK\x03\x04\0\0binary", 12));
    testing::write_file(dir / "src" / "huge.txt", std::string(5000, 'a'));
    testing::write_file(dir / "src" / "latin1.txt",
                        "Orb\xE1n visits Seoul\n\nHungary's prime minister Orb\xE1n met officials in Seoul on "
                        "Tuesday to discuss trade, energy and security in the region.\n");
    testing::write_file(dir / "src" / "baddate.txt", "Some text\n");
    testing::write_file(dir / "src" / "baddate.meta.json", R"({"date": "June 18"})");
    testing::write_file(dir / "src" / "badjson.txt", "Some text\n");
    testing::write_file(dir / "src" / "badjson.meta.json", "{not json");
    testing::write_file(dir / "src" / "typo.txt", "Some text\n");
    testing::write_file(dir / "src" / "typo.meta.json", R"({"outet": "X"})");
    testing::write_file(dir / "src" / "notes.md", "not an article");
    testing::write_file(dir / "src" / ".hidden" / "secret.txt", "hidden");

    IndexRun run = index(dir / "db", {dir / "src"}, false, true, /*max_bytes=*/4096);
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 3u);  // good, latin1 (repaired), typo
    EXPECT_EQ(run.summary->skipped, 6u);
    EXPECT_EQ(run.summary->repaired, 2u);  // latin1's bytes, typo's unknown key
    EXPECT_TRUE(has_warning(run, "empty.txt is empty"));
    EXPECT_TRUE(has_warning(run, "blank.txt holds only white space"));
    EXPECT_TRUE(has_warning(run, "binary.txt looks binary"));
    EXPECT_TRUE(has_warning(run, "huge.txt is larger than the limit of 4096 bytes"));
    EXPECT_TRUE(has_warning(run, "latin1.txt: 2 invalid UTF-8 sequence(s) replaced"));
    EXPECT_TRUE(has_warning(run, "\"date\" must be a date written YYYY-MM-DD"));
    EXPECT_TRUE(has_warning(run, "badjson.meta.json is not a JSON object"));
    EXPECT_TRUE(has_warning(run, "unknown metadata key \"outet\""));
    for (const std::string& w : run.warnings) EXPECT_EQ(w.find('\n'), std::string::npos) << w;
    EXPECT_NE(stored(dir / "db", "latin1").body.find("Orb\xEF\xBF\xBDn"), std::string::npos);
}

TEST(Indexer, DuplicateIdsKeepTheFirstFile) {
    testing::TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    testing::write_file(dir / "a" / "same.txt", "First\n");
    testing::write_file(dir / "b" / "same.txt", "Second\n");
    IndexRun run = index(dir / "db", {dir / "a", dir / "b"});
    ASSERT_TRUE(run.summary.ok());
    EXPECT_EQ(run.summary->added, 1u);
    EXPECT_EQ(run.summary->skipped, 1u);
    EXPECT_TRUE(has_warning(run, "already has the id \"same\""));
    EXPECT_EQ(stored(dir / "db", "same").title, "First");
}

TEST(Indexer, RebuildReplacesTheIndexWhole) {
    testing::TempDir dir;
    fs::copy(testing::seed_dir(), dir / "src");
    ASSERT_TRUE(index(dir / "db", {dir / "src"}).summary.ok());
    fs::remove(dir / "src" / "004_776d4640786f29a7.txt");
    IndexRun run = index(dir / "db", {dir / "src"}, /*rebuild=*/true);
    ASSERT_TRUE(run.summary.ok()) << run.summary.error().message;
    EXPECT_EQ(run.summary->added, 4u);
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 4u);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2) << "no leftovers";
}

TEST(Indexer, FilesGoneFromTheSourcesAreDeletedAndOnlyThose) {
    testing::TempDir dir;
    fs::copy(testing::seed_dir(), dir / "src");
    fs::create_directories(dir / "other");
    testing::write_file(dir / "other" / "elsewhere.txt", "Elsewhere\n\nAn article indexed from another folder.\n");
    ASSERT_TRUE(index(dir / "db", {dir / "src"}).summary.ok());
    ASSERT_TRUE(index(dir / "db", {dir / "other"}).summary.ok());
    fs::remove(dir / "src" / "003_457d596eeaa5c52e.txt");
    testing::write_file(dir / "src" / "005_new.txt", "A new article\n\nAbout the treaty and its articles.\n");
    IndexRun run = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(run.summary.ok());
    EXPECT_EQ(run.summary->added, 1u);
    EXPECT_EQ(run.summary->deleted, 1u);
    EXPECT_EQ(run.summary->unchanged, 4u);
    Xapian::Database db((dir / "db").string());
    EXPECT_EQ(db.get_doccount(), 6u);  // 4 seeds + the new one + the one from the other folder
    EXPECT_EQ(db.get_termfreq(schema::exact_term(schema::id_term, "003_457d596eeaa5c52e")), 0u);
    EXPECT_EQ(db.get_termfreq(schema::exact_term(schema::id_term, "elsewhere")), 1u);

    IndexRun again = index(dir / "db", {dir / "src"});
    ASSERT_TRUE(again.summary.ok());
    EXPECT_EQ(again.summary->added + again.summary->updated + again.summary->deleted, 0u);
}

TEST(Indexer, OneRunAtATime) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    const int fd = ::open((dir / "db" / ".lock").c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
    IndexRun blocked = index(dir / "db", {testing::seed_dir()});
    ::close(fd);
    ASSERT_FALSE(blocked.summary.ok());
    EXPECT_EQ(blocked.summary.error().code, ErrorCode::busy);
    EXPECT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
}

TEST(Indexer, RebuildSwitchesGenerationsThroughTheStub) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    EXPECT_EQ(testing::read_file(dir / "db" / "XAPIANDB"), "auto gen-000001\n");
    // A rebuild that died before its switch left this behind.
    fs::create_directories(dir / "db" / "gen-000002");
    testing::write_file(dir / "db" / "gen-000002" / "junk", "half-built");
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}, /*rebuild=*/true).summary.ok());
    EXPECT_EQ(testing::read_file(dir / "db" / "XAPIANDB"), "auto gen-000003\n");
    EXPECT_TRUE(fs::exists(dir / "db" / "gen-000001")) << "the previous generation stays for readers";
    EXPECT_FALSE(fs::exists(dir / "db" / "gen-000002"));
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}, /*rebuild=*/true).summary.ok());
    EXPECT_EQ(testing::read_file(dir / "db" / "XAPIANDB"), "auto gen-000004\n");
    EXPECT_FALSE(fs::exists(dir / "db" / "gen-000001"));
    EXPECT_TRUE(fs::exists(dir / "db" / "gen-000003"));
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 5u);
}

TEST(Indexer, AMovedFolderUpdatesWhereItsArticlesComeFrom) {
    testing::TempDir dir;
    fs::copy(testing::seed_dir(), dir / "old");
    ASSERT_TRUE(index(dir / "db", {dir / "old"}).summary.ok());
    fs::rename(dir / "old", dir / "new");
    IndexRun moved = index(dir / "db", {dir / "new"});
    ASSERT_TRUE(moved.summary.ok());
    EXPECT_EQ(moved.summary->updated, 5u);
    EXPECT_EQ(stored(dir / "db", "000_4187df94d3ce0a80").source,
              (dir / "new" / "000_4187df94d3ce0a80.txt").string());
}

TEST(Indexer, AnIndexOfAnotherSchemaVersionAsksForARebuildOfItsFolder) {
    testing::TempDir dir;
    ASSERT_TRUE(index(dir / "db", {testing::seed_dir()}).summary.ok());
    {
        Xapian::WritableDatabase live((dir / "db").string());
        live.set_metadata(std::string(schema::meta_schema_version), "2");
        live.commit();
    }
    IndexRun run = index(dir / "db", {testing::seed_dir()});
    ASSERT_FALSE(run.summary.ok());
    EXPECT_EQ(run.summary.error().code, ErrorCode::index_mismatch);
    EXPECT_EQ(run.summary.error().message.find((dir / "db").string() + " has index schema version 2"), 0u)
        << run.summary.error().message;
    EXPECT_EQ(run.summary.error().hint, "rebuild it with: corpus-index --rebuild --db " + (dir / "db").string());
    EXPECT_TRUE(index(dir / "db", {testing::seed_dir()}, /*rebuild=*/true).summary.ok());
}

TEST(Indexer, MissingSourceIsAnError) {
    testing::TempDir dir;
    IndexRun run = index(dir / "db", {dir / "nowhere"});
    ASSERT_FALSE(run.summary.ok());
    EXPECT_NE(run.summary.error().message.find("no such file or folder"), std::string::npos);
}

TEST(Indexer, RefusesToWriteIntoSomethingThatIsNotAnIndex) {
    testing::TempDir dir;
    fs::create_directories(dir / "db");
    testing::write_file(dir / "db" / "iamglass", "garbage");
    IndexRun run = index(dir / "db", {testing::seed_dir()});
    ASSERT_FALSE(run.summary.ok());
    EXPECT_EQ(run.summary.error().code, ErrorCode::bad_database);
}

}  // namespace
}  // namespace corpus::indexer
