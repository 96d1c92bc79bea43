// Ordinary English words, one a line: the commonest sizes (10 and 20, some 12,000 words
// with their inflections) of Debian's scowl word lists, embedded at build time (CMake
// writes english_words.cpp from english_words.cpp.in). Analysis uses them to tell a
// shouted word from an acronym (analysis.h, Acronym).
#pragma once

#include <string_view>

namespace corpus::schema {

extern const std::string_view english_words_10;
extern const std::string_view english_words_20;
// Words English writes with a capital, sizes 10 to 50 of scowl's upper-case and proper-name
// lists (Anna, Seoul): the name layer's test for a Western given name.
extern const std::string_view english_proper_words;

}  // namespace corpus::schema
