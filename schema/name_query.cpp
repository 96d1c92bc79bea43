#include "schema/names.h"

#include "schema/fields.h"
#include "schema/name_spellings.h"

#include <algorithm>
#include <set>

namespace corpus::schema {
namespace {

// The slot of a run of units written as one word: every concatenation of their readings.
std::optional<std::vector<std::string>> joined_slot(const std::vector<const NameUnit*>& units) {
    std::vector<const std::vector<std::string>*> sets;
    for (const NameUnit* unit : units) sets.push_back(&unit->hangul);
    std::vector<std::string> readings = combine_readings(sets);
    if (readings.empty()) return std::nullopt;
    return name_terms(readings);
}

// The layouts of one reading of the name: surname `s`, given-name syllables `g`.
void add_layouts(const NameUnit& s, const std::vector<const NameUnit*>& g, std::set<NameForm>& forms) {
    const std::vector<std::string> surname_slot = name_terms(s.hangul);
    NameForm split;
    for (const NameUnit* unit : g) split.push_back(name_terms(unit->hangul));
    const std::optional<std::vector<std::string>> given_joined = g.size() > 1 ? joined_slot(g) : std::nullopt;

    NameForm korean{surname_slot};
    korean.insert(korean.end(), split.begin(), split.end());
    forms.insert(korean);
    NameForm western = split;
    western.push_back(surname_slot);
    forms.insert(western);
    if (given_joined) {
        forms.insert(NameForm{surname_slot, *given_joined});
        forms.insert(NameForm{*given_joined, surname_slot});
    }
    std::vector<const NameUnit*> all{&s};
    all.insert(all.end(), g.begin(), g.end());
    if (auto whole = joined_slot(all)) forms.insert(NameForm{*whole});
}

Xapian::Query slot_query(const std::vector<std::string>& terms) {
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

std::vector<NameForm> name_forms(const NameSpan& span) {
    std::set<NameForm> forms;
    NameForm as_written = name_token_terms(span);
    for (auto& slot : as_written) std::sort(slot.begin(), slot.end());
    forms.insert(std::move(as_written));
    for (const std::vector<NameUnit>& cutting : span.cuttings) {
        std::vector<const NameUnit*> units;
        for (const NameUnit& unit : cutting) units.push_back(&unit);
        if (span.surname_first && units.size() > 1) {
            add_layouts(*units.front(), std::vector<const NameUnit*>(units.begin() + 1, units.end()), forms);
        }
        if (span.surname_last && units.size() > 1) {
            add_layouts(*units.back(), std::vector<const NameUnit*>(units.begin(), units.end() - 1), forms);
        }
    }
    return {forms.begin(), forms.end()};
}

Xapian::Query name_query(const NameSpan& span) {
    std::vector<Xapian::Query> phrases;
    for (const NameForm& form : name_forms(span)) {
        std::vector<Xapian::Query> slots{Xapian::Query(name_start_term())};
        for (const std::vector<std::string>& slot : form) slots.push_back(slot_query(slot));
        slots.emplace_back(name_end_term());
        phrases.emplace_back(Xapian::Query::OP_PHRASE, slots.begin(), slots.end(),
                             static_cast<Xapian::termcount>(slots.size()));
    }
    return Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end());
}

std::optional<std::vector<std::string>> name_query_readings(const NameSpan& span) {
    std::set<std::string> readings;
    auto add = [&](const std::vector<const std::vector<std::string>*>& sets) {
        const std::vector<std::string> found = combine_readings(sets, max_name_readings);
        readings.insert(found.begin(), found.end());
        return !found.empty();
    };
    std::vector<const std::vector<std::string>*> as_typed;
    for (const std::vector<std::string>& token : span.token_readings) as_typed.push_back(&token);
    bool complete = add(as_typed);
    // Surname first and surname last, for each end the surname may stand at.
    auto add_orders = [&](const std::vector<NameUnit>& units, std::size_t surname_at) {
        std::vector<const std::vector<std::string>*> given;
        for (std::size_t k = 0; k < units.size(); ++k) {
            if (k != surname_at) given.push_back(&units[k].hangul);
        }
        std::vector<const std::vector<std::string>*> korean{&units[surname_at].hangul};
        korean.insert(korean.end(), given.begin(), given.end());
        std::vector<const std::vector<std::string>*> western = given;
        western.push_back(&units[surname_at].hangul);
        complete = add(korean) && complete;
        complete = add(western) && complete;
    };
    for (const std::vector<NameUnit>& units : span.cuttings) {
        if (span.surname_first && units.size() > 1) add_orders(units, 0);
        if (span.surname_last && units.size() > 1) add_orders(units, units.size() - 1);
    }
    if (!complete) return std::nullopt;
    return std::vector<std::string>(readings.begin(), readings.end());
}

Xapian::Query name_set_query(const Xapian::Database& db, const std::vector<std::string>& readings) {
    std::set<std::string> sets;
    for (const std::string& reading : readings) {
        const std::string prefix = std::string(name_reading_prefix) + reading + '\t';
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            sets.insert(std::string(name_set_prefix) + (*it).substr(prefix.size()));
        }
    }
    if (sets.empty()) return Xapian::Query::MatchNothing;
    std::vector<Xapian::Query> terms(sets.begin(), sets.end());
    // One name, however many spellings: weighted as one term.
    return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

bool form_matches(const NameForm& form, const NameSpan& document_span) {
    const std::vector<std::vector<std::string>> terms = name_token_terms(document_span);
    if (form.size() != terms.size()) return false;
    for (std::size_t k = 0; k < form.size(); ++k) {
        const bool meets = std::any_of(form[k].begin(), form[k].end(), [&](const std::string& term) {
            return std::find(terms[k].begin(), terms[k].end(), term) != terms[k].end();
        });
        if (!meets) return false;
    }
    return true;
}

std::optional<Xapian::Query> person_filter(const Xapian::Database& db, std::string_view name) {
    const std::optional<NameSpan> span = whole_name(name);
    if (!span) return std::nullopt;
    if (const std::optional<std::vector<std::string>> readings = name_query_readings(*span)) {
        return name_set_query(db, *readings);
    }
    return name_query(*span);
}

bool same_person(std::string_view a, std::string_view b, NameMatch how) {
    const std::vector<Token> a_tokens = tokenize(a);
    const std::vector<Token> b_tokens = tokenize(b);
    const std::vector<NameSpan> a_spans = find_names(a, a_tokens, NameContext::query);
    const std::vector<NameSpan> b_spans = find_names(b, b_tokens, NameContext::document);
    if (a_spans.size() != 1 || b_spans.size() != 1) return false;
    if (a_spans[0].first != 0 || a_spans[0].last + 1 != a_tokens.size()) return false;
    if (b_spans[0].first != 0 || b_spans[0].last + 1 != b_tokens.size()) return false;
    if (how == NameMatch::alone) {
        if (const std::optional<std::vector<std::string>> asked = name_query_readings(a_spans[0])) {
            const std::vector<std::string> article = name_readings(b_spans[0]);
            return std::any_of(asked->begin(), asked->end(), [&](const std::string& reading) {
                return std::binary_search(article.begin(), article.end(), reading);
            });
        }
    }
    const std::vector<NameForm> forms = name_forms(a_spans[0]);
    return std::any_of(forms.begin(), forms.end(),
                       [&](const NameForm& form) { return form_matches(form, b_spans[0]); });
}

std::string describe_names(std::string_view query) {
    const std::vector<Token> tokens = tokenize(query);
    std::string out;
    for (const NameSpan& span : find_names(query, tokens, NameContext::query)) {
        out += "name \"" + name_surface(query, tokens, span) + "\": person key \"" + person_key(span) + "\"; ";
        for (std::size_t k = 0; k < span.units.size(); ++k) {
            out += k > 0 ? " " : "";
            out += span.units[k].spelling + "=";
            for (std::size_t h = 0; h < span.units[k].hangul.size(); ++h) {
                out += (h > 0 ? "|" : "") + span.units[k].hangul[h];
            }
        }
        out += "; surname " + std::string(span.surname_first && span.surname_last ? "first or last"
                                          : span.surname_last                     ? "last"
                                                                                  : "first");
        out += "; " + std::to_string(name_forms(span).size()) + " layouts searched\n";
    }
    return out;
}

}  // namespace corpus::schema
