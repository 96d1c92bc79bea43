#include "schema/analysis.h"

#include "schema/english_words.h"
#include "schema/names.h"
#include "schema/spelling_variants.h"
#include "schema/story.h"
#include "schema/word_break.h"
#include "schema/word_segments.h"

#include <unicode/ubrk.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace corpus::schema {
namespace {

// Longer "words" are base64, URLs or garbage; Xapian also caps term length.
constexpr std::size_t max_word_bytes = 64;

struct Normalizers {
    const icu::Normalizer2* nfkc_casefold;
    const icu::Normalizer2* nfd;
    const icu::Normalizer2* nfc;
};

const Normalizers& normalizers() {
    static const Normalizers instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        Normalizers n{icu::Normalizer2::getNFKCCasefoldInstance(status),
                      icu::Normalizer2::getNFDInstance(status),
                      icu::Normalizer2::getNFCInstance(status)};
        if (U_FAILURE(status)) {
            throw std::runtime_error(std::string("ICU normalizer: ") + u_errorName(status));
        }
        return n;
    }();
    return instance;
}

bool is_apostrophe(UChar32 c) {
    return c == u'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0xFF07;
}

bool is_hyphen(UChar32 c) {
    return c == u'-' || (c >= 0x2010 && c <= 0x2013) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

// Stage 2 for the non-ASCII case: NFKC + case fold, then strip combining marks.
std::string normalize_unicode(std::string_view surface) {
    const Normalizers& n = normalizers();
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = n.nfkc_casefold->normalize(
        icu::UnicodeString::fromUTF8(icu::StringPiece(surface.data(), static_cast<int32_t>(surface.size()))),
        status);
    icu::UnicodeString decomposed = n.nfd->normalize(folded, status);
    icu::UnicodeString stripped;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK) continue;
        stripped.append(is_apostrophe(c) ? UChar32{'\''} : c);
    }
    icu::UnicodeString composed = n.nfc->normalize(stripped, status);
    if (U_FAILURE(status)) return std::string(surface);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

bool is_capital(char c) {
    return c >= 'A' && c <= 'Z';
}

// What one pass over a word's bytes tells the steps after it, so that each runs only on
// the words it can change: most words are plain ASCII letters and hold none of these.
enum ByteClass : unsigned {
    capital_byte = 1,     // A-Z, to lower-case
    non_ascii_byte = 2,   // the word is normalized by ICU
    apostrophe_byte = 4,  // a possessive or apostrophes to drop
    comma_byte = 8,       // digit group separators to drop
    separator_byte = 16,  // '.' or '@': the word may hold words (word_break.h)
};

constexpr std::array<unsigned char, 256> byte_classes = [] {
    std::array<unsigned char, 256> classes{};
    for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = capital_byte;
    for (std::size_t c = 0x80; c < classes.size(); ++c) classes[c] = non_ascii_byte;
    classes['\''] = apostrophe_byte;
    classes[','] = comma_byte;
    classes['.'] = separator_byte;
    classes['@'] = separator_byte;
    return classes;
}();

unsigned classes_of(std::string_view surface) {
    unsigned classes = 0;
    for (unsigned char c : surface) classes |= byte_classes[c];
    return classes;
}

// Stage 2 into `word`; `classes` are the surface's (classes_of).
void normalize_word(std::string_view surface, bool numeric, unsigned classes, std::string& word) {
    if (classes & non_ascii_byte) {
        word = normalize_unicode(surface);
        // Other apostrophes and commas may have become ASCII ones.
        classes |= apostrophe_byte | comma_byte;
    } else {
        word.assign(surface);
        if (classes & capital_byte) {
            for (char& c : word) c = is_capital(c) ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (classes & apostrophe_byte) {
        // A possessive adds nothing to the word: Yoon's and Yoon’s mean Yoon.
        if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
        std::erase(word, '\'');
    }
    if (numeric) {
        if (classes & comma_byte) std::erase(word, ',');
    } else if (std::string_view american = american_spelling(word); !american.empty()) {
        // After the possessive and apostrophes go, so Colour's and colour’s are color.
        word.assign(american);
    }
}

bool starts_upper(std::string_view surface) {
    // No ASCII letter is title case, and only A-Z are upper case.
    if (!surface.empty() && static_cast<unsigned char>(surface[0]) < 0x80) return is_capital(surface[0]);
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(surface.data(), i, static_cast<int32_t>(surface.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool hyphen_before(std::string_view text, std::size_t start) {
    if (start == 0) return false;
    int32_t i = static_cast<int32_t>(start);
    UChar32 c;
    U8_PREV(text.data(), 0, i, c);
    return is_hyphen(c);
}

// The surface without a possessive 's ('S in capitals), whatever the apostrophe.
std::string_view without_possessive(std::string_view surface) {
    if (surface.size() < 3 || (surface.back() != 's' && surface.back() != 'S')) return surface;
    for (std::string_view apostrophe : {"'", "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xEF\xBC\x87"}) {
        const std::string_view rest = surface.substr(0, surface.size() - 1);
        if (rest.size() > apostrophe.size() && rest.ends_with(apostrophe)) {
            return rest.substr(0, rest.size() - apostrophe.size());
        }
    }
    return surface;
}

enum class AcronymForm { none, capitals, dotted };

// The form alone (analysis.h, Acronym); whether the text shouts is judged after. The
// first test turns away most words.
AcronymForm acronym_form(std::string_view surface) {
    if (surface.empty() || !is_capital(surface[0])) return AcronymForm::none;
    surface = without_possessive(surface);
    // ICU keeps the inner dots of "U.N." and leaves out the last.
    const bool dotted = surface.size() > 1 && surface[1] == '.';
    std::size_t letters = 0;
    for (std::size_t i = 0; i < surface.size(); ++i) {
        const bool dot_place = dotted && i % 2 == 1;
        if (dot_place ? surface[i] != '.' : !is_capital(surface[i])) return AcronymForm::none;
        letters += dot_place ? 0 : 1;
    }
    constexpr std::size_t min_letters = 2;
    constexpr std::size_t max_letters = 6;
    if (letters < min_letters || letters > max_letters || (dotted && surface.back() == '.')) return AcronymForm::none;
    return dotted ? AcronymForm::dotted : AcronymForm::capitals;
}

// Whether the tokenized text shouts (analysis.h, Acronym).
bool shouts(std::string_view text, const std::vector<Token>& tokens) {
    std::size_t in_capitals = 0;
    std::size_t english_in_capitals = 0;
    std::size_t with_lower_case = 0;
    for (const Token& token : tokens) {
        const std::string_view surface = without_possessive(text.substr(token.start, token.end - token.start));
        std::size_t capitals = 0;
        bool lower_case = false;
        for (char c : surface) {
            capitals += is_capital(c) ? 1 : 0;
            lower_case = lower_case || (c >= 'a' && c <= 'z');
        }
        if (lower_case) {
            ++with_lower_case;
        } else if (capitals >= 2) {
            ++in_capitals;
            english_in_capitals += is_english_word(token.word) ? 1 : 0;
        }
    }
    return in_capitals >= 2 && english_in_capitals > with_lower_case;
}

// Where the chrome's prefix stands in a chrome term: after the marker, if any, before it.
std::size_t chrome_prefix_at(std::string_view chrome_term) {
    for (std::string_view marker : {stem_marker, acronym_marker, block_end_prefix}) {
        if (chrome_term.starts_with(marker) && chrome_term.substr(marker.size()).starts_with(chrome_text.prefix)) {
            return marker.size();
        }
    }
    return 0;
}

}  // namespace

bool is_english_word(std::string_view word) {
    // Views into the embedded lists. Words with an apostrophe or a letter beyond a-z are
    // left out: normalized words never match them as written.
    static const std::unordered_set<std::string_view> words = [] {
        std::unordered_set<std::string_view> set;
        for (std::string_view list : {english_words_10, english_words_20}) {
            for (std::size_t start = 0; start < list.size();) {
                std::size_t end = list.find('\n', start);
                if (end == std::string_view::npos) end = list.size();
                const std::string_view line = list.substr(start, end - start);
                const bool plain = std::all_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                if (plain && !line.empty()) set.insert(line);
                start = end + 1;
            }
        }
        return set;
    }();
    return words.contains(word);
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    // English runs about six bytes a word with the space after it: room for a block's
    // tokens at once, for a token moved is a string copied. A huge block grows as usual.
    constexpr std::size_t most_reserved = 16384;
    tokens.reserve(std::min(text.size() / 5 + 1, most_reserved));
    std::vector<WordSegment> segments;
    word_segments(text, segments);
    std::size_t previous_end = std::string_view::npos;
    bool undotted_capitals = false;  // a token whose form may be a shouted word
    // `dotted`: a word of letters with a full stop or an '@', which may hold words.
    auto add = [&](std::size_t from, std::size_t to, bool numeric, unsigned classes, bool dotted) {
        const std::string_view surface = text.substr(from, to - from);
        // Made in place: a token moved is a string copied.
        Token& token = tokens.emplace_back();
        normalize_word(surface, numeric, classes, token.word);
        if (token.word.empty() || token.word.size() > max_word_bytes) {
            tokens.pop_back();
            return;
        }
        token.start = from;
        token.end = to;
        token.capitalized = starts_upper(surface);
        token.after_hyphen = previous_end + 1 == from && hyphen_before(text, from);
        const AcronymForm form = acronym_form(surface);
        undotted_capitals = undotted_capitals || form == AcronymForm::capitals;
        token.acronym = form == AcronymForm::none ? Acronym::no : Acronym::yes;
        if (dotted) token.parts = word_parts(token.word);
        previous_end = to;
    };
    for (const WordSegment& segment : segments) {
        const std::int32_t rule = segment.status;
        std::size_t from = segment.start;
        const std::size_t to = segment.end;
        const bool numeric = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT;
        unsigned classes = classes_of(text.substr(from, to - from));
        // A word of letters with a full stop or an '@' may hold several words.
        const bool dotted =
            (classes & separator_byte) != 0 && rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_LETTER_LIMIT;
        if (dotted) {
            const std::size_t word_start = from;
            for (const std::size_t stop : sentence_ends(text.substr(from, to - from))) {
                const std::size_t stop_at = word_start + stop;
                add(from, stop_at, false, classes_of(text.substr(from, stop_at - from)), true);
                from = stop_at + 1;
            }
            classes = classes_of(text.substr(from, to - from));
        }
        add(from, to, numeric, classes, dotted);
    }
    if (undotted_capitals && shouts(text, tokens)) {
        for (Token& token : tokens) {
            if (token.acronym == Acronym::no || token.word.find('.') != std::string::npos) continue;
            token.acronym = is_english_word(token.word) ? Acronym::no : Acronym::shouted;
        }
    }
    return tokens;
}

namespace {

struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

// The stem of a normalized word, from a cache: stemming is the costliest per-word step
// after breaking, and words repeat a lot. Valid until the next call.
const std::string& cached_stem(std::string_view word) {
    thread_local Xapian::Stem stemmer{std::string(stem_language)};
    thread_local std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> cache;
    constexpr std::size_t cache_limit = 200'000;
    if (auto found = cache.find(word); found != cache.end()) return found->second;
    if (cache.size() >= cache_limit) cache.clear();
    std::string key(word);
    std::string stemmed = stemmer(key);
    return cache.emplace(std::move(key), std::move(stemmed)).first->second;
}

// The chrome-only marker of a stem (fields.h, chrome_only_marker): "XKZkim" for "kim".
std::string chrome_only_stem_term(std::string_view stemmed) {
    std::string term(chrome_only_marker);
    term += stem_marker;
    term += stemmed;
    return term;
}

}  // namespace

std::string stem(std::string_view word) {
    return cached_stem(word);
}

std::string exact_term(const Field& field, std::string_view word) {
    std::string term(field.prefix);
    term += word;
    return term;
}

std::string stem_term(const Field& field, std::string_view word) {
    std::string term(stem_marker);
    term += field.prefix;
    term += cached_stem(word);
    return term;
}

std::string acronym_term(const Field& field, std::string_view word) {
    std::string term(acronym_marker);
    term += field.prefix;
    for (char c : word) {
        if (c != '.') term += c;
    }
    return term;
}

std::string block_end_term(const Field& field) {
    std::string term(block_end_prefix);
    term += field.prefix;
    return term;
}

bool is_term_of(const Field& field, std::string_view term) {
    for (std::string_view marker : {std::string_view(), stem_marker, acronym_marker, block_end_prefix}) {
        if (term.starts_with(marker) && term.substr(marker.size()).starts_with(field.prefix)) return true;
    }
    return false;
}

std::string article_counterpart(std::string_view chrome_term) {
    const std::size_t at = chrome_prefix_at(chrome_term);
    std::string term(chrome_term.substr(0, at));
    term += chrome_term.substr(at + chrome_text.prefix.size());
    return term;
}

std::optional<std::string> chrome_only_term(std::string_view chrome_term) {
    if (!chrome_term.starts_with(stem_marker)) return std::nullopt;
    return chrome_only_stem_term(chrome_term.substr(stem_marker.size() + chrome_text.prefix.size()));
}

bool marks_absence_of(std::string_view marker, std::string_view article_term) {
    return article_term.starts_with(stem_marker) && marker == chrome_only_stem_term(article_term.substr(stem_marker.size()));
}

std::string boolean_term(const Field& field, std::string_view value) {
    // Xapian refuses terms over 245 bytes; no real outlet name comes close.
    constexpr std::size_t max_term_bytes = 200;
    std::string term(field.prefix);
    for (const Token& token : tokenize(value)) {
        if (term.size() > field.prefix.size()) term += ' ';
        term += token.word;
    }
    if (term.size() > max_term_bytes) term.resize(max_term_bytes);
    return term;
}

namespace {

// Stems have no positions: each is added once with its total wdf, which spares Xapian a
// term lookup per word (adding terms is most of the indexing time). Stems (without the
// field's prefix), each with its wdf.
using StemCounts = std::unordered_map<std::string, Xapian::termcount, WordHash, std::equal_to<>>;

// index_text but for the stems, which are counted into `stems` for the caller to add.
// The hashes of its words in order go to `word_hashes` when given (story.h).
std::vector<PersonMention> index_words(Xapian::Document& doc, const Field& field, std::string_view text,
                                       Xapian::termpos& next_position, Xapian::termcount wdf, StemCounts& stems,
                                       std::vector<std::uint64_t>* word_hashes = nullptr) {
    // Names are searched in the article stream, which holds the title, and in the title
    // alone (title:); the rest of the page is searched for the words as written.
    const bool names = (field.prefix == article_text.prefix || field.prefix == title_text.prefix) && name_layer_enabled();
    const std::string block_end = block_end_term(field);
    auto add_word = [&](const std::string& word, Xapian::termpos position) {
        // The article stream's words are their own terms: no copy to make.
        if (field.prefix.empty()) {
            doc.add_posting(word, position, wdf);
        } else {
            doc.add_posting(exact_term(field, word), position, wdf);
        }
        const std::string& stemmed = cached_stem(word);
        if (auto found = stems.find(stemmed); found != stems.end()) {
            found->second += wdf;
        } else {
            stems.emplace(stemmed, wdf);
        }
    };
    std::vector<PersonMention> persons;
    std::size_t paragraph_start = 0;
    while (paragraph_start < text.size()) {
        std::size_t blank = text.find("\n\n", paragraph_start);
        std::size_t paragraph_end = blank == std::string_view::npos ? text.size() : blank;
        std::string_view paragraph = text.substr(paragraph_start, paragraph_end - paragraph_start);
        const std::vector<Token> tokens = tokenize(paragraph);
        const bool acronyms = std::any_of(tokens.begin(), tokens.end(),
                                          [](const Token& token) { return token.acronym != Acronym::no; });
        // Names are found once: index_names reports what it indexed.
        std::vector<NameMention> mentions;
        if (names) {
            mentions = index_names(doc, paragraph, tokens, next_position, wdf, field.prefix);
            for (NameMention& mention : mentions) persons.push_back(std::move(mention.person));
        } else if (acronyms) {
            for (const NameSpan& span : find_names(paragraph, tokens, NameContext::document)) {
                mentions.push_back({span.first, span.last, {}});
            }
        }
        auto mention = mentions.begin();  // the first name not ending before token k
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            const Token& token = tokens[k];
            if (token.acronym != Acronym::no) {
                while (mention != mentions.end() && mention->last < k) ++mention;
                const bool in_name = mention != mentions.end() && mention->first <= k;
                if (!in_name) doc.add_posting(acronym_term(field, token.word), next_position, wdf);
            }
            for (const std::string& part : token.parts) add_word(part, next_position);
            if (word_hashes != nullptr) word_hashes->push_back(story_word_hash(token.word));
            add_word(token.word, next_position++);
        }
        if (!tokens.empty()) {
            doc.add_posting(block_end, next_position, wdf);
            next_position += block_gap;
        }
        paragraph_start = paragraph_end + 2;
    }
    return persons;
}

void add_stems(Xapian::Document& doc, const Field& field, const StemCounts& stems) {
    std::string term(stem_marker);
    term += field.prefix;
    const std::size_t prefix = term.size();
    for (const auto& [stemmed, count] : stems) {
        term.resize(prefix);
        term += stemmed;
        doc.add_term(term, count);
    }
}

}  // namespace

std::vector<PersonMention> index_text(Xapian::Document& doc, const Field& field, std::string_view text,
                                      Xapian::termpos& next_position, Xapian::termcount wdf) {
    StemCounts stems;
    std::vector<PersonMention> persons = index_words(doc, field, text, next_position, wdf, stems);
    add_stems(doc, field, stems);
    return persons;
}

std::vector<PersonMention> index_article_text(Xapian::Document& doc, std::string_view title, std::string_view body,
                                              std::string_view chrome, std::vector<std::uint64_t>* body_word_hashes) {
    Xapian::termpos article_position = 1;
    StemCounts article_stems;
    std::vector<PersonMention> persons = index_words(doc, article_text, title, article_position, 2, article_stems);
    std::vector<PersonMention> in_body = index_words(doc, article_text, body, article_position, 1, article_stems, body_word_hashes);
    persons.insert(persons.end(), std::make_move_iterator(in_body.begin()), std::make_move_iterator(in_body.end()));
    add_stems(doc, article_text, article_stems);
    Xapian::termpos title_position = 1;
    index_text(doc, title_text, title, title_position);
    Xapian::termpos chrome_position = 1;
    StemCounts chrome_stems;
    index_words(doc, chrome_text, chrome, chrome_position, 1, chrome_stems);
    add_stems(doc, chrome_text, chrome_stems);
    for (const auto& [stemmed, count] : chrome_stems) {
        if (!article_stems.contains(stemmed)) doc.add_boolean_term(chrome_only_stem_term(stemmed));
    }
    return persons;
}

}  // namespace corpus::schema
