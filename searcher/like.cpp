#include "searcher/like.h"

#include "schema/analysis.h"
#include "schema/fields.h"
#include "schema/text.h"

#include <string_view>
#include <vector>

namespace corpus::searcher {
namespace {

// The article stream's stems and name sets (like.h says why these).
class ArticleTerms : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        return is_article_stem(term) || term.starts_with(schema::name_set_prefix);
    }

    // The stem marker, then a stem: a field's stems have the field's prefix after the
    // marker ("ZXCkim"), and prefixes are capitals while words are case-folded.
    static bool is_article_stem(std::string_view term) {
        if (!term.starts_with(schema::stem_marker) || term.size() == schema::stem_marker.size()) return false;
        const char first = term[schema::stem_marker.size()];
        return first < 'A' || first > 'Z';
    }
};

}  // namespace

Result<CompiledQuery> compile_like(const Xapian::Database& db, const std::string& id) {
    const std::string id_term = schema::exact_term(schema::id_term, id);
    const Xapian::PostingIterator article = db.postlist_begin(id_term);
    if (article == db.postlist_end(id_term)) {
        return make_error(ErrorCode::not_found, "--like: no article with id \"" + schema::printable(id, 200) + "\"");
    }
    // The docid is the combined database's, as the RSet of an Enquire over it wants.
    Xapian::RSet relevant;
    relevant.add_document(*article);
    const ArticleTerms decider;
    // Exact frequencies: over several shards Xapian otherwise estimates them, and a
    // sharded index would weigh the terms otherwise than the same articles in one.
    const Xapian::ESet expansion =
        Xapian::Enquire(db).get_eset(like_terms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    CompiledQuery compiled{Xapian::Query::MatchNothing, {}, true, false, {}, {}};
    std::vector<Xapian::Query> terms;
    for (Xapian::ESetIterator term = expansion.begin(); term != expansion.end(); ++term) {
        terms.emplace_back(*term);
        if (ArticleTerms::is_article_stem(*term)) {
            compiled.highlights.push_back({true, {(*term).substr(schema::stem_marker.size())}});
        }
    }
    compiled.query = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                   Xapian::Query(id_term));
    return compiled;
}

}  // namespace corpus::searcher
