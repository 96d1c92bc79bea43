// The local facet spy against Xapian's own ValueCountMatchSpy, on real indexes: the same
// counts for every facet, for queries matching one, some and every article, on the same
// spy reused for a second query, and whether it reads an article's facet chunk or, where
// the chunk is missing, its value slots.
#include "schema/facet_columns.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/person_facet.h"
#include "searcher/facet_spy.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <map>

namespace corpus::searcher {
namespace {

using Values = std::vector<std::pair<std::string, std::size_t>>;

Values values_of(const Xapian::ValueCountMatchSpy& spy) {
    Values out;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        out.emplace_back(*it, it.get_termfreq());
    }
    return out;
}

std::vector<std::string> described(const std::vector<schema::PersonCount>& persons) {
    std::vector<std::string> out;
    for (const schema::PersonCount& p : persons) out.push_back(p.key + "|" + p.display + "|" + std::to_string(p.count));
    return out;
}

class FacetSpyTest : public testing::SeedIndexTest {};

TEST_F(FacetSpyTest, CountsWhatXapiansSpiesCount) {
    Result<Xapian::Database> db = schema::open_for_reading(seed_db());
    ASSERT_TRUE(db.ok()) << db.error().message;
    FacetSpy reused(db.value());
    std::map<std::string, std::size_t> months_summed;
    for (const char* word : {"zinoviev", "putin", "the", "pyongyang"}) {
        Xapian::Enquire enquire(db.value());
        enquire.set_query(Xapian::Query(word));
        Xapian::ValueCountMatchSpy outlets(schema::slot_outlet), months(schema::slot_month),
            persons(schema::slot_persons);
        FacetSpy ours(db.value());
        for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{&outlets, &months, &persons, &ours}) {
            enquire.add_matchspy(spy);
        }
        const Xapian::MSet mset = enquire.get_mset(0, 10, db->get_doccount());
        ASSERT_GT(mset.size(), 0u) << word;
        EXPECT_EQ(ours.outlets(), values_of(outlets)) << word;
        EXPECT_EQ(ours.months(), values_of(months)) << word;
        EXPECT_EQ(described(ours.persons()), described(schema::person_counts(persons))) << word;
        EXPECT_FALSE(ours.persons().empty()) << word;
        // One spy over several queries: its value streams start again when the next
        // query's documents come, and it sums them all.
        Xapian::Enquire again(db.value());
        again.set_query(Xapian::Query(word));
        again.add_matchspy(&reused);
        again.get_mset(0, 10, db->get_doccount());
        for (const auto& [month, count] : values_of(months)) months_summed[month] += count;
    }
    EXPECT_EQ(reused.months(), Values(months_summed.begin(), months_summed.end()));
}

// A facet not asked for stays empty; those asked for count what a spy of all three counts,
// from the facet chunks and, with the chunks gone, from the value slots.
TEST(FacetSpy, CountsOnlyTheFacetsAskedFor) {
    testing::TempDir dir;
    testing::build_seed_index(dir / "db");
    auto counted = [&](const FacetSet& asked) {
        Xapian::Database db((dir / "db").string());
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query("the"));
        FacetSpy spy(db, nullptr, asked);
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 10, db.get_doccount());
        return std::make_tuple(spy.outlets(), spy.months(), described(spy.persons()));
    };
    for (bool from_chunks : {true, false}) {
        if (!from_chunks) {
            Xapian::WritableDatabase db((dir / "db").string());
            db.set_metadata(schema::facet_chunk_key(0), "");
            db.commit();
        }
        const auto [outlets, months, persons] = counted({});
        ASSERT_FALSE(outlets.empty() || months.empty() || persons.empty());
        EXPECT_EQ(counted({true, false, false}), std::make_tuple(outlets, Values{}, std::vector<std::string>{}));
        EXPECT_EQ(counted({false, true, false}), std::make_tuple(Values{}, months, std::vector<std::string>{}));
        EXPECT_EQ(counted({false, false, true}), std::make_tuple(Values{}, Values{}, persons));
        EXPECT_EQ(counted({false, true, true}), std::make_tuple(Values{}, months, persons));
    }
}

TEST(FacetSpy, CountsFromChunksAndFromSlotsAlikeInOneQuery) {
    // Three chunks: the seed articles' (people, outlets) and made-up articles' after them.
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(
        testing::build_seed_and_made_up_index(dir / "db", dir / "src", 2 * schema::facet_chunk_docs + 10));

    auto facets = [&](const Xapian::Database& db, const char* word) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(word));
        Xapian::ValueCountMatchSpy outlets(schema::slot_outlet), months(schema::slot_month),
            persons(schema::slot_persons);
        FacetSpy ours(db);
        for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{&outlets, &months, &persons, &ours}) {
            enquire.add_matchspy(spy);
        }
        enquire.get_mset(0, 10, db.get_doccount());
        EXPECT_EQ(ours.outlets(), values_of(outlets)) << word;
        EXPECT_EQ(ours.months(), values_of(months)) << word;
        EXPECT_EQ(described(ours.persons()), described(schema::person_counts(persons))) << word;
        return std::make_tuple(ours.outlets(), ours.months(), described(ours.persons()));
    };
    const char* const words[] = {"the", "peninsula", "korea", "zinoviev"};
    std::vector<std::tuple<Values, Values, std::vector<std::string>>> from_chunks;
    {
        Xapian::Database db((dir / "db").string());
        for (const char* word : words) from_chunks.push_back(facets(db, word));
    }
    {
        // The first chunk (the seed articles) and the last go: those articles are read
        // from their slots, the middle chunk's from the chunk.
        Xapian::WritableDatabase db((dir / "db").string());
        db.set_metadata(schema::facet_chunk_key(0), "");
        db.set_metadata(schema::facet_chunk_key(2), "");
        db.commit();
    }
    Xapian::Database db((dir / "db").string());
    ASSERT_FALSE(schema::FacetChunk::read(db, 0));
    ASSERT_TRUE(schema::FacetChunk::read(db, 1));
    for (std::size_t i = 0; i < std::size(words); ++i) EXPECT_EQ(facets(db, words[i]), from_chunks[i]) << words[i];
    EXPECT_FALSE(std::get<2>(from_chunks[0]).empty());
}

TEST(FacetSpy, ACacheOfChunksFollowsTheIndexAsItChanges) {
    testing::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(testing::build_seed_and_made_up_index(dir / "db", dir / "src", 10));
    FacetChunkCache cache;
    Xapian::Database db((dir / "db").string());
    auto outlets = [&](FacetChunkCache* chunks) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query("the"));
        Xapian::ValueCountMatchSpy xapians(schema::slot_outlet);
        FacetSpy ours(db, chunks);
        enquire.add_matchspy(&xapians);
        enquire.add_matchspy(&ours);
        enquire.get_mset(0, 10, db.get_doccount());
        EXPECT_EQ(ours.outlets(), values_of(xapians));
        return ours.outlets();
    };
    const Values before = outlets(&cache);
    ASSERT_TRUE(cache.get(db, 0));
    {
        // A reindex moves the first article to another outlet and writes its chunk again.
        Xapian::WritableDatabase writer((dir / "db").string());
        Xapian::Document doc = writer.get_document(1);
        doc.add_value(schema::slot_outlet, "Moved Outlet");
        writer.replace_document(1, doc);
        schema::invalidate_facet_chunk(writer, 1);
        writer.commit();
        ASSERT_EQ(schema::write_missing_facet_chunks(writer), 1u);
    }
    db.reopen();
    const Values after = outlets(&cache);
    EXPECT_NE(after, before);
    EXPECT_NE(std::find_if(after.begin(), after.end(), [](const auto& v) { return v.first == "Moved Outlet"; }),
              after.end());
    EXPECT_EQ(after, outlets(nullptr));
}

}  // namespace
}  // namespace corpus::searcher
