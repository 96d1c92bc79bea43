// The story slot (schema/fields.h, slot_story) of a local index, cached per revision.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace corpus::searcher {

// The story slot of a local index of one database, read once per revision and shared by
// its queries: the articles with a story value, by docid, each with its story's number.
// Reading the value stream and its strings for every query cost a tenth of the query
// mix's instructions. Thread-safe.
class StoryColumn {
public:
    struct Column {
        std::vector<Xapian::docid> docids;  // rising
        std::vector<std::uint32_t> stories;  // the story of each, an index into names
        std::vector<std::string> names;
    };
    std::shared_ptr<const Column> get(const Xapian::Database& db);

private:
    std::mutex mutex_;
    std::optional<Xapian::rev> revision_;
    std::shared_ptr<const Column> column_;
};

}  // namespace corpus::searcher
