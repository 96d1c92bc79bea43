#include "schema/article.h"

#include <nlohmann/json.hpp>

namespace corpus::schema {

std::string encode_document_data(const StoredArticle& article) {
    const nlohmann::json data = {
        {"id", article.id},         {"title", article.title}, {"outlet", article.outlet},
        {"date", article.date},     {"body", article.body},   {"source", article.source},
        {"hash", article.content_hash},
    };
    return data.dump();
}

Result<StoredArticle> decode_document_data(const std::string& data) {
    const nlohmann::json parsed = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) {
        return make_error(ErrorCode::bad_database, "a document's stored data is not valid JSON");
    }
    auto text = [&](const char* key) { return parsed.value(key, std::string()); };
    return StoredArticle{text("id"),   text("title"),  text("outlet"), text("date"),
                         text("body"), text("source"), text("hash")};
}

}  // namespace corpus::schema
