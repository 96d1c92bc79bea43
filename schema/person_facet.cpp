#include "schema/person_facet.h"

#include "schema/fields.h"
#include "schema/names.h"

#include <xxhash.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus::schema {

void add_person_facet(Xapian::Document& doc, const std::vector<PersonMention>& mentions) {
    std::vector<std::string> terms;
    terms.reserve(mentions.size());
    for (const PersonMention& mention : mentions) terms.push_back(person_spelling_term(mention.key, mention.spelling));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    std::string value;
    for (const std::string& term : terms) {
        doc.add_boolean_term(term);
        if (!value.empty()) value += '\n';
        value.append(term, person_spelling_prefix.size());
    }
    if (!value.empty()) doc.add_value(slot_persons, value);
}

void label_persons(const Xapian::Database& db, std::vector<PersonCount>& persons) {
    // One cursor over the spelling terms, moved forward person by person in key order: a
    // cursor opened per person cost a quarter of a broad query's time.
    std::vector<PersonCount*> by_key;
    by_key.reserve(persons.size());
    for (PersonCount& person : persons) by_key.push_back(&person);
    std::sort(by_key.begin(), by_key.end(), [](const PersonCount* a, const PersonCount* b) { return a->key < b->key; });
    const std::string all(person_spelling_prefix);
    Xapian::TermIterator it = db.allterms_begin(all);
    const Xapian::TermIterator end = db.allterms_end(all);
    std::vector<std::pair<Xapian::doccount, std::string>> spellings;  // (articles, spelling)
    for (PersonCount* person : by_key) {
        const std::string prefix = all + person->key + '\t';
        it.skip_to(prefix);
        spellings.clear();
        for (; it != end; ++it) {
            std::string term = *it;
            if (!term.starts_with(prefix)) break;
            spellings.emplace_back(it.get_termfreq(), term.substr(prefix.size()));
        }
        if (spellings.empty()) continue;
        std::sort(spellings.begin(), spellings.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        person->display = std::move(spellings.front().second);
        person->spellings.clear();
        for (std::size_t k = 1; k < spellings.size(); ++k) person->spellings.push_back(std::move(spellings[k].second));
    }
}

void PersonLabelCache::label(const Xapian::Database& db, std::vector<PersonCount>& persons) {
    // Shards have no one revision to hold the labels for.
    if (db.size() != 1) {
        label_persons(db, persons);
        return;
    }
    const Xapian::rev revision = db.get_revision();
    const std::lock_guard<std::mutex> lock(mutex_);
    if (revision != revision_) {
        labels_.clear();
        revision_ = revision;
    }
    std::vector<PersonCount> unknown;
    for (const PersonCount& person : persons) {
        if (!labels_.contains(person.key)) unknown.push_back({person.key, person.display, 0});
    }
    label_persons(db, unknown);
    for (PersonCount& person : unknown) {
        labels_.emplace(std::move(person.key), Label{std::move(person.display), std::move(person.spellings)});
    }
    for (PersonCount& person : persons) {
        const Label& known = labels_.at(person.key);
        person.display = known.display;
        person.spellings = known.spellings;
    }
}

void PersonTally::add(std::string_view value, std::size_t count) {
    ++values_;
    for_each_person_entry(value, [&](std::string_view entry) {
        count_spelling(spelling_of(entry), count);
    });
}

std::uint32_t PersonTally::spelling_of(std::string_view entry) {
    return find_or_add(XXH3_64bits(entry.data(), entry.size()), entry);
}

void PersonTally::add_spelling(std::uint32_t spelling, std::size_t count) {
    if (spelling != malformed) spellings_[spelling].count += count;
}

void PersonTally::add_person(std::uint32_t spelling, std::size_t count) {
    if (spelling != malformed) persons_[spellings_[spelling].person].count += count;
}

void PersonTally::count_spelling(std::uint32_t index, std::size_t count) {
    if (index == malformed) return;
    Spelling& spelling = spellings_[index];
    spelling.count += count;
    Person& person = persons_[spelling.person];
    // An article that spells a person two ways counts once.
    if (person.counted_in != values_) person.count += count;
    person.counted_in = values_;
}

std::uint32_t PersonTally::find_or_add(std::uint64_t hash, std::string_view entry) {
    hash = hash == 0 ? 1 : hash;
    if (spellings_.size() * 2 >= slot_hashes_.size()) {
        // Keep the table at most half full: probes stay short.
        const std::size_t capacity = std::max<std::size_t>(1024, slot_hashes_.size() * 2);
        std::vector<std::uint64_t> hashes(capacity, 0);
        std::vector<std::uint32_t> indexes(capacity, 0);
        for (std::size_t s = 0; s < slot_hashes_.size(); ++s) {
            if (slot_hashes_[s] == 0) continue;
            std::size_t at = slot_hashes_[s] & (capacity - 1);
            while (hashes[at] != 0) at = (at + 1) & (capacity - 1);
            hashes[at] = slot_hashes_[s];
            indexes[at] = slot_spellings_[s];
        }
        slot_hashes_ = std::move(hashes);
        slot_spellings_ = std::move(indexes);
    }
    const std::size_t mask = slot_hashes_.size() - 1;
    std::size_t at = hash & mask;
    for (; slot_hashes_[at] != 0; at = (at + 1) & mask) {
        if (slot_hashes_[at] == hash) return slot_spellings_[at];
    }
    const std::size_t tab = entry.find('\t');
    if (tab == std::string_view::npos) return malformed;
    const std::string_view key = entry.substr(0, tab);
    auto person = person_by_key_.find(key);
    if (person == person_by_key_.end()) {
        person = person_by_key_.emplace(std::string(key), persons_.size()).first;
        persons_.push_back({std::string(key)});
    }
    slot_hashes_[at] = hash;
    slot_spellings_[at] = static_cast<std::uint32_t>(spellings_.size());
    spellings_.push_back(Spelling{std::string(entry), person->second});
    return slot_spellings_[at];
}

void PersonTally::merge(const PersonTally& other) {
    for (const Spelling& theirs : other.spellings_) {
        const std::uint32_t ours = spelling_of(theirs.entry);
        if (ours != malformed) spellings_[ours].count += theirs.count;
    }
    // Every person has a spelling, so each is known here now; the articles are others.
    for (const Person& theirs : other.persons_) persons_[person_by_key_.find(theirs.key)->second].count += theirs.count;
}

std::vector<PersonCount> PersonTally::counts() const {
    // The commonest spelling; of equally common ones, the first in byte order.
    std::vector<const Spelling*> best(persons_.size(), nullptr);
    for (const Spelling& spelling : spellings_) {
        const Spelling*& chosen = best[spelling.person];
        if (!chosen || spelling.count > chosen->count ||
            (spelling.count == chosen->count && spelling.entry < chosen->entry)) {
            chosen = &spelling;
        }
    }
    std::vector<PersonCount> out;
    out.reserve(persons_.size());
    for (std::size_t p = 0; p < persons_.size(); ++p) {
        const std::string& entry = best[p]->entry;
        out.push_back({persons_[p].key, entry.substr(persons_[p].key.size() + 1), persons_[p].count});
    }
    std::sort(out.begin(), out.end(), [](const PersonCount& a, const PersonCount& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return out;
}

std::vector<PersonCount> person_counts(const Xapian::ValueCountMatchSpy& spy) {
    // The spy holds about one distinct value per matching article.
    PersonTally tally;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        tally.add(*it, it.get_termfreq());
    }
    return tally.counts();
}

}  // namespace corpus::schema
