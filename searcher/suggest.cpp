#include "searcher/suggest.h"

#include "schema/analysis.h"
#include "schema/fields.h"
#include "schema/names.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace corpus::searcher {
namespace {

using schema::article_text;

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

bool all_letters(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), is_lower);
}

char upper(char c) {
    return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Edits from `a` to `b` (insertions, deletions, substitutions, swaps of neighbours: the
// optimal string alignment distance), or more than `most` as soon as that is certain.
std::size_t edits_within(std::string_view a, std::string_view b, std::size_t most) {
    const std::size_t over = most + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > most) return over;
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        std::size_t least = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
            least = std::min(least, row[j]);
        }
        if (least > most) return over;  // every later row is at least as far
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return std::min(previous[b.size()], over);
}

// One place in the query where a word the index may know better was typed.
struct TypedWord {
    std::size_t at;            // byte offset in the query
    std::string_view surface;  // as typed, possessive included
    std::string word;          // normalized (schema::tokenize)
};

// The words of `parsed` that may be corrected, found in `query` where the user typed
// them. Leaves of the tree are in the order they were typed, and between two of them
// there are only spaces, operators, brackets, quotes and signs, so each is the first
// occurrence after the one before that stands apart from letters, digits and NEAR's '/'.
class WordFinder {
public:
    explicit WordFinder(std::string_view query) : query_(query) {}

    // False when a leaf could not be placed (it always can: the parser took it from there).
    bool add(const QueryNode& node) {
        switch (node.kind) {
        case QueryNode::Kind::words:
            return add_run(node.words);
        case QueryNode::Kind::phrase: {
            const std::optional<std::size_t> at = place(node.words.at(0));
            if (!at) return false;
            add_tokens(node.words.at(0), {0}, {*at});
            return true;
        }
        case QueryNode::Kind::field:
            // Not corrected (an outlet, a date, an id), but passed over: "title:x x".
            place(node.words.at(0));
            return true;
        default:
            return std::all_of(node.children.begin(), node.children.end(),
                               [&](const QueryNode& child) { return add(child); });
        }
    }

    const std::vector<TypedWord>& words() const { return words_; }

private:
    static bool stands_apart(char c) {
        const bool word_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/';
        return !word_char;
    }

    std::optional<std::size_t> place(std::string_view text) {
        for (std::size_t at = query_.find(text, cursor_); at != std::string_view::npos;
             at = query_.find(text, at + 1)) {
            const std::size_t end = at + text.size();
            if ((at == 0 || stands_apart(query_[at - 1])) && (end == query_.size() || stands_apart(query_[end]))) {
                cursor_ = end;
                return at;
            }
        }
        return std::nullopt;
    }

    // A run of bare words is read as the query builder reads it: joined by spaces, so that
    // a name spanning typed words is found.
    bool add_run(const std::vector<std::string>& typed) {
        std::string run;
        std::vector<std::size_t> starts;  // of each typed word in `run`
        std::vector<std::size_t> places;  // of each typed word in the query
        for (const std::string& word : typed) {
            const std::optional<std::size_t> at = place(word);
            if (!at) return false;
            if (!run.empty()) run += ' ';
            starts.push_back(run.size());
            places.push_back(*at);
            run += word;
        }
        // A wildcard matches what starts so: nothing to correct.
        if (typed.size() == 1 && is_wildcard(typed[0])) return true;
        add_tokens(run, starts, places);
        return true;
    }

    void add_tokens(const std::string& text, const std::vector<std::size_t>& starts,
                    const std::vector<std::size_t>& places) {
        const std::vector<schema::Token> tokens = schema::tokenize(text);
        std::vector<bool> in_name(tokens.size(), false);
        for (const schema::NameSpan& span : schema::find_names(text, tokens, schema::NameContext::query)) {
            std::fill(in_name.begin() + static_cast<std::ptrdiff_t>(span.first),
                      in_name.begin() + static_cast<std::ptrdiff_t>(span.last) + 1, true);
        }
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            if (in_name[k]) continue;
            const schema::Token& token = tokens[k];
            const auto owner = static_cast<std::size_t>(
                std::upper_bound(starts.begin(), starts.end(), token.start) - starts.begin() - 1);
            const std::size_t at = places[owner] + (token.start - starts[owner]);
            words_.push_back({at, query_.substr(at, token.end - token.start), token.word});
        }
    }

    std::string_view query_;
    std::size_t cursor_ = 0;
    std::vector<TypedWord> words_;
};

// Articles holding `word` as typed or by its stem (as a bare word matches it).
Xapian::doccount frequency(const Xapian::Database& db, const std::string& word) {
    return std::max(db.get_termfreq(schema::exact_term(article_text, word)),
                    db.get_termfreq(schema::stem_term(article_text, word)));
}

// Shorter words are a letter or two from too many others to guess.
constexpr std::size_t shortest = 4;
constexpr std::size_t two_edits_from = 6;

// The articles holding `word` (normalized, letters only) when it is long enough and rare
// enough to be corrected.
std::optional<Xapian::doccount> rare(const Xapian::Database& db, const std::string& word) {
    if (word.size() < shortest) return std::nullopt;
    const Xapian::doccount typed = frequency(db, word);
    if (typed >= std::max(common_least, db.get_doccount() / common_share)) return std::nullopt;
    return typed;
}

// The index's word that `word`, in `typed` articles, was probably meant to be.
std::optional<std::string> correction(const Xapian::Database& db, const std::string& word, Xapian::doccount typed) {
    const std::size_t most_edits = word.size() < two_edits_from ? 1 : 2;
    const Xapian::doccount least = std::max<Xapian::doccount>(1, typed * more_frequent);
    struct Best {
        std::size_t edits;
        Xapian::doccount articles;
        std::string word;
    };
    std::optional<Best> best;
    // Typos seldom hit the first letter, and the words sharing it are a small part of the
    // vocabulary: only they are scanned.
    const std::string prefix = schema::exact_term(article_text, word.substr(0, 1));
    for (Xapian::TermIterator it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string candidate = (*it).substr(article_text.prefix.size());
        if (!all_letters(candidate)) continue;
        const std::size_t edits = edits_within(word, candidate, most_edits);
        if (edits == 0 || edits > most_edits) continue;
        const Xapian::doccount articles = it.get_termfreq();
        if (articles < least) continue;
        if (!best || edits < best->edits || (edits == best->edits && articles > best->articles)) {
            best = Best{edits, articles, candidate};
        }
    }
    if (!best) return std::nullopt;
    return best->word;
}

// `word` written as `surface` was: all capitals, a capital first, or lower case.
std::string in_style_of(std::string_view surface, std::string word) {
    const bool capital_first = surface[0] >= 'A' && surface[0] <= 'Z';
    const bool all_capitals =
        capital_first && surface.size() > 1 && std::none_of(surface.begin(), surface.end(), is_lower);
    if (all_capitals) {
        std::transform(word.begin(), word.end(), word.begin(), upper);
    } else if (capital_first) {
        word[0] = upper(word[0]);
    }
    return word;
}

}  // namespace

std::string suggest_query(const Xapian::Database& db, const std::string& query, const QueryNode& parsed,
                          std::size_t matched) {
    if (matched > suggest_at_most_matches) return {};
    WordFinder finder(query);
    if (!finder.add(parsed)) return {};
    std::string suggested;
    std::size_t copied = 0;  // of the query, into `suggested`
    std::map<std::string, std::optional<std::string>> corrections;  // a word typed twice is looked up once
    std::size_t scanned = 0;
    for (const TypedWord& typed : finder.words()) {
        // Only the letters of the word are replaced (a possessive 's stays), so the word
        // as typed must be those letters in some case.
        if (!all_letters(typed.word) || typed.surface.size() < typed.word.size()) continue;
        const std::string letters(typed.surface.substr(0, typed.word.size()));
        std::string folded = letters;
        std::transform(folded.begin(), folded.end(), folded.begin(), lower);
        if (folded != typed.word) continue;
        auto found = corrections.find(typed.word);
        if (found == corrections.end()) {
            std::optional<std::string> better;
            if (const std::optional<Xapian::doccount> articles = rare(db, typed.word)) {
                // So many unknown words are no misspelling, and each costs a scan.
                if (++scanned > max_words_looked_up) return {};
                better = correction(db, typed.word, *articles);
            }
            found = corrections.emplace(typed.word, std::move(better)).first;
        }
        if (!found->second) continue;
        suggested += query.substr(copied, typed.at - copied) + in_style_of(letters, *found->second);
        copied = typed.at + typed.word.size();
    }
    if (suggested.empty()) return {};
    return suggested + query.substr(copied);
}

}  // namespace corpus::searcher
