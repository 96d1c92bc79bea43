#include "searcher/story_copies.h"

#include "schema/article.h"
#include "schema/fields.h"

#include <algorithm>
#include <tuple>

namespace corpus::searcher {
namespace {

// Only articles with a story value: the value stream lists no other.
Xapian::Query with_copies() {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_story, std::string(1, '\0'));
}

}  // namespace

std::size_t count_stories(Xapian::Database& db, const Xapian::Query& query, std::size_t total) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, with_copies()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy stories(schema::slot_story);
    enquire.add_matchspy(&stories);
    enquire.get_mset(0, 0, db.get_doccount());
    std::size_t distinct = 0;
    for (Xapian::TermIterator it = stories.values_begin(); it != stories.values_end(); ++it) ++distinct;
    const std::size_t with_copy = stories.get_total();
    return total >= with_copy ? total - with_copy + distinct : distinct;
}

Result<std::map<std::string, std::vector<StoryCopy>>> story_members(Xapian::Database& db, const Xapian::Query& query,
                                                                    const std::vector<std::string>& stories) {
    std::map<std::string, std::vector<StoryCopy>> members;
    if (stories.empty()) return members;
    std::vector<Xapian::Query> named;
    for (const std::string& story : stories) {
        named.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot_story, story, story);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, named.begin(), named.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        Result<schema::StoredArticle> article = schema::decode_document_summary(doc.get_data());
        if (!article) return article.error();
        members[doc.get_value(schema::slot_story)].push_back({article->id, article->outlet, article->date});
    }
    for (auto& [story, copies] : members) {
        std::sort(copies.begin(), copies.end(), [](const StoryCopy& a, const StoryCopy& b) {
            return std::make_tuple(a.date.empty(), a.date, a.id) < std::make_tuple(b.date.empty(), b.date, b.id);
        });
    }
    return members;
}

}  // namespace corpus::searcher
