// Readings of every Hangul syllable from its jamo (schema/name_readings.h), checked
// against ICU's own transforms, an independent implementation: McCune-Reischauer
// (Korean-Latin/BGN) and the Revised Romanization transliteration (Hangul-Latin), one
// syllable at a time, for all 11,172 syllables.
#include "schema/name_readings.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace corpus::schema {
namespace {

std::unique_ptr<icu::Transliterator> transform(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> out(
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    EXPECT_TRUE(U_SUCCESS(status)) << id << ": " << u_errorName(status);
    return out;
}

// ICU's reading of one syllable, lower case, without diacritics and apostrophes as the
// analysis chain reads it; empty when ICU left jamo in it (complex finals).
std::string icu_reading(icu::Transliterator& to_latin, icu::Transliterator& plain, char32_t syllable) {
    icu::UnicodeString text(static_cast<UChar32>(syllable));
    to_latin.transliterate(text);
    plain.transliterate(text);
    std::string out;
    text.toLower().toUTF8String(out);
    if (!std::all_of(out.begin(), out.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return {};
    return out;
}

bool has(const std::vector<std::string>& spellings, const std::string& spelling) {
    return std::find(spellings.begin(), spellings.end(), spelling) != spellings.end();
}

TEST(NameReadings, EverySyllableHasItsRevisedRomanizationFirst) {
    for (char32_t c = hangul_first; c <= hangul_last; ++c) {
        const std::vector<std::string> spellings = syllable_spellings(c);
        ASSERT_FALSE(spellings.empty()) << utf8(c);
        EXPECT_EQ(spellings.front(), revised_romanization(c)) << utf8(c);
    }
    EXPECT_EQ(hangul_last - hangul_first + 1, hangul_syllable_count);
    EXPECT_EQ(revised_romanization(U'\uC11D'), "seok");  // 석
    EXPECT_EQ(revised_romanization(U'\uCD5C'), "choe");  // 최
    EXPECT_EQ(revised_romanization(U'\uC758'), "ui");    // 의
    EXPECT_EQ(revised_romanization(U'\uAF43'), "kkot");  // 꽃
}

TEST(NameReadings, McCuneReischauerAsIcuWritesIt) {
    std::unique_ptr<icu::Transliterator> mr = transform("NFD; Korean-Latin/BGN");
    std::unique_ptr<icu::Transliterator> plain = transform("NFD; [:Nonspacing Mark:] Remove; [\\u2019'] Remove; NFC");
    ASSERT_TRUE(mr && plain);
    std::size_t compared = 0;
    for (char32_t c = hangul_first; c <= hangul_last; ++c) {
        const std::string reading = icu_reading(*mr, *plain, c);
        if (reading.empty()) continue;
        ++compared;
        // BGN writes a word-initial ㄹ as n, or drops it before i and y, as the South
        // reads it: the spelling of the syllable after the initial-sound rule.
        const bool found = has(syllable_spellings(c), reading) ||
                           has(syllable_spellings(initial_sound_form(c)), reading) ||
                           has(syllable_spellings(c - 3 * 588), reading);  // ㄹ -> ㄴ
        EXPECT_TRUE(found) << utf8(c) << ": ICU writes " << reading;
    }
    // Every syllable but those whose final ICU 72 leaves as jamo (ㄲ, ㅆ, ㅎ, most
    // double finals): 6,384 of 11,172.
    EXPECT_GE(compared, 6000u);
}

TEST(NameReadings, RevisedRomanizationTransliterationAsIcuWritesIt) {
    std::unique_ptr<icu::Transliterator> rr = transform("Hangul-Latin");
    std::unique_ptr<icu::Transliterator> plain = transform("NFC");
    ASSERT_TRUE(rr && plain);
    for (char32_t c = hangul_first; c <= hangul_last; ++c) {
        std::string reading = icu_reading(*rr, *plain, c);
        ASSERT_FALSE(reading.empty()) << utf8(c);
        // ICU transliterates ㄹ as l everywhere; a name's syllable starts with r.
        if (reading.front() == 'l') reading.front() = 'r';
        EXPECT_TRUE(has(syllable_spellings(c), reading)) << utf8(c) << ": ICU writes " << reading;
    }
}

TEST(NameReadings, CustomarySpellingsOfSingleJamo) {
    auto spells = [](const char* hangul, const char* spelling) {
        return has(syllable_spellings(*hangul_syllable(hangul)), spelling);
    };
    EXPECT_TRUE(spells("\uC724", "yoon"));   // 윤: oo for u
    EXPECT_TRUE(spells("\uC774", "ee"));     // 이: ee for a final i
    EXPECT_TRUE(spells("\uC11D", "suk"));    // 석: u for eo
    EXPECT_TRUE(spells("\uC601", "young"));  // 영: you for a bare yeo
    EXPECT_TRUE(spells("\uC2E0", "shin"));   // 신: sh before i
    EXPECT_TRUE(spells("\uD0DC", "thae"));   // 태: th for t
    EXPECT_TRUE(spells("\uD669", "whang"));  // 황: wh for hw
    EXPECT_TRUE(spells("\uACE0", "koh"));    // 고: h after a final vowel
    EXPECT_TRUE(spells("\uD558", "hah"));    // 하 (Choi Kyu-hah)
    EXPECT_TRUE(spells("\uCD5C", "choi"));   // 최: oi for oe
    EXPECT_TRUE(spells("\uC6B0", "woo"));    // 우
    EXPECT_TRUE(spells("\uD76C", "hee"));    // 희
    EXPECT_FALSE(spells("\uB9AC", "li"));    // 리: a word-initial l is Chinese
    EXPECT_FALSE(spells("\uC774", "i") && spells("\uC774", "lee"));  // Lee is hand-listed
}

TEST(NameReadings, InitialSoundRuleGivesTheSouthsForm) {
    const std::vector<std::pair<std::string, std::string>> north_south{
        {"\uB9AC\uC124\uC8FC", "\uC774\uC124\uC8FC"},  // 리설주 이설주
        {"\uB9AC\uC120\uAD8C", "\uC774\uC120\uAD8C"},  // 리선권 이선권
        {"\uCD5C\uB8E1\uD574", "\uCD5C\uC6A9\uD574"},  // 최룡해 최용해
        {"\uB958", "\uC720"},                          // 류 유
        {"\uB85C", "\uB178"},                          // 로 노
        {"\uB140", "\uC5EC"},                          // 녀 여
        {"\uB7C9", "\uC591"},                          // 량 양
        {"\uB9BC", "\uC784"},                          // 림 임
        {"\uB77C", "\uB098"},                          // 라 나
        {"\uAE40\uC815\uC740", "\uAE40\uC815\uC740"},  // 김정은 unchanged
        {"\uB098", "\uB098"},                          // 나 unchanged
    };
    for (const auto& [north, south] : north_south) EXPECT_EQ(initial_sound_form(north), south) << north;
}

}  // namespace
}  // namespace corpus::schema
