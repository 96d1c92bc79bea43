#include "indexer/indexer.h"

#include "indexer/document_builder.h"
#include "indexer/parallel_build.h"
#include "indexer/run_context.h"
#include "indexer/stories.h"
#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/facet_columns.h"
#include "schema/fields.h"
#include "schema/index.h"
#include "schema/index_layout.h"
#include "schema/text.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fcntl.h>
#include <sys/file.h>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <unordered_set>

namespace corpus::indexer {
namespace fs = std::filesystem;

namespace {

// The folder's lock, held for the whole run; the kernel drops it if the process dies.
class RunLock {
public:
    static Result<RunLock> acquire(const fs::path& index_dir) {
        const fs::path path = index_dir / schema::lock_file_name;
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) return make_error(ErrorCode::io, "cannot open " + path.string());
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            return make_error(ErrorCode::busy, "another corpus-index run is writing " + index_dir.string(),
                              "wait for it to finish");
        }
        return RunLock(fd);
    }
    RunLock(RunLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    RunLock& operator=(RunLock&&) = delete;
    ~RunLock() {
        if (fd_ >= 0) ::close(fd_);
    }

private:
    explicit RunLock(int fd) : fd_(fd) {}
    int fd_;
};

// An index folder must be absent, empty, or laid out by us: never write into a folder
// that holds something else (a home directory, an old index of another layout).
Status check_index_folder(const fs::path& index_dir, bool sharded) {
    std::error_code ec;
    if (!fs::exists(index_dir, ec)) {
        fs::create_directories(index_dir, ec);
        if (ec) return make_error(ErrorCode::io, "cannot create " + index_dir.string() + ": " + ec.message());
        return Ok{};
    }
    if (!fs::is_directory(index_dir, ec)) {
        return make_error(ErrorCode::bad_database, index_dir.string() + " exists but is not a corpus-search index",
                          "choose another --db, or move it away");
    }
    for (fs::directory_iterator it(index_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name == schema::stub_file_name || name == schema::lock_file_name ||
            name == schema::nightly_lock_file_name || (!sharded && name.starts_with("gen-")) ||
            (sharded && name.starts_with("shard-")) ||
            name.starts_with(std::string(schema::stub_file_name) + ".")) {
            continue;
        }
        return make_error(ErrorCode::bad_database,
                          index_dir.string() + " exists but is not a corpus-search index (it holds " + name + ")",
                          "choose another --db, or move it away");
    }
    return Ok{};
}

bool under_any(const std::string& file, const std::vector<std::string>& roots) {
    for (const std::string& prefix : roots) {
        if (file == prefix) return true;
        if (file.size() > prefix.size() && file.compare(0, prefix.size(), prefix) == 0 &&
            (prefix.ends_with('/') || file[prefix.size()] == '/')) {
            return true;
        }
    }
    return false;
}

class Run {
public:
    Run(Xapian::WritableDatabase& db, RunContext& run) : db_(db), run_(run) {}

    // Files are read and analysed on every core, a group at a time; this thread alone
    // judges them and writes the database, in the files' order, and analyses only what
    // changed.
    void index() {
        constexpr std::size_t group = 256;
        const std::vector<std::string>& paths = run_.paths();
        db_.begin_transaction();
        // Committed with the run's first articles, so a reader that sees any of them knows
        // the run is under way (fields.h, meta_run_stamp).
        db_.set_metadata(std::string(schema::meta_run_stamp), run_.stamp());
        for (std::size_t first = 0; first < paths.size(); first += group) {
            run_.progress(first);
            const std::size_t count = std::min(group, paths.size() - first);
            std::vector<std::optional<Result<ArticleFile>>> read(count);
            parallel_for(count, [&](std::size_t i) { read[i].emplace(run_.read(first + i)); });
            std::vector<std::optional<ArticleFile>> articles(count);
            std::vector<bool> changed(count);  // the files to (re)index
            std::vector<std::optional<IndexedArticle>> before(count);  // what the index holds of them
            for (std::size_t i = 0; i < count; ++i) {
                articles[i] = run_.admit(std::move(*read[i]));
                if (!articles[i]) continue;
                // The value slots, not the stored article: decoding it for every file of a
                // reindex would cost more.
                before[i] = find_indexed(db_, articles[i]->id);
                changed[i] = !before[i] || before[i]->content_hash != articles[i]->content_hash;
                if (!changed[i]) run_.count(&IndexSummary::unchanged);
                if (changed[i]) run_.report_repairs(*articles[i]);
            }
            std::vector<std::optional<Xapian::Document>> documents(count);
            parallel_for(count, [&](std::size_t i) {
                if (!changed[i]) return;
                schema::StoredArticle stored = describe_article(*articles[i]);
                stamp_arrival(stored, before[i], run_.stamp());
                documents[i] = build_document(stored);
            });
            for (std::size_t i = 0; i < count; ++i) {
                if (!documents[i]) continue;
                touched_.insert(schema::facet_chunk_of(
                    db_.replace_document(schema::exact_term(schema::id_term, articles[i]->id), *documents[i])));
                run_.count(before[i] ? &IndexSummary::updated : &IndexSummary::added);
                count_into_batch();
            }
        }
        commit();
        run_.progress(paths.size());
    }

    // Deletes the articles whose files are gone (RunContext::is_gone): a file that
    // exists is never deleted as "gone", even if it could not be read this time.
    void delete_missing() {
        std::vector<Xapian::docid> gone;
        for (Xapian::ValueIterator it = db_.valuestream_begin(schema::slot_source);
             it != db_.valuestream_end(schema::slot_source); ++it) {
            if (run_.is_gone(*it)) gone.push_back(it.get_docid());
        }
        db_.begin_transaction();
        for (Xapian::docid id : gone) {
            db_.delete_document(id);
            touched_.insert(schema::facet_chunk_of(id));
            run_.count(&IndexSummary::deleted);
            count_into_batch();
        }
        commit();
    }

private:
    void count_into_batch() {
        if (++in_batch_ < run_.options().batch_size) return;
        commit();
        db_.begin_transaction();
        in_batch_ = 0;
    }

    // The facet chunks of the articles this transaction changed go with it: they are
    // written again from the value slots once the run is done.
    void commit() {
        for (std::uint32_t chunk : touched_) {
            schema::invalidate_facet_chunk(db_, chunk * schema::facet_chunk_docs + 1);
        }
        touched_.clear();
        db_.commit_transaction();
    }

    template <typename Work>
    void parallel_for(std::size_t count, Work work) const {
        std::atomic<std::size_t> next{0};
        auto worker = [&] {
            for (std::size_t i = next++; i < count; i = next++) work(i);
        };
        std::vector<std::thread> helpers;
        for (unsigned t = 1; t < std::min<std::size_t>(run_.jobs(), count); ++t) helpers.emplace_back(worker);
        worker();
        for (std::thread& helper : helpers) helper.join();
    }

    Xapian::WritableDatabase& db_;
    RunContext& run_;
    std::size_t in_batch_ = 0;
    std::set<std::uint32_t> touched_;  // facet chunks of the articles changed since the last commit
};

// The story pass (stories.h) over the generation folders of one index: one, or a live
// one per shard.
Status group_stories(const std::vector<fs::path>& generations) {
    try {
        std::vector<Xapian::WritableDatabase> databases;
        for (const fs::path& generation : generations) {
            databases.emplace_back(generation.string(), Xapian::DB_OPEN);
        }
        std::vector<Xapian::WritableDatabase*> pointers;
        for (Xapian::WritableDatabase& db : databases) pointers.push_back(&db);
        assign_stories(pointers);
        for (Xapian::WritableDatabase& db : databases) db.close();
        return Ok{};
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "grouping stories failed");
    }
}

// Indexes into one generation folder, translating Xapian errors once.
Status index_generation(const fs::path& generation, RunContext& run) {
    Result<Xapian::WritableDatabase> db = schema::open_for_writing(generation.string());
    if (!db) return db.error();
    try {
        Run writer(db.value(), run);
        writer.index();
        writer.delete_missing();
        schema::write_missing_facet_chunks(db.value());
        // A shard's stories are the whole index's, grouped once every shard is written.
        if (!run.is_part()) assign_stories({&db.value()});
        // A sharded run clears it in every shard once the last is done (index_shards).
        if (!run.is_part()) {
            db->set_metadata(std::string(schema::meta_run_stamp), "");
            db->commit();
        }
        db->close();
        return Ok{};
    } catch (const Xapian::Error& e) {
        return schema::translate_xapian_error(e, "indexing into " + generation.string() + " failed");
    }
}

// Removes generations that no reader can be using: all but the live one and the one
// before it (a search that opened it just before the switch may still be reading it),
// and the scratch databases of builds that died.
void remove_old_generations(const fs::path& index_dir, unsigned live, std::optional<unsigned> previous) {
    std::error_code ec;
    for (unsigned generation : schema::generations(index_dir)) {
        if (generation == live || generation == previous) continue;
        fs::remove_all(schema::generation_dir(index_dir, generation), ec);
    }
    const std::string scratch_suffix = parts_dir("").string();
    std::vector<fs::path> scratch;
    for (fs::directory_iterator it(index_dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (it->path().filename().string().ends_with(scratch_suffix)) scratch.push_back(it->path());
    }
    for (const fs::path& folder : scratch) fs::remove_all(folder, ec);
}

// Updates or builds one index folder (a whole plain index, or one shard).
Status index_into(const fs::path& index_dir, RunContext& run) {
    if (Status usable = check_index_folder(index_dir, false); !usable) return usable;
    Result<RunLock> lock = RunLock::acquire(index_dir);
    if (!lock) return lock.error();
    run.report_listing();
    run.fix_stamp(index_dir);
    Result<std::optional<unsigned>> live = schema::live_generation(index_dir);
    if (!live) return live.error();

    if (live.value() && !run.options().rebuild) {
        // Leftovers of a rebuild that died before its switch are of no use to anyone.
        remove_old_generations(index_dir, *live.value(), *live.value() > 1 ? *live.value() - 1 : *live.value());
        const fs::path generation = schema::generation_dir(index_dir, *live.value());
        Status updated = index_generation(generation, run);
        if (!updated && updated.error().code == ErrorCode::index_mismatch) {
            // Name the folder the user gave, which is what --rebuild takes, not its generation.
            Error error = updated.error();
            if (error.message.starts_with(generation.string())) {
                error.message.replace(0, generation.string().size(), index_dir.string());
            }
            error.hint = "rebuild it with: corpus-index --rebuild --db " + index_dir.string();
            return error;
        }
        return updated;
    }
    // A first build or a rebuild: a new generation, switched to only when complete.
    const std::vector<unsigned> existing = schema::generations(index_dir);
    const unsigned next = existing.empty() ? 1 : existing.back() + 1;
    const fs::path fresh = schema::generation_dir(index_dir, next);
    if (live.value()) run.set_replaced_generation(schema::generation_dir(index_dir, *live.value()));
    Status built = build_in_parallel(fresh, run);
    if (built && !run.is_part()) built = group_stories({fresh});
    if (!built) {
        std::error_code ec;
        fs::remove_all(fresh, ec);
        fs::remove_all(parts_dir(fresh), ec);
        return built;
    }
    if (Status switched = schema::switch_generation(index_dir, next); !switched) return switched;
    remove_old_generations(index_dir, next, live.value());
    return Ok{};
}

// How many shards the run writes: those of an existing sharded folder, else --shards.
Result<unsigned> shards_to_write(const fs::path& index_dir, const IndexOptions& options) {
    Result<unsigned> existing = schema::shard_count(index_dir);
    if (!existing) return existing.error();
    if (existing.value() > 0) {
        if (options.shards > 0 && options.shards != existing.value()) {
            return make_error(ErrorCode::usage,
                              index_dir.string() + " has " + std::to_string(existing.value()) + " shards, not " +
                                  std::to_string(options.shards),
                              "index into a new folder to change the number of shards");
        }
        return existing.value();
    }
    if (options.shards > 1) {
        Result<std::optional<unsigned>> live = schema::live_generation(index_dir);
        if (!live) return live.error();
        if (live.value()) {
            return make_error(ErrorCode::usage, index_dir.string() + " is an index of one shard",
                              "index into a new folder to split it into shards");
        }
    }
    return options.shards;
}

// The run is done in every shard: readers may take its articles as complete.
Status clear_run_stamps(const fs::path& index_dir, unsigned shards) {
    for (unsigned shard = 0; shard < shards; ++shard) {
        const fs::path folder = schema::shard_dir(index_dir, shard);
        Result<std::optional<unsigned>> live = schema::live_generation(folder);
        if (!live) return live.error();
        if (!live.value()) continue;
        const fs::path generation = schema::generation_dir(folder, *live.value());
        try {
            Xapian::WritableDatabase db(generation.string(), Xapian::DB_OPEN);
            db.set_metadata(std::string(schema::meta_run_stamp), "");
            db.commit();
            db.close();
        } catch (const Xapian::Error& e) {
            return schema::translate_xapian_error(e, "finishing the run in " + generation.string() + " failed");
        }
    }
    return Ok{};
}

// Each shard is an index folder of its own, updated with the articles whose ids hash to it.
Status index_shards(const fs::path& index_dir, unsigned shards, RunContext& run) {
    if (Status usable = check_index_folder(index_dir, true); !usable) return usable;
    Result<RunLock> lock = RunLock::acquire(index_dir);
    if (!lock) return lock.error();
    run.report_listing();
    run.fix_stamp(index_dir);
    std::vector<std::vector<std::string>> shard_paths(shards);
    for (const std::string& path : run.paths()) shard_paths[schema::shard_of(article_id(path), shards)].push_back(path);

    std::size_t done_before = 0;
    for (unsigned shard = 0; shard < shards; ++shard) {
        const std::size_t files = shard_paths[shard].size();
        RunContext part(run, std::move(shard_paths[shard]), done_before);
        if (Status status = index_into(schema::shard_dir(index_dir, shard), part); !status) return status;
        done_before += files;
    }
    std::vector<fs::path> generations;
    for (unsigned shard = 0; shard < shards; ++shard) {
        const fs::path folder = schema::shard_dir(index_dir, shard);
        Result<std::optional<unsigned>> live = schema::live_generation(folder);
        if (!live) return live.error();
        if (live.value()) generations.push_back(schema::generation_dir(folder, *live.value()));
    }
    if (Status grouped = group_stories(generations); !grouped) return grouped;
    if (Status cleared = clear_run_stamps(index_dir, shards); !cleared) return cleared;
    // Written last, so that the folder opens as an index only once every shard does.
    std::error_code ec;
    if (fs::exists(schema::stub_path(index_dir), ec)) return Ok{};
    return schema::write_shard_stub(index_dir, shards);
}

}  // namespace

RunContext::RunContext(const IndexOptions& options, const IndexObserver& observer, const SourceListing& sources,
                       IndexSummary& summary)
    : options_(options), observer_(observer), sources_(sources), summary_(summary), shared_(own_),
      paths_(sources.paths), duplicate_(duplicate_ids(paths_)), total_(paths_.size()) {}

RunContext::RunContext(RunContext& whole, std::vector<std::string> paths, std::size_t done_before)
    : options_(whole.options_), observer_(whole.observer_), sources_(whole.sources_), summary_(whole.summary_),
      shared_(whole.shared_), paths_(std::move(paths)), duplicate_(duplicate_ids(paths_)), done_before_(done_before),
      total_(whole.total_), part_(true) {}

void RunContext::fix_stamp(const fs::path& index_dir) {
    if (!shared_.stamp.empty()) return;
    // Now, or just after the latest stamp the index holds if the clock says otherwise
    // (set back, or a run that ended within this second): stamps only grow.
    schema::Instant stamp = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    try {
        const Xapian::Database db(index_dir.string());
        if (const auto latest = schema::parse_instant(db.get_value_upper_bound(schema::slot_changed))) {
            stamp = std::max(stamp, *latest + std::chrono::seconds{1});
        }
    } catch (const Xapian::Error&) {
        // No index yet, or one that this run refuses or rebuilds: the clock alone.
    }
    shared_.stamp = schema::format_instant(stamp);
}

unsigned RunContext::jobs() const {
    return options_.jobs > 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
}

Result<ArticleFile> RunContext::read(std::size_t i) const {
    const std::string& path = paths_[i];
    if (duplicate_[i]) {
        return make_error(ErrorCode::io, shown_path(path) + ": another file already has the id \"" +
                                             schema::printable(article_id(path)) + "\", skipped");
    }
    // A file named on the command line is read through a link: the user named it.
    const bool follow = options_.follow_symlinks ||
                        std::binary_search(sources_.named_files.begin(), sources_.named_files.end(), path);
    return read_article(path, options_.max_file_bytes, options_.use_metadata, follow);
}

std::optional<ArticleFile> RunContext::admit(Result<ArticleFile> article) {
    const std::lock_guard<std::mutex> lock(shared_.mutex);
    if (!article) {
        ++summary_.skipped;
        if (observer_.warning) observer_.warning(article.error().message);
        return std::nullopt;
    }
    return std::move(article.value());
}

void RunContext::report_repairs(const ArticleFile& article) {
    if (article.warnings.empty()) return;
    const std::lock_guard<std::mutex> lock(shared_.mutex);
    if (observer_.warning) {
        for (const std::string& warning : article.warnings) observer_.warning(warning);
    }
    ++summary_.repaired;
}

bool RunContext::is_gone(const std::string& source) const {
    return under_any(source, sources_.roots) && !std::binary_search(paths_.begin(), paths_.end(), source) &&
           !under_any(source, sources_.unlisted_folders);
}

void RunContext::count(std::size_t IndexSummary::*counter, std::size_t n) {
    const std::lock_guard<std::mutex> lock(shared_.mutex);
    summary_.*counter += n;
}

void RunContext::warn(const std::string& line) {
    const std::lock_guard<std::mutex> lock(shared_.mutex);
    if (observer_.warning) observer_.warning(line);
}

void RunContext::progress(std::size_t done) const {
    if (observer_.progress) observer_.progress(done_before_ + done, total_);
}

void RunContext::report_listing() {
    if (shared_.listing_reported) return;
    shared_.listing_reported = true;
    for (const std::string& line : sources_.warnings) warn(line);
}

Result<IndexSummary> run_index(const IndexOptions& options, const IndexObserver& observer) {
    const auto started = std::chrono::steady_clock::now();
    Result<SourceListing> sources = list_sources(options.sources, options.follow_symlinks);
    if (!sources) return sources.error();
    const fs::path index_dir(options.db_path);
    Result<unsigned> shards = shards_to_write(index_dir, options);
    if (!shards) return shards.error();
    IndexSummary summary;
    summary.links_skipped = sources->links_skipped;
    RunContext run(options, observer, sources.value(), summary);
    const Status status =
        shards.value() > 1 ? index_shards(index_dir, shards.value(), run) : index_into(index_dir, run);
    if (!status) return status.error();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace corpus::indexer
