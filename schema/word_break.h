// Stage 1 of the analysis chain, after ICU: the words its rules join that a writer kept
// apart, and the words inside a word it rightly keeps whole.
//
// ICU keeps letters on both sides of a full stop in one word (UAX #29, rules WB6 and
// WB7), and an '@' with them: host names, abbreviations and addresses stay whole
// ("spamassassin.taint.org", "U.S", "jm@jmason.org"), but so does a sentence whose writer
// left out the space after its full stop ("Israel.Finally", "said.The"). A '?' or '!'
// already ends a word, and so does a quote after the stop ("end.\"Next").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corpus::schema {

// The byte offsets of the full stops in `surface`, a word of letters as ICU found it,
// that end a sentence: the word is cut there into words of their own. A stop ends a
// sentence when the word after it is written like the start of one, a capital then a
// small letter ("Israel.Finally", "said.The", "U.S.The"), unless the surface is a host
// name: its last label a generic top-level domain in any case ("Amazon.Com",
// "news.Yahoo.com"), or three labels or more ending in a two-letter one not written as a
// word ("www.Example.co.kr"). Country codes alone are no evidence, for "it", "in", "no",
// "is", "me" and "my" are both. Stops before an '@' are an address's
// ("John.Smith@example.com"). None for "node.js", "ASP.NET", "Yahoo.com", "e.g".
std::vector<std::size_t> sentence_ends(std::string_view surface);

// The words inside `word`, a normalized word of letters kept whole, each normalized as a
// word of its own is (spelling variants): the labels of a host or file name
// ("spamassassin.taint.org": spamassassin, taint, org; "node.js": node, js), the user's
// and the host's labels of an address ("jm@jmason.org": jm, jmason, org), the name of a
// handle ("@nknews": nknews). They are indexed at the word's own position, so a part
// finds the word while the positions of the text around it stay as they were. None for a
// word without '.' or '@', for an abbreviation whose letters stand alone ("u.s", "e.g",
// "a.m": its parts would be single letters), nor for a number with a unit ("241.7b",
// "3.5ghz": a full stop between digits is a decimal point).
std::vector<std::string> word_parts(std::string_view word);

}  // namespace corpus::schema
