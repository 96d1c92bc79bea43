#include "schema/analysis.h"

#include "schema/names.h"
#include "schema/spelling_variants.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace corpus::schema {
namespace {

// Longer "words" are base64, URLs or garbage; Xapian also caps term length.
constexpr std::size_t max_word_bytes = 64;

// Stage 1. A BreakIterator is costly to create and not thread-safe: one per thread.
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) {
            throw std::runtime_error(std::string("ICU word breaker: ") + u_errorName(status));
        }
        return made;
    }();
    return *breaker;
}

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

std::string normalize_word(std::string_view surface, bool numeric) {
    std::string word;
    bool ascii = true;
    for (unsigned char c : surface) ascii = ascii && c < 0x80;
    if (ascii) {
        word.reserve(surface.size());
        for (char c : surface) word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
        word = normalize_unicode(surface);
    }
    // A possessive adds nothing to the word: Yoon's and Yoon’s mean Yoon.
    if (word.size() > 2 && word.ends_with("'s")) word.resize(word.size() - 2);
    std::erase(word, '\'');
    if (numeric) {
        std::erase(word, ',');
    } else if (std::string_view american = american_spelling(word); !american.empty()) {
        // After the possessive and apostrophes go, so Colour's and colour’s are color.
        word.assign(american);
    }
    return word;
}

bool starts_upper(std::string_view surface) {
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

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return tokens;
    icu::BreakIterator& breaker = word_breaker();
    breaker.setText(utext, status);
    std::size_t previous_end = std::string_view::npos;
    // With a UTF-8 UText, break positions are byte offsets into `text`.
    for (int32_t start = breaker.first(), end = breaker.next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker.next()) {
        const int32_t rule = breaker.getRuleStatus();
        if (rule < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
        const auto from = static_cast<std::size_t>(start);
        const auto to = static_cast<std::size_t>(end);
        std::string_view surface = text.substr(from, to - from);
        const bool numeric = rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT;
        std::string word = normalize_word(surface, numeric);
        if (word.empty() || word.size() > max_word_bytes) continue;
        const bool joined = previous_end + 1 == from && hyphen_before(text, from);
        tokens.push_back(Token{std::move(word), from, to, starts_upper(surface), joined});
        previous_end = to;
    }
    // setText() keeps a shallow reference to the UText; detach it before closing.
    breaker.setText(icu::UnicodeString());
    utext_close(utext);
    return tokens;
}

std::string stem(std::string_view word) {
    // Stemming is the costliest per-word step after breaking; words repeat a lot.
    thread_local Xapian::Stem stemmer("english");
    thread_local std::unordered_map<std::string, std::string> cache;
    constexpr std::size_t cache_limit = 200'000;
    std::string key(word);
    if (auto found = cache.find(key); found != cache.end()) return found->second;
    if (cache.size() >= cache_limit) cache.clear();
    std::string stemmed = stemmer(key);
    cache.emplace(std::move(key), stemmed);
    return stemmed;
}

std::string exact_term(const Field& field, std::string_view word) {
    std::string term(field.prefix);
    term += word;
    return term;
}

std::string stem_term(const Field& field, std::string_view word) {
    std::string term(stem_marker);
    term += field.prefix;
    term += stem(word);
    return term;
}

std::string block_end_term(const Field& field) {
    std::string term(block_end_prefix);
    term += field.prefix;
    return term;
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

void index_text(Xapian::Document& doc, const Field& field, std::string_view text,
                Xapian::termpos& next_position, Xapian::termcount wdf) {
    // Names are searched in the article stream, which holds the title, and in the title
    // alone (title:); the rest of the page is searched for the words as written.
    const bool names = (field.prefix == article_text.prefix || field.prefix == title_text.prefix) && name_layer_enabled();
    const std::string block_end = block_end_term(field);
    // Stems have no positions: each is added once with its total wdf, which spares
    // Xapian a term lookup per word (adding terms is most of the indexing time).
    std::unordered_map<std::string, Xapian::termcount> stems;
    std::size_t paragraph_start = 0;
    while (paragraph_start < text.size()) {
        std::size_t blank = text.find("\n\n", paragraph_start);
        std::size_t paragraph_end = blank == std::string_view::npos ? text.size() : blank;
        std::string_view paragraph = text.substr(paragraph_start, paragraph_end - paragraph_start);
        bool any = false;
        const std::vector<Token> tokens = tokenize(paragraph);
        if (names) index_names(doc, paragraph, tokens, next_position, wdf, field.prefix);
        for (const Token& token : tokens) {
            doc.add_posting(exact_term(field, token.word), next_position++, wdf);
            stems[stem_term(field, token.word)] += wdf;
            any = true;
        }
        if (any) {
            doc.add_posting(block_end, next_position, wdf);
            next_position += block_gap;
        }
        paragraph_start = paragraph_end + 2;
    }
    for (const auto& [term, count] : stems) doc.add_term(term, count);
}

const std::string& analysis_fingerprint() {
    static const std::string fingerprint = std::string("chain=1;icu=") + U_ICU_VERSION +
                                           ";break=word;norm=nfkc_cf,nomarks,noapos,nopossessive"
                                           ";stem=english;gap=" + std::to_string(block_gap) +
                                           ";names=" + name_tables_fingerprint() +
                                           ";spelling=" + spelling_variants_fingerprint();
    return fingerprint;
}

}  // namespace corpus::schema
