// The person facet, counted from a value slot with Xapian's own ValueCountMatchSpy.
//
// Each document's slot_persons value lists the people it mentions with the spellings it
// used ("key<TAB>spelling" entries, sorted, one per line). The spy counts documents per
// distinct value; summing those counts per person gives exact per-person counts. Being
// a built-in spy, it also runs on remote shards (xapian-tcpsrv knows no custom spies),
// and it reads one value per document instead of a whole term list.
#pragma once

#include "schema/analysis.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus::schema {

struct PersonCount {
    std::string key;
    std::string display;  // the spelling most matching articles used; see label_persons
    std::size_t count;    // matching articles that mention the person
    std::vector<std::string> spellings = {};  // the person's other spellings (label_persons)
};

// Records the persons an article mentions (index_text's, of the article stream): one
// person spelling term (names.h, person_spelling_term) for each distinct mention, and the
// slot_persons value listing them, sorted, when there is any.
void add_person_facet(Xapian::Document& doc, const std::vector<PersonMention>& mentions);

// Labels each person by the spelling most articles of the whole of `db` use (of equals,
// the first in byte order), the same in every query, and lists the person's other
// spellings, most articles first: from the frequencies of the person spelling terms,
// read by one cursor moved forward through them.
void label_persons(const Xapian::Database& db, std::vector<PersonCount>& persons);

// label_persons with the labels remembered for one revision of one database, so that a
// process answering many queries (--batch, a server) looks each person up once: the
// lookups were a tenth of a broad query's time. Thread-safe.
class PersonLabelCache {
public:
    void label(const Xapian::Database& db, std::vector<PersonCount>& persons);

private:
    struct Label {
        std::string display;
        std::vector<std::string> spellings;
    };
    std::mutex mutex_;
    std::optional<Xapian::rev> revision_;
    std::unordered_map<std::string, Label> labels_;
};

// Calls `take` with each "key<TAB>spelling" entry of a slot_persons value: the one
// reader of the value's format.
template <typename Take>
void for_each_person_entry(std::string_view value, Take take) {
    for (std::size_t start = 0; start < value.size();) {
        std::size_t end = value.find('\n', start);
        if (end == std::string_view::npos) end = value.size();
        take(value.substr(start, end - start));
        start = end + 1;
    }
}

// Sums slot_persons values into per-person counts.
class PersonTally {
public:
    // `count` articles held this value.
    void add(std::string_view value, std::size_t count = 1);
    // Counts made elsewhere (facet chunks count their articles by their own numbers), by
    // spellings looked up with spelling_of: `count` uses of a spelling, and `count` more
    // articles mentioning the person of a spelling.
    static constexpr std::uint32_t malformed = 0xffffffff;
    std::uint32_t spelling_of(std::string_view entry);
    void add_spelling(std::uint32_t spelling, std::size_t count);
    void add_person(std::uint32_t spelling, std::size_t count);
    // Adds the counts of a tally over other articles (another part of the index).
    void merge(const PersonTally& other);
    // Most articles first, then by key; each under the spelling most of those articles used.
    std::vector<PersonCount> counts() const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    template <typename Value>
    using Map = std::unordered_map<std::string, Value, Hash, std::equal_to<>>;
    struct Person {
        std::string key;
        std::size_t count = 0;
        std::size_t counted_in = 0;  // the value (1-based) that last counted it
    };
    struct Spelling {
        std::string entry;   // "key<TAB>spelling"
        std::size_t person;  // index in persons_
        std::size_t count = 0;
    };
    // The spelling with this 64-bit hash of its whole entry, found in an open-addressing
    // table: an article's entry costs one hash of a few dozen bytes and a probe or two of
    // an array that stays in cache, the hottest loop of a broad query (a node-based map
    // cost three times as much).
    // Returns the spelling's index, or malformed when the entry has no key.
    std::uint32_t find_or_add(std::uint64_t hash, std::string_view entry);
    void count_spelling(std::uint32_t spelling, std::size_t count);
    std::vector<std::uint64_t> slot_hashes_;  // 0 = empty (a hash of 0 is stored as 1)
    std::vector<std::uint32_t> slot_spellings_;
    std::vector<Spelling> spellings_;
    Map<std::size_t> person_by_key_;
    std::vector<Person> persons_;
    std::size_t values_ = 0;
};

// People over the match set a ValueCountMatchSpy on slot_persons saw (remote shards,
// where only Xapian's own spies run).
std::vector<PersonCount> person_counts(const Xapian::ValueCountMatchSpy& spy);

}  // namespace corpus::schema
