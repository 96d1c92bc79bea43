#include "schema/names.h"

#include "schema/fields.h"
#include "schema/name_spellings.h"

#include <xxhash.h>

#include <algorithm>
#include <cinttypes>
#include <cstdint>
#include <cstdio>

namespace corpus::schema {

std::string name_term(std::string_view hangul) {
    std::string term(name_term_prefix);
    term += hangul;
    return term;
}

std::vector<std::string> name_terms(const std::vector<std::string>& hangul) {
    std::vector<std::string> out;
    out.reserve(hangul.size());
    for (const std::string& h : hangul) out.push_back(name_term(h));
    return out;
}

const std::string& name_start_term() {
    static const std::string term = name_term("<");
    return term;
}

const std::string& name_end_term() {
    static const std::string term = name_term(">");
    return term;
}

std::vector<std::vector<std::string>> name_token_terms(const NameSpan& span) {
    std::vector<std::vector<std::string>> out;
    for (const std::vector<std::string>& readings : span.token_readings) out.push_back(name_terms(readings));
    return out;
}

std::vector<std::string> name_readings(const NameSpan& span) {
    std::vector<const std::vector<std::string>*> sets;
    for (const std::vector<std::string>& readings : span.token_readings) sets.push_back(&readings);
    std::vector<std::string> readings = combine_readings(sets, max_name_readings);
    std::sort(readings.begin(), readings.end());
    readings.erase(std::unique(readings.begin(), readings.end()), readings.end());
    return readings;
}

std::string name_set_term(const std::vector<std::string>& readings) {
    std::string joined;
    for (const std::string& reading : readings) {
        joined += reading;
        joined += '\n';
    }
    char digits[17];
    std::snprintf(digits, sizeof digits, "%016" PRIx64, static_cast<std::uint64_t>(XXH64(joined.data(), joined.size(), 0)));
    return std::string(name_set_prefix) + digits;
}

std::string name_reading_term(std::string_view reading, std::string_view set_term) {
    std::string term(name_reading_prefix);
    term += reading;
    term += '\t';
    term += set_term.substr(name_set_prefix.size());
    return term;
}

std::vector<NameMention> index_names(Xapian::Document& doc, std::string_view text, const std::vector<Token>& tokens,
                                     Xapian::termpos first_position, Xapian::termcount wdf, std::string_view prefix) {
    const std::string p(prefix);
    std::vector<NameMention> mentions;
    for (const NameSpan& span : find_names(text, tokens, NameContext::document)) {
        const Xapian::termpos at = first_position + static_cast<Xapian::termpos>(span.first);
        const std::vector<std::vector<std::string>> terms = name_token_terms(span);
        doc.add_posting(p + name_start_term(), at - 1, wdf);
        for (std::size_t k = 0; k < terms.size(); ++k) {
            for (const std::string& term : terms[k]) doc.add_posting(p + term, at + static_cast<Xapian::termpos>(k), wdf);
        }
        doc.add_posting(p + name_end_term(), at + static_cast<Xapian::termpos>(terms.size()), wdf);
        if (const std::vector<std::string> readings = name_readings(span); !readings.empty()) {
            const std::string set = name_set_term(readings);
            doc.add_term(p + set, wdf);
            // The article stream's readings lead a query to the set terms of both.
            if (p.empty()) {
                for (const std::string& reading : readings) doc.add_boolean_term(name_reading_term(reading, set));
            }
        }
        mentions.push_back({span.first, span.last, {person_key(span), name_surface(text, tokens, span)}});
    }
    return mentions;
}

}  // namespace corpus::schema
