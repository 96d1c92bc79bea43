#include "indexer/segment_lines.h"

#include "indexer/segment_text.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace corpus::indexer::segment_detail {
namespace {

constexpr std::size_t paragraph_min_words = 10;
constexpr std::size_t short_line_max_words = 12;
constexpr std::size_t repeated_min_words = 4;  // shorter repeats are labels ("News1")

// Headers that open a list of other stories or the comments. Generic interface words of
// English news sites; compared with the whole line (lower case, end punctuation removed).
constexpr std::array<std::string_view, 81> section_headers = {
    "related", "related articles", "related stories", "related news", "related posts",
    "related content", "related coverage", "related topics", "hot this week", "latest",
    "latest news", "latest stories", "latest articles", "latest posts", "topics", "tags",
    "don't miss", "don\xE2\x80\x99t miss", "dont miss", "most popular",
    "most popular articles", "most read", "most viewed", "most shared", "popular",
    "popular posts", "popular stories", "trending", "trending stories",
    "recommended", "recommended for you", "recommended stories", "you may also like",
    "you might also like", "you may like", "more stories", "more news", "more articles",
    "read more", "read next", "up next", "editor's picks", "editor\xE2\x80\x99s picks",
    "top stories", "top news", "must read", "other news", "in other news",
    "check out our other content", "check out other tags", "more on this topic",
    "further reading", "see also", "what to read next", "around the web", "comments",
    "leave a comment", "leave a reply", "post a comment", "add a comment",
    "join the discussion", "join the conversation", "show comments", "view comments", "reply",
    "keywords", "related data", "more conversations",
    // The boilerplate that closes a press release.
    "media contact", "media contacts", "press contact", "press contacts", "contact",
    "contacts", "notes to editors", "note to editors", "notes for editors",
    "forward-looking statements", "ends", "(end)", "end"};

// Headers naming the site's other content: "More Top Reads From X", "More from X".
constexpr std::array<std::string_view, 7> section_header_prefixes = {
    "more top reads", "top reads", "more from ", "more stories from ", "more news from ",
    "latest from ", "read more from "};

// Footer, account and app prompts; matched anywhere in a short line.
constexpr std::array<std::string_view, 25> utility_phrases = {
    "all rights reserved", "privacy policy", "terms of use", "terms of service",
    "terms and conditions", "cookie policy", "subscribe", "unsubscribe", "newsletter",
    "sign up", "sign in", "log in", "download the", "app store", "google play",
    "back to homepage", "back to top", "contact us", "about us", "advertise with us",
    "follow us", "skip to", "mailing list", "sent from my", "report an error"};

// Ad slots, which may sit between paragraphs of the article.
constexpr std::array<std::string_view, 11> ad_markers = {
    "advertisement", "advertisements", "ad", "sponsored", "sponsored content",
    "promoted", "paid content", "story continues below advertisement",
    "article continues below", "continue reading below", "scroll to continue with content"};

// Fields of an e-mail's header.
constexpr std::array<std::string_view, 8> mail_header_fields = {
    "from:", "to:", "cc:", "bcc:", "subject:", "date:", "sent:", "reply-to:"};

// Inline pointers to other stories: "Read more: ...", "Related: ...".
constexpr std::array<std::string_view, 16> inline_link_prefixes = {
    "read more:", "read also:", "also read:", "related:", "see also:", "read:", "watch:",
    "listen:", "more:", "tags:", "tagged:", "filed under:", "categories:", "keywords:",
    "attachment:", "attachments:"};

constexpr std::array<std::string_view, 10> credit_words = {
    "staff", "correspondent", "reporter", "reporters", "editor", "writer",
    "contributor", "columnist", "bureau", "photographer"};

constexpr std::array<std::string_view, 4> comment_verbs = {"said:", "says:", "wrote:",
                                                           "commented:"};

// First words of a line that introduces a quote rather than heading a reader's comment.
constexpr std::array<std::string_view, 14> quote_openers = {
    "on", "in", "at", "as", "by", "since", "during", "after", "before", "when", "the", "a",
    "an", "then"};

constexpr std::array<std::string_view, 14> relative_time_units = {
    "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day",    "days",    "week", "weeks", "month", "months"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& table, std::string_view word) {
    for (std::string_view entry : table)
        if (entry == word) return true;
    return false;
}

template <std::size_t N>
bool starts_with_any(std::string_view text, const std::array<std::string_view, N>& table) {
    for (std::string_view entry : table)
        if (text.starts_with(entry)) return true;
    return false;
}

// A phrase that starts a word of `text`: "sign in" matches "please sign in" but not
// "design in".
template <std::size_t N>
bool contains_phrase(std::string_view text, const std::array<std::string_view, N>& table) {
    for (std::string_view entry : table)
        for (std::size_t at = text.find(entry); at != std::string_view::npos;
             at = text.find(entry, at + 1))
            if (at == 0 || text[at - 1] == ' ') return true;
    return false;
}

// The comparison key without decoration around it: "- Advertisement -" -> "advertisement",
// "Hot this week:" -> "hot this week".
std::string_view cue_core(std::string_view key) {
    constexpr std::string_view decoration = " -:|*>#";
    while (!key.empty() && decoration.find(key.front()) != std::string_view::npos)
        key.remove_prefix(1);
    while (!key.empty() && decoration.find(key.back()) != std::string_view::npos)
        key.remove_suffix(1);
    return key;
}

bool ends_with_comment_verb(std::string_view key) {
    for (std::string_view verb : comment_verbs)
        if (key.ends_with(verb)) return true;
    return false;
}

bool is_comment_header(const LineInfo& line, std::string_view key) {
    if (line.word_count > 16 || !ends_with_comment_verb(key)) return false;
    if (line.bullet) return true;
    // "In a statement, the ministry said:" and "As Lincoln said:" introduce a quote; a
    // commenter's header is a name ("Dave R. says:") and perhaps a date or time
    // ("jane on March 4, 2023 said:").
    std::vector<std::string_view> words = split_words(key);
    if (contains(quote_openers, words.front())) return false;
    if (line.word_count <= 4) return true;  // "Dave R. says:"
    bool clock_time = false;
    for (std::size_t i = 1; i + 1 < key.size(); ++i)
        clock_time = clock_time || (key[i] == ':' && key[i - 1] >= '0' && key[i - 1] <= '9' &&
                                    key[i + 1] >= '0' && key[i + 1] <= '9');
    return clock_time || find_full_date(key).has_value();
}

bool is_comment_count(std::string_view core) {
    // "3 comments", "12 replies", "Read 214 Comments"
    for (std::string_view verb : {"read ", "view ", "show ", "see "})
        if (core.starts_with(verb)) core.remove_prefix(verb.size());
    std::size_t space = core.find(' ');
    if (space == std::string_view::npos || space == 0) return false;
    if (core.substr(0, space).find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    std::string_view rest = core.substr(space + 1);
    return rest == "comment" || rest == "comments" || rest == "replies" || rest == "reply";
}

bool is_byline(const LineInfo& line, std::string_view key) {
    if (line.sentence_end) return false;
    // "By Park Min-ji, Seoul correspondent | March 3, 2023"
    if (line.word_count <= short_line_max_words &&
        (key.starts_with("by ") || key.starts_with("written by ") ||
         key.starts_with("reporting by ")))
        return true;
    if (line.word_count > 8) return false;
    if (key.starts_with("photo") || key.starts_with("image:") || key.starts_with("credit:"))
        return true;
    if (line.word_count <= 6 && key.find('@') != std::string_view::npos) return true;
    if (line.word_count > 6) return false;
    for (std::string_view word : split_words(key))
        if (contains(credit_words, cue_core(word))) return true;
    return false;
}

bool is_dated_label(const LineInfo& line, std::string_view key) {
    return line.word_count <= short_line_max_words &&
           (key.starts_with("published") || key.starts_with("posted") ||
            key.starts_with("updated") || key.starts_with("date:") ||
            key.starts_with("first published")) &&
           find_full_date(line.text).has_value();
}

// "Last updated 22:40 KST": a live page's time stamp, with or without a date.
bool is_update_stamp(const LineInfo& line, std::string_view key) {
    return line.word_count <= 6 && key.starts_with("last updated");
}

bool is_cookie_notice(std::string_view key) {
    return key.find("cookie") != std::string_view::npos &&
           (key.find("accept") != std::string_view::npos ||
            key.find("consent") != std::string_view::npos ||
            key.find("agree") != std::string_view::npos ||
            key.find("we use") != std::string_view::npos);
}

// "(c) 2024 Yonhap" is a copyright line; "(c) the parties shall ..." is item (c) of a list.
bool is_copyright(std::string_view text, std::string_view key) {
    if (text.find("\xC2\xA9") != std::string_view::npos || key.starts_with("copyright")) return true;
    if (!key.starts_with("(c) ")) return false;
    std::string_view rest = key.substr(4);
    return !rest.empty() && ((rest.front() >= '0' && rest.front() <= '9') || rest.starts_with("copyright"));
}

void mark_bad(LineInfo& line, BadReason reason) {
    line.line_class = LineClass::bad;
    line.bad_reason = reason;
}

// A header of the list, also when it says when ("Popular Now", "Most Read Today").
bool is_section_header(std::string_view core) {
    if (contains(section_headers, core)) return true;
    for (std::string_view when : {" now", " today", " this week", " right now"})
        if (core.ends_with(when) && contains(section_headers, core.substr(0, core.size() - when.size()))) return true;
    return false;
}

// The class a line gets from its own text, before its neighbours are looked at.
void classify_alone(LineInfo& line, std::string_view key) {
    std::string_view core = cue_core(key);
    bool is_short = line.word_count <= short_line_max_words;
    bool short_unpunctuated = line.word_count <= 8 && !line.sentence_end;

    // A prompt starts with its phrase or is no sentence; "We all subscribe to these
    // principles." only mentions one.
    bool utility_prompt = is_short && contains_phrase(key, utility_phrases) &&
                          (!line.sentence_end || starts_with_any(core, utility_phrases));
    line.copyright = is_copyright(line.text, key);
    if (line.copyright || is_cookie_notice(key) || is_menu_bar(line.text) || utility_prompt) {
        mark_bad(line, BadReason::cue);
        return;
    }
    // "39 Comments" opens the comments: never a heading of the article.
    if (is_comment_count(core)) {
        mark_bad(line, BadReason::comment);
        return;
    }
    if (short_unpunctuated && (is_section_header(core) || starts_with_any(core, section_header_prefixes))) {
        mark_bad(line, BadReason::section_header);
        return;
    }
    bool ad_slot = contains(ad_markers, core) ||
                   (line.word_count <= 5 && core.find("advertisement") != std::string_view::npos);
    bool share_prompt = line.word_count <= 6 && (core.starts_with("share") ||
                                                 core.starts_with("click to share"));
    bool inline_link = line.word_count <= 20 && starts_with_any(core, inline_link_prefixes);
    // "Dear Rachel," and "Mr. President," open a letter or a speech: not labels.
    bool salutation = line.text.ends_with(',') || line.text.ends_with(':');
    bool label = line.word_count <= 2 && !line.sentence_end && !salutation;
    bool mail_header = starts_with_any(key, mail_header_fields);
    bool breadcrumb = line.word_count <= 12 && (key.find(" > ") != std::string_view::npos ||
                                                key.find(" \xE2\x80\xBA ") != std::string_view::npos ||
                                                key.find(" \xC2\xBB ") != std::string_view::npos);
    if (ad_slot || share_prompt || inline_link || is_rule(line.text) || breadcrumb || mail_header || is_byline(line, key) ||
        is_date_only(line.text) || is_dated_label(line, key) || is_update_stamp(line, key)) {
        line.line_class = LineClass::skip;
        return;
    }
    if (label) {
        line.line_class = LineClass::skip;
        line.label = true;
        // Figures make a label a price or a score; a section's number ("4. MODIFICATIONS")
        // does not.
        std::string_view named = trim(line.text);
        if (starts_with_list_number(named)) named.remove_prefix(named.find(' '));
        line.heading_like = named.find_first_of("0123456789") == std::string_view::npos;
        return;
    }
    if (looks_like_ticker(line.text, line.word_count)) {
        mark_bad(line, BadReason::figures);
        return;
    }
    // No headline runs to 30 words: a line that long in capitals is a clause of a licence
    // or a disclaimer, shouting.
    constexpr std::size_t headline_max_words = 30;
    bool paragraph = line.word_count >= paragraph_min_words && line.sentence_end &&
                     (!line.title_case || line.word_count > headline_max_words) && !line.bullet;
    // A bulleted headline ("- Seo Hun Says China Ready for Talks With the U.S.") is a link.
    bool bullet_point = line.bullet && line.word_count >= 6 && line.sentence_end && !line.title_case;
    line.line_class = paragraph || bullet_point ? LineClass::good : LineClass::neutral;
}

std::size_t next_non_blank(const std::vector<LineInfo>& lines, std::size_t from) {
    while (from < lines.size() && lines[from].line_class == LineClass::blank) ++from;
    return from;
}

bool starts_with_relative_time(std::string_view key) {
    std::vector<std::string_view> words = split_words(key);
    return words.size() >= 2 &&
           words[0].find_first_not_of("0123456789") == std::string_view::npos &&
           contains(relative_time_units, words[1]);
}

// A run of bullet items is a link list when most items are headlines (title case, not
// sentences) or start "3 minutes ...", "10 days ..."; items that are sentences (key
// points) or plain phrases ("Lee Okafor, survey lead") are the article's list.
void mark_bullet_link_lists(std::vector<LineInfo>& lines, const std::vector<std::string>& keys) {
    std::size_t i = 0;
    while (i < lines.size()) {
        if (!lines[i].bullet || lines[i].line_class == LineClass::bad) {
            ++i;
            continue;
        }
        std::vector<std::size_t> items;
        std::size_t j = i;
        while (j < lines.size() && lines[j].bullet && lines[j].line_class != LineClass::bad) {
            items.push_back(j);
            j = next_non_blank(lines, j + 1);
        }
        std::size_t headlines = 0;
        std::size_t timed = 0;
        for (std::size_t item : items) {
            if (lines[item].line_class != LineClass::good && lines[item].title_case) ++headlines;
            if (starts_with_relative_time(keys[item])) ++timed;
        }
        if (items.size() >= 2 && (2 * headlines > items.size() || 2 * timed > items.size()))
            for (std::size_t item : items) mark_bad(lines[item], BadReason::link_list);
        i = items.back() + 1;
    }
}

bool is_teaser(const LineInfo& line) {
    if (line.bullet || line.line_class == LineClass::blank) return false;
    if (ends_with_ellipsis(line.text)) return true;
    return line.sentence_end && !line.title_case && line.word_count <= 45 &&
           count_sentences(line.text) <= 2;
}

// Alternating headline / one- or two-sentence teaser lines are a list of other stories.
// Three pairs are needed, or two when a teaser is cut off with an ellipsis, because an
// article may alternate a subheading with a short paragraph once or twice.
void mark_teaser_lists(std::vector<LineInfo>& lines) {
    std::size_t i = next_non_blank(lines, 0);
    while (i < lines.size()) {
        std::vector<std::size_t> members;
        bool cut_off = false;
        std::size_t h = i;
        while (h < lines.size() && is_headline_like(lines[h])) {
            std::size_t t = next_non_blank(lines, h + 1);
            if (t >= lines.size() || !is_teaser(lines[t])) break;
            cut_off = cut_off || ends_with_ellipsis(lines[t].text);
            members.push_back(h);
            members.push_back(t);
            h = next_non_blank(lines, t + 1);
        }
        std::size_t pairs = members.size() / 2;
        // Numbered headlines over their descriptions are the article's own list ("5 books
        // to read": "1. The Coldest Winter, by ..." / "A sweeping narrative of ...").
        std::size_t numbered = 0;
        for (std::size_t m = 0; m < members.size(); m += 2)
            numbered += starts_with_list_number(lines[members[m]].text) ? 1 : 0;
        if ((pairs >= 3 || (pairs >= 2 && cut_off)) && 2 * numbered < pairs) {
            for (std::size_t member : members) mark_bad(lines[member], BadReason::link_list);
            i = h;
        } else {
            i = next_non_blank(lines, i + 1);
        }
    }
}

// The lines right under a section header up to the next blank line, when there are
// several and each is a headline, a teaser, a bulleted item or chrome ("Hot this week" over cut-off
// sentences and headlines), are the section's list. A line of another shape (a byline)
// means the block runs into the article.
bool mark_block_under_header(std::vector<LineInfo>& lines, std::size_t header) {
    constexpr std::size_t min_items = 2;
    std::size_t first = next_non_blank(lines, header + 1);
    std::size_t end = first;
    for (; end < lines.size() && lines[end].line_class != LineClass::blank; ++end) {
        const LineInfo& line = lines[end];
        if (line.line_class != LineClass::bad && !line.bullet && !is_headline_like(line) && !is_teaser(line))
            return false;
    }
    if (end - first < min_items) return false;
    for (std::size_t j = first; j < end; ++j)
        if (lines[j].line_class != LineClass::bad) mark_bad(lines[j], BadReason::link_list);
    return true;
}

// Below a section header, headlines that are followed by another headline (or by more
// chrome) are list items. The last headline before text of another shape is left alone:
// it may be the article's own title.
void mark_lists_under_headers(std::vector<LineInfo>& lines) {
    for (std::size_t header = 0; header < lines.size(); ++header) {
        if (lines[header].bad_reason != BadReason::section_header || mark_block_under_header(lines, header)) continue;
        std::size_t j = next_non_blank(lines, header + 1);
        while (j < lines.size()) {
            std::size_t next = next_non_blank(lines, j + 1);
            if (lines[j].line_class == LineClass::bad) {
                j = next;
                continue;
            }
            bool next_is_list_like = next >= lines.size() ||
                                     lines[next].line_class == LineClass::bad ||
                                     is_headline_like(lines[next]);
            if (!is_headline_like(lines[j]) || !next_is_list_like) break;
            mark_bad(lines[j], BadReason::link_list);
            j = next;
        }
    }
}

// Everything after a commenter's header ("Jane on June 21 2024 said:") is the comment,
// up to the next chrome that is not part of it.
void mark_comments(std::vector<LineInfo>& lines, const std::vector<std::string>& keys) {
    bool in_comment = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineInfo& line = lines[i];
        if (line.line_class == LineClass::blank || line.quoted) continue;
        if (is_comment_header(line, keys[i])) {
            in_comment = true;
            mark_bad(line, BadReason::comment);
        } else if (line.line_class == LineClass::bad && line.bad_reason != BadReason::comment) {
            in_comment = false;
        } else if (in_comment) {
            mark_bad(line, BadReason::comment);
        }
    }
}

// A block repeated within the page (the same headline list twice, a pasted teaser) is
// chrome wherever it occurs.
// A one- or two-word line used more than once ("News1" under every photo) is a credit or
// a kicker, not a heading nor a label of the text.
void mark_repeats(std::vector<LineInfo>& lines, const std::vector<std::string>& keys) {
    std::unordered_map<std::string_view, std::size_t> counts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].word_count >= repeated_min_words || lines[i].label) ++counts[keys[i]];
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].label && counts[keys[i]] > 1) lines[i].heading_like = lines[i].label = false;
        if (lines[i].word_count >= repeated_min_words && counts[keys[i]] > 1 &&
            lines[i].line_class != LineClass::bad)
            mark_bad(lines[i], BadReason::repeated);
    }
}

// E-mail quotes ("> ...") and the attribution above them ("On Mon, ... Jane wrote:") are
// another message's text: chrome, but not the end of the sender's own text around them.
// A signature ("-- " and the lines under it) is the sender's footer.
void mark_quotes_and_signatures(std::vector<LineInfo>& lines, const std::vector<std::string>& keys) {
    bool in_signature = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineInfo& line = lines[i];
        if (line.line_class == LineClass::blank) {
            in_signature = false;
            continue;
        }
        std::size_t next = next_non_blank(lines, i + 1);
        bool quote = line.text.starts_with('>');
        bool attribution = ends_with_comment_verb(keys[i]) && next < lines.size() &&
                           lines[next].text.starts_with('>');
        in_signature = in_signature || line.text == "--";
        if (quote || attribution || in_signature) {
            line.line_class = LineClass::skip;
            line.bad_reason = BadReason::none;
            line.heading_like = false;
            line.label = false;
            line.quoted = quote || attribution;
        }
    }
}

// Rows of a table drawn with '|' ("64000 | ftn | fidogate") come in runs of lines with
// the same number of bars; a menu bar stands alone. Rows are figures: text inside the
// article, chrome outside it.
void mark_table_rows(std::vector<LineInfo>& lines) {
    std::vector<std::size_t> bars(lines.size(), 0);
    for (std::size_t i = 0; i < lines.size(); ++i)
        bars[i] = static_cast<std::size_t>(std::count(lines[i].text.begin(), lines[i].text.end(), '|'));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (bars[i] < 2) continue;
        // Within two lines: a header row may sit over a "----+----" line.
        bool row = false;
        for (std::size_t j = i > 2 ? i - 2 : 0; j <= i + 2 && j < lines.size(); ++j)
            row = row || (j != i && bars[j] == bars[i]);
        if (row && lines[i].line_class == LineClass::bad) lines[i].bad_reason = BadReason::figures;
    }
}

// A rule sets off a footer ("-----" above "Razor-users mailing list") when chrome follows
// it closely or nothing of the article's shape does; a rule that underlines a heading
// ("Introduction" / "============") or divides sections of a text is the text's own.
void mark_footer_rules(std::vector<LineInfo>& lines) {
    constexpr std::size_t footer_lookahead = 6;
    for (std::size_t i = lines.size(); i-- > 0;) {
        LineInfo& line = lines[i];
        if (line.line_class != LineClass::skip || !is_rule(line.text)) continue;
        if (i > 0 && lines[i - 1].line_class != LineClass::blank && !is_rule(lines[i - 1].text)) continue;
        bool chrome_follows = false;
        bool text_follows = false;
        std::size_t seen = 0;
        for (std::size_t j = next_non_blank(lines, i + 1); j < lines.size(); j = next_non_blank(lines, j + 1)) {
            if (seen++ < footer_lookahead && ends_region(lines[j])) chrome_follows = true;
            if (lines[j].line_class == LineClass::good) text_follows = true;
            if (chrome_follows || (text_follows && seen >= footer_lookahead)) break;
        }
        if (chrome_follows || !text_follows) mark_bad(line, BadReason::cue);
    }
}

}  // namespace

// Short segments separated by '|', '·' or '›': a navigation bar on one line. A row of a
// table ("| 1718 | 2006 | ... |") is not one.
bool is_menu_bar(std::string_view text) {
    if (text.starts_with('|') && text.ends_with('|')) return false;
    // Most lines have no separator: count them before splitting the line into words.
    std::size_t marks = 0;
    for (std::string_view separator : {"|", "\xC2\xB7", "\xE2\x80\xBA"})
        for (std::size_t at = text.find(separator); at != std::string_view::npos && marks < 2;
             at = text.find(separator, at + 1))
            ++marks;
    if (marks < 2) return false;
    std::size_t bars = 0;
    const std::vector<std::string_view> words = split_words(text);
    for (std::string_view word : words)
        bars += word == "|" || word == "\xC2\xB7" || word == "\xE2\x80\xBA" ? 1 : 0;
    return bars >= 2 && words.size() <= 4 * (bars + 1);
}

bool ends_region(const LineInfo& line) {
    return line.line_class == LineClass::bad && line.bad_reason != BadReason::repeated &&
           line.bad_reason != BadReason::figures;
}

bool is_headline_like(const LineInfo& line) {
    if (line.line_class != LineClass::neutral && line.line_class != LineClass::bad) return false;
    if (line.bullet) return false;
    if (line.word_count < 3 || line.word_count > 30) return false;
    std::string_view end = without_closing_marks(line.text);
    if (end.empty() || ends_with_ellipsis(line.text)) return false;
    char last = end.back();
    // Some sites end headlines with a full stop; in title case they are still headlines.
    if (last == '.') return line.title_case;
    return last != ':' && last != ';' && last != ',';
}

std::vector<LineInfo> classify_lines(const std::vector<std::string_view>& raw_lines) {
    std::vector<LineInfo> lines(raw_lines.size());
    std::vector<std::string> keys(raw_lines.size());
    for (std::size_t i = 0; i < raw_lines.size(); ++i) {
        LineInfo& line = lines[i];
        line.text = trim(raw_lines[i]);
        if (line.text.empty()) continue;
        std::vector<std::string_view> words = split_words(line.text);
        line.word_count = words.size();
        line.bullet = starts_with_bullet(line.text);
        line.sentence_end = ends_sentence(line.text);
        line.title_case = is_title_case(words);
        keys[i] = comparison_key(line.text);
        classify_alone(line, keys[i]);
    }
    mark_table_rows(lines);
    mark_repeats(lines, keys);
    mark_quotes_and_signatures(lines, keys);
    mark_bullet_link_lists(lines, keys);
    mark_teaser_lists(lines);
    mark_lists_under_headers(lines);
    mark_footer_rules(lines);
    mark_comments(lines, keys);
    return lines;
}

}  // namespace corpus::indexer::segment_detail
