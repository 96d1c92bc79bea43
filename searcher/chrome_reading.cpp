#include "searcher/chrome_reading.h"

#include "schema/analysis.h"
#include "schema/fields.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace corpus::searcher {
namespace {

class ChromeFreeReader {
public:
    explicit ChromeFreeReader(const Xapian::Database& db) : db_(db) {}

    // `excluded`: the part is under NOT (an odd number of them), where no terms are needed.
    std::optional<ChromeFreeReading> read(const Xapian::Query& query, bool excluded = false) {
        using Query = Xapian::Query;
        switch (query.get_type()) {
        case Query::LEAF_TERM: {
            const std::string term = *query.get_unique_terms_begin();
            if (!schema::is_term_of(schema::chrome_text, term)) return ChromeFreeReading{atom('t', term), {}};
            return none_but(excluded ? std::vector<std::string>{} : std::vector<std::string>{term});
        }
        case Query::LEAF_MATCH_ALL:
            return ChromeFreeReading{"1", {}};
        case Query::LEAF_MATCH_NOTHING:
            return none_but({});
        case Query::OP_VALUE_RANGE:
        case Query::OP_VALUE_GE:
        case Query::OP_VALUE_LE:
            return ChromeFreeReading{atom('v', query.get_description()), {}};
        case Query::OP_SCALE_WEIGHT:
        case Query::OP_AND_MAYBE:  // only the first part decides what matches
            return read(query.get_subquery(0), excluded);
        case Query::OP_OR:
        case Query::OP_SYNONYM:
        case Query::OP_MAX:
            return read_any(parts_of(query, any_of_parts), excluded);
        case Query::OP_AND:
        case Query::OP_FILTER:
            return read_all(parts_of(query, all_of_parts), excluded);
        case Query::OP_AND_NOT:
            return read_and_not(query, excluded);
        case Query::OP_PHRASE:
        case Query::OP_NEAR:
            return read_positional(query, excluded);
        default:
            return std::nullopt;
        }
    }

private:
    enum Kind { any_of_parts, all_of_parts };

    static ChromeFreeReading none_but(std::vector<std::string> terms) {
        return ChromeFreeReading{std::string(ChromeFreeReading::nothing), std::move(terms)};
    }

    static std::string atom(char kind, std::string_view text) {
        return kind + std::to_string(text.size()) + ':' + std::string(text);
    }

    static bool is_chrome_term(const Xapian::Query& query) {
        return query.get_type() == Xapian::Query::LEAF_TERM &&
               schema::is_term_of(schema::chrome_text, *query.get_unique_terms_begin());
    }

    // The parts of `query`, and of its parts that combine theirs the same way.
    static std::vector<Xapian::Query> parts_of(const Xapian::Query& query, Kind kind) {
        std::vector<Xapian::Query> parts;
        for (std::size_t n = 0; n < query.get_num_subqueries(); ++n) {
            const Xapian::Query part = query.get_subquery(n);
            const Xapian::Query::op type = part.get_type();
            const bool same = kind == any_of_parts ? type == Xapian::Query::OP_OR || type == Xapian::Query::OP_SYNONYM ||
                                                         type == Xapian::Query::OP_MAX
                                                   : type == Xapian::Query::OP_AND || type == Xapian::Query::OP_FILTER;
            if (same) {
                const std::vector<Xapian::Query> inner = parts_of(part, kind);
                parts.insert(parts.end(), inner.begin(), inner.end());
            } else {
                parts.push_back(part);
            }
        }
        return parts;
    }

    // Parts' signatures as one, whatever their order.
    static std::string combined(char kind, std::vector<std::string> signatures) {
        std::sort(signatures.begin(), signatures.end());
        signatures.erase(std::unique(signatures.begin(), signatures.end()), signatures.end());
        if (signatures.size() == 1) return signatures[0];
        std::string out{kind, '('};
        for (const std::string& signature : signatures) out += signature + ',';
        return out + ')';
    }

    // The articles holding `terms`, summed: what keeping to them costs.
    Xapian::doccount cost(const std::vector<std::string>& terms) {
        Xapian::doccount sum = 0;
        for (const std::string& term : terms) {
            auto [at, added] = frequencies_.try_emplace(term, 0);
            if (added) at->second = db_.get_termfreq(term);
            sum += at->second;
        }
        return sum;
    }

    std::optional<ChromeFreeReading> read_any(const std::vector<Xapian::Query>& parts, bool excluded) {
        std::set<std::string> article_terms;
        for (const Xapian::Query& part : parts) {
            if (part.get_type() == Xapian::Query::LEAF_TERM && !is_chrome_term(part)) {
                article_terms.insert(*part.get_unique_terms_begin());
            }
        }
        ChromeFreeReading out;
        std::vector<std::string> signatures;
        for (const Xapian::Query& part : parts) {
            if (is_chrome_term(part)) {
                const std::string term = *part.get_unique_terms_begin();
                std::optional<std::string> marker = schema::chrome_only_term(term);
                if (marker && article_terms.contains(schema::article_counterpart(term))) {
                    if (!excluded) out.terms.push_back(std::move(*marker));
                    continue;
                }
            }
            std::optional<ChromeFreeReading> reading = read(part, excluded);
            if (!reading) return std::nullopt;
            out.terms.insert(out.terms.end(), reading->terms.begin(), reading->terms.end());
            if (reading->signature != ChromeFreeReading::nothing) signatures.push_back(std::move(reading->signature));
        }
        out.signature = signatures.empty() ? std::string(ChromeFreeReading::nothing) : combined('|', std::move(signatures));
        return out;
    }

    // Parts that must all match: one matching no article without its terms is enough.
    std::optional<ChromeFreeReading> read_all(const std::vector<Xapian::Query>& parts, bool excluded) {
        std::optional<ChromeFreeReading> none;
        std::vector<std::optional<ChromeFreeReading>> readings;
        for (const Xapian::Query& part : parts) {
            std::optional<ChromeFreeReading> reading = read(part, excluded);
            if (reading && reading->signature == ChromeFreeReading::nothing) {
                if (!none || cost(reading->terms) < cost(none->terms)) none = std::move(reading);
            } else {
                readings.push_back(std::move(reading));
            }
        }
        if (none) return none;
        ChromeFreeReading out;
        std::vector<std::string> signatures;
        for (std::optional<ChromeFreeReading>& reading : readings) {
            if (!reading) return std::nullopt;
            out.terms.insert(out.terms.end(), reading->terms.begin(), reading->terms.end());
            signatures.push_back(std::move(reading->signature));
        }
        out.signature = combined('&', std::move(signatures));
        return out;
    }

    std::optional<ChromeFreeReading> read_and_not(const Xapian::Query& query, bool excluded) {
        std::optional<ChromeFreeReading> kept = read(query.get_subquery(0), excluded);
        if (!kept || kept->signature == ChromeFreeReading::nothing) return kept;
        std::vector<Xapian::Query> parts;
        for (std::size_t n = 1; n < query.get_num_subqueries(); ++n) parts.push_back(query.get_subquery(n));
        std::optional<ChromeFreeReading> dropped = read_any(parts, !excluded);
        if (!dropped) return std::nullopt;
        kept->terms.insert(kept->terms.end(), dropped->terms.begin(), dropped->terms.end());
        if (dropped->signature != ChromeFreeReading::nothing) {
            kept->signature = "-(" + kept->signature + ',' + dropped->signature + ')';
        }
        return kept;
    }

    // A phrase or NEAR matches only where every part does.
    std::optional<ChromeFreeReading> read_positional(const Xapian::Query& query, bool excluded) {
        std::optional<ChromeFreeReading> all = read_all(parts_of(query, all_of_parts), excluded);
        if (!all || all->signature == ChromeFreeReading::nothing) return all;
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
            if (schema::is_term_of(schema::chrome_text, *it)) return std::nullopt;
        }
        return ChromeFreeReading{atom('p', query.get_description()), {}};
    }

    const Xapian::Database& db_;
    std::map<std::string, Xapian::doccount> frequencies_;
};

}  // namespace

std::optional<ChromeFreeReading> read_without_chrome(const Xapian::Database& db, const Xapian::Query& query) {
    return ChromeFreeReader(db).read(query);
}

}  // namespace corpus::searcher
