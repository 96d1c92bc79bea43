#include "searcher/render.h"

#include "schema/date.h"
#include "schema/fields.h"
#include "schema/text.h"

#include <fmt/core.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <nlohmann/json.hpp>

namespace corpus::searcher {
namespace {

constexpr std::string_view ellipsis = "\xE2\x80\xA6";

// Text output goes to terminals: what came from an article (or a typed query) is shown
// without its control characters, so that an escape sequence in a title cannot act.
std::string field(std::string_view text) {
    return schema::without_controls(text, schema::LineBreaks::to_spaces);
}

std::string block(std::string_view text) {
    return schema::without_controls(text);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string snippet_text(const Snippet& snippet, const TextStyle& style) {
    std::string out;
    if (snippet.starts_mid_text) out += ellipsis;
    for (const SnippetPart& part : snippet.parts) {
        out += part.highlighted ? style.highlight_on + field(part.text) + style.highlight_off : field(part.text);
    }
    if (snippet.ends_mid_text) out += ellipsis;
    return out;
}

std::string display_date(const std::string& date) {
    return date.empty() ? std::string(schema::unknown_value) : date;
}

std::string with_inferred_mark(const std::string& value, bool inferred) {
    return inferred ? value + " (inferred)" : value;
}

nlohmann::ordered_json facet_json(const std::vector<FacetCount>& facet) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const FacetCount& entry : facet) {
        nlohmann::ordered_json item = {{"value", entry.value}, {"count", entry.count}};
        if (!entry.key.empty()) {
            item["key"] = entry.key;
            item["spellings"] = entry.spellings;
        }
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// A facet's line: its values, and how many a limit left out where they would stand: the
// earlier months before the months shown, the values of fewer articles after the others.
void append_facet_line(std::string& out, std::string_view label, const std::vector<FacetCount>& facet,
                       std::size_t earlier_months, std::size_t more) {
    if (facet.empty()) return;
    std::vector<std::string> items;
    if (earlier_months > 0) items.push_back(fmt::format("+{} earlier month{}", earlier_months, earlier_months == 1 ? "" : "s"));
    for (const FacetCount& entry : facet) items.push_back(fmt::format("{} ({})", field(entry.value), entry.count));
    if (more > 0) items.push_back(fmt::format("+{} more", more));
    out += fmt::format("{:<9}{}\n", label, fmt::join(items, ", "));
}

// A hit's line for its byline and link, when it has either: "     by Jane Doe | https://...".
std::string byline(const std::string& author, const std::string& url) {
    if (author.empty() && url.empty()) return {};
    const std::string by = author.empty() ? std::string() : "by " + field(author);
    return fmt::format("     {}{}{}\n", by, !by.empty() && !url.empty() ? " | " : "", field(url));
}

// JSON's value for a field given with the article or not at all: null when not.
nlohmann::ordered_json given_or_null(const std::string& value) {
    return value.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

// One result, as a search's and a digest's text show it.
void append_hit_text(std::string& out, const Hit& hit, const TextStyle& style) {
    out += fmt::format("{:>3}. {}\n", hit.rank, field(hit.title.empty() ? hit.id : hit.title));
    out += fmt::format("     {} | {} | {} | score {:.3f}\n", field(hit.id),
                       field(with_inferred_mark(hit.outlet, hit.outlet_inferred)),
                       with_inferred_mark(display_date(hit.date), hit.date_inferred), hit.score);
    out += byline(hit.author, hit.url);
    out += fmt::format("     {}\n", snippet_text(hit.snippet, style));
    if (!hit.copies.empty()) {
        std::vector<std::string> copies;
        for (const StoryCopy& copy : hit.copies) {
            // An unknown outlet says nothing of where it ran: the article's id does.
            copies.push_back(fmt::format("{} {}", field(copy.outlet == schema::unknown_value ? copy.id : copy.outlet),
                                         display_date(copy.date)));
        }
        out += fmt::format("     also ran in: {}\n", fmt::join(copies, ", "));
    }
    out += "\n";
}

// The last line of a search's text: what the default scope left to the page's chrome.
std::string chrome_only_line(const SearchResult& result) {
    const std::size_t count = result.chrome_only_total;
    if (count == 0) return {};
    return fmt::format("{}{} article{} only in page chrome (navigation, links, footers); --scope all shows {}.\n",
                       count, result.total > 0 ? " more" : "", count == 1 ? " matches" : "s match",
                       count == 1 ? "it" : "them");
}

}  // namespace

TextStyle terminal_style() {
    return TextStyle{"\033[1m", "\033[0m"};
}

TextStyle plain_style() {
    return TextStyle{"**", "**"};
}

std::string snippet_html(const Snippet& snippet) {
    std::string out;
    if (snippet.starts_mid_text) out += ellipsis;
    for (const SnippetPart& part : snippet.parts) {
        out += part.highlighted ? "<mark>" + html_escape(part.text) + "</mark>" : html_escape(part.text);
    }
    if (snippet.ends_mid_text) out += ellipsis;
    return out;
}

std::string render_text(const SearchResult& result, const TextStyle& style) {
    std::string out;
    if (style.explain) {
        out += fmt::format("query:   {}\nparsed:  {}\n", field(result.query), field(result.parsed));
        if (!result.like.empty()) out += fmt::format("like:    {}\n", field(result.like));
        for (const std::string& line : lines_of(result.names)) out += fmt::format("name:    {}\n", field(line));
        out += fmt::format("xapian:  {}\n\n", field(result.xapian_query));
    }
    // The suggestion stands right under the count of what the query as typed found.
    const std::string suggestion =
        result.suggestion.empty() ? std::string() : fmt::format("Did you mean: {}?\n", field(result.suggestion));
    if (result.total == 0) {
        out += "No articles match.\n" + suggestion + chrome_only_line(result);
        return out;
    }
    out += fmt::format("{} article{} match", result.total, result.total == 1 ? "" : "s");
    if (result.stories && *result.stories != result.total) {
        out += fmt::format(" ({} stor{})", *result.stories, *result.stories == 1 ? "y" : "ies");
    }
    out += result.hits.empty() ? std::string(".\n")
                               : fmt::format("; showing {}-{}.\n", result.offset + 1, result.offset + result.hits.size());
    out += suggestion + "\n";
    for (const Hit& hit : result.hits) append_hit_text(out, hit, style);
    append_facet_line(out, "Outlet:", result.outlet_facet, 0, result.outlet_more);
    append_facet_line(out, "Month:", result.month_facet, result.month_more, 0);
    append_facet_line(out, "Person:", result.person_facet, 0, result.person_more);
    return out + chrome_only_line(result);
}

namespace {

// The results of a search's and a digest's JSON: the same objects.
nlohmann::ordered_json hits_json(const std::vector<Hit>& hits, bool collapsed) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Hit& hit : hits) {
        nlohmann::ordered_json& item = out.emplace_back(nlohmann::ordered_json{
            {"rank", hit.rank},
            {"id", hit.id},
            {"title", hit.title},
            {"outlet", hit.outlet},
            {"date", display_date(hit.date)},
            {"outlet_inferred", hit.outlet_inferred},
            {"date_inferred", hit.date_inferred},
            {"title_inferred", hit.title_inferred},
            {"url", given_or_null(hit.url)},
            {"author", given_or_null(hit.author)},
            {"score", hit.score},
            {"snippet", snippet_html(hit.snippet)},
            {"indexed", hit.indexed},
            {"changed", hit.changed},
            {"story", hit.story},
        });
        if (!collapsed) continue;
        nlohmann::ordered_json& copies = item["copies"] = nlohmann::ordered_json::array();
        for (const StoryCopy& copy : hit.copies) {
            copies.push_back({{"id", copy.id}, {"outlet", copy.outlet}, {"date", display_date(copy.date)}});
        }
    }
    return out;
}

nlohmann::ordered_json search_json(const SearchResult& result, bool explain, std::optional<std::size_t> line) {
    nlohmann::ordered_json out;
    out["schema_version"] = output_schema_version;
    if (line) out["line"] = *line;
    out["query"] = result.query;
    if (!result.like.empty()) out["like"] = result.like;
    if (explain) {
        out["explain"] = {{"parsed", result.parsed}, {"names", lines_of(result.names)}, {"xapian", result.xapian_query}};
    }
    out["total"] = result.total;
    if (result.stories) out["stories"] = *result.stories;
    out["chrome_only_total"] = result.chrome_only_total;
    if (!result.suggestion.empty()) out["suggestion"] = result.suggestion;
    out["offset"] = result.offset;
    out["limit"] = result.limit;
    out["results"] = hits_json(result.hits, result.stories.has_value());
    // A facet not asked for is absent: an empty list would say no article has a value.
    nlohmann::ordered_json facets = nlohmann::ordered_json::object();
    nlohmann::ordered_json more = nlohmann::ordered_json::object();
    if (result.facets.outlet) {
        facets["outlet"] = facet_json(result.outlet_facet);
        more["outlet"] = result.outlet_more;
    }
    if (result.facets.month) {
        facets["date"] = facet_json(result.month_facet);
        more["date"] = result.month_more;
    }
    if (result.facets.person) {
        facets["person"] = facet_json(result.person_facet);
        more["person"] = result.person_more;
    }
    out["facets"] = std::move(facets);
    if (result.facet_limit) out["facets_more"] = std::move(more);
    return out;
}

// One RFC 4180 field: quoted when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

// The snippet's words as they are in the article: the matches unmarked, nothing escaped.
std::string snippet_plain(const Snippet& snippet) {
    std::string out;
    if (snippet.starts_mid_text) out += ellipsis;
    for (const SnippetPart& part : snippet.parts) out += part.text;
    if (snippet.ends_mid_text) out += ellipsis;
    return out;
}

// Invalid UTF-8 cannot reach here (input is repaired), but never let dump() throw.
std::string dump(const nlohmann::ordered_json& json, int indent) {
    return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_json(const SearchResult& result, bool explain) {
    return dump(search_json(result, explain, std::nullopt), 2);
}

std::string render_ids(const SearchResult& result, OutputFormat format) {
    if (format == OutputFormat::csv) {
        std::string out = "id\r\n";
        for (const Hit& hit : result.hits) out += csv_field(hit.id) + "\r\n";
        return out;
    }
    if (format == OutputFormat::json) {
        nlohmann::ordered_json ids = nlohmann::ordered_json::array();
        for (const Hit& hit : result.hits) ids.push_back(hit.id);
        return dump(ids, -1);
    }
    std::string out;
    for (const Hit& hit : result.hits) out += hit.id + "\n";
    return out;
}

std::string render_csv(const SearchResult& result) {
    std::string out = "rank,id,title,outlet,date,url,author,score,snippet\r\n";
    for (const Hit& hit : result.hits) {
        // The score as JSON writes it: the shortest text that reads back as the same number.
        out += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", hit.rank, csv_field(hit.id), csv_field(hit.title),
                           csv_field(hit.outlet), csv_field(display_date(hit.date)), csv_field(hit.url),
                           csv_field(hit.author), hit.score, csv_field(snippet_plain(hit.snippet)));
    }
    return out;
}

std::string render_json_line(const SearchResult& result, bool explain, std::size_t line) {
    return dump(search_json(result, explain, line), -1);
}

std::string render_error_line(std::size_t line, const std::string& query, const Error& error) {
    nlohmann::ordered_json out;
    out["schema_version"] = output_schema_version;
    out["line"] = line;
    out["query"] = query;
    out["error"] = error.hint.empty() ? error.message : error.message + "; " + error.hint;
    return dump(out, -1);
}

std::string render_article_text(const schema::StoredArticle& article) {
    std::string out;
    out += fmt::format("id:      {}\n", field(article.id));
    out += fmt::format("title:   {}\n", field(with_inferred_mark(article.title, article.title_inferred)));
    out += fmt::format("outlet:  {}{}\n", field(with_inferred_mark(article.outlet, article.outlet_inferred)),
                       article.outlet_inferred ? " from: " + field(article.outlet_evidence) : "");
    out += fmt::format("date:    {}{}\n", with_inferred_mark(display_date(article.date), article.date_inferred),
                       article.date_inferred ? " from: " + field(article.date_evidence) : "");
    out += fmt::format("author:  {}\n", field(article.author.empty() ? std::string(schema::unknown_value) : article.author));
    out += fmt::format("url:     {}\n", field(article.url.empty() ? std::string(schema::unknown_value) : article.url));
    out += fmt::format("source:  {}\n", field(article.source));
    out += fmt::format("indexed: {}\n", field(article.indexed));
    out += fmt::format("changed: {}\n", field(article.changed));
    out += fmt::format("\n--- body ---\n{}\n", block(article.body));
    out += fmt::format("\n--- chrome ---\n{}\n", block(article.chrome));
    return out;
}

std::string render_article_json(const schema::StoredArticle& article) {
    nlohmann::ordered_json out;
    out["schema_version"] = output_schema_version;
    out["id"] = article.id;
    out["title"] = article.title;
    out["outlet"] = article.outlet;
    out["outlet_inferred"] = article.outlet_inferred;
    out["date"] = display_date(article.date);
    out["date_inferred"] = article.date_inferred;
    out["title_inferred"] = article.title_inferred;
    out["url"] = given_or_null(article.url);
    out["author"] = given_or_null(article.author);
    nlohmann::ordered_json evidence = nlohmann::ordered_json::object();
    if (article.outlet_inferred) evidence["outlet"] = article.outlet_evidence;
    if (article.date_inferred) evidence["date"] = article.date_evidence;
    out["evidence"] = std::move(evidence);
    out["source"] = article.source;
    out["indexed"] = article.indexed;
    out["changed"] = article.changed;
    out["body"] = article.body;
    out["chrome"] = article.chrome;
    return dump(out, 2);
}

std::string render_digest_text(const Digest& digest, const TextStyle& style) {
    std::string out = digest.since ? fmt::format("New or changed from {} to {}\n", schema::format_instant(*digest.since),
                                                 schema::format_instant(digest.until))
                                   : fmt::format("First digest: every match up to {}\n",
                                                 schema::format_instant(digest.until));
    for (const DigestSearch& search : digest.searches) {
        const std::size_t total = search.result.total;
        if (!out.ends_with("\n\n")) out += '\n';
        out += fmt::format("== {} ({}): {} ==\n", field(search.search.name), field(search.search.query),
                           total == 0 ? std::string("nothing new")
                                      : fmt::format("{} article{}", total, total == 1 ? "" : "s"));
        if (total > search.result.hits.size()) {
            out += fmt::format("showing the newest {}\n", search.result.hits.size());
        }
        if (total > 0) out += '\n';
        for (const Hit& hit : search.result.hits) append_hit_text(out, hit, style);
    }
    return out;
}

std::string render_digest_json(const Digest& digest) {
    nlohmann::ordered_json out;
    out["schema_version"] = output_schema_version;
    out["since"] = digest.since ? nlohmann::ordered_json(schema::format_instant(*digest.since)) : nlohmann::ordered_json();
    out["until"] = schema::format_instant(digest.until);
    nlohmann::ordered_json searches = nlohmann::ordered_json::array();
    for (const DigestSearch& search : digest.searches) {
        searches.push_back({{"name", search.search.name},
                            {"query", search.search.query},
                            {"total", search.result.total},
                            {"results", hits_json(search.result.hits, search.result.stories.has_value())}});
    }
    out["searches"] = std::move(searches);
    return dump(out, 2);
}

namespace {

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `text` widened with spaces to `width` characters, on its right (a column read from its
// left) or on its left (the context that ends at the match).
std::string padded(const std::string& text, std::size_t width, bool on_left) {
    const std::string pad(width > characters(text) ? width - characters(text) : 0, ' ');
    return on_left ? pad + text : text + pad;
}

}  // namespace

std::string render_kwic_text(const SearchResult& result) {
    struct Line {
        std::array<std::string, 4> columns;  // id, outlet, date, left context
        std::string match;
        std::string right;
    };
    std::vector<Line> lines;
    std::array<std::size_t, 4> widths{};
    for (const Hit& hit : result.hits) {
        for (const Occurrence& occurrence : hit.occurrences) {
            Line& line = lines.emplace_back(Line{{field(hit.id), field(hit.outlet), display_date(hit.date),
                                                  field(occurrence.left)},
                                                 field(occurrence.match), field(occurrence.right)});
            for (std::size_t k = 0; k < widths.size(); ++k) widths[k] = std::max(widths[k], characters(line.columns[k]));
        }
    }
    std::string out;
    for (const Line& line : lines) {
        std::string text;
        for (std::size_t k = 0; k + 1 < widths.size(); ++k) text += padded(line.columns[k], widths[k], false) + "  ";
        text += padded(line.columns.back(), widths.back(), true) + "[" + line.match + "]" + line.right;
        out += text + "\n";
    }
    return out;
}

std::string render_kwic_json(const SearchResult& result) {
    nlohmann::ordered_json occurrences = nlohmann::ordered_json::array();
    for (const Hit& hit : result.hits) {
        for (const Occurrence& occurrence : hit.occurrences) {
            occurrences.push_back({{"id", hit.id},
                                   {"outlet", hit.outlet},
                                   {"date", display_date(hit.date)},
                                   {"left", occurrence.left},
                                   {"match", occurrence.match},
                                   {"right", occurrence.right}});
        }
    }
    nlohmann::ordered_json out;
    out["schema_version"] = output_schema_version;
    out["query"] = result.query;
    out["total"] = result.total;
    out["occurrences"] = std::move(occurrences);
    return dump(out, 2);
}

std::string render_kwic_csv(const SearchResult& result) {
    std::string out = "id,outlet,date,left,match,right\r\n";
    for (const Hit& hit : result.hits) {
        for (const Occurrence& occurrence : hit.occurrences) {
            out += fmt::format("{},{},{},{},{},{}\r\n", csv_field(hit.id), csv_field(hit.outlet),
                               csv_field(display_date(hit.date)), csv_field(occurrence.left),
                               csv_field(occurrence.match), csv_field(occurrence.right));
        }
    }
    return out;
}

}  // namespace corpus::searcher
