// Build-time generator of the British -> American spelling table (schema/spelling_variants.h).
//
//   make_spelling_variants OUTPUT.cpp british=FILE... american=FILE...
//
// The word lists are SCOWL's (Debian package scowl); schema/CMakeLists.txt picks which.
// A British word is paired with an American word only when one of the spelling rules
// below turns the one into the other, so words that merely mean the same (tyre/tire,
// cheque/check, storey/story, draught/draft) are never joined. A word that is also in
// an American list is never rewritten: American forms are the canonical ones.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace {

enum class Where {
    anywhere,
    at_end,
    after_consonant_at_end,
    after_a_vowel,      // not in the first syllable: bourn is not born, prise not prize
    after_a_consonant,  // and not the first two letters: preformative is not performative
    inside_the_stem,    // two letters or more follow, not r: not conjunctivae, tangoed, aerose
};

struct Rule {
    std::string_view british;
    std::string_view american;
    Where where;
};

// The rules, each a rewrite of a British spelling into the American one. Inflections
// come with the word lists (colours, organised, defences are listed words), so a rule
// only has to say how the stem's spelling differs.
constexpr Rule rules[] = {
    {"our", "or", Where::after_a_vowel},              // colour, honourable, favourite, behavioural
    {"ise", "ize", Where::after_a_vowel},             // organise, organised, organises
    {"isi", "izi", Where::after_a_vowel},             // organising
    {"isa", "iza", Where::after_a_vowel},             // organisation
    {"yse", "yze", Where::after_a_vowel},             // analyse, analysed, paralyses
    {"ysi", "yzi", Where::after_a_vowel},             // analysing
    {"re", "er", Where::after_a_consonant},           // centre, centres, centrepiece, metre
    {"red", "ered", Where::after_consonant_at_end},   // centred
    {"ring", "ering", Where::after_consonant_at_end}, // centring
    {"ence", "ense", Where::anywhere},                // defence, licence, offence, pretence
    {"ogue", "og", Where::anywhere},                  // catalogue, dialogues
    {"ogued", "oged", Where::at_end},                 // catalogued
    {"oguing", "oging", Where::at_end},               // cataloguing
    {"lled", "led", Where::anywhere},                 // travelled, labelled
    {"lling", "ling", Where::anywhere},               // travelling
    {"ller", "ler", Where::anywhere},                 // traveller, travellers
    {"llor", "lor", Where::anywhere},                 // counsellor
    {"ae", "e", Where::inside_the_stem},              // paediatric, anaesthesia
    {"oe", "e", Where::inside_the_stem},              // oestrogen, manoeuvre
    {"mme", "m", Where::at_end},                      // programme
    {"mmes", "ms", Where::at_end},                    // programmes
    {"dgement", "dgment", Where::anywhere},           // judgement, acknowledgements
};

// At most this many rules rewrite one word; manoeuvring needs three (oe, re, ring).
constexpr std::size_t max_rules_per_word = 3;

bool is_vowel(char c) {
    return std::string_view("aeiouy").find(c) != std::string_view::npos;
}

bool applies_at(const Rule& rule, std::string_view word, std::size_t at) {
    if (word.substr(at, rule.british.size()) != rule.british) return false;
    const std::string_view rest = word.substr(at + rule.british.size());
    switch (rule.where) {
        case Where::anywhere: return true;
        case Where::at_end: return rest.empty();
        case Where::after_consonant_at_end: return rest.empty() && at > 0 && !is_vowel(word[at - 1]);
        case Where::after_a_consonant: return at >= 2 && !is_vowel(word[at - 1]);
        case Where::after_a_vowel:
            return word.substr(0, at).find_first_of("aeiouy") != std::string_view::npos;
        case Where::inside_the_stem: return rest.size() >= 2 && rest[0] != 'r';
    }
    return false;
}

struct Match {
    const Rule* rule;
    std::size_t at;
};

// The American words that `word` becomes when some of the rules that match it rewrite
// their parts of it (parts that do not overlap; a rule never sees another's output),
// each with the number of rules it took.
std::map<std::string, std::size_t> american_forms(const std::string& word, const std::set<std::string>& american) {
    std::vector<Match> matches;
    for (const Rule& rule : rules) {
        for (std::size_t at = 0; at + rule.british.size() <= word.size(); ++at) {
            if (applies_at(rule, word, at)) matches.push_back({&rule, at});
        }
    }
    std::ranges::stable_sort(matches, {}, &Match::at);
    std::map<std::string, std::size_t> found;
    // Subsets of the matches in order of position, grown one match at a time.
    std::vector<std::vector<std::size_t>> subsets{{}};
    for (std::size_t size = 1; size <= max_rules_per_word; ++size) {
        std::vector<std::vector<std::size_t>> grown;
        for (const std::vector<std::size_t>& subset : subsets) {
            const std::size_t free_from =
                subset.empty() ? 0 : matches[subset.back()].at + matches[subset.back()].rule->british.size();
            for (std::size_t m = subset.empty() ? 0 : subset.back() + 1; m < matches.size(); ++m) {
                if (matches[m].at < free_from) continue;
                std::vector<std::size_t> bigger = subset;
                bigger.push_back(m);
                std::string rewritten;
                std::size_t copied = 0;
                for (std::size_t i : bigger) {
                    rewritten.append(word, copied, matches[i].at - copied);
                    rewritten += matches[i].rule->american;
                    copied = matches[i].at + matches[i].rule->british.size();
                }
                rewritten.append(word, copied);
                if (american.contains(rewritten)) found.emplace(rewritten, size);
                grown.push_back(std::move(bigger));
            }
        }
        subsets = std::move(grown);
    }
    return found;
}

// SCOWL lists one word a line; only lower-case ASCII words are kept (proper names,
// possessives and accented words are not spelling variants of this kind).
bool read_words(const std::string& path, std::set<std::string>& into) {
    std::ifstream in(path);
    if (!in) return false;
    for (std::string line; std::getline(in, line);) {
        bool plain = !line.empty();
        for (char c : line) plain = plain && c >= 'a' && c <= 'z';
        if (plain) into.insert(line);
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: make_spelling_variants OUTPUT.cpp british=FILE... american=FILE...\n";
        return 2;
    }
    std::set<std::string> british;
    std::set<std::string> american;
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const std::size_t eq = arg.find('=');
        const std::string_view kind = arg.substr(0, eq);
        if (eq == std::string_view::npos || (kind != "british" && kind != "american")) {
            std::cerr << "make_spelling_variants: expected british=FILE or american=FILE, got " << arg << "\n";
            return 2;
        }
        const std::string path(arg.substr(eq + 1));
        if (!read_words(path, kind == "british" ? british : american)) {
            std::cerr << "make_spelling_variants: cannot read the word list " << path << "\n";
            return 1;
        }
    }

    // Of several American forms, the one fewest rewrites away wins; a tie is ambiguous
    // and the word is left alone rather than guessed.
    std::map<std::string, std::string> pairs;
    for (const std::string& word : british) {
        if (american.contains(word)) continue;
        const std::map<std::string, std::size_t> forms = american_forms(word, american);
        const std::string* best = nullptr;
        std::size_t best_depth = max_rules_per_word + 1;
        bool tie = false;
        for (const auto& [form, depth] : forms) {
            if (depth < best_depth) {
                best = &form;
                best_depth = depth;
                tie = false;
            } else if (depth == best_depth) {
                tie = true;
            }
        }
        if (best != nullptr && !tie) pairs.emplace(word, *best);
    }

    const std::string output = argv[1];
    std::ofstream out(output);
    out << "// Generated by schema/make_spelling_variants.cpp from SCOWL's word lists; do not edit.\n"
           "#include \"schema/spelling_variants.h\"\n\n"
           "namespace corpus::schema {\n\n"
           "// British<TAB>American, one pair a line, sorted by the British word.\n"
           "const std::string_view spelling_variants_tsv =\n";
    for (const auto& [from, to] : pairs) out << "    \"" << from << "\\t" << to << "\\n\"\n";
    out << "    \"\";\n\n}  // namespace corpus::schema\n";
    out.close();
    if (!out) {
        std::cerr << "make_spelling_variants: cannot write " << output << "\n";
        std::remove(output.c_str());
        return 1;
    }
    return 0;
}
