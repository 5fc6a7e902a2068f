"""Responsibility lists (kg.lists): rows against the gold duties, order, inheritance, the file formats, the diff."""

import csv
import io
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg import KnowledgeGraph
from kg.errors import KgError, NotBuiltError
from kg.lists import (FIELDS, HEADERS_ZH, SOURCES_SHEET, UNASSIGNED, action_key, diff_lists, format_diff,
                      group_rows, responsibility_rows, rows_to_dataframe, sheet_name, to_csv, to_html, to_json,
                      to_markdown, to_xlsx)
from kg.normalize import label_key

from .conftest import REPORT, ROOT

GOLD = ROOT / "eval" / "gold"
DATA = Path(__file__).resolve().parent / "data"
REGULATIONS = ("jiguan_jiceng_zuzhi_tiaoli_2019", "dangyuan_jiaoyu_guanli_tiaoli_2019")


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def shared_rows(shared_kg):
    return responsibility_rows(shared_kg)


@pytest.fixture(scope="module")
def report_rows(report_kg):
    return responsibility_rows(report_kg)


@pytest.fixture(scope="module")
def versions():
    """The two versions of the test regulation, built, and their lists."""
    old = KnowledgeGraph().fit(DATA / "lists_v1")
    new = KnowledgeGraph().fit(DATA / "lists_v2")
    return old, new, responsibility_rows(old), responsibility_rows(new)


# ------------------------------------------------------------------ against the gold duty facts
def gold_duties(doc_id):
    lines = (GOLD / f"{doc_id}.facts.jsonl").read_text(encoding="utf-8").splitlines()
    return [g for g in map(json.loads, filter(str.strip, lines)) if g["type"] == "duty"]


def bearer_matches(kg, gold_bearer, row) -> bool:
    """A gold bearer (a label, or null for a duty whose bearer the text leaves implicit) names the row's bearer."""
    if gold_bearer is None:
        return row.bearer_key == ""
    term = kg.lexicon_.lookup(gold_bearer)
    if term is not None and term.key == row.bearer_key:
        return True
    return label_key(gold_bearer).removeprefix("党的") == label_key(row.bearer).removeprefix("党的")


@pytest.mark.parametrize("doc_id, least", [
    (REPORT, 0.95), (REGULATIONS[0], 0.9), (REGULATIONS[1], 0.85),
    ("dangzhang_2017", 0.75), ("dangfeng_lianzheng_fenxihui_baogao_2020", 0.85),
])
def test_gold_duties_appear_as_rows(shared_kg, shared_rows, doc_id, least, record_property):
    """A gold duty is covered by one of the document's own rows (not inherited ones) whose bearer matches
    and whose duty text contains the gold key phrase; the modality is checked on the covered ones."""
    gold = gold_duties(doc_id)
    own = [r for r in shared_rows if r.doc_id == doc_id and not r.via]
    covered, same_modality, missed = 0, 0, []
    for g in gold:
        phrase = label_key(g["action"])
        found = [r for r in own if bearer_matches(shared_kg, g["bearer"], r) and phrase in label_key(r.duty)]
        if found:
            covered += 1
            same_modality += any(r.modality_code == g["modality"] for r in found)
        else:
            missed.append(f"{g['bearer']}: {g['action']}")
    rate = covered / len(gold)
    record_property("gold_coverage", round(rate, 3))
    print(f"{doc_id}: {covered}/{len(gold)} gold duties as rows ({rate:.1%}), modality agrees on {same_modality}")
    assert rate >= least, f"{doc_id}: {rate:.1%} of {len(gold)} gold duties covered; missed e.g. {missed[:5]}"
    assert same_modality >= 0.95 * covered


# ------------------------------------------------------------------ rows: offsets, order, inheritance
def test_every_quoted_sentence_is_at_its_offsets(shared_kg, shared_rows):
    docs = {d.doc_id: d for d in shared_kg.documents_}
    assert {r.doc_id for r in shared_rows} == set(docs)
    for row in shared_rows:
        doc = docs[row.doc_id]
        assert doc.text[row.start:row.end] == row.sentence, row
        assert doc.sentences[row.sentence_no].text == row.sentence
        if row.action_start >= 0:
            assert doc.text[row.action_start:row.action_end] == row.duty
        assert row.title == doc.title
        assert row.modality in ("必须", "禁止", "原则上", "可以")
        assert row.part in ("措施", "规定", "做法", "问题", "其他")


def test_rows_are_grouped_by_bearer_top_of_the_chain_first(report_kg, report_rows):
    bearers = list(dict.fromkeys(r.bearer for r in report_rows))
    blocks = [r.bearer for i, r in enumerate(report_rows) if i == 0 or r.bearer != report_rows[i - 1].bearer]
    assert blocks == bearers                           # each bearer is one block
    assert bearers[:3] == ["党组", "机关党委", "基层党组织"]   # the chain 党组 → 机关党委 → 基层党组织 → …
    assert bearers[-1] == UNASSIGNED
    rest = bearers[3:-1]
    assert rest == sorted(rest)                        # then by label
    for bearer, rows in group_rows(report_rows).items():
        own = [r for r in rows if not r.via]
        assert [(r.start, r.action_start) for r in own] == sorted((r.start, r.action_start) for r in own)
        assert rows[:len(own)] == own                  # own duties first, then inherited ones


def test_reported_practices_are_left_out_by_default(report_kg, report_rows):
    reported = [d for d in report_kg.facts_.duties if d.reported]
    assert reported
    spans = {(r.start, r.duty) for r in report_rows}
    assert not any((d.evidence.start, d.action) in spans for d in reported)
    with_reported = responsibility_rows(report_kg, include_reported=True)
    assert len(with_reported) == len(report_rows) + len(reported)


def test_first_secretary_duties_are_inherited_not_merged(report_kg, report_rows):
    holdings = {(h.holder.label, h.post.label) for h in report_kg.facts_.holdings}
    assert ("党委（组）书记", "第一书记") in holdings
    own = [r for r in report_rows if r.bearer == "第一书记" and not r.via]
    assert [r.duty for r in own] == ["参加抓机关党建述职述廉活动"]
    secretary = [r for r in report_rows if r.bearer == "党委（组）书记"]
    assert [(r.via, r.duty) for r in secretary] == [("第一书记", "参加抓机关党建述职述廉活动")]
    inherited = secretary[0]
    assert inherited.bearer_key == "PartyCommitteeOrGroupSecretary" and inherited.via_key == "FirstSecretary"
    assert (inherited.start, inherited.end, inherited.sentence) == (own[0].start, own[0].end, own[0].sentence)
    # never merged: the first secretary keeps its own row, and no row pretends the secretary's duty is its own
    assert not any(r.bearer == "党委（组）书记" and not r.via for r in report_rows)
    # every holding brings every duty of the post to its holder, marked with the post
    for h in report_kg.facts_.holdings:
        post_duties = [r.duty for r in report_rows if r.bearer_key == h.post.key and not r.via]
        got = [r.duty for r in report_rows if r.bearer_key == h.holder.key and r.via_key == h.post.key]
        assert got == post_duties, (h.holder.label, h.post.label)


def test_holding_notes_travel_with_inherited_rows():
    kg = KnowledgeGraph().fit(texts={"r": "第一条　行政负责人原则上兼任党组织副书记。\n第二条　副书记应当协助书记抓好党建工作。"})
    rows = [r for r in responsibility_rows(kg, role="行政负责人") if r.via]
    assert [(r.via, r.duty) for r in rows] == [("副书记", "协助书记抓好党建工作")]
    assert "兼任" in rows[0].via_note and "原则上" in rows[0].via_note


def test_role_and_organization_filters(report_kg, report_rows):
    rows = responsibility_rows(report_kg, role="党委(组)书记")        # half-width brackets find the role
    assert rows and {r.bearer for r in rows} == {"党委（组）书记"}
    assert responsibility_rows(report_kg, role="PartyCommitteeOrGroupSecretary") == rows
    org = responsibility_rows(report_kg, organization="党组")
    assert [r.duty for r in org] == [r.duty for r in report_rows if r.bearer == "党组"]
    with pytest.raises(KgError, match="organization"):
        responsibility_rows(report_kg, role="机关党委")
    with pytest.raises(KgError, match="not a role kg knows"):
        responsibility_rows(report_kg, role="不存在的职务")
    with pytest.raises(KgError, match="not both"):
        responsibility_rows(report_kg, role="第一书记", organization="党组")
    with pytest.raises(NotBuiltError):
        responsibility_rows(KnowledgeGraph())


# ------------------------------------------------------------------ writing
def test_csv_opens_with_the_csv_module(tmp_path, report_rows):
    path = to_csv(report_rows, tmp_path / "清单.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")    # the BOM Excel needs for UTF-8
    with path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [HEADERS_ZH[f] for f in FIELDS]
    assert len(table) == len(report_rows) + 1
    column = {name: i for i, name in enumerate(table[0])}
    lines = [(t[column["责任主体"]], t[column["职责内容"]], t[column["频次"]]) for t in table[1:]]
    assert ("党组成员", "每月到联系点调研*次", "每月*次（数字已隐去）") in lines
    assert all(len(t) == len(FIELDS) for t in table)
    buffer = io.StringIO(newline="")
    to_csv(report_rows, buffer, header="field")
    fields_table = list(csv.reader(io.StringIO(buffer.getvalue().lstrip("\ufeff"))))
    assert tuple(fields_table[0]) == FIELDS
    assert fields_table[1][FIELDS.index("section_path")] == report_rows[0].section


def test_xlsx_opens_with_openpyxl(tmp_path, report_kg, report_rows):
    openpyxl = pytest.importorskip("openpyxl")
    path = to_xlsx(report_rows, tmp_path / "清单.xlsx")
    book = openpyxl.load_workbook(path)
    groups = group_rows(report_rows)
    assert len(book.sheetnames) == len(groups) + 1 and book.sheetnames[-1] == SOURCES_SHEET
    assert len({n.lower() for n in book.sheetnames}) == len(book.sheetnames)
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in book.sheetnames)
    assert book.sheetnames[:3] == ["党组", "机关党委", "基层党组织"]
    assert "党委（组）书记" in book.sheetnames
    total = 0
    for name, (bearer, rows) in zip(book.sheetnames, groups.items()):
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert header[:3] == ["序号", "职责内容", "经由职务"] and header[-2:] == ["原文", "来源编号"]
        assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["B"].width >= 30
        body = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [b[1] for b in body] == [r.duty for r in rows]
        assert [b[2] or "" for b in body] == [r.via for r in rows]
        assert sheet["B2"].alignment.wrap_text
        total += len(body)
    assert total == len(report_rows)
    secretary = book["党委（组）书记"]
    assert (secretary["B2"].value, secretary["C2"].value) == ("参加抓机关党建述职述廉活动", "第一书记")

    sources = book[SOURCES_SHEET]
    assert [c.value for c in sources[1]] == ["来源编号", "文件编号", "文件名称", "章节", "原文", "起始位置", "结束位置"]
    text = report_kg.documents_[0].text
    listed = list(sources.iter_rows(min_row=2, values_only=True))
    assert len(listed) == len({(r.doc_id, r.start, r.end) for r in report_rows})
    for number, doc_id, title, section, sentence, start, end in listed:
        assert doc_id == REPORT and text[start:end] == sentence
    # every row's source number points at the source row with its sentence
    first = book["党组"]
    number = first.cell(row=2, column=first.max_column).value
    assert sources.cell(row=number + 1, column=5).value == report_rows[0].sentence


def test_xlsx_into_memory(report_rows):
    openpyxl = pytest.importorskip("openpyxl")
    buffer = to_xlsx(report_rows, io.BytesIO())
    book = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames[0] == "党组" and book["党组"]["B2"].value == report_rows[0].duty


def test_sheet_names_are_valid_and_unique():
    used = {SOURCES_SHEET}
    names = [sheet_name(n, used) for n in ("党委（组）书记", "a[b]:c*d?e/f\\g", "来源", "History", "党" * 40,
                                           "党" * 40, "'引号'", "", "ABC", "abc")]
    assert names[0] == "党委（组）书记" and names[1] == "abcdefg"
    assert names[2] != SOURCES_SHEET and names[3] != "History"
    assert all(0 < len(n) <= 31 for n in names)
    assert len({n.lower() for n in names} | {SOURCES_SHEET.lower()}) == len(names) + 1
    assert names[6] == "引号"


def test_json_markdown_and_html(report_rows):
    data = json.loads(to_json(report_rows))
    assert len(data) == len(report_rows) and tuple(data[0]) == FIELDS
    assert data[0]["section_path"] == list(report_rows[0].section_path)

    md = to_markdown(report_rows)
    headings = [line[3:] for line in md.splitlines() if line.startswith("## ")]
    assert [h.rsplit("（", 1)[0] for h in headings] == list(group_rows(report_rows))
    assert "联系\\*个党支部" in md                          # masked numbers are not emphasis
    assert all(line.count(" | ") == 9 for line in md.splitlines() if line.startswith("| ") and "---" not in line)

    page = to_html(report_rows)
    for needle in ("@page { size: A4", "display: table-header-group", "break-inside: avoid",
                   "page-break-inside: avoid", "Noto Sans CJK SC", '<meta charset="utf-8">', 'lang="zh-CN"'):
        assert needle in page

    class Counter(HTMLParser):
        def __init__(self):
            super().__init__()
            self.open = []
            self.rows = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("table", "tr", "td", "th", "section", "thead", "tbody"):
                self.open.append(tag)
            self.rows += tag == "tr"

        def handle_endtag(self, tag):
            if tag in ("table", "tr", "td", "th", "section", "thead", "tbody"):
                assert self.open.pop() == tag

    counter = Counter()
    counter.feed(page)
    assert counter.open == [] and counter.rows == len(report_rows) + len(group_rows(report_rows))


def test_text_is_escaped_in_html_and_markdown():
    kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部不得把<script>alert(1)</script>|当作“软指标”。"})
    rows = responsibility_rows(kg)
    assert rows
    page = to_html(rows)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<script>" not in to_markdown(rows) and "\\|" in to_markdown(rows)


def test_dataframe(report_rows):
    pytest.importorskip("pandas")
    frame = rows_to_dataframe(report_rows)
    assert list(frame.columns) == list(FIELDS) and len(frame) == len(report_rows)
    assert frame.loc[0, "bearer"] == "党组" and frame.loc[0, "section_path"] == report_rows[0].section


def test_dataframe_without_pandas_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)    # import pandas now raises ImportError
    with pytest.raises(KgError, match="pip install pandas"):
        rows_to_dataframe([])


def test_empty_lists_write_cleanly(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    assert json.loads(to_json([])) == []
    assert "没有职责" in to_markdown([]) and "没有职责" in to_html([])
    book = openpyxl.load_workbook(to_xlsx([], tmp_path / "empty.xlsx"))
    assert book.sheetnames == ["责任清单", SOURCES_SHEET]


# ------------------------------------------------------------------ the diff
def test_the_two_versions_differ_by_one_added_one_removed_one_changed_duty(versions):
    old, new, old_rows, new_rows = versions
    diff = diff_lists(old_rows, new_rows)
    assert set(diff) == {"机关党委", "党支部", "党员"}
    added = [r for entry in diff.values() for r in entry["added"]]
    removed = [r for entry in diff.values() for r in entry["removed"]]
    changed = [c for entry in diff.values() for c in entry["changed"]]
    assert [(r.bearer, r.duty, r.frequency) for r in added] == [("党员", "每年至少参加1次民主评议", "每年1次")]
    assert [(r.bearer, r.duty, r.modality) for r in removed] == [("党支部", "以业务工作冲抵组织生活", "禁止")]
    assert len(changed) == 1
    change = changed[0]
    assert change.old.bearer == change.new.bearer == "机关党委"
    assert (change.old.frequency, change.new.frequency) == ("每月1次", "每季度1次")
    assert set(change.fields) == {"duty", "frequency"}
    # everything else is the same, though offsets after the edits moved
    assert len(new_rows) == len(old_rows)
    assert any(a.start != b.start for a, b in zip(old_rows, new_rows) if a.duty == b.duty)
    text = format_diff(diff)
    assert "+ 新增 每年至少参加1次民主评议" in text and "- 删除 以业务工作冲抵组织生活" in text
    assert "频次：每月1次 → 每季度1次" in text
    assert diff_lists(old_rows, old_rows) == {} and "没有差异" in format_diff({})


def test_the_versions_carry_the_first_secretary_to_its_holder(versions):
    _, _, old_rows, _ = versions
    inherited = [(r.duty, r.via) for r in old_rows if r.bearer == "党组书记" and r.via]
    assert inherited == [("每年向党组述职1次", "第一书记"), ("接受评议考核", "第一书记")]
    assert list(group_rows(old_rows)) == ["党组", "机关党委", "党支部", "党员", "党组书记", "第一书记"]


def test_an_edited_sentence_is_a_change_by_its_place():
    old = responsibility_rows(KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"}))
    new = responsibility_rows(KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月组织1次主题党日活动。"}))
    assert action_key(old[0].duty) != action_key(new[0].duty)
    diff = diff_lists(old, new)
    assert list(diff) == ["党支部"] and not diff["党支部"]["added"] and not diff["党支部"]["removed"]
    assert diff["党支部"]["changed"][0].fields == ("duty",)


@pytest.mark.parametrize("a, b, same", [
    ("每月召开1次委员会会议", "每季度召开 2 次委员会会议。", True),
    ("每年至少认领*个“微心愿”", "每年认领3个微心愿", True),
    ("严格落实“一岗双责”制", "严格落实一岗双责制", True),
    ("召开委员会会议", "召开党员大会", False),
])
def test_action_key(a, b, same):
    assert (action_key(a) == action_key(b)) is same


# ------------------------------------------------------------------ the kg list command
def test_kg_list_writes_every_format_from_the_command_line(tmp_path, capsys):
    from kg.cli import main

    corpus = str(DATA / "lists_v2")
    assert main(["list", "--corpus", corpus, "--format", "csv", "--output", str(tmp_path / "l.csv")]) == 0
    with (tmp_path / "l.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == [HEADERS_ZH[f] for f in FIELDS]
    assert any("每年至少参加1次民主评议" in line for line in map("".join, table[1:]))

    assert main(["list", "--corpus", corpus, "--format", "xlsx", "--output", str(tmp_path / "l.xlsx")]) == 0
    import openpyxl

    workbook = openpyxl.load_workbook(tmp_path / "l.xlsx")
    assert SOURCES_SHEET in workbook.sheetnames and "党员" in workbook.sheetnames

    capsys.readouterr()
    assert main(["list", "--corpus", corpus, "--role", "党员", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and {r["bearer"] for r in rows} == {"党员"}

    assert main(["list", "--corpus", corpus, "--format", "xlsx"]) == 1
    assert "--output" in capsys.readouterr().err


def test_kg_list_diff_reports_the_added_removed_and_changed_duty(capsys):
    from kg.cli import main

    assert main(["list", "--diff", str(DATA / "lists_v1"), str(DATA / "lists_v2"), "--format", "json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert [r["duty"] for r in diff["党员"]["added"]] == ["每年至少参加1次民主评议"]
    assert [r["duty"] for r in diff["党支部"]["removed"]] == ["以业务工作冲抵组织生活"]
    assert diff["机关党委"]["changed"][0]["fields"]


def test_the_api_gives_rows_and_a_dataframe(report_kg):
    rows = report_kg.responsibility_list()
    assert rows == responsibility_rows(report_kg)
    pandas = pytest.importorskip("pandas")
    frame = report_kg.responsibility_list(as_frame=True)
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(rows)
