#include "searcher/snippet.h"

#include "schema/analysis.h"

#include <algorithm>

namespace corpus::searcher {
namespace {

struct Match {
    std::size_t first;    // token index
    std::size_t last;     // inclusive
    std::size_t pattern;  // which pattern matched
};

// A name pattern lights every name the article writes that the query's name matches,
// in whatever spelling the article used.
void find_name_matches(std::string_view body, const std::vector<schema::Token>& tokens,
                       const std::vector<HighlightPattern>& patterns, std::vector<Match>& matches) {
    const bool any = std::any_of(patterns.begin(), patterns.end(),
                                 [](const HighlightPattern& p) { return !p.name_forms.empty(); });
    if (!any) return;
    for (const schema::NameSpan& span : schema::find_names(body, tokens, schema::NameContext::document)) {
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            const std::vector<schema::NameForm>& forms = patterns[p].name_forms;
            if (std::any_of(forms.begin(), forms.end(),
                            [&](const schema::NameForm& form) { return schema::form_matches(form, span); })) {
                matches.push_back({span.first, span.last, p});
            }
        }
    }
}

std::vector<Match> find_matches(std::string_view body, const std::vector<schema::Token>& tokens,
                                const std::vector<HighlightPattern>& patterns) {
    std::vector<Match> matches;
    find_name_matches(body, tokens, patterns, matches);
    std::vector<std::string> stems;  // computed only when a stem pattern needs them
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (std::size_t p = 0; p < patterns.size(); ++p) {
            const HighlightPattern& pattern = patterns[p];
            if (!pattern.name_forms.empty()) continue;
            if (pattern.by_stem) {
                if (stems.empty()) {
                    stems.reserve(tokens.size());
                    for (const schema::Token& token : tokens) stems.push_back(schema::stem(token.word));
                }
                if (stems[i] == pattern.words[0]) matches.push_back({i, i, p});
                continue;
            }
            const std::size_t n = pattern.words.size();
            if (i + n > tokens.size()) continue;
            bool equal = true;
            for (std::size_t k = 0; k < n && equal; ++k) equal = tokens[i + k].word == pattern.words[k];
            if (equal) matches.push_back({i, i + n - 1, p});
        }
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
    return matches;
}

// The window start (a token index) that shows the most different patterns, then the
// most matches; the earliest such window wins.
std::size_t best_window_start(const std::vector<Match>& matches, std::size_t token_count, std::size_t width) {
    constexpr std::size_t lead_in = 6;  // words of context before the first match
    std::size_t best_start = 0;
    std::size_t best_distinct = 0;
    std::size_t best_total = 0;
    for (const Match& anchor : matches) {
        const std::size_t start = anchor.first > lead_in ? anchor.first - lead_in : 0;
        std::vector<bool> seen;
        std::size_t distinct = 0;
        std::size_t total = 0;
        for (const Match& m : matches) {
            if (m.first < start || m.last >= start + width) continue;
            if (seen.size() <= m.pattern) seen.resize(m.pattern + 1, false);
            if (!seen[m.pattern]) ++distinct;
            seen[m.pattern] = true;
            ++total;
        }
        if (distinct > best_distinct || (distinct == best_distinct && total > best_total)) {
            best_start = start;
            best_distinct = distinct;
            best_total = total;
        }
    }
    // Do not waste the window's end on nothing when the text ends first.
    if (token_count > width && best_start + width > token_count) best_start = token_count - width;
    return best_start;
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
    const std::vector<schema::Token> tokens = schema::tokenize(body);
    Snippet snippet{{}, false, false};
    if (tokens.empty()) return snippet;
    const std::vector<Match> matches = find_matches(body, tokens, patterns);
    const std::size_t first = best_window_start(matches, tokens.size(), max_words);
    const std::size_t last = std::min(tokens.size(), first + max_words) - 1;

    // Matches may overlap (a stem and a phrase on the same word): merge them per token.
    std::vector<bool> lit(last - first + 1, false);
    for (const Match& m : matches) {
        for (std::size_t t = std::max(m.first, first); t <= std::min(m.last, last); ++t) lit[t - first] = true;
    }
    std::size_t cursor = tokens[first].start;
    for (std::size_t t = first; t <= last; ++t) {
        // The gap inside one multi-word match is lit with it: <mark>mutual assistance</mark>.
        const bool gap_inside_match = t > first && std::any_of(matches.begin(), matches.end(), [&](const Match& m) {
            return m.first < t && t <= m.last;
        });
        append_text(snippet.parts, body.substr(cursor, tokens[t].start - cursor), gap_inside_match);
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
