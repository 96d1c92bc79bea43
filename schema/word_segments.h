// Stage 1 of the analysis chain: where ICU's word-break rules (UAX #29, the root
// locale) put the words and numbers of a text.
//
// ICU's iterator is most of what tokenizing costs, and most of a news text is plain ASCII
// words and numbers between spaces and punctuation, where the rules' answer is known
// without running them: word_segments finds those itself and hands every other stretch
// (abbreviations, contractions, decimals, addresses, any non-ASCII byte) to ICU. Its
// answer is ICU's, segment for segment (word_segments_test compares them on every short
// string over each kind of character and on real pages).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace corpus::schema {

struct WordSegment {
    std::size_t start;  // byte offsets into the text
    std::size_t end;
    std::int32_t status;  // ICU's rule status: UBRK_WORD_NUMBER.. for numbers, UBRK_WORD_LETTER.. and up for words
};

// The segments of `text` whose rule status is a word's or a number's (at least
// UBRK_WORD_NONE_LIMIT), in order; spaces and punctuation are left out. `out` is
// cleared first.
void word_segments(std::string_view text, std::vector<WordSegment>& out);

// The same, from ICU's iterator over the whole text.
void icu_word_segments(std::string_view text, std::vector<WordSegment>& out);

}  // namespace corpus::schema
