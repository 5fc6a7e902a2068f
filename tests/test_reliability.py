"""Nothing crashes, nothing is lost, nothing is injected: hostile questions, odd texts, many threads."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import KnowledgeGraph
from kg.document import parse_document
from kg.errors import ReadError
from kg.reading import read_bytes, read_corpus, read_file

CONTRACT_KEYS = {"question", "language", "intent", "answer", "entities", "evidence"}

HOSTILE = [
    "",
    "   ",
    "？",
    "党" * 10_000,
    "What must a first secretary do? " * 400,
    "\x00\x01\x02第一书记\x1b[31m要做什么",
    "第一书记要做什么？😀🎉🔥",
    "'; DROP TABLE duties; --",
    "1 OR 1=1",
    "DELETE WHERE { ?s ?p ?o }",
    "INSERT DATA { <http://x> <http://y> <http://z> }",
    "} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o",
    "\" . <http://evil> <http://evil> \"x\" . #",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%s %n {0} ${HOME} $(rm -rf /)",
    "\\u0000\\n\\\"",
    "第一书记\u202e要做什么",
    "ＷＨＡＴ　ＭＵＳＴ　Ａ　ＦＩＲＳＴ　ＳＥＣＲＥＴＡＲＹ　ＤＯ？",
]


def _check_answer(kg, answer):
    data = answer.to_dict()
    assert set(data) >= CONTRACT_KEYS
    json.dumps(data, ensure_ascii=False)
    assert isinstance(data["answer"], str) and data["answer"]
    for item in data["evidence"]:
        assert kg.document(item["doc"]).text[item["start"]:item["end"]] == item["text"]


@pytest.mark.parametrize("question", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_questions_get_an_answer_or_a_clean_refusal(report_kg, question):
    _check_answer(report_kg, report_kg.ask(question))


def test_a_question_written_as_sparql_changes_nothing(report_kg):
    graph = report_kg.graph
    before = len(graph)
    for question in HOSTILE:
        report_kg.ask(question)
    assert len(graph) == before
    assert report_kg.graph is graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_question_is_answered_within_the_contract(report_kg, question):
    _check_answer(report_kg, report_kg.ask(question))


_CHINESE_TEXT = st.text(
    alphabet=st.sampled_from(list("一二三、（）第章条党组委员书记每月季年应当必须不得原则上兼任担任“”：；，。！？\n *0123456789有的问题措施做法")),
    max_size=400)


@settings(max_examples=60, deadline=None)
@given(_CHINESE_TEXT)
def test_any_text_parses_with_honest_offsets(text):
    doc = parse_document(text, "fuzz")
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
    for section in doc.sections:
        assert 0 <= section.start <= section.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_read_or_fail_with_a_read_error(data):
    try:
        source = read_bytes(data, name="upload.txt")
    except ReadError as exc:
        assert str(exc).startswith("upload.txt: ")
        return
    assert source.text.strip()


@settings(max_examples=15, deadline=None)
@given(_CHINESE_TEXT.filter(lambda t: t.strip()))
def test_any_text_builds_a_graph_and_answers(text):
    kg = KnowledgeGraph().fit(texts={"fuzz": text})
    answer = kg.ask("党组每月要做什么？")
    _check_answer(kg, answer)
    assert len(kg.graph) > 0


def test_many_threads_get_the_same_answers_as_one(report_kg):
    questions = ["第一书记要做什么？", "What must a first secretary do?", "一书两单三会议包括哪些内容？",
                 "党组成员多久到联系点调研一次？", "有哪些问题？", "谁兼任党组织副书记？", "三亮是什么？",
                 "临时党组织设立在哪些区域？"] * 4
    alone = [json.dumps(report_kg.ask(q).to_dict(), ensure_ascii=False) for q in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda q: json.dumps(report_kg.ask(q).to_dict(), ensure_ascii=False), questions))
    assert together == alone


# ---------------------------------------------------------------------------------------------- files
RULE = "第一条　党支部应当每月开展1次主题党日。\n第二条　党员应当按期交纳党费。\n"
FILES = {
    # name: (bytes, what the stored text holds, or the cause of the refusal)
    "utf8.txt": (RULE.encode("utf-8"), RULE),
    "utf8_bom.txt": (b"\xef\xbb\xbf" + RULE.encode("utf-8"), RULE),
    "gb18030.txt": (RULE.encode("gb18030"), RULE),
    "gbk.txt": (RULE.encode("gbk"), RULE),
    "utf16.txt": (RULE.encode("utf-16"), RULE),
    "utf16le_no_bom.txt": (RULE.encode("utf-16-le"), RULE),
    "utf16be_no_bom.txt": (RULE.encode("utf-16-be"), RULE),
    "mixed_endings.txt": (RULE.replace("\n", "\r\n", 1).encode("utf-8") + "第三条　\r结束。\n".encode("utf-8"),
                          RULE + "第三条　\n结束。\n"),
    "page.txt": (("<!DOCTYPE html><html><head><title>条例</title><script>var x = '<p>';</script></head>"
                  "<body><p>第一条　党支部应当每月开展1次主题党日。</p><p>第二条　党员应当按期交纳党费。</p></body></html>"
                  ).encode("utf-8"), "条例\n第一条 党支部应当每月开展1次主题党日。\n第二条 党员应当按期交纳党费。\n"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (" \r\n\t\u3000\n".encode("utf-8"), "no text"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "nul_in_text.txt": ("党组书记\x00要做什么。".encode("utf-8") * 40, "NUL"),
    "empty_page.txt": (b"<html><head><title></title></head><body><script>1</script></body></html>", "no visible text"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_kind_of_file_is_read_or_refused_in_one_line_naming_it(tmp_path, name):
    data, expected = FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    try:
        source = read_file(path)
    except ReadError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and expected in message and "\n" not in message
        return
    assert source.text == expected


def test_a_50_mb_file_is_refused_by_size_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: the refusal comes from the size, nothing is read
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(ReadError, match=r"huge\.txt: too large \(52\.4 MB; the limit is 21\.0 MB\)"):
        read_file(path)


def test_a_folder_of_every_kind_reads_the_good_files_and_names_each_bad_one(tmp_path):
    for name, (data, _) in FILES.items():
        (tmp_path / name).write_bytes(data)
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    corpus = read_corpus(tmp_path)
    read = {s.doc_id: s.text for s in corpus.sources}
    good = {name.removesuffix(".txt") for name, (data, text) in FILES.items() if text.endswith("\n")}
    assert set(read) == good
    refused = sorted(Path(str(e).split(": ")[0]).name for e in corpus.errors)
    assert refused == sorted({*FILES, "huge.txt"} - {f"{name}.txt" for name in good})
    kg = KnowledgeGraph().fit(tmp_path)
    assert len(kg.documents_) == len(good) and len(kg.read_errors_) == len(corpus.errors)


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_leftovers(tmp_path):
    from kg.files import written_atomically

    target = tmp_path / "list.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with written_atomically(target) as handle:
            handle.write(b"half of the new")
            raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["list.csv"]
