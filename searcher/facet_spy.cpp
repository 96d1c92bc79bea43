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

FacetSpy::FacetSpy(const Xapian::Database& db)
    : single_shard_(db.size() == 1), outlet_reader_(db, schema::slot_outlet), month_reader_(db, schema::slot_month),
      person_reader_(db, schema::slot_persons) {}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    // As ValueCountMatchSpy does, an article without a value is not counted.
    if (!single_shard_) {
        // The matcher hands over documents by their docid within their shard, which no
        // value stream of the whole database is ordered by.
        if (const std::string outlet = doc.get_value(schema::slot_outlet); !outlet.empty()) ++outlets_[outlet];
        if (const std::string month = doc.get_value(schema::slot_month); !month.empty()) ++months_[month];
        if (const std::string persons = doc.get_value(schema::slot_persons); !persons.empty()) persons_.add(persons);
        return;
    }
    const Xapian::docid did = doc.get_docid();
    if (const std::string& outlet = outlet_reader_.read(did); !outlet.empty()) ++outlets_[outlet];
    if (const std::string& month = month_reader_.read(did); !month.empty()) ++months_[month];
    if (const std::string& persons = person_reader_.read(did); !persons.empty()) persons_.add(persons);
}

std::vector<std::pair<std::string, std::size_t>> FacetSpy::listed(const Counts& counts) {
    std::vector<std::pair<std::string, std::size_t>> out(counts.begin(), counts.end());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::pair<std::string, std::size_t>> FacetSpy::outlets() const { return listed(outlets_); }
std::vector<std::pair<std::string, std::size_t>> FacetSpy::months() const { return listed(months_); }

}  // namespace corpus::searcher
