"""Question latency and answer quality: p50/p95 per question on the report and on a large corpus.

Run from the repository root:

    python benchmarks/bench_qa.py [--corpus-dir ../shared/corpus] [--documents 1000]

The large corpus is the project's own sample texts and the real texts, copied N times under new
names (each copy a separate document), so the graph really holds N documents.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import KnowledgeGraph  # noqa: E402


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def questions():
    lines = (ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["q"] for line in lines if line.strip()]


def time_questions(kg, qs, repeat=1):
    times = []
    for _ in range(repeat):
        for q in qs:
            started = time.perf_counter()
            kg.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    return times


def report(name, build_seconds, times):
    print(f"{name:<34} build {build_seconds:7.1f} s   questions {len(times):5d}   "
          f"p50 {statistics.median(times):7.1f} ms   p95 {percentile(times, 95):7.1f} ms   max {max(times):7.1f} ms")


def large_corpus(folder: Path, sources, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sources]
    for i in range(n):
        (folder / f"doc{i:05d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--documents", type=int, default=1000)
    args = parser.parse_args()
    qs = questions()
    report_path = Path(args.corpus_dir) / "jiguan_dangjian_report.txt"
    started = time.perf_counter()
    kg = KnowledgeGraph().fit(report_path)
    build = time.perf_counter() - started
    time_questions(kg, qs[:20])  # warm caches
    report("report (1 document)", build, time_questions(kg, qs))
    if args.documents:
        sources = sorted(Path(args.corpus_dir).glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
        with tempfile.TemporaryDirectory() as tmp:
            folder = large_corpus(Path(tmp), sources, args.documents)
            started = time.perf_counter()
            big = KnowledgeGraph().fit(folder)
            build = time.perf_counter() - started
            report(f"{args.documents} documents", build, time_questions(big, qs[:100]))


if __name__ == "__main__":
    main()
