#include "indexer/segment_labels.h"

#include "indexer/segment_text.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <tuple>

namespace corpus::indexer {

Result<LabelledPage> parse_labelled_page(std::string_view labelled_text) {
    LabelledPage page;
    bool in_header = true;
    std::size_t entry_number = 0;
    std::size_t start = 0;
    while (start < labelled_text.size()) {
        std::size_t end = labelled_text.find('\n', start);
        if (end == std::string_view::npos) end = labelled_text.size();
        std::string_view entry = labelled_text.substr(start, end - start);
        start = end + 1;
        if (in_header && entry.starts_with("#")) {
            if (entry.starts_with("# source:"))
                page.source = std::string(segment_detail::trim(entry.substr(9)));
            continue;
        }
        in_header = false;
        ++entry_number;
        auto bad_entry = [&](std::string_view why) {
            return make_error(ErrorCode::usage, "labelled page entry " +
                                                    std::to_string(entry_number) + ": " +
                                                    std::string(why));
        };
        if (entry.empty()) return bad_entry("missing label");
        if (entry.size() > 1 && entry[1] != ' ') return bad_entry("label not followed by a space");
        std::string_view line = entry.size() > 1 ? entry.substr(2) : std::string_view{};
        LineLabel label;
        switch (entry[0]) {
            case 'T': label = LineLabel::title; break;
            case 'B': label = LineLabel::body; break;
            case 'C': label = LineLabel::chrome; break;
            case '-': label = LineLabel::blank; break;
            default: return bad_entry("unknown label (expected T, B, C or -)");
        }
        bool blank = segment_detail::trim(line).empty();
        if (blank != (label == LineLabel::blank))
            return bad_entry(blank ? "blank line needs the label '-'" : "'-' on a non-blank line");
        if (!page.labels.empty()) page.page_text += '\n';
        page.page_text += line;
        page.labels.push_back(label);
    }
    if (page.labels.empty()) return make_error(ErrorCode::usage, "labelled page has no lines");
    return page;
}

double SegmentationScore::precision() const {
    std::size_t predicted = true_positives + false_positives;
    return predicted == 0 ? 1.0
                          : static_cast<double>(true_positives) / static_cast<double>(predicted);
}

double SegmentationScore::recall() const {
    std::size_t labelled = true_positives + false_negatives;
    return labelled == 0 ? 1.0
                         : static_cast<double>(true_positives) / static_cast<double>(labelled);
}

SegmentationScore score_segmentation(const LabelledPage& page, const PageSegmentation& result) {
    std::vector<bool> predicted_body(page.labels.size(), false);
    for (const Block& block : result.blocks)
        if (block.kind == BlockKind::body)
            for (std::size_t i = block.first_line;
                 i <= block.last_line && i < predicted_body.size(); ++i)
                predicted_body[i] = true;

    SegmentationScore score;
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i < page.labels.size(); ++i) {
        std::size_t end = page.page_text.find('\n', start);
        std::string_view line = std::string_view(page.page_text).substr(start, end - start);
        start = end + 1;
        LineLabel label = page.labels[i];
        if (label == LineLabel::blank) continue;
        if (label == LineLabel::title)
            score.expected_title = std::string(segment_detail::trim(line));
        bool gold_body = label == LineLabel::body;
        if (gold_body && predicted_body[i]) ++score.true_positives;
        if (!gold_body && predicted_body[i]) ++score.false_positives;
        if (gold_body && !predicted_body[i]) ++score.false_negatives;
    }
    score.title_correct = result.title == score.expected_title;
    return score;
}

namespace {

namespace fs = std::filesystem;

// The *.labels files directly in `dir`, sorted; an empty list when there are none.
Result<std::vector<fs::path>> labels_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error))
        if (entry.is_regular_file() && entry.path().extension() == ".labels")
            files.push_back(entry.path());
    if (error)
        return make_error(ErrorCode::io, "cannot list " + dir.string() + ": " + error.message());
    std::sort(files.begin(), files.end());
    return files;
}

Status add_pages(const fs::path& labels_dir, const fs::path& dir, const std::string& set,
                 const std::string& kind, std::vector<EvaluationPage>& pages) {
    auto files = labels_files(dir);
    if (!files) return files.error();
    for (const fs::path& file : *files) {
        std::string name = file.lexically_relative(labels_dir).generic_string();
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) return make_error(ErrorCode::io, "cannot read " + file.string());
        auto page = parse_labelled_page(text.str());
        if (!page) return make_error(page.error().code, name + ": " + page.error().message);
        pages.push_back({set, kind, std::move(name), std::move(*page)});
    }
    return Ok{};
}

}  // namespace

Result<std::vector<EvaluationPage>> load_evaluation_pages(const fs::path& labels_dir) {
    std::vector<EvaluationPage> pages;
    if (Status seeds = add_pages(labels_dir, labels_dir, "seeds", "seed", pages); !seeds)
        return seeds.error();
    fs::path unseen = labels_dir / "unseen";
    std::error_code error;
    if (fs::is_directory(unseen, error)) {
        for (const auto& entry : fs::directory_iterator(unseen, error))
            if (entry.is_directory())
                if (Status kind = add_pages(labels_dir, entry.path(), "unseen",
                                            entry.path().filename().string(), pages);
                    !kind)
                    return kind.error();
    }
    if (error)
        return make_error(ErrorCode::io, "cannot list " + unseen.string() + ": " + error.message());
    if (pages.empty())
        return make_error(ErrorCode::usage, "no .labels files in " + labels_dir.string());
    std::sort(pages.begin(), pages.end(), [](const EvaluationPage& a, const EvaluationPage& b) {
        return std::tie(a.set, a.kind, a.name) < std::tie(b.set, b.kind, b.name);
    });
    return pages;
}

void SegmentationTally::add(const SegmentationScore& score) {
    ++pages;
    titles_right += score.title_correct ? 1 : 0;
    lines.true_positives += score.true_positives;
    lines.false_positives += score.false_positives;
    lines.false_negatives += score.false_negatives;
}

double SegmentationTally::title_accuracy() const {
    return pages == 0 ? 1.0 : static_cast<double>(titles_right) / static_cast<double>(pages);
}

bool meets(const SegmentationTally& tally, const EvaluationThreshold& threshold) {
    return tally.lines.precision() >= threshold.precision &&
           tally.lines.recall() >= threshold.recall &&
           tally.title_accuracy() >= threshold.title_accuracy;
}

}  // namespace corpus::indexer
