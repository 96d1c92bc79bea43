#include "indexer/document_builder.h"

#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/fields.h"

namespace corpus::indexer {
namespace {

// Until page segmentation finds the headline, the first non-blank line stands in.
std::string first_line(const std::string& text) {
    constexpr std::size_t max_title_bytes = 300;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::size_t first = text.find_first_not_of(" \t", start);
        if (first != std::string::npos && first < end) {
            std::size_t last = text.find_last_not_of(" \t", end - 1);
            std::string line = text.substr(first, last + 1 - first);
            if (line.size() > max_title_bytes) line.resize(max_title_bytes);
            return line;
        }
        start = end + 1;
    }
    return {};
}

}  // namespace

schema::StoredArticle describe_article(const ArticleFile& article) {
    schema::StoredArticle stored;
    stored.id = article.id;
    stored.title = article.metadata.title.value_or(first_line(article.text));
    stored.outlet = article.metadata.outlet.value_or(std::string(schema::unknown_value));
    stored.date = article.metadata.date.value_or("");
    stored.body = article.text;
    stored.source = article.path.string();
    stored.content_hash = article.content_hash;
    return stored;
}

Xapian::Document build_document(const schema::StoredArticle& article) {
    using namespace corpus::schema;
    Xapian::Document doc;
    doc.add_boolean_term(exact_term(id_term, article.id));
    doc.add_boolean_term(boolean_term(outlet_term, article.outlet));
    doc.add_value(slot_outlet, article.outlet);

    const std::optional<Date> date = parse_date(article.date);
    const std::string month = date ? date->month_key() : std::string(unknown_value);
    doc.add_boolean_term(exact_term(month_term, month));
    doc.add_value(slot_month, month);
    if (date) doc.add_value(slot_date, date->sortable());

    // Title words count double in the article stream: a headline says what it is about.
    Xapian::termpos title_position = 1;
    index_text(doc, title_text, article.title, title_position);
    Xapian::termpos article_position = 1;
    index_text(doc, article_text, article.title, article_position, 2);
    index_text(doc, article_text, article.body, article_position);

    doc.set_data(encode_document_data(article));
    return doc;
}

}  // namespace corpus::indexer
