// British and American spellings of one word are one word to the analysis chain
// (stage 2 in analysis.h): a British spelling is replaced by its American one, so
// "mutual defence" and "mutual defense" give the same terms on both sides.
//
// The pairs are derived at build time from SCOWL's word lists (Debian package scowl)
// by schema/make_spelling_variants.cpp: a word of the British lists whose American
// spelling, by one of a few documented rules (-our/-or, -ise/-ize, -yse/-yze, -re/-er,
// -ence/-ense, -ogue/-og, doubled l, ae/oe to e, -mme/-m, -dgement/-dgment), is a word
// of the American lists. Words that only mean the same (tyre/tire, cheque/check) are
// never paired. docs/analysis.md says which lists and why.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

// The generated table: "british\tamerican\n" lines, sorted by the British word.
extern const std::string_view spelling_variants_tsv;

// The American spelling of a normalized word that is a British spelling in the table;
// empty for any other word (American, unpaired, or not a word of the lists).
std::string_view american_spelling(std::string_view word);

// The American spellings of the table's British words that start with `prefix`: a
// wildcard typed in British spelling ("organis*") finds the words the index holds for it.
std::vector<std::string_view> american_spellings_starting(std::string_view prefix);

// Identifies the table's content, for the analysis fingerprint.
const std::string& spelling_variants_fingerprint();

}  // namespace corpus::schema
