#include "schema/person_facet.h"

#include "schema/fields.h"

#include <xxhash.h>

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus::schema {

std::string take_person_facet_value(Xapian::Document& doc) {
    std::string value;
    std::vector<std::string> spelling_terms;
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(std::string(person_spelling_prefix));
    for (; it != doc.termlist_end(); ++it) {
        std::string term = *it;
        if (!term.starts_with(person_spelling_prefix)) break;
        if (!value.empty()) value += '\n';
        value.append(term, person_spelling_prefix.size());
        spelling_terms.push_back(std::move(term));
    }
    for (const std::string& term : spelling_terms) doc.remove_term(term);
    return value;
}

void PersonTally::add(std::string_view value, std::size_t count) {
    ++values_;
    for (std::size_t start = 0; start < value.size();) {
        std::size_t end = value.find('\n', start);
        if (end == std::string_view::npos) end = value.size();
        const std::string_view entry = value.substr(start, end - start);
        start = end + 1;
        Spelling* spelling = find_or_add(XXH3_64bits(entry.data(), entry.size()), entry);
        if (!spelling) continue;
        spelling->count += count;
        Person& person = persons_[spelling->person];
        // An article that spells a person two ways counts once.
        if (person.counted_in != values_) person.count += count;
        person.counted_in = values_;
    }
}

PersonTally::Spelling* PersonTally::find_or_add(std::uint64_t hash, std::string_view entry) {
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
        if (slot_hashes_[at] == hash) return &spellings_[slot_spellings_[at]];
    }
    const std::size_t tab = entry.find('\t');
    if (tab == std::string_view::npos) return nullptr;
    const std::string_view key = entry.substr(0, tab);
    auto person = person_by_key_.find(key);
    if (person == person_by_key_.end()) {
        person = person_by_key_.emplace(std::string(key), persons_.size()).first;
        persons_.push_back({std::string(key)});
    }
    slot_hashes_[at] = hash;
    slot_spellings_[at] = static_cast<std::uint32_t>(spellings_.size());
    spellings_.push_back(Spelling{std::string(entry), person->second});
    return &spellings_.back();
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
