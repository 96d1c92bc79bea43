// Shared by the tests: temporary folders, running the real binaries, a real index of
// the bundled seed corpus.
#pragma once

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace corpus::testing {

// A fresh folder, removed with everything in it when the object goes.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exit_code;
    std::string out;
    std::string err;
};

// Runs a program with arguments (no shell involved in their meaning), optional input on
// stdin and extra environment variables; captures its output.
CommandResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                  const std::string& stdin_text = {});

// Starts a program in the background, its output discarded; wait_for() reaps it and
// returns its exit status (128 + signal when killed).
int spawn(const std::vector<std::string>& argv);
int wait_for(int pid);

// The folder the binaries are in, for putting them first on PATH.
std::filesystem::path binary_dir();

std::filesystem::path source_dir();
std::filesystem::path seed_dir();  // the bundled data/
std::string index_bin();
std::string search_bin();

// Builds an index of the bundled seed corpus at `db` with the indexer library.
void build_seed_index(const std::filesystem::path& db);

// An index at `db` of the seed articles (with their metadata) and `made_up` made-up ones
// after them (write_made_up_articles), whose files go to `src`: enough articles to fill
// several facet chunks, the first with outlets, dates and people.
void build_seed_and_made_up_index(const std::filesystem::path& db, const std::filesystem::path& src,
                                  std::size_t made_up);

// The seed articles' ids, for tests that name the articles a careful reader expects.
namespace seed {
inline const std::string a000 = "000_4187df94d3ce0a80";
inline const std::string a001 = "001_e37822f24c939602";
inline const std::string a002 = "002_66667886bb51a6a5";
inline const std::string a003 = "003_457d596eeaa5c52e";
inline const std::string a004 = "004_776d4640786f29a7";
}  // namespace seed

// A test suite sharing one index of the seed corpus, built once for the whole suite.
class SeedIndexTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    static std::string seed_db();

private:
    static std::unique_ptr<TempDir> seed_index_dir_;
};

// Validates JSON text (or, with json_lines, every line of it) against a JSON Schema in
// schema/ with the standard validator (python3-jsonschema); exit_code 0 when valid.
CommandResult validate_json(const std::string& schema_file, const std::string& json, bool json_lines = false);

// Writes `count` made-up articles (ids art00000...) of a few hundred words into `dir`;
// every one holds the word "peninsula", and `version` is written into each, so that a
// second call with another version changes every file.
void write_made_up_articles(const std::filesystem::path& dir, std::size_t first, std::size_t count, int version);

// Where the facet chunks of the index at `db` disagree with its value slots (a chunk
// that does not decode, a value that differs, an article past a chunk's end), described;
// empty when every chunk present agrees. `present` receives how many chunks there are.
std::string facet_chunk_disagreement(const std::filesystem::path& db, std::size_t* present = nullptr);

// CSV text as rows of fields (a JSON array of arrays of strings), read by Python's csv
// module with strict quoting: a bare quote or an unclosed field fails the test.
nlohmann::json read_csv(const std::string& csv);

void write_file(const std::filesystem::path& path, const std::string& bytes);
std::string read_file(const std::filesystem::path& path);

// A test suite running the real corpus-search over one index of the seed corpus, built
// once for the suite by the real corpus-index.
class CliIndexTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    static const TempDir& dir() { return *dir_; }  // holds the index; tests may add files
    static std::string db();
    // corpus-search --db db() ARGS...
    static CommandResult search(std::vector<std::string> args, const std::map<std::string, std::string>& env = {},
                                const std::string& stdin_text = {});
    // Exit 2, no output, and one line on stderr holding `needle`: never a trace, an
    // abort's words or a raw escape sequence.
    static void expect_one_line_error(const CommandResult& result, const std::string& needle);

private:
    static std::unique_ptr<TempDir> dir_;
};

}  // namespace corpus::testing
