// The index layout: every term prefix and value slot lives here and nowhere else.
// The indexer writes documents through these constants and the searcher reads them
// back through the same ones, so a prefix string exists exactly once.
#pragma once

#include <xapian.h>

#include <string_view>

namespace corpus::schema {

// Bumped whenever the layout below changes in a way an old index cannot serve.
// 10: acronym terms (acronym_marker); an index without them would find no acronym at all.
// 11: stored articles carry title_inferred; an older index would call inferred titles given.
// 12: name readings computed from the jamo of every syllable, in the South's form (issue 24).
// 13: person keys made from readings; no XP person terms (--person searches name sets);
//     XPS spelling terms stored, labelling the person facet from the whole index.
// 14: chrome-only markers (chrome_only_marker); the chrome-only count reads them.
// 15: stored articles carry url and author (schema/article.h), in the results' frame.
// 16: when each article was first indexed and last changed (slot_indexed, slot_changed);
//     --new-since and the digest filter on them, and an older index has none.
// 17: story fingerprints and stories (slot_story_fingerprint, slot_story); an older index
//     would show every article as a story of its own.
// 18: story fingerprints by one-permutation hashing: 17's cannot be compared with them.
inline constexpr int schema_version = 18;

enum class FieldKind {
    text,     // analysed words with positions (phrase-searchable) plus stems
    boolean,  // exact filter terms, no positions, no weight
};

struct Field {
    std::string_view name;    // as users and JSON see it
    std::string_view prefix;  // Xapian term prefix ("" = the default article text)
    FieldKind kind;
};

// Title and body words go to the unprefixed article stream, searched by default.
inline constexpr Field article_text{"article", "", FieldKind::text};
// The page around the article (link lists, comments, footers): searched only on request.
inline constexpr Field chrome_text{"chrome", "XC", FieldKind::text};
// The title again, on its own, for title: in queries: its words (exact and stemmed) and
// the Korean names it writes (their name terms and name-set terms, under this prefix too).
inline constexpr Field title_text{"title", "XT", FieldKind::text};
inline constexpr Field id_term{"id", "Q", FieldKind::boolean};
inline constexpr Field outlet_term{"outlet", "XO", FieldKind::boolean};
inline constexpr Field month_term{"month", "XM", FieldKind::boolean};

// Stemmed forms of a text field's words carry this marker before the field prefix,
// as Xapian's own TermGenerator does: "Zassist", "ZXCassist".
inline constexpr std::string_view stem_marker = "Z";
// A word written as an acronym (analysis.h: "UN", "U.N.", "DPRK's") also gets, at its own
// position, this marker + the field prefix + its letters in lower case: "XAun", "XAXCun".
// A query word in capitals asks for it, so UN finds the United Nations and not the Un
// of Kim Jong Un, and US not "told us". Words are case-folded, so no word term starts so.
inline constexpr std::string_view acronym_marker = "XA";

// A stemmed chrome term whose article stem the document lacks ("ZXCkim" without "Zkim")
// also gets this marker + the article stem, a boolean term: "XKZkim". An article holding
// no marker of a query's stemmed chrome terms holds each beside its article stem, so a
// query reading them without positions matches it in both scopes or neither, and the
// chrome-only count (issue 23) need visit only the articles holding a marker. Words as
// written, which queries read by position or in wildcards, and acronyms get none: marking
// every chrome term cost the indexer 15% more instructions on the bench pages, stems
// alone 5%. No other prefix starts so, and words are case-folded, so no word term does.
inline constexpr std::string_view chrome_only_marker = "XK";

// The Korean-name layer (schema/names.h). Name terms are positional, in the article
// stream, at the positions of the name's own words: "XH" + a Hangul reading of one word
// ("XH정", "XH정은"); "XH<" and "XH>" stand just before and after each name. Person
// spelling terms are boolean: "XPS" + person key + TAB + surface spelling ("XPS연 석열\tYoon
// Suk-yeol"), one for each spelling of a person an article used; the document's
// person-facet value lists the same entries (person_facet.h, add_person_facet), and their
// frequencies over the whole index give each facet entry its label. --person and person: search the name-set
// terms below, as a search for the name does.
inline constexpr std::string_view name_term_prefix = "XH";
// Whole names, without positions. Each name an article writes gets one name-set term:
// "XS" + 16 hex digits of XXH64 over the name's Hangul readings in written order (sorted,
// newline-joined), wdf counting mentions. Every spelling with the same readings shares
// it ("Kim Jong Un", "Kim Jong-un", "KIM JONG UN"), so a name alone in a query is an OR
// of a few set terms, each article on one posting list, where an OR of the readings
// themselves read six identical lists for "Kim Jong Un". The readings are boolean terms
// "XN" + reading + TAB + the set term's digits ("XN김정은\t3f0c..."): a query finds, by
// prefix, the sets holding any reading it asks for (names.h).
inline constexpr std::string_view name_set_prefix = "XS";
inline constexpr std::string_view name_reading_prefix = "XN";
inline constexpr std::string_view person_spelling_prefix = "XPS";

// Where each block (title, paragraph) of a text field ends, for SAME in queries: this
// prefix + the field's prefix ("XB", "XBXC"), at the position just past the block's last
// word, which the block gap leaves free.
inline constexpr std::string_view block_end_prefix = "XB";

// Value slots: sortable strings, read by filters, facets and result rendering.
enum Slot : Xapian::valueno {
    slot_date = 0,    // "YYYYMMDD"; empty when the date is unknown
    slot_outlet = 1,  // the outlet's display name, or unknown_value
    slot_month = 2,   // "YYYY-MM", or unknown_value
    slot_source = 3,  // the absolute path of the article's file: files gone are found by it
    slot_persons = 4,  // people mentioned, "key<TAB>spelling" lines: the person facet (person_facet.h)
    slot_content_hash = 5,  // of the file and its metadata: a reindex skips unchanged files by it
    // When the article was first indexed, and when its text or metadata last changed:
    // the stamp of the run that did it, schema::format_instant's form ("2026-12-07T21:30:05Z").
    // A run's stamp is later than every stamp already in the index, so stamps only grow.
    slot_indexed = 6,
    slot_changed = 7,
    // The body's MinHash fingerprint (story.h, encode_story_fingerprint); none without words.
    slot_story_fingerprint = 8,
    // The story of an article that has near-copies in the index: the id of the story's
    // first indexed article (the least id among the first), the same in every copy, written
    // by the indexer's story pass over the whole index (indexer/stories.h). Empty for an
    // article with no copy, whose story is its own id: Xapian collapses no empty key.
    slot_story = 9,
};

// What an article without a given outlet or date reports for it.
inline constexpr std::string_view unknown_value = "unknown";

// Positions leave this gap between blocks (title, paragraphs), so that no phrase or
// NEAR query can match across a block boundary.
inline constexpr Xapian::termpos block_gap = 100;

// Keys of the index's own metadata (Xapian user metadata).
inline constexpr std::string_view meta_schema_version = "corpus.schema_version";
inline constexpr std::string_view meta_fingerprint = "corpus.analysis_fingerprint";
// The stamp of the indexing run under way, from its first commit until it is done
// (a run that dies leaves it until the next one ends): every article stamped earlier is
// in the index, while this run's articles may be only partly so. The digest reads only
// up to the stamp before it, so that it misses none of the run's articles (digest.h).
// On a sharded index, every shard holds it until the last shard is done.
inline constexpr std::string_view meta_run_stamp = "corpus.run_stamp";
// Facet columns (facet_columns.h): "corpus.facets." + the chunk number, 8 hex digits.
inline constexpr std::string_view meta_facet_chunk_prefix = "corpus.facets.";

}  // namespace corpus::schema
