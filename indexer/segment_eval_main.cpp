// corpus-segment-eval LABELS_DIR: scores page segmentation against hand-labelled pages
// (*.labels, format in tests/data/segmentation/README.md). Prints per-file and total
// line-level precision and recall of the body and whether the title is right; exits 1
// when a total is below the acceptance threshold or a title is wrong, 2 on bad input.
#include "indexer/segment.h"
#include "indexer/segment_labels.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double acceptance_threshold = 0.97;

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using namespace corpus::indexer;
    if (argc != 2) {
        std::fprintf(stderr, "usage: corpus-segment-eval LABELS_DIR\n");
        return 2;
    }
    std::error_code error;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(argv[1], error))
        if (entry.path().extension() == ".labels") files.push_back(entry.path());
    if (error || files.empty()) {
        std::fprintf(stderr, "corpus-segment-eval: no .labels files in %s\n", argv[1]);
        return 2;
    }
    std::sort(files.begin(), files.end());

    SegmentationScore total;
    std::size_t titles_right = 0;
    std::printf("%-32s %5s %5s %5s %9s %7s  %s\n", "file", "tp", "fp", "fn", "precision",
                "recall", "title");
    for (const fs::path& file : files) {
        auto page = parse_labelled_page(read_file(file));
        if (!page) {
            std::fprintf(stderr, "corpus-segment-eval: %s: %s\n", file.c_str(),
                         page.error().message.c_str());
            return 2;
        }
        PageSegmentation result = segment_page(page->page_text);
        SegmentationScore score = score_segmentation(*page, result);
        std::printf("%-32s %5zu %5zu %5zu %9.4f %7.4f  %s\n", file.filename().c_str(),
                    score.true_positives, score.false_positives, score.false_negatives,
                    score.precision(), score.recall(),
                    score.title_correct ? "ok" : ("WRONG: \"" + result.title + "\"").c_str());
        total.true_positives += score.true_positives;
        total.false_positives += score.false_positives;
        total.false_negatives += score.false_negatives;
        titles_right += score.title_correct ? 1 : 0;
    }
    std::printf("%-32s %5zu %5zu %5zu %9.4f %7.4f  %zu/%zu\n", "TOTAL", total.true_positives,
                total.false_positives, total.false_negatives, total.precision(), total.recall(),
                titles_right, files.size());
    bool pass = total.precision() >= acceptance_threshold &&
                total.recall() >= acceptance_threshold && titles_right == files.size();
    return pass ? 0 : 1;
}
