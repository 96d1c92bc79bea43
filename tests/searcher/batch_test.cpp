// BatchSearcher on a real index of the seed articles: several threads, answers in line
// order, streamed, with a bounded number of lines taken ahead.
#include "searcher/batch.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace corpus::searcher {
namespace {

class Batch : public testing::SeedIndexTest {
protected:
    // What one thread alone answers for `query`: its total and its first hit.
    static std::string answer_alone(const std::string& query) {
        Result<Searcher> searcher = Searcher::open(seed_db());
        EXPECT_TRUE(searcher.ok());
        return describe(*searcher, query);
    }

    static std::string describe(Searcher& searcher, const std::string& query) {
        SearchRequest request;
        request.query = query;
        Result<SearchResult> result = searcher.search(request);
        if (!result) return query + ": error " + result.error().message;
        return query + ": " + std::to_string(result->total) + " " + (result->hits.empty() ? "-" : result->hits[0].id);
    }
};

const std::vector<std::string> queries = {
    "Putin", "\"mutual assistance\"", "Kim Jong-un", "kimchi", "Zinoviev OR Lavrov", "treaty NOT Russia",
    "\"comprehensive strategic partnership\"", "Yoon Suk Yeol", "military aid", "Li Qiang",
};

TEST_F(Batch, AnswersComeInLineOrderAndMatchASingleSearcher) {
    constexpr std::size_t lines = 300;
    Result<BatchSearcher> batch = BatchSearcher::open(seed_db(), schema::default_shard_timeout, 3);
    ASSERT_TRUE(batch.ok()) << batch.error().message;
    ASSERT_EQ(batch->threads(), 3u);

    std::size_t given = 0;
    std::atomic<std::size_t> taken_ahead_most = 0;
    std::atomic<std::size_t> emitted = 0;
    auto next = [&]() -> std::optional<BatchLine> {
        if (given == lines) return std::nullopt;
        ++given;
        taken_ahead_most = std::max<std::size_t>(taken_ahead_most, given - emitted);
        return BatchLine{given, queries[given % queries.size()]};
    };
    std::vector<std::string> out;
    batch->run(
        next,
        [](Searcher& searcher, const BatchLine& line) {
            return std::to_string(line.number) + " " + describe(searcher, line.query);
        },
        [&](const std::string& text) {
            out.push_back(text);
            ++emitted;
        });

    ASSERT_EQ(out.size(), lines);
    for (std::size_t number = 1; number <= lines; ++number) {
        EXPECT_EQ(out[number - 1], std::to_string(number) + " " + answer_alone(queries[number % queries.size()]));
    }
    // 64 lines a thread ahead of the first unanswered one, and the lines being answered.
    EXPECT_LE(taken_ahead_most, 64u * 3 + 3);
}

// A program that writes a query and waits for its answer before writing the next one.
TEST_F(Batch, EachAnswerComesBeforeTheNextLineIsRead) {
    Result<BatchSearcher> batch = BatchSearcher::open(seed_db(), schema::default_shard_timeout, 2);
    ASSERT_TRUE(batch.ok());
    std::mutex mutex;
    std::condition_variable answered;
    std::size_t given = 0;
    std::size_t emitted = 0;
    std::size_t waits_timed_out = 0;
    auto next = [&]() -> std::optional<BatchLine> {
        std::unique_lock lock(mutex);
        if (!answered.wait_for(lock, std::chrono::seconds(20), [&] { return emitted == given; })) ++waits_timed_out;
        if (given == 5) return std::nullopt;
        ++given;
        return BatchLine{given, queries[given]};
    };
    batch->run(
        next, [](Searcher& searcher, const BatchLine& line) { return describe(searcher, line.query); },
        [&](const std::string&) {
            std::lock_guard lock(mutex);
            ++emitted;
            answered.notify_all();
        });
    EXPECT_EQ(emitted, 5u);
    EXPECT_EQ(waits_timed_out, 0u);
}

TEST_F(Batch, AFailingAnswerStopsTheBatchAndIsRethrown) {
    Result<BatchSearcher> batch = BatchSearcher::open(seed_db(), schema::default_shard_timeout, 2);
    ASSERT_TRUE(batch.ok());
    std::size_t given = 0;
    auto next = [&]() -> std::optional<BatchLine> {
        ++given;
        return BatchLine{given, "Putin"};  // endless: only the failure ends the batch
    };
    std::size_t emitted = 0;
    EXPECT_THROW(batch->run(
                     next,
                     [](Searcher&, const BatchLine& line) -> std::string {
                         if (line.number == 50) throw std::runtime_error("answer failed");
                         return "ok";
                     },
                     [&](const std::string&) { ++emitted; }),
                 std::runtime_error);
    EXPECT_LT(emitted, 50u);
}

TEST_F(Batch, AMissingIndexIsAnError) {
    testing::TempDir tmp;
    Result<BatchSearcher> batch = BatchSearcher::open((tmp / "nothing-here").string(), schema::default_shard_timeout);
    ASSERT_FALSE(batch.ok());
    EXPECT_NE(batch.error().message.find("nothing-here"), std::string::npos) << batch.error().message;
}

}  // namespace
}  // namespace corpus::searcher
