#include "indexer/segment_labels.h"

#include "indexer/segment_text.h"

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

}  // namespace corpus::indexer
