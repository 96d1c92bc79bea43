// The Korean-name layer measured on real people (issue 24): tests/data/name_eval.tsv,
// written by scripts/make-name-eval from tests/data/korean_people.tsv with spellings from
// the press, ICU's McCune-Reischauer and Revised Romanization. Every ordered pair of one
// person's spellings must find each other, bare and inside a phrase; spellings of two
// people sharing a surname must not; names of other countries are never Korean names.
#include "schema/analysis.h"
#include "schema/names.h"
#include "tests/support/test_support.h"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::schema {
namespace {

struct Evaluation {
    std::map<std::string, std::vector<std::string>> people;  // Hangul -> spellings
    std::vector<std::pair<std::string, std::string>> apart;
    std::vector<std::string> foreign;
};

Evaluation read_evaluation() {
    std::istringstream in(testing::read_file(testing::source_dir() / "tests/data/name_eval.tsv"));
    Evaluation out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> columns;
        std::istringstream fields(line);
        for (std::string column; std::getline(fields, column, '\t');) columns.push_back(column);
        if (columns[0] == "person" && columns.size() == 3) {
            std::istringstream spellings(columns[2]);
            for (std::string spelling; std::getline(spellings, spelling, '|');) out.people[columns[1]].push_back(spelling);
        } else if (columns[0] == "apart" && columns.size() == 3) {
            out.apart.emplace_back(columns[1], columns[2]);
        } else if (columns[0] == "foreign" && columns.size() == 2) {
            out.foreign.push_back(columns[1]);
        } else {
            ADD_FAILURE() << "name_eval.tsv: malformed line: " << line;
        }
    }
    return out;
}

// A query for `query` finds an article writing `article`, bare and quoted.
std::size_t finds(const std::string& query, const std::string& article) {
    return (same_person(query, article, NameMatch::alone) ? 1 : 0) +
           (same_person(query, article, NameMatch::in_phrase) ? 1 : 0);
}

TEST(NameEvaluation, SamePersonFoundDifferentPeopleKeptApart) {
    const Evaluation evaluation = read_evaluation();
    ASSERT_GE(evaluation.people.size(), 150u);
    std::size_t same_cases = 0;
    std::size_t found = 0;
    std::vector<std::string> misses;
    for (const auto& [hangul, spellings] : evaluation.people) {
        for (const std::string& query : spellings) {
            for (const std::string& article : spellings) {
                if (query == article) continue;
                same_cases += 2;
                const std::size_t hits = finds(query, article);
                found += hits;
                if (hits < 2) misses.push_back(query + " / " + article);
            }
        }
    }
    // Two people sharing a surname: the press's spelling and the Hangul of the one asked
    // against every spelling of the other.
    std::size_t apart_cases = 0;
    std::size_t wrong = 0;
    std::vector<std::string> merges;
    for (const auto& [a, b] : evaluation.apart) {
        const std::vector<std::string>& asked = evaluation.people.at(a);
        for (const std::string& query : {asked.front(), asked.back()}) {
            for (const std::string& article : evaluation.people.at(b)) {
                apart_cases += 2;
                const std::size_t hits = finds(query, article);
                wrong += hits;
                if (hits > 0) merges.push_back(query + " / " + article);
            }
        }
    }
    const double found_rate = static_cast<double>(found) / static_cast<double>(same_cases);
    const double wrong_rate = static_cast<double>(wrong) / static_cast<double>(apart_cases);
    std::cout << "same person found: " << found << " of " << same_cases << " (" << found_rate
              << "); different people matched: " << wrong << " of " << apart_cases << " (" << wrong_rate << ")\n";
    std::string shown;
    for (std::size_t k = 0; k < misses.size() && k < 400; ++k) shown += "  missed: " + misses[k] + "\n";
    for (std::size_t k = 0; k < merges.size() && k < 40; ++k) shown += "  merged: " + merges[k] + "\n";
    constexpr double min_found = 0.99;
    constexpr double max_wrong = 0.001;
    EXPECT_GE(found_rate, min_found) << shown;
    EXPECT_LE(wrong_rate, max_wrong) << shown;
}

TEST(NameEvaluation, OtherCountriesNamesStayWords) {
    const Evaluation evaluation = read_evaluation();
    ASSERT_GE(evaluation.foreign.size(), 50u);
    for (const std::string& name : evaluation.foreign) {
        const std::vector<Token> tokens = tokenize(name);
        EXPECT_TRUE(find_names(name, tokens, NameContext::document).empty()) << name << "\n" << describe_names(name);
    }
}

}  // namespace
}  // namespace corpus::schema
