"""Evaluation: score answers against a gold question set, for kg and a TF-IDF-only baseline.

A gold question is a JSON object with ``q`` (the question), ``lang``, ``kind`` (the intent it
tests), ``must`` (groups of phrases; a group is met when any of its phrases is in the text) and
``evidence`` (phrases of the supporting sentences). Scores, per question:

* answer score: the share of ``must`` groups met by the first 400 characters of the answer;
* support score: the same over the whole answer and the first ``k`` evidence sentences;
* evidence precision: the share of the first ``k`` evidence sentences holding a gold phrase;
* evidence recall: the share of gold phrases found in those sentences.

>>> score_one({"must": [["党组"], ["机关党委"]], "evidence": ["党组认真履行"]},
...           {"answer": "党组负责", "evidence": [{"text": "党组认真履行好党建主体责任"}]})["answer"]
0.5
"""

from __future__ import annotations

import json
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from .errors import KgError

ANSWER_CAP = 400


def _nfkc(text) -> str:
    return unicodedata.normalize("NFKC", text or "")


def load_gold(path) -> list:
    """Read a gold question file (JSON Lines); raises :class:`KgError` naming a bad line."""
    questions = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KgError(f"{path}: cannot read the question file ({exc.strerror or exc})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KgError(f"{path}:{number}: not JSON ({exc.msg})") from None
        if not isinstance(item, dict) or "q" not in item or "must" not in item:
            raise KgError(f"{path}:{number}: a question needs at least 'q' and 'must'")
        questions.append(item)
    if not questions:
        raise KgError(f"{path}: no questions")
    return questions


def score_one(gold: dict, output: dict, k: int = 5) -> dict:
    """Score one answer (a ``to_dict()`` of an Answer) against one gold question."""
    answer = _nfkc(output.get("answer", ""))
    evidence = [_nfkc(e.get("text", "")) for e in (output.get("evidence") or [])[:k]]
    support_text = "\n".join([answer, *evidence])
    groups = gold.get("must") or []

    def met(text):
        return sum(1 for group in groups if any(_nfkc(p) in text for p in group))

    gold_evidence = [_nfkc(e) for e in gold.get("evidence") or []]
    precision = (sum(1 for e in evidence if any(g in e for g in gold_evidence)) / len(evidence)) if evidence else 0.0
    recall = (sum(1 for g in gold_evidence if any(g in e for e in evidence)) / len(gold_evidence)) if gold_evidence else 0.0
    n = len(groups) or 1
    return {"answer": met(answer[:ANSWER_CAP]) / n, "support": met(support_text) / n,
            "precision": precision, "recall": recall}


def baseline_answer(kg, question: str, k: int = 5) -> dict:
    """The peer a user would otherwise use: TF-IDF over sentences, the best sentence as the answer."""
    if not question.strip():
        return {"answer": "", "evidence": []}
    ranked = kg.sentence_index_.search(question, k=k)
    evidence = [{"text": kg.sentences_[i][1].text} for i, _ in ranked]
    return {"answer": evidence[0]["text"] if evidence else "", "evidence": evidence}


def _mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 3) if values else 0.0


def evaluate(kg, gold: list, k: int = 5) -> dict:
    """Score kg and the baseline on every gold question; returns totals, breakdowns and rows."""
    rows = []
    for item in gold:
        started = time.perf_counter()
        answer = kg.ask(item["q"], top_k=k).to_dict()
        seconds = time.perf_counter() - started
        ours = score_one(item, answer, k)
        base = score_one(item, baseline_answer(kg, item["q"], k), k)
        rows.append({"id": item.get("id", ""), "q": item["q"], "lang": item.get("lang", answer["language"]),
                     "kind": item.get("kind", ""), "intent": answer["intent"], "ours": ours, "baseline": base,
                     "seconds": seconds, "answer": answer["answer"]})
    return {"overall": _summary(rows), "by_language": _grouped(rows, "lang"), "by_kind": _grouped(rows, "kind"),
            "rows": rows}


def _summary(rows) -> dict:
    out = {"n": len(rows)}
    for who in ("ours", "baseline"):
        for metric in ("answer", "support", "precision", "recall"):
            out[f"{who}_{metric}"] = _mean(r[who][metric] for r in rows)
    return out


def _grouped(rows, field) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[row[field]].append(row)
    return {key: _summary(group) for key, group in sorted(groups.items())}


def format_report(result: dict) -> str:
    """A plain-text table of an :func:`evaluate` result."""
    header = f"{'':<22}{'n':>5}{'answer':>9}{'base':>7}{'support':>9}{'ev.prec':>9}{'base':>7}{'ev.rec':>8}"
    lines = [header]

    def line(name, s):
        lines.append(f"{name:<22}{s['n']:>5}{s['ours_answer']:>9.3f}{s['baseline_answer']:>7.3f}"
                     f"{s['ours_support']:>9.3f}{s['ours_precision']:>9.3f}{s['baseline_precision']:>7.3f}"
                     f"{s['ours_recall']:>8.3f}")

    line("overall", result["overall"])
    for lang, s in result["by_language"].items():
        line(f"language {lang}", s)
    for kind, s in result["by_kind"].items():
        line(f"kind {kind}", s)
    o = result["overall"]
    ratio = o["ours_answer"] / o["baseline_answer"] if o["baseline_answer"] else float("inf")
    lines.append(f"answer score vs baseline: x{ratio:.2f}")
    return "\n".join(lines)
