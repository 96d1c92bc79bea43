#include "schema/story.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace corpus::schema {
namespace {

// Which bin a shingle's hash falls in: its top bits.
constexpr unsigned bin_shift = 64 - 7;
static_assert(story_hashes == std::size_t{1} << (64 - bin_shift));

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
        std::uint64_t& minimum = minima[shingle >> bin_shift];
        minimum = std::min(minimum, shingle);
    }
    StoryFingerprint fingerprint;
    fingerprint.shingles = static_cast<std::uint32_t>(std::min<std::size_t>(shingles, std::numeric_limits<std::uint32_t>::max()));
    for (std::size_t i = 0; i < story_hashes; ++i) {
        if (minima[i] == std::numeric_limits<std::uint64_t>::max()) continue;  // no shingle fell in this bin
        // Any 16 bits of the minimum tell shingles apart; empty_minimum is kept for none.
        const auto kept = static_cast<std::uint16_t>(minima[i]);
        fingerprint.minima[i] = kept == story_empty_minimum ? 1 : kept;
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

// The bins empty in both say nothing (one-permutation hashing's estimator: equal bins over
// bins not empty in both); a bin empty in one only is a difference.
StoryLikeness likeness_over(const StoryFingerprint& a, const StoryFingerprint& b, const StoryCommonMinima& left_out) {
    std::size_t equal = 0, compared = 0;
    for (std::size_t i = 0; i < story_hashes; ++i) {
        const bool a_empty = a.minima[i] == story_empty_minimum, b_empty = b.minima[i] == story_empty_minimum;
        if (left_out[i] || (a_empty && b_empty)) continue;
        ++compared;
        equal += a.minima[i] == b.minima[i];
    }
    return compared == 0 ? StoryLikeness{0, 0} : likeness_from(a, b, equal, compared);
}

}  // namespace

StoryLikeness story_likeness(const StoryFingerprint& a, const StoryFingerprint& b) {
    return likeness_over(a, b, {});
}

StoryLikeness story_likeness(const StoryFingerprint& a, const StoryCommonMinima& a_common, const StoryFingerprint& b,
                             const StoryCommonMinima& b_common) {
    const StoryCommonMinima left_out = a_common | b_common;
    if (story_hashes - left_out.count() < least_compared) return story_likeness(a, b);
    return likeness_over(a, b, left_out);
}

bool same_story(const StoryLikeness& likeness) {
    return likeness.jaccard >= 0.2 && likeness.containment >= 0.6;
}

}  // namespace corpus::schema
