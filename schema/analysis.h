// The text analysis chain shared by the indexer and the searcher.
//
// Stages, in order (each documented where implemented in analysis.cpp):
//   1. word breaking      ICU word break rules over the UTF-8 text (byte offsets kept);
//                         a word ICU joins across a sentence's full stop is cut there
//                         ("Israel.Finally"), and a word kept whole that holds words
//                         (a host name, an address) names them (word_break.h)
//   2. normalization      NFKC + case folding, diacritics removed (Orbán = orban),
//                         apostrophe variants unified, possessive 's dropped,
//                         remaining apostrophes dropped (don't = dont, Ch'oe = choe),
//                         digit group separators dropped (36,000 = 36000),
//                         British spellings made American (defence = defense,
//                         organisation = organization; spelling_variants.h)
//   3. term construction  exact word terms with positions, English stems without;
//                         the words inside a word kept whole (its parts) get both too,
//                         at the word's own position;
//                         in the article stream, Korean personal names add name terms
//                         and report the persons they mention (names.h;
//                         CORPUS_NAME_LAYER=off turns them off);
//                         a word written as an acronym (UN, U.S.) adds an acronym term
//                         at its position, unless it is part of a Korean name
//
// indexer/ and searcher/ never call ICU or Xapian::Stem themselves: a query and an
// article that say the same thing produce the same terms because both come through here.
#pragma once

#include "schema/fields.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

// Whether a token is written as an acronym: 2 to 6 capitals (UN, DPRK's) or single
// capitals joined by dots (U.N., the U.S. of "U.S.-led"), ASCII only. The same surface
// can be a shouted word: a text shouts when it has two or more words in capitals and
// those that are ordinary English words (english_words.h) outnumber the words with
// lower-case letters ("KIM JONG UN MEETS PUTIN", "NORTH KOREA"; not "US, UN Condemn
// Launch"). There capitals are no evidence: an ordinary English word (US in "LET US
// TALK") is no acronym at all, for it cannot be told from one and unknown beats wrong,
// and any other (UN, KOREA) is `shouted`. Dots are evidence anywhere: U.S. is never "us".
enum class Acronym : unsigned char {
    no,
    yes,
    shouted,  // the index takes it for an acronym (IAEA); a query reads it as a word
};

struct Token {
    std::string word;   // normalized form (stage 2)
    std::size_t start;  // byte offset of the surface form in the analysed text
    std::size_t end;    // one past its last byte
    bool capitalized;   // the surface form starts with an upper-case letter
    bool after_hyphen;  // joined to the previous token by a hyphen ("Jong-un")
    Acronym acronym;    // judged over the whole text tokenized: a block, or a query's words
    // The words inside a word kept whole (word_break.h, word_parts): "spamassassin",
    // "taint" and "org" of spamassassin.taint.org. Empty for most words.
    std::vector<std::string> parts;
};

// A person a text names (names.h): the person's key (person_key) and the spelling the
// text used (name_surface).
struct PersonMention {
    std::string key;
    std::string spelling;
};

// Whether a normalized word is an ordinary English word (english_words.h).
bool is_english_word(std::string_view word);

// Stages 1 and 2. The text must be valid UTF-8 (see repair_utf8). It is one block (a
// title, a paragraph, a query's words): whether it shouts decides Token::acronym.
std::vector<Token> tokenize(std::string_view text);

// The stem of a normalized word, by Xapian's Snowball stemmer for this language.
inline constexpr std::string_view stem_language = "english";
std::string stem(std::string_view word);

// Stage 3: the terms a normalized word yields in a text field.
std::string exact_term(const Field& field, std::string_view word);
std::string stem_term(const Field& field, std::string_view word);
// The acronym term of a word read as an acronym: acronym_marker, the field's prefix and
// the word without its dots ("u.s" -> "XAus"), so U.S. and US meet.
std::string acronym_term(const Field& field, std::string_view word);

// The term marking the end of each block of a text field (fields.h, block_end_prefix).
std::string block_end_term(const Field& field);

// Whether `term` is one that a text field with a prefix of its own yields: a word, stem or
// acronym term, or its block end ("XCnasdaq", "ZXCnasdaq", "XAXCus", "XBXC" for the
// chrome). The article stream's terms have no prefix, so it has no such test.
bool is_term_of(const Field& field, std::string_view term);

// The article stream's term that a chrome term stands for: the term without the chrome's
// prefix ("XCkim" -> "kim", "ZXCkim" -> "Zkim", "XAXCun" -> "XAun", "XBXC" -> "XB"); and
// the marker a document holding the chrome term without that counterpart holds, for a
// stemmed chrome term (fields.h, chrome_only_marker: "XKZkim" for "ZXCkim"), nothing for
// the others. `chrome_term` must be a chrome term (is_term_of(chrome_text, chrome_term)).
std::string article_counterpart(std::string_view chrome_term);
std::optional<std::string> chrome_only_term(std::string_view chrome_term);
// Whether `marker` is the chrome-only marker of `article_term`'s chrome counterpart: then
// no document holding `marker` holds `article_term`.
bool marks_absence_of(std::string_view marker, std::string_view article_term);

// The boolean filter term for a value such as an outlet name: its normalized words
// joined by spaces, so "FN News Global" and "fn  news GLOBAL" give the same term.
std::string boolean_term(const Field& field, std::string_view value);

// Indexes `text` into `doc` as `field`, from position `next_position`, which is left
// past the text plus a block gap. Paragraphs (blank-line separated) are blocks. A
// token's parts get exact and stem terms at its position, as if written there. Tokens
// read as acronyms (yes or shouted) get acronym terms, except inside a Korean name (the
// Un of "KIM JONG UN"): names are found in every field for that, and indexed in the
// article stream only. Returns the persons the names of the text mention, in the order
// written (none for a field without names, the chrome): the indexer records those of the
// article stream in the person facet (person_facet.h, add_person_facet).
std::vector<PersonMention> index_text(Xapian::Document& doc, const Field& field, std::string_view text,
                                      Xapian::termpos& next_position, Xapian::termcount wdf = 1);

// An article's text as the index holds it: the title (its words counting double: a
// headline says what it is about) and the body in the article stream, the title again
// as title_text, the chrome as chrome_text, and the marker of each stemmed chrome term
// whose article stem the document lacks (fields.h, chrome_only_marker). Returns the
// persons the title and the body mention, for the person facet (person_facet.h,
// add_person_facet). The hashes of the body's words, in order, go to `body_word_hashes`
// when given: the story fingerprint's input (story.h).
std::vector<PersonMention> index_article_text(Xapian::Document& doc, std::string_view title, std::string_view body,
                                              std::string_view chrome,
                                              std::vector<std::uint64_t>* body_word_hashes = nullptr);

// Identifies this analysis chain; stored in every index and checked on open, so an
// index built by a different chain asks to be rebuilt instead of answering wrongly.
// Derived, never bumped by hand: the ICU version, the stemmer's language, digests of the
// embedded tables (names, spellings, English words) and analysis_probe_digest, so that
// any change to what the chain makes of the probe changes it.
const std::string& analysis_fingerprint();

// document_digest(analysis_probe()) as the build computed it (schema/make_probe_digest.cpp,
// with the name layer on): running the probe in every process that opens an index cost
// a third of a one-query search's instructions.
extern const std::string_view analysis_probe_digest;

// The fingerprint's probe: a fixed article whose title, body and chrome exercise every
// stage (words, stems, parts, acronyms in capitals and dotted, a shouted headline, British
// spellings, Korean names in several spellings and orders, Hangul of the North and the
// South, foreign names that stay words), indexed as the indexer indexes an article's
// text (index_article_text, add_person_facet) and an outlet.
Xapian::Document analysis_probe();

// A digest (16 hex digits) of everything a document holds: each term with its wdf and
// positions, and each value. Documents holding the same digest alike, whatever the order
// their terms were added in.
std::string document_digest(const Xapian::Document& doc);

}  // namespace corpus::schema
