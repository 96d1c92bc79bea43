#include "schema/spelling_variants.h"

#include "schema/digest.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace corpus::schema {
namespace {

// Every word the indexer reads is looked up, and almost none is found: a word of a length
// no British word has is not hashed (half of running text is words of three letters or
// fewer), and an open-addressing table of hashes answers most other lookups from one
// slot, without comparing strings.
class VariantTable {
public:
    VariantTable() {
        std::size_t pairs = 0;
        for (char c : spelling_variants_tsv) pairs += c == '\n';
        // At most half full, so a probe for an absent word ends early.
        slots_.resize(std::bit_ceil(pairs * 2 + 1));
        std::string_view rest = spelling_variants_tsv;
        while (!rest.empty()) {
            const std::size_t tab = rest.find('\t');
            const std::size_t newline = rest.find('\n', tab);
            const std::string_view british = rest.substr(0, tab);
            insert(british, rest.substr(tab + 1, newline - tab - 1));
            shortest_ = std::min(shortest_, british.size());
            longest_ = std::max(longest_, british.size());
            rest.remove_prefix(newline + 1);
        }
    }

    std::string_view find(std::string_view word) const {
        if (word.size() < shortest_ || word.size() > longest_) return {};
        const std::uint64_t hash = XXH3_64bits(word.data(), word.size());
        for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
            const Slot& slot = slots_[i];
            if (slot.british.empty()) return {};
            if (slot.hash == hash && slot.british == word) return slot.american;
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::string_view british;
        std::string_view american;
    };

    std::size_t mask() const { return slots_.size() - 1; }

    void insert(std::string_view british, std::string_view american) {
        const std::uint64_t hash = XXH3_64bits(british.data(), british.size());
        std::size_t i = hash & mask();
        while (!slots_[i].british.empty()) i = (i + 1) & mask();
        slots_[i] = Slot{hash, british, american};
    }

    std::vector<Slot> slots_;
    std::size_t shortest_ = std::string_view::npos;
    std::size_t longest_ = 0;
};

}  // namespace

std::string_view american_spelling(std::string_view word) {
    static const VariantTable table;
    return table.find(word);
}

std::vector<std::string_view> american_spellings_starting(std::string_view prefix) {
    // The table is sorted by the British word: the lines starting so are one run.
    std::vector<std::string_view> out;
    std::string_view rest = spelling_variants_tsv;
    while (!rest.empty()) {
        const std::size_t tab = rest.find('\t');
        const std::size_t newline = rest.find('\n', tab);
        if (rest.substr(0, tab).starts_with(prefix)) {
            out.push_back(rest.substr(tab + 1, newline - tab - 1));
        } else if (!out.empty()) {
            break;
        }
        rest.remove_prefix(newline + 1);
    }
    return out;
}

const std::string& spelling_variants_fingerprint() {
    static const std::string fingerprint = hex_digest({spelling_variants_tsv});
    return fingerprint;
}

}  // namespace corpus::schema
