"""Shared fixtures: the real corpus in ../shared/corpus, the project's samples, built graphs."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLES = ROOT / "corpus"
REPORT = "jiguan_dangjian_report"
# The command line keeps built graphs on disk (kg.cache): the tests keep theirs in a folder of their own.
os.environ.setdefault("KG_CACHE_DIR", tempfile.mkdtemp(prefix="kg-test-cache-"))

REAL_TEXTS = ("jiguan_dangjian_report", "jiguan_jiceng_zuzhi_tiaoli_2019", "dangyuan_jiaoyu_guanli_tiaoli_2019",
              "dangzhang_2017", "dangfeng_lianzheng_fenxihui_baogao_2020")


def shared_path(name: str = "") -> Path:
    """A path in ../shared/corpus; skips the test when that folder is absent outside CI."""
    if not SHARED_CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED_CORPUS} is missing, and CI is set: the real corpus must be there")
        pytest.skip(f"the real corpus {SHARED_CORPUS} is not beside this checkout")
    return SHARED_CORPUS / name if name else SHARED_CORPUS


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    return shared_path()


@pytest.fixture(scope="session")
def report_path() -> Path:
    return shared_path(REPORT + ".txt")


@pytest.fixture(scope="session")
def report_doc(report_path):
    from kg.document import parse_document
    from kg.reading import read_file

    source = read_file(report_path)
    return parse_document(source.text, source.doc_id)


@pytest.fixture(scope="session")
def report_kg(report_path):
    from kg import KnowledgeGraph

    return KnowledgeGraph().fit(report_path)


@pytest.fixture(scope="session")
def shared_kg(shared_corpus):
    from kg import KnowledgeGraph

    return KnowledgeGraph().fit(shared_corpus)


@pytest.fixture(scope="session")
def sample_kg():
    from kg import KnowledgeGraph

    return KnowledgeGraph().fit()
