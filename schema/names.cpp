#include "schema/names.h"

#include "schema/english_words.h"
#include "schema/fields.h"
#include "schema/name_readings.h"
#include "schema/names_tables.h"

#include <xxhash.h>

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <cstdlib>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

namespace corpus::schema {
namespace {

struct Tables {
    // Latin spelling -> the Hangul syllables it can spell, in their South form
    // (initial_sound_form): every spelling of the Sino-Korean syllables, of the customary
    // table's and of the surnames', and each two-syllable surname whole.
    std::unordered_map<std::string, std::vector<std::string>> readings;
    std::unordered_set<std::string> surname_spellings;
    std::unordered_set<std::string> common_surname_spellings;  // of surnames not latin-only
    // In the South form -> rank by bearers (0 the most: surnames.tsv lists them so).
    std::unordered_map<std::string, std::size_t> hangul_surnames;
    std::unordered_set<std::string> rare_hangul_surnames;            // latin-only: read alone in Latin text
    std::unordered_set<std::string> not_given;
};

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

void add_reading(Tables& t, std::string_view spelling, std::string_view hangul) {
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

// A malformed row is a build defect, caught by the tests on the first lookup.
const Tables& tables() {
    static const Tables instance = [] {
        Tables t;
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

// The length of a possessive 's (any apostrophe) ending `surface`, else 0.
std::size_t possessive_length(std::string_view surface) {
    for (std::string_view possessive : {"'s", "\xE2\x80\x99s", "\xCA\xBCs", "\xE2\x80\x98s"}) {
        if (surface.ends_with(possessive)) return possessive.size();
    }
    return 0;
}

using Segmentation = std::vector<std::string_view>;

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }  // spellings, each in Tables::readings

// The ways a word reads as one or two known spellings: the whole word first, then the
// splits with the longest first part first (jongun: jong+un before jon+gun).
std::vector<Segmentation> segment(std::string_view word) {
    const Tables& t = tables();
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

// Every concatenation of one choice per set; empty when there would be more than
// `max_combinations`.
std::vector<std::string> combine(const std::vector<const std::vector<std::string>*>& sets,
                                 std::size_t max_combinations = 256) {
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
    return tables().readings.find(std::string(spelling))->second;
}

std::vector<std::string> token_readings(const std::vector<Segmentation>& segmentations) {
    std::vector<std::string> out;
    for (const Segmentation& segmentation : segmentations) {
        std::vector<const std::vector<std::string>*> sets;
        for (std::string_view spelling : segmentation) sets.push_back(&readings_of(spelling));
        for (std::string& reading : combine(sets)) {
            if (std::find(out.begin(), out.end(), reading) == out.end()) out.push_back(std::move(reading));
        }
    }
    return out;
}

// Whether English writes the word with a capital (english_words.h): Anna, Seoul.
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

class Recognizer {
public:
    Recognizer(std::string_view text, const std::vector<Token>& tokens, NameContext context)
        : text_(text), tokens_(tokens), query_(context == NameContext::query), t_(tables()), surname_(tokens.size()) {
        // One hash lookup per word that can hold a surname; every later test reads this.
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            surname_[i] = capital(i) && t_.surname_spellings.contains(tokens[i].word);
        }
    }

    std::vector<NameSpan> run() {
        std::vector<NameSpan> spans;
        for (std::size_t i = 0; i < tokens_.size();) {
            std::optional<NameSpan> found = at(i);
            if (!found) {
                ++i;
                continue;
            }
            i = found->last + 1;
            spans.push_back(std::move(*found));
        }
        return spans;
    }

private:
    bool capital(std::size_t i) const { return query_ || tokens_[i].capitalized; }
    bool surname(std::size_t i) const { return surname_[i]; }
    // A rare surname ends a name only after a hyphenated given name (Yong-ho Thae): the
    // Un of Kim Jong Un is no surname 은.
    bool surname_last(std::size_t i) const {
        return surname_[i] && (t_.common_surname_spellings.contains(tokens_[i].word) ||
                               (i > 0 && tokens_[i - 1].after_hyphen && !tokens_[i].after_hyphen));
    }

    // Two words of one name: only white space or a hyphen between them, and no
    // possessive on the first ("Kim’s Jong" is not a name).
    bool joined(std::size_t a, std::size_t b) const {
        const std::string_view surface = text_.substr(tokens_[a].start, tokens_[a].end - tokens_[a].start);
        if (possessive_length(surface) > 0) return false;
        if (tokens_[b].after_hyphen) return true;
        for (std::size_t k = tokens_[a].end; k < tokens_[b].start; ++k) {
            const char c = text_[k];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
        }
        return true;
    }

    // The given-name words from `from` to `to` (inclusive), cut into syllables; nothing
    // when they do not all parse or hold too many syllables.
    std::optional<std::vector<std::vector<Segmentation>>> given(std::size_t from, std::size_t to) const {
        constexpr std::size_t max_given_syllables = 3;
        std::vector<std::vector<Segmentation>> out;
        std::size_t syllables = 0;
        for (std::size_t k = from; k <= to; ++k) {
            if (k > from && !joined(k - 1, k)) return std::nullopt;
            if (k == from ? !capital(k) || tokens_[k].after_hyphen : !capital(k) && !tokens_[k].after_hyphen) {
                return std::nullopt;
            }
            std::vector<Segmentation> segmentations = segment(tokens_[k].word);
            if (segmentations.empty()) return std::nullopt;
            syllables += segmentations.front().size();
            out.push_back(std::move(segmentations));
        }
        if (syllables > max_given_syllables) return std::nullopt;
        // "Ban On", "Hong Kong": an English word alone is not a given name.
        if (from == to && syllables == 1 && t_.not_given.contains(tokens_[from].word)) return std::nullopt;
        return out;
    }

    // Korean order from i: the longest given name (two words, else one).
    std::optional<NameSpan> korean(std::size_t i) const {
        if (!capital(i) || tokens_[i].after_hyphen || !surname(i)) return std::nullopt;
        for (std::size_t words = 2; words >= 1; --words) {
            const std::size_t last = i + words;
            if (last >= tokens_.size() || !joined(i, i + 1)) continue;
            // A hyphenated given name is read whole or not at all: "Choi Kyu-hah" is never
            // "Choi Kyu", nor "Cho Hyun-ah" the other person "Cho Hyun".
            if (words == 1 && last + 1 < tokens_.size() && tokens_[last + 1].after_hyphen) return std::nullopt;
            if (auto g = given(i + 1, last)) return make(i, last, std::move(*g), false);
        }
        return std::nullopt;
    }

    // Western order from i: two given-name words, then the surname ("Suk-yeol Yoon",
    // "Jae In Moon"), or one word of two syllables joined ("Syngman Rhee", "Sumi Jo").
    // One syllable before a surname is not enough: it reads as Korean order ("Jung Pak")
    // or is Chinese ("Wang Yi"); and a joined word that English writes with a capital is
    // a Western given name or a place that happens to parse ("Anna Lee": an+na, "Seoul").
    std::optional<NameSpan> western(std::size_t i) const {
        if (auto two = western_ending(i, i + 2)) return two;
        std::optional<NameSpan> one = western_ending(i, i + 1);
        if (!one || one->units.size() != 3 || is_english_proper_word(tokens_[i].word)) return std::nullopt;
        return one;
    }

    // Nor is a surname last one that starts a longer name of its own ("Busan Park
    // Jin-young") or a hyphenated given name ("Kim Jin-young").
    std::optional<NameSpan> western_ending(std::size_t i, std::size_t last) const {
        if (!capital(i) || last >= tokens_.size() || !capital(last) || tokens_[last].after_hyphen || !surname_last(last) ||
            !joined(last - 1, last) || (last + 1 < tokens_.size() && tokens_[last + 1].after_hyphen)) {
            return std::nullopt;
        }
        if (std::optional<NameSpan> next = korean(last); next && next->last > last) return std::nullopt;
        auto g = given(i, last - 1);
        if (!g) return std::nullopt;
        return make(i, last, std::move(*g), true);
    }

    // Hangul on either side: the word stands in Korean text, not alone in Latin text.
    bool among_hangul(std::size_t i) const {
        return (i > 0 && is_hangul_word(tokens_[i - 1].word)) ||
               (i + 1 < tokens_.size() && is_hangul_word(tokens_[i + 1].word));
    }

    // A Hangul word of three or four syllables starting with a surname, or of two
    // (박진, 조국) standing alone among Latin words, as names in English text do; one
    // starting with a rare surname, more often a common word (위원장), only alone too.
    // Read in the South's form, so that the North's 리설주 is 이설주.
    std::optional<NameSpan> hangul(std::size_t i) const {
        constexpr std::size_t min_syllables = 2;
        constexpr std::size_t max_syllables = 4;
        const std::string word = initial_sound_form(tokens_[i].word);
        const std::size_t count = word.size() / hangul_bytes;
        if (count < min_syllables || count > max_syllables || (count == min_syllables && among_hangul(i))) {
            return std::nullopt;
        }
        std::size_t surname_bytes = 0;
        for (std::size_t n : {2, 1}) {
            if (surname_bytes == 0 && n < count && t_.hangul_surnames.contains(word.substr(0, n * hangul_bytes))) {
                surname_bytes = n * hangul_bytes;
            }
        }
        if (surname_bytes == 0 || (t_.rare_hangul_surnames.contains(word.substr(0, surname_bytes)) && among_hangul(i))) {
            return std::nullopt;
        }
        NameSpan span{i, i, {std::vector<std::string>{word}}, {}, {}, 1, true, false, false};
        span.units.push_back({word.substr(0, surname_bytes), {word.substr(0, surname_bytes)}});
        for (std::size_t k = surname_bytes; k < word.size(); k += hangul_bytes) {
            span.units.push_back({word.substr(k, hangul_bytes), {word.substr(k, hangul_bytes)}});
        }
        span.cuttings = {span.units};
        return span;
    }

    // Both orders parse "Jung Pak" and "Jang Ho Jin": the longer span wins, and on a tie
    // Korean order, unless a hyphen marks the given name first ("Suk-yeol Yoon").
    std::optional<NameSpan> romanized(std::size_t i) const {
        std::optional<NameSpan> k = korean(i);
        std::optional<NameSpan> w = western(i);
        if (!w) return k;
        if (!k || w->last > k->last) return w;
        if (w->last == k->last && tokens_[i + 1].after_hyphen && !tokens_[i + 2].after_hyphen) return w;
        return k;
    }

    // A common English word (not_names.txt) is capitalized at the start of every sentence
    // and in headlines, so its capital is no evidence of a name. It starts one only as a
    // surname before a given name of two syllables ("An Cheol-su", not "So I", "So Kim")
    // or as a hyphenated given name ("In-ho Lee", not "In Kim Jong"), and never when that
    // cuts short a name starting right after it ("So Kim Yo Jong said").
    bool credible_after_english_word(const NameSpan& span) const {
        const bool full_given = span.western ? tokens_[span.first + 1].after_hyphen
                                             : span.units.size() - span.surname_units >= 2;
        // ... or before a one-syllable given name English has no use for ("Go Geon", not
        // "So Kim", "Do Min", "Go Home").
        if (!full_given && (span.western || span.last != span.first + 1 || !korean_only(tokens_[span.last].word))) {
            return false;
        }
        // "So Seoul", "Go Home": a place or an English word is no given name.
        if (!span.western && span.last == span.first + 1 &&
            (is_english_proper_word(tokens_[span.last].word) || is_english_word(tokens_[span.last].word))) {
            return false;
        }
        const std::optional<NameSpan> next = romanized(span.first + 1);
        return !next || next->last <= span.last;
    }

    // A word ending in nh goes on a Vietnamese name: "Ho Chi" of "Ho Chi Minh" is none.
    bool foreign_name_follows(const NameSpan& span) const {
        const std::size_t next = span.last + 1;
        return next < tokens_.size() && capital(next) && joined(span.last, next) && tokens_[next].word.ends_with("nh");
    }

    // A word that is a given-name syllable and nothing else: no common surname, no English
    // word.
    bool korean_only(const std::string& word) const {
        return !t_.common_surname_spellings.contains(word) && !t_.not_given.contains(word) && !is_english_word(word) &&
               !is_english_proper_word(word);
    }

    std::optional<NameSpan> at(std::size_t i) const {
        if (is_hangul_word(tokens_[i].word)) return hangul(i);
        std::optional<NameSpan> span = romanized(i);
        if (span && t_.not_given.contains(tokens_[i].word) && !credible_after_english_word(*span)) return std::nullopt;
        if (span && foreign_name_follows(*span)) return std::nullopt;
        return span;
    }

    NameSpan make(std::size_t first, std::size_t last, std::vector<std::vector<Segmentation>> given_cuts,
                  bool western_order) const {
        NameSpan span{first, last, {}, {}, {}, 1, surname(first), surname_last(last) && !tokens_[last].after_hyphen,
                      western_order};
        // The surname is read whole: "Choi" is 최, not cho+i.
        std::vector<Segmentation> surname_cut{{tokens_[western_order ? last : first].word}};
        // Token order: Korean puts the surname first, Western last.
        std::vector<std::vector<Segmentation>> cuts;
        if (!western_order) cuts.push_back(std::move(surname_cut));
        for (auto& g : given_cuts) cuts.push_back(std::move(g));
        if (western_order) cuts.push_back(std::move(surname_cut));
        // Every way of cutting the joined words into syllables (boo+kyum and book+yum):
        // a query's reordered layouts must hold the one the article's words have.
        constexpr std::size_t max_cuttings = 8;
        std::vector<std::vector<NameUnit>> cuttings{{}};
        for (const std::vector<Segmentation>& cut : cuts) {
            span.token_readings.push_back(token_readings(cut));
            // A word that is one syllable is cut no further (Yeol is not ye+ol).
            const std::size_t ways = cut.front().size() == 1 ? 1 : cut.size();
            std::vector<std::vector<NameUnit>> longer;
            for (const std::vector<NameUnit>& head : cuttings) {
                for (const Segmentation& segmentation : std::span(cut).first(ways)) {
                    if (longer.size() == max_cuttings) break;
                    std::vector<NameUnit> units = head;
                    for (std::string_view spelling : segmentation) {
                        units.push_back({std::string(spelling), readings_of(spelling)});
                    }
                    longer.push_back(std::move(units));
                }
            }
            cuttings = std::move(longer);
        }
        span.units = cuttings.front();
        span.cuttings = std::move(cuttings);
        return span;
    }

    std::string_view text_;
    const std::vector<Token>& tokens_;
    bool query_;
    const Tables& t_;
    std::vector<bool> surname_;  // capitalized (in documents) and in the surname table
};

std::vector<std::string> prefixed(const std::vector<std::string>& hangul) {
    std::vector<std::string> out;
    out.reserve(hangul.size());
    for (const std::string& h : hangul) out.push_back(name_term(h));
    return out;
}

// The slot of a run of units written as one word: every concatenation of their readings.
std::optional<std::vector<std::string>> joined_slot(const std::vector<const NameUnit*>& units) {
    std::vector<const std::vector<std::string>*> sets;
    for (const NameUnit* unit : units) sets.push_back(&unit->hangul);
    std::vector<std::string> readings = combine(sets);
    if (readings.empty()) return std::nullopt;
    return prefixed(readings);
}

// The layouts of one reading of the name: surname `s`, given-name syllables `g`.
void add_layouts(const NameUnit& s, const std::vector<const NameUnit*>& g, std::set<NameForm>& forms) {
    const std::vector<std::string> surname_slot = prefixed(s.hangul);
    NameForm split;
    for (const NameUnit* unit : g) split.push_back(prefixed(unit->hangul));
    const std::optional<std::vector<std::string>> given_joined = g.size() > 1 ? joined_slot(g) : std::nullopt;

    NameForm korean{surname_slot};
    korean.insert(korean.end(), split.begin(), split.end());
    forms.insert(korean);
    NameForm western = split;
    western.push_back(surname_slot);
    forms.insert(western);
    if (given_joined) {
        forms.insert(NameForm{surname_slot, *given_joined});
        forms.insert(NameForm{*given_joined, surname_slot});
    }
    std::vector<const NameUnit*> all{&s};
    all.insert(all.end(), g.begin(), g.end());
    if (auto whole = joined_slot(all)) forms.insert(NameForm{*whole});
}

Xapian::Query slot_query(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

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

std::uint64_t fnv1a(std::string_view data, std::uint64_t hash) {
    for (unsigned char c : data) hash = (hash ^ c) * 0x100000001b3ULL;
    return hash;
}

}  // namespace

bool name_layer_enabled() {
    static const bool enabled = [] {
        const char* value = std::getenv("CORPUS_NAME_LAYER");
        return value == nullptr || std::string_view(value) != "off";
    }();
    return enabled;
}

const std::string& name_tables_fingerprint() {
    static const std::string fingerprint = [] {
        if (!name_layer_enabled()) return std::string("off");
        std::uint64_t hash = 0xcbf29ce484222325ULL;
        for (std::string_view table : {names_surnames_tsv, names_customary_tsv, names_sino_korean_txt, names_not_names_txt,
                                        english_proper_words}) {
            hash = fnv1a(table, hash);
            hash = fnv1a("\x1f", hash);
        }
        static constexpr char digits[] = "0123456789abcdef";
        std::string hex(16, '0');
        for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 0xF];
        return hex;
    }();
    return fingerprint;
}

std::vector<NameSpan> find_names(std::string_view text, const std::vector<Token>& tokens, NameContext context) {
    if (!name_layer_enabled()) return {};
    return Recognizer(text, tokens, context).run();
}

std::string name_term(std::string_view hangul) {
    std::string term(name_term_prefix);
    term += hangul;
    return term;
}

const std::string& name_start_term() {
    static const std::string term = name_term("<");
    return term;
}

const std::string& name_end_term() {
    static const std::string term = name_term(">");
    return term;
}

std::vector<std::vector<std::string>> name_token_terms(const NameSpan& span) {
    std::vector<std::vector<std::string>> out;
    for (const std::vector<std::string>& readings : span.token_readings) out.push_back(prefixed(readings));
    return out;
}

std::vector<NameForm> name_forms(const NameSpan& span) {
    std::set<NameForm> forms;
    NameForm as_written = name_token_terms(span);
    for (auto& slot : as_written) std::sort(slot.begin(), slot.end());
    forms.insert(std::move(as_written));
    for (const std::vector<NameUnit>& cutting : span.cuttings) {
        std::vector<const NameUnit*> units;
        for (const NameUnit& unit : cutting) units.push_back(&unit);
        if (span.surname_first && units.size() > 1) {
            add_layouts(*units.front(), std::vector<const NameUnit*>(units.begin() + 1, units.end()), forms);
        }
        if (span.surname_last && units.size() > 1) {
            add_layouts(*units.back(), std::vector<const NameUnit*>(units.begin(), units.end() - 1), forms);
        }
    }
    return {forms.begin(), forms.end()};
}

Xapian::Query name_query(const NameSpan& span) {
    std::vector<Xapian::Query> phrases;
    for (const NameForm& form : name_forms(span)) {
        std::vector<Xapian::Query> slots{Xapian::Query(name_start_term())};
        for (const std::vector<std::string>& slot : form) slots.push_back(slot_query(slot));
        slots.emplace_back(name_end_term());
        phrases.emplace_back(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                             static_cast<Xapian::termcount>(slots.size()));
    }
    return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

namespace {

// Readings of a whole name: syllable candidates multiply, up to 4 x 4 x 4 for a
// three-syllable given name with the widest spellings, times the surname's few.
constexpr std::size_t max_name_readings = 1024;

}  // namespace

std::vector<std::string> name_readings(const NameSpan& span) {
    std::vector<const std::vector<std::string>*> sets;
    for (const std::vector<std::string>& readings : span.token_readings) sets.push_back(&readings);
    std::vector<std::string> readings = combine(sets, max_name_readings);
    std::sort(readings.begin(), readings.end());
    readings.erase(std::unique(readings.begin(), readings.end()), readings.end());
    return readings;
}

std::optional<std::vector<std::string>> name_query_readings(const NameSpan& span) {
    std::set<std::string> readings;
    auto add = [&](const std::vector<const std::vector<std::string>*>& sets) {
        const std::vector<std::string> found = combine(sets, max_name_readings);
        readings.insert(found.begin(), found.end());
        return !found.empty();
    };
    std::vector<const std::vector<std::string>*> as_typed;
    for (const std::vector<std::string>& token : span.token_readings) as_typed.push_back(&token);
    bool complete = add(as_typed);
    // Surname first and surname last, for each end the surname may stand at.
    auto add_orders = [&](const std::vector<NameUnit>& units, std::size_t surname_at) {
        std::vector<const std::vector<std::string>*> given;
        for (std::size_t k = 0; k < units.size(); ++k) {
            if (k != surname_at) given.push_back(&units[k].hangul);
        }
        std::vector<const std::vector<std::string>*> korean{&units[surname_at].hangul};
        korean.insert(korean.end(), given.begin(), given.end());
        std::vector<const std::vector<std::string>*> western = given;
        western.push_back(&units[surname_at].hangul);
        complete = add(korean) && complete;
        complete = add(western) && complete;
    };
    for (const std::vector<NameUnit>& units : span.cuttings) {
        if (span.surname_first && units.size() > 1) add_orders(units, 0);
        if (span.surname_last && units.size() > 1) add_orders(units, units.size() - 1);
    }
    if (!complete) return std::nullopt;
    return std::vector<std::string>(readings.begin(), readings.end());
}

std::string name_set_term(const std::vector<std::string>& readings) {
    std::string joined;
    for (const std::string& reading : readings) {
        joined += reading;
        joined += '\n';
    }
    char digits[17];
    std::snprintf(digits, sizeof digits, "%016" PRIx64, static_cast<std::uint64_t>(XXH64(joined.data(), joined.size(), 0)));
    return std::string(name_set_prefix) + digits;
}

std::string name_reading_term(std::string_view reading, std::string_view set_term) {
    std::string term(name_reading_prefix);
    term += reading;
    term += '\t';
    term += set_term.substr(name_set_prefix.size());
    return term;
}

Xapian::Query name_set_query(const Xapian::Database& db, const std::vector<std::string>& readings) {
    std::set<std::string> sets;
    for (const std::string& reading : readings) {
        const std::string prefix = std::string(name_reading_prefix) + reading + '\t';
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            sets.insert(std::string(name_set_prefix) + (*it).substr(prefix.size()));
        }
    }
    if (sets.empty()) return Xapian::Query::MatchNothing;
    std::vector<Xapian::Query> terms(sets.begin(), sets.end());
    // One name, however many spellings: weighted as one term.
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

bool form_matches(const NameForm& form, const NameSpan& document_span) {
    const std::vector<std::vector<std::string>> terms = name_token_terms(document_span);
    if (form.size() != terms.size()) return false;
    for (std::size_t k = 0; k < form.size(); ++k) {
        const bool meets = std::any_of(form[k].begin(), form[k].end(), [&](const std::string& term) {
            return std::find(terms[k].begin(), terms[k].end(), term) != terms[k].end();
        });
        if (!meets) return false;
    }
    return true;
}

namespace {

// The rank of the commonest surname a unit can spell; none when it spells none.
std::size_t surname_rank(const NameUnit& unit) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (const std::string& hangul : unit.hangul) {
        if (auto it = tables().hangul_surnames.find(hangul); it != tables().hangul_surnames.end()) {
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

namespace {

// The one name the whole of `name` is, read as a query reads it.
std::optional<NameSpan> whole_name(std::string_view name) {
    const std::vector<Token> tokens = tokenize(name);
    std::vector<NameSpan> spans = find_names(name, tokens, NameContext::query);
    if (spans.size() != 1 || spans[0].first != 0 || spans[0].last + 1 != tokens.size()) return std::nullopt;
    return std::move(spans[0]);
}

}  // namespace

std::optional<std::string> person_key(std::string_view name) {
    const std::optional<NameSpan> span = whole_name(name);
    if (!span) return std::nullopt;
    return person_key(*span);
}

std::optional<Xapian::Query> person_filter(const Xapian::Database& db, std::string_view name) {
    const std::optional<NameSpan> span = whole_name(name);
    if (!span) return std::nullopt;
    if (const std::optional<std::vector<std::string>> readings = name_query_readings(*span)) {
        return name_set_query(db, *readings);
    }
    return name_query(*span);
}

std::vector<NameSpan> index_names(Xapian::Document& doc, std::string_view text, const std::vector<Token>& tokens,
                                  Xapian::termpos first_position, Xapian::termcount wdf, std::string_view prefix) {
    const std::string p(prefix);
    std::vector<NameSpan> spans = find_names(text, tokens, NameContext::document);
    for (const NameSpan& span : spans) {
        const Xapian::termpos at = first_position + static_cast<Xapian::termpos>(span.first);
        const std::vector<std::vector<std::string>> terms = name_token_terms(span);
        doc.add_posting(p + name_start_term(), at - 1, wdf);
        for (std::size_t k = 0; k < terms.size(); ++k) {
            for (const std::string& term : terms[k]) doc.add_posting(p + term, at + static_cast<Xapian::termpos>(k), wdf);
        }
        doc.add_posting(p + name_end_term(), at + static_cast<Xapian::termpos>(terms.size()), wdf);
        if (const std::vector<std::string> readings = name_readings(span); !readings.empty()) {
            const std::string set = name_set_term(readings);
            doc.add_term(p + set, wdf);
            // The article stream's readings lead a query to the set terms of both.
            if (p.empty()) {
                for (const std::string& reading : readings) doc.add_boolean_term(name_reading_term(reading, set));
            }
        }
        if (!p.empty()) continue;
        doc.add_boolean_term(person_spelling_term(person_key(span), name_surface(text, tokens, span)));
    }
    return spans;
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

std::string name_surface(std::string_view text, const std::vector<Token>& tokens, const NameSpan& span) {
    std::string_view raw = text.substr(tokens[span.first].start, tokens[span.last].end - tokens[span.first].start);
    raw.remove_suffix(possessive_length(raw));
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool same_person(std::string_view a, std::string_view b, NameMatch how) {
    const std::vector<Token> a_tokens = tokenize(a);
    const std::vector<Token> b_tokens = tokenize(b);
    const std::vector<NameSpan> a_spans = find_names(a, a_tokens, NameContext::query);
    const std::vector<NameSpan> b_spans = find_names(b, b_tokens, NameContext::document);
    if (a_spans.size() != 1 || b_spans.size() != 1) return false;
    if (a_spans[0].first != 0 || a_spans[0].last + 1 != a_tokens.size()) return false;
    if (b_spans[0].first != 0 || b_spans[0].last + 1 != b_tokens.size()) return false;
    if (how == NameMatch::alone) {
        if (const std::optional<std::vector<std::string>> asked = name_query_readings(a_spans[0])) {
            const std::vector<std::string> article = name_readings(b_spans[0]);
            return std::any_of(asked->begin(), asked->end(), [&](const std::string& reading) {
                return std::binary_search(article.begin(), article.end(), reading);
            });
        }
    }
    const std::vector<NameForm> forms = name_forms(a_spans[0]);
    return std::any_of(forms.begin(), forms.end(),
                       [&](const NameForm& form) { return form_matches(form, b_spans[0]); });
}

std::string describe_names(std::string_view query) {
    const std::vector<Token> tokens = tokenize(query);
    std::string out;
    for (const NameSpan& span : find_names(query, tokens, NameContext::query)) {
        out += "name \"" + name_surface(query, tokens, span) + "\": person key \"" + person_key(span) + "\"; ";
        for (std::size_t k = 0; k < span.units.size(); ++k) {
            out += k > 0 ? " " : "";
            out += span.units[k].spelling + "=";
            for (std::size_t h = 0; h < span.units[k].hangul.size(); ++h) {
                out += (h > 0 ? "|" : "") + span.units[k].hangul[h];
            }
        }
        out += "; surname " + std::string(span.surname_first && span.surname_last ? "first or last"
                                          : span.surname_last                     ? "last"
                                                                                  : "first");
        out += "; " + std::to_string(name_forms(span).size()) + " layouts searched\n";
    }
    return out;
}

}  // namespace corpus::schema
