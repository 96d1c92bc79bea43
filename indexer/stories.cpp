#include "indexer/stories.h"

#include "indexer/source.h"
#include "schema/fields.h"
#include "schema/story.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>

namespace corpus::indexer {
namespace {

struct Member {
    std::size_t database;
    Xapian::docid docid;
    schema::StoryFingerprint fingerprint;
    schema::StoryCommonMinima common;
    std::string id;
    std::string indexed;
    std::string story;  // as the index holds it
};

class Components {
public:
    explicit Components(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t find(std::size_t i) {
        while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::size_t> parent_;
};

// The value of `slot` for each of `members` (sorted by docid) of database `index`.
template <typename Field>
void read_slot(const Xapian::Database& db, Xapian::valueno slot, std::vector<Member>& members, std::size_t first,
               Field field) {
    Xapian::ValueIterator it = db.valuestream_begin(slot);
    const Xapian::ValueIterator end = db.valuestream_end(slot);
    for (std::size_t i = first; i < members.size() && it != end; ++i) {
        it.skip_to(members[i].docid);
        if (it == end) break;
        if (it.get_docid() == members[i].docid) members[i].*field = *it;
    }
}

std::vector<Member> read_members(const std::vector<Xapian::WritableDatabase*>& databases) {
    std::vector<Member> members;
    for (std::size_t d = 0; d < databases.size(); ++d) {
        const Xapian::Database& db = *databases[d];
        const std::size_t first = members.size();
        for (Xapian::ValueIterator it = db.valuestream_begin(schema::slot_story_fingerprint);
             it != db.valuestream_end(schema::slot_story_fingerprint); ++it) {
            if (auto fingerprint = schema::decode_story_fingerprint(*it)) {
                members.push_back({d, it.get_docid(), *fingerprint, {}, {}, {}, {}});
            }
        }
        read_slot(db, schema::slot_source, members, first, &Member::id);
        for (std::size_t i = first; i < members.size(); ++i) members[i].id = std::string(article_id(members[i].id));
        read_slot(db, schema::slot_indexed, members, first, &Member::indexed);
        read_slot(db, schema::slot_story, members, first, &Member::story);
    }
    return members;
}

// A minimum more articles hold than a story is likely to have copies is boilerplate's.
constexpr std::size_t most_copies = 16;

void mark_common_minima(std::vector<Member>& members) {
    std::vector<std::pair<std::uint16_t, std::uint32_t>> by_value(members.size());  // minimum, member
    for (std::size_t i = 0; i < schema::story_hashes; ++i) {
        for (std::size_t m = 0; m < members.size(); ++m) {
            by_value[m] = {members[m].fingerprint.minima[i], static_cast<std::uint32_t>(m)};
        }
        std::sort(by_value.begin(), by_value.end());
        for (std::size_t start = 0; start < by_value.size();) {
            std::size_t end = start + 1;
            while (end < by_value.size() && by_value[end].first == by_value[start].first) ++end;
            if (end - start > most_copies && by_value[start].first != schema::story_empty_minimum) {
                for (std::size_t k = start; k < end; ++k) members[by_value[k].second].common.set(i);
            }
            start = end;
        }
    }
}

// Bands of the fingerprint for candidates: two minima each, over the first 64.
constexpr std::size_t band_rows = 2;
constexpr std::size_t bands = 32;
// A band value shared by more articles than this is checked along the articles in id
// order, each against the next ones only: a shingle common to many unrelated texts
// would otherwise cost a check per pair.
constexpr std::size_t most_checked_together = 128;

void join_copies(const std::vector<Member>& members, Components& components) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;  // band value, member
    for (std::size_t band = 0; band < bands; ++band) {
        keyed.clear();
        for (std::size_t i = 0; i < members.size(); ++i) {
            const auto& minima = members[i].fingerprint.minima;
            const std::uint16_t first = minima[band * band_rows], second = minima[band * band_rows + 1];
            // An empty bin is no evidence of a shared shingle.
            if (first == schema::story_empty_minimum || second == schema::story_empty_minimum) continue;
            keyed.emplace_back(static_cast<std::uint32_t>(first) << 16 | second, static_cast<std::uint32_t>(i));
        }
        // By band value, then by id: the same order whatever order the articles were indexed in.
        std::sort(keyed.begin(), keyed.end(), [&members](const auto& a, const auto& b) {
            return std::tie(a.first, members[a.second].id) < std::tie(b.first, members[b.second].id);
        });
        for (std::size_t start = 0; start < keyed.size();) {
            std::size_t end = start + 1;
            while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
            for (std::size_t a = start; a < end; ++a) {
                for (std::size_t b = a + 1; b < end && b - a <= most_checked_together; ++b) {
                    const std::size_t x = keyed[a].second, y = keyed[b].second;
                    if (components.find(x) == components.find(y)) continue;
                    if (schema::same_story(schema::story_likeness(members[x].fingerprint, members[x].common,
                                                                  members[y].fingerprint, members[y].common))) {
                        components.join(x, y);
                    }
                }
            }
            start = end;
        }
    }
}

}  // namespace

StoryPassSummary assign_stories(const std::vector<Xapian::WritableDatabase*>& databases) {
    std::vector<Member> members = read_members(databases);
    mark_common_minima(members);
    Components components(members.size());
    join_copies(members, components);

    // Each story's name: its first indexed article's id.
    std::vector<std::size_t> first(members.size());
    std::vector<std::size_t> size(members.size(), 0);
    std::iota(first.begin(), first.end(), 0);
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::size_t root = components.find(i);
        ++size[root];
        const Member& best = members[first[root]];
        if (std::tie(members[i].indexed, members[i].id) < std::tie(best.indexed, best.id)) first[root] = i;
    }
    StoryPassSummary summary;
    std::vector<std::vector<std::pair<Xapian::docid, std::string>>> changes(databases.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        const std::size_t root = components.find(i);
        const std::string story = size[root] > 1 ? members[first[root]].id : std::string();
        if (size[root] > 1) {
            ++summary.articles;
            if (root == i) ++summary.stories;
        }
        if (story != members[i].story) changes[members[i].database].emplace_back(members[i].docid, story);
    }
    // An article without a fingerprint (no words) that still holds a story from before is
    // a story of its own now.
    for (std::size_t d = 0; d < databases.size(); ++d) {
        Xapian::WritableDatabase& db = *databases[d];
        std::vector<Xapian::docid> fingerprinted;
        for (const Member& member : members) {
            if (member.database == d) fingerprinted.push_back(member.docid);
        }
        for (Xapian::ValueIterator it = db.valuestream_begin(schema::slot_story);
             it != db.valuestream_end(schema::slot_story); ++it) {
            if (!std::binary_search(fingerprinted.begin(), fingerprinted.end(), it.get_docid())) {
                changes[d].emplace_back(it.get_docid(), std::string());
            }
        }
        if (changes[d].empty()) continue;
        db.begin_transaction();
        for (const auto& [docid, story] : changes[d]) {
            // Only a value changes: Xapian rewrites the document's values, not its terms.
            Xapian::Document doc = db.get_document(docid);
            if (story.empty()) {
                doc.remove_value(schema::slot_story);
            } else {
                doc.add_value(schema::slot_story, story);
            }
            db.replace_document(docid, doc);
            ++summary.written;
        }
        db.commit_transaction();
    }
    return summary;
}

}  // namespace corpus::indexer
