#include "tests/support/test_support.h"

#include "indexer/indexer.h"
#include "schema/facet_columns.h"
#include "schema/fields.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string_view>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace corpus::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = (fs::path(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") / "corpus-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

namespace {

std::string shell_quote(const std::string& arg) {
    std::string quoted = "'";
    for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

}  // namespace

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

CommandResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                  const std::string& stdin_text) {
    TempDir io;
    write_file(io / "in", stdin_text);
    // The shell only wires the files; every argument is quoted so it reaches argv as is.
    std::string command = "env";
    for (const auto& [name, value] : env) command += " " + shell_quote(name + "=" + value);
    for (const std::string& arg : argv) command += " " + shell_quote(arg);
    command += " <" + shell_quote((io / "in").string()) + " >" + shell_quote((io / "out").string()) + " 2>" +
               shell_quote((io / "err").string());
    const int status = std::system(command.c_str());
    const int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return CommandResult{exit_code, read_file(io / "out"), read_file(io / "err")};
}

nlohmann::json read_csv(const std::string& csv) {
    const std::string script =
        "import csv, io, json, sys\n"
        "text = sys.stdin.buffer.read().decode('utf-8')\n"
        "print(json.dumps(list(csv.reader(io.StringIO(text, newline=''), strict=True))))\n";
    const CommandResult result = run({CORPUS_JSONSCHEMA_PYTHON, "-c", script}, {}, csv);
    EXPECT_EQ(result.exit_code, 0) << result.err << csv;
    return nlohmann::json::parse(result.out, nullptr, false);
}

CommandResult validate_json(const std::string& schema_file, const std::string& json, bool json_lines) {
    TempDir tmp;
    write_file(tmp / "out.json", json);
    const std::string script =
        "import glob, json, os, sys, jsonschema\n"
        "schema = json.load(open(sys.argv[1]))\n"
        "jsonschema.Draft202012Validator.check_schema(schema)\n"
        "# A schema may refer to another in schema/ by its $id: Debian 12's jsonschema\n"
        "# resolves them with a RefResolver, later ones with a referencing.Registry.\n"
        "others = [json.load(open(p)) for p in glob.glob(os.path.join(os.path.dirname(sys.argv[1]), '*.schema.json'))]\n"
        "others = {s['$id']: s for s in others if '$id' in s}\n"
        "try:\n"
        "    from referencing import Registry, Resource\n"
        "    registry = Registry().with_resources((i, Resource.from_contents(s)) for i, s in others.items())\n"
        "    validator = jsonschema.Draft202012Validator(schema, registry=registry)\n"
        "except ImportError:\n"
        "    resolver = jsonschema.RefResolver.from_schema(schema, store=others)\n"
        "    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)\n"
        "text = open(sys.argv[2]).read()\n"
        "docs = [json.loads(l) for l in text.splitlines()] if sys.argv[3] == 'lines' else [json.loads(text)]\n"
        "assert docs, 'no JSON at all'\n"
        "for doc in docs: validator.validate(doc)\n";
    return run({CORPUS_JSONSCHEMA_PYTHON, "-c", script, (source_dir() / "schema" / schema_file).string(),
                (tmp / "out.json").string(), json_lines ? "lines" : "one"});
}

int spawn(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int failed = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) throw std::runtime_error("cannot start " + argv.at(0));
    return pid;
}

int wait_for(int pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

fs::path binary_dir() {
    return fs::path(index_bin()).parent_path();
}

void write_made_up_articles(const fs::path& dir, std::size_t first, std::size_t count, int version) {
    static const char* const words[] = {
        "Seoul", "Pyongyang", "minister", "talks", "sanctions", "missile", "treaty", "summit", "officials",
        "said", "on", "the", "a", "of", "and", "to", "in", "security", "alliance", "cooperation", "trade",
        "envoy", "Moscow", "Beijing", "Tokyo", "Washington", "reported", "according", "military", "diplomatic"};
    fs::create_directories(dir);
    for (std::size_t n = first; n < first + count; ++n) {
        std::uint64_t state = n * 6364136223846793005ULL + 1442695040888963407ULL;
        auto next_word = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return words[(state >> 33) % (sizeof words / sizeof words[0])];
        };
        char id[16];
        std::snprintf(id, sizeof id, "art%05zu", n);
        std::string text = std::string("Report ") + id + " on the peninsula, version " + std::to_string(version) + "\n\n";
        for (int paragraph = 0; paragraph < 4; ++paragraph) {
            text += "The envoy said that";
            for (int w = 0; w < 60; ++w) text += std::string(" ") + next_word();
            text += ", officials said on the peninsula.\n\n";
        }
        write_file(dir / (std::string(id) + ".txt"), text);
    }
}

std::string facet_chunk_disagreement(const fs::path& db, std::size_t* present) {
    Xapian::Database database(db.string());
    std::size_t chunks = 0;
    const Xapian::docid last = database.get_lastdocid();
    for (std::uint32_t number = 0; last > 0 && number <= schema::facet_chunk_of(last); ++number) {
        const std::optional<schema::FacetChunk> chunk = schema::FacetChunk::read(database, number);
        if (!chunk) {
            if (!database.get_metadata(schema::facet_chunk_key(number)).empty()) {
                return "chunk " + std::to_string(number) + " does not decode";
            }
            continue;
        }
        ++chunks;
        // The entries of one key (one person) share a person; an entry without a key has none.
        std::map<std::string_view, std::uint32_t> person_of_key;
        for (std::uint32_t entry = 0; entry < chunk->person_entries(); ++entry) {
            const std::string_view text = chunk->person_entry(entry);
            const std::size_t tab = text.find('\t');
            const std::uint32_t person = chunk->entry_person(entry);
            const std::uint32_t expected = tab == std::string_view::npos
                                               ? schema::FacetChunk::none
                                               : person_of_key.try_emplace(text.substr(0, tab), person).first->second;
            if (person != expected ||
                (person != schema::FacetChunk::none && chunk->entry_person(chunk->person_entry_of(person)) != person)) {
                return "chunk " + std::to_string(number) + " makes entry \"" + std::string(text) + "\" person " +
                       std::to_string(person) + ", not " + std::to_string(expected);
            }
        }
        if (chunk->persons() != person_of_key.size()) {
            return "chunk " + std::to_string(number) + " has " + std::to_string(chunk->persons()) + " persons, not " +
                   std::to_string(person_of_key.size());
        }
        const Xapian::docid first = number * schema::facet_chunk_docs + 1;
        for (Xapian::docid did = first; did < first + schema::facet_chunk_docs && did <= last; ++did) {
            std::string outlet, month, persons;
            try {
                const Xapian::Document doc = database.get_document(did);
                outlet = doc.get_value(schema::slot_outlet);
                month = doc.get_value(schema::slot_month);
                persons = doc.get_value(schema::slot_persons);
                if (!chunk->covers(did)) return "article " + std::to_string(did) + " lies past its chunk's end";
            } catch (const Xapian::DocNotFoundError&) {
            }
            std::string chunk_outlet, chunk_month, chunk_persons;
            if (chunk->covers(did)) {
                if (chunk->outlet(did) != schema::FacetChunk::none) chunk_outlet = chunk->outlet_value(chunk->outlet(did));
                if (chunk->month(did) != schema::FacetChunk::none) chunk_month = chunk->month_value(chunk->month(did));
                for (std::uint32_t at = chunk->mention_begin(did); at < chunk->mention_end(did); ++at) {
                    if (!chunk_persons.empty()) chunk_persons += '\n';
                    chunk_persons += chunk->person_entry(chunk->mention(at));
                }
            }
            if (outlet != chunk_outlet || month != chunk_month || persons != chunk_persons) {
                return "article " + std::to_string(did) + ": slots hold outlet \"" + outlet + "\", month \"" + month +
                       "\", persons \"" + persons + "\"; its chunk \"" + chunk_outlet + "\", \"" + chunk_month +
                       "\", \"" + chunk_persons + "\"";
            }
        }
    }
    if (present) *present = chunks;
    return {};
}

fs::path source_dir() {
    return CORPUS_SOURCE_DIR;
}

fs::path seed_dir() {
    return source_dir() / "data";
}

std::string index_bin() {
    return CORPUS_INDEX_BIN;
}

std::string search_bin() {
    return CORPUS_SEARCH_BIN;
}

void build_seed_index(const fs::path& db) {
    indexer::IndexOptions options;
    options.db_path = db.string();
    options.sources = {seed_dir()};
    Result<indexer::IndexSummary> summary = indexer::run_index(options, {});
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    ASSERT_EQ(summary->added, 5u);
}

void build_seed_and_made_up_index(const fs::path& db, const fs::path& src, std::size_t made_up) {
    fs::create_directories(src);
    for (const auto& entry : fs::directory_iterator(seed_dir())) {
        if (entry.is_regular_file()) fs::copy_file(entry.path(), src / entry.path().filename());
    }
    write_made_up_articles(src, 0, made_up, 1);
    indexer::IndexOptions options;
    options.db_path = db.string();
    options.sources = {src};
    Result<indexer::IndexSummary> summary = indexer::run_index(options, {});
    ASSERT_TRUE(summary.ok()) << summary.error().message;
    ASSERT_EQ(summary->added, 5 + made_up);
}

std::unique_ptr<TempDir> SeedIndexTest::seed_index_dir_;

void SeedIndexTest::SetUpTestSuite() {
    seed_index_dir_ = std::make_unique<TempDir>();
    build_seed_index(*seed_index_dir_ / "db");
}

void SeedIndexTest::TearDownTestSuite() {
    seed_index_dir_.reset();
}

std::string SeedIndexTest::seed_db() {
    return (*seed_index_dir_ / "db").string();
}

std::unique_ptr<TempDir> CliIndexTest::dir_;

void CliIndexTest::SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    const CommandResult indexed = run({index_bin(), "--db", db()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
}

void CliIndexTest::TearDownTestSuite() {
    dir_.reset();
}

std::string CliIndexTest::db() {
    return (*dir_ / "db").string();
}

CommandResult CliIndexTest::search(std::vector<std::string> args, const std::map<std::string, std::string>& env,
                                   const std::string& stdin_text) {
    args.insert(args.begin(), {search_bin(), "--db", db()});
    return run(args, env, stdin_text);
}

void CliIndexTest::expect_one_line_error(const CommandResult& result, const std::string& needle) {
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out.substr(0, 500);
    ASSERT_FALSE(result.err.empty());
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << "more than one line: " << result.err;
    EXPECT_NE(result.err.find(needle), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find('\033'), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("terminate called"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find("what()"), std::string::npos) << result.err;
}

}  // namespace corpus::testing
