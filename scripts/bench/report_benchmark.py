"""scripts/benchmark's report: report.md, report.json and latency.png from one run.

Reads the JSON lines the bench/ tools printed (plus the indexing runs' GNU time figures
that scripts/benchmark added), those of corpus-search answering through remote shards,
and time_processes.py's JSON. Every comparison is a ratio computed from this run alone:
corpus-search / baseline, and remote shards / single database. Prints report.md on stdout.

The headline figures (latency over the mix, the targets, remote shards) cover the mix's
first categories alone, the 65 queries of earlier runs, so they stay comparable; the
categories of translate_queries.APART_CATEGORIES (wildcard, SAME) get lines of their own,
with "—" where a baseline has no equivalent and did not run the query.
"""

import argparse
import datetime
import json
import math
import pathlib
import statistics
import sys

from translate_queries import APART_CATEGORIES

ENGINES = ("corpus-search", "plain-xapian", "fts5")
LABELS = {"corpus-search": "corpus-search", "plain-xapian": "plain Xapian", "fts5": "SQLite FTS5"}
BASELINES = ("plain-xapian", "fts5")


def percentile(values, p):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def ratio(a, b):
    return a / b if a is not None and b else None


def read_measurements(path):
    index, search, queries = {}, {}, {engine: [] for engine in ENGINES}
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        engine, kind = record["engine"], record["kind"]
        if kind == "index_run":
            index.setdefault(engine, {}).update(record)
        elif kind == "index":
            index.setdefault(engine, {})["tool"] = record
        elif kind == "compacted":
            index.setdefault(engine, {})["compacted_db_bytes"] = record["db_bytes"]
        elif kind == "search":
            search[engine] = record
        elif kind == "query":
            queries[engine].append(record)
    return index, search, queries


def latency_ms(query_records):
    """Every timed answer of these queries, in milliseconds (none for a skipped one)."""
    return [ns / 1e6 for q in query_records for ns in q.get("ns", ())]


def headline(records):
    """The records of the categories the headline figures cover."""
    return [q for q in records if q["category"] not in APART_CATEGORIES]


# Categories of the mix made of plain words and operators only (no phrase, name or filter).
PLAIN_WORD_CATEGORIES = ("word", "and", "or", "not", "broad")


def agreement(ids_path, baseline_ids_path, categories):
    """Whether corpus-search (--scope all) and plain Xapian find the same articles for
    each query of the mix in `categories`."""
    def read(path):
        return [json.loads(line) for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines() if line]
    ours, theirs = read(ids_path), read(baseline_ids_path)
    checked = []
    for a, b in zip(ours, theirs):
        if a["category"] not in categories or "skipped" in a or "skipped" in b:
            continue
        mine, other = set(a["ids"]), set(b["ids"])
        checked.append({"query": a["query"], "corpus_search": len(mine), "plain_xapian": len(other),
                        "only_corpus_search": len(mine - other), "only_plain_xapian": len(other - mine)})
    differing = [c for c in checked if c["only_corpus_search"] or c["only_plain_xapian"]]
    return {"queries": len(checked), "same_articles": len(checked) - len(differing), "differing": differing}


def summarise_remote(args, single):
    """corpus-search through a stub of one local and some remote shards, beside `single`,
    the same engine on one database: latency, and whether every query found as many."""
    _, _, queries = read_measurements(args.remote_measurements)
    records = queries["corpus-search"]
    samples = latency_ms(headline(records))
    single_totals = [q["total"] for q in single["per_query"]]  # the same mix, in the same order
    remote = {
        "shards": args.shards,
        "remote_shards": args.remote_shards,
        "query_p50_ms": percentile(samples, 50),
        "query_p90_ms": percentile(samples, 90),
        "query_p99_ms": percentile(samples, 99),
        "query_mean_ms": statistics.fmean(samples),
        "matches_summed": sum(q["total"] for q in headline(records)),
        "totals_differing": [q["query"] for q in records
                             if "skipped" not in q and q["total"] != single_totals[q["index"]]],
        "skipped": [{"query": q["query"], "why": q["skipped"]} for q in records if "skipped" in q],
        "samples": len(samples),
    }
    remote["ratio_to_single"] = {m: ratio(remote[m], single[m]) for m in
                                 ("query_p50_ms", "query_p90_ms", "query_p99_ms", "query_mean_ms", "matches_summed")}
    return remote


def summarise(args):
    index, search, queries = read_measurements(args.measurements)
    processes = json.loads(pathlib.Path(args.processes).read_text(encoding="utf-8"))
    engines = {}
    for engine in ENGINES:
        run = index[engine]
        main = headline(queries[engine])
        skipped = [q["query"] for q in main if "skipped" in q]
        if skipped:
            sys.exit(f"report_benchmark: {LABELS[engine]} did not run {skipped[0]!r}, yet its category counts in "
                     "the headline figures; give such queries a category of APART_CATEGORIES")
        samples = latency_ms(main)
        # A category's p50 covers all its queries or is None: never a silently smaller set.
        by_category = {}
        for q in queries[engine]:
            samples_of = by_category.setdefault(q["category"], [])
            if samples_of is not None:
                by_category[q["category"]] = None if "skipped" in q else samples_of + [ns / 1e6 for ns in q["ns"]]
        engines[engine] = {
            "index_seconds": run["seconds"],
            "index_docs_per_s": args.count / run["seconds"],
            "index_mb_per_s": args.corpus_bytes / 1e6 / run["seconds"],
            "index_peak_rss_mb": run["max_rss_kb"] / 1024,
            "db_mb": run["db_bytes"] / 1e6,
            "db_compacted_mb": run.get("compacted_db_bytes", run["db_bytes"]) / 1e6,
            "query_p50_ms": percentile(samples, 50),
            "query_p90_ms": percentile(samples, 90),
            "query_p99_ms": percentile(samples, 99),
            "query_mean_ms": statistics.fmean(samples),
            "query_max_ms": max(samples),
            "search_peak_rss_mb": search[engine]["max_rss_kb"] / 1024,
            "matches_summed": sum(q["total"] for q in main),
            "samples": len(samples),
            "category_p50_ms": {c: percentile(v, 50) if v is not None else None for c, v in by_category.items()},
            "per_query": [{"query": q["query"], "category": q["category"], "skipped": q["skipped"], "total": None,
                           "p50_ms": None} if "skipped" in q else
                          {"query": q["query"], "category": q["category"], "total": q["total"],
                           "p50_ms": percentile([ns / 1e6 for ns in q["ns"]], 50)} for q in queries[engine]],
        }
    proc = {name: [ns / 1e6 for ns in values] for name, values in processes["process_latency"]["ns"].items()}
    process = {name: {"p50_ms": percentile(v, 50), "p99_ms": percentile(v, 99), "runs": len(v)}
               for name, v in proc.items()}
    metrics = ("index_docs_per_s", "index_mb_per_s", "index_peak_rss_mb", "db_mb", "db_compacted_mb", "query_p50_ms",
               "query_p90_ms", "query_p99_ms", "query_mean_ms", "search_peak_rss_mb", "matches_summed")
    ratios = {f"corpus-search/{b}": {m: ratio(engines["corpus-search"][m], engines[b][m]) for m in metrics}
              for b in BASELINES}
    ratios["corpus-search/plain-xapian"]["process_p50_ms"] = ratio(
        process["corpus-search"]["p50_ms"], process["quest"]["p50_ms"])
    ratios["corpus-search/plain-xapian"]["db_mb_to_compacted"] = ratio(
        engines["corpus-search"]["db_mb"], engines["plain-xapian"]["db_compacted_mb"])
    ratios["corpus-search/empty-xapian-icu"] = {"process_p50_ms": ratio(
        process["corpus-search"]["p50_ms"], process["empty-xapian-icu"]["p50_ms"])}
    return {
        "schema": "corpus-search benchmark report 1",
        "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "corpus": {"path": args.corpus, "articles": args.count, "seed": args.seed, "bytes": args.corpus_bytes},
        "query_mix": {"file": args.query_mix, "queries": len(headline(queries["corpus-search"])),
                      "queries_apart": len(queries["corpus-search"]) - len(headline(queries["corpus-search"])),
                      "categories_apart": list(APART_CATEGORIES), "timed_rounds": args.reps},
        "machine": {"cpu": args.machine_cpu, "cpus": args.machine_nproc,
                    "memory_gib": round(args.machine_memory_kb / 1024 / 1024, 1), "kernel": args.machine_kernel,
                    "load_before": args.load_before, "load_after": args.load_after},
        "versions": {"corpus-search": args.revision, "xapian": args.xapian_version, "sqlite": args.sqlite_version},
        "engines": engines,
        "process_latency": {"query": processes["process_latency"]["query"], **process},
        "batch": processes["batch"],
        "ratios": ratios,
        "remote_shards": summarise_remote(args, engines["corpus-search"]),
        "agreement": agreement(args.ids, args.baseline_ids, PLAIN_WORD_CATEGORIES),
        "agreement_wildcard": agreement(args.ids, args.baseline_ids, ("wildcard",)),
    }


def targets(report):
    """Issue 6's targets that one run at one corpus size can check: (target, result, holds)."""
    e, r = report["engines"], report["ratios"]["corpus-search/plain-xapian"]
    cs, px = e["corpus-search"], e["plain-xapian"]
    p, b, a = report["process_latency"], report["batch"], report["agreement"]
    rows = [
        ("indexing ≥ 3× plain Xapian's docs/s", f"{fmt(cs['index_docs_per_s'])} vs {fmt(px['index_docs_per_s'])} docs/s",
         r["index_docs_per_s"], r["index_docs_per_s"] >= 3),
        ("in-process p50 ≤ 0.25× plain Xapian's", f"{fmt(cs['query_p50_ms'])} vs {fmt(px['query_p50_ms'])} ms",
         r["query_p50_ms"], r["query_p50_ms"] <= 0.25),
        ("in-process p99 ≤ 0.25× plain Xapian's", f"{fmt(cs['query_p99_ms'])} vs {fmt(px['query_p99_ms'])} ms",
         r["query_p99_ms"], r["query_p99_ms"] <= 0.25),
        ("whole process ≤ 1.5× quest", f"{fmt(p['corpus-search']['p50_ms'])} vs {fmt(p['quest']['p50_ms'])} ms",
         r["process_p50_ms"], r["process_p50_ms"] <= 1.5),
        ("index size ≤ 1.0× plain Xapian's compacted", f"{fmt(cs['db_mb'])} vs {fmt(px['db_compacted_mb'])} MB",
         r["db_mb_to_compacted"], r["db_mb_to_compacted"] <= 1.0),
        ("peak indexing memory ≤ 300 MB", f"{fmt(cs['index_peak_rss_mb'])} MB", None, cs["index_peak_rss_mb"] <= 300),
        ("--batch ≥ 20× one process per query", f"{fmt(b['batch_ms_per_query'])} vs {fmt(b['process_ms_per_query'])} ms "
         "per query", b["speedup"], b["speedup"] >= 20),
        ("--scope all finds plain Xapian's articles for plain-word queries",
         f"{a['same_articles']} of {a['queries']} queries the same", None, a["same_articles"] == a["queries"]),
    ]
    return rows


def fmt(value, digits=None):
    if value is None:
        return "—"
    if digits is None:
        digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2 if abs(value) >= 1 else 3
    return f"{value:,.{digits}f}"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}×"


def markdown(report):
    e = report["engines"]
    cs, px, ft = e["corpus-search"], e["plain-xapian"], e["fts5"]
    r_px, r_ft = report["ratios"]["corpus-search/plain-xapian"], report["ratios"]["corpus-search/fts5"]
    m, c, q = report["machine"], report["corpus"], report["query_mix"]
    lines = [
        "# corpus-search benchmark",
        "",
        "Issue 6's targets in this run (the million-article target needs a run of its own):",
        "",
        "| target | measured | ratio | holds |",
        "|---|---|---:|---|",
    ]
    for target, measured, value, holds in targets(report):
        lines.append(f"| {target} | {measured} | {fmt_ratio(value) if value is not None else '—'} | "
                     f"{'yes' if holds else '**no**'} |")
    lines += [
        "",
        f"{c['articles']:,} generated articles ({c['bytes'] / 1e6:.1f} MB, seed {c['seed']}); "
        f"{q['queries']} queries ({q['file']}, every category but {', '.join(q['categories_apart'])}, "
        f"whose {q['queries_apart']} queries are reported apart below) × {q['timed_rounds']} timed rounds in "
        "process. Ratio = corpus-search ÷ baseline, from this run alone: above 1 is better for docs/s and MB/s, "
        "below 1 is better for everything else.",
        "",
        "| metric | corpus-search | plain Xapian | SQLite FTS5 | ÷ plain Xapian | ÷ FTS5 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    rows = [
        ("indexing, docs/s", "index_docs_per_s"),
        ("indexing, MB/s", "index_mb_per_s"),
        ("indexing, peak memory (MB)", "index_peak_rss_mb"),
        ("database size (MB)", "db_mb"),
        ("database size after xapian-compact (MB)", "db_compacted_mb"),
        ("query p50 (ms)", "query_p50_ms"),
        ("query p90 (ms)", "query_p90_ms"),
        ("query p99 (ms)", "query_p99_ms"),
        ("query mean (ms)", "query_mean_ms"),
        ("searching, peak memory (MB)", "search_peak_rss_mb"),
        ("matching articles, summed over the mix", "matches_summed"),
    ]
    for label, key in rows:
        lines.append(f"| {label} | {fmt(cs[key])} | {fmt(px[key])} | {fmt(ft[key])} | "
                     f"{fmt_ratio(r_px[key])} | {fmt_ratio(r_ft[key])} |")
    p = report["process_latency"]
    lines.append(f"| whole process, one query, p50 (ms) | {fmt(p['corpus-search']['p50_ms'])} | "
                 f"{fmt(p['quest']['p50_ms'])} (quest) | — | {fmt_ratio(r_px['process_p50_ms'])} | — |")
    rs = report["remote_shards"]
    differing = rs["totals_differing"]
    lines += [
        "",
        f"Remote shards: the corpus indexed again with `corpus-index --shards {rs['shards']}`; corpus-search "
        f"answers the same mix in process (figures over the {q['queries']} headline queries; the article "
        "counts compared for every query) through one stub file naming shard-00 on the local disk and "
        f"{rs['remote_shards']} shards served by xapian-tcpsrv on 127.0.0.1 (scripts/shard-server), so the "
        "network cost is the loopback's. Ratio = through the shards ÷ the single database, below 1 is better:",
        "",
        f"| metric | single database | {rs['shards']} shards, {rs['remote_shards']} remote | ÷ single database |",
        "|---|---:|---:|---:|",
    ]
    for label, key in (("query p50 (ms)", "query_p50_ms"), ("query p90 (ms)", "query_p90_ms"),
                       ("query p99 (ms)", "query_p99_ms"), ("query mean (ms)", "query_mean_ms"),
                       ("matching articles, summed over the mix", "matches_summed")):
        lines.append(f"| {label} | {fmt(cs[key])} | {fmt(rs[key])} | {fmt_ratio(rs['ratio_to_single'][key])} |")
    lines += [
        "",
        ("Every query" if not rs["skipped"] else f"Every query but the {len(rs['skipped'])} not run through the "
         f"shards ({rs['skipped'][0]['why']})") + " found as many articles through the shards as in the single "
        "database." if not differing else
        f"**{len(differing)} queries found a different number of articles through the shards**: "
        + ", ".join(f"`{q}`" for q in differing[:5]) + (" ..." if len(differing) > 5 else "") + ".",
        "",
        f"Whole process: `corpus-search '{p['query']}'` against `quest -o and -m 10` on the plain Xapian "
        f"database and an empty program linked to Xapian and ICU, {p['corpus-search']['runs']} runs each, "
        "interleaved:",
        "",
        "| program | p50 (ms) | p99 (ms) | corpus-search ÷ it |",
        "|---|---:|---:|---:|",
    ]
    for name in ("corpus-search", "quest", "empty-xapian-icu"):
        lines.append(f"| {name} | {fmt(p[name]['p50_ms'])} | {fmt(p[name]['p99_ms'])} | "
                     f"{fmt_ratio(p['corpus-search']['p50_ms'] / p[name]['p50_ms'])} |")
    a = report["agreement"]
    lines += [
        "",
        f"Same answers: for the {a['queries']} plain-word queries of the mix (categories "
        f"{', '.join(PLAIN_WORD_CATEGORIES)}), corpus-search over the whole page (`--scope all`) and plain "
        "Xapian (QueryParser stemming every word) matched the same articles for "
        f"{a['same_articles']} of them.",
    ]
    if a["differing"]:
        lines += ["", "| query | corpus-search | plain Xapian | only corpus-search | only plain Xapian |",
                  "|---|---:|---:|---:|---:|"]
        for d in a["differing"]:
            lines.append(f"| `{d['query']}` | {d['corpus_search']:,} | {d['plain_xapian']:,} | "
                         f"{d['only_corpus_search']:,} | {d['only_plain_xapian']:,} |")
    b = report["batch"]
    lines += [
        "",
        f"`--batch` against one process per query (the {q['queries']} headline queries' texts, no filters): "
        "one --batch process "
        f"answers {b['batch_queries']} queries at {fmt(b['batch_ms_per_query'])} ms each; {b['processes']} "
        f"separate processes take {fmt(b['process_ms_per_query'])} ms each: **{b['speedup']:.1f}×** "
        "for --batch.",
        "",
        "In-process p50 by query category (ms); latency.png plots the percentiles:",
        "",
        "| category | corpus-search | plain Xapian | SQLite FTS5 | ÷ plain Xapian | ÷ FTS5 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for category in cs["category_p50_ms"]:
        a, x, f = (e[n]["category_p50_ms"][category] for n in ENGINES)
        label = f"{category} (apart)" if category in APART_CATEGORIES else category
        lines.append(f"| {label} | {fmt(a)} | {fmt(x)} | {fmt(f)} | {fmt_ratio(ratio(a, x))} | "
                     f"{fmt_ratio(ratio(a, f))} |")
    lines += apart_lines(report)
    lines += [
        "",
        f"Machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB, {m['kernel']}; load average "
        f"{m['load_before']} before, {m['load_after']} after. corpus-search {report['versions']['corpus-search']}, "
        f"Xapian {report['versions']['xapian']}, SQLite {report['versions']['sqlite']}. {report['when']}.",
        "",
        "What each engine does: corpus-search indexes the article it separates from the page (title and "
        "body; chrome apart) with its own analysis and Korean-name layer, and answers with snippets and "
        "outlet, month and person facets. The baselines index the whole page text with title, outlet and "
        "date from the metadata, and answer with snippets (MSet::snippet, FTS5 snippet()) and outlet and "
        "month facets (ValueCountMatchSpy, GROUP BY). All three give the exact total and the first 10 hits. "
        "MSet::snippet runs with its default flags, whose background model looks up the frequency of "
        "every word of each hit's text: most of plain Xapian's time on a page with hits. "
        "Match counts differ because the engines read text differently (chrome, names, stemming, "
        "possessives).",
        "",
        "![In-process latency percentiles and p50 by category](latency.png)",
        "",
    ]
    return "\n".join(lines)


def apart_lines(report):
    """The queries of the categories kept out of the headline figures, one line each."""
    e, q = report["engines"], report["query_mix"]
    rows = [i for i, p in enumerate(e["corpus-search"]["per_query"]) if p["category"] in APART_CATEGORIES]
    if not rows:
        return []
    lines = [
        "",
        f"The {len(rows)} queries of the categories {', '.join(q['categories_apart'])} (issue 22), apart from the "
        f"headline figures above, which cover the other {q['queries']}: p50 in ms and matching articles. "
        "A wildcard is expanded by each engine over its own words: corpus-search's exact words of title and "
        "body (at most 200), plain Xapian's unstemmed words of the whole page (no limit), FTS5's porter stems "
        "of the whole page. “—”: the engine has no equivalent of SAME (both sides in one paragraph), so the "
        "query is not run there, nor approximated.",
        "",
        "| category | query | corpus-search | plain Xapian | SQLite FTS5 | ÷ plain Xapian | ÷ FTS5 |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for i in rows:
        cs, px, ft = (e[n]["per_query"][i] for n in ENGINES)

        def cell(p):
            return "—" if p["total"] is None else f"{fmt(p['p50_ms'])} ({p['total']:,})"
        lines.append(f"| {cs['category']} | `{cs['query']}` | {cell(cs)} | {cell(px)} | {cell(ft)} | "
                     f"{fmt_ratio(ratio(cs['p50_ms'], px['p50_ms']))} | {fmt_ratio(ratio(cs['p50_ms'], ft['p50_ms']))} |")
    w = report["agreement_wildcard"]
    if w["queries"]:
        lines += ["", f"Wildcards: corpus-search over the whole page (`--scope all`) and plain Xapian matched the "
                      f"same articles for {w['same_articles']} of the {w['queries']} wildcard queries."]
        lines += [f"- `{d['query']}`: corpus-search {d['corpus_search']:,}, plain Xapian {d['plain_xapian']:,} "
                  f"(only corpus-search {d['only_corpus_search']:,}, only plain Xapian {d['only_plain_xapian']:,})"
                  for d in w["differing"]]
    return lines


def plot(report, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(13, 5))
    points = [p / 2 for p in range(1, 201)]
    for engine in ENGINES:
        samples = report["_samples"][engine]
        left.plot(points, [percentile(samples, p) for p in points], label=LABELS[engine])
    left.set_yscale("log")
    left.set_xlabel("percentile")
    left.set_ylabel("latency (ms, log scale)")
    left.set_title(f"In-process query latency, the {report['query_mix']['queries']} headline queries")
    for p in (50, 90, 99):
        left.axvline(p, color="grey", linewidth=0.5, linestyle=":")
    left.legend()
    left.grid(True, which="both", alpha=0.3)

    categories = list(report["engines"]["corpus-search"]["category_p50_ms"])
    width = 0.27
    for i, engine in enumerate(ENGINES):
        values = [report["engines"][engine]["category_p50_ms"][c] for c in categories]
        values = [math.nan if v is None else v for v in values]  # no bar where the engine did not run
        right.bar([x + (i - 1) * width for x in range(len(categories))], values, width, label=LABELS[engine])
    right.set_xticks(range(len(categories)), categories, rotation=30)
    right.set_yscale("log")
    right.set_ylabel("p50 latency (ms, log scale)")
    right.set_title("p50 by query category")
    right.legend()
    right.grid(True, axis="y", which="both", alpha=0.3)
    c = report["corpus"]
    figure.suptitle(f"{c['articles']:,} articles, {report['machine']['cpus']} CPUs ({report['machine']['cpu']})",
                    fontsize=9)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measurements", required=True)
    parser.add_argument("--processes", required=True)
    parser.add_argument("--ids", required=True, help="corpus-search-latency --ids output")
    parser.add_argument("--baseline-ids", required=True, help="plain-xapian-search --ids output")
    parser.add_argument("--remote-measurements", required=True)
    parser.add_argument("--shards", type=int, required=True)
    parser.add_argument("--remote-shards", type=int, required=True)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--reps", type=int, required=True)
    parser.add_argument("--corpus-bytes", type=int, required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--query-mix", required=True)
    parser.add_argument("--machine-cpu", required=True)
    parser.add_argument("--machine-nproc", type=int, required=True)
    parser.add_argument("--machine-memory-kb", type=int, required=True)
    parser.add_argument("--machine-kernel", required=True)
    parser.add_argument("--load-before", required=True)
    parser.add_argument("--load-after", required=True)
    parser.add_argument("--xapian-version", required=True)
    parser.add_argument("--sqlite-version", required=True)
    parser.add_argument("--revision", required=True)
    args = parser.parse_args()

    report = summarise(args)
    _, _, queries = read_measurements(args.measurements)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(report)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    report["_samples"] = {engine: latency_ms(headline(queries[engine])) for engine in ENGINES}
    plot(report, args.out / "latency.png")
    print(text, end="")


if __name__ == "__main__":
    main()
