"""Report of scripts/benchmark-scale: report.md and report.json, the table printed.

Reads the JSON lines the script wrote (one per nightly run and one per timed query) and
compares the large corpus's indexing throughput with the baseline corpus's from the same
run, against issue 6's target (at least 0.8x, peak memory at most 300 MB).
"""

import argparse
import json
import os

THROUGHPUT_TARGET = 0.8
MEMORY_TARGET_MB = 300


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measurements", required=True)
    parser.add_argument("--out", required=True)
    for name in ("count", "baseline", "seed", "machine-nproc", "machine-memory-kb"):
        parser.add_argument(f"--{name}", type=int, required=True)
    for name in ("machine-cpu", "machine-kernel", "load-before", "load-after", "revision"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()

    rows = [json.loads(line) for line in open(args.measurements, encoding="utf-8") if line.strip()]

    def find(articles, run):
        return next(r for r in rows if r["articles"] == articles and r["run"] == run)

    sizes = {}
    for articles in (args.baseline, args.count):
        first, unchanged, query = (find(articles, run) for run in ("first", "unchanged", "query"))
        sizes[articles] = {
            "articles": articles,
            "corpus_mb": first["corpus_bytes"] / 1e6,
            "first_run": {
                "seconds": first["seconds"],
                "docs_per_second": articles / first["seconds"],
                "mb_per_second": first["corpus_bytes"] / 1e6 / first["seconds"],
                "peak_mb": first["max_rss_kb"] / 1024,
                "db_mb": first["db_bytes"] / 1e6,
                "summary": first["summary"],
                "log": first["log"],
            },
            "unchanged_run": {
                "seconds": unchanged["seconds"],
                "peak_mb": unchanged["max_rss_kb"] / 1024,
                "summary": unchanged["summary"],
            },
            "query": {"text": query["query"], "ms": query["seconds"] * 1000, "matches": query["matches"]},
        }
    large, small = sizes[args.count], sizes[args.baseline]
    ratio = large["first_run"]["docs_per_second"] / small["first_run"]["docs_per_second"]
    peak = max(s[run]["peak_mb"] for s in sizes.values() for run in ("first_run", "unchanged_run"))
    report = {
        "seed": args.seed,
        "revision": args.revision,
        "machine": {"cpu": args.machine_cpu, "nproc": args.machine_nproc,
                    "memory_gb": args.machine_memory_kb / 1048576, "kernel": args.machine_kernel,
                    "load_before": args.load_before, "load_after": args.load_after},
        "sizes": [small, large],
        "throughput_ratio": ratio,
        "throughput_target": THROUGHPUT_TARGET,
        "peak_mb": peak,
        "memory_target_mb": MEMORY_TARGET_MB,
    }

    lines = [
        f"# Scale: {args.count:,} articles against {args.baseline:,} in one run of scripts/nightly-reindex",
        "",
        f"Revision {args.revision}, seed {args.seed}; {args.machine_nproc} × {args.machine_cpu}, "
        f"{report['machine']['memory_gb']:.0f} GiB, {args.machine_kernel}; "
        f"load average {args.load_before} before, {args.load_after} after.",
        "",
        "| articles | corpus MB | first run s | docs/s | MB/s | peak MB | index MB | unchanged run s | one query ms (matches) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in (small, large):
        f, u, q = s["first_run"], s["unchanged_run"], s["query"]
        lines.append(f"| {s['articles']:,} | {s['corpus_mb']:,.0f} | {f['seconds']:,.0f} | {f['docs_per_second']:,.0f} | "
                     f"{f['mb_per_second']:.2f} | {max(f['peak_mb'], u['peak_mb']):.0f} | {f['db_mb']:,.0f} | "
                     f"{u['seconds']:,.1f} | {q['ms']:,.0f} ({q['matches']:,}) |")
    lines += [
        "",
        f"Throughput at {args.count:,} ÷ at {args.baseline:,}: **{ratio:.2f}×** (target ≥ {THROUGHPUT_TARGET}×: "
        f"{'holds' if ratio >= THROUGHPUT_TARGET else 'fails'}); peak memory {peak:.0f} MB "
        f"(target ≤ {MEMORY_TARGET_MB} MB: {'holds' if peak <= MEMORY_TARGET_MB else 'fails'}).",
        "",
        "Nightly log lines:",
        "",
    ]
    lines += [f"    {s['first_run']['log']}" for s in (small, large)]
    markdown = "\n".join(lines) + "\n"

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as out:
        out.write(markdown)
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as out:
        json.dump(report, out, indent=2)
    print(markdown, end="")


if __name__ == "__main__":
    main()
