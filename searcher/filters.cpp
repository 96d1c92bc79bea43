#include "searcher/filters.h"

#include "schema/analysis.h"
#include "schema/date.h"
#include "schema/fields.h"
#include "schema/names.h"
#include "schema/text.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace corpus::searcher {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

Result<FilteredQuery> apply_filters(const Xapian::Database& db, Xapian::Query query, const SearchRequest& request) {
    bool filtered = false;
    if (!request.persons.empty()) {
        std::vector<Xapian::Query> persons;
        for (const std::string& name : request.persons) {
            std::optional<Xapian::Query> person = schema::person_filter(db, name);
            if (!person) {
                return make_error(ErrorCode::usage, "--person \"" + name + "\" is not a Korean personal name",
                                  "give a full name, such as \"Yoon Suk Yeol\"");
            }
            persons.push_back(std::move(*person));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, persons.begin(), persons.end()));
        filtered = true;
    }
    if (!request.outlets.empty()) {
        std::vector<Xapian::Query> outlets;
        for (const std::string& outlet : request.outlets) {
            outlets.emplace_back(schema::boolean_term(schema::outlet_term, outlet));
        }
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, outlets.begin(), outlets.end()));
        filtered = true;
    }
    if (request.from || request.to) {
        // Unknown dates are stored as an empty value and so never fall inside a range.
        const std::string low = request.from ? request.from->sortable() : std::string("00000101");
        const std::string high = request.to ? request.to->sortable() : std::string("99991231");
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_date, low, high));
        filtered = true;
    }
    if (request.changed_after || request.changed_until) {
        // Stamps are whole seconds: after a second is from the next one on.
        const std::string low = request.changed_after
                                    ? schema::format_instant(*request.changed_after + std::chrono::seconds{1})
                                    : std::string("0");
        const std::string high = request.changed_until ? schema::format_instant(*request.changed_until)
                                                       : std::string("9999-12-31T23:59:59Z");
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_changed, low, high));
        filtered = true;
    }
    return FilteredQuery{std::move(query), filtered};
}

std::string unknown_filter_values(const Xapian::Database& db, const std::vector<std::string>& outlets,
                                  const std::vector<std::string>& persons) {
    for (const std::string& outlet : outlets) {
        const std::string term = schema::boolean_term(schema::outlet_term, outlet);
        if (db.get_termfreq(term) > 0) continue;
        const std::string prefix(schema::outlet_term.prefix);
        const std::string typed = term.substr(prefix.size());
        std::vector<std::pair<std::size_t, std::string>> known;  // (distance, term)
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            known.emplace_back(edit_distance(typed, (*it).substr(prefix.size())), *it);
        }
        std::sort(known.begin(), known.end());
        std::string closest;
        for (std::size_t i = 0; i < std::min<std::size_t>(3, known.size()); ++i) {
            // The display name, from an article of that outlet.
            const Xapian::docid article = *db.postlist_begin(known[i].second);
            closest += (i > 0 ? ", " : "") + db.get_document(article).get_value(schema::slot_outlet);
        }
        return "no article in the index is from the outlet \"" + schema::printable(outlet, 60) + "\"" +
               (closest.empty() ? std::string() : "; the closest outlets it holds: " + closest);
    }
    for (const std::string& name : persons) {
        const std::optional<Xapian::Query> person = schema::person_filter(db, name);
        if (person && person->empty()) {
            return "no article in the index mentions " + schema::printable(name, 60);
        }
    }
    return {};
}

}  // namespace corpus::searcher
