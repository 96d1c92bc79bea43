#include "searcher/batch.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

namespace corpus::searcher {

Result<BatchSearcher> BatchSearcher::open(const std::string& path, std::chrono::milliseconds shard_timeout,
                                          unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    std::vector<Searcher> searchers;
    for (unsigned thread = 0; thread < threads; ++thread) {
        // Each thread answers whole queries, so none splits its query between cores.
        Result<Searcher> searcher = Searcher::open(path, shard_timeout, Parallelism{.threads = 1});
        if (!searcher) {
            if (searchers.empty()) return searcher.error();
            break;
        }
        searchers.push_back(std::move(searcher.value()));
    }
    return BatchSearcher(std::move(searchers));
}

void BatchSearcher::run(const NextLine& next, const Answer& answer, const Emit& emit) {
    // Answers finished ahead of an earlier, slower line wait in `finished`; at most this
    // many lines are taken ahead of the first unanswered one, which bounds the memory.
    const std::size_t most_ahead = 64 * searchers_.size();
    std::mutex input_mutex;  // taken before state_mutex when both are held
    std::mutex state_mutex;
    std::condition_variable room;  // the first unanswered line was answered, or stop
    std::size_t taken = 0;         // sequence numbers handed out
    std::size_t emitted = 0;       // answers passed to emit
    std::map<std::size_t, std::string> finished;
    bool stop = false;
    std::exception_ptr failure;

    auto work = [&](Searcher& searcher) {
        try {
            for (;;) {
                std::optional<BatchLine> line;
                std::size_t sequence = 0;
                {
                    std::unique_lock input(input_mutex);
                    {
                        std::unique_lock state(state_mutex);
                        room.wait(state, [&] { return stop || taken - emitted < most_ahead; });
                        if (stop) return;
                    }
                    line = next();
                    if (!line) return;
                    sequence = taken++;
                }
                std::string text = answer(searcher, *line);
                std::lock_guard state(state_mutex);
                finished.emplace(sequence, std::move(text));
                for (auto first = finished.begin(); first != finished.end() && first->first == emitted;
                     first = finished.erase(first)) {
                    emit(first->second);
                    ++emitted;
                }
                room.notify_all();
            }
        } catch (...) {
            std::lock_guard state(state_mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
            room.notify_all();
        }
    };

    std::vector<std::thread> helpers;
    for (std::size_t helper = 1; helper < searchers_.size(); ++helper) {
        try {
            helpers.emplace_back(work, std::ref(searchers_[helper]));
        } catch (const std::system_error&) {
            break;  // no more threads to be had: fewer answer the batch
        }
    }
    work(searchers_[0]);
    for (std::thread& helper : helpers) helper.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace corpus::searcher
