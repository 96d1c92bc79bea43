#include "indexer/segment.h"

#include "indexer/metadata_inference.h"
#include "indexer/segment_lines.h"
#include "indexer/segment_text.h"
#include "indexer/segment_wrap.h"

#include <algorithm>
#include <cctype>
#include <deque>

#include <string>

namespace corpus::indexer {
namespace {

using segment_detail::BadReason;
using segment_detail::LineClass;
using segment_detail::LineInfo;
using segment_detail::LineRole;
using segment_detail::PageLayout;

// How far above the first paragraph the headline is looked for, in non-blank lines, and
// how many single chrome lines ("Subscribe", a cookie notice) the search may step over.
constexpr std::size_t head_max_lines = 15;
constexpr std::size_t head_max_crossed_cues = 2;

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? end : end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

// A run of lines not interrupted by region-ending chrome, and the paragraph text in it.
struct Region {
    std::size_t first_good = 0;
    std::size_t last_good = 0;
    std::size_t end = 0;   // the last line before the chrome that ends the region
    std::size_t mass = 0;  // bytes of paragraph text
};

// A single line of footer or account wording between two paragraphs ("TERMS AND
// CONDITIONS" in a licence, "Sign up" in a sentence-less line of a speech) is a heading of
// the text, not the end of it: a page's own footer or menu comes as several such lines,
// or with lists, not wedged between paragraphs.
bool is_lone_cue(const std::vector<LineInfo>& lines, std::size_t i) {
    // A bar of links (share buttons under the article) is no heading.
    if (lines[i].bad_reason != BadReason::cue || segment_detail::is_menu_bar(lines[i].text)) return false;
    // A paragraph within two non-blank lines, with no other region-ending line between.
    auto paragraph_near = [&](std::size_t from, int step) {
        constexpr std::size_t lookaround = 2;
        std::size_t seen = 0;
        for (std::size_t j = from + step; j < lines.size() && seen < lookaround; j += step) {
            if (lines[j].line_class == LineClass::blank) continue;
            if (lines[j].line_class == LineClass::good) return true;
            if (segment_detail::ends_region(lines[j])) return false;
            ++seen;
        }
        return false;
    };
    return paragraph_near(i, -1) && paragraph_near(i, 1);
}

// Footer wording (copyright lines, "Copyright notice:" over them, a download prompt) is
// evidence of where a page ends, but paragraphs after it are evidence of more text: any
// copyright lines and rules, and up to this many other such lines, between paragraphs join
// the text on both sides. A link list, a list header or comments are never crossed, nor is
// a menu bar.
constexpr std::size_t crossable_cue_lines = 2;

// The region holding the most paragraph text is the article (boilerpipe's "largest
// block"); its mass, not its position, decides, so lists above or below do not matter.
// The article then takes in the regions beyond a few lines of footer wording: when in
// doubt, text is the article's.
std::optional<Region> find_article_region(const std::vector<LineInfo>& lines) {
    std::vector<Region> regions;
    // The region-ending lines after each region: how many besides copyright lines and
    // rules, and whether any is more than footer wording.
    std::vector<std::size_t> ending_lines;
    std::vector<bool> hard_end;
    Region current;
    bool has_good = false;
    auto close_region = [&](std::size_t end) {
        current.end = end;
        if (has_good) {
            regions.push_back(current);
            ending_lines.push_back(0);
            hard_end.push_back(false);
        }
        current = Region{};
        has_good = false;
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (segment_detail::ends_region(lines[i]) && !is_lone_cue(lines, i)) {
            close_region(i == 0 ? 0 : i - 1);
            if (!regions.empty()) {
                if (!lines[i].copyright && !segment_detail::is_rule(lines[i].text)) ++ending_lines.back();
                if (lines[i].bad_reason != BadReason::cue || segment_detail::is_menu_bar(lines[i].text)) hard_end.back() = true;
            }
        } else if (lines[i].line_class == LineClass::good) {
            if (!has_good) current.first_good = i;
            has_good = true;
            current.last_good = i;
            current.mass += lines[i].text.size();
        }
    }
    close_region(lines.empty() ? 0 : lines.size() - 1);
    if (regions.empty()) return std::nullopt;
    // Only lines before the first region end nothing: they are not between paragraphs.
    auto crossable = [&](std::size_t r) { return !hard_end[r] && ending_lines[r] <= crossable_cue_lines; };
    std::size_t best = 0;
    for (std::size_t r = 1; r < regions.size(); ++r)
        if (regions[r].mass > regions[best].mass) best = r;
    std::size_t first = best;
    std::size_t last = best;
    while (first > 0 && crossable(first - 1)) --first;
    while (last + 1 < regions.size() && crossable(last)) ++last;
    Region article = regions[last];
    article.first_good = regions[first].first_good;
    for (std::size_t r = first; r < last; ++r) article.mass += regions[r].mass;
    return article;
}

bool has_letter_or_digit(std::string_view text) {
    // Bytes of other scripts are letters here.
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || std::isalnum(byte);
    });
}

std::optional<std::size_t> previous_non_blank(const std::vector<LineInfo>& lines, std::size_t i) {
    while (i-- > 0)
        if (lines[i].line_class != LineClass::blank) return i;
    return std::nullopt;
}

// Lines above the first paragraph that may hold the headline, decks, captions and
// bylines: back to the previous region-ending chrome.
std::vector<std::size_t> collect_head(const std::vector<LineInfo>& lines, std::size_t first_good) {
    std::vector<std::size_t> head;
    std::size_t crossed_cues = 0;
    for (std::size_t i = first_good; i-- > 0 && head.size() < head_max_lines;) {
        const LineInfo& line = lines[i];
        if (line.line_class == LineClass::blank) continue;
        if (line.line_class == LineClass::good) break;
        if (line.line_class == LineClass::bad) {
            bool repeated_headline = line.bad_reason == BadReason::repeated &&
                                     segment_detail::is_headline_like(line);
            bool single_cue = line.bad_reason == BadReason::cue || line.bad_reason == BadReason::figures;
            if (single_cue && crossed_cues < head_max_crossed_cues) {
                ++crossed_cues;
                continue;
            }
            if (!repeated_headline) break;
        }
        head.insert(head.begin(), i);
    }
    return head;
}

// "Ministry of Foreign Affairs · Press Releases", "News › Politics": where the page sits.
bool is_breadcrumb(std::string_view text) {
    for (std::string_view separator : {" \xC2\xB7 ", " \xE2\x80\xBA ", " \xC2\xBB ", " > ", " / "})
        if (text.find(separator) != std::string_view::npos) return true;
    return false;
}

bool is_title_candidate(const LineInfo& line) {
    return !line.wrapped && !is_breadcrumb(line.text) && (line.line_class == LineClass::neutral || line.bad_reason == BadReason::repeated) &&
           segment_detail::is_headline_like(line);
}

bool has_copy_elsewhere(const std::vector<LineInfo>& lines, std::size_t index,
                        const std::vector<std::string>& keys) {
    const std::string& key = keys[index];
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (i != index && !keys[i].empty() && keys[i].find(key) != std::string::npos) return true;
    return false;
}

// The first headline-like line of the head, unless another one is repeated elsewhere on
// the page (a headline shown twice is the article's own: "North KoreaThe Fragile...").
std::optional<std::size_t> choose_title(const std::vector<LineInfo>& lines,
                                        const std::vector<std::size_t>& head) {
    std::vector<std::size_t> candidates;
    for (std::size_t i : head)
        if (is_title_candidate(lines[i])) candidates.push_back(i);
    // A line in capitals ("FOR IMMEDIATE RELEASE", "EXCLUSIVE") is a kicker when a
    // headline in ordinary case follows it.
    auto in_capitals = [&](std::size_t i) {
        return lines[i].text.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
    };
    if (std::any_of(candidates.begin(), candidates.end(), [&](std::size_t i) { return !in_capitals(i); }))
        std::erase_if(candidates, in_capitals);
    // A line stating a full date ("Embargoed until 00:01 GMT, Thursday 14 November 2024")
    // is a stamp, and the line under "NEWS PROVIDED BY" or "Posted by" is a credit: neither
    // is the headline when another line may be.
    auto stamp_or_credit = [&](std::size_t i) {
        if (segment_detail::find_full_date(lines[i].text)) return true;
        const std::optional<std::size_t> before = previous_non_blank(lines, i);
        if (!before) return false;
        const std::string above = segment_detail::ascii_lower(lines[*before].text);
        return above == "by" || above.ends_with(" by");
    };
    if (std::any_of(candidates.begin(), candidates.end(), [&](std::size_t i) { return !stamp_or_credit(i); }))
        std::erase_if(candidates, stamp_or_credit);
    if (candidates.empty()) return std::nullopt;
    std::vector<std::string> keys(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].line_class != LineClass::blank)
            keys[i] = segment_detail::comparison_key(lines[i].text);
    for (std::size_t candidate : candidates)
        if (has_copy_elsewhere(lines, candidate, keys)) return candidate;
    return candidates.front();
}

bool contains_title(const LineInfo& line, const std::string& title_key) {
    return !title_key.empty() &&
           segment_detail::comparison_key(line.text).find(title_key) != std::string::npos;
}

// The headline again, framed ("Home > World > <headline>", "<headline> | Outlet"): the
// headline is most of the line. A sentence or heading of the text that names what the
// title names ("6. Revised Versions of the GNU Lesser General Public License." under the
// licence's title) is not a copy of it.
bool repeats_title(const LineInfo& line, const std::string& title_key) {
    if (!contains_title(line, title_key)) return false;
    constexpr double least_share = 0.75;
    return static_cast<double>(title_key.size()) >= least_share * segment_detail::comparison_key(line.text).size();
}

PageLayout lay_out(std::vector<LineInfo> lines) {
    PageLayout layout;
    layout.roles.assign(lines.size(), LineRole::chrome);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].line_class == LineClass::blank) layout.roles[i] = LineRole::blank;

    if (std::optional<Region> region = find_article_region(lines)) {
        std::vector<std::size_t> head = collect_head(lines, region->first_good);
        layout.title_line = choose_title(lines, head);
        std::string title_key;
        if (layout.title_line) {
            layout.roles[*layout.title_line] = LineRole::title;
            title_key = segment_detail::comparison_key(lines[*layout.title_line].text);
        }
        // When in doubt, a line is the article's: in the region, every line without chrome
        // evidence is body; repeated lines only between paragraphs (a pull quote), not
        // after them (an author blurb repeated at the foot).
        auto is_body = [&](std::size_t i) {
            const LineInfo& line = lines[i];
            switch (line.line_class) {
                case LineClass::good: return true;
                case LineClass::neutral:
                    // Between paragraphs, only a copy of the headline is not the text's.
                    return i > region->first_good && i < region->last_good ? !repeats_title(line, title_key)
                                                                           : !contains_title(line, title_key);
                case LineClass::bad:
                    // Footer wording the article was joined across is its text.
                    return line.bad_reason == BadReason::figures || is_lone_cue(lines, i) ||
                           (line.bad_reason == BadReason::cue && i > region->first_good && i < region->last_good) ||
                           (line.bad_reason == BadReason::repeated && i < region->last_good &&
                            !contains_title(line, title_key));
                case LineClass::skip: {
                    // Between the article's paragraphs, its labels ("Status: removed"), a
                    // list's short items and a divider ("* * *", a rule) are its own; a
                    // label right under a list's item and no item itself is a tag.
                    std::optional<std::size_t> before = previous_non_blank(lines, i);
                    const bool inside = i > region->first_good && i < region->last_good;
                    const bool tag = before && lines[*before].bullet && !line.bullet;
                    if (inside && ((line.label && !tag) || !has_letter_or_digit(line.text))) return true;
                    // A heading, a run of short lines (a list of names) or a closing
                    // ("Thank you") after the article's text, or a heading underlined like
                    // one ("Introduction" over "============").
                    if (!line.heading_like) return false;
                    const bool underlined = i + 1 < lines.size() && segment_detail::is_rule(lines[i + 1].text);
                    return underlined ||
                           (before && layout.roles[*before] == LineRole::body && !lines[*before].bullet);
                }
                case LineClass::blank: return false;
            }
            return false;
        };
        // Decks and captions between the headline and the first paragraph are the
        // article's; without a headline, so is all of the head that is not chrome (a
        // salutation, a dateline).
        for (std::size_t i : head)
            if ((!layout.title_line || i > *layout.title_line) && is_body(i))
                layout.roles[i] = LineRole::body;
        for (std::size_t i = region->first_good; i <= region->end; ++i)
            if (is_body(i)) layout.roles[i] = LineRole::body;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (layout.roles[i] != LineRole::body) continue;
            if (!layout.first_body_line) layout.first_body_line = i;
            layout.last_body_line = i;
        }
    }
    layout.lines = std::move(lines);
    return layout;
}

}  // namespace

PageSegmentation segment_page(std::string_view page_text) {
    std::deque<std::string> joined;
    const std::vector<segment_detail::PageLine> page_lines =
        segment_detail::unwrap_lines(split_lines(page_text), joined);
    std::vector<std::string_view> texts;
    texts.reserve(page_lines.size());
    for (const segment_detail::PageLine& line : page_lines) texts.push_back(line.text);
    std::vector<LineInfo> lines = segment_detail::classify_lines(texts);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        lines[i].wrapped = page_lines[i].last_line != page_lines[i].first_line;
        // An e-mail's header is chrome where it stands: the message's text follows it. A
        // blank line above it stays blank (no block).
        if (page_lines[i].mail_header && lines[i].line_class != LineClass::blank) {
            lines[i].line_class = LineClass::skip;
            lines[i].bad_reason = BadReason::none;
            lines[i].heading_like = false;
            lines[i].label = false;
        }
    }
    PageLayout layout = lay_out(std::move(lines));

    PageSegmentation result;
    if (layout.title_line) {
        result.title_line = page_lines[*layout.title_line].first_line;
        result.title = std::string(layout.lines[*layout.title_line].text);
    }
    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        LineRole role = layout.roles[i];
        if (role == LineRole::blank || role == LineRole::title) continue;
        BlockKind kind = role == LineRole::body ? BlockKind::body : BlockKind::chrome;
        result.blocks.push_back(Block{kind, std::string(layout.lines[i].text),
                                      page_lines[i].first_line, page_lines[i].last_line});
    }
    result.outlet = infer_outlet(layout);
    result.date = infer_date(layout);
    return result;
}

}  // namespace corpus::indexer
