// An article as the index stores it in each document's data, and reads it back.
#pragma once

#include "schema/result.h"

#include <string>

namespace corpus::schema {

struct StoredArticle {
    std::string id;
    std::string title;
    std::string outlet;  // display name; unknown_value when not given
    std::string date;    // "YYYY-MM-DD"; empty when not given
    std::string body;    // the text snippets are cut from
    std::string source;  // the file it was read from
    std::string content_hash;  // of the file and its metadata: unchanged files are skipped
};

std::string encode_document_data(const StoredArticle& article);
Result<StoredArticle> decode_document_data(const std::string& data);

}  // namespace corpus::schema
