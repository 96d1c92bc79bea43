#include "schema/article.h"

#include <nlohmann/json.hpp>

namespace corpus::schema {

std::string encode_document_data(const StoredArticle& article) {
    const nlohmann::json data = {
        {"id", article.id},
        {"title", article.title},
        {"outlet", article.outlet},
        {"date", article.date},
        {"outlet_inferred", article.outlet_inferred},
        {"date_inferred", article.date_inferred},
        {"outlet_evidence", article.outlet_evidence},
        {"date_evidence", article.date_evidence},
        {"body", article.body},
        {"chrome", article.chrome},
        {"source", article.source},
        {"hash", article.content_hash},
    };
    // Input is repaired to valid UTF-8 before it gets here; never let dump() throw.
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<StoredArticle> decode_document_data(const std::string& data) {
    const nlohmann::json parsed = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object()) {
        return make_error(ErrorCode::bad_database, "a document's stored data is not valid JSON");
    }
    auto text = [&](const char* key) {
        const auto found = parsed.find(key);
        return found != parsed.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    auto flag = [&](const char* key) {
        const auto found = parsed.find(key);
        return found != parsed.end() && found->is_boolean() && found->get<bool>();
    };
    StoredArticle article;
    article.id = text("id");
    article.title = text("title");
    article.outlet = text("outlet");
    article.date = text("date");
    article.outlet_inferred = flag("outlet_inferred");
    article.date_inferred = flag("date_inferred");
    article.outlet_evidence = text("outlet_evidence");
    article.date_evidence = text("date_evidence");
    article.body = text("body");
    article.chrome = text("chrome");
    article.source = text("source");
    article.content_hash = text("hash");
    return article;
}

}  // namespace corpus::schema
