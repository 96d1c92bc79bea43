#include "schema/names.h"

#include "schema/english_words.h"
#include "schema/name_readings.h"
#include "schema/name_spellings.h"

#include <cstdlib>
#include <span>

namespace corpus::schema {
namespace {

// The length of a possessive 's (any apostrophe) ending `surface`, else 0.
std::size_t possessive_length(std::string_view surface) {
    for (std::string_view possessive : {"'s", "\xE2\x80\x99s", "\xCA\xBCs", "\xE2\x80\x98s"}) {
        if (surface.ends_with(possessive)) return possessive.size();
    }
    return 0;
}

class Recognizer {
public:
    Recognizer(std::string_view text, const std::vector<Token>& tokens, NameContext context)
        : text_(text), tokens_(tokens), query_(context == NameContext::query), t_(name_tables()), surname_(tokens.size()) {
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
            std::vector<Segmentation> segmentations = segment_name_word(tokens_[k].word);
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
    const NameTables& t_;
    std::vector<bool> surname_;  // capitalized (in documents) and in the surname table
};

}  // namespace

bool name_layer_enabled() {
    static const bool enabled = [] {
        const char* value = std::getenv("CORPUS_NAME_LAYER");
        return value == nullptr || std::string_view(value) != "off";
    }();
    return enabled;
}

std::vector<NameSpan> find_names(std::string_view text, const std::vector<Token>& tokens, NameContext context) {
    if (!name_layer_enabled()) return {};
    return Recognizer(text, tokens, context).run();
}

std::optional<NameSpan> whole_name(std::string_view name) {
    const std::vector<Token> tokens = tokenize(name);
    std::vector<NameSpan> spans = find_names(name, tokens, NameContext::query);
    if (spans.size() != 1 || spans[0].first != 0 || spans[0].last + 1 != tokens.size()) return std::nullopt;
    return std::move(spans[0]);
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

}  // namespace corpus::schema
