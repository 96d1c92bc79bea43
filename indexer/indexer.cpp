#include "indexer/indexer.h"

#include "indexer/document_builder.h"
#include "schema/analysis.h"
#include "schema/article.h"
#include "schema/fields.h"
#include "schema/index.h"

#include <chrono>
#include <system_error>
#include <unistd.h>
#include <unordered_set>

namespace corpus::indexer {
namespace fs = std::filesystem;

namespace {

// The content hash of the article already indexed under `id_term`, or empty.
std::string indexed_hash(const Xapian::Database& db, const std::string& id_term) {
    Xapian::PostingIterator posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term)) return {};
    Result<schema::StoredArticle> stored = schema::decode_document_data(db.get_document(*posting).get_data());
    return stored ? stored->content_hash : std::string();
}

Status index_files(Xapian::WritableDatabase& db, const std::vector<fs::path>& paths, const IndexOptions& options,
                   const IndexObserver& observer, IndexSummary& summary) {
    std::unordered_set<std::string> seen_ids;
    std::size_t in_batch = 0;
    db.begin_transaction();
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (observer.progress) observer.progress(i, paths.size());
        Result<ArticleFile> article = read_article(paths[i], options.max_file_bytes, options.use_metadata);
        if (!article) {
            ++summary.skipped;
            if (observer.warning) observer.warning(article.error().message);
            continue;
        }
        if (!seen_ids.insert(article->id).second) {
            ++summary.skipped;
            if (observer.warning) {
                observer.warning(paths[i].string() + ": another file already has the id \"" + article->id +
                                 "\", skipped");
            }
            continue;
        }
        for (const std::string& warning : article->warnings) {
            if (observer.warning) observer.warning(warning);
        }
        if (!article->warnings.empty()) ++summary.repaired;

        const std::string id = schema::exact_term(schema::id_term, article->id);
        const std::string previous_hash = indexed_hash(db, id);
        if (!previous_hash.empty() && previous_hash == article->content_hash) {
            ++summary.unchanged;
            continue;
        }
        db.replace_document(id, build_document(describe_article(article.value())));
        ++(previous_hash.empty() ? summary.added : summary.updated);
        if (++in_batch == options.batch_size) {
            db.commit_transaction();
            db.begin_transaction();
            in_batch = 0;
        }
    }
    db.commit_transaction();
    if (observer.progress) observer.progress(paths.size(), paths.size());
    return Ok{};
}

// Runs the whole index into `db_path`, translating Xapian errors once.
Status index_into(const std::string& db_path, const std::vector<fs::path>& paths, const IndexOptions& options,
                  const IndexObserver& observer, IndexSummary& summary) {
    Result<Xapian::WritableDatabase> db = schema::open_for_writing(db_path);
    if (!db) return db.error();
    try {
        Status status = index_files(db.value(), paths, options, observer, summary);
        db->close();
        return status;
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "indexing into " + db_path + " failed");
    }
}

// Builds a fresh index beside the live one and only then puts it in its place, so a
// failed rebuild leaves the previous index as it was.
Status rebuild_into(const std::string& db_path, const std::vector<fs::path>& paths, const IndexOptions& options,
                    const IndexObserver& observer, IndexSummary& summary) {
    const fs::path live(db_path);
    const fs::path fresh = live.string() + ".rebuild-" + std::to_string(::getpid());
    const fs::path retired = live.string() + ".old-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove_all(fresh, ec);
    if (Status built = index_into(fresh.string(), paths, options, observer, summary); !built) {
        fs::remove_all(fresh, ec);
        return built;
    }
    const bool had_live = fs::exists(live, ec);
    if (had_live) fs::rename(live, retired, ec);
    if (!ec) fs::rename(fresh, live, ec);
    if (ec) {
        return make_error(ErrorCode::io, "cannot put the rebuilt index in place at " + db_path + ": " + ec.message());
    }
    if (had_live) fs::remove_all(retired, ec);
    return Ok{};
}

}  // namespace

Result<IndexSummary> run_index(const IndexOptions& options, const IndexObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    Result<std::vector<fs::path>> paths = collect_article_paths(options.sources);
    if (!paths) return paths.error();
    if (!fs::path(options.db_path).parent_path().empty()) {
        std::error_code ec;
        fs::create_directories(fs::path(options.db_path).parent_path(), ec);
        if (ec) return make_error(ErrorCode::io, "cannot create " + fs::path(options.db_path).parent_path().string() +
                                                     ": " + ec.message());
    }
    IndexSummary summary;
    Status status = options.rebuild ? rebuild_into(options.db_path, paths.value(), options, observer, summary)
                                    : index_into(options.db_path, paths.value(), options, observer, summary);
    if (!status) return status.error();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace corpus::indexer
