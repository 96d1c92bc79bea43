#include "schema/person_facet.h"

#include "schema/fields.h"

#include <algorithm>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace corpus::schema {

std::string person_facet_value(const Xapian::Document& doc) {
    std::string value;
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(std::string(person_spelling_prefix));
    for (; it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (!term.starts_with(person_spelling_prefix)) break;
        if (!value.empty()) value += '\n';
        value.append(term, person_spelling_prefix.size());
    }
    return value;
}

std::vector<PersonCount> person_counts(const Xapian::ValueCountMatchSpy& spy) {
    // The spy holds about one distinct value per matching article, so this loop runs
    // over the whole match set: each entry is read in place and costs one lookup in a
    // hash table of the (few) people, not copies into ordered maps.
    struct Person {
        std::size_t count = 0;
        std::size_t counted_in = 0;  // the value (1-based) that last counted it
        std::vector<std::pair<std::string, std::size_t>> spellings;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, Person, Hash, std::equal_to<>> people;
    std::size_t value_number = 0;
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string value = *it;
        const std::size_t count = it.get_termfreq();
        ++value_number;
        for (std::size_t start = 0; start < value.size();) {
            std::size_t end = value.find('\n', start);
            if (end == std::string::npos) end = value.size();
            const std::string_view entry = std::string_view(value).substr(start, end - start);
            start = end + 1;
            const std::size_t tab = entry.find('\t');
            if (tab == std::string_view::npos) continue;
            const std::string_view key = entry.substr(0, tab);
            const std::string_view spelling = entry.substr(tab + 1);
            auto found = people.find(key);
            if (found == people.end()) found = people.emplace(std::string(key), Person{}).first;
            Person& person = found->second;
            // An article that spells a person two ways counts once.
            if (person.counted_in != value_number) person.count += count;
            person.counted_in = value_number;
            const auto known = std::find_if(person.spellings.begin(), person.spellings.end(),
                                            [&](const auto& known_spelling) { return known_spelling.first == spelling; });
            if (known == person.spellings.end()) {
                person.spellings.emplace_back(spelling, count);
            } else {
                known->second += count;
            }
        }
    }
    std::vector<PersonCount> out;
    out.reserve(people.size());
    for (const auto& [key, person] : people) {
        // The commonest spelling; of equally common ones, the first in byte order.
        const auto best = std::min_element(person.spellings.begin(), person.spellings.end(),
                                           [](const auto& a, const auto& b) {
                                               return a.second != b.second ? a.second > b.second : a.first < b.first;
                                           });
        out.push_back({key, best->first, person.count});
    }
    std::sort(out.begin(), out.end(), [](const PersonCount& a, const PersonCount& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    return out;
}

}  // namespace corpus::schema
