#include "searcher/query_builder.h"

#include "schema/analysis.h"

#include <optional>

namespace corpus::searcher {
namespace {

using schema::article_text;

class Builder {
public:
    // An empty optional: the node held no searchable word (punctuation only).
    Result<std::optional<Xapian::Query>> build(const QueryNode& node, bool positive) {
        switch (node.kind) {
        case QueryNode::Kind::words:
            return words(node, positive);
        case QueryNode::Kind::phrase:
            return phrase(node.words.at(0), positive);
        case QueryNode::Kind::near:
            return near(node, positive);
        case QueryNode::Kind::all:
            return all(node, positive);
        case QueryNode::Kind::any:
            return any(node, positive);
        case QueryNode::Kind::negate:
            break;
        }
        return make_error(ErrorCode::query_syntax, "NOT needs something to exclude from");
    }

    std::vector<HighlightPattern> highlights;

private:
    using Built = Result<std::optional<Xapian::Query>>;

    static Xapian::Query exact_sequence(const std::vector<schema::Token>& tokens) {
        if (tokens.size() == 1) return Xapian::Query(schema::exact_term(article_text, tokens[0].word));
        std::vector<Xapian::Query> terms;
        for (const schema::Token& token : tokens) terms.emplace_back(schema::exact_term(article_text, token.word));
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }

    void remember_sequence(const std::vector<schema::Token>& tokens, bool positive) {
        if (!positive) return;
        HighlightPattern pattern{false, {}};
        for (const schema::Token& token : tokens) pattern.words.push_back(token.word);
        highlights.push_back(std::move(pattern));
    }

    // Each typed word is ANDed; one that analysis splits ("Jong-un", "U.S.-led") is a phrase.
    Built words(const QueryNode& node, bool positive) {
        std::vector<Xapian::Query> parts;
        for (const std::string& typed : node.words) {
            std::vector<schema::Token> tokens = schema::tokenize(typed);
            if (tokens.empty()) continue;
            if (tokens.size() == 1) {
                parts.emplace_back(schema::stem_term(article_text, tokens[0].word));
                if (positive) highlights.push_back({true, {schema::stem(tokens[0].word)}});
            } else {
                parts.push_back(exact_sequence(tokens));
                remember_sequence(tokens, positive);
            }
        }
        if (parts.empty()) return std::optional<Xapian::Query>();
        if (parts.size() == 1) return std::optional(parts[0]);
        return std::optional(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    }

    Built phrase(const std::string& text, bool positive) {
        std::vector<schema::Token> tokens = schema::tokenize(text);
        if (tokens.empty()) return make_error(ErrorCode::query_syntax, "empty phrase \"" + text + "\"");
        remember_sequence(tokens, positive);
        return std::optional(exact_sequence(tokens));
    }

    Built near(const QueryNode& node, bool positive) {
        std::vector<Xapian::Query> operands;
        for (const QueryNode& child : node.children) {
            std::vector<schema::Token> tokens = schema::tokenize(child.words.at(0));
            if (tokens.size() != 1) {
                return make_error(ErrorCode::query_syntax,
                                  "NEAR joins single words; \"" + child.words.at(0) + "\" is not one word");
            }
            operands.emplace_back(schema::exact_term(article_text, tokens[0].word));
            remember_sequence(tokens, positive);
        }
        // Xapian's window counts the operands' own positions too.
        const auto window = static_cast<Xapian::termcount>(node.window + operands.size());
        return std::optional(Xapian::Query(Xapian::Query::OP_NEAR, operands.begin(), operands.end(), window));
    }

    Built all(const QueryNode& node, bool positive) {
        std::vector<Xapian::Query> required;
        std::vector<Xapian::Query> excluded;
        for (const QueryNode& child : node.children) {
            const bool negated = child.kind == QueryNode::Kind::negate;
            Built built = build(negated ? child.children.at(0) : child, positive && !negated);
            if (!built) return built;
            if (!built.value()) continue;
            (negated ? excluded : required).push_back(std::move(*built.value()));
        }
        if (required.empty() && excluded.empty()) return std::optional<Xapian::Query>();
        // A query of exclusions alone means "every article except".
        Xapian::Query positive_part = required.empty() ? Xapian::Query::MatchAll
                                      : required.size() == 1
                                          ? required[0]
                                          : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
        if (excluded.empty()) return std::optional(positive_part);
        Xapian::Query excluded_part = Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
        return std::optional(Xapian::Query(Xapian::Query::OP_AND_NOT, positive_part, excluded_part));
    }

    Built any(const QueryNode& node, bool positive) {
        std::vector<Xapian::Query> alternatives;
        for (const QueryNode& child : node.children) {
            Built built = child.kind == QueryNode::Kind::negate
                              ? all(QueryNode{QueryNode::Kind::all, {}, {child}}, positive)
                              : build(child, positive);
            if (!built) return built;
            if (built.value()) alternatives.push_back(std::move(*built.value()));
        }
        if (alternatives.empty()) return std::optional<Xapian::Query>();
        return std::optional(Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
    }
};

}  // namespace

Result<CompiledQuery> compile_query(const QueryNode& root) {
    Builder builder;
    Result<std::optional<Xapian::Query>> query =
        root.kind == QueryNode::Kind::negate ? builder.build(QueryNode{QueryNode::Kind::all, {}, {root}}, true)
                                             : builder.build(root, true);
    if (!query) return query.error();
    if (!query.value()) return make_error(ErrorCode::query_syntax, "the query has no searchable words");
    return CompiledQuery{std::move(*query.value()), std::move(builder.highlights)};
}

}  // namespace corpus::searcher
