// Turns an article file into the Xapian document the schema describes.
#pragma once

#include "indexer/source.h"
#include "schema/article.h"

#include <xapian.h>

namespace corpus::indexer {

// What the index will say about an article: given metadata, else "unknown".
schema::StoredArticle describe_article(const ArticleFile& article);

Xapian::Document build_document(const schema::StoredArticle& article);

// The document for an article file: build_document(describe_article(article)).
Xapian::Document build_document(const ArticleFile& article);

}  // namespace corpus::indexer
