#include "searcher/proximity.h"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>

namespace corpus::searcher {
namespace {

// Where one occurrence of an operand lies: its first and last word.
struct Span {
    Xapian::termpos first;
    Xapian::termpos last;
    bool operator<(const Span& other) const { return first != other.first ? first < other.first : last < other.last; }
    bool operator==(const Span& other) const = default;
    Xapian::termpos length() const { return last - first + 1; }
};

using Positions = std::vector<Xapian::termpos>;

class PositionReader {
public:
    PositionReader(const Xapian::Database& db, Xapian::docid did) : db_(db), did_(did) {}

    // The positions of any of `terms` in the document, sorted.
    Positions any_of(const std::vector<std::string>& terms) {
        Positions out;
        for (const std::string& term : terms) {
            const Positions& one = of(term);
            out.insert(out.end(), one.begin(), one.end());
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    const Positions& of(const std::string& term) {
        auto [it, added] = cache_.try_emplace(term);
        if (added) {
            for (auto pos = db_.positionlist_begin(did_, term); pos != db_.positionlist_end(did_, term); ++pos) {
                it->second.push_back(*pos);
            }
        }
        return it->second;
    }

private:
    const Xapian::Database& db_;
    Xapian::docid did_;
    std::map<std::string, Positions> cache_;
};

std::vector<Span> spans_of(const ProximityOperand& operand, PositionReader& reader) {
    std::vector<Span> spans;
    for (const TermSequence& sequence : operand) {
        std::vector<Positions> slots;
        for (const std::vector<std::string>& slot : sequence.slots) slots.push_back(reader.any_of(slot));
        if (slots.empty() || sequence.lead + sequence.trail >= slots.size()) continue;
        for (Xapian::termpos start : slots[0]) {
            bool whole = true;
            for (std::size_t k = 1; k < slots.size() && whole; ++k) {
                whole = std::binary_search(slots[k].begin(), slots[k].end(), start + static_cast<Xapian::termpos>(k));
            }
            if (whole) {
                spans.push_back({start + static_cast<Xapian::termpos>(sequence.lead),
                                 start + static_cast<Xapian::termpos>(slots.size() - 1 - sequence.trail)});
            }
        }
    }
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    return spans;
}

// Chooses one span per operand, from `k` on, so that the spans do not overlap, keep the
// written order when `ordered`, and leave at most `window` words between them in all.
class Placement {
public:
    Placement(const std::vector<std::vector<Span>>& spans, bool ordered, unsigned window)
        : spans_(spans), ordered_(ordered), window_(window) {
        // The longest span each operand still to place could add, for pruning.
        longest_after_.assign(spans.size() + 1, 0);
        for (std::size_t k = spans.size(); k-- > 0;) {
            Xapian::termpos longest = 0;
            for (const Span& span : spans[k]) longest = std::max(longest, span.length());
            longest_after_[k] = longest_after_[k + 1] + longest;
        }
    }

    bool possible() { return place(0); }

private:
    bool place(std::size_t k) {
        if (k == spans_.size()) return true;
        const std::vector<Span>& mine = spans_[k];
        // Only spans that can lie within the window of those chosen need a look.
        auto begin = mine.begin();
        if (!chosen_.empty()) {
            const std::uint64_t reach = std::uint64_t{window_} + longest_after_[k];
            const Xapian::termpos low = ordered_ ? chosen_.back().last + 1
                                                 : static_cast<Xapian::termpos>(first_ > reach ? first_ - reach : 0);
            begin = std::lower_bound(mine.begin(), mine.end(), Span{low, 0});
        }
        for (auto it = begin; it != mine.end(); ++it) {
            const Span& span = *it;
            if (!chosen_.empty() && span.first > last_ && span.first - last_ > window_ + longest_after_[k] + 1) break;
            if (overlaps(span)) continue;
            const Xapian::termpos first = chosen_.empty() ? span.first : std::min(first_, span.first);
            const Xapian::termpos last = chosen_.empty() ? span.last : std::max(last_, span.last);
            const std::uint64_t words = words_ + span.length();
            const std::uint64_t extent = std::uint64_t{last} - first + 1;
            // Operands still to place can fill gaps, at most by their longest spans.
            if (extent > words + window_ + longest_after_[k + 1]) continue;
            if (k + 1 == spans_.size() && extent - words > window_) continue;
            const Xapian::termpos saved_first = first_, saved_last = last_;
            const std::uint64_t saved_words = words_;
            chosen_.push_back(span);
            first_ = first;
            last_ = last;
            words_ = words;
            if (place(k + 1)) return true;
            chosen_.pop_back();
            first_ = saved_first;
            last_ = saved_last;
            words_ = saved_words;
        }
        return false;
    }

    bool overlaps(const Span& span) const {
        return std::any_of(chosen_.begin(), chosen_.end(),
                           [&](const Span& other) { return span.first <= other.last && other.first <= span.last; });
    }

    const std::vector<std::vector<Span>>& spans_;
    bool ordered_;
    std::uint64_t window_;
    std::vector<std::uint64_t> longest_after_;
    std::vector<Span> chosen_;
    Xapian::termpos first_ = 0;
    Xapian::termpos last_ = 0;
    std::uint64_t words_ = 0;
};

// Every operand has a span in one block: blocks end at the positions in `ends`.
bool in_one_block(const std::vector<std::vector<Span>>& spans, const Positions& ends) {
    std::vector<std::size_t> shared;
    for (std::size_t k = 0; k < spans.size(); ++k) {
        std::vector<std::size_t> blocks;
        for (const Span& span : spans[k]) {
            blocks.push_back(static_cast<std::size_t>(std::lower_bound(ends.begin(), ends.end(), span.first) - ends.begin()));
        }
        std::sort(blocks.begin(), blocks.end());
        blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
        if (k == 0) {
            shared = std::move(blocks);
        } else {
            std::vector<std::size_t> both;
            std::set_intersection(shared.begin(), shared.end(), blocks.begin(), blocks.end(), std::back_inserter(both));
            shared = std::move(both);
        }
        if (shared.empty()) return false;
    }
    return true;
}

// Serialisation: every string as its length, ':' and its bytes; numbers as strings.
void put(std::string& out, std::string_view text) {
    out += std::to_string(text.size());
    out += ':';
    out += text;
}

std::string get(std::string_view& in) {
    const std::size_t colon = in.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10) throw Xapian::NetworkError("bad ProximityCheck");
    std::size_t length = 0;
    for (char c : in.substr(0, colon)) {
        if (c < '0' || c > '9') throw Xapian::NetworkError("bad ProximityCheck");
        length = length * 10 + static_cast<std::size_t>(c - '0');
    }
    if (in.size() - colon - 1 < length) throw Xapian::NetworkError("bad ProximityCheck");
    std::string text(in.substr(colon + 1, length));
    in.remove_prefix(colon + 1 + length);
    return text;
}

std::size_t get_number(std::string_view& in) {
    const std::string text = get(in);
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) {
        throw Xapian::NetworkError("bad ProximityCheck");
    }
    return std::stoul(text);
}

}  // namespace

ProximityCheck::ProximityCheck(std::vector<ProximityOperand> operands, ProximityRule rule)
    : operands_(std::move(operands)), rule_(std::move(rule)) {}

void ProximityCheck::init(const Xapian::Database& db) {
    db_ = db;
    doccount_ = db.get_doccount();
    last_ = db.get_lastdocid();
    current_ = 0;
}

bool ProximityCheck::matches(Xapian::docid did) const {
    PositionReader reader(db_, did);
    std::vector<std::vector<Span>> spans;
    for (const ProximityOperand& operand : operands_) {
        spans.push_back(spans_of(operand, reader));
        if (spans.back().empty()) return false;
    }
    if (rule_.proximity == QueryNode::Proximity::same) return in_one_block(spans, reader.of(rule_.block_end));
    return Placement(spans, rule_.proximity == QueryNode::Proximity::adj, rule_.window).possible();
}

void ProximityCheck::next(double min_wt) {
    skip_to(current_ + 1, min_wt);
}

// Only reached when the matcher walks this source itself, which an AND with the
// operands' queries avoids: correct, but a look at every document.
void ProximityCheck::skip_to(Xapian::docid did, double) {
    current_ = std::max(current_, did);
    while (current_ <= last_) {
        try {
            if (matches(current_)) return;
        } catch (const Xapian::DocNotFoundError&) {
            // A deleted document: none of its positions.
        }
        ++current_;
    }
}

bool ProximityCheck::check(Xapian::docid did, double) {
    if (!matches(did)) return false;
    current_ = did;
    return true;
}

ProximityCheck* ProximityCheck::clone() const {
    return new ProximityCheck(operands_, rule_);
}

std::string ProximityCheck::name() const {
    return "corpus.ProximityCheck";
}

std::string ProximityCheck::serialise() const {
    std::string out;
    put(out, std::to_string(static_cast<int>(rule_.proximity)));
    put(out, std::to_string(rule_.window));
    put(out, rule_.block_end);
    put(out, std::to_string(operands_.size()));
    for (const ProximityOperand& operand : operands_) {
        put(out, std::to_string(operand.size()));
        for (const TermSequence& sequence : operand) {
            put(out, std::to_string(sequence.lead));
            put(out, std::to_string(sequence.trail));
            put(out, std::to_string(sequence.slots.size()));
            for (const std::vector<std::string>& slot : sequence.slots) {
                put(out, std::to_string(slot.size()));
                for (const std::string& term : slot) put(out, term);
            }
        }
    }
    return out;
}

ProximityCheck* ProximityCheck::unserialise(const std::string& serialised) const {
    std::string_view in = serialised;
    ProximityRule rule;
    const std::size_t proximity = get_number(in);
    if (proximity > static_cast<std::size_t>(QueryNode::Proximity::same)) throw Xapian::NetworkError("bad ProximityCheck");
    rule.proximity = static_cast<QueryNode::Proximity>(proximity);
    rule.window = static_cast<unsigned>(get_number(in));
    rule.block_end = get(in);
    std::vector<ProximityOperand> operands(get_number(in));
    for (ProximityOperand& operand : operands) {
        operand.resize(get_number(in));
        for (TermSequence& sequence : operand) {
            sequence.lead = get_number(in);
            sequence.trail = get_number(in);
            sequence.slots.resize(get_number(in));
            for (std::vector<std::string>& slot : sequence.slots) {
                slot.resize(get_number(in));
                for (std::string& term : slot) term = get(in);
            }
        }
    }
    return new ProximityCheck(std::move(operands), std::move(rule));
}

std::string ProximityCheck::get_description() const {
    const char* kind = rule_.proximity == QueryNode::Proximity::same ? "SAME"
                       : rule_.proximity == QueryNode::Proximity::adj ? "ADJ"
                                                                       : "NEAR";
    std::string out = std::string("ProximityCheck(") + kind;
    if (rule_.proximity != QueryNode::Proximity::same) out += "/" + std::to_string(rule_.window);
    out += ", " + std::to_string(operands_.size()) + " operands)";
    return out;
}

const Xapian::Registry& proximity_registry() {
    static const Xapian::Registry registry = [] {
        Xapian::Registry made;
        const ProximityCheck prototype({}, {QueryNode::Proximity::near, 0, {}});
        made.register_posting_source(prototype);
        return made;
    }();
    return registry;
}

}  // namespace corpus::searcher
