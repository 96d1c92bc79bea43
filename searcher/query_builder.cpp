#include "searcher/query_builder.h"

#include "schema/analysis.h"
#include "schema/names.h"
#include "schema/spelling_variants.h"
#include "schema/text.h"
#include "searcher/proximity.h"

#include <algorithm>
#include <optional>
#include <set>
#include <utility>

namespace corpus::searcher {
namespace {

using schema::article_text;
using schema::printable;
using schema::with_thousands;

class Builder {
public:
    Builder(const Xapian::Database& db, Scope scope, NameLookups& lookups) : db_(db), lookups_(lookups) {
        fields_.push_back(&article_text);
        if (scope == Scope::all) fields_.push_back(&schema::chrome_text);
    }

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
        case QueryNode::Kind::field:
            return field(node, positive);
        case QueryNode::Kind::negate:
            break;
        }
        return make_error(ErrorCode::query_syntax, "NOT needs something to exclude from");
    }

    std::vector<HighlightPattern> highlights;
    bool ranked = false;                // some part of the query that must match gives weight
    bool proximity_checks = false;      // the query holds a ProximityCheck (local indexes only)
    std::vector<std::string> outlets;   // named by outlet: (not under NOT)
    std::vector<std::string> persons;   // named by person: (not under NOT)

private:
    using Built = Result<std::optional<Xapian::Query>>;

    // The query `make` builds for one text field, in every field of the scope. Fields
    // number their positions apart, so a positional query never spans two of them.
    template <typename Make>
    Xapian::Query in_scope(Make make) const {
        if (fields_.size() == 1) return make(*fields_[0]);
        std::vector<Xapian::Query> each;
        for (const schema::Field* field : fields_) each.push_back(make(*field));
        return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
    }

    // Under AND or FILTER, Xapian 1.4 sometimes adds the weight of a branch of an OR of
    // positional queries whose positions do not match, and which documents get it depends
    // on how they are split into shards. So such an OR only decides what matches (weight
    // 0) and its words give the weight, which needs no positions: every layout scores alike.
    static Xapian::Query weighted_by_terms(const Xapian::Query& positional) {
        std::vector<std::string> terms;
        for (auto it = positional.get_unique_terms_begin(); it != positional.get_unique_terms_end(); ++it) {
            if (*it != schema::name_start_term() && *it != schema::name_end_term()) terms.push_back(*it);
        }
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, positional, 0),
                             Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }

    // A query's words. A name's words are words in any case: the UN of "KIM JONG UN" is
    // no acronym.
    std::vector<schema::Token> query_tokens(std::string_view text) {
        std::vector<schema::Token> tokens = schema::tokenize(text);
        if (std::none_of(tokens.begin(), tokens.end(),
                         [](const schema::Token& token) { return token.acronym == schema::Acronym::yes; })) {
            return tokens;
        }
        for (const schema::NameSpan& span : lookups_.names_in(text, tokens)) {
            for (std::size_t k = span.first; k <= span.last; ++k) tokens[k].acronym = schema::Acronym::no;
        }
        return tokens;
    }

    // The term a typed word asks for at its position: the acronym when typed as one (UN,
    // U.S.), else the word. A query written mostly in capitals reads as lower case
    // (Acronym::shouted): "NORTH KOREA" means the words, as it always has.
    static std::string term_for(const schema::Field& field, const schema::Token& token) {
        return token.acronym == schema::Acronym::yes ? schema::acronym_term(field, token.word)
                                                     : schema::exact_term(field, token.word);
    }

    static Xapian::Query sequence_in(const schema::Field& field, const std::vector<schema::Token>& tokens) {
        if (tokens.size() == 1) return Xapian::Query(term_for(field, tokens[0]));
        std::vector<Xapian::Query> terms;
        for (const schema::Token& token : tokens) terms.emplace_back(term_for(field, token));
        return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                             static_cast<Xapian::termcount>(terms.size()));
    }

    Xapian::Query exact_sequence(const std::vector<schema::Token>& tokens) const {
        return in_scope([&](const schema::Field& field) { return sequence_in(field, tokens); });
    }

    void remember_sequence(const std::vector<schema::Token>& tokens, bool positive) {
        if (!positive) return;
        HighlightPattern pattern{false, {}};
        for (const schema::Token& token : tokens) pattern.words.push_back(term_for(article_text, token));
        highlights.push_back(std::move(pattern));
    }

    // A name in a query is that person, found through the index's name sets (or, for a
    // name with too many readings to list, the name terms and the words as typed).
    Xapian::Query person(const schema::NameSpan& span, const std::vector<schema::Token>& tokens, bool positive) {
        const std::vector<schema::Token> typed(tokens.begin() + static_cast<std::ptrdiff_t>(span.first),
                                               tokens.begin() + static_cast<std::ptrdiff_t>(span.last) + 1);
        if (positive) {
            // One pattern: a snippet window showing the name in any spelling shows it.
            HighlightPattern pattern{false, {}, schema::name_forms(span)};
            for (const schema::Token& token : typed) pattern.words.push_back(token.word);
            highlights.push_back(std::move(pattern));
        }
        const std::optional<std::vector<std::string>> readings = schema::name_query_readings(span);
        if (!readings) {
            std::vector<Xapian::Query> alternatives{exact_sequence(typed)};
            for (const TermSequence& sequence : name_sequences(span, true, true)) alternatives.push_back(phrase_of(sequence));
            return weighted_by_terms(Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
        }
        Xapian::Query sets = lookups_.name_sets(db_, *readings);
        if (!names_prefix_.empty()) {
            // The title's set terms: the article's, after the title's prefix.
            std::vector<Xapian::Query> titled;
            for (auto it = sets.get_unique_terms_begin(); it != sets.get_unique_terms_end(); ++it) {
                titled.emplace_back(names_prefix_ + *it);
            }
            sets = titled.empty() ? Xapian::Query::MatchNothing
                                  : Xapian::Query(Xapian::Query::OP_SYNONYM, titled.begin(), titled.end());
        }
        // Names are recognised in the article only; the rest of the page (--scope all)
        // is searched for the words as typed.
        if (fields_.size() == 1) return sets;
        return Xapian::Query(Xapian::Query::OP_OR, sets, sequence_in(schema::chrome_text, typed));
    }

    // "sanctio*": the index's exact words that start so, in each field of the scope.
    // Expanded here, not by Xapian at match time, so that an expansion past the limit is
    // an error naming the wildcard before anything runs.
    Built wildcard(const std::string& typed, bool positive) {
        const std::string start = typed.substr(0, typed.size() - 1);
        const std::vector<schema::Token> tokens = schema::tokenize(start);
        if (tokens.size() != 1 || tokens[0].start != 0 || tokens[0].end != start.size()) {
            return make_error(ErrorCode::query_syntax,
                              "'*' ends a word of letters or digits, not \"" + printable(typed, 60) + "\"");
        }
        const std::string& word = tokens[0].word;
        const auto letters = std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; });
        if (letters < 2) {
            return make_error(ErrorCode::query_syntax,
                              "a wildcard needs at least two letters before '*', not \"" + printable(typed, 60) + "\"");
        }
        if (Status counted = count_words(1); !counted) return counted.error();
        std::vector<std::string> terms;
        std::set<std::string> words;
        for (const schema::Field* field : fields_) {
            const std::string prefix = schema::exact_term(*field, word);
            for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
                terms.push_back(*it);
                words.insert((*it).substr(field->prefix.size()));
                if (words.size() > max_wildcard_words) {
                    return make_error(ErrorCode::query_syntax,
                                      printable(typed, 60) + " matches more than " + with_thousands(max_wildcard_words) +
                                          " words",
                                      "give more letters before '*'");
                }
            }
        }
        // A British start ("organis*"): the index holds its words in American spelling.
        for (std::string_view american : schema::american_spellings_starting(word)) {
            for (const schema::Field* field : fields_) {
                const std::string term = schema::exact_term(*field, american);
                if (db_.get_termfreq(term) == 0 || std::find(terms.begin(), terms.end(), term) != terms.end()) continue;
                terms.push_back(term);
                words.insert(std::string(american));
            }
        }
        if (words.size() > max_wildcard_words) {
            return make_error(ErrorCode::query_syntax,
                              printable(typed, 60) + " matches more than " + with_thousands(max_wildcard_words) + " words",
                              "give more letters before '*'");
        }
        if (positive) {
            for (const std::string& expanded : words) highlights.push_back({false, {expanded}});
        }
        // No word starts so: a term that is in no article, so nothing matches.
        if (terms.empty()) return std::optional(Xapian::Query(schema::exact_term(article_text, word)));
        return std::optional(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }

    // Names are found in the run as a whole (they span typed words) and become one part
    // each; every other typed word is ANDed, and one that analysis splits ("U.S.-led")
    // is a phrase.
    Built words(const QueryNode& node, bool positive) {
        if (positive) ranked = true;
        if (node.words.size() == 1 && is_wildcard(node.words[0])) return wildcard(node.words[0], positive);
        std::string run;
        std::vector<std::size_t> word_starts;  // byte offset of each typed word in `run`
        for (const std::string& typed : node.words) {
            if (!run.empty()) run += ' ';
            word_starts.push_back(run.size());
            run += typed;
        }
        const std::vector<schema::Token> tokens = query_tokens(run);
        if (Status counted = count_words(tokens.size()); !counted) return counted.error();
        std::vector<Xapian::Query> parts;
        std::vector<bool> in_name(tokens.size(), false);
        for (const schema::NameSpan& span : lookups_.names_in(run, tokens)) {
            parts.push_back(person(span, tokens, positive));
            std::fill(in_name.begin() + static_cast<std::ptrdiff_t>(span.first),
                      in_name.begin() + static_cast<std::ptrdiff_t>(span.last) + 1, true);
        }
        std::vector<std::vector<schema::Token>> rest(node.words.size());
        for (std::size_t k = 0; k < tokens.size(); ++k) {
            if (in_name[k]) continue;
            const auto owner = std::upper_bound(word_starts.begin(), word_starts.end(), tokens[k].start) - 1;
            rest[static_cast<std::size_t>(owner - word_starts.begin())].push_back(tokens[k]);
        }
        for (const std::vector<schema::Token>& word_tokens : rest) {
            if (word_tokens.empty()) continue;
            if (word_tokens.size() == 1 && word_tokens[0].acronym == schema::Acronym::yes) {
                parts.push_back(exact_sequence(word_tokens));
                remember_sequence(word_tokens, positive);
            } else if (word_tokens.size() == 1) {
                const std::string& word = word_tokens[0].word;
                parts.push_back(in_scope([&](const schema::Field& field) {
                    return Xapian::Query(schema::stem_term(field, word));
                }));
                if (positive) highlights.push_back({true, {schema::stem(word)}, {}, word});
            } else {
                if (Status counted = count_positional(Positional::phrase); !counted) return counted.error();
                parts.push_back(exact_sequence(word_tokens));
                remember_sequence(word_tokens, positive);
            }
        }
        if (parts.empty()) return std::optional<Xapian::Query>();
        if (parts.size() == 1) return std::optional(parts[0]);
        return std::optional(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    }

    // The field names are searched in: the title's for title:, else the article stream.
    const schema::Field& names_field() const {
        return names_prefix_.empty() ? article_text : schema::title_text;
    }

    // The layouts of a name as term sequences, the name's start and end markers standing at
    // the edges asked for (a name inside a longer phrase has words on a side instead).
    std::vector<TermSequence> name_sequences(const schema::NameSpan& span, bool at_start, bool at_end) const {
        std::vector<TermSequence> out;
        for (const schema::NameForm& form : schema::name_forms(span)) {
            TermSequence sequence;
            if (at_start) {
                sequence.slots.push_back({names_prefix_ + schema::name_start_term()});
                sequence.lead = 1;
            }
            for (const std::vector<std::string>& slot : form) {
                std::vector<std::string> terms;
                for (const std::string& term : slot) terms.push_back(names_prefix_ + term);
                sequence.slots.push_back(std::move(terms));
            }
            if (at_end) {
                sequence.slots.push_back({names_prefix_ + schema::name_end_term()});
                sequence.trail = 1;
            }
            out.push_back(std::move(sequence));
        }
        return out;
    }

    static Xapian::Query phrase_of(const TermSequence& sequence) {
        std::vector<Xapian::Query> slots;
        for (const std::vector<std::string>& slot : sequence.slots) {
            slots.push_back(slot.size() == 1 ? Xapian::Query(slot[0])
                                             : Xapian::Query(Xapian::Query::OP_OR, slot.begin(), slot.end()));
        }
        if (slots.size() == 1) return slots[0];
        return Xapian::Query(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                             static_cast<Xapian::termcount>(slots.size()));
    }

    static TermSequence exact_in(const schema::Field& field, const std::vector<schema::Token>& tokens) {
        TermSequence sequence;
        for (const schema::Token& token : tokens) sequence.slots.push_back({term_for(field, token)});
        return sequence;
    }

    // Every way the words of `tokens` (a phrase's, or a proximity operand's) can be written
    // in `field`: the words as typed, and, in a field with names, each name among them in
    // any of its layouts (one sequence per combination).
    Result<std::vector<TermSequence>> sequences(const std::string& text, const std::vector<schema::Token>& tokens,
                                                const schema::Field& field) const {
        std::vector<TermSequence> out{exact_in(field, tokens)};
        if (field.prefix != names_field().prefix) return out;
        const std::vector<schema::NameSpan> spans = lookups_.names_in(text, tokens);
        if (spans.empty()) return out;
        // Each name multiplies the phrase's layouts, and each layout copies the phrase:
        // a phrase of 240 names took 24 s and 1.4 GB.
        if (spans.size() > max_names_in_phrase) {
            return make_error(ErrorCode::query_syntax,
                              "a phrase may name at most " + with_thousands(max_names_in_phrase) +
                                  " people; split \"" + printable(text, 60) + "\" into several phrases");
        }
        constexpr std::size_t max_layouts = 64;
        std::vector<TermSequence> layouts{{}};
        std::size_t next = 0;
        auto add_words = [&](std::size_t end) {
            for (; next < end; ++next) {
                for (TermSequence& layout : layouts) {
                    layout.slots.push_back({term_for(field, tokens[next])});
                }
            }
        };
        for (const schema::NameSpan& span : spans) {
            add_words(span.first);
            const bool at_start = span.first == 0;
            const bool at_end = span.last + 1 == tokens.size();
            std::vector<TermSequence> longer;
            for (const TermSequence& layout : layouts) {
                for (const TermSequence& name : name_sequences(span, at_start, at_end)) {
                    if (longer.size() == max_layouts) break;
                    TermSequence grown = layout;
                    grown.slots.insert(grown.slots.end(), name.slots.begin(), name.slots.end());
                    grown.lead += name.lead;
                    grown.trail = name.trail;
                    longer.push_back(std::move(grown));
                }
            }
            layouts = std::move(longer);
            next = span.last + 1;
        }
        add_words(tokens.size());
        out.insert(out.end(), layouts.begin(), layouts.end());
        return out;
    }

    // A phrase holding names also matches with each name in any of its layouts: one
    // phrase per combination, the name's start/end markers standing at the phrase's edges.
    Built phrase(const std::string& text, bool positive) {
        std::vector<schema::Token> tokens = query_tokens(text);
        if (tokens.empty()) return make_error(ErrorCode::query_syntax, "empty phrase \"" + text + "\"");
        if (Status counted = count_words(tokens.size()); !counted) return counted.error();
        if (Status counted = count_positional(Positional::phrase); !counted) return counted.error();
        return phrase_query(text, tokens, positive);
    }

    // A phrase's query, its words and phrases already counted.
    Built phrase_query(const std::string& text, const std::vector<schema::Token>& tokens, bool positive) {
        if (positive) ranked = true;
        const std::vector<schema::NameSpan> spans = lookups_.names_in(text, tokens);
        if (spans.size() == 1 && spans[0].first == 0 && spans[0].last + 1 == tokens.size()) {
            return std::optional(person(spans[0], tokens, positive));
        }
        remember_sequence(tokens, positive);
        if (spans.empty()) return std::optional(exact_sequence(tokens));
        if (positive) {
            for (const schema::NameSpan& span : spans) {
                highlights.push_back({false, {}, schema::name_forms(span), {}, false});
            }
        }
        Result<std::vector<TermSequence>> layouts = sequences(text, tokens, names_field());
        if (!layouts) return layouts.error();
        std::vector<Xapian::Query> alternatives;
        // In the scope's other fields (the page around the article) the words as typed.
        for (const schema::Field* field : fields_) {
            if (field->prefix != names_field().prefix) alternatives.push_back(sequence_in(*field, tokens));
        }
        for (const TermSequence& layout : layouts.value()) alternatives.push_back(phrase_of(layout));
        return std::optional(weighted_by_terms(Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end())));
    }

    // The text of a proximity operand and its words.
    static std::string operand_text(const QueryNode& child) {
        std::string text;
        for (const std::string& word : child.words) text += (text.empty() ? "" : " ") + word;
        return text;
    }

    // NEAR, ADJ and SAME. Between single words, NEAR and ADJ are Xapian's own OP_NEAR and
    // OP_PHRASE; with a phrase or a name on either side, or SAME, the operands' own
    // queries choose the candidates and a ProximityCheck reads their positions.
    Built near(const QueryNode& node, bool positive) {
        // Xapian checks every arrangement of the operands' positions: 999 operands took 64 s.
        if (node.children.size() > max_near_words) {
            return make_error(ErrorCode::query_syntax,
                              "NEAR, ADJ and SAME join at most " + with_thousands(max_near_words) + " words, phrases or names",
                              "split it into several joined by AND");
        }
        if (Status counted = count_positional(Positional::near); !counted) return counted.error();
        std::vector<std::vector<schema::Token>> operands;
        bool single_words = node.proximity != QueryNode::Proximity::same;
        for (const QueryNode& child : node.children) {
            const std::string text = operand_text(child);
            std::vector<schema::Token> tokens = query_tokens(text);
            if (tokens.empty()) {
                return make_error(ErrorCode::query_syntax,
                                  "\"" + printable(text, 60) + "\" has no word to look for near the others");
            }
            if (Status counted = count_words(tokens.size()); !counted) return counted.error();
            single_words = single_words && tokens.size() == 1 && child.kind == QueryNode::Kind::words &&
                           lookups_.names_in(text, tokens).empty();
            operands.push_back(std::move(tokens));
        }
        const auto words_between = static_cast<Xapian::termcount>(node.window);
        if (positive) ranked = true;
        if (single_words) {
            for (const std::vector<schema::Token>& tokens : operands) remember_sequence(tokens, positive);
            // Xapian's window counts the operands' own positions too.
            const auto window = static_cast<Xapian::termcount>(words_between + operands.size());
            const auto op = node.proximity == QueryNode::Proximity::adj ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR;
            return std::optional(in_scope([&](const schema::Field& field) {
                std::vector<Xapian::Query> terms;
                for (const std::vector<schema::Token>& tokens : operands) {
                    terms.emplace_back(term_for(field, tokens[0]));
                }
                return Xapian::Query(op, terms.begin(), terms.end(), window);
            }));
        }
        // The candidates: every operand matches, as a word, phrase or name.
        std::vector<Xapian::Query> candidates;
        for (std::size_t k = 0; k < operands.size(); ++k) {
            Built built = phrase_query(operand_text(node.children[k]), operands[k], positive);
            if (!built) return built;
            candidates.push_back(std::move(*built.value()));
        }
        const Xapian::Query all_operands(Xapian::Query::OP_AND, candidates.begin(), candidates.end());
        proximity_checks = true;
        std::vector<Xapian::Query> each_field;
        for (const schema::Field* field : fields_) {
            std::vector<ProximityOperand> checked;
            for (std::size_t k = 0; k < operands.size(); ++k) {
                Result<std::vector<TermSequence>> ways = sequences(operand_text(node.children[k]), operands[k], *field);
                if (!ways) return ways.error();
                checked.push_back(std::move(ways.value()));
            }
            ProximityRule rule{node.proximity, node.window, schema::block_end_term(*field)};
            each_field.emplace_back((new ProximityCheck(std::move(checked), std::move(rule)))->release());
        }
        const Xapian::Query check = each_field.size() == 1
                                        ? each_field[0]
                                        : Xapian::Query(Xapian::Query::OP_OR, each_field.begin(), each_field.end());
        return std::optional(Xapian::Query(Xapian::Query::OP_FILTER, all_operands, check));
    }

    // A filter: it decides what matches and adds no weight.
    static Xapian::Query weightless(const Xapian::Query& query) {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, 0);
    }

    Built field(const QueryNode& node, bool positive) {
        const std::string& value = node.words.at(0);
        switch (node.field) {
        case QueryNode::FieldName::title: {
            // The title's own terms (fields.h, title_text), names included.
            const std::vector<const schema::Field*> scope = std::exchange(fields_, {&schema::title_text});
            names_prefix_ = std::string(schema::title_text.prefix);
            const std::size_t lit_before = highlights.size();
            Built built = node.quoted ? phrase(value, positive) : words(QueryNode{QueryNode::Kind::words, {value}, {}}, positive);
            for (std::size_t k = lit_before; k < highlights.size(); ++k) highlights[k].listed = false;
            fields_ = scope;
            names_prefix_.clear();
            return built;
        }
        case QueryNode::FieldName::outlet: {
            const std::string term = schema::boolean_term(schema::outlet_term, value);
            if (term.size() == schema::outlet_term.prefix.size()) {
                return make_error(ErrorCode::query_syntax, "outlet:" + printable(value, 60) + " names no outlet",
                                  "write outlet:Yonhap or outlet:\"Korea Herald\"");
            }
            if (positive) outlets.push_back(value);
            return std::optional(weightless(Xapian::Query(term)));
        }
        case QueryNode::FieldName::person: {
            std::optional<Xapian::Query> filter = schema::person_filter(db_, value);
            if (!filter) {
                return make_error(ErrorCode::query_syntax,
                                  "person:" + printable(value, 60) + " is not a Korean personal name",
                                  "give a full name, such as person:\"Yoon Suk Yeol\"");
            }
            if (positive) persons.push_back(value);
            return std::optional(weightless(*filter));
        }
        case QueryNode::FieldName::date:
            // Undated articles have an empty date value, inside no range.
            return std::optional(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date,
                                               node.first_day.empty() ? std::string("00000101") : node.first_day,
                                               node.last_day.empty() ? std::string("99991231") : node.last_day));
        case QueryNode::FieldName::id:
            return std::optional(weightless(Xapian::Query(schema::exact_term(schema::id_term, value))));
        }
        return make_error(ErrorCode::query_syntax, "unknown field");
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

    // The parser counts the words as typed; analysis may split one ("Kim-Kim-...") into
    // thousands, and a phrase of 3,000 took Xapian 2 s: the limit holds for the words made.
    Status count_words(std::size_t words) {
        words_ += words;
        if (words_ > max_query_words) {
            return make_error(ErrorCode::query_syntax, "the query has more than " + with_thousands(max_query_words) +
                                                       " words once split at hyphens and punctuation",
                              "split it into several queries");
        }
        return Ok{};
    }

    // Phrases and NEARs cost the matcher a look at positions in every article holding
    // their words: an OR of 499 copies of "the of" took 10 s over 10,000 articles.
    enum class Positional { phrase, near };
    Status count_positional(Positional kind) {
        const bool near = kind == Positional::near;
        const std::size_t count = ++(near ? nears_ : phrases_);
        const std::size_t most = near ? max_query_nears : max_query_phrases;
        if (count > most) {
            return make_error(ErrorCode::query_syntax,
                              "the query has more than " + with_thousands(most) + (near ? " NEARs" : " phrases"),
                              "split it into several queries");
        }
        return Ok{};
    }

    const Xapian::Database& db_;
    NameLookups& lookups_;
    std::vector<const schema::Field*> fields_;
    std::string names_prefix_;  // before the name layer's terms: the title's prefix under title:
    std::size_t words_ = 0;    // analysed words of the query so far
    std::size_t phrases_ = 0;  // quoted phrases, and words analysis split ("U.S.-led")
    std::size_t nears_ = 0;
};

// Leaf terms, counted with repetition: each is a posting list the matcher opens.
std::size_t leaf_terms(const Xapian::Query& query) {
    const std::size_t subqueries = query.get_num_subqueries();
    if (subqueries == 0) return query.get_type() == Xapian::Query::LEAF_TERM ? 1 : 0;
    std::size_t leaves = 0;
    for (std::size_t i = 0; i < subqueries; ++i) leaves += leaf_terms(query.get_subquery(i));
    return leaves;
}

}  // namespace

const std::vector<schema::NameSpan>& NameLookups::names_in(std::string_view text, const std::vector<schema::Token>& tokens) {
    if (auto found = names_.find(text); found != names_.end()) return found->second;
    return names_.emplace(std::string(text), schema::find_names(text, tokens, schema::NameContext::query)).first->second;
}

const Xapian::Query& NameLookups::name_sets(const Xapian::Database& db, const std::vector<std::string>& readings) {
    if (auto found = sets_.find(readings); found != sets_.end()) return found->second;
    return sets_.emplace(readings, schema::name_set_query(db, readings)).first->second;
}

Result<CompiledQuery> compile_query(const QueryNode& root, const Xapian::Database& db, Scope scope, NameLookups* lookups) {
    NameLookups own;
    Builder builder(db, scope, lookups ? *lookups : own);
    Result<std::optional<Xapian::Query>> query =
        root.kind == QueryNode::Kind::negate ? builder.build(QueryNode{QueryNode::Kind::all, {}, {root}}, true)
                                             : builder.build(root, true);
    if (!query) return query.error();
    if (!query.value()) return make_error(ErrorCode::query_syntax, "the query has no searchable words");
    if (leaf_terms(*query.value()) > max_query_terms) {
        return make_error(ErrorCode::query_syntax,
                          "the query expands to more than " + with_thousands(max_query_terms) +
                              " terms (a name in a phrase becomes each of its spellings)",
                          "split it into several queries");
    }
    return CompiledQuery{std::move(*query.value()), std::move(builder.highlights), builder.ranked,
                         builder.proximity_checks,   std::move(builder.outlets),    std::move(builder.persons)};
}

}  // namespace corpus::searcher
