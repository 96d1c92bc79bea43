#include "indexer/parallel_build.h"

#include "indexer/document_builder.h"
#include "schema/facet_columns.h"
#include "schema/fields.h"
#include "schema/index.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

namespace corpus::indexer {
namespace fs = std::filesystem;

namespace {

// Xapian holds about 30 bytes of memory per byte of article text it has not flushed yet,
// in maps that get slower as they grow: the run flushes when its workers together hold
// this much text. Measured on 20,000 generated articles, 2 MB took 10% less CPU and half
// the memory of 5 MB (scripts/benchmark).
constexpr std::size_t unflushed_text_budget = 2u << 20;
// Scratch databases as large as options.part_size, then smaller towards the end, down to
// this, so that no worker is left with a long chunk while the others wait. Each scratch
// database gives each of its terms a posting chunk of its own, which the compactor copies
// as it is: 200 databases of 500 articles left 9.9 million posting chunks in the merged
// index of 100,000 articles, some 160 MB of keys and headers, where 10,000 a database
// leave about a tenth of that, and build no slower (20,000 articles: 54-60 s with parts of
// 2,500 to 10,000 articles, 60 s with parts of 500).
constexpr std::size_t smallest_part = 500;
// Xapian's compactor holds buffers for every database it reads: merging the 2,000 scratch
// databases of 1,000,000 articles at once took 870 MB. Larger corpora are merged in
// rounds, groups of at most this many databases at a time, in order.
constexpr std::size_t max_merge_inputs = 128;
// The first schema whose articles record when they were indexed and changed.
constexpr int first_schema_with_stamps = 15;

std::string part_name(std::size_t chunk) {
    char name[32];
    std::snprintf(name, sizeof name, "part-%06zu", chunk);
    return name;
}

class ParallelBuild {
public:
    ParallelBuild(const fs::path& target, RunContext& run) : target_(target), parts_(parts_dir(target)), run_(run) {}

    Status build() {
        std::error_code ec;
        fs::remove_all(parts_, ec);
        fs::create_directories(parts_, ec);
        if (ec) return make_error(ErrorCode::io, "cannot create " + parts_.string() + ": " + ec.message());

        const unsigned jobs = run_.jobs();
        plan_chunks(jobs);
        flush_bytes_ = unflushed_text_budget / jobs;
        std::vector<std::thread> workers;
        for (unsigned w = 0; w < std::min<std::size_t>(jobs, chunks_); ++w) workers.emplace_back([this] { work(); });
        while (done_workers_.load() < workers.size()) {
            run_.progress(files_done_.load());
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        for (std::thread& worker : workers) worker.join();

        if (failure_) return *failure_;
        if (Status merged = merge(); !merged) return merged;
        fs::remove_all(parts_, ec);
        run_.progress(run_.paths().size());
        return Ok{};
    }

private:
    // Each chunk takes a share of what is left, at most part_size files: the last chunks
    // shrink, so the workers finish about together. The cut depends on the file count only.
    void plan_chunks(unsigned jobs) {
        const std::size_t most = std::max<std::size_t>(1, run_.options().part_size);
        const std::size_t files = run_.paths().size();
        const std::size_t least = std::min(most, smallest_part);
        for (std::size_t start = 0; start < files;) {
            chunk_starts_.push_back(start);
            start += std::clamp<std::size_t>((files - start) / (2 * std::size_t{jobs}), least, most);
        }
        chunks_ = chunk_starts_.size();
    }

    void fail(Error error) {
        const std::lock_guard<std::mutex> lock(failure_mutex_);
        if (!failure_) failure_ = std::move(error);
        stop_ = true;
    }

    void work() {
        for (std::size_t chunk = next_chunk_++; chunk < chunks_ && !stop_; chunk = next_chunk_++) {
            if (Status built = build_chunk(chunk); !built) fail(built.error());
        }
        ++done_workers_;
    }

    Status build_chunk(std::size_t chunk) {
        const fs::path part = parts_ / part_name(chunk);
        // 40,000 articles: 111 s with a wait for the disk at each of its commits, 94 without.
        Result<Xapian::WritableDatabase> db = schema::open_for_writing(part.string(), schema::Durability::scratch);
        if (!db) return db.error();
        const std::size_t first = chunk_starts_[chunk];
        const std::size_t last = chunk + 1 < chunks_ ? chunk_starts_[chunk + 1] : run_.paths().size();
        try {
            // A handle of this thread's own: Xapian's are not shared between threads.
            const std::optional<Xapian::Database> replaced = open_replaced();
            std::size_t unflushed = 0;
            for (std::size_t i = first; i < last && !stop_; ++i) {
                unflushed += index_file(db.value(), i, replaced);
                ++files_done_;
                if (unflushed > flush_bytes_) {
                    db->commit();
                    unflushed = 0;
                }
            }
            db->commit();
            db->close();
            return Ok{};
        } catch (const Xapian::Error& e) {
            return schema::translate_xapian_error(e, "indexing into " + part.string() + " failed");
        }
    }

    // The generation a rebuild replaces, when it records the stamps its articles keep.
    std::optional<Xapian::Database> open_replaced() const {
        if (!run_.replaced_generation()) return std::nullopt;
        try {
            Xapian::Database db(run_.replaced_generation()->string());
            const std::string version = db.get_metadata(std::string(schema::meta_schema_version));
            int number = 0;
            const auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), number);
            if (error != std::errc() || end != version.data() + version.size() || number < first_schema_with_stamps) {
                return std::nullopt;
            }
            return db;
        } catch (const Xapian::Error&) {
            // Unreadable: the rebuild is what mends it, and its articles are stamped anew.
            return std::nullopt;
        }
    }

    // Returns the bytes of text indexed.
    std::size_t index_file(Xapian::WritableDatabase& db, std::size_t i, const std::optional<Xapian::Database>& replaced) {
        const std::optional<ArticleFile> article = run_.admit(run_.read(i));
        if (!article) return 0;
        run_.report_repairs(*article);  // every article of a build is new
        schema::StoredArticle stored = describe_article(*article);
        stamp_arrival(stored, replaced ? find_indexed(*replaced, article->id) : std::nullopt, run_.stamp());
        db.add_document(build_document(stored));
        run_.count(&IndexSummary::added);
        return article->text.size();
    }

    // Xapian's compactor merges the chunks in the order given, so document ids follow the
    // files' order whichever worker built which chunk.
    Status merge() {
        try {
            if (chunks_ == 0) {
                Result<Xapian::WritableDatabase> empty = schema::open_for_writing(target_.string());
                if (!empty) return empty.error();
                empty->close();
                return Ok{};
            }
            std::vector<fs::path> inputs;
            for (std::size_t chunk = 0; chunk < chunks_; ++chunk) inputs.push_back(parts_ / part_name(chunk));
            for (std::size_t round = 1; inputs.size() > max_merge_inputs; ++round) {
                std::vector<fs::path> merged;
                for (std::size_t first = 0; first < inputs.size(); first += max_merge_inputs) {
                    const std::size_t last = std::min(inputs.size(), first + max_merge_inputs);
                    const fs::path group = parts_ / ("merge-" + std::to_string(round) + "-" + part_name(merged.size()));
                    compact({inputs.begin() + static_cast<std::ptrdiff_t>(first),
                             inputs.begin() + static_cast<std::ptrdiff_t>(last)},
                            group);
                    // What is merged goes at once: the disk holds the index about once.
                    std::error_code ec;
                    for (std::size_t i = first; i < last; ++i) fs::remove_all(inputs[i], ec);
                    merged.push_back(group);
                }
                inputs = std::move(merged);
            }
            compact(inputs, target_);
            Xapian::WritableDatabase merged(target_.string(), Xapian::DB_OPEN);
            schema::write_missing_facet_chunks(merged);
            // A shard switched to before the others are done: its articles are the run's
            // in part only (fields.h, meta_run_stamp); the run clears it at its end.
            if (run_.is_part()) merged.set_metadata(std::string(schema::meta_run_stamp), run_.stamp());
            merged.close();
            return Ok{};
        } catch (const Xapian::Error& e) {
            return schema::translate_xapian_error(e, "merging the new index into " + target_.string() + " failed");
        }
    }

    // Document ids follow the order of `inputs`. FULL, as xapian-compact does by default:
    // the library's default level leaves the tables about 2% larger.
    static void compact(const std::vector<fs::path>& inputs, const fs::path& output) {
        Xapian::Database all;
        for (const fs::path& input : inputs) all.add_database(Xapian::Database(input.string()));
        all.compact(output.string(), Xapian::Compactor::FULL | Xapian::DBCOMPACT_MULTIPASS);
    }

    const fs::path target_;
    const fs::path parts_;
    RunContext& run_;
    std::vector<std::size_t> chunk_starts_;  // first file of each chunk
    std::size_t chunks_ = 0;
    std::size_t flush_bytes_ = 0;  // per worker
    std::atomic<std::size_t> next_chunk_{0};
    std::atomic<std::size_t> files_done_{0};
    std::atomic<std::size_t> done_workers_{0};
    std::atomic<bool> stop_{false};
    std::mutex failure_mutex_;
    std::optional<Error> failure_;
};

}  // namespace

fs::path parts_dir(const fs::path& target) {
    return target.string() + ".parts";
}

Status build_in_parallel(const fs::path& target, RunContext& run) {
    ParallelBuild build(target, run);
    return build.build();
}

}  // namespace corpus::indexer
