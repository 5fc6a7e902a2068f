"""Synthetic corpora for scale runs: deterministic, varied, in the genre; parallel builds on them match serial ones."""

from __future__ import annotations

import importlib.util
import re

import pytest

from kg import KnowledgeGraph
from kg.document import parse_document

from .conftest import ROOT


@pytest.fixture(scope="module")
def make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_corpus


def test_synthetic_corpora_are_deterministic_and_varied(make_corpus, tmp_path):
    first = make_corpus(12, tmp_path / "a", seed=3)
    second = make_corpus(12, tmp_path / "b", seed=3)
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(first.glob("*.txt"))}
    assert texts == {p.name: p.read_text(encoding="utf-8") for p in sorted(second.glob("*.txt"))}
    assert len(set(texts.values())) == 12
    assert not any("青川" in t or "石桥" in t for t in texts.values())  # names replaced


def test_synthetic_documents_have_the_genre_shape(make_corpus, tmp_path):
    for path in make_corpus(20, tmp_path, seed=5).glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        doc = parse_document(text, path.stem)
        assert doc.sections, path.name
        markers = re.findall(r"^(第[一二三四五六七八九十百]+条|[一二三四五六七八九十]+、)", text, flags=re.M)
        kind = "条" if path.stem.endswith("regulation") else "、"
        numbered = [m for m in markers if m.endswith(kind)]
        assert numbered and numbered[0] in ("第一条", "一、"), path.name


def test_parallel_build_of_a_synthetic_corpus_matches_serial(make_corpus, tmp_path):
    corpus = make_corpus(24, tmp_path, seed=11)
    one = KnowledgeGraph().fit(corpus)
    two = KnowledgeGraph(workers=2).fit(corpus)
    assert two.documents_ == one.documents_ and two.factsets_ == one.factsets_
    assert two.lexicon_.terms == one.lexicon_.terms
    assert two.stats()["facts"] > 24
