// corpus-segment-eval LABELS_DIR: scores page segmentation against hand-labelled pages
// (*.labels, format in tests/data/segmentation/README.md): the seeds in LABELS_DIR and the
// unseen set in LABELS_DIR/unseen/<kind>/. Prints per-file line-level precision and recall
// of the body and whether the title is right, then the totals per kind and per set; exits
// 1 when a set is below its threshold (evaluation_thresholds), 2 on bad input.
#include "indexer/segment.h"
#include "indexer/segment_labels.h"

#include <cstdio>
#include <map>
#include <string>
#include <utility>

namespace {

using namespace corpus::indexer;

constexpr const char* row_format = "%-52s %5zu %5zu %5zu %9.4f %7.4f  %s\n";

void print_tally(const std::string& name, const SegmentationTally& tally) {
    std::string titles = std::to_string(tally.titles_right) + "/" + std::to_string(tally.pages);
    std::printf(row_format, name.c_str(), tally.lines.true_positives,
                tally.lines.false_positives, tally.lines.false_negatives,
                tally.lines.precision(), tally.lines.recall(), titles.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: corpus-segment-eval LABELS_DIR\n");
        return 2;
    }
    auto pages = load_evaluation_pages(argv[1]);
    if (!pages) {
        std::fprintf(stderr, "corpus-segment-eval: %s\n", pages.error().message.c_str());
        return 2;
    }

    std::map<std::string, SegmentationTally> sets;
    std::map<std::pair<std::string, std::string>, SegmentationTally> kinds;
    std::printf("%-52s %5s %5s %5s %9s %7s  %s\n", "file", "tp", "fp", "fn", "precision",
                "recall", "title");
    for (const EvaluationPage& labelled : *pages) {
        PageSegmentation result = segment_page(labelled.page.page_text);
        SegmentationScore score = score_segmentation(labelled.page, result);
        std::string title = score.title_correct ? "ok" : "WRONG: \"" + result.title + "\"";
        std::printf(row_format, labelled.name.c_str(), score.true_positives,
                    score.false_positives, score.false_negatives, score.precision(),
                    score.recall(), title.c_str());
        sets[labelled.set].add(score);
        kinds[{labelled.set, labelled.kind}].add(score);
    }

    std::printf("\n%-52s %5s %5s %5s %9s %7s  %s\n", "kind", "tp", "fp", "fn", "precision",
                "recall", "titles");
    for (const auto& [key, tally] : kinds) print_tally(key.first + "/" + key.second, tally);

    bool pass = true;
    std::printf("\n%-52s %5s %5s %5s %9s %7s  %s\n", "set", "tp", "fp", "fn", "precision",
                "recall", "titles");
    for (const auto& [set, tally] : sets) print_tally(set, tally);
    for (const EvaluationThreshold& threshold : evaluation_thresholds) {
        auto found = sets.find(std::string(threshold.set));
        if (found == sets.end()) {
            std::printf("%.*s: no pages\n", static_cast<int>(threshold.set.size()),
                        threshold.set.data());
            pass = false;
        } else if (!meets(found->second, threshold)) {
            std::printf("%.*s: below the threshold (precision %.2f, recall %.2f, titles %.2f)\n",
                        static_cast<int>(threshold.set.size()), threshold.set.data(),
                        threshold.precision, threshold.recall, threshold.title_accuracy);
            pass = false;
        }
    }
    return pass ? 0 : 1;
}
