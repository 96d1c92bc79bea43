#include "indexer/metadata_inference.h"

#include "indexer/segment_text.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

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

// Field names of a mail's header block ("x-" names are all mail fields too).
constexpr std::array<std::string_view, 19> mail_fields = {
    "from", "to", "cc", "bcc", "subject", "sent", "reply-to", "reply-by", "message-id",
    "received", "return-path", "in-reply-to", "references", "delivered-to", "mime-version",
    "content-type", "importance", "organization", "expires"};

// Notes of when a page was captured, not published: "Retrieved June 18, 2024".
constexpr std::array<std::string_view, 8> capture_words = {
    "captured", "retrieved", "accessed", "archived", "saved", "printed", "downloaded", "crawled"};

// Words that open a sentence and never a name: "And since", "This e-mail is ...".
constexpr std::array<std::string_view, 37> sentence_openers = {
    "and", "but", "or", "nor", "so", "yet", "since", "because", "if", "when", "while", "although",
    "though", "as", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "you", "i", "is", "are", "was", "were", "of", "to", "in", "on", "at", "for", "with"};

// Lower-case words a name may hold between its capitalised ones: "Voice of America".
constexpr std::array<std::string_view, 9> name_joiners = {"of", "the", "and", "for", "on", "in",
                                                          "&", "de", "la"};

// What a picture or script file name ends with: markup, never a name.
constexpr std::array<std::string_view, 8> file_suffixes = {".gif", ".jpg", ".jpeg", ".png",
                                                           ".svg", ".htm", ".php", ".js"};

// A dateline's place never opens with a preposition: "On Mon, Aug 19, 2002 ... wrote:".
constexpr std::array<std::string_view, 9> place_prepositions = {
    "on", "in", "at", "by", "since", "from", "until", "before", "after"};

// Page furniture, as a whole line or a label before ':' or '|' ("Trending: ...").
constexpr std::array<std::string_view, 30> navigation_phrases = {
    "skip to content", "skip to main content", "skip navigation", "menu", "main menu",
    "open menu", "close menu", "navigation", "home", "homepage", "search", "trending",
    "trending now", "subscribe", "subscribe now", "sign in", "sign up", "log in", "login",
    "register", "newsletter", "newsletters", "advertisement", "sponsored", "top stories",
    "most read", "most popular", "follow us", "share", "back to top"};
// Openings of calls to act, whatever follows: "Sign up for our newsletter".
constexpr std::array<std::string_view, 7> navigation_openings = {
    "skip to ", "subscribe to ", "subscribe for ", "sign in to ", "sign up for ", "log in to ",
    "click here"};
// What joins the items of a menu or link list on one line.
constexpr std::array<std::string_view, 5> list_separators = {
    "\xC2\xB7", "\xE2\x80\xA2", "|", "\xC2\xBB", "\xE2\x80\xBA"};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

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

// Initials such as "U.S." end in a full stop inside a name; other words do not.
bool is_initials(std::string_view word) {
    if (word.size() < 2 || word.size() % 2 != 0) return false;
    for (std::size_t i = 0; i < word.size(); i += 2)
        if (!is_upper(word[i]) || word[i + 1] != '.') return false;
    return true;
}

// A name fit to be an outlet: a few words, each capitalised (or a joiner such as "of"),
// or a domain ("Oilprice.com"); "www." is dropped. Markup (`AndPrivacyLink.gif"
// width="399"`) and sentence fragments ("And since", "This e-mail is Copyright") are not
// names.
std::optional<std::string> outlet_name(std::string_view text) {
    text = strip_edges(text, " .,:;-|");
    if (text.starts_with("www.")) text.remove_prefix(4);
    if (text.empty() || text.find_first_of("<>=\"/\\{}[]@:;,!?*`") != std::string_view::npos)
        return std::nullopt;
    for (std::string_view quote : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB"})
        if (text.find(quote) != std::string_view::npos) return std::nullopt;
    const std::vector<std::string_view> words = segment_detail::split_words(text);
    if (words.size() > outlet_max_words ||
        is_one_of(segment_detail::ascii_lower(words.front()), sentence_openers))
        return std::nullopt;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string lower = segment_detail::ascii_lower(words[i]);
        if (std::any_of(file_suffixes.begin(), file_suffixes.end(),
                        [&](std::string_view suffix) { return lower.ends_with(suffix); }))
            return std::nullopt;
        // A full stop inside the value ends a sentence: "Seoul. The".
        if (i + 1 < words.size() && words[i].back() == '.' && !is_initials(words[i]))
            return std::nullopt;
        const auto first = static_cast<unsigned char>(words[i].front());
        const bool capitalised = is_upper(words[i].front()) || is_digit(words[i].front()) || first >= 0x80;
        if (!capitalised && (i == 0 || !is_one_of(lower, name_joiners))) return std::nullopt;
    }
    return std::string(text);
}

// The field name of a line shaped "Name: value" ("Reply-By: Mon, 26 Aug 2002",
// "Posted : 2023-03-22"), lower-cased: one to three words of letters and hyphens.
std::optional<std::string> field_label(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view label = segment_detail::trim(text.substr(0, colon));
    if (label.empty() || segment_detail::split_words(label).size() > 3) return std::nullopt;
    const bool letters = std::all_of(label.begin(), label.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || is_upper(c) || c == '-' || c == ' ';
    });
    if (!letters) return std::nullopt;
    return segment_detail::ascii_lower(label);
}

bool is_mail_field(std::string_view text) {
    const std::optional<std::string> label = field_label(text);
    return label && (is_one_of(*label, mail_fields) || label->starts_with("x-"));
}

// Whether a line's date comes from a mail header block (a run of lines, no blank between,
// holding a mail header field) other than as the "Date:" of the block opening the page,
// the mail's own: the other fields date its transport and replies, and a block further
// down heads a message the mail quotes.
bool dated_by_mail_header(const std::vector<LineInfo>& lines, std::size_t i) {
    std::size_t first = i;
    while (first > 0 && lines[first - 1].line_class != LineClass::blank) --first;
    bool header = false;
    for (std::size_t j = first; j < lines.size() && lines[j].line_class != LineClass::blank; ++j)
        header = header || is_mail_field(lines[j].text);
    if (!header) return false;
    const bool opens_page = std::all_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(first),
                                        [](const LineInfo& line) { return line.line_class == LineClass::blank; });
    return !(opens_page && field_label(lines[i].text) == "date");
}

// Whether the date a line holds may be this article's: no field but a publication one
// ("Reply-By:", "Expires:", "Sent:" are not; an upper-case place "SEOUL:" may open a
// dateline), no mail header but the mail's own "Date:", no capture note before the date.
bool may_date_article(const std::vector<LineInfo>& lines, std::size_t i) {
    const std::string_view text = lines[i].text;
    if (const std::optional<std::string> label = field_label(text)) {
        const std::string_view name = segment_detail::trim(text.substr(0, text.find(':')));
        const bool place = std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        const bool publication =
            std::any_of(publication_labels.begin(), publication_labels.end(),
                        [&](std::string_view known) { return (*label + ':').starts_with(known); }) ||
            std::any_of(update_labels.begin(), update_labels.end(),
                        [&](std::string_view known) { return label->starts_with(known); });
        if (is_mail_field(text) || !(publication || place)) return false;
    }
    if (dated_by_mail_header(lines, i)) return false;
    std::size_t offset = 0;
    if (!segment_detail::find_full_date(text, &offset)) return false;
    for (std::string_view word : segment_detail::split_words(text.substr(0, offset)))
        if (is_one_of(segment_detail::ascii_lower(strip_edges(word, ".,:;()")), capture_words)) return false;
    return true;
}

// The first line of another message quoted or forwarded in the page, or the page's end:
// a quoted line ("> ..."), "-----Original Message-----", "---------- Forwarded message",
// "Begin forwarded message:", or an attribution ("On Mon, Aug 19, 2002, Matt wrote:",
// perhaps wrapped over two lines). Dates and names from there on are that message's.
std::size_t own_text_end(const std::vector<LineInfo>& lines) {
    auto next_text = [&](std::size_t i) -> std::string_view {
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if (lines[j].line_class != LineClass::blank) return lines[j].text;
        return {};
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = lines[i].text;
        if (text.starts_with('>')) return i;
        const std::string lower = segment_detail::ascii_lower(text);
        if (lower.starts_with("begin forwarded message") ||
            (lower.starts_with("--") && (lower.find("original message") != std::string::npos ||
                                         lower.find("forwarded") != std::string::npos)))
            return i;
        const std::string_view ending = strip_edges(lower, " ");
        if (!(ending.ends_with("wrote:") || ending.ends_with("writes:"))) continue;
        const bool wrapped = i > 0 && lines[i - 1].line_class != LineClass::blank &&
                             lines[i - 1].text.starts_with("On ");
        if (wrapped) return i - 1;
        if (text.starts_with("On ") || lower.find('@') != std::string::npos || next_text(i).starts_with('>'))
            return i;
    }
    return lines.size();
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
           !is_one_of(segment_detail::ascii_lower(words.front()), place_prepositions) &&
           std::all_of(words.begin(), words.end(),
                       [](std::string_view word) { return is_upper(word.front()); });
}

}  // namespace

std::optional<InferredValue> infer_outlet(const PageLayout& layout) {
    const auto& lines = layout.lines;
    const std::size_t own_end = own_text_end(lines);
    // The last copyright line is the page footer's; earlier ones may be photo credits, so
    // a footer that names no one ("© All rights reserved.") leaves the other evidence.
    for (std::size_t i = own_end; i-- > 0;) {
        if (layout.roles[i] != LineRole::chrome) continue;
        if (auto notice = copyright_notice(lines[i].text)) {
            if (auto value = inferred(copyright_holder(*notice), lines[i].text)) return value;
            break;
        }
    }
    using Extractor = std::optional<std::string> (*)(const LineInfo&);
    for (Extractor extract : {&promoted_site, &tagline_site, &self_referenced_site})
        for (std::size_t i = 0; i < own_end; ++i)
            if (layout.roles[i] == LineRole::chrome)
                if (auto value = inferred(extract(lines[i]), lines[i].text)) return value;
    return std::nullopt;
}

std::optional<InferredValue> infer_date(const PageLayout& layout) {
    const auto& lines = layout.lines;
    if (!layout.first_body_line) return std::nullopt;
    const std::size_t article_start = layout.title_line.value_or(*layout.first_body_line);
    const std::size_t article_end = *layout.last_body_line;
    const std::size_t own_end = own_text_end(lines);
    auto date_in = [&](std::size_t i) -> std::optional<InferredValue> {
        if (i >= own_end || !may_date_article(lines, i)) return std::nullopt;
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
        if (opens_with_dateline(lines[i].text))
            if (auto value = date_in(i)) return value;
    }

    // A revision date stands in for the publication date only when nothing states that.
    return labelled(update_labels);
}

bool may_be_title(std::string_view line) {
    const std::string lower = segment_detail::ascii_lower(segment_detail::trim(line));
    if (is_one_of(strip_edges(lower, " :|>-."), navigation_phrases)) return false;
    for (std::string_view opening : navigation_openings)
        if (lower.starts_with(opening)) return false;
    // A navigation word as a label: "Trending: Election 2025", "Menu | Sections".
    for (std::string_view phrase : navigation_phrases) {
        if (!lower.starts_with(phrase)) continue;
        const std::string_view after = std::string_view(lower).substr(phrase.size());
        // "Home-grown" and "Homeland" are words of their own.
        if (after.empty() || after.front() == '-' || is_digit(after.front()) ||
            (after.front() >= 'a' && after.front() <= 'z'))
            continue;
        const std::string_view rest = segment_detail::trim(after);
        if (rest.starts_with(':') || rest.starts_with("- ") ||
            std::any_of(list_separators.begin(), list_separators.end(),
                        [&](std::string_view separator) { return rest.starts_with(separator); }))
            return false;
    }
    // Items of a menu or link list: "Election 2025 · Weather · Lottery results".
    std::vector<std::string_view> items{lower};
    for (std::string_view separator : list_separators) {
        std::vector<std::string_view> split;
        for (std::string_view item : items) {
            for (std::size_t at = item.find(separator); at != std::string_view::npos; at = item.find(separator)) {
                split.push_back(item.substr(0, at));
                item.remove_prefix(at + separator.size());
            }
            split.push_back(item);
        }
        items = std::move(split);
    }
    constexpr std::size_t short_item_words = 2;
    if (items.size() >= 3 ||
        (items.size() == 2 && std::all_of(items.begin(), items.end(), [](std::string_view item) {
             return segment_detail::split_words(item).size() <= short_item_words;
         })))
        return false;
    // A salutation opens a speech or a letter but names none of it: "Fellow-Citizens of the
    // Senate and House of Representatives:", "Dear colleagues,".
    if (lower.ends_with(':') || lower.ends_with(',')) return false;
    // An address is where the page came from, not what it says: "URL: http://...".
    if (lower.find("://") != std::string::npos || lower.starts_with("www.")) return false;
    // A mail's header field but its subject, or the "From sender date" line opening a mailbox.
    const std::vector<std::string_view> words = segment_detail::split_words(lower);
    const bool mailbox_line = words.size() > 1 && words[0] == "from" && words[1].find('@') != std::string_view::npos;
    return (!is_mail_field(line) || field_label(line) == "subject") && !mailbox_line;
}

}  // namespace corpus::indexer
