// NEAR, ADJ and SAME over phrases and names, which Xapian 1.4's own OP_NEAR and OP_PHRASE
// cannot take ("only currently support leaf subqueries"; an OR of phrases inside one
// silently matches nothing). A posting source that, for each document the operands' own
// queries let through, reads the operands' positions and checks how they lie.
#pragma once

#include "searcher/query_parser.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace corpus::searcher {

// One way an operand can be written in a text: consecutive slots, each any of its terms.
// The first `lead` and last `trail` slots are markers sharing positions with the words
// beside them (a name's start and end), not words of the operand.
struct TermSequence {
    std::vector<std::vector<std::string>> slots;
    std::size_t lead = 0;
    std::size_t trail = 0;
};

// An operand: any of its sequences.
using ProximityOperand = std::vector<TermSequence>;

struct ProximityRule {
    QueryNode::Proximity proximity;
    unsigned window;         // near, adj: words allowed between the operands, in all
    std::string block_end;   // same: the field's block-end term (schema::block_end_term)
};

// Matches the documents where the operands lie as `rule` says. Under an AND with the
// operands' own queries, which decide the candidates: Xapian then only asks it about
// those (check()), and it adds no weight.
class ProximityCheck : public Xapian::PostingSource {
public:
    ProximityCheck(std::vector<ProximityOperand> operands, ProximityRule rule);

    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return doccount_; }
    Xapian::doccount get_termfreq_max() const override { return doccount_; }
    void init(const Xapian::Database& db) override;
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }
    ProximityCheck* clone() const override;
    std::string name() const override;
    std::string serialise() const override;
    ProximityCheck* unserialise(const std::string& serialised) const override;
    std::string get_description() const override;

private:
    bool matches(Xapian::docid did) const;

    std::vector<ProximityOperand> operands_;
    ProximityRule rule_;
    Xapian::Database db_;
    Xapian::doccount doccount_ = 0;
    Xapian::docid last_ = 0;
    Xapian::docid current_ = 0;
};

// A registry that can rebuild queries holding a ProximityCheck (Query::unserialise).
const Xapian::Registry& proximity_registry();

}  // namespace corpus::searcher
