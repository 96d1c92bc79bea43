#include "schema/person_facet.h"

#include "schema/fields.h"

#include <algorithm>
#include <map>
#include <set>

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
    std::map<std::string, std::size_t> articles;                          // key -> count
    std::map<std::string, std::map<std::string, std::size_t>> spellings;  // key -> spelling -> count
    for (Xapian::TermIterator it = spy.values_begin(); it != spy.values_end(); ++it) {
        const std::string value = *it;
        const std::size_t count = it.get_termfreq();
        std::set<std::string> keys;  // an article that spells a person two ways counts once
        std::size_t start = 0;
        while (start < value.size()) {
            std::size_t end = value.find('\n', start);
            if (end == std::string::npos) end = value.size();
            const std::string entry = value.substr(start, end - start);
            const std::size_t tab = entry.find('\t');
            if (tab != std::string::npos) {
                const std::string key = entry.substr(0, tab);
                keys.insert(key);
                spellings[key][entry.substr(tab + 1)] += count;
            }
            start = end + 1;
        }
        for (const std::string& key : keys) articles[key] += count;
    }
    std::vector<PersonCount> out;
    for (const auto& [key, count] : articles) {
        const auto& used = spellings[key];
        const auto best = std::max_element(used.begin(), used.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        out.push_back({key, best->first, count});
    }
    std::stable_sort(out.begin(), out.end(), [](const PersonCount& a, const PersonCount& b) { return a.count > b.count; });
    return out;
}

}  // namespace corpus::schema
