// When articles arrived (issue 25, deliverables 2 and 3), as a user checks it: a corpus
// indexed in rounds by the real corpus-index, --new-since and --show from the real
// corpus-search, saved searches digested over several rounds, and the nightly job's digest.
#include "schema/date.h"
#include "schema/fields.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace corpus::testing {
namespace {
namespace fs = std::filesystem;

std::string now_stamp() {
    return schema::format_instant(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// Stamps are whole seconds: waiting past the next one separates two rounds.
void next_second() {
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
}

std::vector<std::string> sorted_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

class Arrival : public ::testing::Test {
protected:
    void SetUp() override {
        fs::create_directories(src());
        const char* path = std::getenv("PATH");
        env_ = {{"XDG_STATE_HOME", (tmp_ / "state").string()},
                {"PATH", binary_dir().string() + ":" + (path != nullptr ? path : "/usr/bin:/bin")},
                {"CORPUS_REINDEX_LOG", (tmp_ / "reindex.log").string()}};
        write_file(searches(), "# the analyst's mornings\n"
                               "Peninsula = peninsula\n"
                               "\n"
                               "Missiles = missile OR missiles\n"
                               "   # indented comment\n"
                               "Fishing = fishing AND boats\n");
    }

    fs::path src() const { return tmp_ / "src"; }
    std::string db() const { return (tmp_ / "db").string(); }
    std::string searches() const { return (tmp_ / "searches.txt").string(); }

    void article(const std::string& id, const std::string& text) {
        write_file(src() / (id + ".txt"), text + "\n");
    }

    void index(const std::vector<std::string>& extra = {}) {
        std::vector<std::string> argv{index_bin(), "--db", db()};
        argv.insert(argv.end(), index_options_.begin(), index_options_.end());
        argv.insert(argv.end(), extra.begin(), extra.end());
        argv.push_back(src().string());
        const CommandResult result = run(argv, env_);
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }

    CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {search_bin(), "--db", db()});
        return run(args, env_);
    }

    nlohmann::json show(const std::string& id) {
        const CommandResult result = search({"--show", id, "--format", "json"});
        EXPECT_EQ(result.exit_code, 0) << result.err;
        const CommandResult valid = validate_json("article-output.schema.json", result.out);
        EXPECT_EQ(valid.exit_code, 0) << valid.err;
        return nlohmann::json::parse(result.out);
    }

    // The first round: three articles.
    void round_one() {
        article("a1", "Peninsula talks\n\nEnvoys met on the peninsula about missile tests.");
        article("a2", "Fishing season\n\nFishing boats left the peninsula ports at dawn.");
        article("a3", "Weather\n\nRain is expected across the region.");
        index();
    }

    // The second: one article added, one changed, one deleted, one left as it was.
    void round_two() {
        article("a2", "Fishing season ends\n\nFishing boats returned to the peninsula ports early.");
        article("a4", "Missile launch\n\nA missile was fired from the peninsula's east coast.");
        fs::remove(src() / "a3.txt");
        index();
    }

    CommandResult digest(std::vector<std::string> args = {}) {
        args.insert(args.begin(), {"--digest", searches()});
        return search(args);
    }

    static nlohmann::json digest_json(const CommandResult& result) {
        const CommandResult valid = validate_json("digest-output.schema.json", result.out);
        EXPECT_EQ(valid.exit_code, 0) << valid.err << "\n" << result.out;
        return nlohmann::json::parse(result.out);
    }

    // The ids each saved search of a JSON digest shows, by name.
    static std::map<std::string, std::vector<std::string>> shown(const nlohmann::json& digest) {
        std::map<std::string, std::vector<std::string>> ids;
        for (const auto& saved : digest["searches"]) {
            std::vector<std::string>& list = ids[saved["name"].get<std::string>()];
            for (const auto& hit : saved["results"]) list.push_back(hit["id"].get<std::string>());
            EXPECT_EQ(saved["total"].get<std::size_t>(), list.size());
            std::sort(list.begin(), list.end());
        }
        return ids;
    }

    TempDir tmp_;
    std::map<std::string, std::string> env_;
    std::vector<std::string> index_options_;  // of every corpus-index run
};

// Acceptance: --new-since a date-time between two rounds returns exactly what the second
// added or changed; --show and the JSON results say when each article arrived and changed.
TEST_F(Arrival, NewSinceBetweenRoundsFindsExactlyTheSecondRound) {
    round_one();
    const nlohmann::json first = show("a1");
    const std::string round_one_stamp = first["indexed"];
    EXPECT_EQ(first["changed"], round_one_stamp);
    next_second();
    const std::string between = now_stamp();
    next_second();
    round_two();

    const CommandResult since = search({"--new-since", between, "--ids"});
    EXPECT_EQ(since.exit_code, 0) << since.err;
    EXPECT_EQ(sorted_lines(since.out), (std::vector<std::string>{"a2", "a4"}));
    // With a query, and the same instant written with Seoul's offset.
    std::string seoul = schema::format_instant(*schema::parse_instant(between) + std::chrono::hours{9});
    seoul.replace(seoul.size() - 1, 1, "+09:00");
    EXPECT_EQ(sorted_lines(search({"--new-since", seoul, "--ids", "peninsula"}).out),
              (std::vector<std::string>{"a2", "a4"}));
    EXPECT_EQ(sorted_lines(search({"--new-since", between, "--ids", "fishing"}).out), (std::vector<std::string>{"a2"}));

    const nlohmann::json unchanged = show("a1"), changed = show("a2"), added = show("a4");
    EXPECT_EQ(unchanged["indexed"], round_one_stamp);
    EXPECT_EQ(unchanged["changed"], round_one_stamp);
    EXPECT_EQ(changed["indexed"], round_one_stamp);
    EXPECT_GT(changed["changed"].get<std::string>(), between);
    EXPECT_EQ(added["indexed"], changed["changed"]);
    EXPECT_EQ(added["changed"], changed["changed"]);

    const CommandResult text = search({"--show", "a2"});
    EXPECT_NE(text.out.find("indexed: " + round_one_stamp + "\n"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("changed: " + changed["changed"].get<std::string>() + "\n"), std::string::npos) << text.out;

    const CommandResult json = search({"--format", "json", "--new-since", between, "peninsula"});
    const CommandResult valid = validate_json("search-output.schema.json", json.out);
    EXPECT_EQ(valid.exit_code, 0) << valid.err << json.out;
    const nlohmann::json results = nlohmann::json::parse(json.out)["results"];
    ASSERT_EQ(results.size(), 2u) << json.out;
    for (const auto& hit : results) EXPECT_EQ(hit["changed"], changed["changed"]);

    // A reindex of unchanged files keeps both stamps; so does a rebuild, read from the
    // index it replaces.
    index();
    index({"--rebuild"});
    EXPECT_EQ(show("a1")["changed"], round_one_stamp);
    EXPECT_EQ(show("a2")["indexed"], round_one_stamp);
    EXPECT_EQ(show("a2")["changed"], changed["changed"]);
    EXPECT_EQ(sorted_lines(search({"--new-since", between, "--ids"}).out), (std::vector<std::string>{"a2", "a4"}));
}

// Every answer in JSON says when each hit arrived: a search, a batch's lines (whatever
// --format says) and a digest; text output, which does not show it, does not read it.
TEST_F(Arrival, EveryJsonAnswerSaysWhenEachHitArrived) {
    round_one();
    const std::string stamp = show("a1")["indexed"];
    std::vector<nlohmann::json> answers;
    answers.push_back(nlohmann::json::parse(search({"--format", "json", "peninsula"}).out)["results"]);
    const CommandResult batch = run({search_bin(), "--db", db(), "--batch", "-"}, env_, "peninsula\n");
    ASSERT_EQ(batch.exit_code, 0) << batch.err;
    answers.push_back(nlohmann::json::parse(batch.out)["results"]);
    answers.push_back(digest_json(digest({"--format", "json"}))["searches"][0]["results"]);
    for (const nlohmann::json& results : answers) {
        ASSERT_EQ(results.size(), 2u) << results;
        for (const auto& hit : results) {
            EXPECT_EQ(hit["indexed"], stamp) << hit;
            EXPECT_EQ(hit["changed"], stamp) << hit;
        }
    }
}

// Acceptance: --new-since 1h is everything recent; a date far back is everything too,
// one in the future nothing.
TEST_F(Arrival, NewSinceADurationIsEverythingRecent) {
    round_one();
    round_two();
    for (const std::string when : {"1h", "90m", "7d", "2w", "2000-01-01"}) {
        const CommandResult result = search({"--new-since", when, "--ids"});
        EXPECT_EQ(result.exit_code, 0) << when << ": " << result.err;
        EXPECT_EQ(sorted_lines(result.out), (std::vector<std::string>{"a1", "a2", "a4"})) << when;
    }
    const CommandResult future = search({"--new-since", "2999-01-01T00:00Z", "--ids"});
    EXPECT_EQ(future.exit_code, 1);
    EXPECT_EQ(future.out, "");
}

TEST_F(Arrival, BadNewSinceValuesAreOneLineErrors) {
    round_one();
    for (const std::string when : {"yesterday", "7x", "0d", "-3d", "2026-13-01", "2026-12-07T25:00", "2026-12-07T10",
                                    "2026-12-07T10:00+9", "36 h", "12345678d"}) {
        const CommandResult result = search({"--new-since", when, "peninsula"});
        EXPECT_EQ(result.exit_code, 2) << when;
        EXPECT_EQ(result.out, "") << when;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_NE(result.err.find("--new-since"), std::string::npos) << result.err;
    }
    const CommandResult with_digest = digest({"--new-since", "1h"});
    EXPECT_EQ(with_digest.exit_code, 2);
    EXPECT_EQ(std::count(with_digest.err.begin(), with_digest.err.end(), '\n'), 1) << with_digest.err;
    // Several searches are no one table: CSV is refused, not answered in text.
    const CommandResult as_csv = digest({"--format", "csv"});
    EXPECT_EQ(as_csv.exit_code, 2);
    EXPECT_EQ(as_csv.out, "");
    EXPECT_NE(as_csv.err.find("--format csv does not go with --digest"), std::string::npos) << as_csv.err;
}

// Acceptance: three digests over the rounds: first every match, then only what the second
// round added or changed, then nothing, with exit 1.
TEST_F(Arrival, DigestShowsEachSavedSearchsNewArticlesOnce) {
    round_one();
    const CommandResult first = digest({"--format", "json"});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    const nlohmann::json first_json = digest_json(first);
    EXPECT_TRUE(first_json["since"].is_null());
    using Ids = std::map<std::string, std::vector<std::string>>;
    EXPECT_EQ(shown(first_json), (Ids{{"Peninsula", {"a1", "a2"}}, {"Missiles", {"a1"}}, {"Fishing", {"a2"}}}));

    round_two();
    const CommandResult second = digest({"--format", "json"});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    const nlohmann::json second_json = digest_json(second);
    EXPECT_EQ(second_json["since"], first_json["until"]);
    EXPECT_EQ(shown(second_json), (Ids{{"Peninsula", {"a2", "a4"}}, {"Missiles", {"a4"}}, {"Fishing", {"a2"}}}));
    // The saved searches in the file's order.
    EXPECT_EQ(second_json["searches"][0]["name"], "Peninsula");
    EXPECT_EQ(second_json["searches"][2]["query"], "fishing AND boats");

    const CommandResult third = digest();
    EXPECT_EQ(third.exit_code, 1) << third.err;
    EXPECT_NE(third.out.find("== Peninsula (peninsula): nothing new =="), std::string::npos) << third.out;
    EXPECT_EQ(third.err, "");

    // Another file of saved searches has a state of its own: its first digest is everything.
    write_file(tmp_ / "other.txt", "Boats = boats\n");
    const CommandResult other = search({"--digest", (tmp_ / "other.txt").string()});
    EXPECT_EQ(other.exit_code, 0) << other.err;
    EXPECT_NE(other.out.find("First digest"), std::string::npos) << other.out;
    EXPECT_NE(other.out.find("== Boats (boats): 1 article =="), std::string::npos) << other.out;
}

// A digest that could not be written is shown again: its state does not advance.
TEST_F(Arrival, ADigestThatFailsToWriteIsShownAgain) {
    round_one();
    std::vector<std::string> argv{"/bin/sh", "-c", "exec \"$@\" >/dev/full", "sh", search_bin(), "--db", db(),
                                  "--digest", searches()};
    const CommandResult full = run(argv, env_);
    EXPECT_EQ(full.exit_code, 2);
    EXPECT_NE(full.err.find("cannot write output"), std::string::npos) << full.err;

    const CommandResult again = digest({"--format", "json"});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    const nlohmann::json json = digest_json(again);
    EXPECT_TRUE(json["since"].is_null());
    EXPECT_EQ(json["searches"][0]["total"], 2);
}

// An indexing run under way (or one that died) has marked the index: its articles wait
// for the digest after it ends, whole, rather than being split between two digests.
TEST_F(Arrival, ADigestWaitsForARunUnderWay) {
    round_one();
    ASSERT_EQ(digest().exit_code, 0);
    round_two();
    const nlohmann::json added = show("a4");
    // What a run still writing would leave: its stamp in the index, some articles in.
    const fs::path generation = [&] {
        for (const auto& entry : fs::directory_iterator(db())) {
            if (entry.path().filename().string().starts_with("gen-")) return entry.path();
        }
        return fs::path();
    }();
    {
        Xapian::WritableDatabase writable(generation.string(), Xapian::DB_OPEN);
        writable.set_metadata(std::string(schema::meta_run_stamp), added["changed"].get<std::string>());
        writable.commit();
    }
    const CommandResult during = digest({"--format", "json"});
    EXPECT_EQ(during.exit_code, 1) << during.out;
    // The next run ends and clears it: everything the second round did is shown.
    index();
    const CommandResult after = digest({"--format", "json"});
    EXPECT_EQ(after.exit_code, 0) << after.err;
    EXPECT_EQ(shown(digest_json(after))["Peninsula"], (std::vector<std::string>{"a2", "a4"}));
}

// A sharded index: each shard holds its articles' stamps, the run's stamp is cleared in
// every shard once the last is done, and a rebuild, shard by shard, keeps the stamps.
TEST_F(Arrival, ShardedIndexKeepsStampsAndDigests) {
    index_options_ = {"--shards", "2"};
    round_one();
    const std::string round_one_stamp = show("a1")["changed"];
    ASSERT_EQ(digest().exit_code, 0);
    round_two();
    for (const std::string shard : {"shard-00", "shard-01"}) {
        EXPECT_EQ(Xapian::Database((fs::path(db()) / shard).string()).get_metadata(std::string(schema::meta_run_stamp)),
                  "")
            << shard;
    }
    index({"--rebuild"});
    EXPECT_EQ(show("a1")["changed"], round_one_stamp);
    EXPECT_EQ(show("a2")["indexed"], round_one_stamp);
    const CommandResult second = digest({"--format", "json"});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    using Ids = std::map<std::string, std::vector<std::string>>;
    EXPECT_EQ(shown(digest_json(second)), (Ids{{"Peninsula", {"a2", "a4"}}, {"Missiles", {"a4"}}, {"Fishing", {"a2"}}}));
    EXPECT_EQ(digest().exit_code, 1);
}

// Found on the way: under any filter, an index of several local shards listed articles the
// filter leaves out (the page was ranked over docids its shards do not use).
TEST_F(Arrival, FiltersOnAShardedIndexListOnlyTheirArticles) {
    const CommandResult indexed = run({index_bin(), "--db", db(), "--shards", "2", seed_dir().string()}, env_);
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    const CommandResult outlet = search({"--ids", "--outlet", "Oilprice.com", "the"});
    EXPECT_EQ(outlet.out, seed::a000 + "\n");
    const CommandResult json = search({"--format", "json", "--outlet", "Oilprice.com", "the"});
    const nlohmann::json results = nlohmann::json::parse(json.out)["results"];
    ASSERT_EQ(results.size(), 1u) << json.out;
    EXPECT_EQ(results[0]["id"], seed::a000);
}

TEST_F(Arrival, MalformedSavedSearchesNameTheFileAndLine) {
    round_one();
    for (const auto& [text, needle] : std::vector<std::pair<std::string, std::string>>{
             {"Good = peninsula\n# fine\nno equals sign here\n", "searches.txt:3: no '='"},
             {"= peninsula\n", "searches.txt:1: no name"},
             {"Empty =   \n", "searches.txt:1: \"Empty\": empty query"},
             {"Twice = a\nTwice = b\n", "searches.txt:2: the name \"Twice\" is given twice"},
             {"# nothing\n\n", "hold no search"},
             {"Bad = (peninsula\n", "searches.txt:1: \"Bad\": "}}) {
        write_file(searches(), text);
        const CommandResult result = digest();
        EXPECT_EQ(result.exit_code, 2) << text;
        EXPECT_EQ(result.out, "") << text;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    }
    EXPECT_FALSE(fs::exists(tmp_ / "state" / "corpus-search" / "digests")) << "an error advanced the state";
    const CommandResult missing = search({"--digest", (tmp_ / "absent.txt").string()});
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("absent.txt"), std::string::npos) << missing.err;
}

// Acceptance: nightly-reindex --digest prints the digest of what its reindex added.
TEST_F(Arrival, NightlyReindexPrintsTheDigestOfWhatItAdded) {
    const std::string nightly = (source_dir() / "scripts" / "nightly-reindex").string();
    round_one();
    const CommandResult first = run({nightly, "-q", "--db", db(), "--digest", searches(), src().string()}, env_);
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("== Peninsula (peninsula): 2 articles =="), std::string::npos) << first.out;

    article("a5", "Ferry news\n\nA ferry crossed to the peninsula with fishing boats in tow.");
    const CommandResult second = run({nightly, "--db", db(), "--digest", searches(), src().string()}, env_);
    EXPECT_EQ(second.exit_code, 0) << second.err;
    EXPECT_NE(second.out.find("1 added, 0 updated"), std::string::npos) << second.out;
    EXPECT_NE(second.out.find("== Peninsula (peninsula): 1 article =="), std::string::npos) << second.out;
    EXPECT_NE(second.out.find("== Missiles (missile OR missiles): nothing new =="), std::string::npos) << second.out;
    EXPECT_NE(second.out.find("a5"), std::string::npos) << second.out;
    EXPECT_EQ(second.out.find("a1 |"), std::string::npos) << second.out;

    // Nothing new is no failure of the job.
    const CommandResult third = run({nightly, "-q", "--db", db(), "--digest", searches(), src().string()}, env_);
    EXPECT_EQ(third.exit_code, 0) << third.err;
    EXPECT_NE(third.out.find("nothing new"), std::string::npos) << third.out;
}

}  // namespace
}  // namespace corpus::testing
