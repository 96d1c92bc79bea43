#include "schema/analysis.h"

#include "schema/digest.h"
#include "schema/english_words.h"
#include "schema/names.h"
#include "schema/spelling_variants.h"

#include <unicode/uversion.h>

namespace corpus::schema {

const std::string& analysis_fingerprint() {
    static const std::string fingerprint = std::string("icu=") + U_ICU_VERSION + ";stem=" + std::string(stem_language) +
                                           ";names=" + name_tables_fingerprint() +
                                           ";spelling=" + spelling_variants_fingerprint() +
                                           // The ordinary words tell a shouted word from an acronym.
                                           ";acronyms=" + hex_digest({english_words_10, english_words_20}) +
                                           ";probe=" + std::string(analysis_probe_digest);
    return fingerprint;
}

}  // namespace corpus::schema
