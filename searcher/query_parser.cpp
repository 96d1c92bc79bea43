#include "searcher/query_parser.h"

#include "schema/text.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace corpus::searcher {
namespace {

struct Lexeme {
    enum class Kind { word, phrase, open, close, op_and, op_or, op_not, op_near, end };
    Kind kind;
    std::string text;
    unsigned near_distance = default_near_distance;
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

Error syntax_error(std::string message) {
    return make_error(ErrorCode::query_syntax, std::move(message));
}

std::optional<unsigned> near_distance(std::string_view word) {
    if (word == "NEAR") return default_near_distance;
    if (!word.starts_with("NEAR/") || word.size() == 5 || word.size() > 8) return std::nullopt;
    unsigned n = 0;
    for (char c : word.substr(5)) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
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

// The length of "letters" before a colon at the start of `word` when something follows
// the colon, as in "title:treaty", "outlet:Yonhap" or title:"..." (`then` says whether the
// text goes on right after the word); else 0.
std::size_t field_prefix(std::string_view word, bool then) {
    std::size_t letters = 0;
    while (letters < word.size() && ((word[letters] >= 'a' && word[letters] <= 'z') ||
                                     (word[letters] >= 'A' && word[letters] <= 'Z'))) {
        ++letters;
    }
    return letters > 0 && letters < word.size() && word[letters] == ':' && (letters + 1 < word.size() || then)
               ? letters
               : 0;
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
            } else if (auto distance = near_distance(word)) {
                out.push_back({Lexeme::Kind::op_near, word, *distance});
            } else if (word.starts_with("NEAR/")) {
                // "NEAR/abc" was searched as the words "near" and "abc".
                return make_error(ErrorCode::query_syntax,
                                  "'" + schema::printable(word, 40) + "': NEAR's distance is a number of words from 0 to 999",
                                  "write NEAR/5");
            } else if (const std::size_t colon = field_prefix(word, j < text.size() && !is_space(text[j]))) {
                // Until the query has fields, "title:treaty" must not quietly become the
                // words "title treaty".
                return make_error(ErrorCode::query_syntax,
                                  "'" + schema::printable(word.substr(0, colon + 1), 40) + "' is not a search field",
                                  "use --outlet, --person, --from and --to; to search for the text itself, quote it");
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
        return kind == Lexeme::Kind::word || kind == Lexeme::Kind::phrase || kind == Lexeme::Kind::open ||
               kind == Lexeme::Kind::op_not;
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
            all.children.push_back(std::move(operand.value()));
        }
        if (all.children.empty()) {
            if (peek().kind == Lexeme::Kind::op_or) return syntax_error("'OR' needs something before it");
            if (peek().kind == Lexeme::Kind::op_near) return syntax_error("'NEAR' needs a word before it");
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

    Result<QueryNode> parse_near() {
        const bool grouped = peek().kind == Lexeme::Kind::open;
        Result<QueryNode> first = parse_primary();
        if (!first) return first;
        if (peek().kind != Lexeme::Kind::op_near) return first;
        if (grouped) {
            return syntax_error("NEAR joins words or phrases, not a parenthesized group");
        }
        QueryNode near{QueryNode::Kind::near, {}, {std::move(first.value())}};
        near.window = peek().near_distance;
        while (peek().kind == Lexeme::Kind::op_near) {
            near.window = std::max(near.window, take().near_distance);
            if (peek().kind == Lexeme::Kind::word) {
                near.children.push_back({QueryNode::Kind::words, {take().text}, {}});
            } else if (peek().kind == Lexeme::Kind::phrase) {
                near.children.push_back({QueryNode::Kind::phrase, {take().text}, {}});
            } else {
                return syntax_error("'NEAR' needs a word or phrase after it");
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
        case Lexeme::Kind::word: {
            // A run of words stays together (names span words), but the word right
            // before NEAR belongs to the NEAR.
            // A wildcard stands alone.
            QueryNode run{QueryNode::Kind::words, {take().text}, {}};
            if (is_wildcard(run.words[0])) return run;
            while (peek().kind == Lexeme::Kind::word && peek(1).kind != Lexeme::Kind::op_near &&
                   !is_wildcard(peek().text)) {
                run.words.push_back(take().text);
            }
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
        join_children(" NEAR/" + std::to_string(node.window) + " ");
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
