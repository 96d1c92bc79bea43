// The story pass: after every indexing run, the articles of the whole index (every shard)
// are grouped anew into stories from their fingerprints (schema/story.h), and the story
// value of each article whose story changed is written (schema/fields.h, slot_story).
//
// A story is a connected group of near-copies: two articles are joined when their bodies
// are near-copies (schema::same_story), and a story holds everything so joined. Computed
// from the fingerprints alone, never from the order articles arrived in, so an incremental
// run and a --rebuild make the same stories: a copy indexed later joins its story, and
// changing or deleting one member leaves the others together as long as they are copies
// of each other. A story is named after its first indexed article (slot_indexed; the least
// id among several), so it keeps its name while that article stays.
//
// Candidates come from locality-sensitive hashing: the first 64 bins in bands of two,
// each band's equal pairs checked; a pair of bodies sharing a fifth of their shingles is
// a candidate in most bands.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

namespace corpus::indexer {

struct StoryPassSummary {
    std::size_t stories = 0;   // with two articles or more
    std::size_t articles = 0;  // in those stories
    std::size_t written = 0;   // articles whose story value changed
};

// Groups the articles of `databases` (one index, or every shard of one) and writes the
// story values that changed, committing each database. Throws Xapian::Error.
StoryPassSummary assign_stories(const std::vector<Xapian::WritableDatabase*>& databases);

}  // namespace corpus::indexer
