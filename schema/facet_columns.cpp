#include "schema/facet_columns.h"

#include "schema/fields.h"
#include "schema/person_facet.h"

#include <bit>
#include <cstdio>
#include <cstring>
#include <set>
#include <unordered_map>
#include <vector>

namespace corpus::schema {
namespace {

// Little-endian 32-bit words throughout; read with memcpy, as the blob has no alignment.
constexpr std::uint32_t chunk_format = 1;
constexpr std::size_t header_words = 7;  // format, first docid, docs, outlets, months, entries, mentions

void put(std::string& out, std::uint32_t word) {
    const unsigned char bytes[4] = {static_cast<unsigned char>(word), static_cast<unsigned char>(word >> 8),
                                    static_cast<unsigned char>(word >> 16), static_cast<unsigned char>(word >> 24)};
    out.append(reinterpret_cast<const char*>(bytes), 4);
}

std::uint32_t get(const std::string& blob, std::size_t at) { return facet_chunk_word(blob, at); }

// The distinct values of one column, numbered in order of first appearance.
class Dictionary {
public:
    std::uint32_t index_of(std::string_view value) {
        auto [it, added] = indexes_.try_emplace(std::string(value), static_cast<std::uint32_t>(values_.size()));
        if (added) values_.push_back(&it->first);
        return it->second;
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(values_.size()); }
    void write(std::string& out) const {
        std::uint32_t offset = 0;
        put(out, offset);
        for (const std::string* value : values_) put(out, offset += static_cast<std::uint32_t>(value->size()));
        for (const std::string* value : values_) out += *value;
    }

private:
    std::unordered_map<std::string, std::uint32_t> indexes_;
    std::vector<const std::string*> values_;  // keys of indexes_, whose nodes do not move
};

// Builds one chunk from the articles' values, given in rising docid order.
class ChunkWriter {
public:
    explicit ChunkWriter(std::uint32_t chunk)
        : first_(chunk * facet_chunk_docs + 1), outlets_(facet_chunk_docs, FacetChunk::none),
          months_(facet_chunk_docs, FacetChunk::none), mentions_of_(facet_chunk_docs) {}

    void outlet(Xapian::docid did, std::string_view value) {
        if (!value.empty()) outlets_[did - first_] = outlet_values_.index_of(value);
    }
    void month(Xapian::docid did, std::string_view value) {
        if (!value.empty()) months_[did - first_] = month_values_.index_of(value);
    }
    void persons(Xapian::docid did, std::string_view value) {
        for_each_person_entry(value, [&](std::string_view entry) {
            mentions_of_[did - first_].push_back(entries_.index_of(entry));
        });
    }

    std::string encode(Xapian::docid last_docid) const {
        const std::uint32_t docs = std::min<Xapian::docid>(facet_chunk_docs, last_docid - first_ + 1);
        std::uint32_t mentions = 0;
        for (std::uint32_t d = 0; d < docs; ++d) mentions += static_cast<std::uint32_t>(mentions_of_[d].size());
        std::string out;
        for (std::uint32_t word : {chunk_format, first_, docs, outlet_values_.size(), month_values_.size(),
                                   entries_.size(), mentions}) {
            put(out, word);
        }
        outlet_values_.write(out);
        month_values_.write(out);
        entries_.write(out);
        for (std::uint32_t d = 0; d < docs; ++d) put(out, outlets_[d]);
        for (std::uint32_t d = 0; d < docs; ++d) put(out, months_[d]);
        std::uint32_t start = 0;
        put(out, start);
        for (std::uint32_t d = 0; d < docs; ++d) put(out, start += static_cast<std::uint32_t>(mentions_of_[d].size()));
        for (std::uint32_t d = 0; d < docs; ++d) {
            for (std::uint32_t entry : mentions_of_[d]) put(out, entry);
        }
        return out;
    }

private:
    Xapian::docid first_;
    std::vector<std::uint32_t> outlets_, months_;
    std::vector<std::vector<std::uint32_t>> mentions_of_;
    Dictionary outlet_values_, month_values_, entries_;
};

// Feeds a ChunkWriter one slot's values for the docids of its chunk; the value stream
// moves forward only, chunk after chunk.
class SlotFeed {
public:
    SlotFeed(const Xapian::Database& db, Xapian::valueno slot)
        : it_(db.valuestream_begin(slot)), end_(db.valuestream_end(slot)) {}

    template <typename Take>
    void feed(Xapian::docid first, Xapian::docid last, Take take) {
        if (it_ != end_ && it_.get_docid() < first) it_.skip_to(first);
        for (; it_ != end_ && it_.get_docid() <= last; ++it_) take(it_.get_docid(), *it_);
    }

private:
    Xapian::ValueIterator it_, end_;
};

}  // namespace

std::string facet_chunk_key(std::uint32_t chunk) {
    char number[9];
    std::snprintf(number, sizeof number, "%08x", static_cast<unsigned>(chunk));
    return std::string(meta_facet_chunk_prefix) + number;
}

std::optional<FacetChunk> FacetChunk::read(const Xapian::Database& db, std::uint32_t chunk) {
    std::optional<FacetChunk> decoded = decode(db.get_metadata(facet_chunk_key(chunk)));
    if (decoded && decoded->first_ != chunk * facet_chunk_docs + 1) return std::nullopt;
    return decoded;
}

std::optional<FacetChunk> FacetChunk::decode(std::string blob) {
    FacetChunk chunk;
    chunk.blob_ = std::move(blob);
    const std::string& b = chunk.blob_;
    if (b.size() < header_words * 4 || get(b, 0) != chunk_format) return std::nullopt;
    chunk.first_ = get(b, 4);
    const std::uint32_t docs = get(b, 8);
    const std::uint32_t mentions = get(b, 24);
    if (chunk.first_ == 0 || docs == 0 || docs > facet_chunk_docs) return std::nullopt;
    std::size_t at = header_words * 4;
    std::size_t counts_at = 12;
    for (Strings* strings : {&chunk.outlet_strings_, &chunk.month_strings_, &chunk.entry_strings_}) {
        strings->count = get(b, counts_at);
        counts_at += 4;
        if (strings->count > b.size() / 4 || (b.size() - at) / 4 < std::size_t{strings->count} + 1) return std::nullopt;
        strings->offsets = at;
        const std::size_t bytes_at = at + (std::size_t{strings->count} + 1) * 4;
        std::uint32_t previous = 0;
        if (get(b, at) != 0) return std::nullopt;
        for (std::uint32_t i = 1; i <= strings->count; ++i) {
            const std::uint32_t offset = get(b, at + std::size_t{i} * 4);
            if (offset < previous) return std::nullopt;
            previous = offset;
        }
        if (previous > b.size() - bytes_at) return std::nullopt;
        at = bytes_at + previous;
    }
    // The four arrays fill the rest exactly.
    if (mentions > b.size() / 4 || b.size() - at != (std::size_t{docs} * 3 + 1 + mentions) * 4) return std::nullopt;
    chunk.outlets_at_ = at;
    chunk.months_at_ = at + std::size_t{docs} * 4;
    chunk.mention_starts_ = chunk.months_at_ + std::size_t{docs} * 4;
    chunk.mentions_ = chunk.mention_starts_ + (std::size_t{docs} + 1) * 4;
    for (std::uint32_t d = 0; d < docs; ++d) {
        const std::uint32_t outlet = chunk.load(chunk.outlets_at_, d);
        const std::uint32_t month = chunk.load(chunk.months_at_, d);
        if ((outlet != none && outlet >= chunk.outlet_strings_.count) ||
            (month != none && month >= chunk.month_strings_.count)) {
            return std::nullopt;
        }
    }
    if (chunk.load(chunk.mention_starts_, 0) != 0 || chunk.load(chunk.mention_starts_, docs) != mentions) {
        return std::nullopt;
    }
    for (std::uint32_t d = 0; d < docs; ++d) {
        if (chunk.load(chunk.mention_starts_, d) > chunk.load(chunk.mention_starts_, d + 1)) return std::nullopt;
    }
    for (std::uint32_t m = 0; m < mentions; ++m) {
        if (chunk.load(chunk.mentions_, m) >= chunk.entry_strings_.count) return std::nullopt;
    }
    std::unordered_map<std::string_view, std::uint32_t> person_of_key;
    chunk.entry_person_.assign(chunk.entry_strings_.count, none);
    for (std::uint32_t entry = 0; entry < chunk.entry_strings_.count; ++entry) {
        const std::string_view text = chunk.string_at(chunk.entry_strings_, entry);
        const std::size_t tab = text.find('\t');
        if (tab == std::string_view::npos) continue;  // not counted, as PersonTally does
        const auto [it, added] =
            person_of_key.try_emplace(text.substr(0, tab), static_cast<std::uint32_t>(chunk.person_entry_.size()));
        if (added) chunk.person_entry_.push_back(entry);
        chunk.entry_person_[entry] = it->second;
    }
    chunk.docs_ = docs;
    return chunk;
}

std::string_view FacetChunk::string_at(const Strings& strings, std::uint32_t index) const {
    const std::size_t bytes_at = strings.offsets + (std::size_t{strings.count} + 1) * 4;
    const std::uint32_t begin = load(strings.offsets, index);
    const std::uint32_t end = load(strings.offsets, index + 1);
    return std::string_view(blob_).substr(bytes_at + begin, end - begin);
}

void invalidate_facet_chunk(Xapian::WritableDatabase& db, Xapian::docid did) {
    db.set_metadata(facet_chunk_key(facet_chunk_of(did)), "");
}

std::size_t write_missing_facet_chunks(Xapian::WritableDatabase& db) {
    const Xapian::docid last = db.get_lastdocid();
    if (last == 0) return 0;
    std::set<std::string> present;
    const std::string prefix(meta_facet_chunk_prefix);
    for (Xapian::TermIterator it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        present.insert(*it);
    }
    SlotFeed outlets(db, slot_outlet), months(db, slot_month), persons(db, slot_persons);
    std::size_t written = 0;
    db.begin_transaction();
    for (std::uint32_t chunk = 0; chunk <= facet_chunk_of(last); ++chunk) {
        const std::string key = facet_chunk_key(chunk);
        if (present.contains(key)) continue;
        const Xapian::docid first = chunk * facet_chunk_docs + 1;
        const Xapian::docid chunk_last = std::min<Xapian::docid>(first + facet_chunk_docs - 1, last);
        ChunkWriter writer(chunk);
        outlets.feed(first, chunk_last, [&](Xapian::docid did, const std::string& v) { writer.outlet(did, v); });
        months.feed(first, chunk_last, [&](Xapian::docid did, const std::string& v) { writer.month(did, v); });
        persons.feed(first, chunk_last, [&](Xapian::docid did, const std::string& v) { writer.persons(did, v); });
        db.set_metadata(key, writer.encode(last));
        ++written;
    }
    db.commit_transaction();
    return written;
}

}  // namespace corpus::schema
