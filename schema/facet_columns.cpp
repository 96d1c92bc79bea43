#include "schema/facet_columns.h"

#include "schema/fields.h"
#include "schema/person_facet.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <set>
#include <unordered_map>
#include <vector>

namespace corpus::schema {
namespace {

// Little-endian throughout; read with memcpy, as the blob has no alignment. Format 2 made
// the arrays as narrow as their numbers and numbered the entries by person.
constexpr std::uint32_t chunk_format = 2;
// Format, first docid, docs; the counts of outlets, months, entries, mentions and
// persons; the widths of the five arrays (outlets, months, mention starts, mentions,
// entry persons).
constexpr std::size_t header_words = 13;
constexpr std::size_t count_words_at = 12;
constexpr std::size_t width_words_at = 32;

// `number`'s low `width` bytes, little-endian.
void put(std::string& out, std::uint32_t number, std::uint32_t width = 4) {
    const unsigned char bytes[4] = {static_cast<unsigned char>(number), static_cast<unsigned char>(number >> 8),
                                    static_cast<unsigned char>(number >> 16), static_cast<unsigned char>(number >> 24)};
    out.append(reinterpret_cast<const char*>(bytes), width);
}

// The 32-bit word at byte `at`.
std::uint32_t get(const std::string& blob, std::size_t at) { return facet_chunk_number<std::uint32_t>(blob.data() + at, 0); }

// The narrowest width whose all-ones number (which stands for none) is above `largest`.
std::uint32_t width_for(const std::vector<std::uint32_t>& numbers) {
    std::uint32_t largest = 0;
    for (const std::uint32_t number : numbers) {
        if (number != FacetChunk::none) largest = std::max(largest, number);
    }
    return largest < 0xff ? 1 : largest < 0xffff ? 2 : 4;
}

void put_column(std::string& out, const std::vector<std::uint32_t>& numbers) {
    const std::uint32_t width = width_for(numbers);
    for (const std::uint32_t number : numbers) put(out, number, width);
}

// The distinct values of one column, numbered in order of first appearance.
class Dictionary {
public:
    std::uint32_t index_of(std::string_view value) {
        auto [it, added] = indexes_.try_emplace(std::string(value), static_cast<std::uint32_t>(values_.size()));
        if (added) values_.push_back(&it->first);
        return it->second;
    }
    std::uint32_t size() const { return static_cast<std::uint32_t>(values_.size()); }
    const std::string& value(std::uint32_t index) const { return *values_[index]; }
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
        const std::vector<std::uint32_t> outlets(outlets_.begin(), outlets_.begin() + docs);
        const std::vector<std::uint32_t> months(months_.begin(), months_.begin() + docs);
        std::vector<std::uint32_t> starts{0};
        std::vector<std::uint32_t> mentions;
        for (std::uint32_t d = 0; d < docs; ++d) {
            mentions.insert(mentions.end(), mentions_of_[d].begin(), mentions_of_[d].end());
            starts.push_back(static_cast<std::uint32_t>(mentions.size()));
        }
        // Persons numbered by key in order of first appearance; an entry without a key (no
        // TAB) has none, as PersonTally does not count it.
        std::vector<std::uint32_t> entry_persons;
        std::unordered_map<std::string_view, std::uint32_t> person_of_key;
        for (std::uint32_t entry = 0; entry < entries_.size(); ++entry) {
            const std::string_view text = entries_.value(entry);
            const std::size_t tab = text.find('\t');
            if (tab == std::string_view::npos) {
                entry_persons.push_back(FacetChunk::none);
                continue;
            }
            const auto next = static_cast<std::uint32_t>(person_of_key.size());
            entry_persons.push_back(person_of_key.try_emplace(text.substr(0, tab), next).first->second);
        }
        const std::vector<std::uint32_t>* columns[] = {&outlets, &months, &starts, &mentions, &entry_persons};
        std::string out;
        for (std::uint32_t word : {chunk_format, first_, docs, outlet_values_.size(), month_values_.size(),
                                   entries_.size(), static_cast<std::uint32_t>(mentions.size()),
                                   static_cast<std::uint32_t>(person_of_key.size())}) {
            put(out, word);
        }
        for (const std::vector<std::uint32_t>* column : columns) put(out, width_for(*column));
        outlet_values_.write(out);
        month_values_.write(out);
        entries_.write(out);
        for (const std::vector<std::uint32_t>* column : columns) put_column(out, *column);
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
    const std::uint32_t persons = get(b, 28);
    if (chunk.first_ == 0 || docs == 0 || docs > facet_chunk_docs) return std::nullopt;
    std::size_t at = header_words * 4;
    std::size_t counts_at = count_words_at;
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
    const std::uint32_t entries = chunk.entry_strings_.count;
    // The five arrays, by their lengths and widths, fill the rest exactly.
    Column entry_persons;
    Column* columns[] = {&chunk.outlets_, &chunk.months_, &chunk.mention_starts_, &chunk.mentions_, &entry_persons};
    const std::uint64_t lengths[] = {docs, docs, std::uint64_t{docs} + 1, mentions, entries};
    for (std::size_t c = 0; c < std::size(columns); ++c) {
        const std::uint32_t width = get(b, width_words_at + c * 4);
        if ((width != 1 && width != 2 && width != 4) || lengths[c] * width > b.size() - at) return std::nullopt;
        *columns[c] = Column{at, width};
        at += static_cast<std::size_t>(lengths[c] * width);
    }
    if (at != b.size() || persons > entries) return std::nullopt;
    if (!chunk.all_below(chunk.outlets_, docs, chunk.outlet_strings_.count, true) ||
        !chunk.all_below(chunk.months_, docs, chunk.month_strings_.count, true)) {
        return std::nullopt;
    }
    if (chunk.load(chunk.mention_starts_, 0) != 0 || chunk.load(chunk.mention_starts_, docs) != mentions) {
        return std::nullopt;
    }
    if (!chunk.rising(chunk.mention_starts_, docs + 1)) return std::nullopt;
    if (!chunk.all_below(chunk.mentions_, mentions, entries, false)) return std::nullopt;
    // Every person has entries; the first of them stands for it.
    chunk.entry_person_.resize(entries);
    chunk.person_entry_.assign(persons, none);
    for (std::uint32_t entry = 0; entry < entries; ++entry) {
        const std::uint32_t person = chunk.load(entry_persons, entry);
        chunk.entry_person_[entry] = person;
        if (person == none) continue;
        if (person >= persons) return std::nullopt;
        if (chunk.person_entry_[person] == none) chunk.person_entry_[person] = entry;
    }
    if (std::find(chunk.person_entry_.begin(), chunk.person_entry_.end(), none) != chunk.person_entry_.end()) {
        return std::nullopt;
    }
    chunk.docs_ = docs;
    return chunk;
}

namespace {

// Calls `check` with a zero of the integer type as wide as `width`: one loop per width,
// which the compiler can vectorise (a chunk is checked whenever a process first reads it).
template <typename Check>
bool by_width(std::uint32_t width, Check check) {
    switch (width) {
        case 1: return check(std::uint8_t{});
        case 2: return check(std::uint16_t{});
        default: return check(std::uint32_t{});
    }
}

}  // namespace

bool FacetChunk::all_below(const Column& column, std::uint32_t length, std::uint32_t limit, bool none_allowed) const {
    return by_width(column.width, [&](auto zero) {
        using Word = decltype(zero);
        // Each number plus one, in which none (all ones) wraps round to 0: an index below
        // `limit` gives 1..limit.
        Word lowest = static_cast<Word>(~Word{0}), highest = 0;
        for (std::uint32_t i = 0; i < length; ++i) {
            const auto shifted = static_cast<Word>(facet_chunk_number<Word>(blob_.data() + column.at, i) + 1);
            lowest = std::min(lowest, shifted);
            highest = std::max(highest, shifted);
        }
        return length == 0 || (highest <= limit && (none_allowed || lowest != 0));
    });
}

bool FacetChunk::rising(const Column& column, std::uint32_t length) const {
    return by_width(column.width, [&](auto zero) {
        using Word = decltype(zero);
        bool falls = false;
        for (std::uint32_t i = 1; i < length; ++i) {
            falls |= facet_chunk_number<Word>(blob_.data() + column.at, i) < facet_chunk_number<Word>(blob_.data() + column.at, i - 1);
        }
        return !falls;
    });
}

std::string_view FacetChunk::string_at(const Strings& strings, std::uint32_t index) const {
    const std::size_t bytes_at = strings.offsets + (std::size_t{strings.count} + 1) * 4;
    const std::uint32_t begin = get(blob_, strings.offsets + std::size_t{index} * 4);
    const std::uint32_t end = get(blob_, strings.offsets + (std::size_t{index} + 1) * 4);
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
        // One that does not read (of an older format, say) is written again: readers would
        // count its articles from the slots, slowly, until the index was rebuilt.
        if (present.contains(key) && FacetChunk::read(db, chunk)) continue;
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
