#include "indexer/document_builder.h"

#include "indexer/metadata_inference.h"
#include "indexer/segment.h"
#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/fields.h"
#include "schema/person_facet.h"
#include "schema/story.h"

#include <algorithm>

namespace corpus::indexer {
namespace {

// Paragraphs are stored blank-line separated: index_text() makes each one a block.
void append_paragraph(std::string& text, const std::string& paragraph) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
}

// The first non-blank line, for a page in which segmentation found no headline.
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
    const PageSegmentation page = segment_page(article.text);
    schema::StoredArticle stored;
    stored.id = article.id;
    for (const Block& block : page.blocks) {
        append_paragraph(block.kind == BlockKind::body ? stored.body : stored.chrome, block.text);
    }
    // A page in which no line reads as an article (a short note, a bare list) is still
    // searchable by default: losing its text would be worse than keeping some chrome.
    if (stored.body.empty()) std::swap(stored.body, stored.chrome);
    // Metadata given with the article always wins over what the page suggests; a line
    // of navigation ("Skip to content", "Menu") leaves the title unknown, and so does a
    // page without a headline that opens with chrome (a byline, a header field) before
    // its article. A page with no article at all is taken whole, first line included.
    const bool has_article = std::any_of(page.blocks.begin(), page.blocks.end(),
                                         [](const Block& block) { return block.kind == BlockKind::body; });
    const bool opens_with_chrome = has_article && page.blocks.front().kind == BlockKind::chrome;
    if (article.metadata.title) {
        stored.title = *article.metadata.title;
    } else if (std::string found = !page.title.empty() ? page.title
                                   : opens_with_chrome ? std::string()
                                                       : first_line(article.text);
               may_be_title(found)) {
        stored.title = std::move(found);
        stored.title_inferred = !stored.title.empty();
    }
    // The line the page seemed to head itself with, when not the title, is still text of
    // the page: searchable with the rest of it.
    if (!page.title.empty() && page.title != stored.title) append_paragraph(stored.chrome, page.title);
    if (article.metadata.outlet) {
        stored.outlet = *article.metadata.outlet;
    } else if (page.outlet) {
        stored.outlet = page.outlet->value;
        stored.outlet_inferred = true;
        stored.outlet_evidence = page.outlet->evidence;
    } else {
        stored.outlet = std::string(schema::unknown_value);
    }
    if (article.metadata.date) {
        stored.date = *article.metadata.date;
    } else if (page.date && schema::parse_date(page.date->value)) {
        stored.date = page.date->value;
        stored.date_inferred = true;
        stored.date_evidence = page.date->evidence;
    }
    stored.url = article.metadata.url.value_or("");
    stored.author = article.metadata.author.value_or("");
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
    doc.add_value(slot_source, article.source);
    doc.add_value(slot_content_hash, article.content_hash);
    doc.add_value(slot_indexed, article.indexed);
    doc.add_value(slot_changed, article.changed);

    std::vector<std::uint64_t> body_words;
    add_person_facet(doc, index_article_text(doc, article.title, article.body, article.chrome, &body_words));
    if (const std::optional<StoryFingerprint> fingerprint = story_fingerprint(body_words)) {
        doc.add_value(slot_story_fingerprint, encode_story_fingerprint(*fingerprint));
    }

    doc.set_data(encode_document_data(article));
    return doc;
}

std::optional<IndexedArticle> find_indexed(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::exact_term(schema::id_term, id);
    Xapian::PostingIterator posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return std::nullopt;
    const Xapian::Document doc = db.get_document(*posting);
    return IndexedArticle{doc.get_value(schema::slot_content_hash), doc.get_value(schema::slot_indexed),
                          doc.get_value(schema::slot_changed)};
}

void stamp_arrival(schema::StoredArticle& article, const std::optional<IndexedArticle>& before,
                   const std::string& stamp) {
    const bool known = before && !before->indexed.empty();
    article.indexed = known ? before->indexed : stamp;
    article.changed = known && before->content_hash == article.content_hash && !before->changed.empty()
                          ? before->changed
                          : stamp;
}

Xapian::Document build_document(const ArticleFile& article) {
    return build_document(describe_article(article));
}

}  // namespace corpus::indexer
