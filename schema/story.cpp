#include "schema/story.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace corpus::schema {
namespace {

// The fingerprint's hash functions: multiply-add over an already well-mixed shingle hash
// (Dietzfelbinger's multiply-shift family), their constants drawn by splitmix64 from a
// fixed seed, so every build and every run computes the same fingerprints.
struct HashFunctions {
    std::array<std::uint64_t, story_hashes> multiply{};
    std::array<std::uint64_t, story_hashes> add{};
};

constexpr HashFunctions make_hash_functions() {
    HashFunctions functions;
    std::uint64_t state = 0x636f72707573ULL;  // "corpus"
    auto next = [&state] {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    };
    for (std::size_t i = 0; i < story_hashes; ++i) {
        functions.multiply[i] = next() | 1;
        functions.add[i] = next();
    }
    return functions;
}

constexpr HashFunctions hash_functions = make_hash_functions();

// Bits of a minimum that vary: the highest ones are near zero in a minimum of many.
constexpr unsigned kept_bits_shift = 32;

}  // namespace

std::uint64_t story_word_hash(std::string_view word) {
    return XXH3_64bits(word.data(), word.size());
}

std::optional<StoryFingerprint> story_fingerprint(std::span<const std::uint64_t> word_hashes) {
    if (word_hashes.empty()) return std::nullopt;
    // A body shorter than a shingle is one shingle of all its words.
    const std::size_t width = std::min(story_shingle_words, word_hashes.size());
    const std::size_t shingles = word_hashes.size() - width + 1;
    std::array<std::uint64_t, story_hashes> minima;
    minima.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::size_t first = 0; first < shingles; ++first) {
        const std::uint64_t shingle = XXH3_64bits(word_hashes.data() + first, width * sizeof(std::uint64_t));
        for (std::size_t i = 0; i < story_hashes; ++i) {
            minima[i] = std::min(minima[i], shingle * hash_functions.multiply[i] + hash_functions.add[i]);
        }
    }
    StoryFingerprint fingerprint;
    fingerprint.shingles = static_cast<std::uint32_t>(std::min<std::size_t>(shingles, std::numeric_limits<std::uint32_t>::max()));
    for (std::size_t i = 0; i < story_hashes; ++i) {
        fingerprint.minima[i] = static_cast<std::uint16_t>(minima[i] >> kept_bits_shift);
    }
    return fingerprint;
}

std::string encode_story_fingerprint(const StoryFingerprint& fingerprint) {
    std::string value;
    value.reserve(4 + 2 * story_hashes);
    for (unsigned shift = 0; shift < 32; shift += 8) value.push_back(static_cast<char>((fingerprint.shingles >> shift) & 0xff));
    for (const std::uint16_t minimum : fingerprint.minima) {
        value.push_back(static_cast<char>(minimum & 0xff));
        value.push_back(static_cast<char>(minimum >> 8));
    }
    return value;
}

std::optional<StoryFingerprint> decode_story_fingerprint(std::string_view value) {
    if (value.size() != 4 + 2 * story_hashes) return std::nullopt;
    auto byte = [&value](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(value[i])); };
    StoryFingerprint fingerprint;
    fingerprint.shingles = byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
    for (std::size_t i = 0; i < story_hashes; ++i) {
        fingerprint.minima[i] = static_cast<std::uint16_t>(byte(4 + 2 * i) | byte(5 + 2 * i) << 8);
    }
    return fingerprint;
}

namespace {

StoryLikeness likeness_from(const StoryFingerprint& a, const StoryFingerprint& b, std::size_t equal, std::size_t compared) {
    const double jaccard = static_cast<double>(equal) / static_cast<double>(compared);
    // |A∩B| = J·(|A|+|B|)/(1+J); over the smaller set.
    const double smaller = std::max<double>(1, std::min(a.shingles, b.shingles));
    const double shared = jaccard * (static_cast<double>(a.shingles) + b.shingles) / (1 + jaccard);
    return {jaccard, std::min(1.0, shared / smaller)};
}

// Fewer minima than this left after the common ones: too few to tell.
constexpr std::size_t least_compared = 32;

}  // namespace

StoryLikeness story_likeness(const StoryFingerprint& a, const StoryFingerprint& b) {
    std::size_t equal = 0;
    for (std::size_t i = 0; i < story_hashes; ++i) equal += a.minima[i] == b.minima[i];
    return likeness_from(a, b, equal, story_hashes);
}

StoryLikeness story_likeness(const StoryFingerprint& a, const StoryCommonMinima& a_common, const StoryFingerprint& b,
                             const StoryCommonMinima& b_common) {
    const StoryCommonMinima left_out = a_common | b_common;
    if (story_hashes - left_out.count() < least_compared) return story_likeness(a, b);
    std::size_t equal = 0;
    for (std::size_t i = 0; i < story_hashes; ++i) equal += !left_out[i] && a.minima[i] == b.minima[i];
    return likeness_from(a, b, equal, story_hashes - left_out.count());
}

bool same_story(const StoryLikeness& likeness) {
    return likeness.jaccard >= 0.2 && likeness.containment >= 0.6;
}

}  // namespace corpus::schema
