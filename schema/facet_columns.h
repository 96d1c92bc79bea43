// Facet columns: the outlet, month and person values of the index's articles, a chunk
// of 1,024 consecutive docids at a time, in the index's user metadata.
//
// Exact facets visit every matching article. Reading three value slots per article
// through Xapian (a value chunk located and scanned per slot) and hashing what they hold
// was half the time of a broad query; a facet chunk holds each distinct value of its
// docids once and every article's values as small numbers, so counting an article is a
// few array reads. Chunks are a cache of the value slots, which stay the truth (remote
// shards count from them with Xapian's own spies):
// - every transaction that adds, replaces or deletes an article deletes its chunk, so no
//   reader ever sees a chunk that disagrees with the slots it was committed with;
// - the end of every indexing run writes the chunks the index lacks, in a transaction
//   of its own; a run that dies before that leaves chunks missing, never wrong;
// - a reader counts an article whose chunk is missing or unreadable from its slots.
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

inline constexpr Xapian::docid facet_chunk_docs = 1024;

inline std::uint32_t facet_chunk_of(Xapian::docid did) { return (did - 1) / facet_chunk_docs; }
std::string facet_chunk_key(std::uint32_t chunk);

// The little-endian number of Word's width at `index` of the array at `at` (a chunk's
// blob has no alignment).
template <typename Word>
inline Word facet_chunk_number(const char* at, std::size_t index) {
    Word value;
    std::memcpy(&value, at + index * sizeof(Word), sizeof(Word));
    if constexpr (std::endian::native == std::endian::big && sizeof(Word) == 2) value = __builtin_bswap16(value);
    if constexpr (std::endian::native == std::endian::big && sizeof(Word) == 4) value = __builtin_bswap32(value);
    return value;
}

// One decoded chunk: views into the stored blob, checked once when decoded.
class FacetChunk {
public:
    static constexpr std::uint32_t none = 0xffffffff;  // no value (or no such article)

    // The chunk stored under `chunk`, or nothing when it is missing or malformed.
    static std::optional<FacetChunk> read(const Xapian::Database& db, std::uint32_t chunk);
    static std::optional<FacetChunk> decode(std::string blob);

    Xapian::docid first_docid() const { return first_; }
    // Whether the chunk holds `did`'s values (the last chunk may end before it).
    bool covers(Xapian::docid did) const { return did >= first_ && did - first_ < docs_; }
    // Per article, by a `did` the chunk covers: indexes into the value lists.
    std::uint32_t outlet(Xapian::docid did) const { return load(outlets_, did - first_); }
    std::uint32_t month(Xapian::docid did) const { return load(months_, did - first_); }
    // The person entries (slot_persons lines) of an article: mention_begin..mention_end.
    std::uint32_t mention_begin(Xapian::docid did) const { return load(mention_starts_, did - first_); }
    std::uint32_t mention_end(Xapian::docid did) const { return load(mention_starts_, did - first_ + 1); }
    std::uint32_t mention(std::uint32_t at) const { return load(mentions_, at); }

    std::string_view outlet_value(std::uint32_t index) const { return string_at(outlet_strings_, index); }
    std::string_view month_value(std::uint32_t index) const { return string_at(month_strings_, index); }
    std::string_view person_entry(std::uint32_t index) const { return string_at(entry_strings_, index); }
    std::uint32_t outlet_values() const { return outlet_strings_.count; }
    std::uint32_t month_values() const { return month_strings_.count; }
    std::uint32_t person_entries() const { return entry_strings_.count; }
    // The chunk's entries numbered by person (their key), so that an article spelling one
    // person two ways counts once: the person of an entry (none when it has no key), and
    // one entry of each person. The writer numbers them, so a reader hashes no key.
    std::uint32_t entry_person(std::uint32_t entry) const { return entry_person_[entry]; }
    std::uint32_t persons() const { return static_cast<std::uint32_t>(person_entry_.size()); }
    std::uint32_t person_entry_of(std::uint32_t person) const { return person_entry_[person]; }

private:
    struct Strings {
        std::size_t offsets = 0;  // count + 1 offsets into the bytes that follow them
        std::uint32_t count = 0;
    };
    // An array of numbers 1, 2 or 4 bytes wide, as narrow as its largest number allows: a
    // process reads every chunk its query touches, and most numbers are small. The
    // all-ones number of its width stands for none.
    struct Column {
        std::size_t at = 0;  // offset in blob_
        std::uint32_t width = 4;
    };
    std::uint32_t load(const Column& column, std::uint32_t index) const {
        const char* at = blob_.data() + column.at;
        switch (column.width) {
            case 1: {
                const auto value = facet_chunk_number<std::uint8_t>(at, index);
                return value == 0xff ? none : value;
            }
            case 2: {
                const auto value = facet_chunk_number<std::uint16_t>(at, index);
                return value == 0xffff ? none : value;
            }
            default:
                return facet_chunk_number<std::uint32_t>(at, index);
        }
    }
    // Whether the first `length` numbers of `column` are each below `limit`, or none where
    // `none_allowed`.
    bool all_below(const Column& column, std::uint32_t length, std::uint32_t limit, bool none_allowed) const;
    // Whether the first `length` numbers of `column` never fall.
    bool rising(const Column& column, std::uint32_t length) const;
    std::string_view string_at(const Strings& strings, std::uint32_t index) const;

    std::string blob_;
    Xapian::docid first_ = 1;
    std::uint32_t docs_ = 0;
    Strings outlet_strings_, month_strings_, entry_strings_;
    Column outlets_, months_, mention_starts_, mentions_;
    // Read for every mention counted, so held at full width.
    std::vector<std::uint32_t> entry_person_, person_entry_;
};

// Deletes the chunk holding `did`: called in the transaction that changes the article.
void invalidate_facet_chunk(Xapian::WritableDatabase& db, Xapian::docid did);

// Writes, from the value slots, every chunk of docids 1..lastdocid the index lacks or
// cannot read (one of an older format included), and commits. Returns how many it wrote.
std::size_t write_missing_facet_chunks(Xapian::WritableDatabase& db);

}  // namespace corpus::schema
