"""Precision and recall of the duty, post, problem and chain extractors against the gold lists.

Usage::

    python benchmarks/bench_facts.py [--corpus-dir ../shared/corpus] [--gold-dir eval/gold] [--show-errors]

The gold lists (``eval/gold/<doc_id>.facts.jsonl``) were written by reading the texts. A gold fact
matches an extracted fact when the bearer / holder / concern / superior and subordinate are the same
entity (by lexicon label or alias, else by the same name without determiners) and the gold key phrase
is a substring of the extracted action (duties) or description (problems), and the gold ``sentence``
is a substring of the extracted fact's sentence. Each fact matches at most one other (a maximum
bipartite matching). Reported practices (``Duty.reported``) are not prescriptions and are not counted.
A ``{"type": "scope", "sections": [...]}`` line limits a gold list to some articles or chapters; facts
outside them are not counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.document import parse_document  # noqa: E402
from kg.extract import discover_terms, extract_chains, extract_duties, extract_holdings, extract_problems  # noqa: E402
from kg.extract.roles import strip_determiners  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.normalize import label_key  # noqa: E402
from kg.reading import read_file  # noqa: E402

TYPES = ("duty", "holding", "problem", "chain")


def entity_keys(label, lexicon) -> set:
    """Keys a gold label may stand for: its lexicon term, and its name without determiners."""
    keys = set()
    for name in (label, strip_determiners(label)):
        term = lexicon.lookup(name)
        if term is not None:
            keys.add(term.key)
    keys.add("name:" + label_key(strip_determiners(label)))
    return keys


def same_entity(label, ref, lexicon) -> bool:
    """True when the gold ``label`` and the extracted reference name the same role or organization."""
    if label is None or ref is None:
        return label is None and ref is None
    gold = entity_keys(label, lexicon)
    return ref.key in gold or bool(entity_keys(ref.label, lexicon) & gold)


def matches(gold, fact, lexicon) -> bool:
    """The matching rule of the module docstring, for one gold fact and one extracted fact."""
    if gold["sentence"] not in fact.evidence.text:
        return False
    kind = gold["type"]
    if kind == "duty":
        return same_entity(gold["bearer"], fact.bearer, lexicon) and gold["action"] in fact.action
    if kind == "holding":
        return same_entity(gold["holder"], fact.holder, lexicon) and same_entity(gold["post"], fact.post, lexicon)
    if kind == "problem":
        return same_entity(gold["concerns"], fact.concerns, lexicon) and gold["description"] in fact.description
    return (same_entity(gold["superior"], fact.superior, lexicon)
            and same_entity(gold["subordinate"], fact.subordinate, lexicon))


def match_all(golds, facts, lexicon) -> dict:
    """A maximum one-to-one matching of gold facts to extracted facts: {gold index: fact index}."""
    edges = [[j for j, f in enumerate(facts) if matches(g, f, lexicon)] for g in golds]
    owner = {}

    def augment(i, seen):
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def in_scope(doc, fact, sections) -> bool:
    """True when the fact's sentence lies in one of the scope's articles or chapters (or no scope)."""
    if not sections:
        return True
    sentence = doc.sentence_at(fact.evidence.start)
    path = doc.section_path(sentence.section) if sentence is not None else []
    return any(s.marker in sections for s in path)


def extracted(doc, lexicon) -> dict:
    """The facts the extractors find, by gold type (reported practices left out)."""
    return {
        "duty": [d for d in extract_duties(doc, lexicon) if not d.reported],
        "holding": extract_holdings(doc, lexicon),
        "problem": extract_problems(doc, lexicon),
        "chain": extract_chains(doc, lexicon),
    }


def attribute_agreement(golds, facts, pairs) -> dict:
    """For matched duties: how often modality, period and the masked flag agree with the gold."""
    agree = {"modality": 0, "period": 0, "masked": 0}
    for i, j in pairs.items():
        g, f = golds[i], facts[j]
        agree["modality"] += g["modality"] == f.modality
        period = f.frequency.period if f.frequency else None
        agree["period"] += (g.get("period") or None) == (period or None)
        agree["masked"] += bool(g.get("masked")) == bool(f.frequency and f.frequency.masked)
    return agree


def evaluate(corpus_dir, gold_dir) -> list:
    """One row per document and fact type: counts, precision, recall, and the unmatched facts."""
    lexicon = load_lexicon()
    gold_files = sorted(Path(gold_dir).glob("*.facts.jsonl"))
    documents, golds = [], {}
    for path in gold_files:
        doc_id = path.name[: -len(".facts.jsonl")]
        text_path = Path(corpus_dir) / f"{doc_id}.txt"
        if not text_path.exists():
            continue
        source = read_file(text_path)
        documents.append(parse_document(source.text, doc_id, path=str(text_path)))
        golds[doc_id] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lexicon = lexicon.with_terms(discover_terms(documents, lexicon))
    rows = []
    for doc in documents:
        gold = golds[doc.doc_id]
        scope = next((g["sections"] for g in gold if g["type"] == "scope"), None)
        facts = extracted(doc, lexicon)
        for kind in TYPES:
            g = [x for x in gold if x["type"] == kind]
            f = [x for x in facts[kind] if in_scope(doc, x, scope)]
            pairs = match_all(g, f, lexicon)
            row = {"doc": doc.doc_id, "type": kind, "gold": len(g), "extracted": len(f), "matched": len(pairs),
                   "precision": len(pairs) / len(f) if f else None, "recall": len(pairs) / len(g) if g else None,
                   "missed": [g[i] for i in range(len(g)) if i not in pairs],
                   "spurious": [f[j] for j in range(len(f)) if j not in set(pairs.values())]}
            if kind == "duty":
                row["agreement"] = attribute_agreement(g, f, pairs)
            rows.append(row)
    return rows


def _pct(value) -> str:
    return "   -" if value is None else f"{value:5.2f}"


def _describe(fact) -> str:
    if isinstance(fact, dict):
        who = fact.get("bearer") or fact.get("holder") or fact.get("concerns") or fact.get("superior") or "-"
        what = fact.get("action") or fact.get("post") or fact.get("description") or fact.get("subordinate")
        return f"{who} | {what}"
    who = getattr(fact, "bearer", None) or getattr(fact, "holder", None) or getattr(fact, "concerns", None) \
        or getattr(fact, "superior", None)
    what = getattr(fact, "action", None) or getattr(getattr(fact, "post", None), "label", None) \
        or getattr(fact, "description", None) or getattr(getattr(fact, "subordinate", None), "label", None)
    return f"{who.label if who else '-'} | {what}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"),
                        help="folder with <doc_id>.txt (default: ../shared/corpus from the repository root)")
    parser.add_argument("--gold-dir", default=str(ROOT / "eval" / "gold"), help="folder with <doc_id>.facts.jsonl")
    parser.add_argument("--show-errors", action="store_true", help="list missed gold facts and spurious extractions")
    args = parser.parse_args(argv)
    if not Path(args.corpus_dir).is_dir():
        print(f"corpus folder not found: {args.corpus_dir} (pass --corpus-dir)", file=sys.stderr)
        return 2
    rows = evaluate(args.corpus_dir, args.gold_dir)
    print(f"{'document':42} {'type':8} {'gold':>5} {'found':>5} {'match':>5} {'P':>5} {'R':>5}")
    for row in rows:
        print(f"{row['doc']:42} {row['type']:8} {row['gold']:5d} {row['extracted']:5d} {row['matched']:5d} "
              f"{_pct(row['precision'])} {_pct(row['recall'])}")
        if row.get("agreement") and row["matched"]:
            a = row["agreement"]
            print(f"{'':42} {'':8} matched duties agreeing on modality {a['modality']}/{row['matched']}, "
                  f"period {a['period']}/{row['matched']}, masked {a['masked']}/{row['matched']}")
        if args.show_errors:
            for g in row["missed"]:
                print(f"    missed   {_describe(g)}")
            for f in row["spurious"]:
                print(f"    spurious {_describe(f)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
