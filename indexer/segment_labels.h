// Hand-labelled pages and how a segmentation scores against them; used by the
// corpus-segment-eval tool and the segmentation tests. The file format is described in
// tests/data/segmentation/README.md, the unseen set in tests/data/segmentation/unseen/:
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

#include <array>
#include <cstddef>
#include <filesystem>
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

// The evaluation corpus under a labels folder: its own *.labels are the set "seeds" (kind
// "seed"); unseen/<kind>/*.labels are the set "unseen", one kind per folder. Sorted by set,
// kind and file name. An unreadable or malformed file is an error naming it.
struct EvaluationPage {
    std::string set;
    std::string kind;
    std::string name;  // path relative to the labels folder, e.g. "unseen/wire/briefs.labels"
    LabelledPage page;
};

Result<std::vector<EvaluationPage>> load_evaluation_pages(const std::filesystem::path& labels_dir);

// Line counts and right titles summed over pages.
struct SegmentationTally {
    std::size_t pages = 0;
    std::size_t titles_right = 0;
    SegmentationScore lines;  // its title fields are unused

    void add(const SegmentationScore& score);
    double title_accuracy() const;  // 1 when there are no pages
};

// What each set must reach; corpus-segment-eval exits 1 and the evaluation test fails below
// it. The seeds must be perfect; the unseen bar is what the segmentation achieved when the
// set was written, rounded down, and is raised as the segmentation improves.
struct EvaluationThreshold {
    std::string_view set;
    double precision;
    double recall;
    double title_accuracy;
};

inline constexpr std::array<EvaluationThreshold, 2> evaluation_thresholds{{
    {"seeds", 1.0, 1.0, 1.0},
    {"unseen", 0.94, 0.99, 0.95},
}};

bool meets(const SegmentationTally& tally, const EvaluationThreshold& threshold);

}  // namespace corpus::indexer
