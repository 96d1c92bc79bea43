// One identity for a person (issue 24, deliverable 4): a search for a name, --person,
// person: and the person facet know a person by the same readings. Checked with the real
// corpus-index and corpus-search on articles spelling people many ways, and measured on
// the real people of tests/data/name_eval.tsv (scripts/make-name-eval) through the
// searcher library: --person exact, and one facet entry per person.
#include "schema/name_readings.h"
#include "searcher/search.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::searcher {
namespace {

using testing::CommandResult;

// Articles spelling one person several ways, and people a careless key would merge.
// The first two spellings of Park Chan-wook are the index's commonest, so his label;
// only his other spellings mention Pyongyang.
const std::vector<std::pair<std::string, std::string>> articles = {
    {"pcw1", "Director Park Chan-wook spoke at the festival."},
    {"pcw2", "The festival opened with a film by Park Chan-wook."},
    {"pcw3", "Bak Chan-uk visited Pyongyang for the festival."},
    {"pcw4", "Pak Ch'an-uk, the director, was seen in Pyongyang at the festival."},
    {"pcw5", "The festival honoured \ubc15\ucc2c\uc6b1 on Friday."},
    {"kju1", "Kim Jong-un watched the festival parade."},
    {"kju2", "Kim Jong-un spoke at the festival."},
    {"kju3", "Jong Un Kim, the leader, attended the festival."},
    {"kju4", "The festival was shown to \uae40\uc815\uc740 on Sunday."},
    {"rsj1", "Ri Sol Ju attended the festival."},
    {"rsj2", "Ri Sol Ju and the guests left the festival."},
    {"rsj3", "The festival welcomed \ub9ac\uc124\uc8fc on Sunday."},
    {"rsj4", "Seoul papers wrote of \uc774\uc124\uc8fc at the festival."},
    {"kji1", "Kim Jong Il opened the festival in 1995."},
    {"kuj1", "Kim Un Jong, a soldier, marched at the festival."},
    {"cho1", "Cho Hyun, the vice minister, came to the festival."},
    {"cha1", "Cho Hyun-ah left the festival early."},
};

class PersonIdentity : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = std::make_unique<testing::TempDir>();
        std::filesystem::create_directories(*dir_ / "src");
        for (const auto& [id, text] : articles) testing::write_file(*dir_ / "src" / (id + ".txt"), text + "\n");
        const CommandResult indexed =
            testing::run({testing::index_bin(), "--quiet", "--db", (*dir_ / "db").string(), (*dir_ / "src").string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {testing::search_bin(), "--db", (*dir_ / "db").string()});
        return testing::run(args);
    }
    static std::set<std::string> ids(std::vector<std::string> args) {
        args.insert(args.begin(), {"--ids", "--limit", "100"});
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        std::set<std::string> out;
        std::istringstream lines(result.out);
        for (std::string line; std::getline(lines, line);) out.insert(line);
        return out;
    }
    static nlohmann::json persons_facet(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const CommandResult result = search(args);
        EXPECT_EQ(result.exit_code, 0) << result.err;
        EXPECT_EQ(testing::validate_json("search-output.schema.json", result.out).exit_code, 0);
        return nlohmann::json::parse(result.out)["facets"]["person"];
    }

    static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> PersonIdentity::dir_;

using Ids = std::set<std::string>;

TEST_F(PersonIdentity, PersonFindsWhatSearchFindsInEverySpelling) {
    const std::map<std::string, Ids> people = {
        {"pcw", {"pcw1", "pcw2", "pcw3", "pcw4", "pcw5"}},
        {"kju", {"kju1", "kju2", "kju3", "kju4"}},
        {"rsj", {"rsj1", "rsj2", "rsj3", "rsj4"}},
    };
    const std::map<std::string, std::vector<std::string>> spellings = {
        {"pcw", {"Park Chan-wook", "Bak Chan-uk", "Pak Ch'an-uk", "\ubc15\ucc2c\uc6b1", "Chan-wook Park", "park chan wook"}},
        {"kju", {"Kim Jong-un", "Jong Un Kim", "\uae40\uc815\uc740", "Kim Jong Un", "Kim Chong-un"}},
        {"rsj", {"Ri Sol Ju", "\ub9ac\uc124\uc8fc", "\uc774\uc124\uc8fc", "Lee Seol-ju", "Yi Sol-chu"}},
    };
    for (const auto& [person, names] : spellings) {
        for (const std::string& name : names) {
            EXPECT_EQ(ids({"--person", name}), people.at(person)) << "--person " << name;
            EXPECT_EQ(ids({name}), people.at(person)) << name;
            EXPECT_EQ(ids({"person:\"" + name + "\" festival"}), people.at(person)) << "person:" << name;
            EXPECT_EQ(search({"--count", "--person", name, "festival"}).out,
                      std::to_string(people.at(person).size()) + "\n")
                << name;
        }
    }
}

TEST_F(PersonIdentity, DifferentPeopleStayApart) {
    EXPECT_EQ(ids({"--person", "Kim Jong Il"}), Ids{"kji1"});
    EXPECT_EQ(ids({"--person", "Kim Un Jong"}), Ids{"kuj1"});
    EXPECT_EQ(ids({"--person", "Cho Hyun"}), Ids{"cho1"});
    EXPECT_EQ(ids({"--person", "Cho Hyun-ah"}), Ids{"cha1"});
    EXPECT_EQ(ids({"--person", "Jo Hyeon-a"}), Ids{"cha1"});
}

TEST_F(PersonIdentity, FacetHasOneEntryPerPersonWithOneLabel) {
    // Each person once, labelled by the index's commonest spelling, whatever the query.
    std::map<std::string, std::pair<std::string, int>> whole;  // key -> (label, count)
    for (const nlohmann::json& entry : persons_facet({"festival"})) {
        EXPECT_EQ(whole.count(entry["key"]), 0u) << entry.dump();
        whole[entry["key"]] = {entry["value"], entry["count"]};
    }
    std::map<std::string, int> by_label;
    for (const auto& [key, entry] : whole) by_label[entry.first] = entry.second;
    EXPECT_EQ(by_label, (std::map<std::string, int>{{"Park Chan-wook", 5},
                                                    {"Kim Jong-un", 4},
                                                    {"Ri Sol Ju", 4},
                                                    {"Kim Jong Il", 1},
                                                    {"Kim Un Jong", 1},
                                                    {"Cho Hyun", 1},
                                                    {"Cho Hyun-ah", 1}}));
    // Only Bak Chan-uk and Pak Ch'an-uk mention Pyongyang: the label stays Park Chan-wook,
    // and the other spellings are listed, most used first.
    const nlohmann::json pyongyang = persons_facet({"Pyongyang"});
    ASSERT_EQ(pyongyang.size(), 1u) << pyongyang.dump();
    EXPECT_EQ(pyongyang[0]["value"], "Park Chan-wook");
    EXPECT_EQ(pyongyang[0]["count"], 2);
    EXPECT_EQ(whole.at(pyongyang[0]["key"]).first, "Park Chan-wook");
    const std::set<std::string> others(pyongyang[0]["spellings"].begin(), pyongyang[0]["spellings"].end());
    EXPECT_EQ(others, (std::set<std::string>{"Bak Chan-uk", "Pak Ch'an-uk", "\ubc15\ucc2c\uc6b1"}));
    // The same label through --person in another spelling.
    const nlohmann::json filtered = persons_facet({"--person", "\uc774\uc124\uc8fc", "festival"});
    ASSERT_EQ(filtered.size(), 1u) << filtered.dump();
    EXPECT_EQ(filtered[0]["value"], "Ri Sol Ju");
    EXPECT_EQ(filtered[0]["count"], 4);
    // The text facet line shows the same labels.
    const CommandResult text = search({"Pyongyang"});
    EXPECT_NE(text.out.find("Person:  Park Chan-wook (2)\n"), std::string::npos) << text.out;
}

// A searcher answering many queries remembers the labels for one state of the index: an
// indexing run that makes another spelling the commonest changes the label it shows.
TEST(PersonIdentityLabels, FollowTheIndex) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "src");
    auto index = [&] {
        const CommandResult indexed =
            testing::run({testing::index_bin(), "--quiet", "--db", (dir / "db").string(), (dir / "src").string()});
        ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    };
    testing::write_file(dir / "src" / "a1.txt", "Yoon Suk-yeol spoke at the summit.\n");
    testing::write_file(dir / "src" / "a2.txt", "Yoon Suk-yeol left the summit.\n");
    testing::write_file(dir / "src" / "a3.txt", "Yun Seok-yeol met the press at the summit.\n");
    index();
    Result<Searcher> searcher = Searcher::open((dir / "db").string());
    ASSERT_TRUE(searcher.ok()) << searcher.error().message;
    auto labels = [&] {
        SearchRequest request;
        request.query = "summit";
        Result<SearchResult> result = searcher->search(request);
        EXPECT_TRUE(result.ok());
        std::vector<std::pair<std::string, std::size_t>> out;
        if (result.ok()) {
            for (const FacetCount& entry : result->person_facet) out.emplace_back(entry.value, entry.count);
        }
        return out;
    };
    EXPECT_EQ(labels(), (std::vector<std::pair<std::string, std::size_t>>{{"Yoon Suk-yeol", 3}}));
    for (const char* id : {"b1", "b2", "b3"}) {
        testing::write_file(dir / "src" / (std::string(id) + ".txt"), "Yun Seok-yeol closed the summit.\n");
    }
    index();
    EXPECT_EQ(labels(), (std::vector<std::pair<std::string, std::size_t>>{{"Yun Seok-yeol", 6}}));
}

// The real people of name_eval.tsv, one article per spelling (and one per foreign name),
// in one index: every spelling as --person must return exactly that person's articles
// (people whose Hangul is the same in the South's form, 리병철 and 이병철, are one name),
// as many as a search for it finds; the facet must hold each person in one entry and no
// entry two people.
TEST(PersonIdentityEvaluation, PersonExactAndOneFacetEntryPerPerson) {
    struct Person {
        std::string hangul;
        std::vector<std::string> spellings;
    };
    std::vector<Person> people;
    std::vector<std::string> foreign;
    std::istringstream in(testing::read_file(testing::source_dir() / "tests/data/name_eval.tsv"));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> columns;
        std::istringstream fields(line);
        for (std::string column; std::getline(fields, column, '\t');) columns.push_back(column);
        if (columns.size() == 3 && columns[0] == "person") {
            Person person{columns[1], {}};
            std::istringstream spellings(columns[2]);
            for (std::string spelling; std::getline(spellings, spelling, '|');) person.spellings.push_back(spelling);
            people.push_back(std::move(person));
        } else if (columns.size() == 2 && columns[0] == "foreign") {
            foreign.push_back(columns[1]);
        }
    }
    ASSERT_GE(people.size(), 150u);

    // One name, in the South's form: 리병철 is 이병철.
    auto south = [](const std::string& hangul) { return schema::initial_sound_form(std::string_view(hangul)); };
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "src");
    std::map<std::string, std::string> name_of_article;  // id -> South-form Hangul of its person
    for (std::size_t p = 0; p < people.size(); ++p) {
        for (std::size_t s = 0; s < people[p].spellings.size(); ++s) {
            const std::string id = "p" + std::to_string(p) + "s" + std::to_string(s);
            testing::write_file(dir / "src" / (id + ".txt"),
                                "Officials said on Monday that " + people[p].spellings[s] +
                                    " met the delegation in the capital.\n");
            name_of_article[id] = people[p].hangul;
        }
    }
    for (std::size_t f = 0; f < foreign.size(); ++f) {
        testing::write_file(dir / "src" / ("f" + std::to_string(f) + ".txt"),
                            "Officials said on Monday that " + foreign[f] + " met the delegation in the capital.\n");
    }
    const CommandResult indexed =
        testing::run({testing::index_bin(), "--quiet", "--db", (dir / "db").string(), (dir / "src").string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
    Result<Searcher> searcher = Searcher::open((dir / "db").string());
    ASSERT_TRUE(searcher.ok()) << searcher.error().message;

    std::map<std::string, std::set<std::string>> articles_of;  // South-form Hangul -> ids
    for (const auto& [id, hangul] : name_of_article) articles_of[south(hangul)].insert(id);
    auto attempt = [&](SearchRequest request) {
        request.limit = 100000;
        request.snippets = false;
        return searcher->search(request);
    };
    auto run = [&](const SearchRequest& request) {
        Result<SearchResult> result = attempt(request);
        EXPECT_TRUE(result.ok()) << request.query << ": " << result.error().message;
        return result.ok() ? result.value() : SearchResult{};
    };

    std::size_t calls = 0, exact = 0, wrong_articles = 0, unlike_search = 0;
    std::vector<std::string> misses;
    for (const Person& person : people) {
        const std::set<std::string>& expected = articles_of.at(south(person.hangul));
        for (const std::string& spelling : person.spellings) {
            ++calls;
            SearchRequest filter;
            filter.persons = {spelling};
            // A spelling not read as a name is refused (and its article names nobody).
            const Result<SearchResult> filtered = attempt(filter);
            if (!filtered) {
                misses.push_back(filtered.error().message);
                continue;
            }
            const SearchResult& found = filtered.value();
            std::set<std::string> got;
            for (const Hit& hit : found.hits) got.insert(hit.id);
            for (const std::string& id : got) wrong_articles += expected.contains(id) ? 0 : 1;
            if (got == expected) {
                ++exact;
            } else {
                misses.push_back("--person " + spelling + ": " + std::to_string(got.size()) + " of " +
                                 std::to_string(expected.size()));
            }
            SearchRequest plain;
            plain.query = spelling;
            if (!found.hits.empty() && run(plain).total != found.total) {
                ++unlike_search;
                misses.push_back("--person " + spelling + " finds other articles than a search for it");
            }
        }
    }

    // The facet of every article of the index, and of each article alone: the entries
    // each person's articles fall in, and the people each entry holds.
    SearchRequest everything;
    everything.query = "delegation";
    const SearchResult all = run(everything);
    std::map<std::string, std::string> label_of;  // key -> label over the whole index
    for (const FacetCount& entry : all.person_facet) label_of[entry.key] = entry.value;
    std::map<std::string, std::set<std::string>> keys_of;     // South Hangul -> keys
    std::map<std::string, std::set<std::string>> people_of;   // key -> South Hangul
    std::size_t foreign_entries = 0, unstable_labels = 0;
    for (const Hit& hit : all.hits) {
        SearchRequest one;
        one.query = "id:" + hit.id;
        for (const FacetCount& entry : run(one).person_facet) {
            if (label_of[entry.key] != entry.value) ++unstable_labels;
            if (!name_of_article.contains(hit.id)) {
                ++foreign_entries;
                misses.push_back("foreign name in the facet: " + entry.value);
                continue;
            }
            keys_of[south(name_of_article.at(hit.id))].insert(entry.key);
            people_of[entry.key].insert(south(name_of_article.at(hit.id)));
        }
    }
    std::size_t one_entry = 0;
    for (const auto& [hangul, ids] : articles_of) {
        // Every article of the person counted in that one entry.
        const auto keys = keys_of.find(hangul);
        bool whole = keys != keys_of.end() && keys->second.size() == 1;
        if (whole) {
            for (const FacetCount& entry : all.person_facet) {
                if (entry.key == *keys->second.begin()) whole = entry.count == ids.size();
            }
        }
        one_entry += whole ? 1 : 0;
        if (!whole) misses.push_back("facet: " + hangul + " in " + std::to_string(keys == keys_of.end() ? 0 : keys->second.size()) + " entries");
    }
    std::size_t shared_entries = 0;
    for (const auto& [key, names] : people_of) {
        if (names.size() > 1) {
            ++shared_entries;
            misses.push_back("facet entry " + label_of[key] + " holds " + std::to_string(names.size()) + " people");
        }
    }
    const double exact_rate = static_cast<double>(exact) / static_cast<double>(calls);
    const double one_entry_rate = static_cast<double>(one_entry) / static_cast<double>(articles_of.size());
    std::cout << "--person exact: " << exact << " of " << calls << " (" << exact_rate << "), wrong articles "
              << wrong_articles << ", unlike a search " << unlike_search << "; facet one entry per person: "
              << one_entry << " of " << articles_of.size() << " (" << one_entry_rate << "), entries holding two people "
              << shared_entries << ", foreign names " << foreign_entries << ", labels differing by query "
              << unstable_labels << "\n";
    std::string shown;
    for (std::size_t k = 0; k < misses.size() && k < 200; ++k) shown += "  " + misses[k] + "\n";
    EXPECT_GE(exact_rate, 0.95) << shown;
    EXPECT_EQ(wrong_articles, 0u) << shown;
    EXPECT_EQ(unlike_search, 0u) << shown;
    EXPECT_GE(one_entry_rate, 0.95) << shown;
    EXPECT_EQ(shared_entries, 0u) << shown;
    EXPECT_EQ(foreign_entries, 0u) << shown;
    EXPECT_EQ(unstable_labels, 0u) << shown;
}

}  // namespace
}  // namespace corpus::searcher
