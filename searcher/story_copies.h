// What --collapse adds to a page (search.h, SearchRequest::collapse): how many stories
// the matches make, and each shown story's other matching articles. Both read only the
// articles that have copies, through the story slot's value stream (fields.h,
// slot_story), which the rest of the index leaves empty; both run over remote shards too.
#pragma once

#include "searcher/search.h"
#include "searcher/story_column.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace corpus::searcher {

struct StoriesFound {
    std::size_t stories = 0;  // distinct stories among the matches
    // The matches of each story asked for, oldest first (undated last, then by id).
    std::map<std::string, std::vector<StoryCopy>> members;
};

// The stories among the `total` matches of a search over a local index of one database,
// from its matches' docids (sorted) and its story column. Every match without a story
// value is a story of its own. An Error for a stored article that cannot be read; throws
// what Xapian throws.
Result<StoriesFound> stories_of_matches(const Xapian::Database& db, StoryColumn& column,
                                        const std::vector<Xapian::docid>& matched, std::size_t total,
                                        const std::vector<std::string>& shown);

// The same over any index (several shards, remote ones), by matching `query` again, kept to
// the articles with a story value.
Result<StoriesFound> stories_by_query(Xapian::Database& db, const Xapian::Query& query, std::size_t total,
                                      const std::vector<std::string>& shown);

}  // namespace corpus::searcher
