#include "searcher/query_parser.h"

#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/names.h"
#include "schema/text.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

namespace corpus::searcher {
namespace {

struct Lexeme {
    enum class Kind { word, phrase, field, open, close, op_and, op_or, op_not, op_near, end };
    Kind kind;
    std::string text;                    // a field's value, without its name
    unsigned near_distance = default_near_distance;
    QueryNode::Proximity proximity = QueryNode::Proximity::near;
    QueryNode field = {};  // field: the node it stands for
};

// Quote characters, as UTF-8: " and the curly “ ” „ that editors and phones produce.
constexpr std::string_view quote_marks[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"};

std::size_t quote_at(std::string_view text, std::size_t i) {
    for (std::string_view mark : quote_marks) {
        if (text.substr(i, mark.size()) == mark) return mark.size();
    }
    return 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Error syntax_error(std::string message, std::string hint = {}) {
    return make_error(ErrorCode::query_syntax, std::move(message), std::move(hint));
}

// NEAR, NEAR/n, ADJ, ADJ/n and SAME; nothing for any other word.
std::optional<Lexeme> proximity_operator(std::string_view word) {
    if (word == "SAME") return Lexeme{Lexeme::Kind::op_near, std::string(word), 0, QueryNode::Proximity::same};
    for (const auto& [name, proximity] : {std::pair{std::string_view("NEAR"), QueryNode::Proximity::near},
                                          std::pair{std::string_view("ADJ"), QueryNode::Proximity::adj}}) {
        if (word == name) return Lexeme{Lexeme::Kind::op_near, std::string(word), default_near_distance, proximity};
        if (word.size() > name.size() + 1 && word.starts_with(name) && word[name.size()] == '/' &&
            schema::whole_number(word.substr(name.size() + 1), 0, max_near_distance)) {
            const auto distance = *schema::whole_number(word.substr(name.size() + 1), 0, max_near_distance);
            return Lexeme{Lexeme::Kind::op_near, std::string(word), static_cast<unsigned>(distance), proximity};
        }
    }
    return std::nullopt;
}

// "NEAR/abc", "ADJ/1000", "SAME/3": an operator with a distance it cannot take.
bool malformed_operator(std::string_view word) {
    return word.starts_with("NEAR/") || word.starts_with("ADJ/") || word.starts_with("SAME/");
}

// Words in a phrase's text, as separated by white space: what the word limit counts.
std::size_t words_in(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        if (!is_space(c) && !in_word) ++words;
        in_word = !is_space(c);
    }
    return words;
}

// A '-' or '+' that starts a word, a phrase or a group: at the start of the query, or
// after white space or '('; and followed by what it applies to.
bool is_sign(std::string_view text, std::size_t i) {
    if (text[i] != '-' && text[i] != '+') return false;
    if (i + 1 >= text.size() || is_space(text[i + 1]) || text[i + 1] == ')') return false;
    return i == 0 || is_space(text[i - 1]) || text[i - 1] == '(';
}

// The number of letters before a colon at `i` ("title:" in "title:treaty"), or 0.
std::size_t field_name_length(std::string_view text, std::size_t i) {
    std::size_t letters = 0;
    while (i + letters < text.size() && is_letter(text[i + letters])) ++letters;
    return letters > 0 && i + letters < text.size() && text[i + letters] == ':' ? letters : 0;
}

constexpr std::string_view field_list = "title:, outlet:, person:, date: and id:";

// date:2024, date:2024-06, date:2024-06-18, and ranges of those with either end open.
Status read_date(std::string_view value, QueryNode& node) {
    auto bad = [&] {
        return syntax_error("date:" + schema::printable(value, 40) + " is not a date",
                            "write date:2024, date:2024-06, date:2024-06-18, or a range such as "
                            "date:2024-06-01..2024-06-30, date:2024-06.. or date:..2024-05");
    };
    const std::size_t dots = value.find("..");
    if (dots == std::string_view::npos) {
        const std::optional<schema::DatePeriod> period = schema::parse_date_period(value);
        if (!period) return bad();
        node.first_day = period->first;
        node.last_day = period->last;
        return Ok{};
    }
    const std::string_view from = value.substr(0, dots);
    const std::string_view to = value.substr(dots + 2);
    if (from.empty() && to.empty()) return bad();
    if (!from.empty()) {
        const std::optional<schema::DatePeriod> period = schema::parse_date_period(from);
        if (!period) return bad();
        node.first_day = period->first;
    }
    if (!to.empty()) {
        const std::optional<schema::DatePeriod> period = schema::parse_date_period(to);
        if (!period) return bad();
        node.last_day = period->last;
    }
    if (!node.first_day.empty() && !node.last_day.empty() && node.first_day > node.last_day) {
        return syntax_error("date:" + schema::printable(value, 40) + " ends before it starts",
                            "write the earlier date first");
    }
    return Ok{};
}

// '*' only ends a bare word, and '~' (fuzzy matching, which the engine lacks) nowhere:
// either would otherwise be dropped as punctuation, changing the query's meaning.
Status check_wildcards(std::string_view text, bool in_phrase) {
    const std::size_t star = text.find('*');
    if (star != std::string_view::npos && (in_phrase || star + 1 != text.size() || text.size() == 1)) {
        return make_error(ErrorCode::query_syntax,
                          "'*' only ends a word outside quotes (sanctio*), not \"" + schema::printable(text, 60) + "\"");
    }
    if (text.find('~') != std::string_view::npos) {
        return make_error(ErrorCode::query_syntax,
                          "'~' (fuzzy matching) is not supported: \"" + schema::printable(text, 60) + "\"",
                          "write the word as it is spelt, or its start with '*'");
    }
    return Ok{};
}

// A field at `i` whose name has `letters` letters and whose value follows the colon:
// appends its lexeme and returns where the text goes on.
Result<std::size_t> lex_field(std::string_view text, std::size_t i, std::size_t letters, std::vector<Lexeme>& out) {
    const std::string_view name = text.substr(i, letters);
    const std::optional<QueryNode::FieldName> field = field_named(name);
    if (!field) {
        return syntax_error("'" + schema::printable(name, 40) + ":' is not a search field; the fields are " +
                                std::string(field_list),
                            "to search for the text itself, put it in quotes");
    }
    const std::string label(field_label(*field));
    QueryNode node{QueryNode::Kind::field, {}, {}};
    node.field = *field;
    std::size_t j = i + letters + 1;
    if (const std::size_t open = quote_at(text, j)) {
        std::size_t k = j + open;
        std::size_t close = 0;
        while (k < text.size() && (close = quote_at(text, k)) == 0) ++k;
        if (k >= text.size()) return syntax_error("unbalanced quote: a phrase is opened but never closed");
        node.words.emplace_back(text.substr(j + open, k - j - open));
        node.quoted = true;
        j = k + close;
    } else if (text[j] == '(' || text[j] == ')') {
        return syntax_error(label + ": takes a word or a \"quoted phrase\", not brackets",
                            "write (" + label + ":a OR " + label + ":b)");
    } else {
        std::size_t k = j;
        while (k < text.size() && !is_space(text[k]) && text[k] != '(' && text[k] != ')' && quote_at(text, k) == 0) ++k;
        node.words.emplace_back(text.substr(j, k - j));
        j = k;
    }
    const std::string& value = node.words[0];
    if (value.find_first_not_of(" \t\r\n") == std::string::npos) {
        return syntax_error("'" + label + ":' needs a value", "write " + label + ":treaty or " + label + ":\"a phrase\"");
    }
    if (*field == QueryNode::FieldName::title) {
        if (Status plain = check_wildcards(value, node.quoted); !plain) return plain.error();
    } else if (value.find('*') != std::string::npos || value.find('~') != std::string::npos) {
        return syntax_error(label + ":" + schema::printable(value, 40) + ": '*' and '~' work only on words of the text",
                            "write the whole " + label);
    }
    if (*field == QueryNode::FieldName::date) {
        if (Status read = read_date(value, node); !read) return read.error();
    }
    out.push_back({Lexeme::Kind::field, value});
    out.back().field = std::move(node);
    return j;
}

Result<std::vector<Lexeme>> lex(std::string_view text) {
    if (text.size() > max_query_bytes) {
        return syntax_error("the query is longer than " + schema::with_thousands(max_query_bytes) + " bytes");
    }
    std::vector<Lexeme> out;
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
        } else if (is_sign(text, i)) {
            // -x excludes and +x requires, as in every other engine; a hyphen inside a
            // word ("U.S.-led") is no sign.
            if (text[i] == '-') out.push_back({Lexeme::Kind::op_not, "-"});
            ++i;
        } else if (text[i] == '(' || text[i] == ')') {
            out.push_back({text[i] == '(' ? Lexeme::Kind::open : Lexeme::Kind::close, std::string(1, text[i])});
            ++i;
        } else if (const std::size_t letters = field_name_length(text, i);
                   letters > 0 && i + letters + 1 < text.size() && !is_space(text[i + letters + 1])) {
            Result<std::size_t> end = lex_field(text, i, letters, out);
            if (!end) return end.error();
            words += out.back().field.quoted ? words_in(out.back().text) : 1;
            i = end.value();
        } else if (std::size_t open = quote_at(text, i)) {
            std::size_t j = i + open;
            std::size_t close = 0;
            while (j < text.size() && (close = quote_at(text, j)) == 0) ++j;
            if (j >= text.size()) return syntax_error("unbalanced quote: a phrase is opened but never closed");
            out.push_back({Lexeme::Kind::phrase, std::string(text.substr(i + open, j - i - open))});
            if (Status plain = check_wildcards(out.back().text, true); !plain) return plain.error();
            words += words_in(out.back().text);
            i = j + close;
        } else {
            std::size_t j = i;
            while (j < text.size() && !is_space(text[j]) && text[j] != '(' && text[j] != ')' && quote_at(text, j) == 0) {
                ++j;
            }
            std::string word(text.substr(i, j - i));
            if (word == "AND") {
                out.push_back({Lexeme::Kind::op_and, word});
            } else if (word == "OR") {
                out.push_back({Lexeme::Kind::op_or, word});
            } else if (word == "NOT") {
                out.push_back({Lexeme::Kind::op_not, word});
            } else if (std::optional<Lexeme> proximity = proximity_operator(word)) {
                out.push_back(std::move(*proximity));
            } else if (malformed_operator(word)) {
                // "NEAR/abc" was searched as the words "near" and "abc".
                return syntax_error("'" + schema::printable(word, 40) + "': the distance is a number of words from 0 to " +
                                        std::to_string(max_near_distance) + (word.starts_with("SAME") ? ", and SAME takes none" : ""),
                                    "write NEAR/5, ADJ/2 or SAME");
            } else if (word.size() > 1 && word.back() == ':' && field_named(word.substr(0, word.size() - 1))) {
                return syntax_error("'" + schema::printable(word, 40) + "' needs a value right after the colon",
                                    "write " + word + "treaty or " + word + "\"a phrase\"");
            } else {
                if (Status plain = check_wildcards(word, false); !plain) return plain.error();
                out.push_back({Lexeme::Kind::word, word});
                ++words;
            }
            i = j;
        }
        if (words > max_query_words) {
            return syntax_error("the query has more than " + schema::with_thousands(max_query_words) +
                                " words; split it into several queries");
        }
    }
    out.push_back({Lexeme::Kind::end, ""});
    return out;
}

class Parser {
public:
    explicit Parser(std::vector<Lexeme> lexemes) : lexemes_(std::move(lexemes)) {}

    Result<QueryNode> parse() {
        if (peek().kind == Lexeme::Kind::end) return syntax_error("empty query");
        Result<QueryNode> root = parse_or();
        if (!root) return root;
        if (peek().kind == Lexeme::Kind::close) return syntax_error("unbalanced parenthesis: ')' without '('");
        if (peek().kind != Lexeme::Kind::end) return syntax_error("unexpected '" + peek().text + "'");
        return root;
    }

private:
    const Lexeme& peek(std::size_t ahead = 0) const {
        return lexemes_[std::min(pos_ + ahead, lexemes_.size() - 1)];
    }
    const Lexeme& take() { return lexemes_[std::min(pos_++, lexemes_.size() - 1)]; }

    static bool starts_operand(Lexeme::Kind kind) {
        return kind == Lexeme::Kind::word || kind == Lexeme::Kind::phrase || kind == Lexeme::Kind::field ||
               kind == Lexeme::Kind::open || kind == Lexeme::Kind::op_not;
    }

    Error missing_operand(const std::string& after) const {
        if (peek().kind == Lexeme::Kind::end) return syntax_error("'" + after + "' needs something after it");
        return syntax_error("'" + after + "' cannot be followed by '" + peek().text + "'");
    }

    Result<QueryNode> parse_or() {
        Result<QueryNode> left = parse_and();
        if (!left) return left;
        if (peek().kind != Lexeme::Kind::op_or) return left;
        QueryNode any{QueryNode::Kind::any, {}, {std::move(left.value())}};
        while (peek().kind == Lexeme::Kind::op_or) {
            take();
            if (!starts_operand(peek().kind)) return missing_operand("OR");
            Result<QueryNode> right = parse_and();
            if (!right) return right;
            any.children.push_back(std::move(right.value()));
        }
        return any;
    }

    Result<QueryNode> parse_and() {
        QueryNode all{QueryNode::Kind::all, {}, {}};
        while (true) {
            if (peek().kind == Lexeme::Kind::op_and) {
                if (all.children.empty()) return syntax_error("'AND' needs something before it");
                take();
                if (!starts_operand(peek().kind)) return missing_operand("AND");
            }
            if (!starts_operand(peek().kind)) break;
            Result<QueryNode> operand = parse_not();
            if (!operand) return operand;
            if (operand->kind == QueryNode::Kind::all) {
                // "a b NEAR c" gave a AND (b NEAR c): one AND with the rest.
                for (QueryNode& child : operand->children) all.children.push_back(std::move(child));
            } else {
                all.children.push_back(std::move(operand.value()));
            }
        }
        if (all.children.empty()) {
            if (peek().kind == Lexeme::Kind::op_or) return syntax_error("'OR' needs something before it");
            if (peek().kind == Lexeme::Kind::op_near) {
                return syntax_error("'" + operator_name(peek()) + "' needs a word, phrase or name before it");
            }
            if (peek().kind == Lexeme::Kind::close) {
                return syntax_error(depth_ == 0 ? "unbalanced parenthesis: ')' without '('" : "empty parentheses");
            }
            return syntax_error("expected a word or phrase");
        }
        if (all.children.size() == 1 && all.children[0].kind != QueryNode::Kind::negate) {
            return std::move(all.children[0]);
        }
        return all;
    }

    Result<QueryNode> parse_not() {
        if (peek().kind != Lexeme::Kind::op_not) return parse_near();
        const std::string op = take().text;  // "NOT" or "-"
        if (!starts_operand(peek().kind)) return missing_operand(op);
        if (Status deeper = enter(); !deeper) return deeper.error();
        // "-missile test" excludes one word, as in other engines; NOT takes a run of
        // words, so that "NOT Kim Jong Un" excludes the name.
        Result<QueryNode> operand = op == "-" && peek().kind == Lexeme::Kind::word
                                        ? QueryNode{QueryNode::Kind::words, {take().text}, {}}
                                        : parse_not();
        --nesting_;
        if (!operand) return operand;
        if (operand->kind == QueryNode::Kind::negate) return std::move(operand->children[0]);  // NOT NOT x
        return QueryNode{QueryNode::Kind::negate, {}, {std::move(operand.value())}};
    }

    static std::string operator_name(const Lexeme& op) {
        switch (op.proximity) {
        case QueryNode::Proximity::near:
            return "NEAR";
        case QueryNode::Proximity::adj:
            return "ADJ";
        case QueryNode::Proximity::same:
            return "SAME";
        }
        return op.text;
    }

    // The words at the start of lexemes [from, to) that make the proximity operand before
    // or after an operator: a name the words spell ("Kim Jong Un NEAR/5 Putin" is about
    // the person), else the one word next to the operator.
    std::size_t operand_words(std::size_t from, std::size_t to, bool at_end) const {
        std::string run;
        std::vector<std::size_t> starts;  // of each typed word in `run`
        for (std::size_t k = from; k < to; ++k) {
            if (!run.empty()) run += ' ';
            starts.push_back(run.size());
            run += lexemes_[k].text;
        }
        const std::vector<schema::Token> tokens = schema::tokenize(run);
        const std::size_t words = to - from;
        std::size_t best = 1;
        for (const schema::NameSpan& span : schema::find_names(run, tokens, schema::NameContext::query)) {
            // Typed words the name covers, when it starts and ends on their edges.
            const auto first = std::find(starts.begin(), starts.end(), tokens[span.first].start);
            const std::size_t end = tokens[span.last].end;
            const bool ends_on_edge = end == run.size() || run[end] == ' ';
            if (first == starts.end() || !ends_on_edge) continue;
            const auto first_word = static_cast<std::size_t>(first - starts.begin());
            const auto last_word = static_cast<std::size_t>(
                std::upper_bound(starts.begin(), starts.end(), tokens[span.last].start) - starts.begin() - 1);
            if (at_end && last_word + 1 == words) best = std::max(best, words - first_word);
            if (!at_end && first_word == 0) best = std::max(best, last_word + 1);
        }
        return best;
    }

    // A run of words, or of words then a proximity chain: "a b NEAR c" is a AND (b NEAR c).
    Result<QueryNode> parse_near() {
        if (peek().kind == Lexeme::Kind::word) {
            std::size_t end = pos_;
            while (lexemes_[end].kind == Lexeme::Kind::word && !is_wildcard(lexemes_[end].text)) ++end;
            if (end == pos_ && lexemes_[end + 1].kind == Lexeme::Kind::op_near) {
                return syntax_error(operator_name(lexemes_[end + 1]) + " joins words, phrases or names, not a wildcard (" +
                                    schema::printable(peek().text, 60) + ")");
            }
            if (lexemes_[end].kind == Lexeme::Kind::op_near && end > pos_) {
                const std::size_t operand = operand_words(pos_, end, true);
                QueryNode before{QueryNode::Kind::words, {}, {}};
                while (pos_ < end - operand) before.words.push_back(take().text);
                QueryNode first{QueryNode::Kind::words, {}, {}};
                while (pos_ < end) first.words.push_back(take().text);
                Result<QueryNode> chain = parse_chain(std::move(first));
                if (!chain || before.words.empty()) return chain;
                return QueryNode{QueryNode::Kind::all, {}, {std::move(before), std::move(chain.value())}};
            }
        }
        const Lexeme::Kind kind = peek().kind;
        Result<QueryNode> first = parse_primary();
        if (!first) return first;
        if (peek().kind != Lexeme::Kind::op_near) return first;
        if (kind == Lexeme::Kind::open) {
            return syntax_error(operator_name(peek()) + " joins words, phrases or names, not a parenthesized group",
                                "write (a NEAR b) OR (c NEAR b)");
        }
        if (kind == Lexeme::Kind::field) {
            return syntax_error(operator_name(peek()) + " joins words, phrases or names, not a field",
                                "put the field beside it: title:treaty AND (a NEAR b)");
        }
        return parse_chain(std::move(first.value()));
    }

    // first ( NEAR|ADJ|SAME operand )*, one operator throughout.
    Result<QueryNode> parse_chain(QueryNode first) {
        QueryNode near{QueryNode::Kind::near, {}, {std::move(first)}};
        near.proximity = peek().proximity;
        near.window = peek().near_distance;
        while (peek().kind == Lexeme::Kind::op_near) {
            const Lexeme& op = take();
            if (op.proximity != near.proximity) {
                return syntax_error("'" + op.text + "' cannot follow another operator in the same chain",
                                    "join them with AND: (a NEAR b) AND (b ADJ c)");
            }
            near.window = std::max(near.window, op.near_distance);
            if (peek().kind == Lexeme::Kind::word && !is_wildcard(peek().text)) {
                std::size_t end = pos_;
                while (lexemes_[end].kind == Lexeme::Kind::word) ++end;
                const std::size_t operand = operand_words(pos_, end, false);
                QueryNode words{QueryNode::Kind::words, {}, {}};
                for (std::size_t k = 0; k < operand; ++k) words.words.push_back(take().text);
                near.children.push_back(std::move(words));
            } else if (peek().kind == Lexeme::Kind::phrase) {
                near.children.push_back({QueryNode::Kind::phrase, {take().text}, {}});
            } else if (peek().kind == Lexeme::Kind::word) {
                return syntax_error(operator_name(op) + " joins words, phrases or names, not a wildcard (" +
                                    schema::printable(peek().text, 60) + ")");
            } else {
                return syntax_error("'" + operator_name(op) + "' needs a word, phrase or name after it");
            }
        }
        return near;
    }

    Result<QueryNode> parse_primary() {
        const Lexeme& next = peek();
        switch (next.kind) {
        case Lexeme::Kind::open: {
            take();
            if (peek().kind == Lexeme::Kind::close) return syntax_error("empty parentheses");
            if (Status deeper = enter(); !deeper) return deeper.error();
            ++depth_;
            Result<QueryNode> inner = parse_or();
            --depth_;
            --nesting_;
            if (!inner) return inner;
            if (peek().kind != Lexeme::Kind::close) {
                return syntax_error("unbalanced parenthesis: '(' is never closed");
            }
            take();
            return inner;
        }
        case Lexeme::Kind::phrase:
            return QueryNode{QueryNode::Kind::phrase, {take().text}, {}};
        case Lexeme::Kind::field:
            return take().field;
        case Lexeme::Kind::word: {
            // A run of words stays together (names span words); a wildcard stands alone.
            QueryNode run{QueryNode::Kind::words, {take().text}, {}};
            if (is_wildcard(run.words[0])) return run;
            while (peek().kind == Lexeme::Kind::word && !is_wildcard(peek().text)) run.words.push_back(take().text);
            return run;
        }
        default:
            return syntax_error("expected a word or phrase, not '" + next.text + "'");
        }
    }

    // Each bracket and NOT is a level of recursion here, in the query builder and in
    // Xapian: past a limit, an error instead of a stack overflow.
    Status enter() {
        if (++nesting_ > max_query_depth) {
            return syntax_error("the query is nested deeper than " + schema::with_thousands(max_query_depth) +
                                " brackets and NOTs");
        }
        return Ok{};
    }

    std::vector<Lexeme> lexemes_;
    std::size_t pos_ = 0;
    int depth_ = 0;         // open parentheses around the current position
    unsigned nesting_ = 0;  // open parentheses and NOTs around the current position
};

void describe_into(const QueryNode& node, std::string& out) {
    auto join_children = [&](std::string_view separator) {
        out += '(';
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            if (i > 0) out += separator;
            describe_into(node.children[i], out);
        }
        out += ')';
    };
    switch (node.kind) {
    case QueryNode::Kind::words:
        for (std::size_t i = 0; i < node.words.size(); ++i) out += (i > 0 ? " " : "") + node.words[i];
        break;
    case QueryNode::Kind::phrase:
        out += '"' + node.words.at(0) + '"';
        break;
    case QueryNode::Kind::near:
        join_children(node.proximity == QueryNode::Proximity::same  ? std::string(" SAME ")
                      : node.proximity == QueryNode::Proximity::adj ? " ADJ/" + std::to_string(node.window) + " "
                                                                    : " NEAR/" + std::to_string(node.window) + " ");
        break;
    case QueryNode::Kind::field:
        out += std::string(field_label(node.field)) + ':';
        if (node.field == QueryNode::FieldName::date) {
            // As typed, in full: "date:2024-06" is 2024-06-01..2024-06-30.
            auto iso = [](const std::string& day) {
                return day.empty() ? day : day.substr(0, 4) + '-' + day.substr(4, 2) + '-' + day.substr(6, 2);
            };
            out += iso(node.first_day) + ".." + iso(node.last_day);
        } else {
            out += node.quoted ? '"' + node.words.at(0) + '"' : node.words.at(0);
        }
        break;
    case QueryNode::Kind::all:
        join_children(" AND ");
        break;
    case QueryNode::Kind::any:
        join_children(" OR ");
        break;
    case QueryNode::Kind::negate:
        out += "NOT ";
        describe_into(node.children.at(0), out);
        break;
    }
}

}  // namespace

std::optional<QueryNode::FieldName> field_named(std::string_view name) {
    std::string lower(name);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (auto field : {QueryNode::FieldName::title, QueryNode::FieldName::outlet, QueryNode::FieldName::person,
                       QueryNode::FieldName::date, QueryNode::FieldName::id}) {
        if (field_label(field) == lower) return field;
    }
    return std::nullopt;
}

std::string_view field_label(QueryNode::FieldName field) {
    switch (field) {
    case QueryNode::FieldName::title:
        return "title";
    case QueryNode::FieldName::outlet:
        return "outlet";
    case QueryNode::FieldName::person:
        return "person";
    case QueryNode::FieldName::date:
        return "date";
    case QueryNode::FieldName::id:
        return "id";
    }
    return "";
}

bool is_wildcard(std::string_view word) {
    return word.size() > 1 && word.back() == '*';
}

Result<QueryNode> parse_query(const std::string& text) {
    Result<std::vector<Lexeme>> lexemes = lex(text);
    if (!lexemes) return lexemes.error();
    return Parser(std::move(lexemes.value())).parse();
}

std::string describe(const QueryNode& node) {
    std::string out;
    describe_into(node, out);
    return out;
}

}  // namespace corpus::searcher
