// Readings of Hangul syllables, computed from their jamo (issue 24): the Latin spellings
// a syllable of a Korean name takes in English-language text, and the initial-sound rule
// that makes the North's and the South's Hangul of one name the same syllables.
//
// A syllable is an initial consonant, a vowel and an optional final (U+AC00 + 588 x
// initial + 28 x vowel + final). Its spellings are every combination of the spellings of
// its three parts in Revised Romanization (RR: g/d/b/j, eo, eu), McCune-Reischauer with
// its diacritics and apostrophes removed, as the analysis chain removes them (MR: k/t/p/ch
// at the start of a name part, o for ŏ, u for ŭ), RR transliteration (final g/d/b/s/j),
// and the customary press habits for single jamo (oo for u, ee for a final i, u for eo,
// yu/you for yeo, sh before i, th for t, wh for hw, an h after a final vowel: Koh, Suh).
// What no rule of this kind gives (Park, Rhee, Choi's Chey, Syng) is in the hand table
// schema/names/customary.tsv, read by name_spellings.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

inline constexpr char32_t hangul_first = 0xAC00;
inline constexpr char32_t hangul_last = 0xD7A3;
inline constexpr std::size_t hangul_syllable_count = 11172;
// A Hangul syllable is three bytes of UTF-8.
inline constexpr std::size_t hangul_bytes = 3;

// The syllable at the start of `utf8`, when it is a Hangul syllable.
std::optional<char32_t> hangul_syllable(std::string_view utf8);
// Whether the whole word is Hangul syllables.
bool is_hangul_word(std::string_view word);
std::string utf8(char32_t syllable);

// The spellings of a syllable as a part of a name, lower case, without diacritics or
// apostrophes; the RR spelling first. A word-initial l is not among them: RR and MR
// write ㄹ as r (or by the initial-sound rule as n or nothing), and an initial l is the
// mark of Chinese (Li, Lu); the customary l-spellings (Lee, Lim) are hand-listed.
std::vector<std::string> syllable_spellings(char32_t syllable);

// The Revised Romanization of a syllable (without the sound changes across syllables,
// as RR writes names): 석 -> seok, 최 -> choe.
std::string revised_romanization(char32_t syllable);

// The initial-sound rule (두음법칙), the South's form of a syllable the North writes with
// an initial ㄹ or ㄴ: ㄹ becomes ㅇ before i and y-vowels and ㄴ before the others, ㄴ
// becomes ㅇ before i and y-vowels (리 -> 이, 룡 -> 용, 로 -> 노, 녀 -> 여). Names are
// matched on these forms, so 리설주 and 이설주, Ri Sol Ju and Lee Seol-ju, meet.
char32_t initial_sound_form(char32_t syllable);
// The same for every syllable of a Hangul string (other characters are kept).
std::string initial_sound_form(std::string_view hangul);

// The person-identity form of a syllable (names.h, person_key): one representative of
// the syllables that the Latin spellings of names confuse, so that every reading of a
// romanized syllable has one form. Initials k/g/kk, t/d/tt, p/b/pp, ch/j/tch and s/ss
// meet, ㄹ meets ㄴ (the initial-sound rule applied first); vowels ŏ/o/u/ŭ (eo, o, u, eu),
// yŏ/yo/yu, ae/e, yae/ye, oe/wae/we and ui/i meet; finals meet by their sound in RR
// (k, n, t, l, m, p, ng). 정, 종, 청 and 충 are one form; 정 and 징, 정 and 전 are not.
char32_t identity_form(char32_t syllable);
// The same for every syllable of a Hangul string (other characters are kept).
std::string identity_form(std::string_view hangul);

}  // namespace corpus::schema
