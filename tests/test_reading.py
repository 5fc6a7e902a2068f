"""Reading: encodings detected, normalisation documented and honest, bad files refused by name."""

from __future__ import annotations

import pytest

from kg.errors import CorpusError, ReadError
from kg.reading import decode_bytes, normalise_text, read_corpus, read_file

from .conftest import REAL_TEXTS, shared_path


@pytest.fixture(scope="module")
def report_text():
    return read_file(shared_path("jiguan_dangjian_report.txt")).text


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_encoded_copies_read_to_the_same_text(tmp_path, report_text, encoding):
    path = tmp_path / f"copy-{encoding}.txt"
    path.write_bytes(report_text.encode(encoding))
    assert read_file(path).text == report_text


def test_gb18030_is_reported_as_such(tmp_path, report_text):
    path = tmp_path / "gb.txt"
    path.write_bytes(report_text.encode("gb18030"))
    assert read_file(path).encoding == "gb18030"


@pytest.mark.parametrize("name", REAL_TEXTS)
def test_every_real_text_reads_as_utf8(name):
    source = read_file(shared_path(name + ".txt"))
    assert source.encoding == "utf-8"
    assert len(source.text) > 3000
    assert "\r" not in source.text


def test_line_endings_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("一、主要做法\r\n（一）抓学习。\r二、问题\n".encode("utf-8"))
    assert read_file(path).text == "一、主要做法\n（一）抓学习。\n二、问题\n"


def test_normalisation_is_nfc_and_keeps_full_width_forms():
    assert normalise_text("（一）“三会一课”＊") == "（一）“三会一课”＊"
    assert normalise_text("e\u0301") == "\u00e9"


@pytest.mark.parametrize("content, cause", [
    (b"", "empty"),
    (b"   \n\t\n", "no text"),
    (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_bad_files_are_refused_with_the_cause(tmp_path, content, cause):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        read_file(path)
    message = str(info.value)
    assert str(path) in message and cause in message
    assert "\n" not in message


def test_too_large_files_are_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("党".encode("utf-8") * 1000)
    with pytest.raises(ReadError, match="too large"):
        read_file(path, max_bytes=100)


def test_a_folder_mixing_good_and_bad_files_reads_the_good_ones(tmp_path, report_text):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(report_text, encoding="utf-8")
    (tmp_path / "b" / "c.md").write_bytes(report_text.encode("gb18030"))
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    corpus = read_corpus(tmp_path)
    assert [s.doc_id for s in corpus.sources] == ["a", "c"]
    assert sorted(e.path.rsplit("/", 1)[-1] for e in corpus.errors) == ["empty.txt", "image.txt"]


def test_a_missing_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nope.txt: no such file"):
        read_corpus(tmp_path / "nope.txt")


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt"):
        read_corpus(tmp_path)


def test_same_stem_in_two_folders_gets_two_identifiers(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text("党组每月学习1次。", encoding="utf-8")
    ids = [s.doc_id for s in read_corpus(tmp_path).sources]
    assert len(set(ids)) == 2 and ids[0] == "report"


def test_decode_refuses_latin1_noise():
    with pytest.raises(ValueError):
        decode_bytes(bytes([0x80, 0x81, 0xfe, 0xff, 0x00, 0x01]) * 50)
