// The Korean-name layer of the analysis chain (issue 3): recognises romanized and
// Hangul Korean personal names in a token stream, the same way at index and query time,
// so that every spelling of one name meets and different people stay apart.
//
// Matching works on Hangul syllable candidates, not on one canonical spelling. Every
// romanized syllable maps to the set of Hangul syllables it can spell (jong -> 정 종,
// un -> 은 운 언): the readings of each syllable are computed from its jamo
// (name_readings.h), with the customary whole-syllable spellings and the surnames of
// schema/names/ (embedded at build time). Hangul is read in the South's form (the
// initial-sound rule: 리설주 is 이설주), so the North's and the South's names meet. A
// token inside a name yields the Hangul strings it can spell ("Jongun" -> 정은, 종운, ...).
//
//   index:  each token of a recognised name gets one name term (name_term_prefix + Hangul)
//           per reading, at the token's own position, and the positions just before and
//           after the name get name_start_term / name_end_term, so that a phrase of name
//           terms matches a whole name and never a part of a longer one.
//   query:  a name becomes an OR of phrases (start, syllable slots, end), one per layout
//           it may have in an article: syllables spaced or hyphenated, the given name
//           joined, everything joined (Hangul), and the Western order (surname last).
//           Two spellings meet when every slot's candidate sets intersect; this is not
//           transitive (sung meets seong and seung, which do not meet each other).
//
// A name is a surname (surnames.tsv) followed by one or two words that parse entirely as
// one or two given-name syllables each (the Sino-Korean syllables), read whole when
// hyphenated (Choi Kyu-hah is never Choi Kyu); or two such words, or one joined word of
// two syllables that English does not write with a capital, followed by a surname
// (Western order: Suk-yeol Yoon, Syngman Rhee; not Anna Lee); or one Hangul word of
// three or four syllables starting with a surname, or of two alone among Latin words
// (박진). In documents every word must be capitalized (after a hyphen it may be lower
// case: Jong-un); queries ignore case. A surname alone is not a name. A common English
// word (not_names.txt: In, So, Young) starts a name only as a surname before two
// given-name syllables or one English has no use for (Go Geon), or as a hyphenated given
// name, and never when that cuts short a name starting after it ("In Kim Jong Un" names
// Kim Jong Un). Words with letters or vowel runs no Korean romanization has (Li Qiang,
// Namazu Hiroyuki, Yang Jiechi), and a name running on into a Vietnamese word (Ho Chi
// Minh), stay plain words.
//
// One part a file: the readings of romanized spellings (name_spellings.h), recognition
// (name_recognition.cpp), index terms (name_terms.cpp), query expansion (name_query.cpp)
// and person keys (person_key.cpp).
#pragma once

#include "schema/analysis.h"

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

enum class NameContext {
    document,  // capitalization required
    query,     // case ignored: users type lower case
};

// One syllable of a name, or a whole two-syllable surname (남궁).
struct NameUnit {
    std::string spelling;             // as written, normalized ("jong", "남")
    std::vector<std::string> hangul;  // what it can spell
};

struct NameSpan {
    std::size_t first;  // token indexes, inclusive
    std::size_t last;
    // Per token of the span: the Hangul strings that token can spell, for every way of
    // cutting a joined given name into syllables ("jongun": jong+un and jon+gun).
    std::vector<std::vector<std::string>> token_readings;
    std::vector<NameUnit> units;  // in written order, one way of cutting each token
    // Every way of cutting the tokens into units (units is the first): "Bookyum" is
    // boo+kyum or book+yum.
    std::vector<std::vector<NameUnit>> cuttings;
    std::size_t surname_units;    // units of the surname: 1, or 0 for a Hangul-only name
    bool surname_first;           // the first token can be the surname
    bool surname_last;            // the last token can be the surname (Western order)
    bool western;                 // read as Western order (Suk-yeol Yoon), for the key
};

// Finds the names in `tokens`, which tokenize(text) produced. Only tokens that can start
// or end a name (capitalized, in documents) cost more than one hash lookup.
std::vector<NameSpan> find_names(std::string_view text, const std::vector<Token>& tokens, NameContext context);
// The one name the whole of `name` is, read as a query reads it; nothing when `name` is
// not exactly one name ("Kim", "Li Qiang", "Kim Jong Un said").
std::optional<NameSpan> whole_name(std::string_view name);

// A name index_names indexed: where it stands and whom it names.
struct NameMention {
    std::size_t first;  // token indexes, inclusive
    std::size_t last;
    PersonMention person;
};

// Indexes the names among `tokens` (tokenize(text), the first at `first_position`): name
// terms, start/end markers and name-set terms, each after `prefix`, and (for the article
// stream, whose prefix is empty) reading terms. index_text calls it for the article stream
// and the title, keeps acronym terms out of the names it returns and returns whom they
// name, which the indexer records in the person facet.
std::vector<NameMention> index_names(Xapian::Document& doc, std::string_view text, const std::vector<Token>& tokens,
                                     Xapian::termpos first_position, Xapian::termcount wdf, std::string_view prefix = {});

// Term construction. Name terms carry name_term_prefix (fields.h).
std::string name_term(std::string_view hangul);
// name_term of each.
std::vector<std::string> name_terms(const std::vector<std::string>& hangul);
const std::string& name_start_term();
const std::string& name_end_term();

// Document side: the name terms of each token of the span (same order as tokens).
std::vector<std::vector<std::string>> name_token_terms(const NameSpan& span);

// Query side: the layouts a name can have in an article, each a sequence of slots of
// alternative terms, without the start/end markers (a phrase adds those at its edges).
using NameForm = std::vector<std::vector<std::string>>;
std::vector<NameForm> name_forms(const NameSpan& span);

// OR of the phrases start + form + end, over every form: a name inside a longer phrase.
Xapian::Query name_query(const NameSpan& span);

// Whole names (name_set_prefix and name_reading_prefix, fields.h). An article holds, for
// each name it writes, the name's set term and one reading term per Hangul reading of the
// name in its written order. A query's name asks for the readings of every layout it may
// have in an article: as typed, surname first and surname last. The two meet exactly
// when one of name_forms() matches the article's span, because a form's slots
// concatenate to a reading in written order; the tests in tests/schema/names_test.cpp
// hold the two ways to the same answers.
//
// The readings of a span as written, sorted, without prefix; empty when too many to list.
std::vector<std::string> name_readings(const NameSpan& span);
// The readings a name in a query asks for; nothing when too many to list.
std::optional<std::vector<std::string>> name_query_readings(const NameSpan& span);
// Document side: the set term of a span's readings, and the term of one of its readings.
std::string name_set_term(const std::vector<std::string>& readings);
std::string name_reading_term(std::string_view reading, std::string_view set_term);
// Query side: the set terms in `db` holding any of `readings`, as one synonym weighted by
// their wdf (mentions): a name's spellings score as one word. Matches nothing when the
// index holds none of them.
Xapian::Query name_set_query(const Xapian::Database& db, const std::vector<std::string>& readings);

// True when a form matches a document span exactly (every slot meets its token).
bool form_matches(const NameForm& form, const NameSpan& document_span);

// The person key: one identity per person for grouping (the person facet), made from
// the name's Hangul readings as search matches them: the surname and the given name, in
// Korean order, each syllable in its identity_form (name_readings.h), which every reading
// of a romanized syllable shares ("Yoon Suk-yeol", "Yun Sŏk-yŏl", "Suk-yeol Yoon" and
// "윤석열" are all "연 석열"; "리설주" and "Lee Sol-ju" are one). A joined given name is
// cut as key_cutting in person_key.cpp says. It merges a little more than matching does
// (성/승/송), which only widens a facet entry; two syllables are listed in byte order, as
// which is the surname cannot always be told (Jung Pak).
std::string person_key(const NameSpan& span);
// The key of `name` when the whole of it is one name, else nothing ("Kim", "Li Qiang").
std::optional<std::string> person_key(std::string_view name);

// The articles mentioning the person `name` names (--person, person:): the same terms a
// search for the name alone uses, so a filter finds what that search finds, in every
// spelling. Nothing when the whole of `name` is not one name; Xapian's MatchNothing (an
// empty query) when the index holds no spelling of it.
std::optional<Xapian::Query> person_filter(const Xapian::Database& db, std::string_view name);

// Person facet terms (person_spelling_prefix, fields.h): key TAB spelling, one for each
// surface spelling of a person an article used (person_facet.h, add_person_facet). Their
// frequencies over the whole index label each facet entry.
std::string person_spelling_term(std::string_view key, std::string_view surface);
// The surface spelling of a mention: its text with white space collapsed and a
// possessive 's / ’s removed ("Kim Jong Un’s" -> "Kim Jong Un").
std::string name_surface(std::string_view text, const std::vector<Token>& tokens, const NameSpan& span);

// Whether a query naming `a` finds an article that writes `b` (capitalized as in news):
// the same test the index performs, without an index, for a name alone in a query
// (whole-name terms) or inside a longer phrase (name terms by position). For tests and
// tools.
enum class NameMatch { alone, in_phrase };
bool same_person(std::string_view a, std::string_view b, NameMatch how = NameMatch::alone);

// For --explain: how the names in a query string were recognised and expanded, one line
// per name; empty when the query holds no name.
std::string describe_names(std::string_view query);

// The name layer can be switched off (CORPUS_NAME_LAYER=off in the environment, read
// once) to measure what it costs; the analysis fingerprint records the choice.
bool name_layer_enabled();

// Identifies the embedded tables, for the analysis fingerprint.
const std::string& name_tables_fingerprint();

}  // namespace corpus::schema
