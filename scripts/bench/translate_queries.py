"""Translates scripts/bench/query-mix.txt (corpus-search syntax) for each engine.

Writes, into --out: queries.corpus-search.tsv, queries.plain-xapian.tsv and
queries.fts5.tsv (CATEGORY TAB QUERY TAB OUTLET TAB FROM TAB TO TAB SKIP, read by the
bench/ tools), queries.corpus-search-remote.tsv (corpus-search through remote shards),
queries.corpus-search-headline.tsv (the rows of the headline categories alone, for
scripts/benchmark-vs, whose older builds need not know the later categories) and
batch.txt (the query texts of the headline categories alone, for
corpus-search --batch and the one-process-per-query comparison, which cannot carry
per-query filters).

corpus-search and Xapian's QueryParser read the same syntax here (juxtaposition as AND
via the default operator, AND/OR/NOT, "phrases", NEAR and NEAR/n, trailing wildcards
with the tool's FLAG_WILDCARD), so the Xapian text is the original. FTS5 differs: NEAR/n
becomes NEAR(a b, n), AND NOT becomes NOT, a trailing wildcard (sanctio*) stays FTS5's
prefix query, and a word that is not an FTS5 bareword (Jong-un, Putin's) is quoted,
which FTS5 reads as a phrase of its tokens, as corpus-search does.

SAME (both sides in one paragraph) has no equivalent in either baseline: such a row
keeps its place in every file, so lines still pair up by index, but the baselines' rows
carry a SKIP reason and their tools do not run them. Nothing is approximated. Nor does
corpus-search run SAME through remote shards (it refuses it there), so the remote file
skips those rows too. Other
corpus-search constructs with no translation here (ADJ/n, fields such as title:word)
are an error, so a mix that uses them gets a translation before it gets figures.
"""

import argparse
import pathlib
import re
import sys

ENGINES = ("corpus-search", "plain-xapian", "fts5")
BASELINES = ("plain-xapian", "fts5")
# Categories added to the mix after its first 65 queries (issue 22). Every headline figure
# of the report (latency over the mix, the targets, --batch) covers the other categories
# alone, so it stays comparable with runs from before; these get lines of their own.
APART_CATEGORIES = ("wildcard", "same")
SAME_SKIP = "SAME (one paragraph) has no equivalent in this engine"
REMOTE_SAME_SKIP = "corpus-search runs SAME on local indexes only, not through remote shards"
TOKEN = re.compile(r'\s*(?:("[^"]*"|\u201c[^\u201d]*\u201d)|(\()|(\))|(NEAR(?:/(\d+))?(?=\s))|(\S+?)(?=[\s()]|$))')
BAREWORD = re.compile(r"^[A-Za-z0-9_\u0080-\U0010ffff]+$")
# What translates to nothing here: ADJ/n (FTS5's NEAR has no order) and fields.
UNTRANSLATED = re.compile(r"^(?:ADJ(?:/\d*)?|[A-Za-z]+:.*)$")


def parse_mix(path):
    """Yields (category, query, outlet, from, to) for each line of the mix."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [part.strip() for part in line.split(" | ")]
        if len(parts) < 2 or not parts[1]:
            sys.exit(f"{path}:{number}: expected CATEGORY | QUERY [| key=value ...]")
        filters = {"outlet": "", "from": "", "to": ""}
        for part in parts[2:]:
            key, _, value = part.partition("=")
            if key not in filters or not value:
                sys.exit(f"{path}:{number}: unknown filter '{part}' (outlet=, from=, to=)")
            filters[key] = value
        yield parts[0], parts[1], filters["outlet"], filters["from"], filters["to"]


def tokens(query):
    position = 0
    while position < len(query):
        match = TOKEN.match(query, position)
        if not match or match.end() == position:
            if query[position:].strip():
                raise ValueError(f"cannot tokenize {query!r} at {position}")
            return
        position = match.end()
        phrase, opening, closing, near, distance, word = match.groups()
        if phrase:
            yield ("phrase", '"' + phrase[1:-1] + '"')
        elif opening:
            yield ("(", "(")
        elif closing:
            yield (")", ")")
        elif near:
            yield ("near", int(distance) if distance else 10)
        else:
            yield ("word", word)


def skip_reason(query):
    """Why the baselines cannot answer `query` (empty when they can); raises ValueError for
    a construct this translator does not know, rather than passing it on as words."""
    words = [text for kind, text in tokens(query) if kind == "word"]
    for word in words:
        if UNTRANSLATED.match(word):
            raise ValueError(f"no baseline translation of {word!r} in {query!r}")
    return SAME_SKIP if uses_same(query) else ""


def uses_same(query):
    return ("word", "SAME") in tokens(query)


def to_fts5(query):
    out = []
    items = list(tokens(query))
    i = 0
    while i < len(items):
        kind, text = items[i]
        if kind == "near":
            if not out or i + 1 >= len(items) or items[i + 1][0] not in ("word", "phrase"):
                raise ValueError(f"NEAR needs a word or phrase on each side in {query!r}")
            left = out.pop()
            right = fts5_term(*items[i + 1])
            out.append(f"NEAR({left} {right}, {text})")
            i += 2
            continue
        if kind == "word" and text == "AND" and i + 1 < len(items) and items[i + 1] == ("word", "NOT"):
            i += 1  # FTS5's NOT is already binary: a AND NOT b is a NOT b
            continue
        if kind == "word" and text == "NOT" and (not out or out[-1] in ("(", "AND", "OR")):
            raise ValueError(f"FTS5 has no unary NOT: {query!r}")
        out.append(text if kind in ("(", ")") else fts5_term(kind, text))
        i += 1
    return " ".join(out).replace("( ", "(").replace(" )", ")")


def fts5_term(kind, text):
    if kind == "phrase":
        return text
    if text in ("AND", "OR", "NOT"):
        return text
    if text.endswith("*") and BAREWORD.match(text[:-1]):
        return text  # FTS5's prefix query
    return text if BAREWORD.match(text) else '"' + text.replace('"', '""') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mix", type=pathlib.Path, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    args = parser.parse_args()
    rows = list(parse_mix(args.mix))
    args.out.mkdir(parents=True, exist_ok=True)
    for engine in ENGINES:
        lines = []
        for category, query, outlet, start, end in rows:
            try:
                skip = skip_reason(query) if engine in BASELINES else ""
                text = to_fts5(query) if engine == "fts5" and not skip else query
            except ValueError as error:
                sys.exit(f"translate_queries: {error}")
            lines.append("\t".join((category, text, outlet, start, end, skip)))
        (args.out / f"queries.{engine}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    remote = ["\t".join((category, query, outlet, start, end, REMOTE_SAME_SKIP if uses_same(query) else ""))
              for category, query, outlet, start, end in rows]
    (args.out / "queries.corpus-search-remote.tsv").write_text("\n".join(remote) + "\n", encoding="utf-8")
    headline = [row for row in rows if row[0] not in APART_CATEGORIES]
    (args.out / "queries.corpus-search-headline.tsv").write_text(
        "".join("\t".join((*row, "")) + "\n" for row in headline), encoding="utf-8")
    (args.out / "batch.txt").write_text("".join(row[1] + "\n" for row in headline), encoding="utf-8")
    print(len(rows))


if __name__ == "__main__":
    main()
