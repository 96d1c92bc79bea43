// Stories: articles whose bodies are near-copies (one wire story run by several outlets,
// under other headlines, trimmed, with a dateline or paragraph added, a few words edited)
// share a story. Each body gets a MinHash fingerprint over its word shingles at index
// time (the words as the analysis chain normalizes them, so "Kim Jong-un" and "Kim Jong
// Un", "defence" and "defense" are the same words); the indexer groups the fingerprints
// of the whole index (indexer/stories.h).
//
// MinHash, not SimHash: a copy trimmed to half its length, or one with paragraphs added,
// keeps half or less of the other's shingles. MinHash estimates the Jaccard similarity J
// of the two shingle sets, and with their sizes the share of the shorter text that the
// longer holds (its containment), which stays near 1 for a trimmed or extended copy;
// SimHash estimates a cosine over the whole text, which such a copy lowers as much as
// rewriting does.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace corpus::schema {

// Words per shingle: a word changed or respelled changes this many shingles.
inline constexpr std::size_t story_shingle_words = 4;
// Minima kept per fingerprint: one-permutation hashing, each shingle's hash falling in one
// of this many bins by its top bits, each bin keeping 16 bits of its least hash. One hash
// per shingle: 128 hash functions of classic MinHash cost 5.6% of indexing's instructions.
inline constexpr std::size_t story_hashes = 128;
// A bin no shingle fell in (a short body leaves many).
inline constexpr std::uint16_t story_empty_minimum = 0;

struct StoryFingerprint {
    std::uint32_t shingles = 0;  // distinct shingles of the body (a bound, counted with repeats)
    std::array<std::uint16_t, story_hashes> minima{};  // story_empty_minimum for an empty bin
};

// The hash of one normalized word (analysis.h, Token::word), as the fingerprint reads it.
std::uint64_t story_word_hash(std::string_view word);

// The fingerprint of a body from its words' hashes in order; nothing for a body without words.
std::optional<StoryFingerprint> story_fingerprint(std::span<const std::uint64_t> word_hashes);

// As stored in the story fingerprint's value slot (fields.h, slot_story_fingerprint), and back.
std::string encode_story_fingerprint(const StoryFingerprint& fingerprint);
std::optional<StoryFingerprint> decode_story_fingerprint(std::string_view value);

// How alike two bodies are, estimated from their fingerprints: the Jaccard similarity of
// their shingle sets, and the share of the shorter body's shingles that the other holds.
struct StoryLikeness {
    double jaccard;
    double containment;
};
StoryLikeness story_likeness(const StoryFingerprint& a, const StoryFingerprint& b);

// Which minima of a fingerprint are common in the index: the minimum of boilerplate
// many articles carry (an outlet's standard paragraph, a disclaimer), not of a story.
using StoryCommonMinima = std::bitset<story_hashes>;

// How alike two bodies are, leaving out the minima either holds in common with many
// articles: two short texts that share only an outlet's standard paragraph are not
// copies. Where too few minima are left (a story run by many outlets makes all of its
// minima common), every minimum counts.
StoryLikeness story_likeness(const StoryFingerprint& a, const StoryCommonMinima& a_common, const StoryFingerprint& b,
                             const StoryCommonMinima& b_common);

// Whether two bodies are near-copies: most of the shorter one is in the other, and they
// share enough that a short text quoted by two different articles does not join them.
bool same_story(const StoryLikeness& likeness);

}  // namespace corpus::schema
