#!/usr/bin/env python3
"""Check the project's evaluation question set against the real corpus.

For every question in ``eval/questions.jsonl`` this checks the fields, the
allowed values of ``kind``, ``lang`` and ``variant``, that every ``evidence``
string is a verbatim substring of ``<corpus-dir>/<doc>.txt`` and that every
``must`` group has at least one alternative that is (comparison after NFKC
normalisation on both sides). It prints counts per doc, kind, lang and variant,
every failure (and warnings that do not fail the run), and exits with status 1
when anything failed.

Usage::

    python eval/check_questions.py [--corpus-dir DIR] [--questions FILE] [--dev FILE]

``--corpus-dir`` defaults to ``../shared/corpus`` relative to the repository
root (the parent of this script's folder). Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

DOCS = (
    "jiguan_dangjian_report",
    "jiguan_jiceng_zuzhi_tiaoli_2019",
    "dangyuan_jiaoyu_guanli_tiaoli_2019",
    "dangzhang_2017",
    "dangfeng_lianzheng_fenxihui_baogao_2020",
)
KINDS = (
    "role_duties", "duty_holder", "post_holder", "frequency", "mechanism_parts",
    "mechanism_context", "problems", "chain", "definition", "compare", "count", "search",
)
LANGS = ("zh", "en")
VARIANTS = ("plain", "paraphrase", "traditional", "colloquial", "misspelt", "english")
FIELDS = ("id", "doc", "lang", "q", "kind", "must", "evidence", "variant")

MUST_LEN = (2, 10)        # characters per must alternative
EVIDENCE_LEN = (10, 25)   # characters per evidence string
MUST_GROUPS = (1, 4)
EVIDENCE_ITEMS = (1, 2)

# Minimum sizes of the set as a whole.
MINIMUMS = {"total": 180, "en": 50, "traditional": 15, "colloquial": 15, "misspelt": 10, "paraphrase": 25}

# Evidence must sit inside one sentence: no sentence end, no line break.
SENTENCE_BREAK = re.compile(r"[。！？!?\n]")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Characters that exist only in traditional script (their simplified forms differ);
# a "traditional" question should contain at least one.
TRADITIONAL_ONLY = set(
    "書黨組織會議責門員們這個麼誰時長為與從對應關體際設導幾機點區級聯繫務單監規權課習鍛義構檢開條"
    "幹擔職預備處嚴當頭陣帶選舉經費網參還戰層傳統歷屆紀現計劃領學種將麼麽讓幫標準據況觀廣東說話"
    "請實專樣濟進業發處認識維護兩謂隊勵熱動歲齡屬轉接錄臨團協調總審歸爲衆眾內"
)
ID_RE = re.compile(r"^r\d{3,}$")


def norm(text: str) -> str:
    """NFKC, as the scorer compares."""
    return unicodedata.normalize("NFKC", text or "")


def load_corpus(corpus_dir: Path) -> dict[str, str]:
    texts = {}
    for doc in DOCS:
        path = corpus_dir / f"{doc}.txt"
        try:
            texts[doc] = norm(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise SystemExit(f"error: cannot read {path}: {exc.strerror or exc}")
    return texts


def check_question(q: dict, texts: dict[str, str]) -> tuple[list[str], list[str]]:
    """Failures and warnings for one question."""
    fails: list[str] = []
    warns: list[str] = []
    missing = [f for f in FIELDS if f not in q]
    extra = [f for f in q if f not in FIELDS]
    if missing:
        fails.append(f"missing fields {missing}")
    if extra:
        fails.append(f"unknown fields {extra}")
    if missing:
        return fails, warns

    if not isinstance(q["id"], str) or not ID_RE.match(q["id"]):
        fails.append(f"id {q['id']!r} is not like 'r001'")
    if q["doc"] not in DOCS:
        fails.append(f"doc {q['doc']!r} is not one of {DOCS}")
    if q["lang"] not in LANGS:
        fails.append(f"lang {q['lang']!r} is not one of {LANGS}")
    if q["kind"] not in KINDS:
        fails.append(f"kind {q['kind']!r} is not one of {KINDS}")
    if q["variant"] not in VARIANTS:
        fails.append(f"variant {q['variant']!r} is not one of {VARIANTS}")
    if (q["lang"] == "en") != (q["variant"] == "english"):
        fails.append(f"lang {q['lang']!r} and variant {q['variant']!r} disagree (english <-> en)")

    text_q = q["q"]
    if not isinstance(text_q, str) or not text_q.strip():
        fails.append("empty question")
        text_q = ""
    elif q["lang"] == "en":
        if not LATIN_WORD.search(text_q):
            fails.append("English question has no English words")
        if len(CJK.findall(text_q)) > 12:
            warns.append("English question carries much Chinese text")
    else:
        if not CJK.search(text_q):
            fails.append("Chinese question has no Chinese characters")
    if q["variant"] == "traditional" and not (set(text_q) & TRADITIONAL_ONLY):
        fails.append("traditional question has no traditional-only character")

    text = texts.get(q["doc"])

    must = q["must"]
    if not isinstance(must, list) or not (MUST_GROUPS[0] <= len(must) <= MUST_GROUPS[1]):
        fails.append(f"must needs {MUST_GROUPS[0]}-{MUST_GROUPS[1]} groups, got {must!r}")
    else:
        for gi, group in enumerate(must):
            if not isinstance(group, list) or not group or not all(isinstance(a, str) for a in group):
                fails.append(f"must group {gi} is not a non-empty list of strings: {group!r}")
                continue
            for alt in group:
                n = len(norm(alt))
                if not (MUST_LEN[0] <= n <= MUST_LEN[1]):
                    fails.append(f"must alternative {alt!r} has {n} characters (want {MUST_LEN[0]}-{MUST_LEN[1]})")
            if text is not None:
                found = [a for a in group if norm(a) in text]
                if not found:
                    fails.append(f"must group {gi} {group!r}: no alternative occurs in {q['doc']}")
                for alt in group:
                    if alt not in found:
                        warns.append(f"must alternative {alt!r} does not occur in {q['doc']}")

    evidence = q["evidence"]
    if not isinstance(evidence, list) or not (EVIDENCE_ITEMS[0] <= len(evidence) <= EVIDENCE_ITEMS[1]):
        fails.append(f"evidence needs {EVIDENCE_ITEMS[0]}-{EVIDENCE_ITEMS[1]} strings, got {evidence!r}")
    else:
        for ev in evidence:
            if not isinstance(ev, str):
                fails.append(f"evidence item {ev!r} is not a string")
                continue
            n = len(norm(ev))
            if not (EVIDENCE_LEN[0] <= n <= EVIDENCE_LEN[1]):
                fails.append(f"evidence {ev!r} has {n} characters (want {EVIDENCE_LEN[0]}-{EVIDENCE_LEN[1]})")
            if SENTENCE_BREAK.search(ev):
                fails.append(f"evidence {ev!r} crosses a sentence end or line break")
            if text is not None and norm(ev) not in text:
                fails.append(f"evidence {ev!r} does not occur in {q['doc']}")
        if len(set(evidence)) != len(evidence):
            fails.append("evidence strings repeat")
    return fails, warns


def print_counts(title: str, counter: Counter, order=None) -> None:
    keys = list(order) if order else sorted(counter)
    keys += [k for k in sorted(counter) if k not in keys]
    width = max((len(str(k)) for k in keys), default=0)
    print(f"{title}:")
    for k in keys:
        print(f"  {str(k):<{width}}  {counter.get(k, 0):4d}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus-dir", type=Path, default=REPO_ROOT.parent / "shared" / "corpus",
                    help="folder holding <doc>.txt (default: ../shared/corpus from the repo root)")
    ap.add_argument("--questions", type=Path, default=REPO_ROOT / "eval" / "questions.jsonl",
                    help="question file (default: eval/questions.jsonl)")
    ap.add_argument("--dev", type=Path, default=REPO_ROOT.parent / "shared" / "eval" / "dev_qa.jsonl",
                    help="development set whose questions must not be repeated (skipped if absent)")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args(argv)

    texts = load_corpus(args.corpus_dir)
    try:
        lines = args.questions.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        print(f"error: cannot read {args.questions}: {exc.strerror or exc}", file=sys.stderr)
        return 2

    failures: list[str] = []
    warnings: list[str] = []
    questions: list[dict] = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            failures.append(f"line {lineno}: not JSON ({exc.msg})")
            continue
        if not isinstance(q, dict):
            failures.append(f"line {lineno}: not a JSON object")
            continue
        fails, warns = check_question(q, texts)
        label = f"line {lineno} {q.get('id', '?')}"
        failures += [f"{label}: {f}" for f in fails]
        warnings += [f"{label}: {w}" for w in warns]
        questions.append(q)

    # Whole-set checks.
    ids = Counter(q.get("id") for q in questions)
    failures += [f"id {i!r} is used {n} times" for i, n in ids.items() if n > 1]
    texts_q = Counter(norm(q.get("q", "")).strip() for q in questions)
    failures += [f"question {t!r} is asked {n} times" for t, n in texts_q.items() if n > 1]
    seen_docs: set = set()
    for q in questions:
        if q.get("variant") == "paraphrase" and q.get("doc") not in seen_docs:
            failures.append(f"{q.get('id')}: paraphrase comes before any question on {q.get('doc')}")
        seen_docs.add(q.get("doc"))
    if args.dev.is_file():
        dev_q = {norm(json.loads(l)["q"]).strip() for l in args.dev.read_text(encoding="utf-8").splitlines() if l.strip()}
        failures += [f"{q.get('id')}: question copied from the development set" for q in questions
                     if norm(q.get("q", "")).strip() in dev_q]

    by_doc = Counter(q.get("doc") for q in questions)
    by_kind = Counter(q.get("kind") for q in questions)
    by_lang = Counter(q.get("lang") for q in questions)
    by_variant = Counter(q.get("variant") for q in questions)
    print(f"{len(questions)} questions in {args.questions}")
    print_counts("per doc", by_doc, DOCS)
    print_counts("per kind", by_kind, KINDS)
    print_counts("per lang", by_lang, LANGS)
    print_counts("per variant", by_variant, VARIANTS)

    if len(questions) < MINIMUMS["total"]:
        failures.append(f"only {len(questions)} questions (want at least {MINIMUMS['total']})")
    if by_lang.get("en", 0) < MINIMUMS["en"]:
        failures.append(f"only {by_lang.get('en', 0)} English questions (want at least {MINIMUMS['en']})")
    for variant in ("traditional", "colloquial", "misspelt", "paraphrase"):
        if by_variant.get(variant, 0) < MINIMUMS[variant]:
            failures.append(f"only {by_variant.get(variant, 0)} {variant} questions (want at least {MINIMUMS[variant]})")
    failures += [f"no question on {d}" for d in DOCS if not by_doc.get(d)]
    failures += [f"no question of kind {k}" for k in KINDS if not by_kind.get(k)]

    if warnings and not args.quiet:
        print(f"\n{len(warnings)} warning(s):")
        for w in warnings:
            print(f"  {w}")
    if failures:
        print(f"\n{len(failures)} failure(s):")
        for f in failures:
            print(f"  {f}")
        return 1
    print("\nOK: all questions pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
