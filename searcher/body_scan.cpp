#include "searcher/body_scan.h"

#include "schema/fields.h"

#include <algorithm>

namespace corpus::searcher {

BodyScan::BodyScan(std::string_view body, const std::vector<HighlightPattern>& patterns)
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

void BodyScan::read_paragraph() {
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
                     [](const PatternMatch& a, const PatternMatch& b) { return a.first < b.first; });
    for (schema::Token& token : local) {
        token.start += offset;
        token.end += offset;
        tokens_.push_back(std::move(token));
    }
}

// A name pattern lights every name the article writes that the query's name matches,
// in whatever spelling the article used.
void BodyScan::find_name_matches(const std::vector<schema::NameSpan>& spans, std::size_t base) {
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
std::vector<std::string> BodyScan::acronym_terms(const std::vector<schema::Token>& local,
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
bool BodyScan::stems_to(const std::string& word, const std::string& stem) const {
    return !word.empty() && stem_initials_[static_cast<unsigned char>(word[0])] && schema::stem(word) == stem;
}

// Stems and exact word sequences (a name's typed words among them); a pattern's
// acronym term matches a token in `acronyms` (empty: none in the paragraph). A word
// matches by its parts as the index finds it by them (spamassassin.taint.org for
// spamassassin).
void BodyScan::find_word_matches(const std::vector<schema::Token>& local, std::size_t base,
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

}  // namespace corpus::searcher
