// The local facet spy against Xapian's own ValueCountMatchSpy, on a real index of the
// seed corpus: the same counts for every facet, for queries matching one, some and every
// article, and on the same spy reused for a second query.
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/person_facet.h"
#include "searcher/facet_spy.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <xapian.h>

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

}  // namespace
}  // namespace corpus::searcher
