#include "schema/word_segments.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <array>
#include <memory>
#include <stdexcept>
#include <string>

namespace corpus::schema {
namespace {

// A BreakIterator is costly to create and not thread-safe: one per thread.
icu::BreakIterator& word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word breaker: ") + u_errorName(status));
        return made;
    }();
    return *breaker;
}

// Appends ICU's word and number segments of text[from, to).
void icu_append(std::string_view text, std::size_t from, std::size_t to, std::vector<WordSegment>& out) {
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = utext_openUTF8(nullptr, text.data() + from, static_cast<int64_t>(to - from), &status);
    if (U_FAILURE(status)) return;
    icu::BreakIterator& breaker = word_breaker();
    breaker.setText(utext, status);
    // With a UTF-8 UText, break positions are byte offsets.
    for (int32_t start = breaker.first(), end = breaker.next(); end != icu::BreakIterator::DONE;
         start = end, end = breaker.next()) {
        const int32_t rule = breaker.getRuleStatus();
        if (rule < UBRK_WORD_NONE_LIMIT) continue;
        out.push_back({from + static_cast<std::size_t>(start), from + static_cast<std::size_t>(end), rule});
    }
    // setText() keeps a shallow reference to the UText; detach it before closing.
    breaker.setText(icu::UnicodeString());
    utext_close(utext);
}

// What an ASCII byte is to the rules. Around a `hard` byte (space, control, most
// punctuation: Word_Break Other, CR, LF, Newline) there is always a break: no rule joins
// it to what comes before or after. An `edge` byte (. , ; : ' ") joins only a letter or
// digit on each side, so at either end of a stretch it stands alone. `other` is what
// only ICU can place: '_' and '@', which join words, and every byte of a UTF-8 sequence.
enum class Byte : std::uint8_t { hard, letter, digit, edge, other };

constexpr std::array<Byte, 256> byte_kinds = [] {
    std::array<Byte, 256> kinds{};
    for (std::size_t b = 0x80; b < 256; ++b) kinds[b] = Byte::other;
    for (char c = 'a'; c <= 'z'; ++c) kinds[static_cast<unsigned char>(c)] = Byte::letter;
    for (char c = 'A'; c <= 'Z'; ++c) kinds[static_cast<unsigned char>(c)] = Byte::letter;
    for (char c = '0'; c <= '9'; ++c) kinds[static_cast<unsigned char>(c)] = Byte::digit;
    for (char c : std::string_view(".,;:'\"")) kinds[static_cast<unsigned char>(c)] = Byte::edge;
    kinds[static_cast<unsigned char>('_')] = Byte::other;
    kinds[static_cast<unsigned char>('@')] = Byte::other;
    return kinds;
}();

Byte kind(char c) {
    return byte_kinds[static_cast<unsigned char>(c)];
}

}  // namespace

void icu_word_segments(std::string_view text, std::vector<WordSegment>& out) {
    out.clear();
    icu_append(text, 0, text.size(), out);
}

void word_segments(std::string_view text, std::vector<WordSegment>& out) {
    out.clear();
    std::size_t at = 0;
    while (at < text.size()) {
        if (kind(text[at]) == Byte::hard) {
            ++at;
            continue;
        }
        // A stretch between hard bytes breaks as it would in the whole text.
        std::size_t end = at;
        bool plain = true;
        while (end < text.size() && kind(text[end]) != Byte::hard) {
            plain = plain && kind(text[end]) != Byte::other;
            ++end;
        }
        std::size_t first = at;
        std::size_t last = end;
        while (plain && first < last && kind(text[first]) == Byte::edge) ++first;
        while (plain && last > first && kind(text[last - 1]) == Byte::edge) --last;
        // Letters alone are one word (WB5), digits alone one number (WB8); any mixture
        // goes to ICU, whose rule status for one is not worth guessing.
        const Byte head = first < last ? kind(text[first]) : Byte::edge;
        bool uniform = plain && (head == Byte::letter || head == Byte::digit);
        for (std::size_t k = first; uniform && k < last; ++k) uniform = kind(text[k]) == head;
        if (uniform) {
            out.push_back({first, last, head == Byte::letter ? UBRK_WORD_LETTER : UBRK_WORD_NUMBER});
        } else if (!plain || first < last) {
            icu_append(text, at, end, out);
        }
        at = end;
    }
}

}  // namespace corpus::schema
