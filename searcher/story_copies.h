// What --collapse adds to a page (search.h, SearchRequest::collapse): how many stories
// the matches make, and each shown story's other matching articles. Both read only the
// articles that have copies, through the story slot's value stream (fields.h,
// slot_story), which the rest of the index leaves empty; both run over remote shards too.
#pragma once

#include "searcher/search.h"

#include <xapian.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace corpus::searcher {

// The distinct stories among the `total` matches of `query`: every match without a copy
// is a story of its own. Throws what Xapian throws.
std::size_t count_stories(Xapian::Database& db, const Xapian::Query& query, std::size_t total);

// The matches of `query` in each of `stories` (story values), by story, oldest first
// (undated last, then by id). Throws what Xapian throws; an Error for a stored article
// that cannot be read.
Result<std::map<std::string, std::vector<StoryCopy>>> story_members(Xapian::Database& db, const Xapian::Query& query,
                                                                    const std::vector<std::string>& stories);

}  // namespace corpus::searcher
