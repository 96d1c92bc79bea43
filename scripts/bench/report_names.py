"""Summarizes scripts/benchmark-names runs: a Markdown table on stdout and a JSON file.

Usage: report_names.py --count N --corpus-bytes B --json PATH [--check] [--threshold 0.9]
       --machine-nproc N --machine-cpu MODEL [--seed S] [--binary NAME] [--revision REV]
       [--load-before L] [--load-after L]
       RUN...   where each RUN is LAYER:SECONDS (LAYER on or off), in the order run.
Exits 1 with --check when median docs/s with the layer on is below threshold x off.
"""

import argparse
import json
import os
import statistics
import sys


def main(argv):
    p = argparse.ArgumentParser(prog="report_names.py")
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--corpus-bytes", type=int, required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--check", action="store_true")
    p.add_argument("--threshold", type=float, default=0.9)
    p.add_argument("--machine-nproc", type=int, required=True)
    p.add_argument("--machine-cpu", required=True)
    p.add_argument("--seed", type=int)
    p.add_argument("--binary", default="")
    p.add_argument("--revision", default="")
    p.add_argument("--load-before", default="", help="/proc/loadavg's 1, 5, 15 minute figures")
    p.add_argument("--load-after", default="")
    p.add_argument("runs", nargs="+")
    a = p.parse_args(argv)

    runs = []
    for order, item in enumerate(a.runs, 1):
        layer, _, seconds = item.partition(":")
        seconds = float(seconds)
        runs.append({"order": order, "layer": layer, "seconds": round(seconds, 3),
                     "docs_per_s": round(a.count / seconds, 1)})
    by_layer = {}
    for layer in ("on", "off"):
        mine = [r for r in runs if r["layer"] == layer]
        by_layer[layer] = {
            "runs": len(mine),
            "median_seconds": round(statistics.median(r["seconds"] for r in mine), 3),
            "median_docs_per_s": round(statistics.median(a.count / r["seconds"] for r in mine), 1),
            "docs_per_s": [r["docs_per_s"] for r in mine],
        }
    ratio = by_layer["on"]["median_docs_per_s"] / by_layer["off"]["median_docs_per_s"]
    passed = ratio >= a.threshold
    corpus_mb = a.corpus_bytes / 1e6
    report = {
        "benchmark": "name-layer indexing speed (corpus-index --rebuild -q, CORPUS_NAME_LAYER unset vs off)",
        "corpus": {"articles": a.count, "seed": a.seed, "megabytes": round(corpus_mb, 1)},
        "machine": {"nproc": a.machine_nproc, "cpu": a.machine_cpu,
                    "loadavg_before": a.load_before, "loadavg_after": a.load_after},
        "binary": a.binary,
        "revision": a.revision,
        "layer_on": by_layer["on"],
        "layer_off": by_layer["off"],
        "ratio_on_off": round(ratio, 3),
        "threshold": a.threshold,
        "passed": passed,
        "runs": runs,
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False)
        f.write("\n")

    on, off = by_layer["on"], by_layer["off"]
    print(f"Name layer indexing speed: {a.count} articles ({corpus_mb:.1f} MB), "
          f"{a.machine_nproc} CPUs, {a.machine_cpu}")
    print()
    print("| name layer | runs | median s | median docs/s | docs/s of each run |")
    print("|---|---:|---:|---:|---|")
    for label, row in (("on (default)", on), ("off (CORPUS_NAME_LAYER=off)", off)):
        each = ", ".join(f"{d:.1f}" for d in row["docs_per_s"])
        print(f"| {label} | {row['runs']} | {row['median_seconds']:.2f} | {row['median_docs_per_s']:.1f} | {each} |")
    print()
    print(f"Ratio on/off: **{ratio:.3f}** (target >= {a.threshold}: {'met' if passed else 'NOT met'})")
    if a.load_before or a.load_after:
        print(f"Load average (1, 5, 15 min) before: {a.load_before}; after: {a.load_after}")
    return 1 if a.check and not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
