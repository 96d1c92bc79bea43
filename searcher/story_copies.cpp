#include "searcher/story_copies.h"

#include "schema/article.h"
#include "schema/fields.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

namespace corpus::searcher {
namespace {

// Only articles with a story value: the value stream lists no other.
Xapian::Query with_copies() {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_story, std::string(1, '\0'));
}

void sort_copies(std::map<std::string, std::vector<StoryCopy>>& members) {
    for (auto& [story, copies] : members) {
        std::sort(copies.begin(), copies.end(), [](const StoryCopy& a, const StoryCopy& b) {
            return std::make_tuple(a.date.empty(), a.date, a.id) < std::make_tuple(b.date.empty(), b.date, b.id);
        });
    }
}

Status add_copy(std::map<std::string, std::vector<StoryCopy>>& members, const std::string& story,
                const Xapian::Document& doc) {
    Result<schema::StoredArticle> article = schema::decode_document_summary(doc.get_data());
    if (!article) return article.error();
    members[story].push_back({article->id, article->outlet, article->date});
    return Ok{};
}

}  // namespace

std::shared_ptr<const StoryColumn::Column> StoryColumn::get(const Xapian::Database& db) {
    const Xapian::rev revision = db.get_revision();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (revision_ == revision) return column_;
    }
    auto column = std::make_shared<Column>();
    std::unordered_map<std::string, std::uint32_t> numbers;
    for (Xapian::ValueIterator it = db.valuestream_begin(schema::slot_story); it != db.valuestream_end(schema::slot_story);
         ++it) {
        const auto [at, added] = numbers.try_emplace(*it, static_cast<std::uint32_t>(column->names.size()));
        if (added) column->names.push_back(at->first);
        column->docids.push_back(it.get_docid());
        column->stories.push_back(at->second);
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    revision_ = revision;
    column_ = std::move(column);
    return column_;
}

Result<StoriesFound> stories_of_matches(const Xapian::Database& db, StoryColumn& stories,
                                        const std::vector<Xapian::docid>& matched, std::size_t total,
                                        const std::vector<std::string>& shown) {
    const std::shared_ptr<const StoryColumn::Column> column = stories.get(db);
    StoriesFound found;
    std::vector<bool> seen(column->names.size());
    std::size_t with_copy = 0, distinct = 0;
    std::vector<std::pair<Xapian::docid, std::uint32_t>> matched_with_copy;
    // Both lists rise: a merge.
    auto match = matched.begin();
    for (std::size_t i = 0; i < column->docids.size() && match != matched.end(); ++i) {
        while (match != matched.end() && *match < column->docids[i]) ++match;
        if (match == matched.end() || *match != column->docids[i]) continue;
        ++with_copy;
        const std::uint32_t story = column->stories[i];
        if (!seen[story]) {
            seen[story] = true;
            ++distinct;
        }
        matched_with_copy.emplace_back(column->docids[i], story);
    }
    found.stories = total >= with_copy ? total - with_copy + distinct : distinct;
    const std::set<std::string> wanted(shown.begin(), shown.end());
    for (const auto& [docid, story] : matched_with_copy) {
        const std::string& name = column->names[story];
        if (!wanted.contains(name)) continue;
        if (Status added = add_copy(found.members, name, db.get_document(docid)); !added) return added.error();
    }
    sort_copies(found.members);
    return found;
}

Result<StoriesFound> stories_by_query(Xapian::Database& db, const Xapian::Query& query, std::size_t total,
                                      const std::vector<std::string>& shown) {
    StoriesFound found;
    {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, with_copies()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy stories(schema::slot_story);
        enquire.add_matchspy(&stories);
        enquire.get_mset(0, 0, db.get_doccount());
        std::size_t distinct = 0;
        for (Xapian::TermIterator it = stories.values_begin(); it != stories.values_end(); ++it) ++distinct;
        const std::size_t with_copy = stories.get_total();
        found.stories = total >= with_copy ? total - with_copy + distinct : distinct;
    }
    if (shown.empty()) return found;
    std::vector<Xapian::Query> named;
    for (const std::string& story : shown) named.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot_story, story, story);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, named.begin(), named.end())));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        if (Status added = add_copy(found.members, doc.get_value(schema::slot_story), doc); !added) return added.error();
    }
    sort_copies(found.members);
    return found;
}

}  // namespace corpus::searcher
