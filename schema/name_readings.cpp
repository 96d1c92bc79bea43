#include "schema/name_readings.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace corpus::schema {
namespace {

constexpr int vowels = 21;
constexpr int finals = 28;
constexpr int per_initial = vowels * finals;  // 588

enum Initial : int { nieun = 2, rieul = 5, sios = 9, ieung = 11, hieuh = 18 };
enum Vowel : int { vowel_u = 13, vowel_eui = 19, vowel_i = 20 };

using Spellings = std::vector<std::string_view>;

// Each list starts with RR; MR without diacritics and customary forms follow.
const std::array<Spellings, 19> initial_spellings{{
    {"g", "k"}, {"kk", "gg"}, {"n"}, {"d", "t"}, {"tt", "dd"}, {"r"}, {"m"}, {"b", "p"}, {"pp", "bb"},
    {"s"}, {"ss"}, {""}, {"j", "ch"}, {"jj", "tch"}, {"ch"}, {"k"}, {"t", "th"}, {"p"}, {"h"},
}};
const std::array<Spellings, vowels> vowel_spellings{{
    {"a"}, {"ae"}, {"ya"}, {"yae"}, {"eo", "o", "u"}, {"e"}, {"yeo", "yo", "yu"}, {"ye"}, {"o"}, {"wa"},
    {"wae"}, {"oe", "oi"}, {"yo"}, {"u", "oo"}, {"wo", "weo"}, {"we"}, {"wi"}, {"yu", "yoo"}, {"eu", "u"},
    {"ui", "eui"}, {"i", "ee"},
}};
// RR transcription first (what RR writes at the end of a name syllable), then RR
// transliteration (ICU's Hangul-Latin: 각 gag, 옷 os).
const std::array<Spellings, finals> final_spellings{{
    {""},        {"k", "g"},  {"k", "kk"}, {"k", "gs"}, {"n"},       {"n", "nj"}, {"n", "nh"},
    {"t", "d"},  {"l"},       {"k", "lg"}, {"m", "lm"}, {"l", "lb", "p"}, {"l", "ls"}, {"l", "lt"},
    {"p", "lp"}, {"l", "lh"}, {"m"},       {"p", "b"},  {"p", "bs"}, {"t", "s"},  {"t", "ss"},
    {"ng"},      {"t", "j"},  {"t", "ch"}, {"k"},       {"t"},       {"p"},       {"t", "h"},
}};

// The identity_form class of each initial, vowel and final (name_readings.h).
constexpr std::array<int, 19> initial_identity{0, 0, 2, 3, 3, 2, 6, 7, 7, 9, 9, 11, 12, 12, 12, 0, 3, 7, 18};
constexpr std::array<int, vowels> vowel_identity{0, 1, 2, 3, 4, 1, 6, 3, 4, 9, 11, 11, 6, 4, 14, 11, 16, 6, 4, 20, 20};
constexpr std::array<int, finals> final_identity{0, 1, 1, 1, 4, 4, 4, 7, 8, 1, 16, 8, 8, 8, 17, 8,
                                                 16, 17, 17, 7, 7, 21, 7, 7, 1, 7, 17, 7};

bool y_or_i_vowel(int vowel) {
    // ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ: the vowels before which the initial-sound rule drops ㄹ and ㄴ.
    return vowel == 2 || vowel == 3 || vowel == 6 || vowel == 7 || vowel == 12 || vowel == 17 || vowel == vowel_i;
}

void add(std::vector<std::string>& out, std::string spelling) {
    if (std::find(out.begin(), out.end(), spelling) == out.end()) out.push_back(std::move(spelling));
}

}  // namespace

std::optional<char32_t> hangul_syllable(std::string_view utf8) {
    if (utf8.size() < hangul_bytes) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(utf8[0]);
    const auto b1 = static_cast<unsigned char>(utf8[1]);
    const auto b2 = static_cast<unsigned char>(utf8[2]);
    if ((b0 & 0xF0u) != 0xE0u || (b1 & 0xC0u) != 0x80u || (b2 & 0xC0u) != 0x80u) return std::nullopt;
    const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
    if (c < hangul_first || c > hangul_last) return std::nullopt;
    return c;
}

bool is_hangul_word(std::string_view word) {
    if (word.empty() || word.size() % hangul_bytes != 0) return false;
    for (std::size_t i = 0; i < word.size(); i += hangul_bytes) {
        if (!hangul_syllable(word.substr(i, hangul_bytes))) return false;
    }
    return true;
}

std::string utf8(char32_t syllable) {
    std::string out(hangul_bytes, '\0');
    out[0] = static_cast<char>(0xE0u | (syllable >> 12));
    out[1] = static_cast<char>(0x80u | ((syllable >> 6) & 0x3Fu));
    out[2] = static_cast<char>(0x80u | (syllable & 0x3Fu));
    return out;
}

std::vector<std::string> syllable_spellings(char32_t syllable) {
    const int index = static_cast<int>(syllable - hangul_first);
    const int initial = index / per_initial;
    const int vowel = index % per_initial / finals;
    const int final = index % finals;
    std::vector<std::string_view> heads(initial_spellings[initial]);
    std::vector<std::string_view> middles(vowel_spellings[vowel]);
    // ee for i only ends a syllable (Lee, Kee); MR writes 시 shi, customary shin, shim.
    if (final != 0) std::erase(middles, std::string_view("ee"));
    if (initial == sios && (vowel == vowel_i || vowel == 16)) heads.emplace_back("sh");
    if (initial == ieung && (vowel == 6 || vowel == 17)) middles.emplace_back("you");      // Youn, Young, You
    if (initial == ieung && vowel == vowel_u) middles.insert(middles.end(), {"woo", "wu"});  // Woo, Wook
    if (initial == hieuh && vowel == vowel_eui) middles.emplace_back("ee");                  // Hee
    std::vector<std::string> out;
    for (std::string_view head : heads) {
        for (std::string_view middle : middles) {
            for (std::string_view tail : final_spellings[final]) {
                std::string spelling = std::string(head) + std::string(middle) + std::string(tail);
                add(out, spelling);
                // Customary h after a final vowel: Koh, Suh, Noh, Hah (Choi Kyu-hah).
                if (final == 0 && (middle.ends_with('a') || middle.ends_with('o') || middle.ends_with('u'))) {
                    add(out, spelling + 'h');
                }
            }
        }
    }
    // wh for hw: Whang, Wha.
    if (initial == hieuh) {
        const std::size_t count = out.size();
        for (std::size_t k = 0; k < count; ++k) {
            if (out[k].starts_with("hw")) add(out, "wh" + out[k].substr(2));
        }
    }
    return out;
}

std::string revised_romanization(char32_t syllable) { return syllable_spellings(syllable).front(); }

char32_t initial_sound_form(char32_t syllable) {
    const int index = static_cast<int>(syllable - hangul_first);
    const int initial = index / per_initial;
    const int rest = index % per_initial;
    int south = initial;
    if (initial == rieul) south = y_or_i_vowel(rest / finals) ? ieung : nieun;
    if (initial == nieun && y_or_i_vowel(rest / finals)) south = ieung;
    return hangul_first + static_cast<char32_t>(south * per_initial + rest);
}

std::string initial_sound_form(std::string_view hangul) {
    std::string out;
    out.reserve(hangul.size());
    for (std::size_t i = 0; i < hangul.size();) {
        if (const std::optional<char32_t> syllable = hangul_syllable(hangul.substr(i))) {
            out += utf8(initial_sound_form(*syllable));
            i += hangul_bytes;
        } else {
            out += hangul[i];
            ++i;
        }
    }
    return out;
}

char32_t identity_form(char32_t syllable) {
    const int index = static_cast<int>(initial_sound_form(syllable) - hangul_first);
    const int initial = initial_identity[static_cast<std::size_t>(index / per_initial)];
    const int vowel = vowel_identity[static_cast<std::size_t>(index % per_initial / finals)];
    const int final = final_identity[static_cast<std::size_t>(index % finals)];
    return hangul_first + static_cast<char32_t>(initial * per_initial + vowel * finals + final);
}

std::string identity_form(std::string_view hangul) {
    std::string out;
    out.reserve(hangul.size());
    for (std::size_t i = 0; i < hangul.size();) {
        if (const std::optional<char32_t> syllable = hangul_syllable(hangul.substr(i))) {
            out += utf8(identity_form(*syllable));
            i += hangul_bytes;
        } else {
            out += hangul[i];
            ++i;
        }
    }
    return out;
}

}  // namespace corpus::schema
