"""Benchmark: numbered formulae found and expanded, against the gold lists in ``eval/gold``.

For each real text with a gold file ``eval/gold/<doc_id>.formulae.json`` and overall, prints the
precision and recall of

* detection: a formula is found when its name (folded, without quotes and the wrappers 制/制度)
  equals a gold name; plus-forms are told apart by their suffix;
* expansion: among formulae with parts, the extracted parts equal the gold parts exactly
  (as a multiset, in any order);
* and the share of found formulae whose count status (confirmed, mismatch, undefined) is right.

Run from the repository root::

    python benchmarks/bench_formulae.py [--corpus-dir ../shared/corpus] [--gold-dir eval/gold] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.document import parse_document  # noqa: E402
from kg.extract.formulae import extract_formulae, formula_key  # noqa: E402
from kg.lexicon import load_lexicon  # noqa: E402
from kg.reading import read_file  # noqa: E402


def gold_key(row: dict) -> str:
    """The identity of a gold formula, comparable with :func:`formula_key` of an extracted one."""
    return formula_key(row["name"], row.get("suffix", ""))


def compare(gold: list, found: list) -> dict:
    """Counts for one text: detection and expansion true positives, and the sizes to divide by."""
    gold_by_key = {gold_key(row): row for row in gold}
    found_by_key = {formula_key(f.name, f.suffix): f for f in found}
    matched = [k for k in found_by_key if k in gold_by_key]
    gold_expanded = [k for k, row in gold_by_key.items() if row["parts"]]
    found_expanded = [k for k, f in found_by_key.items() if f.parts]
    exact = [k for k in matched if gold_by_key[k]["parts"] and found_by_key[k].parts
             and Counter(gold_by_key[k]["parts"]) == Counter(p.text for p in found_by_key[k].parts)]
    status_ok = [k for k in matched if gold_by_key[k]["status"] == found_by_key[k].status]
    return {
        "gold": len(gold_by_key), "found": len(found_by_key), "matched": len(matched),
        "gold_expanded": len(gold_expanded), "found_expanded": len(found_expanded), "exact": len(exact),
        "status_ok": len(status_ok),
        "missed": sorted(set(gold_by_key) - set(found_by_key)),
        "spurious": sorted(set(found_by_key) - set(gold_by_key)),
        "wrong_parts": sorted(k for k in matched if (gold_by_key[k]["parts"] or found_by_key[k].parts)
                              and k not in exact),
        "wrong_status": sorted(set(matched) - set(status_ok)),
    }


def _ratio(num, den):
    return num / den if den else 1.0


def _line(label, c):
    return (f"{label:42} {_ratio(c['matched'], c['found']):6.2f} {_ratio(c['matched'], c['gold']):6.2f}"
            f" {_ratio(c['exact'], c['found_expanded']):6.2f} {_ratio(c['exact'], c['gold_expanded']):6.2f}"
            f" {_ratio(c['status_ok'], c['matched']):6.2f}   {c['gold']:3d} {c['found']:3d}")


def main(argv=None) -> int:
    """Run the benchmark and print its table; returns 0, or 1 when nothing could be compared."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-dir", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--gold-dir", default=str(ROOT / "eval" / "gold"))
    parser.add_argument("--verbose", action="store_true", help="list missed, spurious and wrong formulae")
    args = parser.parse_args(argv)
    corpus, gold_dir = Path(args.corpus_dir), Path(args.gold_dir)
    lexicon = load_lexicon()
    totals = Counter()
    print(f"{'text':42} {'det-P':>6} {'det-R':>6} {'exp-P':>6} {'exp-R':>6} {'status':>6}  gold found")
    compared = 0
    for gold_file in sorted(gold_dir.glob("*.formulae.json")):
        doc_id = gold_file.name[: -len(".formulae.json")]
        path = corpus / f"{doc_id}.txt"
        if not path.exists():
            print(f"{doc_id:42} (text not found in {corpus})")
            continue
        source = read_file(path)
        doc = parse_document(source.text, source.doc_id)
        counts = compare(json.loads(gold_file.read_text(encoding="utf-8")), extract_formulae(doc, lexicon))
        print(_line(doc_id, counts))
        if args.verbose:
            for field in ("missed", "spurious", "wrong_parts", "wrong_status"):
                if counts[field]:
                    print(f"    {field}: {', '.join(counts[field])}")
        totals.update({k: v for k, v in counts.items() if isinstance(v, int)})
        compared += 1
    if not compared:
        print("nothing compared: no gold file has its text in the corpus folder")
        return 1
    print(_line("overall", totals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
