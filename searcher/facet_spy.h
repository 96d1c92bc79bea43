// The outlet, month and person facets of a local index, counted in one pass over the
// match set.
//
// Xapian's ValueCountMatchSpy fetches each value through the document (a B-tree lookup
// and a scan of a value chunk per value) and keeps an ordered map of every distinct
// value: for the person slot, whose value is close to unique per article, that map was
// most of a broad query's time. This spy reads each slot through a value stream, which
// moves forward chunk by chunk as the matcher hands it documents in rising docid order,
// and sums people straight into a PersonTally (a database of several local shards is
// read through the documents, whose docids are then the shards' own). It is not serialisable, so xapian-tcpsrv
// cannot run it: searches over remote shards keep Xapian's own spies.
#pragma once

#include "schema/person_facet.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corpus::searcher {

class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(const Xapian::Database& db);

    void operator()(const Xapian::Document& doc, double weight) override;

    // Distinct values with their article counts, in value order (as ValueCountMatchSpy).
    std::vector<std::pair<std::string, std::size_t>> outlets() const;
    std::vector<std::pair<std::string, std::size_t>> months() const;
    std::vector<schema::PersonCount> persons() const { return persons_.counts(); }

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

    bool single_shard_;
    SlotReader outlet_reader_;
    SlotReader month_reader_;
    SlotReader person_reader_;
    Counts outlets_;
    Counts months_;
    schema::PersonTally persons_;
};

}  // namespace corpus::searcher
