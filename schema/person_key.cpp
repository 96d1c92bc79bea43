#include "schema/names.h"

#include "schema/fields.h"
#include "schema/name_readings.h"
#include "schema/name_spellings.h"

#include <algorithm>
#include <limits>

namespace corpus::schema {
namespace {

// The cutting of a name's joined words that a person's key is made from. A consonant
// between two vowels mostly ends the first syllable in joined names (Sukyeol suk+yeol,
// Jongun jong+un, Jinyoung jin+young, Hyunah hyun+ah), but an m starts the second
// (Kimoon ki+moon, Sumi su+mi): the cutting with the most syllables starting with a vowel
// after a consonant other than m, of equals the first. Its misses (Bookyum book+yum,
// Mangil mang+il) key apart from their hyphenated forms.
const std::vector<NameUnit>& key_cutting(const NameSpan& span) {
    auto score = [](const std::vector<NameUnit>& units) {
        int out = 0;
        for (std::size_t k = 1; k < units.size(); ++k) {
            const std::string& before = units[k - 1].spelling;
            const std::string& unit = units[k].spelling;
            if (before.empty() || unit.empty() || std::string_view("aeiouwy").find(unit[0]) == std::string_view::npos ||
                std::string_view("aeiouy").find(before.back()) != std::string_view::npos) {
                continue;
            }
            out += before.back() == 'm' ? -1 : 1;
        }
        return out;
    };
    const std::vector<NameUnit>* best = &span.units;
    for (const std::vector<NameUnit>& cutting : span.cuttings) {
        if (score(cutting) > score(*best)) best = &cutting;
    }
    return *best;
}

// The identity form of a unit: that of the reading it spells in Revised Romanization
// (hoe is 회, though a customary hoe is 허), else of its readings' forms the first in
// byte order.
std::string unit_identity(const NameUnit& unit) {
    std::string best;
    for (const std::string& hangul : unit.hangul) {
        std::string form = identity_form(hangul);
        const std::optional<char32_t> syllable = hangul_syllable(hangul);
        if (hangul.size() == hangul_bytes && syllable && revised_romanization(*syllable) == unit.spelling) return form;
        if (best.empty() || form < best) best = std::move(form);
    }
    return best;
}

// The rank of the commonest surname a unit can spell; none when it spells none.
std::size_t surname_rank(const NameUnit& unit) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (const std::string& hangul : unit.hangul) {
        if (auto it = name_tables().hangul_surnames.find(hangul); it != name_tables().hangul_surnames.end()) {
            best = std::min(best, it->second);
        }
    }
    return best;
}

}  // namespace

std::string person_key(const NameSpan& span) {
    const std::vector<NameUnit>& units = key_cutting(span);
    // A name whose words may have the surname at either end, which search reads both
    // ways, is read in Korean order as the press writes it (Thae Yong Ho, Sim Sang Jung),
    // unless it ends in one of the three surnames of nearly half of Koreans and starts with
    // none of them: Jong Un Kim is Kim's.
    constexpr std::size_t commonest_surnames = 3;  // Kim, Lee, Park
    const bool western = span.western || (span.surname_first && span.surname_last && units.size() > 2 &&
                                          surname_rank(units.back()) < commonest_surnames &&
                                          surname_rank(units.front()) >= commonest_surnames);
    const std::size_t surname_at = western ? units.size() - 1 : 0;
    std::string surname = unit_identity(units[surname_at]);
    std::string given;
    for (std::size_t k = 0; k < units.size(); ++k) {
        if (k != surname_at) given += unit_identity(units[k]);
    }
    // Of two syllables, which is the surname cannot always be told ("Jung Pak", "Park
    // Jin", 박진 and "Jin Park"): the key lists them in byte order.
    if (units.size() == 2 && given < surname) std::swap(surname, given);
    return surname + ' ' + given;
}

std::optional<std::string> person_key(std::string_view name) {
    const std::optional<NameSpan> span = whole_name(name);
    if (!span) return std::nullopt;
    return person_key(*span);
}

std::string person_spelling_term(std::string_view key, std::string_view surface) {
    // Xapian refuses terms over 245 bytes; a name's spelling never comes close.
    constexpr std::size_t max_term_bytes = 200;
    std::string term(person_spelling_prefix);
    term += key;
    term += '\t';
    term += surface;
    if (term.size() > max_term_bytes) term.resize(max_term_bytes);
    return term;
}

}  // namespace corpus::schema
