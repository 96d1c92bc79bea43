// Hand-labelled pages and how a segmentation scores against them; used by the
// corpus-segment-eval tool and the segmentation tests. The file format is described in
// tests/data/segmentation/README.md:
//
//   # source: 000_4187df94d3ce0a80.txt      header lines, only before the first entry
//   C • 3 minutes e-car sales collapse        one entry per page line: label, space, line
//   T South Korea Warns Russia Over ...       T title, B body, C chrome
//   -                                         '-' for a blank or whitespace-only line
//
// The page is the entries' lines joined with '\n', byte for byte.
#pragma once

#include "indexer/segment.h"
#include "schema/result.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::indexer {

enum class LineLabel { blank, title, body, chrome };

struct LabelledPage {
    std::string source;  // the "# source:" header, empty if absent
    std::string page_text;
    std::vector<LineLabel> labels;  // one per page line
};

Result<LabelledPage> parse_labelled_page(std::string_view labelled_text);

// Line-level agreement of the predicted body with the B lines; blank lines are ignored,
// and a title line predicted as body counts as a false positive.
struct SegmentationScore {
    std::size_t true_positives = 0;
    std::size_t false_positives = 0;
    std::size_t false_negatives = 0;
    bool title_correct = false;
    std::string expected_title;

    double precision() const;  // 1 when nothing was predicted
    double recall() const;     // 1 when nothing was labelled body
};

SegmentationScore score_segmentation(const LabelledPage& page, const PageSegmentation& result);

}  // namespace corpus::indexer
