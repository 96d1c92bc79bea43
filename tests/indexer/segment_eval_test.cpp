// The segmentation evaluation: the seeds and the unseen set (tests/data/segmentation/unseen)
// meet their thresholds, the unseen set is as broad as issue 23 asks, and
// corpus-segment-eval reports both sets per kind and fails when a set falls short.
#include "indexer/segment.h"
#include "indexer/segment_labels.h"

#include "tests/support/test_support.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <string>

namespace corpus::indexer {
namespace {

using corpus::testing::CommandResult;
using corpus::testing::TempDir;
using corpus::testing::run;
using corpus::testing::write_file;

std::filesystem::path labels_dir() {
    return std::filesystem::path(CORPUS_SOURCE_DIR) / "tests" / "data" / "segmentation";
}

std::vector<EvaluationPage> load_pages() {
    auto pages = load_evaluation_pages(labels_dir());
    EXPECT_TRUE(pages.ok()) << (pages.ok() ? "" : pages.error().message);
    return pages.ok() ? *pages : std::vector<EvaluationPage>{};
}

void print_tally(const std::string& name, const SegmentationTally& tally) {
    std::printf("%-28s precision %.4f recall %.4f titles %zu/%zu\n", name.c_str(),
                tally.lines.precision(), tally.lines.recall(), tally.titles_right, tally.pages);
}

TEST(SegmentationEvaluation, UnseenSetHasThirtyDocumentsOfEightKinds) {
    std::map<std::string, std::size_t> per_kind;
    for (const EvaluationPage& page : load_pages()) {
        if (page.set != "unseen") continue;
        ++per_kind[page.kind];
        bool has_body = false;
        for (LineLabel label : page.page.labels) has_body |= label == LineLabel::body;
        EXPECT_TRUE(has_body) << page.name;
    }
    std::size_t total = 0;
    for (const auto& [kind, count] : per_kind) {
        EXPECT_GE(count, 4u) << kind;
        total += count;
    }
    EXPECT_GE(per_kind.size(), 8u);
    EXPECT_GE(total, 30u);
}

TEST(SegmentationEvaluation, EachSetMeetsItsThreshold) {
    std::map<std::string, SegmentationTally> sets;
    std::map<std::string, SegmentationTally> kinds;
    for (const EvaluationPage& page : load_pages()) {
        SegmentationScore score =
            score_segmentation(page.page, segment_page(page.page.page_text));
        sets[page.set].add(score);
        kinds[page.set + "/" + page.kind].add(score);
    }
    for (const auto& [kind, tally] : kinds) print_tally(kind, tally);
    for (const auto& [set, tally] : sets) print_tally(set, tally);

    for (const EvaluationThreshold& threshold : evaluation_thresholds) {
        std::string set(threshold.set);
        ASSERT_TRUE(sets.contains(set)) << set;
        const SegmentationTally& tally = sets[set];
        EXPECT_GE(tally.lines.precision(), threshold.precision) << set;
        EXPECT_GE(tally.lines.recall(), threshold.recall) << set;
        EXPECT_GE(tally.title_accuracy(), threshold.title_accuracy) << set;
        EXPECT_TRUE(meets(tally, threshold)) << set;
    }
}

TEST(SegmentationEvaluation, ToolReportsEverySetAndKind) {
    CommandResult result = run({CORPUS_SEGMENT_EVAL_BIN, labels_dir().string()});
    EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
    std::set<std::string> rows;
    for (const EvaluationPage& page : load_pages()) {
        rows.insert("\n" + page.name + " ");
        rows.insert("\n" + page.set + "/" + page.kind + " ");
        rows.insert("\n" + page.set + " ");
    }
    for (const std::string& row : rows)
        EXPECT_NE(result.out.find(row), std::string::npos) << "no row" << row;
}

// A page whose labels call the article chrome and the chrome article: the set falls
// below its threshold and the tool says which.
TEST(SegmentationEvaluation, ToolFailsWhenASetFallsShort) {
    TempDir dir;
    write_file(dir / "seed.labels",
               "B Home | World | Business | Sport\n"
               "-\n"
               "T Seoul and Tokyo agree to resume shuttle diplomacy\n"
               "-\n"
               "C The leaders of South Korea and Japan agreed on Saturday to resume regular "
               "visits between their capitals, ending a gap of more than a decade.\n");
    std::filesystem::create_directories(dir.path() / "unseen" / "wire");
    write_file(dir / "unseen/wire/copy.labels",
               "T Seoul and Tokyo agree to resume shuttle diplomacy\n"
               "-\n"
               "B TOKYO, May 7 (Yonhap) -- The leaders of South Korea and Japan agreed on "
               "Saturday to resume regular visits between their capitals.\n");
    CommandResult result = run({CORPUS_SEGMENT_EVAL_BIN, dir.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
    EXPECT_NE(result.out.find("seeds: below the threshold"), std::string::npos) << result.out;
}

TEST(SegmentationEvaluation, ToolNamesAMalformedFile) {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "unseen" / "email");
    write_file(dir / "unseen/email/bad.labels", "X not a label\n");
    CommandResult result = run({CORPUS_SEGMENT_EVAL_BIN, dir.path().string()});
    EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
    EXPECT_NE(result.err.find("unseen/email/bad.labels: labelled page entry 1"),
              std::string::npos)
        << result.err;
}

}  // namespace
}  // namespace corpus::indexer
