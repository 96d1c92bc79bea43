// --batch's engine: many queries against one index, answered on every core.
#pragma once

#include "schema/index.h"
#include "schema/result.h"
#include "searcher/search.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace corpus::searcher {

struct BatchLine {
    std::size_t number;  // in the batch file, from 1
    std::string query;
    bool too_long = false;  // longer than the reader takes: `query` is its start
};

// Answers batch lines on several threads, each with a Searcher of its own (Xapian's
// objects are not thread-safe), and hands the answers back in line order, each as soon
// as it and every line before it are answered: a program that writes one query and waits
// for its answer gets it at once, and a slow query holds back only the output after it.
class BatchSearcher {
public:
    // The next line to answer, or nothing at the end of the batch. Called by one thread
    // at a time.
    using NextLine = std::function<std::optional<BatchLine>()>;
    // What to print for a line; runs on any of the threads, several at once.
    using Answer = std::function<std::string(Searcher&, const BatchLine&)>;
    // Receives the answers in line order, one call at a time.
    using Emit = std::function<void(const std::string&)>;

    // Opens the index once per thread (0: one per core). Fails only if the first opening
    // does; a later one that fails leaves fewer threads.
    static Result<BatchSearcher> open(const std::string& path, std::chrono::milliseconds shard_timeout,
                                      unsigned threads = 0);

    std::size_t threads() const { return searchers_.size(); }

    // Answers every line `next` gives. An exception thrown by a callback stops the batch
    // and is rethrown here once every thread has stopped.
    void run(const NextLine& next, const Answer& answer, const Emit& emit);

private:
    explicit BatchSearcher(std::vector<Searcher> searchers) : searchers_(std::move(searchers)) {}

    std::vector<Searcher> searchers_;
};

}  // namespace corpus::searcher
