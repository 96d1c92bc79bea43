#include "searcher/snippet.h"

#include "schema/analysis.h"
#include "schema/fields.h"

#include <algorithm>
#include <array>

namespace corpus::searcher {
namespace {

struct Match {
    std::size_t first;    // token index
    std::size_t last;     // inclusive
    std::size_t pattern;  // which pattern matched
};

struct Window {
    std::size_t start = 0;  // token index
    std::size_t distinct = 0;
    std::size_t total = 0;
};

// The body read paragraph by paragraph (the blocks index_text makes), tokenizing only
// as far as needed: most articles show every pattern within their first paragraphs, and
// tokenizing the whole body cost more than everything else a hit needs.
class BodyScan {
public:
    BodyScan(std::string_view body, const std::vector<HighlightPattern>& patterns)
        : body_(body), patterns_(patterns) {
        for (const HighlightPattern& pattern : patterns) {
            names_ = names_ || !pattern.name_forms.empty();
            for (const std::string& word : pattern.words) {
                acronyms_ = acronyms_ || (!pattern.by_stem && word.starts_with(schema::acronym_marker));
            }
            if (pattern.by_stem && !pattern.words[0].empty()) {
                stem_initials_[static_cast<unsigned char>(pattern.words[0][0])] = true;
            }
        }
    }

    bool at_end() const { return next_ >= body_.size(); }

    // Tokenizes the next paragraph and finds its matches. Like the index, a match never
    // spans two paragraphs.
    void read_paragraph() {
        const std::size_t blank = body_.find("\n\n", next_);
        const std::size_t end = blank == std::string_view::npos ? body_.size() : blank;
        const std::string_view paragraph = body_.substr(next_, end - next_);
        const std::size_t offset = next_;
        next_ = end + 2;
        std::vector<schema::Token> local = schema::tokenize(paragraph);
        if (local.empty()) return;
        const std::size_t base = tokens_.size();
        const std::size_t first_match = matches_.size();
        const bool acronyms = acronyms_ && std::any_of(local.begin(), local.end(), [](const schema::Token& token) {
            return token.acronym != schema::Acronym::no;
        });
        // Names are looked for to light them, and to keep acronyms out of them as the index does.
        const std::vector<schema::NameSpan> spans =
            names_ || acronyms ? schema::find_names(paragraph, local, schema::NameContext::document)
                               : std::vector<schema::NameSpan>{};
        find_name_matches(spans, base);
        find_word_matches(local, base, acronyms ? acronym_terms(local, spans) : std::vector<std::string>{});
        std::stable_sort(matches_.begin() + static_cast<std::ptrdiff_t>(first_match), matches_.end(),
                         [](const Match& a, const Match& b) { return a.first < b.first; });
        for (schema::Token& token : local) {
            token.start += offset;
            token.end += offset;
            tokens_.push_back(std::move(token));
        }
    }

    const std::vector<schema::Token>& tokens() const { return tokens_; }
    const std::vector<Match>& matches() const { return matches_; }

private:
    // A name pattern lights every name the article writes that the query's name matches,
    // in whatever spelling the article used.
    void find_name_matches(const std::vector<schema::NameSpan>& spans, std::size_t base) {
        for (const schema::NameSpan& span : spans) {
            for (std::size_t p = 0; p < patterns_.size(); ++p) {
                const std::vector<schema::NameForm>& forms = patterns_[p].name_forms;
                if (std::any_of(forms.begin(), forms.end(),
                                [&](const schema::NameForm& form) { return schema::form_matches(form, span); })) {
                    matches_.push_back({base + span.first, base + span.last, p});
                }
            }
        }
    }

    // The acronym term of each token the index gave one (analysis.h), else "".
    static std::vector<std::string> acronym_terms(const std::vector<schema::Token>& local,
                                                  const std::vector<schema::NameSpan>& spans) {
        std::vector<std::string> terms(local.size());
        for (std::size_t k = 0; k < local.size(); ++k) {
            if (local[k].acronym == schema::Acronym::no) continue;
            terms[k] = schema::acronym_term(schema::article_text, local[k].word);
        }
        for (const schema::NameSpan& span : spans) {
            for (std::size_t k = span.first; k <= span.last; ++k) terms[k].clear();
        }
        return terms;
    }

    // Whether a stem pattern's stem is the stem of `word`. An English stem starts with
    // its word's first letter (Snowball's irregular forms too: dying -> die), so a word
    // of another initial needs no stemming.
    bool stems_to(const std::string& word, const std::string& stem) const {
        return !word.empty() && stem_initials_[static_cast<unsigned char>(word[0])] && schema::stem(word) == stem;
    }

    // Stems and exact word sequences (a name's typed words among them); a pattern's
    // acronym term matches a token in `acronyms` (empty: none in the paragraph). A word
    // matches by its parts as the index finds it by them (spamassassin.taint.org for
    // spamassassin).
    void find_word_matches(const std::vector<schema::Token>& local, std::size_t base,
                           const std::vector<std::string>& acronyms) {
        std::string stem;
        for (std::size_t i = 0; i < local.size(); ++i) {
            const std::string& word = local[i].word;
            const bool may_stem = !word.empty() && stem_initials_[static_cast<unsigned char>(word[0])];
            if (may_stem) stem = schema::stem(word);
            const std::vector<std::string>& parts = local[i].parts;
            for (std::size_t p = 0; p < patterns_.size(); ++p) {
                const HighlightPattern& pattern = patterns_[p];
                const std::size_t n = pattern.words.size();
                if (pattern.by_stem) {
                    const std::string& wanted = pattern.words[0];
                    const auto part_stems_so = [&](const std::string& part) { return stems_to(part, wanted); };
                    if ((may_stem && stem == wanted) || std::any_of(parts.begin(), parts.end(), part_stems_so)) {
                        matches_.push_back({base + i, base + i, p});
                    }
                    continue;
                }
                if (n == 0 || i + n > local.size()) continue;
                bool equal = true;
                for (std::size_t k = 0; k < n && equal; ++k) {
                    const std::string& word = pattern.words[k];
                    const std::vector<std::string>& in = local[i + k].parts;
                    equal = local[i + k].word == word || (!acronyms.empty() && acronyms[i + k] == word) ||
                            std::find(in.begin(), in.end(), word) != in.end();
                }
                if (equal) matches_.push_back({base + i, base + i + n - 1, p});
            }
        }
    }

    std::string_view body_;
    const std::vector<HighlightPattern>& patterns_;
    bool names_ = false;
    bool acronyms_ = false;  // some pattern holds an acronym term
    std::array<bool, 256> stem_initials_{};  // first bytes of the stems looked for
    std::size_t next_ = 0;  // byte offset of the next paragraph
    std::vector<schema::Token> tokens_;
    std::vector<Match> matches_;  // ordered by first token
};

// Of the windows starting `lead_in` words before one of the first `anchors` matches, the
// one that shows the most different patterns, then the most matches; the earliest wins.
Window best_window(const std::vector<Match>& matches, std::size_t anchors, std::size_t width,
                   std::size_t pattern_count) {
    constexpr std::size_t lead_in = 6;  // words of context before the first match
    Window best;
    std::vector<std::size_t> seen_by(pattern_count, 0);  // anchor number + 1 that last saw each pattern
    for (std::size_t a = 0; a < anchors; ++a) {
        const std::size_t start = matches[a].first > lead_in ? matches[a].first - lead_in : 0;
        const auto from = std::partition_point(matches.begin(), matches.end(),
                                               [&](const Match& m) { return m.first < start; });
        Window window{start, 0, 0};
        for (auto m = from; m != matches.end() && m->first < start + width; ++m) {
            if (m->last >= start + width) continue;
            if (seen_by[m->pattern] != a + 1) ++window.distinct;
            seen_by[m->pattern] = a + 1;
            ++window.total;
        }
        if (window.distinct > best.distinct || (window.distinct == best.distinct && window.total > best.total)) {
            best = window;
        }
    }
    return best;
}

bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Appends text with runs of white space collapsed to one space, merging it into the
// previous part when both are highlighted or both are not.
void append_text(std::vector<SnippetPart>& parts, std::string_view text, bool highlighted) {
    bool pending_space = false;
    std::string collapsed;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space && (!collapsed.empty() || !parts.empty())) collapsed += ' ';
        pending_space = false;
        collapsed += c;
    }
    if (pending_space && !parts.empty()) collapsed += ' ';
    if (collapsed.empty()) return;
    if (!parts.empty() && parts.back().highlighted == highlighted) {
        parts.back().text += collapsed;
    } else {
        parts.push_back({std::move(collapsed), highlighted});
    }
}

}  // namespace

Snippet make_snippet(std::string_view body, const std::vector<HighlightPattern>& patterns, std::size_t max_words) {
    BodyScan scan(body, patterns);
    // Read until some window shows every pattern (no later one can show more), else to
    // the end; only the matches read by then anchor windows.
    Window window;
    while (!scan.at_end() && (patterns.empty() ? scan.tokens().empty() : window.distinct < patterns.size())) {
        scan.read_paragraph();
        window = best_window(scan.matches(), scan.matches().size(), max_words, patterns.size());
    }
    // The window's words, and one more to tell whether text follows it.
    while (!scan.at_end() && scan.tokens().size() <= window.start + max_words) scan.read_paragraph();
    const std::vector<schema::Token>& tokens = scan.tokens();
    const std::vector<Match>& matches = scan.matches();
    Snippet snippet{{}, false, false};
    if (tokens.empty()) return snippet;
    std::size_t first = window.start;
    // Do not waste the window's end on nothing when the text ends first.
    if (scan.at_end() && tokens.size() > max_words && first + max_words > tokens.size()) {
        first = tokens.size() - max_words;
    }
    const std::size_t last = std::min(tokens.size(), first + max_words) - 1;

    // Matches may overlap (a stem and a phrase on the same word): merge them per token.
    // The gap inside one multi-word match is lit with it: <mark>mutual assistance</mark>.
    std::vector<bool> lit(last - first + 1, false);
    std::vector<bool> gap_lit(last - first + 1, false);  // the gap before the token
    for (const Match& m : matches) {
        if (m.last < first || m.first > last) continue;
        for (std::size_t t = std::max(m.first, first); t <= std::min(m.last, last); ++t) {
            lit[t - first] = true;
            if (t > m.first && t > first) gap_lit[t - first] = true;
        }
    }
    std::size_t cursor = tokens[first].start;
    for (std::size_t t = first; t <= last; ++t) {
        append_text(snippet.parts, body.substr(cursor, tokens[t].start - cursor), gap_lit[t - first]);
        append_text(snippet.parts, body.substr(tokens[t].start, tokens[t].end - tokens[t].start), lit[t - first]);
        cursor = tokens[t].end;
    }
    // Keep closing punctuation that belongs to the last word ("said." not "said").
    const std::size_t tail_end = last + 1 < tokens.size() ? tokens[last + 1].start : body.size();
    std::string_view tail = body.substr(cursor, tail_end - cursor);
    const std::size_t tail_keep = tail.find_first_of(" \n\t\r");
    append_text(snippet.parts, tail.substr(0, tail_keep), false);
    snippet.starts_mid_text = first > 0;
    snippet.ends_mid_text = last + 1 < tokens.size();
    return snippet;
}

}  // namespace corpus::searcher
