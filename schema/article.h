// An article as the index stores it in each document's data, and reads it back.
//
// The data is two zstd frames: first what a results page needs (id, title, outlet,
// date, the inferred flags, the body the snippet is cut from, the link and the byline), then the rest (chrome,
// evidence, source, content hash), which only --show reads. Each holds its fields as
// varint-length-prefixed bytes. A hit so decompresses only its first frame and parses
// nothing: decoding JSON and inflating whole pages with zlib was most of the cost of a
// hit. The data is compressed before Xapian sees it, so Xapian stores it as it is.
#pragma once

#include "schema/result.h"

#include <string>
#include <string_view>

namespace corpus::schema {

struct StoredArticle {
    std::string id;
    std::string title;   // empty when neither given nor found fit to be a title
    std::string outlet;  // display name; unknown_value when neither given nor inferred
    std::string date;    // "YYYY-MM-DD"; empty when neither given nor inferred
    bool outlet_inferred = false;  // found in the page, not given with it
    bool date_inferred = false;
    bool title_inferred = false;
    std::string body;    // the article's paragraphs, blank-line separated: snippets come from here
    // Given with the article (.meta.json), never inferred; empty when not given. Results
    // show them, so they are in the summary.
    std::string url;     // an http or https URL, checked when read
    std::string author;  // the byline as given, trimmed, without control characters
    // Not read for a results page (see decode_document_summary):
    // The page line an inferred value came from; an inferred title is such a line itself.
    std::string outlet_evidence;
    std::string date_evidence;
    std::string chrome;  // the rest of the page, blank-line separated
    std::string source;  // the file it was read from
    std::string content_hash;  // of the file and its metadata: unchanged files are skipped
    // Kept in value slots (slot_indexed, slot_changed), not in the data: build_document
    // writes them, Searcher::show reads them back; format_instant's form.
    std::string indexed;  // when the article was first indexed
    std::string changed;  // when its text or metadata last changed
};

std::string encode_document_data(const StoredArticle& article);
// Every field.
Result<StoredArticle> decode_document_data(std::string_view data);
// The fields up to `author`; the others stay empty.
Result<StoredArticle> decode_document_summary(std::string_view data);

}  // namespace corpus::schema
