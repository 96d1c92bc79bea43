// The readings of romanized spellings, shared by the parts of the Korean-name layer
// (names.h): which Hangul syllables a Latin spelling of a name can spell, built once from
// the jamo readings of name_readings.h and the tables of schema/names/, and the ways a
// written word cuts into such spellings.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace corpus::schema {

struct NameTables {
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

// Built on first use. A malformed row is a build defect, caught by the tests on the first
// lookup.
const NameTables& name_tables();

using Segmentation = std::vector<std::string_view>;  // spellings, each in NameTables::readings

// The ways a word reads as one or two known spellings: the whole word first, then the
// splits with the longest first part first (jongun: jong+un before jon+gun).
std::vector<Segmentation> segment_name_word(std::string_view word);

// Every concatenation of one choice per set; empty when there would be more than
// `max_combinations`.
std::vector<std::string> combine_readings(const std::vector<const std::vector<std::string>*>& sets,
                                          std::size_t max_combinations = 256);

// Readings of a whole name: syllable candidates multiply, up to 4 x 4 x 4 for a
// three-syllable given name with the widest spellings, times the surname's few.
inline constexpr std::size_t max_name_readings = 1024;

// The Hangul a known spelling (a key of NameTables::readings) can spell.
const std::vector<std::string>& readings_of(std::string_view spelling);

// The Hangul strings a word can spell, over every way of cutting it.
std::vector<std::string> token_readings(const std::vector<Segmentation>& segmentations);

// Whether English writes the word with a capital (english_words.h): Anna, Seoul.
bool is_english_proper_word(std::string_view word);

}  // namespace corpus::schema
