"""The command line keeps ../shared/docs/CONTRACT.md: JSON Lines, stdin batches, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.cli import main

from .conftest import ROOT


def run_kg(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "kg", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def test_ask_json_returns_the_defining_sentence_with_offsets(report_path):
    result = run_kg("ask", "--corpus", str(report_path), "--json", "一书两单三会议包括哪些内容？")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    answer = json.loads(lines[0])
    assert set(answer) >= {"question", "language", "intent", "answer", "entities", "evidence"}
    assert answer["language"] == "zh"
    text = report_path.read_text(encoding="utf-8")
    best = answer["evidence"][0]
    assert "“一书两单三会议”（党风廉政责任书" in best["text"]
    assert text[best["start"]:best["end"]] == best["text"]
    assert best["doc"] == "jiguan_dangjian_report"
    for part in ("党风廉政责任书", "年度党建会", "述职述责述廉会"):
        assert part in answer["answer"]


def test_questions_from_standard_input_are_answered_in_order(report_path):
    questions = "第一书记要做什么？\nWhat must a first secretary do?\n\n“三亮”是什么？\n"
    result = run_kg("ask", "--corpus", str(report_path), "--json", "-", stdin=questions)
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["question"] for a in answers] == ["第一书记要做什么？", "What must a first secretary do?", "", "“三亮”是什么？"]
    assert answers[1]["language"] == "en"
    assert answers[2]["evidence"] == [] and answers[2]["answer"]


def test_plain_output_shows_the_answer_and_its_evidence(capsys, report_path):
    assert main(["ask", "--corpus", str(report_path), "临时党组织设立在哪些区域？"]) == 0
    out = capsys.readouterr().out
    assert "发热门诊" in out and "[jiguan_dangjian_report " in out


@pytest.mark.parametrize("args, expected", [
    (["ask", "--corpus", "/no/such/folder", "问题"], "/no/such/folder: no such file or folder"),
    (["ask", "--top-k", "0", "问题"], "--top-k must be at least 1"),
    (["ask"], "required: QUESTION"),
    (["build", "--output", "graph.xyz"], "unknown graph format"),
    (["ask", "--store", "bogus:thing", "问题"], "unknown store"),
])
def test_user_errors_are_one_line_without_traceback(args, expected, tmp_path):
    if args[0] == "build":
        args = ["build", "--corpus", str(ROOT / "corpus"), "--output", str(tmp_path / "graph.xyz")]
    result = run_kg(*args)
    assert result.returncode != 0
    err = result.stderr.strip()
    assert expected in err and "Traceback" not in err
    assert len(err.splitlines()) == 1, err


def test_unreadable_corpus_file_is_named(tmp_path):
    bad = tmp_path / "scan.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = run_kg("ask", "--corpus", str(bad), "问题")
    assert result.returncode == 1
    assert str(bad) in result.stderr and "binary" in result.stderr


def test_bad_files_beside_good_ones_are_warned_about(tmp_path, report_path):
    (tmp_path / "good.txt").write_text(report_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_kg("ask", "--corpus", str(tmp_path), "--json", "第一书记要做什么？")
    assert result.returncode == 0
    assert "empty.txt" in result.stderr
    assert json.loads(result.stdout)["evidence"]


def test_build_writes_the_graph_and_reports_counts(tmp_path):
    out = tmp_path / "graph.ttl"
    result = run_kg("build", "--corpus", str(ROOT / "corpus"), "--output", str(out), "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["documents"] >= 2 and stats["triples"] > 1000 and stats["facts"] > 0
    assert out.stat().st_size > 10_000


def test_default_corpus_is_the_bundled_samples():
    result = run_kg("ask", "--json", "第一书记要做什么？")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["evidence"] and answer["evidence"][0]["doc"].startswith("shiyan_")


def test_every_command_has_help():
    for command in ("ask", "build"):
        result = run_kg(command, "--help")
        assert result.returncode == 0 and "usage: kg " + command in result.stdout


def test_check_prints_one_short_line_per_finding_and_a_summary(capsys, report_path):
    assert main(["check", "--corpus", str(report_path)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines and all(len(line) < 220 for line in lines)
    assert any(line.startswith("undefined") and "两个维护" in line for line in lines)
    kinds = {line.split()[0] for line in lines}
    assert kinds <= {"undefined", "mismatch", "role_without_duties", "unresolved_bearer"}
    assert "undefined" in captured.err.splitlines()[-1]
