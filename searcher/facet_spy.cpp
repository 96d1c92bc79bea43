#include "searcher/facet_spy.h"

#include "schema/fields.h"

#include <algorithm>

namespace corpus::searcher {

FacetSpy::SlotReader::SlotReader(const Xapian::Database& db, Xapian::valueno slot)
    : db_(db), slot_(slot), it_(db.valuestream_end(slot)) {}

const std::string& FacetSpy::SlotReader::read(Xapian::docid did) {
    const Xapian::ValueIterator end = db_.valuestream_end(slot_);
    // A query matches documents in rising docid order, but the spy may be reused.
    if (!started_ || did < last_did_) {
        it_ = db_.valuestream_begin(slot_);
        started_ = true;
    }
    last_did_ = did;
    if (it_ != end && it_.get_docid() < did) it_.skip_to(did);
    if (it_ != end && it_.get_docid() == did) {
        value_ = *it_;
    } else {
        value_.clear();
    }
    return value_;
}

std::shared_ptr<const schema::FacetChunk> FacetChunkCache::get(const Xapian::Database& db, std::uint32_t chunk) {
    const Xapian::rev revision = db.get_revision();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (revision != revision_) {
            chunks_.clear();
            revision_ = revision;
        }
        if (auto it = chunks_.find(chunk); it != chunks_.end()) return it->second;
    }
    // Read without the lock: the threads of one query count docid ranges of their own,
    // so each reads chunks the others do not, and reading is most of a cold query's time.
    std::shared_ptr<const schema::FacetChunk> read;
    if (std::optional<schema::FacetChunk> decoded = schema::FacetChunk::read(db, chunk)) {
        read = std::make_shared<const schema::FacetChunk>(std::move(*decoded));
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    if (revision != revision_) return read;  // the index moved on while this was read
    return chunks_.try_emplace(chunk, std::move(read)).first->second;
}

FacetSpy::FacetSpy(const Xapian::Database& db, FacetChunkCache* chunks, FacetSet counted)
    : db_(db), chunks_(chunks), counted_(counted), single_shard_(db.size() == 1), outlet_reader_(db, schema::slot_outlet),
      month_reader_(db, schema::slot_month), person_reader_(db, schema::slot_persons) {}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    // As ValueCountMatchSpy does, an article without a value is not counted.
    if (!single_shard_) {
        // The matcher hands over documents by their docid within their shard, which no
        // value stream or facet chunk of the whole database is ordered by.
        if (counted_.outlet) {
            if (const std::string outlet = doc.get_value(schema::slot_outlet); !outlet.empty()) ++outlets_[outlet];
        }
        if (counted_.month) {
            if (const std::string month = doc.get_value(schema::slot_month); !month.empty()) ++months_[month];
        }
        if (counted_.person) {
            if (const std::string persons = doc.get_value(schema::slot_persons); !persons.empty()) persons_.add(persons);
        }
        return;
    }
    count(doc.get_docid());
}

void FacetSpy::count(Xapian::docid did) {
    const std::uint32_t chunk = schema::facet_chunk_of(did);
    if (chunk_number_ != chunk) load_chunk(chunk);
    if (chunk_ && chunk_->covers(did)) {
        count_from_chunk(did);
    } else {
        count_from_slots(did);
    }
}

void FacetSpy::load_chunk(std::uint32_t chunk) {
    settle_chunk();
    chunk_number_ = chunk;
    if (chunks_) {
        chunk_ = chunks_->get(db_, chunk);
    } else if (std::optional<schema::FacetChunk> read = schema::FacetChunk::read(db_, chunk)) {
        chunk_ = std::make_shared<const schema::FacetChunk>(std::move(*read));
    } else {
        chunk_.reset();
    }
    if (!chunk_) return;
    outlet_counters_.assign(chunk_->outlet_values(), nullptr);
    month_counters_.assign(chunk_->month_values(), nullptr);
    const std::uint32_t entries = chunk_->person_entries();
    entry_mentions_.assign(entries, 0);
    person_articles_.assign(chunk_->persons(), 0);
    person_last_article_.assign(chunk_->persons(), 0);
    articles_in_chunk_ = 0;
}

void FacetSpy::settle_chunk() const {
    if (!chunk_) return;
    for (std::uint32_t entry = 0; entry < entry_mentions_.size(); ++entry) {
        if (entry_mentions_[entry] == 0) continue;
        persons_.add_spelling(persons_.spelling_of(chunk_->person_entry(entry)), entry_mentions_[entry]);
        entry_mentions_[entry] = 0;
    }
    for (std::uint32_t person = 0; person < person_articles_.size(); ++person) {
        if (person_articles_[person] == 0) continue;
        persons_.add_person(persons_.spelling_of(chunk_->person_entry(chunk_->person_entry_of(person))), person_articles_[person]);
        person_articles_[person] = 0;
    }
}

std::size_t& FacetSpy::counter(std::vector<std::size_t*>& counters, Counts& counts, std::uint32_t index,
                               std::string_view (schema::FacetChunk::*value)(std::uint32_t) const) const {
    std::size_t*& slot = counters[index];
    // Nodes of an unordered_map stay where they are as it grows.
    if (!slot) slot = &counts[std::string((*chunk_.*value)(index))];
    return *slot;
}

void FacetSpy::count_from_chunk(Xapian::docid did) {
    const schema::FacetChunk& chunk = *chunk_;
    if (const std::uint32_t outlet = counted_.outlet ? chunk.outlet(did) : schema::FacetChunk::none;
        outlet != schema::FacetChunk::none) {
        ++counter(outlet_counters_, outlets_, outlet, &schema::FacetChunk::outlet_value);
    }
    if (const std::uint32_t month = counted_.month ? chunk.month(did) : schema::FacetChunk::none;
        month != schema::FacetChunk::none) {
        ++counter(month_counters_, months_, month, &schema::FacetChunk::month_value);
    }
    if (!counted_.person) return;
    const std::uint32_t begin = chunk.mention_begin(did), end = chunk.mention_end(did);
    const std::uint32_t article = ++articles_in_chunk_;
    for (std::uint32_t at = begin; at < end; ++at) {
        const std::uint32_t entry = chunk.mention(at);
        const std::uint32_t person = chunk.entry_person(entry);
        if (person == schema::FacetChunk::none) continue;
        ++entry_mentions_[entry];
        if (person_last_article_[person] != article) {
            person_last_article_[person] = article;
            ++person_articles_[person];
        }
    }
}

void FacetSpy::count_from_slots(Xapian::docid did) {
    if (counted_.outlet) {
        if (const std::string& outlet = outlet_reader_.read(did); !outlet.empty()) ++outlets_[outlet];
    }
    if (counted_.month) {
        if (const std::string& month = month_reader_.read(did); !month.empty()) ++months_[month];
    }
    if (counted_.person) {
        if (const std::string& persons = person_reader_.read(did); !persons.empty()) persons_.add(persons);
    }
}

void FacetSpy::merge(const FacetSpy& other) {
    other.settle_chunk();
    settle_chunk();
    for (const auto& [outlet, count] : other.outlets_) outlets_[outlet] += count;
    for (const auto& [month, count] : other.months_) months_[month] += count;
    persons_.merge(other.persons_);
}

std::vector<std::pair<std::string, std::size_t>> FacetSpy::listed(const Counts& counts) {
    std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::pair<std::string, std::size_t>> FacetSpy::outlets() const { return listed(outlets_); }
std::vector<std::pair<std::string, std::size_t>> FacetSpy::months() const { return listed(months_); }

}  // namespace corpus::searcher
