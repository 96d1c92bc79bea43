// The person facet, counted from a value slot with Xapian's own ValueCountMatchSpy.
//
// Each document's slot_persons value lists the people it mentions with the spellings it
// used ("key<TAB>spelling" entries, sorted, one per line). The spy counts documents per
// distinct value; summing those counts per person gives exact per-person counts. Being
// a built-in spy, it also runs on remote shards (xapian-tcpsrv knows no custom spies),
// and it reads one value per document instead of a whole term list.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace corpus::schema {

struct PersonCount {
    std::string key;
    std::string display;  // the spelling most matching articles used
    std::size_t count;    // matching articles that mention the person
};

// The slot_persons value for a document whose name terms are already added.
std::string person_facet_value(const Xapian::Document& doc);

// People over the match set the spy saw: most articles first, then by key; each under
// the spelling most of those articles used.
std::vector<PersonCount> person_counts(const Xapian::ValueCountMatchSpy& spy);

}  // namespace corpus::schema
