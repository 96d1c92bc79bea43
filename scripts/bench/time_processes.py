"""Whole-process timings for scripts/benchmark, each from the same run.

1. One query answered by a fresh process, repeated --runs times with the three
   programs interleaved (so drift in the machine's speed hits all alike):
   `corpus-search --db DB QUERY` (text output, as a person runs it), Xapian's `quest`
   on the plain Xapian database (-o and -m 10), and an empty program linked to Xapian
   and ICU, the floor any such process pays to start.
2. --batch against one process per query, as scripts/benchmark-batch does: the query
   texts of the mix cycled --batch-cycles times through one `corpus-search --batch`
   process, and --process-cycles times with one `corpus-search --format json QUERY`
   process each; the per-query costs are compared (whole cycles on both sides, so the
   mix is the same).

Prints progress on stderr when it is a terminal and writes the figures as JSON.
"""

import argparse
import json
import subprocess
import sys
import time


def progress(text):
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K" + text)
        sys.stderr.flush()


def timed(argv):
    start = time.perf_counter_ns()
    # corpus-search exits 1 when nothing matches; anything above that is a failure.
    status = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter_ns() - start
    if status.returncode > 1:
        sys.exit(f"time_processes: {' '.join(argv)} failed ({status.returncode}): "
                 f"{status.stderr.decode(errors='replace').strip()}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-search", required=True)
    parser.add_argument("--corpus-db", required=True)
    parser.add_argument("--quest", required=True)
    parser.add_argument("--plain-db", required=True)
    parser.add_argument("--empty", required=True)
    parser.add_argument("--query", required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch-file", required=True, help="one query a line")
    parser.add_argument("--batch-cycles", type=int, default=10)
    parser.add_argument("--process-cycles", type=int, default=2)
    parser.add_argument("--work", required=True, help="folder for the cycled batch file")
    parser.add_argument("--json", required=True)
    args = parser.parse_args()

    programs = {
        "corpus-search": [args.corpus_search, "--db", args.corpus_db, "--color", "never", args.query],
        "quest": [args.quest, "-d", args.plain_db, "-o", "and", "-m", "10", args.query],
        "empty-xapian-icu": [args.empty],
    }
    for argv in programs.values():
        timed(argv)  # page cache and dynamic loader caches warm for all alike
    samples = {name: [] for name in programs}
    for run in range(args.runs):
        progress(f"whole-process latency: run {run + 1}/{args.runs}")
        for name, argv in programs.items():
            samples[name].append(timed(argv))

    queries = [line for line in open(args.batch_file, encoding="utf-8").read().splitlines() if line.strip()]
    batch_path = f"{args.work}/batch-cycled.txt"
    with open(batch_path, "w", encoding="utf-8") as out:
        out.write("".join(q + "\n" for q in queries * args.batch_cycles))
    progress(f"--batch: one process for {len(queries) * args.batch_cycles} queries")
    batch_ns = timed([args.corpus_search, "--db", args.corpus_db, "--batch", batch_path])
    process_ns = 0
    process_count = 0
    for cycle in range(args.process_cycles):
        for query in queries:
            process_count += 1
            if process_count % 10 == 0:
                progress(f"one process per query: {process_count}/{len(queries) * args.process_cycles}")
            process_ns += timed([args.corpus_search, "--db", args.corpus_db, "--format", "json", query])
    progress("")

    batch_per_query = batch_ns / (len(queries) * args.batch_cycles)
    process_per_query = process_ns / process_count
    figures = {
        "process_latency": {"query": args.query, "runs": args.runs, "ns": samples},
        "batch": {
            "mix_queries": len(queries),
            "batch_queries": len(queries) * args.batch_cycles,
            "batch_seconds": batch_ns / 1e9,
            "batch_ms_per_query": batch_per_query / 1e6,
            "processes": process_count,
            "processes_seconds": process_ns / 1e9,
            "process_ms_per_query": process_per_query / 1e6,
            "speedup": process_per_query / batch_per_query,
        },
    }
    with open(args.json, "w", encoding="utf-8") as out:
        json.dump(figures, out, indent=2)


if __name__ == "__main__":
    main()
