// One indexing run as its layers see it: what was asked, who hears of it, which files it
// covers and what it has done, in one object; and the one place where what becomes of
// each file is decided (read, checked, skipped, warned about, kept).
#pragma once

#include "indexer/indexer.h"
#include "indexer/source.h"

#include <cstddef>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace corpus::indexer {

class RunContext {
public:
    // The whole run: every listed file, the counts going into `summary`.
    RunContext(const IndexOptions& options, const IndexObserver& observer, const SourceListing& sources,
               IndexSummary& summary);
    // The part of `whole` written to one shard: `paths`, some of its files, whose progress
    // counts on from `done_before` of the whole.
    RunContext(RunContext& whole, std::vector<std::string> paths, std::size_t done_before);
    RunContext(const RunContext&) = delete;
    RunContext& operator=(const RunContext&) = delete;

    const IndexOptions& options() const { return options_; }
    const std::vector<std::string>& paths() const { return paths_; }
    unsigned jobs() const;  // worker threads
    // Whether this is one shard's part of a run over a sharded folder.
    bool is_part() const { return part_; }

    // The run's stamp (schema::format_instant's form), which every article it adds or
    // changes records: fixed once, by the first call, when the run holds the index's lock;
    // the parts of a run share it.
    const std::string& stamp() const { return shared_.stamp; }
    void fix_stamp(const std::filesystem::path& index_dir);
    // The generation a rebuild replaces, if any: unchanged articles keep its stamps.
    const std::optional<std::filesystem::path>& replaced_generation() const { return replaced_; }
    void set_replaced_generation(std::filesystem::path generation) { replaced_ = std::move(generation); }

    // Reads paths()[i] (on any thread): the article, or why the file is skipped.
    Result<ArticleFile> read(std::size_t i) const;
    // What read() gave, judged: the article, or nothing when the file is skipped (warned
    // about and counted). Thread-safe.
    std::optional<ArticleFile> admit(Result<ArticleFile> article);
    // Gives the warnings about what was repaired in `article`, which is about to be
    // indexed (new or changed), and counts it as repaired. Not for an article skipped as
    // unchanged: it was warned about when it was indexed, and a nightly run repeating the
    // warning would mail it every night. Thread-safe.
    void report_repairs(const ArticleFile& article);
    // Whether the article indexed from `source` is gone: from under a source, not listed
    // this run, and not under a folder that could not be listed.
    bool is_gone(const std::string& source) const;

    void count(std::size_t IndexSummary::*counter, std::size_t n = 1);  // thread-safe
    void warn(const std::string& line);                                 // thread-safe
    void progress(std::size_t done) const;
    // The listing's warnings, once, when the run has its lock (a run that stops at once,
    // busy, says one line).
    void report_listing();

private:
    // What the parts of a run share with the whole.
    struct Shared {
        std::mutex mutex;  // for the summary and the warning printer
        bool listing_reported = false;
        std::string stamp;
    };

    const IndexOptions& options_;
    const IndexObserver& observer_;
    const SourceListing& sources_;
    IndexSummary& summary_;
    Shared own_;
    Shared& shared_;
    std::vector<std::string> paths_;
    std::vector<bool> duplicate_;  // of an earlier path's id: decided up front, whichever thread reads first
    std::size_t done_before_ = 0;
    std::size_t total_ = 0;
    bool part_ = false;
    std::optional<std::filesystem::path> replaced_;
};

}  // namespace corpus::indexer
