// What the benchmark tools share: reading the corpus and the translated query mix,
// timing, and the JSON lines every tool prints (one per measurement, read by
// scripts/bench/report_benchmark.py). Deliberately small and engine-neutral, so each
// baseline stays what a developer would write in an afternoon.
#pragma once

#include <nlohmann/json.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

// One line of a translated query mix (scripts/bench/translate_queries.py writes one file
// per engine): category TAB query TAB outlet TAB from TAB to TAB skip, the last four
// optional.
struct BenchQuery {
    std::string category;
    std::string query;   // in the engine's own syntax
    std::string outlet;  // exact outlet name, or empty for no outlet filter
    std::string from;    // "YYYY-MM-DD" inclusive, or empty
    std::string to;      // "YYYY-MM-DD" inclusive, or empty
    // Why this engine has no equivalent of the query (SAME for the baselines), or empty.
    // Such a row is not run but still printed, so every engine's lines keep the mix's order.
    std::string skip;
};

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string::size_type start = 0;
    while (true) {
        const std::string::size_type tab = line.find('\t', start);
        fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) return fields;
        start = tab + 1;
    }
}

inline std::vector<BenchQuery> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read query file " + path);
    std::vector<BenchQuery> queries;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields = split_tabs(line);
        fields.resize(6);
        queries.push_back({fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]});
    }
    if (queries.empty()) throw std::runtime_error("no queries in " + path);
    return queries;
}

// One article of the generated corpus as a plain baseline sees it: the whole page text
// as the body (no page segmentation), title/outlet/date from <id>.meta.json if present.
struct CorpusDoc {
    std::string id;
    std::string title;
    std::string outlet;  // "unknown" when not given
    std::string date;    // "YYYY-MM-DD", or empty when not given
    std::string text;
};

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The corpus's article files, sorted so every engine indexes them in the same order.
inline std::vector<std::filesystem::path> list_articles(const std::string& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

inline CorpusDoc load_article(const std::filesystem::path& txt, std::uint64_t& bytes_read) {
    CorpusDoc doc;
    doc.id = txt.stem().string();
    doc.text = read_file(txt);
    doc.outlet = "unknown";
    bytes_read += doc.text.size();
    std::filesystem::path meta = txt;
    meta.replace_extension(".meta.json");
    if (std::filesystem::exists(meta)) {
        const std::string raw = read_file(meta);
        bytes_read += raw.size();
        const nlohmann::json json = nlohmann::json::parse(raw);
        doc.title = json.value("title", "");
        doc.outlet = json.value("outlet", "unknown");
        doc.date = json.value("date", "");
    }
    return doc;
}

inline long max_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // kilobytes on Linux
}

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Command-line options shared by the tools: --db DIR, --queries FILE, --reps N, a corpus
// folder as the one positional argument.
struct Options {
    std::string db;
    std::string queries;
    std::string corpus;
    int reps = 20;
    bool ids = false;  // print every query's matching ids instead of timing the mix
    // corpus-search only: estimated matches below which a query stays on one thread (0:
    // the library's default), so that the threshold can be tuned by measurement.
    std::size_t matches_per_thread = 0;
};

inline Options parse_options(int argc, char** argv, const char* usage) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "-h" || arg == "--help") {
            std::cout << usage;
            std::exit(0);
        } else if (arg == "--db") {
            options.db = value();
        } else if (arg == "--queries") {
            options.queries = value();
        } else if (arg == "--ids") {
            options.ids = true;
        } else if (arg == "--reps") {
            options.reps = std::stoi(value());
            if (options.reps < 1) throw std::runtime_error("--reps must be at least 1");
        } else if (arg == "--matches-per-thread") {
            options.matches_per_thread = std::stoul(value());
        } else if (!arg.empty() && arg[0] == '-') {
            throw std::runtime_error("unknown option " + arg);
        } else {
            options.corpus = arg;
        }
    }
    if (options.db.empty()) throw std::runtime_error("--db is required");
    return options;
}

// The last line an indexing tool prints.
inline void print_index_summary(const std::string& engine, std::size_t docs, std::uint64_t bytes, double seconds) {
    nlohmann::json line{{"engine", engine}, {"kind", "index"}, {"docs", docs}, {"bytes", bytes},
                        {"seconds", seconds}, {"max_rss_kb", max_rss_kb()}};
    std::cout << line.dump() << '\n';
}

// The line printed for a query the engine cannot express: what it was and why not.
inline nlohmann::json skipped_line(const std::string& engine, const std::string& kind, std::size_t index,
                                   const BenchQuery& query) {
    return {{"engine", engine}, {"kind", kind}, {"index", index}, {"category", query.category},
            {"query", query.query}, {"skipped", query.skip}};
}

// Runs every query once untimed (page cache, lazily opened tables), then `reps` timed
// rounds over the whole mix; prints one JSON line per query with its latencies in
// nanoseconds and the match count, then a summary line. `run` answers one query the way
// a results page needs it and returns the exact number of matches. Rows with a skip
// reason are not run; their line carries the reason instead of figures.
template <typename Run>
int time_query_mix(const std::string& engine, const std::vector<BenchQuery>& queries, int reps, Run run) {
    std::vector<std::size_t> totals(queries.size());
    for (std::size_t i = 0; i < queries.size(); ++i) {
        if (queries[i].skip.empty()) totals[i] = run(queries[i]);
    }
    std::vector<std::vector<std::int64_t>> latencies(queries.size());
    const Clock::time_point start = Clock::now();
    for (int rep = 0; rep < reps; ++rep) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            if (!queries[i].skip.empty()) continue;
            const Clock::time_point before = Clock::now();
            const std::size_t total = run(queries[i]);
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - before).count();
            latencies[i].push_back(ns);
            if (total != totals[i]) throw std::runtime_error("query " + queries[i].query + " changed its total");
        }
    }
    const double seconds = seconds_since(start);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        if (!queries[i].skip.empty()) {
            std::cout << skipped_line(engine, "query", i, queries[i]).dump() << '\n';
            continue;
        }
        nlohmann::json line{{"engine", engine}, {"kind", "query"}, {"index", i},
                            {"category", queries[i].category}, {"query", queries[i].query},
                            {"total", totals[i]}, {"ns", latencies[i]}};
        std::cout << line.dump() << '\n';
    }
    nlohmann::json summary{{"engine", engine}, {"kind", "search"}, {"queries", queries.size()}, {"reps", reps},
                           {"seconds", seconds}, {"max_rss_kb", max_rss_kb()}};
    std::cout << summary.dump() << '\n';
    return 0;
}

// For comparing what engines find: one JSON line per query with the ids of every
// article it matches, sorted. `matching` returns them in any order. Rows with a skip
// reason are not run (see time_query_mix).
template <typename Matching>
int print_matching_ids(const std::string& engine, const std::vector<BenchQuery>& queries, Matching matching) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
        if (!queries[i].skip.empty()) {
            std::cout << skipped_line(engine, "ids", i, queries[i]).dump() << '\n';
            continue;
        }
        std::vector<std::string> ids = matching(queries[i]);
        std::sort(ids.begin(), ids.end());
        nlohmann::json line{{"engine", engine}, {"kind", "ids"}, {"index", i}, {"category", queries[i].category},
                            {"query", queries[i].query}, {"ids", ids}};
        std::cout << line.dump() << '\n';
    }
    return 0;
}

// main() of every tool: turns exceptions into one line on stderr and exit status 1.
template <typename Body>
int guarded_main(const char* tool, Body body) {
    try {
        return body();
    } catch (const std::exception& e) {
        std::cerr << tool << ": " << e.what() << '\n';
        return 1;
    }
}

}  // namespace bench
