// Output back ends: the same SearchResult printed for people (text), programs (JSON)
// or spreadsheets (CSV). The JSON form is the contract documented in
// schema/search-output.schema.json.
#pragma once

#include "searcher/request.h"
#include "searcher/digest.h"
#include "searcher/search.h"

#include <string>

namespace corpus::searcher {

// Version of the JSON output contract; bumped on any incompatible change.
inline constexpr int output_schema_version = 1;

struct TextStyle {
    std::string highlight_on;   // ANSI bold on a terminal, "**" when piped
    std::string highlight_off;
    bool explain = false;       // also print how the query was understood
};

TextStyle terminal_style();
TextStyle plain_style();

std::string render_text(const SearchResult& result, const TextStyle& style);
std::string render_json(const SearchResult& result, bool explain);
// --ids: one id a line, with --format json a JSON array of them, with --format csv a
// CSV column headed "id".
std::string render_ids(const SearchResult& result, OutputFormat format);

// RFC 4180 CSV: CRLF line ends; a field holding a comma, a quote, CR or LF quoted, its
// quotes doubled. The header rank,id,title,outlet,date,url,author,score,snippet, then a
// row per hit of the page with the values the JSON has (its nulls as empty fields) and
// the snippet as plain text: no markup, no entities. Fields are written as they are: one
// starting with = + - @ is not altered, so a spreadsheet that evaluates formulas in an
// opened file should import it as text (the README says so).
std::string render_csv(const SearchResult& result);

// --kwic: every occurrence of every hit (Hit::occurrences), one a line. Text: id, outlet,
// date, left context, [match], right context, in columns, the matches one above another;
// JSON: schema/kwic-output.schema.json; CSV: the header id,outlet,date,left,match,right.
std::string render_kwic_text(const SearchResult& result);
std::string render_kwic_json(const SearchResult& result);
std::string render_kwic_csv(const SearchResult& result);

// --batch: one compact JSON object per line, the same object as render_json plus the
// batch file's line number; a query that failed gets {"line", "query", "error"}.
std::string render_json_line(const SearchResult& result, bool explain, std::size_t line);
std::string render_error_line(std::size_t line, const std::string& query, const Error& error);

// One stored article (--show): metadata with inferred flags, title, body and chrome.
std::string render_article_text(const schema::StoredArticle& article);
std::string render_article_json(const schema::StoredArticle& article);

// --digest: each saved search's new articles, text or JSON (schema/digest-output.schema.json),
// each result as a search shows it.
std::string render_digest_text(const Digest& digest, const TextStyle& style);
std::string render_digest_json(const Digest& digest);

// A snippet as HTML: text escaped, each match wrapped in <mark>...</mark>.
std::string snippet_html(const Snippet& snippet);

}  // namespace corpus::searcher
