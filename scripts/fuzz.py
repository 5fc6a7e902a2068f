"""A long fuzzing run over reading, parsing, building and answering (hypothesis, time-bounded).

    python scripts/fuzz.py --minutes 10

Each round draws bytes for the reader, texts of the genre's characters for parsing and building,
and arbitrary questions for answering, and checks the same invariants as tests/test_reliability.py:
no exception escapes but ReadError, every offset slices back to its text, every answer serialises.
Prints the number of examples tried and any failure found (with its input), and exits 1 on failure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kg import KnowledgeGraph  # noqa: E402
from kg.document import parse_document  # noqa: E402
from kg.errors import ReadError  # noqa: E402
from kg.reading import read_bytes  # noqa: E402

GENRE = list("一二三四五六七八九十、（）()第章条节党组委员书记副第一每月季年周应当必须不得严禁原则上可以兼任担任"
             "“”‘’：；，。！？\n\r\t *＊0123456789%-+有的一些少数问题措施做法对策建议机关支部小组成员干部负责人")


def _check_answer(kg, answer):
    data = answer.to_dict()
    json.dumps(data, ensure_ascii=False)
    for item in data["evidence"]:
        assert kg.document(item["doc"]).text[item["start"]:item["end"]] == item["text"]


def run(minutes: float) -> int:
    deadline = time.monotonic() + minutes * 60
    base = KnowledgeGraph().fit(ROOT.parent / "shared" / "corpus" if (ROOT.parent / "shared" / "corpus").is_dir() else None)
    counts = {"bytes": 0, "texts": 0, "questions": 0, "builds": 0}
    common = settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))

    @common
    @given(st.binary(max_size=2000))
    def reading(data):
        counts["bytes"] += 1
        try:
            source = read_bytes(data, name="fuzz.txt")
        except ReadError:
            return
        doc = parse_document(source.text, "fuzz")
        assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)

    @common
    @given(st.text(alphabet=st.sampled_from(GENRE), max_size=1500))
    def parsing(text):
        counts["texts"] += 1
        doc = parse_document(text, "fuzz")
        assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)

    @common
    @given(st.one_of(st.text(max_size=300), st.text(alphabet=st.sampled_from(GENRE), max_size=80)))
    def answering(question):
        counts["questions"] += 1
        _check_answer(base, base.ask(question))

    @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.text(alphabet=st.sampled_from(GENRE), min_size=1, max_size=600).filter(str.strip))
    def building(text):
        counts["builds"] += 1
        kg = KnowledgeGraph().fit(texts={"fuzz": text})
        _check_answer(kg, kg.ask("党组每月要做什么？"))
        assert len(kg.graph) > 0

    rounds = 0
    while time.monotonic() < deadline:
        for test in (reading, parsing, answering, building):
            try:
                test()
            except Exception as exc:  # report the failing input hypothesis shrank to
                print(f"FAILED in {test.__name__}: {type(exc).__name__}: {exc}")
                return 1
        rounds += 1
    print(f"fuzzing: {rounds} rounds, {counts} examples, {minutes} minutes, no failure")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    sys.exit(run(parser.parse_args().minutes))
