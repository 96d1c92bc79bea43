// word_segments must place every word and number where ICU's own iterator does: it
// answers plain ASCII stretches itself and is only right if its idea of the rules is.
#include "schema/word_segments.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace corpus::schema {
namespace {

std::string describe(const std::vector<WordSegment>& segments, std::string_view text) {
    std::string out;
    for (const WordSegment& s : segments) {
        out += "[" + std::string(text.substr(s.start, s.end - s.start)) + "]" + std::to_string(s.status) + " ";
    }
    return out;
}

// Compares the two on `text`; returns whether they agree, reporting the first text that
// does not.
bool agrees(const std::string& text) {
    std::vector<WordSegment> fast;
    std::vector<WordSegment> icu;
    word_segments(text, fast);
    icu_word_segments(text, icu);
    const bool same = fast.size() == icu.size() &&
                      std::equal(fast.begin(), fast.end(), icu.begin(), [](const WordSegment& a, const WordSegment& b) {
                          return a.start == b.start && a.end == b.end && a.status == b.status;
                      });
    EXPECT_TRUE(same) << "text \"" << text << "\"\n  word_segments: " << describe(fast, text)
                      << "\n  ICU:           " << describe(icu, text);
    return same;
}

// One character of each kind the rules tell apart, ASCII and not: letters, digits, the
// joiners of words and numbers, spaces and controls, other punctuation, and non-ASCII
// letters, marks, quotes, dashes and spaces that may sit against ASCII.
const std::vector<std::string> alphabet = {
    "a", "Z", "7", " ", ".", ",", ";", ":", "'", "\"", "_", "@", "-", "\n", "\r", "\t", "\v", "#", "*", "$", "/", "!",
    "\x01", "\x7f", "\u00e9", "\u2019", "\u201c", "\u2014", "\u0301", "\u00ad", "\u200d", "\uac00", "\u65e5", "\u00a0",
    "\u05d0", "\u2024", "\uff0e", "\u0660", "\U0001F600", "\xff"};

TEST(WordSegments, EveryStringOfUpToThreeCharactersAsIcu) {
    std::size_t disagreements = 0;
    for (const std::string& a : alphabet) {
        for (const std::string& b : alphabet) {
            disagreements += agrees(a + b) ? 0 : 1;
            for (const std::string& c : alphabet) disagreements += agrees(a + b + c) ? 0 : 1;
            if (disagreements > 5) return;  // the first few say enough
        }
    }
}

TEST(WordSegments, LongerRandomStringsAsIcu) {
    // Mostly words, numbers and the joiners between them, where the shortcuts are taken.
    std::mt19937 random(20261207);
    const std::vector<std::string> common = {"a", "b", "Q", "7", "0", " ", ".", ",", "'", "-", "\n", "\u2019", "_"};
    std::size_t disagreements = 0;
    for (int n = 0; n < 100000 && disagreements <= 5; ++n) {
        std::string text;
        const std::size_t length = 4 + random() % 12;
        for (std::size_t k = 0; k < length; ++k) {
            const bool rare = random() % 8 == 0;
            text += rare ? alphabet[random() % alphabet.size()] : common[random() % common.size()];
        }
        disagreements += agrees(text) ? 0 : 1;
    }
}

TEST(WordSegments, RealPagesAsIcu) {
    std::size_t pages = 0;
    // The bundled pages, the labelled unseen documents, and the name lists' Hangul and
    // romanizations.
    for (const char* folder : {"data", "tests/data"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(CORPUS_SOURCE_DIR) / folder)) {
            const std::string extension = entry.path().extension().string();
            if (!entry.is_regular_file() || (extension != ".txt" && extension != ".labels" && extension != ".tsv")) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            if (!agrees(text.str())) return;
            ++pages;
        }
    }
    EXPECT_GT(pages, 40u);
}

TEST(WordSegments, PlainWordsAndNumbersAreFoundWithoutIcu) {
    // The shortcut's own answers, spelled out: what a reader expects of them.
    std::vector<WordSegment> segments;
    const std::string text = "Seoul, 2024 (AP) -- \"Talks\" resumed.";
    word_segments(text, segments);
    ASSERT_EQ(segments.size(), 5u) << describe(segments, text);
    EXPECT_EQ(text.substr(segments[0].start, segments[0].end - segments[0].start), "Seoul");
    EXPECT_EQ(text.substr(segments[1].start, segments[1].end - segments[1].start), "2024");
    EXPECT_LT(segments[1].status, segments[0].status);  // a number, then a word
    EXPECT_EQ(text.substr(segments[4].start, segments[4].end - segments[4].start), "resumed");
}

}  // namespace
}  // namespace corpus::schema
