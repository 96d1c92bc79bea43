// libFuzzer target: the whole query path a search takes before matching, on any text.
// parse_query -> describe (--explain) -> compile_query in both scopes -> a match on a
// small index of the bundled articles, so that name lookups find real name sets.
// Errors are fine; only a crash, a sanitizer report, a timeout or a leak is a finding.
#include "indexer/document_builder.h"
#include "indexer/source.h"
#include "schema/text.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

// Built once: indexing the bundled articles per input would swamp the parser's cost.
const Xapian::Database& bundled_index() {
    static const Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase writable(std::string(), Xapian::DB_BACKEND_INMEMORY);
        for (const auto& entry : std::filesystem::directory_iterator(CORPUS_FUZZ_DATA_DIR)) {
            if (entry.path().extension() != corpus::indexer::article_extension) continue;
            auto article = corpus::indexer::read_article(entry.path(), corpus::indexer::default_max_file_bytes, true);
            if (!article) {
                std::fprintf(stderr, "query_fuzzer: %s\n", article.error().message.c_str());
                std::abort();
            }
            writable.add_document(corpus::indexer::build_document(corpus::indexer::describe_article(article.value())));
        }
        writable.commit();
        return writable;
    }();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corpus::searcher;
    std::string text(reinterpret_cast<const char*>(data), size);
    // corpus-search refuses a query with NUL bytes or invalid UTF-8 before parsing it;
    // repairing instead keeps the rest of such an input useful to the fuzzer.
    if (corpus::schema::looks_binary(text)) return 0;
    corpus::schema::repair_utf8(text);

    const Xapian::Database& db = bundled_index();
    const corpus::Result<QueryNode> parsed = parse_query(text);
    if (!parsed) return 0;
    (void)describe(parsed.value());
    for (const Scope scope : {Scope::article, Scope::all}) {
        const corpus::Result<CompiledQuery> compiled = compile_query(parsed.value(), db, scope);
        if (!compiled) continue;
        (void)compiled->query.get_description();
        Xapian::Enquire enquire(db);
        enquire.set_query(compiled->query);
        (void)enquire.get_mset(0, 10);
    }
    return 0;
}
