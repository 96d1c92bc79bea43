#include "indexer/metadata_inference.h"

#include "indexer/segment_text.h"

#include <algorithm>
#include <array>
#include <string>

namespace corpus::indexer {
namespace {

using segment_detail::BadReason;
using segment_detail::LineClass;
using segment_detail::LineInfo;
using segment_detail::LineRole;
using segment_detail::PageLayout;

constexpr std::size_t outlet_max_words = 6;
// How near the article (in page lines) a "Published:" line may be.
constexpr std::size_t dated_label_reach = 6;
// A byline or date line is short; a longer line with a date is a sentence about an event.
constexpr std::size_t meta_line_max_words = 12;
// A dateline opens one of the first paragraphs, after at most a place name.
constexpr std::size_t datelined_paragraphs = 2;
constexpr std::size_t dateline_place_max_words = 4;
// How many lines below the headline a byline or date line may be (key points, a deck
// and a photo caption may come first).
constexpr std::size_t head_meta_lines = 8;

constexpr std::array<std::string_view, 5> publication_labels = {
    "published", "posted", "first published", "date:", "publication date"};
constexpr std::array<std::string_view, 3> update_labels = {"updated", "last updated", "modified"};

constexpr std::array<std::string_view, 4> tagline_separators = {
    " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "};

// The site as a subject of newsroom verbs: "NE Global Media interviewed ...".
constexpr std::array<std::string_view, 5> self_reference_verbs = {
    " interviewed ", " spoke with ", " spoke to ", " sat down with ", " has learned "};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view strip_edges(std::string_view text, std::string_view marks) {
    text = segment_detail::trim(text);
    while (!text.empty() && marks.find(text.front()) != std::string_view::npos)
        text = segment_detail::trim(text.substr(1));
    while (!text.empty() && marks.find(text.back()) != std::string_view::npos)
        text = segment_detail::trim(text.substr(0, text.size() - 1));
    return text;
}

// A name fit to be an outlet: a few words starting with a capital or a digit, or a
// domain ("Oilprice.com"); "www." is dropped.
std::optional<std::string> outlet_name(std::string_view text) {
    text = strip_edges(text, " .,:;-|");
    if (text.starts_with("www.")) text.remove_prefix(4);
    if (text.empty() || !(is_upper(text.front()) || is_digit(text.front()))) return std::nullopt;
    if (segment_detail::split_words(text).size() > outlet_max_words) return std::nullopt;
    return std::string(text);
}

std::optional<InferredValue> inferred(std::optional<std::string> value, std::string_view line) {
    if (!value) return std::nullopt;
    return InferredValue{std::move(*value), std::string(line)};
}

bool is_year(std::string_view word) {
    return word.size() == 4 && std::all_of(word.begin(), word.end(), is_digit);
}

// Words that frame a copyright notice and never name its holder on their own.
constexpr std::array<std::string_view, 12> notice_words = {
    "all", "rights", "reserved", "copyright", "the", "inc", "ltd", "llc", "co", "corp", "by",
    "and"};

// Something besides years and notice words: "© All rights reserved." names no one.
bool names_someone(std::string_view holder) {
    for (std::string_view word : segment_detail::split_words(holder)) {
        std::string core = segment_detail::ascii_lower(strip_edges(word, ".,;:()"));
        if (!core.empty() && !is_year(core) &&
            std::find(notice_words.begin(), notice_words.end(), core) == notice_words.end())
            return true;
    }
    return false;
}

// The text after the copyright mark of a line ("©", "Copyright", "(c)"), or nothing
// when the line has none.
std::optional<std::string_view> copyright_notice(std::string_view line) {
    std::string lower = segment_detail::ascii_lower(line);
    std::size_t mark = line.find("\xC2\xA9");
    std::size_t mark_size = 2;
    if (mark == std::string_view::npos) {
        mark = lower.find("copyright");
        mark_size = 9;
    }
    if (mark == std::string_view::npos) {
        mark = lower.find("(c)");
        mark_size = 3;
    }
    if (mark == std::string_view::npos) return std::nullopt;
    return line.substr(mark + mark_size);
}

// "© 2023 Peninsula Times. All rights reserved." -> "Peninsula Times";
// "© The Asia Business Daily(www.asiae.co.kr)" -> "The Asia Business Daily";
// "© All rights reserved." -> nothing.
std::optional<std::string> copyright_holder(std::string_view notice) {
    std::string_view rest = notice;
    // Drop further markers and years: "Copyright © 2010-2024 X".
    bool stripped = true;
    while (stripped) {
        stripped = false;
        rest = strip_edges(rest, " ,.-");
        std::string rest_lower = segment_detail::ascii_lower(rest);
        for (std::string_view marker : {"\xC2\xA9", "copyright", "(c)"})
            if (rest_lower.starts_with(marker)) {
                rest.remove_prefix(marker.size());
                stripped = true;
            }
        if (rest.size() >= 4 && is_year(rest.substr(0, 4))) {
            rest.remove_prefix(4);
            stripped = true;
        }
    }
    std::string rest_lower = segment_detail::ascii_lower(rest);
    std::size_t end = rest.size();
    for (std::string_view stop : {"(", " all rights", "|", " - ", ". ", ","})
        end = std::min(end, rest_lower.find(stop));
    std::string_view holder = strip_edges(rest.substr(0, end), " .,:;-|");
    // "Daily NK 2024": the year is the notice's, not the name's.
    while (holder.size() > 4 && is_year(holder.substr(holder.size() - 4)) &&
           holder[holder.size() - 5] == ' ')
        holder = strip_edges(holder.substr(0, holder.size() - 5), " .,:;-|");
    if (!names_someone(holder)) return std::nullopt;
    return outlet_name(holder);
}

// "More Top Reads From Oilprice.com:" -> "Oilprice.com".
std::optional<std::string> promoted_site(const LineInfo& line) {
    if (line.bad_reason != BadReason::section_header) return std::nullopt;
    std::string lower = segment_detail::ascii_lower(line.text);
    std::size_t from = lower.rfind(" from ");
    if (from == std::string::npos) return std::nullopt;
    return outlet_name(line.text.substr(from + 6));
}

// "Oilprice - The No. 1 Source for Oil & Energy News" -> "Oilprice".
std::optional<std::string> tagline_site(const LineInfo& line) {
    if (line.word_count > 14 || line.sentence_end) return std::nullopt;
    for (std::string_view separator : tagline_separators) {
        std::size_t at = line.text.find(separator);
        if (at == std::string_view::npos) continue;
        std::string rest = segment_detail::ascii_lower(line.text.substr(at + separator.size()));
        if (rest.find("source for") == std::string::npos &&
            rest.find("source of") == std::string::npos)
            continue;
        std::string_view name = line.text.substr(0, at);
        if (segment_detail::split_words(name).size() <= 3) return outlet_name(name);
    }
    return std::nullopt;
}

// "After a trip, NE Global Media interviewed ..." -> "NE Global": the capitalised words
// right before the verb, without a trailing "Media".
std::optional<std::string> self_referenced_site(const LineInfo& line) {
    for (std::string_view verb : self_reference_verbs) {
        std::size_t at = line.text.find(verb);
        if (at == std::string_view::npos) continue;
        std::vector<std::string_view> words = segment_detail::split_words(line.text.substr(0, at));
        std::size_t first = words.size();
        while (first > 0 && words.size() - first < 4 && !words[first - 1].empty() &&
               is_upper(words[first - 1].front()) && words[first - 1].back() != ',')
            --first;
        if (first == words.size() || words.back() != "Media" || words.size() - first < 2)
            continue;
        std::string name;
        for (std::size_t i = first; i + 1 < words.size(); ++i) {
            if (!name.empty()) name += ' ';
            name += words[i];
        }
        return outlet_name(name);
    }
    return std::nullopt;
}

// "SEOUL, March 3, 2023 (Yonhap) --": the date opens the paragraph, after nothing but a
// place name; a date further into a sentence is about an event ("died June 20, 1961").
bool opens_with_dateline(std::string_view text) {
    std::size_t offset = 0;
    if (!segment_detail::find_full_date(text, &offset)) return false;
    const std::string_view place = segment_detail::trim(text.substr(0, offset));
    if (place.empty()) return true;
    const std::vector<std::string_view> words = segment_detail::split_words(place);
    return place.back() == ',' && words.size() <= dateline_place_max_words &&
           std::all_of(words.begin(), words.end(),
                       [](std::string_view word) { return is_upper(word.front()); });
}

}  // namespace

std::optional<InferredValue> infer_outlet(const PageLayout& layout) {
    const auto& lines = layout.lines;
    // The last copyright line is the page footer's; earlier ones may be photo credits, so
    // a footer that names no one ("© All rights reserved.") leaves the other evidence.
    for (std::size_t i = lines.size(); i-- > 0;) {
        if (layout.roles[i] != LineRole::chrome) continue;
        if (auto notice = copyright_notice(lines[i].text)) {
            if (auto value = inferred(copyright_holder(*notice), lines[i].text)) return value;
            break;
        }
    }
    using Extractor = std::optional<std::string> (*)(const LineInfo&);
    for (Extractor extract : {&promoted_site, &tagline_site, &self_referenced_site})
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (layout.roles[i] == LineRole::chrome)
                if (auto value = inferred(extract(lines[i]), lines[i].text)) return value;
    return std::nullopt;
}

std::optional<InferredValue> infer_date(const PageLayout& layout) {
    const auto& lines = layout.lines;
    if (!layout.first_body_line) return std::nullopt;
    const std::size_t article_start = layout.title_line.value_or(*layout.first_body_line);
    const std::size_t article_end = *layout.last_body_line;
    auto date_in = [&](std::size_t i) -> std::optional<InferredValue> {
        auto date = segment_detail::find_full_date(lines[i].text);
        if (!date) return std::nullopt;
        return InferredValue{date->iso(), std::string(lines[i].text)};
    };
    auto short_meta_line = [&](std::size_t i) {
        return lines[i].word_count <= meta_line_max_words &&
               lines[i].bad_reason != BadReason::comment;
    };

    const std::size_t label_from =
        article_start > dated_label_reach ? article_start - dated_label_reach : 0;
    const std::size_t label_to = std::min(lines.size(), article_end + dated_label_reach + 1);
    auto labelled = [&](const auto& labels) -> std::optional<InferredValue> {
        for (std::size_t i = label_from; i < label_to; ++i) {
            const std::string lower = segment_detail::ascii_lower(lines[i].text);
            const bool has_label =
                std::any_of(labels.begin(), labels.end(),
                            [&](std::string_view label) { return lower.starts_with(label); });
            if (has_label && short_meta_line(i))
                if (auto value = date_in(i)) return value;
        }
        return std::nullopt;
    };
    if (auto value = labelled(publication_labels)) return value;

    if (layout.title_line) {
        // Bylines and date lines sit among the deck, key points and captions, above the
        // first paragraph of text; a date below that belongs to the article.
        std::size_t seen = 0;
        for (std::size_t i = *layout.title_line + 1; i < lines.size() && seen < head_meta_lines;
             ++i) {
            if (lines[i].line_class == LineClass::blank) continue;
            if (layout.roles[i] == LineRole::body && lines[i].line_class == LineClass::good &&
                !lines[i].bullet)
                break;
            ++seen;
            if (layout.roles[i] == LineRole::chrome && short_meta_line(i))
                if (auto value = date_in(i)) return value;
        }
    }

    std::size_t paragraphs_seen = 0;
    for (std::size_t i = *layout.first_body_line;
         i <= article_end && paragraphs_seen < datelined_paragraphs; ++i) {
        if (layout.roles[i] != LineRole::body) continue;
        ++paragraphs_seen;
        if (opens_with_dateline(lines[i].text)) return date_in(i);
    }

    // A revision date stands in for the publication date only when nothing states that.
    return labelled(update_labels);
}

}  // namespace corpus::indexer
