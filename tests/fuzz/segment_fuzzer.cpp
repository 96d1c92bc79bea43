// libFuzzer target: page segmentation and metadata inference on any text, as the indexer
// runs them: the checks read_article makes, segment_page, then describe_article and
// build_document for the page with or without metadata. Besides crashes, it checks
// what segment.h promises of the result.
#include "indexer/document_builder.h"
#include "indexer/segment.h"
#include "indexer/segment_text.h"
#include "indexer/source.h"
#include "schema/text.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

// A broken promise is a finding like a crash: libFuzzer saves the input on abort().
void expect(bool holds, const char* what) {
    if (holds) return;
    std::fprintf(stderr, "segment_fuzzer: broken promise: %s\n", what);
    std::abort();
}

bool valid_utf8(std::string text) {
    return corpus::schema::repair_utf8(text) == 0;
}

void check(const corpus::indexer::PageSegmentation& page, const std::string& text) {
    using corpus::indexer::Block;
    using corpus::indexer::segment_detail::trim;
    // The page's lines as segment.h defines them: split at '\n', a trailing '\r' dropped.
    std::vector<std::string_view> lines;
    for (std::size_t start = 0;;) {
        const std::size_t end = text.find('\n', start);
        std::string_view line = std::string_view(text).substr(start, end == std::string::npos ? end : end - start);
        if (line.ends_with('\r')) line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    const std::size_t non_blank = static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [](std::string_view line) { return !trim(line).empty(); }));

    expect(page.title.empty() != page.title_line.has_value(), "title is set exactly when title_line is");
    if (page.title_line) {
        expect(*page.title_line < lines.size(), "title_line is a line of the page");
        expect(page.title == trim(lines[*page.title_line]), "title is its line, trimmed");
    }
    // A block is one line, or the lines of one hard-wrapped paragraph joined (segment.h):
    // together the blocks and the title hold every non-blank line once.
    std::size_t covered = 0;
    std::size_t previous = 0;
    for (std::size_t k = 0; k < page.blocks.size(); ++k) {
        const Block& block = page.blocks[k];
        expect(block.first_line <= block.last_line && block.last_line < lines.size(), "a block spans lines of the page");
        expect(!block.text.empty() && block.text == trim(block.text), "a block is trimmed text");
        if (block.first_line == block.last_line) {
            expect(block.text == trim(lines[block.first_line]), "a one-line block is its line, trimmed");
        } else {
            expect(block.text.starts_with(trim(lines[block.first_line])), "a joined block starts with its first line");
        }
        for (std::size_t line = block.first_line; line <= block.last_line; ++line)
            expect(!trim(lines[line]).empty(), "a block joins no blank line");
        expect(valid_utf8(block.text), "a block is valid UTF-8");
        expect(k == 0 || block.first_line > previous, "blocks are in page order and do not overlap");
        expect(!page.title_line || *page.title_line < block.first_line || *page.title_line > block.last_line,
               "the title line is in no block");
        covered += block.last_line - block.first_line + 1;
        previous = block.last_line;
    }
    expect(covered + (page.title_line ? 1 : 0) == non_blank, "every non-blank line but the title is in a block");
    expect(valid_utf8(page.title), "title is valid UTF-8");
    if (page.outlet) expect(valid_utf8(page.outlet->value) && valid_utf8(page.outlet->evidence), "outlet is valid UTF-8");
    if (page.date) expect(valid_utf8(page.date->value) && valid_utf8(page.date->evidence), "date is valid UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corpus::indexer;
    ArticleFile article;
    article.id = "fuzz";
    article.path = "fuzz.txt";
    article.text.assign(reinterpret_cast<const char*>(data), size);
    // What read_article does before anything sees the text (indexer/source.cpp).
    if (corpus::schema::looks_binary(article.text)) return 0;
    corpus::schema::repair_utf8(article.text);
    corpus::schema::normalize_newlines(article.text);
    if (std::all_of(article.text.begin(), article.text.end(), [](unsigned char c) { return std::isspace(c); })) return 0;

    const PageSegmentation page = segment_page(article.text);
    check(page, article.text);

    // With metadata or without, by the input's length: segmenting twice more per input
    // would halve the inputs tried, and mutations change the length all the time.
    // Metadata always wins; a title that differs from the page's headline sends the
    // headline to the chrome, a path the page alone never takes.
    if (size % 2 == 1) {
        article.metadata.title = page.blocks.empty() ? std::string("Fuzz title") : page.blocks.back().text;
        article.metadata.outlet = "Fuzz Outlet";
        article.metadata.date = "2024-06-01";
    }
    (void)build_document(describe_article(article));
    return 0;
}
