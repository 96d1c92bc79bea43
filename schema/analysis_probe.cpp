#include "schema/analysis.h"

#include "schema/digest.h"
#include "schema/person_facet.h"

namespace corpus::schema {
namespace {

// The probe article. Each line is there for a stage or a rule: a change to any of them
// shows in the terms, positions or persons of this text. A form the chain treats apart
// from the others belongs here when it is added.
constexpr std::string_view probe_title = "KIM JONG UN MEETS PUTIN AS U.S.-LED TALKS STALL";
constexpr std::string_view probe_body =
    "North Korean leader Kim Jong-un\u2019s visit: Kim Jong Un, Kim Jongun, Kim Jong Il and \uae40\uc815\uc740 "
    "met the UN, the U.N. and the DPRK's envoys in the U.S.-led talks, and US officials told us so.\n\n"
    "Yoon Suk Yeol, Yun S\u014fk-y\u014fl, Suk-yeol Yoon and \uc724\uc11d\uc5f4; \ub9ac\uc124\uc8fc, "
    "\uc774\uc124\uc8fc, Ri Sol Ju and Lee Seol-ju; Choe Ryong Hae, \ucd5c\ub8e1\ud574 and \ucd5c\uc6a9\ud574; "
    "Syngman Rhee, Sumi Jo and Jong Un Kim; Roh Moo-hyun and No Mu-hyeon; Thae Yong-ho and Yong-ho Thae; "
    "\ubc15\uc9c4 and Cho Hyun-ah, not Cho Hyun; Park Chan-wook\u2019s and Pak Ch\u2019an-uk's films.\n\n"
    "Chinese Premier Li Qiang, Li Hung Chang, Ho Chi Minh and Namazu Hiroyuki; In Kim Jong Un\u2019s words, "
    "Anna Lee said; So Kim Yo Jong left.\n\n"
    "The organisation\u2019s defence of colour: sanctions, sanctioned, visiting; don't, Orb\u00e1n, "
    "\uff2e\uff45\uff57\u00a0Delhi, 36,000 troops, 3.14, e.g. spamassassin.taint.org, jm@jmason.org, @nknews, "
    "Israel.Finally said.The end.";
// Chrome-only markers: for the stems of words the article lacks (nasdaq, KCNA), none for
// those it holds (kim, and visits: the article's visit).
constexpr std::string_view probe_chrome = "Hot this week: Nasdaq | KCNA visits | Skip to content\n\nKim Jong Un\u2019s sister";
constexpr std::string_view probe_outlet = "FN News Global";

}  // namespace

Xapian::Document analysis_probe() {
    Xapian::Document doc;
    add_person_facet(doc, index_article_text(doc, probe_title, probe_body, probe_chrome));
    doc.add_boolean_term(boolean_term(outlet_term, probe_outlet));
    return doc;
}

std::string document_digest(const Xapian::Document& doc) {
    // Every item is written with its length, so no two documents list alike.
    std::string listing;
    auto add = [&](std::string_view item) {
        listing += std::to_string(item.size());
        listing += ':';
        listing += item;
    };
    for (Xapian::TermIterator term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        add(*term);
        add(std::to_string(term.get_wdf()));
        for (Xapian::PositionIterator at = term.positionlist_begin(); at != term.positionlist_end(); ++at) {
            add(std::to_string(*at));
        }
        listing += '\n';
    }
    for (Xapian::ValueIterator value = doc.values_begin(); value != doc.values_end(); ++value) {
        add(std::to_string(value.get_valueno()));
        add(*value);
        listing += '\n';
    }
    return hex_digest({listing});
}

}  // namespace corpus::schema
