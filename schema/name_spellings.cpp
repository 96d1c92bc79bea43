#include "schema/name_spellings.h"

#include "schema/digest.h"
#include "schema/english_words.h"
#include "schema/name_readings.h"
#include "schema/names.h"
#include "schema/names_tables.h"

#include <algorithm>
#include <string>

namespace corpus::schema {
namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        if (end > start) parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

// Table rows, without comments and blank lines.
std::vector<std::string_view> rows(std::string_view table) {
    std::vector<std::string_view> out;
    for (std::string_view line : split(table, '\n')) {
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!line.empty() && line.front() != '#') out.push_back(line);
    }
    return out;
}

void add_reading(NameTables& t, std::string_view spelling, std::string_view hangul) {
    std::vector<std::string>& set = t.readings[std::string(spelling)];
    if (std::find(set.begin(), set.end(), hangul) == set.end()) set.emplace_back(hangul);
}

// ㄹ is the sixth initial, ㄴ the third; an initial spans 588 syllables.
constexpr char32_t rieul_block = 588;
constexpr char32_t rieul_initial = 5;
constexpr char32_t rieul_to_nieun = 3 * rieul_block;

using Customary = std::unordered_map<std::string, std::vector<std::string>>;  // Hangul -> spellings

// The spellings of a Hangul string of one or two syllables: every combination of its
// syllables' derived and customary spellings.
std::vector<std::string> spellings_of(std::string_view hangul, const Customary& customary) {
    std::vector<std::string> out{""};
    for (std::size_t at = 0; at + hangul_bytes <= hangul.size(); at += hangul_bytes) {
        const std::string_view one = hangul.substr(at, hangul_bytes);
        std::vector<std::string> spellings = syllable_spellings(*hangul_syllable(one));
        if (auto it = customary.find(std::string(one)); it != customary.end()) {
            spellings.insert(spellings.end(), it->second.begin(), it->second.end());
        }
        std::vector<std::string> next;
        for (const std::string& head : out) {
            for (const std::string& tail : spellings) next.push_back(head + tail);
        }
        out = std::move(next);
    }
    return out;
}

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

const NameTables& name_tables() {
    static const NameTables instance = [] {
        NameTables t;
        Customary customary;
        for (std::string_view row : rows(names_customary_tsv)) {
            const std::vector<std::string_view> columns = split(row, '\t');
            if (columns.size() != 2 || !hangul_syllable(columns[0])) continue;
            for (std::string_view spelling : split(columns[1], ',')) customary[std::string(columns[0])].emplace_back(spelling);
        }
        // Given names are written in the syllables that read Chinese characters; any
        // syllable with a customary spelling counts too.
        std::vector<std::string> syllables;
        for (std::string_view row : rows(names_sino_korean_txt)) {
            for (std::string_view syllable : split(row, ' ')) syllables.emplace_back(syllable);
        }
        for (const auto& [syllable, spellings] : customary) syllables.push_back(syllable);
        for (const std::string& syllable : syllables) {
            const std::string south = initial_sound_form(syllable);
            for (const std::string& spelling : spellings_of(syllable, customary)) add_reading(t, spelling, south);
            // MR (BGN) writes a word-initial ㄹ as n: 룡 nyong, 량 nyang.
            if (const char32_t c = *hangul_syllable(syllable); (c - hangul_first) / rieul_block == rieul_initial) {
                for (const std::string& spelling : syllable_spellings(c - rieul_to_nieun)) add_reading(t, spelling, south);
            }
        }
        for (std::string_view row : rows(names_surnames_tsv)) {
            const std::vector<std::string_view> columns = split(row, '\t');
            if (columns.size() != 2 && !(columns.size() == 3 && columns[2] == "latin-only")) continue;
            const std::string usual(columns[1]);
            t.surname_spellings.insert(usual);
            for (std::string_view form : split(columns[0], ' ')) {
                if (!is_hangul_word(form) || form.size() > 2 * hangul_bytes) continue;
                const std::string south = initial_sound_form(form);
                t.hangul_surnames.emplace(south, t.hangul_surnames.size());
                if (columns.size() == 3) t.rare_hangul_surnames.insert(south);
                add_reading(t, usual, south);
                for (const std::string& spelling : spellings_of(form, customary)) {
                    // The pronoun I is never read as the surname 이.
                    if (spelling == "i") continue;
                    add_reading(t, spelling, south);
                    t.surname_spellings.insert(spelling);
                    if (columns.size() == 2) t.common_surname_spellings.insert(spelling);
                }
            }
        }
        for (std::string_view row : rows(names_not_names_txt)) t.not_given.emplace(row);
        return t;
    }();
    return instance;
}

std::vector<Segmentation> segment_name_word(std::string_view word) {
    const NameTables& t = name_tables();
    std::vector<Segmentation> out;
    if (t.readings.contains(std::string(word))) out.push_back({word});
    for (std::size_t cut = word.size() - 1; cut >= 1 && cut < word.size(); --cut) {
        const std::string_view head = word.substr(0, cut);
        const std::string_view tail = word.substr(cut);
        if (!t.readings.contains(std::string(head)) || !t.readings.contains(std::string(tail))) continue;
        // The customary h after a vowel ends a syllable before a consonant (Yuhjung), not
        // before a vowel, where it starts the next one: soohyun is soo+hyun.
        const bool starts_with_vowel = vowel(tail.front()) || tail.front() == 'y' || tail.front() == 'w';
        if (head.size() > 1 && head.back() == 'h' && vowel(head[head.size() - 2]) && starts_with_vowel) continue;
        // Vowels across the cut that make a Chinese final (Tao, Liu, Guo, Jie, Zhou, Kuan)
        // belong to no Korean name written joined, nor does the ie of Chinese Jiechi
        // (Korean has it only in the customary Jie, a word of its own).
        const std::string across = head.back() + std::string(tail.substr(0, 2));
        static constexpr std::string_view chinese[] = {"ao", "iu", "uo", "ie", "ou", "uan"};
        if (std::any_of(std::begin(chinese), std::end(chinese), [&](std::string_view f) { return across.starts_with(f); }) ||
            head.find("ie") != std::string_view::npos || tail.find("ie") != std::string_view::npos) {
            continue;
        }
        out.push_back({head, tail});
    }
    return out;
}

std::vector<std::string> combine_readings(const std::vector<const std::vector<std::string>*>& sets,
                                          std::size_t max_combinations) {
    std::vector<std::string> out{""};
    for (const std::vector<std::string>* set : sets) {
        if (out.size() * set->size() > max_combinations) return {};
        std::vector<std::string> next;
        for (const std::string& head : out) {
            for (const std::string& tail : *set) next.push_back(head + tail);
        }
        out = std::move(next);
    }
    return out;
}

const std::vector<std::string>& readings_of(std::string_view spelling) {
    return name_tables().readings.find(std::string(spelling))->second;
}

std::vector<std::string> token_readings(const std::vector<Segmentation>& segmentations) {
    std::vector<std::string> out;
    for (const Segmentation& segmentation : segmentations) {
        std::vector<const std::vector<std::string>*> sets;
        for (std::string_view spelling : segmentation) sets.push_back(&readings_of(spelling));
        for (std::string& reading : combine_readings(sets)) {
            if (std::find(out.begin(), out.end(), reading) == out.end()) out.push_back(std::move(reading));
        }
    }
    return out;
}

bool is_english_proper_word(std::string_view word) {
    // Views into the embedded list, of its words written as names are: a capital, then
    // lower case.
    static const std::unordered_set<std::string_view> words = [] {
        std::unordered_set<std::string_view> set;
        for (std::string_view line : split(english_proper_words, '\n')) {
            if (line.size() > 1 && line[0] >= 'A' && line[0] <= 'Z' &&
                std::all_of(line.begin() + 1, line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
                set.insert(line);
            }
        }
        return set;
    }();
    if (word.empty() || word[0] < 'a' || word[0] > 'z') return false;
    std::string capitalized(word);
    capitalized[0] = static_cast<char>(capitalized[0] - 'a' + 'A');
    return words.contains(capitalized);
}

const std::string& name_tables_fingerprint() {
    static const std::string fingerprint =
        name_layer_enabled() ? hex_digest({names_surnames_tsv, names_customary_tsv, names_sino_korean_txt,
                                           names_not_names_txt, english_proper_words})
                             : std::string("off");
    return fingerprint;
}

}  // namespace corpus::schema
