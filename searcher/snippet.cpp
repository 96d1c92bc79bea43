#include "searcher/snippet.h"

#include "schema/analysis.h"
#include "searcher/body_scan.h"

#include <algorithm>

namespace corpus::searcher {
namespace {

struct Window {
    std::size_t start = 0;  // token index
    std::size_t distinct = 0;
    std::size_t total = 0;
};

// Of the windows starting `lead_in` words before one of the first `anchors` matches, the
// one that shows the most different patterns, then the most matches; the earliest wins.
Window best_window(const std::vector<PatternMatch>& matches, std::size_t anchors, std::size_t width,
                   std::size_t pattern_count) {
    constexpr std::size_t lead_in = 6;  // words of context before the first match
    Window best;
    std::vector<std::size_t> seen_by(pattern_count, 0);  // anchor number + 1 that last saw each pattern
    for (std::size_t a = 0; a < anchors; ++a) {
        const std::size_t start = matches[a].first > lead_in ? matches[a].first - lead_in : 0;
        const auto from = std::partition_point(matches.begin(), matches.end(),
                                               [&](const PatternMatch& m) { return m.first < start; });
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
    const std::vector<PatternMatch>& matches = scan.matches();
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
    for (const PatternMatch& m : matches) {
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
