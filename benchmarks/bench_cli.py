"""Command-line latency: the wall time of one ``kg ask`` process, built from scratch and from the cache.

Run from the repository root:

    python benchmarks/bench_cli.py [--runs 3] [--corpus PATH ...]

For each corpus (by default the bundled samples and, when it is there, ``../shared/corpus``) it runs
``python -m kg.cli ask --json --corpus … QUESTION`` as a user would, each in a new process:

* ``no cache``: with ``KG_CACHE=0``, so every run reads, parses, extracts and indexes the corpus;
* ``first (fills the cache)``: the first run with an empty cache folder, which also writes the cache;
* ``from the cache``: later runs, which load the built graph and its index tokens (:mod:`kg.cache`).

It prints the median and the range of each, in seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "第一书记要做什么？"


def run_once(corpus, env) -> float:
    command = [sys.executable, "-m", "kg.cli", "ask", "--json", QUESTION]
    if corpus is not None:
        command[4:4] = ["--corpus", str(corpus)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kg ask failed: {done.stderr.strip()}")
    return elapsed


def measure(corpus, runs) -> dict:
    base = dict(os.environ)
    results = {}
    with tempfile.TemporaryDirectory() as cache:
        off = {**base, "KG_CACHE": "0"}
        results["no cache"] = [run_once(corpus, off) for _ in range(runs)]
        on = {**base, "KG_CACHE_DIR": cache, "KG_CACHE": "1"}
        results["first (fills the cache)"] = [run_once(corpus, on)]
        results["from the cache"] = [run_once(corpus, on) for _ in range(runs)]
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", action="append", help="a corpus to time (repeatable)")
    args = parser.parse_args(argv)
    corpora = args.corpus or [None] + [str(p) for p in [ROOT.parent / "shared" / "corpus"] if p.is_dir()]
    print(f"| corpus | run | median | min–max |\n|---|---|---:|---:|")
    for corpus in corpora:
        name = "bundled samples" if corpus is None else corpus
        for label, times in measure(corpus, args.runs).items():
            print(f"| {name} | {label} | {statistics.median(times):.2f} s | {min(times):.2f}–{max(times):.2f} s |",
                  flush=True)


if __name__ == "__main__":
    main()
