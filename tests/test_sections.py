"""Questions about where a text says something and how a document is laid out (kg.qa.sections)."""

from __future__ import annotations

import pytest

from kg.qa.sections import ASKS_LAYOUT, ASKS_SECTION


@pytest.mark.parametrize("question", [
    "党员监督的内容放在条例的哪一章？",
    "这件事写在报告的哪个部分？",
    "师德师风讲座放在哪一条收获底下讲？",
    "Which chapter of the regulation deals with members who move around?",
    "Under which heading does the report discuss branch secretaries?",
    "This measure is reported under which of the meeting's gains?",
])
def test_questions_asking_where_a_text_says_something(question):
    assert ASKS_SECTION.search(question)


@pytest.mark.parametrize("question", [
    "第一书记要做什么？", "报告从哪几个方面提出对策措施？", "What must a first secretary do?",
    "Which members must attend the branch meeting?", "三会一课包括什么部分？", "这项制度由哪几部分组成？",
])
def test_other_questions_do_not_ask_where(question):
    assert not ASKS_SECTION.search(question)


@pytest.mark.parametrize("question, asks", [
    ("这份报告分为哪几个部分？", True), ("条例的结构是怎样的？", True),
    ("How is the regulation on member education laid out?", True),
    ("What are the main parts of the school's report?", True),
    ("“*+*+N”计划由哪几部分构成？", False), ("报告从哪几个方面提出对策措施？", False),
])
def test_questions_asking_how_a_document_is_laid_out(question, asks):
    assert bool(ASKS_LAYOUT.search(question)) is asks


def test_which_chapter_is_read_off_the_chapter_headings(shared_kg):
    # 党员教育管理工作条例: 第七章　流动党员管理
    answer = shared_kg.ask("流动党员的管理，党员教育管理工作条例放在第几章？ 哪一章？")
    assert answer.trace["method"] == "the headings above the closest sentence"
    assert "第七章 流动党员管理" in answer.text


def test_under_which_heading_names_the_headings_above_the_closest_sentence(shared_kg):
    # 分析会报告: 二、会议的主要收获 › 2.强化监督执纪廉政关口 › 二是加强了对各办线职能处室工作的监督。
    answer = shared_kg.ask("Under which heading does the school's report mention supervising the functional "
                           "offices of each department line?")
    assert "强化监督执纪廉政关口" in answer.text and "会议的主要收获" in answer.text
    assert answer.evidence[0].text.startswith("二是加强了对各办线职能处室工作的监督")


def test_a_report_is_laid_out_by_its_top_level_parts(shared_kg):
    answer = shared_kg.ask("这份机关党建调研报告一共分为哪几个部分？")
    assert answer.trace["method"] == "the parts of the document"
    for part in ("一、主要做法", "二、现实问题及原因分析", "三、对策措施"):
        assert part in answer.text
    assert len(answer.evidence) == 3


def test_a_formulas_parts_are_not_a_documents_parts(shared_kg):
    answer = shared_kg.ask("三会一课包括什么部分？")
    assert answer.intent == "mechanism_parts"
    assert answer.trace["method"] != "the headings above the closest sentence"


@pytest.mark.parametrize("question, chapter", [
    ("流动党员管理是条例第几章？", "第七章 流动党员管理"),
    ("党员监督的内容在条例的哪一章？", "第六章 党员监督和组织处置"),
    ("Which chapter of the Party Constitution deals with discipline inspection bodies?", "第八章 党的纪律检查机关"),
])
def test_which_chapter_is_looked_for_in_every_documents_headings(shared_kg, question, chapter):
    assert chapter in shared_kg.ask(question).text
