"""scripts/benchmark-vs's report: the current checkout against an older commit, as ratios.

Reads, from --runs: index.jsonl (one line per indexing run: pair, build old or new, wall
and CPU seconds, database bytes) and search-BUILD-PAIR.jsonl (corpus-search-latency's
JSON lines for each build and pair). Every ratio is new / old within one pair, run back
to back on the same machine; the summary is the median over the pairs, so one pair hit
by other work on the machine moves it little. Writes report.md and report.json into
--out and prints report.md.
"""

import argparse
import json
import pathlib
import statistics
import sys

BUILDS = ("old", "new")


def read_jsonl(path):
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        sys.exit(f"report_vs: cannot read {path}: {error}")


def query_medians_ms(lines):
    """Per query of one run: (category, median latency in ms, matching articles)."""
    queries = [q for q in lines if q.get("kind") == "query" and "ns" in q]
    if not queries:
        sys.exit("report_vs: a search run printed no timed queries")
    return [(q["category"], statistics.median(q["ns"]) / 1e6, q["total"]) for q in queries]


def ratio(new, old):
    return round(new / old, 3) if old > 0 else None


def median_ratio(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def summarize(args):
    runs = pathlib.Path(args.runs)
    index = {(r["pair"], r["build"]): r for r in read_jsonl(runs / "index.jsonl")}
    pairs = []
    categories = {}  # category -> per pair ratio of its queries' p50
    totals = None  # matching articles per query, from pair 1 (every run answers the same)
    for pair in range(1, args.pairs + 1):
        medians = {b: query_medians_ms(read_jsonl(runs / f"search-{b}-{pair}.jsonl")) for b in BUILDS}
        if len(medians["old"]) != len(medians["new"]):
            sys.exit(f"report_vs: the builds answered {len(medians['old'])} and {len(medians['new'])} queries")
        if totals is None:
            totals = {b: [total for _, _, total in medians[b]] for b in BUILDS}
        p50 = {b: statistics.median(ms for _, ms, _ in medians[b]) for b in BUILDS}
        for category in dict.fromkeys(c for c, _, _ in medians["new"]):
            of = {b: statistics.median(ms for c, ms, _ in medians[b] if c == category) for b in BUILDS}
            categories.setdefault(category, {"queries": sum(c == category for c, _, _ in medians["new"]),
                                             "ratios": []})["ratios"].append(ratio(of["new"], of["old"]))
        run = {b: index[(pair, b)] for b in BUILDS}
        pairs.append({
            "pair": pair,
            "index_wall_s": {b: run[b]["wall_s"] for b in BUILDS},
            "index_wall_ratio": ratio(run["new"]["wall_s"], run["old"]["wall_s"]),
            "index_cpu_s": {b: run[b]["cpu_s"] for b in BUILDS},
            "index_cpu_ratio": ratio(run["new"]["cpu_s"], run["old"]["cpu_s"]),
            "db_bytes": {b: run[b]["db_bytes"] for b in BUILDS},
            "query_p50_ms": {b: round(p50[b], 4) for b in BUILDS},
            "query_p50_ratio": ratio(p50["new"], p50["old"]),
        })
    queries = [q for q in read_jsonl(runs / "search-new-1.jsonl") if q.get("kind") == "query"]
    differing = [{"query": q["query"], "old": old, "new": new}
                 for q, old, new in zip(queries, totals["old"], totals["new"]) if old != new]
    return {
        "new": {"revision": args.revision, "what": "this checkout"},
        "old": {"ref": args.ref, "commit": args.ref_commit},
        "corpus": {"articles": args.count, "seed": args.seed, "bytes": args.corpus_bytes},
        "pairs": args.pairs,
        "timed_rounds": args.reps,
        "queries": len(queries),
        "machine": {"cpu": args.machine_cpu, "nproc": args.machine_nproc,
                    "load_before": args.load_before, "load_after": args.load_after},
        "per_pair": pairs,
        "median_ratios": {
            "index_wall": median_ratio(p["index_wall_ratio"] for p in pairs),
            "index_cpu": median_ratio(p["index_cpu_ratio"] for p in pairs),
            "db_bytes": median_ratio(ratio(p["db_bytes"]["new"], p["db_bytes"]["old"]) for p in pairs),
            "query_p50": median_ratio(p["query_p50_ratio"] for p in pairs),
            "categories": {c: {"queries": v["queries"], "ratio": median_ratio(v["ratios"])}
                           for c, v in categories.items()},
        },
        "totals_differ": differing,
    }


def fmt(value, digits=3):
    return "—" if value is None else f"{value:.{digits}f}"


def plural(n, noun):
    return f"{n} {noun}" + ("" if n == 1 else "s")


def markdown(report):
    r = report["median_ratios"]
    old, new = report["old"], report["new"]
    lines = [
        f"# corpus-search `{new['revision']}` against `{old['ref']}` ({old['commit'][:12]})",
        "",
        f"{report['corpus']['articles']:,} generated articles (seed {report['corpus']['seed']}, "
        f"{report['corpus']['bytes'] / 1e6:.1f} MB); {plural(report['pairs'], 'pair')}, each old then new; "
        f"{report['queries']} queries × {plural(report['timed_rounds'], 'timed round')} per search run. "
        "Ratios are new ÷ old within a pair (below 1: the new code is faster); "
        "the query figure is the p50 over the queries of each query's median.",
        "",
        "| pair | indexing wall, s (old → new) | ratio | indexing CPU, s | ratio | query mix p50, ms | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in report["per_pair"]:
        lines.append(
            f"| {p['pair']} | {p['index_wall_s']['old']:.2f} → {p['index_wall_s']['new']:.2f} | "
            f"{fmt(p['index_wall_ratio'])} | {p['index_cpu_s']['old']:.2f} → {p['index_cpu_s']['new']:.2f} | "
            f"{fmt(p['index_cpu_ratio'])} | {p['query_p50_ms']['old']:.3f} → {p['query_p50_ms']['new']:.3f} | "
            f"{fmt(p['query_p50_ratio'])} |")
    lines += [
        "",
        "| median of the pairs' ratios | new ÷ old |",
        "|---|---|",
        f"| indexing, wall | {fmt(r['index_wall'])} |",
        f"| indexing, CPU (user + sys) | {fmt(r['index_cpu'])} |",
        f"| index size | {fmt(r['db_bytes'])} |",
        f"| query mix p50 ({report['queries']} queries) | {fmt(r['query_p50'])} |",
    ]
    for category, figures in r["categories"].items():
        lines.append(f"| {category} ({figures['queries']}) | {fmt(figures['ratio'])} |")
    lines.append("")
    differing = report["totals_differ"]
    if differing:
        shown = "; ".join(f"{d['query']}: {d['old']} → {d['new']}" for d in differing[:5])
        lines.append(f"{len(differing)} queries match a different number of articles, so their ratios "
                     f"compare different work: {shown}{' …' if len(differing) > 5 else ''}")
    else:
        lines.append("Every query matches as many articles with both builds.")
    m = report["machine"]
    lines.append(f"Machine: {m['cpu']}, {m['nproc']} CPUs; load {m['load_before']} before, {m['load_after']} after.")
    return "\n".join(lines) + "\n"


def main(argv):
    p = argparse.ArgumentParser(prog="report_vs.py", description=__doc__.splitlines()[0])
    p.add_argument("--runs", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--pairs", type=int, required=True)
    p.add_argument("--reps", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--corpus-bytes", type=int, required=True)
    p.add_argument("--ref", required=True)
    p.add_argument("--ref-commit", required=True)
    p.add_argument("--revision", required=True)
    p.add_argument("--machine-cpu", default="unknown")
    p.add_argument("--machine-nproc", type=int, default=0)
    p.add_argument("--load-before", default="", help="/proc/loadavg's 1, 5, 15 minute figures")
    p.add_argument("--load-after", default="")
    args = p.parse_args(argv)
    report = summarize(args)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(report)
    (out / "report.md").write_text(text, encoding="utf-8")
    sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
