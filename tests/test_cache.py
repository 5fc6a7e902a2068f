"""The command line's cache of built graphs (kg.cache): same texts and code, same graph; anything else, a build."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from kg.cache import KEPT, cache_dir, code_fingerprint, corpus_key
from kg.knowledge import open_graph
from kg.reading import read_text

REPORT_TEXT = ("三、对策措施\n（一）压实责任。党组书记每半年听取1次机关党委工作汇报。"
               "机关党委书记要每季度向党组报告1次党建工作。\n")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(folder))
    monkeypatch.delenv("KG_CACHE", raising=False)
    return folder


def _corpus(tmp_path, text=REPORT_TEXT, name="report.txt"):
    folder = tmp_path / "texts"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _cached_files(folder):
    return sorted(folder.glob("*.kg.json.gz")) if folder.exists() else []


def test_a_second_open_reads_the_cached_graph_and_answers_the_same(tmp_path, cache):
    corpus = _corpus(tmp_path)
    built = open_graph(corpus=[corpus], cache=True)
    assert len(_cached_files(cache)) == 1
    loaded = open_graph(corpus=[corpus], cache=True)
    assert loaded is not built and not hasattr(loaded, "build_seconds_")   # read from disk, not built
    for question in ("党组书记要做什么？", "机关党委书记多久向党组报告一次党建工作？", "What must a party group secretary do?"):
        assert loaded.ask(question).to_dict() == built.ask(question).to_dict()
    assert loaded.stats() == built.stats()


def test_a_changed_text_is_built_again(tmp_path, cache):
    corpus = _corpus(tmp_path)
    open_graph(corpus=[corpus], cache=True)
    (corpus / "report.txt").write_text(REPORT_TEXT.replace("每半年", "每季度"), encoding="utf-8")
    changed = open_graph(corpus=[corpus], cache=True)
    assert "每季度听取1次" in changed.documents_[0].text
    assert len(_cached_files(cache)) == 2


def test_the_key_follows_names_texts_and_code():
    a, b = read_text("党员应当参加组织生活。", name="a"), read_text("党员应当参加组织生活。", name="b")
    assert corpus_key([a], 2) == corpus_key([a], 2)
    assert len({corpus_key([a], 2), corpus_key([b], 2), corpus_key([a], 3), corpus_key([a, b], 2)}) == 4
    assert len(code_fingerprint()) == 64


def test_cache_off_writes_nothing(tmp_path, cache, monkeypatch):
    monkeypatch.setenv("KG_CACHE", "0")
    assert cache_dir() is None
    open_graph(corpus=[_corpus(tmp_path)], cache=True)
    assert not cache.exists()


def test_a_damaged_cached_graph_is_built_again_and_replaced(tmp_path, cache):
    corpus = _corpus(tmp_path)
    first = open_graph(corpus=[corpus], cache=True)
    (path,) = _cached_files(cache)
    path.write_bytes(b"\x1f\x8b not really gzip")
    again = open_graph(corpus=[corpus], cache=True)
    assert again.stats() == first.stats()
    with gzip.open(path, "rt", encoding="utf-8") as handle:   # rewritten whole
        assert json.load(handle)["kg"] == "saved graph"


def test_only_the_most_recently_used_graphs_are_kept(tmp_path, cache):
    for n in range(KEPT + 2):
        open_graph(corpus=[_corpus(tmp_path, f"党员应当每月参加{n + 1}次组织生活。\n", name="t.txt")], cache=True)
    assert len(_cached_files(cache)) == KEPT


def test_an_unwritable_cache_folder_costs_nothing_but_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))
    kg = open_graph(corpus=[_corpus(tmp_path)], cache=True)
    assert kg.ask("党组书记要做什么？").evidence


def test_kg_ask_answers_the_same_from_the_cache(tmp_path, cache):
    corpus = _corpus(tmp_path)
    command = [sys.executable, "-m", "kg.cli", "ask", "--json", "--corpus", str(corpus), "党组书记要做什么？"]
    runs = [subprocess.run(command, capture_output=True, text=True, timeout=300) for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout == runs[1].stdout and json.loads(runs[0].stdout)["evidence"]
    assert len(_cached_files(cache)) == 1
    assert len(list(cache.glob("*.tokens.json.gz"))) == 1   # the first question's index tokens, kept


def test_kept_tokens_give_the_same_indexes(tmp_path, cache):
    corpus = _corpus(tmp_path)
    built = open_graph(corpus=[corpus], cache=True)
    built.ask("党组书记要做什么？")                       # builds the indexes, keeps their tokens
    (tokens,) = cache.glob("*.tokens.json.gz")
    loaded = open_graph(corpus=[corpus], cache=True)
    question = "机关党委书记多久向党组报告一次党建工作？"
    assert loaded.ask(question).to_dict() == built.ask(question).to_dict()
    assert (loaded.sentence_index_.scores("党建工作") == built.sentence_index_.scores("党建工作")).all()
    tokens.write_bytes(b"garbage")                        # a damaged token file is only a lost shortcut
    again = open_graph(corpus=[corpus], cache=True)
    assert again.ask(question).to_dict() == built.ask(question).to_dict()
