// The outlet, month and person facets of a local index, counted in one pass over the
// match set.
//
// Xapian's ValueCountMatchSpy fetches each value through the document (a B-tree lookup
// and a scan of a value chunk per value) and keeps an ordered map of every distinct
// value: for the person slot, whose value is close to unique per article, that map was
// most of a broad query's time. This spy counts an article from its facet chunk
// (schema/facet_columns.h: each distinct value of 1,024 docids looked up once, then
// array reads), and from value streams, which move forward chunk by chunk as the matcher
// hands it documents in rising docid order, where the chunk is missing. A database of
// several local shards is read through the documents, whose docids are then the shards'
// own. It is not serialisable, so xapian-tcpsrv cannot run it: searches over remote
// shards keep Xapian's own spies.
#pragma once

#include "schema/facet_columns.h"
#include "schema/person_facet.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus::searcher {

// Which facets a search counts. Each costs work for every match (the person facet the
// most), so a facet nobody asked for is not counted at all.
struct FacetSet {
    bool outlet = true;
    bool month = true;
    bool person = true;
    bool any() const { return outlet || month || person; }
};

// The facet chunks of one index, decoded once and shared by the queries (and the
// threads) of a process: reading and checking every chunk a query touches was most of
// the time of a query of few matches, which touch nearly all. Held for one revision of
// one database; dropped when the index changes. Thread-safe.
class FacetChunkCache {
public:
    // Chunk `chunk` of `db`, or nullptr when it is missing or malformed.
    std::shared_ptr<const schema::FacetChunk> get(const Xapian::Database& db, std::uint32_t chunk);

private:
    std::mutex mutex_;
    std::optional<Xapian::rev> revision_;
    std::unordered_map<std::uint32_t, std::shared_ptr<const schema::FacetChunk>> chunks_;  // nullptr: missing
};

class FacetSpy : public Xapian::MatchSpy {
public:
    // Without a cache, each chunk is read from `db` as the matcher reaches it. Only the
    // facets in `counted` are counted; the others stay empty.
    explicit FacetSpy(const Xapian::Database& db, FacetChunkCache* chunks = nullptr, FacetSet counted = {});

    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts article `did` as operator() counts a matched one; for an index of one
    // database only, whose docids the facet chunks and value streams follow.
    void count(Xapian::docid did);
    // Adds what a spy over other articles (another part of the index) counted.
    void merge(const FacetSpy& other);

    // Distinct values with their article counts, in value order (as ValueCountMatchSpy).
    std::vector<std::pair<std::string, std::size_t>> outlets() const;
    std::vector<std::pair<std::string, std::size_t>> months() const;
    std::vector<schema::PersonCount> persons() const {
        settle_chunk();
        return persons_.counts();
    }

private:
    // One slot's values, read forward.
    class SlotReader {
    public:
        SlotReader(const Xapian::Database& db, Xapian::valueno slot);
        // The value of `did` in this slot ("" when it has none); valid until the next call.
        const std::string& read(Xapian::docid did);

    private:
        Xapian::Database db_;
        Xapian::valueno slot_;
        Xapian::ValueIterator it_;
        bool started_ = false;
        Xapian::docid last_did_ = 0;
        std::string value_;
    };

    using Counts = std::unordered_map<std::string, std::size_t>;
    static std::vector<std::pair<std::string, std::size_t>> listed(const Counts& counts);

    void count_from_slots(Xapian::docid did);
    void count_from_chunk(Xapian::docid did);
    // The chunk of `did` read, with its values not yet looked up in the counts.
    void load_chunk(std::uint32_t chunk);
    // A chunk's value index to its counter in `counts`, looked up (by the chunk's `value`
    // of it) on first use.
    std::size_t& counter(std::vector<std::size_t*>& counters, Counts& counts, std::uint32_t index,
                         std::string_view (schema::FacetChunk::*value)(std::uint32_t) const) const;

    Xapian::Database db_;
    FacetChunkCache* chunks_;
    FacetSet counted_;
    bool single_shard_;
    std::optional<std::uint32_t> chunk_number_;  // of chunk_ (read or found missing)
    std::shared_ptr<const schema::FacetChunk> chunk_;
    std::vector<std::size_t*> outlet_counters_, month_counters_;
    // People are counted per chunk, by the chunk's own numbers (an article's mentions cost
    // a few array reads), and the chunk's counts go into persons_ when the next chunk is
    // loaded or the counts are read: settle_chunk(), which may run on a const spy.
    void settle_chunk() const;
    mutable std::vector<std::uint32_t> entry_mentions_;   // chunk entry -> articles using it
    mutable std::vector<std::uint32_t> person_articles_;  // person of the chunk -> articles
    std::vector<std::uint32_t> person_last_article_;      // person of the chunk -> last article counting it
    std::uint32_t articles_in_chunk_ = 0;
    SlotReader outlet_reader_;
    SlotReader month_reader_;
    SlotReader person_reader_;
    Counts outlets_;
    Counts months_;
    mutable schema::PersonTally persons_;
};

}  // namespace corpus::searcher
