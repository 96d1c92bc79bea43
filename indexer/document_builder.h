// Turns an article file into the Xapian document the schema describes.
#pragma once

#include "indexer/source.h"
#include "schema/article.h"

#include <xapian.h>

#include <optional>
#include <string>

namespace corpus::indexer {

// What an index holds of an article, read from its value slots.
struct IndexedArticle {
    std::string content_hash;
    std::string indexed;  // empty in an index written before these were kept
    std::string changed;
};

// The article indexed under `id` in `db`, or nothing.
std::optional<IndexedArticle> find_indexed(const Xapian::Database& db, const std::string& id);

// Sets when `article` was indexed and changed, as a run stamped `stamp` indexes it after
// `before` (what the index held, if anything): an unchanged article keeps both, a changed
// one keeps when it was first indexed, a new one is stamped with the run.
void stamp_arrival(schema::StoredArticle& article, const std::optional<IndexedArticle>& before,
                   const std::string& stamp);

// What the index will say about an article: given metadata, else "unknown".
schema::StoredArticle describe_article(const ArticleFile& article);

Xapian::Document build_document(const schema::StoredArticle& article);

// The document for an article file: build_document(describe_article(article)).
Xapian::Document build_document(const ArticleFile& article);

}  // namespace corpus::indexer
