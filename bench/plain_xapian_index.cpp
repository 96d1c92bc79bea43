// Baseline 1 of scripts/benchmark, indexing side: the index a developer builds in an
// afternoon from Xapian's documentation. TermGenerator with the English stemmer and
// positions over the title and the whole page text (no page segmentation, no name
// handling); the title also under "S"; outlet as a boolean term "XO" + name; date
// (YYYYMMDD), outlet and month (YYYY-MM) in value slots 0, 1 and 2 for range filters
// and ValueCountMatchSpy facets; the document data is the page text, for snippets.
// One commit at the end. Prints one JSON line: docs, bytes read, seconds, peak RSS.
#include "bench_common.h"

#include <xapian.h>

namespace {

constexpr const char* usage =
    "usage: plain-xapian-index --db DIR CORPUS_DIR\n"
    "Indexes every CORPUS_DIR/<id>.txt (with <id>.meta.json) into a new Xapian database.\n";

std::string compact_date(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out += c;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    return bench::guarded_main("plain-xapian-index", [&] {
        const bench::Options options = bench::parse_options(argc, argv, usage);
        if (options.corpus.empty()) throw std::runtime_error("give the corpus folder");
        try {
            const bench::Clock::time_point start = bench::Clock::now();
            Xapian::WritableDatabase db(options.db, Xapian::DB_CREATE_OR_OVERWRITE);
            Xapian::TermGenerator generator;
            generator.set_stemmer(Xapian::Stem("english"));
            std::uint64_t bytes = 0;
            std::size_t docs = 0;
            for (const auto& path : bench::list_articles(options.corpus)) {
                const bench::CorpusDoc article = bench::load_article(path, bytes);
                Xapian::Document doc;
                generator.set_document(doc);
                generator.index_text(article.title, 1, "S");
                generator.index_text(article.title);
                generator.increase_termpos();
                generator.index_text(article.text);
                doc.add_boolean_term("Q" + article.id);
                doc.add_boolean_term("XO" + article.outlet);
                doc.add_value(0, compact_date(article.date));
                doc.add_value(1, article.outlet);
                doc.add_value(2, article.date.empty() ? std::string("unknown") : article.date.substr(0, 7));
                doc.add_value(3, article.title);
                doc.set_data(article.text);
                db.add_document(doc);
                ++docs;
            }
            db.commit();
            db.close();
            bench::print_index_summary("plain-xapian", docs, bytes, bench::seconds_since(start));
            return 0;
        } catch (const Xapian::Error& e) {
            throw std::runtime_error(e.get_description());
        }
    });
}
