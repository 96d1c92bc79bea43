// A query's matches in an article's text, found the way the index finds them: shared by
// the snippet (snippet.h), which reads as far as its window needs, and keyword in
// context (kwic.h), which reads the whole text.
#pragma once

#include "schema/analysis.h"
#include "searcher/query_builder.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

struct PatternMatch {
    std::size_t first;    // token index
    std::size_t last;     // inclusive
    std::size_t pattern;  // which pattern matched
};

// The text read paragraph by paragraph (the blocks index_text makes), tokenizing only
// as far as needed: most articles show every pattern within their first paragraphs, and
// tokenizing the whole body cost more than everything else a hit needs.
class BodyScan {
public:
    // `patterns` must outlive the scan.
    BodyScan(std::string_view body, const std::vector<HighlightPattern>& patterns);

    bool at_end() const { return next_ >= body_.size(); }

    // Tokenizes the next paragraph and finds its matches. Like the index, a match never
    // spans two paragraphs.
    void read_paragraph();

    // Every token read so far, its offsets in the whole text.
    const std::vector<schema::Token>& tokens() const { return tokens_; }
    // Ordered by first token; matches of several patterns may overlap or coincide.
    const std::vector<PatternMatch>& matches() const { return matches_; }

private:
    void find_name_matches(const std::vector<schema::NameSpan>& spans, std::size_t base);
    static std::vector<std::string> acronym_terms(const std::vector<schema::Token>& local,
                                                  const std::vector<schema::NameSpan>& spans);
    bool stems_to(const std::string& word, const std::string& stem) const;
    void find_word_matches(const std::vector<schema::Token>& local, std::size_t base,
                           const std::vector<std::string>& acronyms);

    std::string_view body_;
    const std::vector<HighlightPattern>& patterns_;
    bool names_ = false;
    bool acronyms_ = false;  // some pattern holds an acronym term
    std::array<bool, 256> stem_initials_{};  // first bytes of the stems looked for
    std::size_t next_ = 0;  // byte offset of the next paragraph
    std::vector<schema::Token> tokens_;
    std::vector<PatternMatch> matches_;  // ordered by first token
};

}  // namespace corpus::searcher
