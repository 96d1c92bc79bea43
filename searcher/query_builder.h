// Stage 2 of the query pipeline: syntax tree -> Xapian query, through schema/'s
// analysis, so a query's words become exactly the terms the indexer made.
#pragma once

#include "schema/fields.h"
#include "schema/names.h"
#include "schema/result.h"
#include "searcher/query_parser.h"

#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::searcher {

// What the snippet highlights: a bare word matches any word with its stem; a phrase
// matches its exact words in order; a name matches the article's own spelling of it,
// and the words typed for it (when given) as a phrase.
struct HighlightPattern {
    bool by_stem;                    // words[0] is a stem
    std::vector<std::string> words;  // normalized words, acronym terms ("XAun": analysis.h) or the stem
    std::vector<schema::NameForm> name_forms = {};  // when set: a name (schema/names.h)
    // A stem pattern's word as typed (normalized): keyword in context (kwic.h) lists the
    // word itself, not its inflections.
    std::string typed = {};
    // Whether keyword in context lists its matches: not a title: field's (a title is no
    // text of the article), nor a name's inside a longer phrase (the phrase is listed).
    bool listed = true;
};

struct CompiledQuery {
    Xapian::Query query;
    std::vector<HighlightPattern> highlights;  // from the positive parts of the query only
    bool ranked = true;  // some word, phrase or title: gives weight; else only fields filter (newest first)
    bool local_only = false;  // holds a ProximityCheck, which remote shards cannot run
    std::vector<std::string> outlets;  // named by outlet: and person: (not excluded), for notices
    std::vector<std::string> persons;
};

// A quoted phrase names at most this many people (each spelled any way).
inline constexpr std::size_t max_names_in_phrase = 8;
// Terms of the compiled query, counted with repetition. The matcher opens a posting list
// for each, some 8 KB apiece: 50,000 (100 phrases of two names) took 380 MB and 3 s.
inline constexpr std::size_t max_query_terms = 10000;
// Positional operators, whose cost grows with how common their words are.
inline constexpr std::size_t max_query_phrases = 64;
inline constexpr std::size_t max_query_nears = 8;
inline constexpr std::size_t max_near_words = 8;
// Words a wildcard ("sanctio*") may stand for; past it the query is refused, never cut.
inline constexpr std::size_t max_wildcard_words = 200;

// Where words are looked for: the article (title and body), or the whole page.
enum class Scope { article, all };

// What compiling a query looks up that is the same in every scope: the names each text of
// the query holds, and the index's name sets for a name's readings. The chrome-only count
// compiles the query a second time, for the whole page (search.cpp); one NameLookups given
// to both compilations does these once, and one compilation asks for each text's names
// more than once.
class NameLookups {
public:
    // schema::find_names(text, tokens, NameContext::query); `tokens` are `text`'s.
    const std::vector<schema::NameSpan>& names_in(std::string_view text, const std::vector<schema::Token>& tokens);
    // schema::name_set_query(db, readings), for the one index every compilation sharing
    // this reads.
    const Xapian::Query& name_sets(const Xapian::Database& db, const std::vector<std::string>& readings);

private:
    std::map<std::string, std::vector<schema::NameSpan>, std::less<>> names_;
    std::map<std::vector<std::string>, Xapian::Query> sets_;
};

// `db` is the index searched: a name becomes the name sets it holds (schema/names.h).
// `lookups`, when given, is shared with other compilations of the same query on `db`.
Result<CompiledQuery> compile_query(const QueryNode& root, const Xapian::Database& db, Scope scope = Scope::article,
                                    NameLookups* lookups = nullptr);

}  // namespace corpus::searcher
