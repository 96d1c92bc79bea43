// An article as the index stores it in each document's data, and reads it back.
#pragma once

#include "schema/result.h"

#include <string>

namespace corpus::schema {

struct StoredArticle {
    std::string id;
    std::string title;
    std::string outlet;  // display name; unknown_value when neither given nor inferred
    std::string date;    // "YYYY-MM-DD"; empty when neither given nor inferred
    bool outlet_inferred = false;  // found in the page, not given with it
    bool date_inferred = false;
    std::string outlet_evidence;  // the page line an inferred value came from
    std::string date_evidence;
    std::string body;    // the article's paragraphs, blank-line separated: snippets come from here
    std::string chrome;  // the rest of the page, blank-line separated
    std::string source;  // the file it was read from
    std::string content_hash;  // of the file and its metadata: unchanged files are skipped
};

std::string encode_document_data(const StoredArticle& article);
Result<StoredArticle> decode_document_data(const std::string& data);

}  // namespace corpus::schema
