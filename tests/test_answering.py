"""Question answering end to end: reading the question, every intent, the evidence and its offsets,
explanations and refusals, and a floor under the evaluation score.

Facts asserted here are what the texts say: the real corpus in ../shared/corpus (through the conftest
fixtures) and a short report written for these tests (``STREET``), so that an answer that only sounds
right, or one that comes from somewhere else, fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from kg import KnowledgeGraph

from .conftest import ROOT

# A short report of our own (not from the corpus): duties with frequencies, a numbered formula that the
# text defines, problems named by role, and a chain of leadership.
STREET = """关于加强某街道机关党支部建设的工作报告
一、主要做法
（一）明确分工。宣传委员每两个月组织一次理论学习。组织委员{period}检查一次党员档案。党小组组长负责收缴党费。
（二）健全制度。推行“两册一会”制度（党员学习册、党员考勤册、季度评议会），党支部书记负责抓好落实。
二、存在问题
有的宣传委员不按时组织理论学习，学习流于形式；有的党小组组长收缴党费不及时。
三、下一步打算
党支部由街道党工委领导，党小组接受党支部领导。
"""


@pytest.fixture(scope="module")
def street_kg():
    return KnowledgeGraph().fit(texts={"street": STREET.format(period="每季度")})


def labels(answer) -> list:
    return [e["label"] for e in answer.entities]


def lead(answer) -> str:
    """The direct answer, before the quoted text (原文：「…」 / The text: 「…」)."""
    return re.split(r"原文：|The text:", answer.text, maxsplit=1)[0]


def evidence_with(answer, phrase) -> list:
    return [e for e in answer.evidence if phrase in e.text]


def assert_evidence_slices_back(kg, answer):
    for item in answer.evidence:
        assert kg.document(item.doc).text[item.start:item.end] == item.text, (answer.question, item)


_OUTSIDE_QUOTES = re.compile(r"「[^」]*」|“[^”]*”|《[^》]*》|\([^()]*\)|（[^（）]*）")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ZH_FRAMING = ("原文", "据《", "文中", "另见", "比较——", "责任链", "的职责", "任职：", "指出的问题", "包括：", "词表")
_EN_FRAMING = re.compile(r"The text|Duties of|consists of|Problems the|Chain of|Compared|closest passage|glossary")


def assert_english(answer):
    """An English answer: English words carry it, Chinese comes in quotes 「…」 (and names), no Chinese framing."""
    assert answer.language == "en"
    outside = _OUTSIDE_QUOTES.sub(" ", answer.text)
    assert re.search(r"[A-Za-z]{2,}", outside), answer.text
    assert not [w for w in _ZH_FRAMING if w in outside], answer.text
    assert any(_CJK.search(q) for q in re.findall(r"「([^」]*)」", answer.text)), answer.text


def assert_chinese(answer):
    assert answer.language == "zh"
    assert _CJK.search(answer.text) and not _EN_FRAMING.search(answer.text), answer.text


# ============================================================================ reading the question
@pytest.mark.parametrize("question, language", [
    ("第一书记要做什么？", "zh"),
    ("What must a first secretary do?", "en"),
    ("What does 三会一课 mean?", "en"),                 # a Chinese name inside an English question
    ("党建业务融合主题LOGO是什么？", "zh"),              # a Latin word inside a Chinese question
    ("Ｗhat must a first secretary do？", "en"),         # full-width letters and question mark
    ("第一書記要做什麼？", "zh"),
])
def test_the_language_of_a_question_is_detected(report_kg, question, language):
    assert report_kg.ask(question).language == language


@pytest.mark.parametrize("variants", [
    ("“一书两单三会议”包括哪些内容？", '"一书两单三会议"包括哪些内容?', "「一书两单三会议」包括哪些内容？",
     "一书两单三会议包括哪些内容？"),
    ("党委（组）书记要做什么？", "党委(组)书记要做什么?", "  党委（组）书记\x00要做什么？\n"),
    ("What must a first secretary do?", "Ｗhat must a first secretary do？", "  What must a first  secretary do?  "),
])
def test_width_quotes_and_stray_characters_do_not_change_the_answer(report_kg, variants):
    answers = [report_kg.ask(v) for v in variants]
    first = answers[0]
    for other in answers[1:]:
        assert (other.intent, labels(other)) == (first.intent, labels(first)), other.question
        assert [(e.doc, e.start, e.end) for e in other.evidence] == [(e.doc, e.start, e.end) for e in first.evidence]
    assert first.entities and first.evidence


@pytest.mark.parametrize("traditional, simplified", [
    ("第一書記要做什麼？", "第一书记要做什么？"),
    ("機關黨組織的第一書記由誰擔任？", "机关党组织的第一书记由谁担任？"),
    ("一書兩單三會議包括哪些內容？", "一书两单三会议包括哪些内容？"),
])
def test_traditional_characters_read_as_simplified(report_kg, traditional, simplified):
    trad, simp = report_kg.ask(traditional), report_kg.ask(simplified)
    assert trad.language == simp.language == "zh"
    assert (trad.intent, labels(trad)) == (simp.intent, labels(simp))
    assert trad.text == simp.text
    assert [(e.doc, e.start) for e in trad.evidence] == [(e.doc, e.start) for e in simp.evidence]


@pytest.mark.parametrize("traditional, simplified", [
    # the cue words of a question (原则, 定义, 哪些) are read in simplified characters too
    ("機關基層黨組織決定重要事項要遵循什麼原則？", "机关基层党组织决定重要事项要遵循什么原则？"),
    ("黨支部的職責是什麼？", "党支部的职责是什么？"),
    ("除了書記，黨組還可以設什麼職務？", "除了书记，党组还可以设什么职务？"),
])
def test_traditional_questions_on_the_real_corpus_read_as_simplified(shared_kg, traditional, simplified):
    trad, simp = shared_kg.ask(traditional), shared_kg.ask(simplified)
    assert (trad.intent, trad.text) == (simp.intent, simp.text)
    assert [(e.doc, e.start) for e in trad.evidence] == [(e.doc, e.start) for e in simp.evidence]


@pytest.mark.parametrize("question, entity", [
    # the three spellings the texts use for one role (全角/半角 brackets, 党组(党委) order)
    ("党委(组)书记要做什么？", "党委（组）书记"),
    ("党委（组）书记要做什么？", "党委（组）书记"),
    ("党组(党委)书记要做什么？", "党委（组）书记"),
    # formulae named in part, with a suffix, with a wrong character
    ("一书两单三会包括哪些内容？", "一书两单三会议"),
    ("三会一课制度包括什么？", "三会一课"),
    ("一岗双则有什么要求？", "一岗双责"),
    # English names of the same entities
    ("What must a first secretary do?", "第一书记"),
    ("Who holds the post of Party branch secretary?", "支部书记"),
    ("What are the duties of the organ commission for discipline inspection?", "机关纪委"),
    ('What does the text require about "one post, two duties"?', "一岗双责"),
])
def test_partial_variant_and_english_names_link_to_the_entity(shared_kg, question, entity):
    assert labels(shared_kg.ask(question))[:1] == [entity]


def test_an_english_question_links_both_roles_it_compares(shared_kg):
    answer = shared_kg.ask("What is the difference between a probationary member and a full member?")
    assert {"预备党员", "正式党员"} <= set(labels(answer))


def test_english_and_chinese_questions_about_one_role_give_the_same_facts(report_kg):
    zh, en = report_kg.ask("第一书记要做什么？"), report_kg.ask("What must a first secretary do?")
    assert (zh.intent, labels(zh)) == (en.intent, labels(en)) == ("role_duties", ["第一书记"])
    assert {(e.doc, e.start) for e in zh.evidence} == {(e.doc, e.start) for e in en.evidence}


# ============================================================================ duties of a role
def test_duties_of_the_first_secretary_name_its_holders_and_the_sentences_that_say_so(report_kg):
    # The report: 实行党委（组）书记担任机关党组织第一书记 … 有的党组书记没履行“第一书记”职责，不参加抓机关党建述职述廉活动
    for question in ("第一书记要做什么？", "What must a first secretary do?"):
        answer = report_kg.ask(question)
        assert answer.intent == "role_duties"
        assert "参加抓机关党建述职述廉活动" in answer.text
        assert "党委（组）书记" in answer.text and "党组书记" in answer.text
        assert evidence_with(answer, "不参加抓机关党建述职述廉活动")
        assert evidence_with(answer, "实行党委（组）书记担任机关党组织第一书记")
    assert_english(report_kg.ask("What must a first secretary do?"))


def test_a_role_gets_the_duties_of_the_post_it_holds(report_kg):
    # 党委（组）书记 has no duty of its own in the report: it has the first secretary's, through the post.
    answer = report_kg.ask("党委（组）书记要做什么？")
    assert answer.intent == "role_duties"
    assert "参加抓机关党建述职述廉活动" in answer.text and "第一书记" in answer.text
    assert evidence_with(answer, "党委（组）书记担任机关党组织第一书记")


def test_a_role_with_an_enumerated_list_of_duties_is_answered_with_the_list(shared_kg):
    # 党章: 党员必须履行下列义务：（一）认真学习马克思列宁主义… (eight items)
    members = shared_kg.ask("党员有哪些义务？")
    assert members.intent == "role_duties"
    assert members.evidence[0].text == "党员必须履行下列义务："
    assert "认真学习马克思列宁主义" in members.text and "（8）" in members.text
    # 条例第十一条: 机关党的纪律检查委员会的职责是监督、执纪、问责，主要包括：（一）…（六）
    commission = shared_kg.ask("What are the duties of the organ commission for discipline inspection?")
    assert commission.intent == "role_duties"
    assert "监督、执纪、问责" in commission.evidence[0].text
    assert "受理党员控告和申诉" in commission.text
    assert_english(commission)


def test_duties_come_from_the_text_asked_not_from_a_fixed_list(street_kg):
    zh = street_kg.ask("宣传委员要做什么？")
    en = street_kg.ask("What must a publicity member do?")
    for answer in (zh, en):
        assert answer.intent == "role_duties"
        assert "组织一次理论学习" in answer.text
        assert "党费" not in answer.text and "档案" not in answer.text   # other roles' duties
        assert answer.evidence[0].text == "宣传委员每两个月组织一次理论学习。"
    assert_english(en)


# ============================================================================ who holds a post
def test_who_holds_the_post_of_first_secretary(report_kg):
    for question in ("谁担任机关党组织第一书记？", "Who serves as the first secretary?"):
        answer = report_kg.ask(question)
        assert answer.intent == "post_holder"
        assert "党委（组）书记" in lead(answer)
        assert "实行党委（组）书记担任机关党组织第一书记" in answer.evidence[0].text


def test_which_post_a_role_holds_concurrently_and_as_a_rule(report_kg):
    # 明确有专职党组织书记部门的行政负责人原则上兼任党组织副书记
    zh = report_kg.ask("行政负责人兼任什么职务？")
    assert zh.intent == "post_holder"
    assert "副书记" in lead(zh) and "兼任" in lead(zh) and "原则上" in lead(zh)
    en = report_kg.ask("Who concurrently serves as deputy secretary?")
    assert en.intent == "post_holder"
    assert "行政负责人" in lead(en) and "concurrently" in lead(en)
    for answer in (zh, en):
        assert "行政负责人原则上兼任党组织副书记" in answer.evidence[0].text


def test_who_holds_a_post_by_a_default_rule_in_the_regulation(shared_kg):
    # 条例第八条: 党支部书记原则上由本单位党员主要负责人担任。
    answer = shared_kg.ask("党支部书记由谁担任？")
    assert answer.intent == "post_holder"
    assert "主要负责人" in lead(answer) and "原则上" in lead(answer)
    assert answer.evidence[0].text == "党支部书记原则上由本单位党员主要负责人担任。"


# ============================================================================ who must do it
def test_who_must_set_up_the_organ_discipline_commission(shared_kg):
    # 条例第九条: 机关党的基层委员会应当设立机关党的纪律检查委员会。
    answer = shared_kg.ask("谁必须设立机关党的纪律检查委员会？")
    assert answer.intent == "duty_holder"
    assert re.search("机关党委|机关党的基层委员会", lead(answer))
    assert answer.evidence[0].text == "机关党的基层委员会应当设立机关党的纪律检查委员会。"


def test_who_coordinates_party_member_education_in_chinese_and_english(shared_kg):
    # 党员教育管理工作条例: 中央组织部主要负责党员教育管理工作统筹协调……
    for question in ("谁负责党员教育管理工作统筹协调？",
                     "Who is responsible for coordinating Party member education and management?"):
        answer = shared_kg.ask(question)
        assert answer.intent == "duty_holder"
        assert "中央组织部" in lead(answer)
        assert answer.evidence[0].text.startswith("中央组织部主要负责党员教育管理工作统筹协调")


def test_who_must_do_it_follows_the_text(street_kg):
    for question in ("谁负责收缴党费？", "Who must collect Party dues?"):
        answer = street_kg.ask(question)
        assert answer.intent == "duty_holder"
        assert "党小组组长" in lead(answer)
        assert answer.evidence[0].text == "党小组组长负责收缴党费。"


# ============================================================================ how often
def test_how_often_party_group_members_visit_their_contact_points(report_kg):
    # 党组成员联系*个党支部，每季专题研究*次党建工作，每月到联系点调研*次。
    for question in ("党组成员多久到联系点调研一次？", "How often must Party group members visit their contact points?"):
        answer = report_kg.ask(question)
        assert answer.intent == "frequency"
        assert "每月到联系点调研" in answer.text
        assert "每月到联系点调研*次" in answer.evidence[0].text


def test_how_long_a_probationary_period_or_a_term_lasts(shared_kg):
    probation = shared_kg.ask("预备党员的预备期是多长？")
    assert probation.intent == "frequency"
    assert lead(probation).startswith("一年")
    assert probation.evidence[0].text == "预备党员的预备期为一年。"
    term = shared_kg.ask("党的基层委员会每届任期多长？")
    assert term.intent == "frequency"
    assert "三年至五年" in term.text
    assert term.evidence[0].text == "党的基层委员会、总支部委员会、支部委员会每届任期三年至五年。"


@pytest.mark.parametrize("period", ["每季度", "每半年", "每年"])
def test_the_frequency_answered_is_the_one_the_text_states(period):
    kg = KnowledgeGraph().fit(texts={"street": STREET.format(period=period)})
    for question in ("组织委员多久检查一次党员档案？", "How often does the organization member check Party member files?"):
        answer = kg.ask(question)
        assert answer.intent == "frequency"
        assert period in answer.text
        assert answer.evidence[0].text == f"组织委员{period}检查一次党员档案。"


def test_the_direct_answer_of_a_frequency_question_is_the_period_of_the_clause_asked_about(report_kg, shared_kg,
                                                                                           street_kg):
    assert "每月" in lead(report_kg.ask("党组成员多久到联系点调研一次？"))
    assert "三年至五年" in lead(shared_kg.ask("党的基层委员会每届任期多长？"))
    answer = street_kg.ask("宣传委员多久组织一次理论学习？")
    assert "每两个月" in lead(answer)
    assert answer.evidence[0].text == "宣传委员每两个月组织一次理论学习。"


# ============================================================================ how many
def test_how_many_full_members_make_a_branch(shared_kg):
    # 条例第七条: 机关正式党员3人以上的，成立党支部。
    for question in ("正式党员多少人以上成立党支部？", "How many full members are needed to set up a Party branch?"):
        answer = shared_kg.ask(question)
        assert answer.intent == "count"
        assert lead(answer).startswith("3人")
        assert answer.evidence[0].text == "机关正式党员3人以上的，成立党支部。"


def test_how_many_attended_and_how_many_items_were_listed(shared_kg):
    # 分析会报告: 王琛、孙洪亮、蒋明、俞奇弘、朱水军、王月琴等6人参加了会议 … 严格梳理明确了52项风险防控具体项目
    people = shared_kg.ask("校党委班子有多少人参加了会议？")
    assert people.intent == "count" and people.text.startswith("6人")
    items = shared_kg.ask("廉洁风险防控清单明确了多少项风险防控具体项目？")
    assert items.intent == "count" and items.text.startswith("52项")
    posts = shared_kg.ask("How many risk points were identified for leadership posts?")
    assert posts.intent == "count" and lead(posts).startswith("9个")     # “领导干部岗位”的9个风险点
    assert_english(posts)


def test_an_english_count_question_counts_in_the_unit_it_asks_for(shared_kg):
    # 党员教育管理工作条例: 党员每年集中学习培训时间一般不少于32学时。
    answer = shared_kg.ask("How many hours of training must Party members receive each year?")
    assert answer.intent == "count"
    assert lead(answer).startswith("32学时")
    assert "32学时" in answer.evidence[0].text


# ============================================================================ numbered formulae
def test_the_parts_of_a_formula_the_text_defines(report_kg):
    # 建立“一书两单三会议”（党风廉政责任书，建立从严治党、廉政建设主体责任清单，召开年度党建会、从严治党会、述职述责述廉会）
    zh = report_kg.ask("一书两单三会议包括哪些内容？")
    en = report_kg.ask("What does the 一书两单三会议 consist of?")
    for answer in (zh, en):
        assert answer.intent == "mechanism_parts"
        for part in ("党风廉政责任书", "从严治党主体责任清单", "廉政建设主体责任清单", "年度党建会", "从严治党会",
                     "述职述责述廉会"):
            assert part in answer.text
        assert "建立“一书两单三会议”" in answer.evidence[0].text
        assert answer.trace["source"] == "document"
    assert "文中定义" in zh.text and "as the text defines it" in en.text
    assert_english(en)


def test_formula_parts_follow_the_text(street_kg):
    answer = street_kg.ask("“两册一会”包括哪些内容？")
    assert answer.intent == "mechanism_parts"
    assert all(part in answer.text for part in ("党员学习册", "党员考勤册", "季度评议会"))
    assert answer.evidence[0].text.startswith("推行“两册一会”制度")


def test_what_the_text_requires_about_a_formula(shared_kg):
    # 条例: 其他成员按照“一岗双责”要求抓好职责范围内党建工作; 报告: 履行好“一岗双责”，明责、履责、尽责
    zh = shared_kg.ask("一岗双责有什么要求？")
    en = shared_kg.ask('What does the text require about "one post, two duties"?')
    for answer in (zh, en):
        assert answer.intent == "mechanism_context"
        assert answer.evidence and all("一岗双责" in e.text for e in answer.evidence)
        assert "其他成员按照“一岗双责”要求抓好职责范围内党建工作" in answer.text
    assert_english(en)


# ============================================================================ definitions: text or glossary
def test_a_definition_says_whether_the_text_or_the_glossary_gives_it(shared_kg):
    # 一书两单三会议 is defined in the report; 三会一课 is only named (党支部应当运用“三会一课”制度…);
    # 六个一 is named (未落实办公场所“六个一”) and defined nowhere.
    text = shared_kg.ask("什么是一书两单三会议？")
    assert text.intent == "definition" and text.trace["source"] == "document"
    assert "党风廉政责任书" in text.text and "文中定义" in text.text

    glossary = shared_kg.ask("什么是三会一课？")
    assert glossary.intent == "definition" and glossary.trace["source"] == "glossary"
    assert "并非文本所述" in glossary.text and "党课" in glossary.text
    assert all("三会一课" in e.text for e in glossary.evidence)
    # what the text itself says comes before general knowledge
    assert glossary.text.index("三会一课”制度") < glossary.text.index("通用知识")

    english = shared_kg.ask("What does 三会一课 mean?")
    assert english.intent == "definition" and english.trace["source"] == "glossary"
    assert "not the text" in english.text and "Party lecture" in english.text
    assert_english(english)

    nowhere = shared_kg.ask("“六个一”是什么？")
    assert nowhere.intent == "definition" and nowhere.trace["source"] == "undefined"
    assert "没有列出" in nowhere.text and "词表中也没有" in nowhere.text
    assert "六个一" in nowhere.evidence[0].text


def test_a_formula_defined_only_in_the_text_asked_gets_that_definition(street_kg):
    answer = street_kg.ask("两册一会是什么意思？")
    assert answer.intent == "definition" and answer.trace["source"] == "document"
    assert "季度评议会" in answer.text


# ============================================================================ problems
def test_problems_overall_come_from_the_problems_part(report_kg):
    for question in ("报告指出了哪些问题？", "What problems does the report find?"):
        answer = report_kg.ask(question)
        assert answer.intent == "problems"
        found = re.search(r"（共(\d+)条）|\((\d+) found\)", answer.text)
        count = int(found.group(1) or found.group(2))
        assert count >= 10   # the problems part lists well over ten 有的… shortcomings
        assert answer.evidence
        assert all(e.section.startswith("二、现实问题及原因分析") for e in answer.evidence)
    assert_english(report_kg.ask("What problems does the report find?"))


def test_problems_of_one_role(report_kg, street_kg):
    # 有的党组书记没履行“第一书记”职责，不参加抓机关党建述职述廉活动
    for question in ("党组书记存在什么问题？", "What problems do Party group secretaries have?"):
        answer = report_kg.ask(question)
        assert answer.intent == "problems"
        assert "没履行“第一书记”职责" in answer.text
        assert "有的党组书记没履行“第一书记”职责" in answer.evidence[0].text
    own = street_kg.ask("宣传委员存在什么问题？")
    assert own.intent == "problems"
    assert "不按时组织理论学习" in own.text and "党费" not in own.text


# ============================================================================ chains of responsibility
def test_the_chain_above_the_organ_discipline_commission(shared_kg):
    # 条例第九条: 机关党的纪律检查委员会在同级机关党的基层委员会和上级机关纪检监察工作委员会双重领导下进行工作
    for question in ("机关纪委受谁领导？", "Who leads the organ commission for discipline inspection?"):
        answer = shared_kg.ask(question)
        assert answer.intent == "chain"
        assert "机关党委→机关纪委" in answer.text and "机关纪检监察工委→机关纪委" in answer.text
        assert evidence_with(answer, "机关党的纪律检查委员会在同级机关党的基层委员会和上级机关纪检监察工作委员会双重领导下")


def test_the_chain_above_organ_party_organizations(shared_kg):
    # 条例第二条: 机关基层党组织在上级党的委员会或者党的机关工作委员会和本单位党组（党委）…领导下
    answer = shared_kg.ask("机关基层党组织的责任链是什么？")
    assert answer.intent == "chain"
    assert "党委（组）→机关党组织" in answer.text and "机关工委→机关党组织" in answer.text


def test_a_chain_follows_the_text(street_kg):
    for question in ("党小组受谁领导？", "Who leads the Party small group?"):
        answer = street_kg.ask(question)
        assert answer.intent == "chain"
        assert "党支部 → 党小组" in answer.text
        assert answer.evidence[0].text == "党支部由街道党工委领导，党小组接受党支部领导。"


def test_the_best_evidence_of_a_chain_names_the_body_asked_about(shared_kg):
    answer = shared_kg.ask("机关纪委受谁领导？")
    assert re.search("机关党的纪律检查委员会|机关纪委", answer.evidence[0].text)
    assert "共青团" not in answer.text


# ============================================================================ comparing two roles
def test_comparing_two_bodies_quotes_each(shared_kg):
    for question in ("党组和机关党委有什么不同？",
                     "What is the difference between the Party group and the organ Party committee?"):
        answer = shared_kg.ask(question)
        assert answer.intent == "compare"
        assert labels(answer)[:2] == ["党组", "机关党委"]
        assert len(answer.evidence) >= 2
        assert any("党组" in e.text for e in answer.evidence)
        assert any("机关党的基层委员会" in e.text for e in answer.evidence)
        assert "党组" in answer.text and "机关党委" in answer.text


def test_comparing_two_roles_a_sentence_names_together(shared_kg):
    # 党章: 预备党员的义务同正式党员一样。
    answer = shared_kg.ask("What is the difference between a probationary member and a full member?")
    assert answer.intent == "compare"
    assert "预备党员的义务同正式党员一样" in answer.text
    assert_english(answer)


# ============================================================================ fallback: sentence search
def test_search_answers_with_the_closest_sentence(shared_kg):
    zh = shared_kg.ask("党员领导干部要过什么组织生活？")
    assert zh.intent == "search"
    assert "双重组织生活" in zh.text
    assert zh.evidence[0].text == "党员领导干部应当参加双重组织生活。"
    en = shared_kg.ask("What is the Party's highest ideal and ultimate goal?")
    assert en.intent == "search"
    assert en.evidence[0].text == "党的最高理想和最终目标是实现共产主义。"
    assert_english(en)


def test_an_intent_with_no_matching_facts_falls_back_to_search_and_says_so(shared_kg):
    answer = shared_kg.ask("机关党建工作怎样服务群众？")
    assert answer.answered and answer.evidence
    assert "fallback" in answer.trace and "fallback" in answer.explain()
    assert "服务群众" in answer.evidence[0].text


def test_a_question_about_the_parts_of_a_section_lists_its_headings(report_kg):
    # 三、对策措施 has five parts, （一）抓理论武装 … （五）抓平台运用
    answer = report_kg.ask("报告从哪几个方面提出对策措施？")
    assert "5" in answer.text
    for heading in ("抓理论武装", "抓堡垒夯固", "抓先锋引领", "抓纪律责任", "抓平台运用"):
        assert heading in answer.text


# ============================================================================ evidence and the contract
BATTERY = (
    "第一书记要做什么？", "What must a first secretary do?", "党委（组）书记要做什么？", "What must the Party group do?",
    "党员有哪些义务？", "谁担任机关党组织第一书记？", "Who concurrently serves as deputy secretary?",
    "谁必须设立机关党的纪律检查委员会？", "Who is responsible for coordinating Party member education and management?",
    "党组成员多久到联系点调研一次？", "How often must Party group members visit their contact points?",
    "正式党员多少人以上成立党支部？", "How many full members are needed to set up a Party branch?",
    "一书两单三会议包括哪些内容？", "What does the 一书两单三会议 consist of?", "一岗双责有什么要求？",
    "什么是三会一课？", "What does 三会一课 mean?", "“六个一”是什么？", "报告指出了哪些问题？",
    "What problems do Party group secretaries have?", "机关纪委受谁领导？",
    "Who leads the organ commission for discipline inspection?",
    "党组和机关党委有什么不同？", "What is the difference between a probationary member and a full member?",
    "党员领导干部要过什么组织生活？", "What is the Party's highest ideal and ultimate goal?", "报告从哪几个方面提出对策措施？",
    "量子计算机怎么散热？", "What is the boiling point of helium?", "",
)


@pytest.fixture(scope="module")
def gold():
    from kg.evaluation import load_gold

    return load_gold(ROOT / "eval" / "questions.jsonl")


def test_every_evidence_item_slices_back_to_its_document(shared_kg, gold):
    questions = list(BATTERY) + [item["q"] for item in gold]
    checked = 0
    for question in questions:
        answer = shared_kg.ask(question)
        assert_evidence_slices_back(shared_kg, answer)
        checked += len(answer.evidence)
    assert checked > len(questions)


# Questions whose evidence was once out of order: roles' duties, duty bearers, comparisons.
ONCE_UNORDERED = ("第一书记要做什么？", "What must a first secretary do?", "党委（组）书记要做什么？",
                   "Who is responsible for coordinating Party member education and management?", "党组和机关党委有什么不同？")


@pytest.mark.parametrize("question", [*BATTERY, *(q for q in ONCE_UNORDERED if q not in BATTERY)])
def test_evidence_is_ordered_best_first(shared_kg, question):
    scores = [e.score for e in shared_kg.ask(question).evidence]
    assert scores == sorted(scores, reverse=True), scores


def test_evidence_is_ordered_best_first_for_every_gold_question(shared_kg, gold):
    unordered = []
    for question in [item["q"] for item in gold] + list(ONCE_UNORDERED):
        scores = [e.score for e in shared_kg.ask(question).evidence]
        if scores != sorted(scores, reverse=True):
            unordered.append((question, [round(s, 3) for s in scores]))
    assert not unordered, unordered


@pytest.mark.parametrize("question", ["第一书记要做什么？", "What must a first secretary do?", "量子计算机怎么散热？", ""])
def test_to_dict_has_the_contract_keys_and_is_json(report_kg, question):
    answer = report_kg.ask(question)
    data = json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))
    assert set(data) == {"question", "language", "intent", "answer", "entities", "evidence"}
    assert data["language"] in ("zh", "en") and data["answer"]
    for entity in data["entities"]:
        assert {"iri", "label"} <= set(entity) and entity["iri"].startswith("http")
    for item in data["evidence"]:
        assert {"doc", "text", "start", "end", "score"} <= set(item)
        assert isinstance(item["start"], int) and isinstance(item["score"], float)
        assert report_kg.document(item["doc"]).text[item["start"]:item["end"]] == item["text"]


def test_answers_are_in_the_language_asked(shared_kg):
    for question in BATTERY:
        answer = shared_kg.ask(question)
        if not question:
            continue
        if answer.language == "en":
            if answer.answered:
                assert_english(answer)
            else:
                assert answer.text.startswith("Nothing in the texts"), answer.text
        else:
            assert_chinese(answer)


@pytest.mark.parametrize("question", [
    "谁担任机关党组织第一书记？", "Who concurrently serves as deputy secretary?", "谁必须设立机关党的纪律检查委员会？",
    "党组成员多久到联系点调研一次？", "How many full members are needed to set up a Party branch?",
    "一岗双责有什么要求？", "机关纪委受谁领导？", "党员领导干部要过什么组织生活？",
    "What is the Party's highest ideal and ultimate goal?",
])
def test_quoted_passages_are_the_texts_own_words(shared_kg, question):
    answer = shared_kg.ask(question)
    quotes = re.findall(r"「([^」]*)」", answer.text)
    assert quotes
    for quote in quotes:
        for piece in filter(None, quote.split("…")):
            assert any(piece in e.text for e in answer.evidence), (piece, answer.text)


def test_the_same_question_gets_the_same_answer_in_every_process(report_path):
    script = ("import json, sys\nfrom kg import KnowledgeGraph\nkg = KnowledgeGraph().fit(sys.argv[1])\n"
              "print(json.dumps([kg.ask(q).to_dict() for q in ('Who serves as the first secretary?', "
              "'谁担任机关党组织第一书记？')], ensure_ascii=False))\n")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(report_path)], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]


# ============================================================================ explaining and refusing
def test_explain_shows_tokens_entities_intent_and_query(report_kg):
    zh = report_kg.ask("第一书记要做什么？")
    assert "第一书记" in zh.trace["tokens"] and zh.trace["linked"] == ["第一书记"]
    assert zh.trace["query"] == "第一书记要做什么？"
    explained = zh.explain()
    for line in ("intent: role_duties", "language: zh", "tokens:", "linked: ['第一书记']", "query: 第一书记要做什么？"):
        assert line in explained
    en = report_kg.ask("What must a first secretary do?")
    assert "第一书记" in en.trace["query"]       # the English words as the Chinese query they became
    assert "第一书记" in en.trace["linked"] and "intent: role_duties" in en.explain()


def test_explain_of_a_chain_gives_the_path(shared_kg):
    answer = shared_kg.ask("机关纪委受谁领导？")
    assert answer.trace["linked"] == ["机关纪委"] and answer.trace["nodes"] >= 2
    assert "intent: chain" in answer.explain()
    assert re.search(r"→.*机关纪委", answer.text)


def test_a_question_the_texts_cannot_answer_says_so(shared_kg):
    role_names = {t.zh for t in shared_kg.lexicon_.of_kind("role")}
    zh = shared_kg.ask("量子计算机怎么散热？")
    en = shared_kg.ask("What is the boiling point of helium?")
    for answer in (zh, en):
        assert not answer.answered and answer.evidence == []
        assert answer.to_dict()["evidence"] == []
        assert any(name in answer.text for name in role_names)       # something the user could ask instead
    assert "没有找到" in zh.text and "Nothing in the texts" in en.text
    empty = shared_kg.ask("")
    assert not empty.answered and empty.evidence == [] and "空" in empty.text


def test_a_question_about_a_role_not_in_the_texts_says_so_and_suggests_close_roles(shared_kg):
    for question in ("宇航员要做什么？", "What must an astronaut do?"):
        answer = shared_kg.ask(question)
        assert not answer.answered and answer.evidence == []
    deputy = shared_kg.ask("党小组副组长要做什么？")
    assert not deputy.answered and deputy.evidence == []
    # close roles are suggested only when the texts name them: 党小组, not 党小组组长, which they never mention
    assert "党小组副组长" in deputy.text and "党小组、" in deputy.text and "党小组组长" not in deputy.text


def test_a_role_the_lexicon_knows_but_the_texts_never_name_is_not_answered_with_another(shared_kg):
    for question in ("党小组长由谁担任？", "党小组组长要做什么？"):
        answer = shared_kg.ask(question)
        assert not answer.answered and answer.evidence == []
        assert "没有提到“党小组组长”" in answer.text
    assert shared_kg.ask("党组书记要做什么？").answered     # a role the texts do name is still answered


# ============================================================================ evaluation floor
def test_the_evaluation_score_stays_above_its_floor(shared_kg, gold):
    """A regression guard on eval/questions.jsonl over the shared corpus (what `kg eval` prints).

    Measured when this floor was set: answer score 0.817 overall against 0.445 for the TF-IDF baseline
    (x1.84); on the working tree this module was written against: 0.855 overall, zh 0.875, en 0.785,
    baseline 0.445 (x1.92).
    """
    from kg.evaluation import evaluate

    result = evaluate(shared_kg, gold)
    overall = result["overall"]
    assert overall["n"] == len(gold)
    assert overall["ours_answer"] >= 0.78
    assert overall["ours_answer"] >= 1.5 * overall["baseline_answer"]
    assert result["by_language"]["zh"]["ours_answer"] >= 0.80
    assert result["by_language"]["en"]["ours_answer"] >= 0.65


@pytest.mark.parametrize("question", [
    "党员领导干部除了编入支部过组织生活，还必须参加什么？",
    "除了双重组织生活以外，党员领导干部还要参加什么会？",
    "Besides dual organizational life, what else must party member leading cadres attend?",
    "What else must party member leading cadres attend besides dual organizational life?",
])
def test_what_a_question_sets_aside_is_not_what_it_finds(shared_kg, question):
    # 除了X，还…: the answer is the other thing the text requires, not X again.
    answer = shared_kg.ask(question)
    assert "民主生活会" in answer.evidence[0].text
    assert "民主生活会" in answer.text


def test_setting_aside_needs_something_left_to_ask(street_kg):
    from kg.qa.question import without_excluded

    assert without_excluded("除了党费，还") == "除了党费，还"        # nothing would be left: kept whole
    assert without_excluded("宣传委员要做什么？") == "宣传委员要做什么？"
    assert street_kg.ask("除了组织理论学习，宣传委员还要做什么？").evidence


@pytest.mark.parametrize("question", ["党员连着多久不过组织生活就算自行脱党？", "党员连续几个月不参加组织生活算自行脱党？"])
def test_a_rule_restated_in_another_text_is_cited_from_both(shared_kg, question):
    # 党章 says 连续六个月, the 2019 regulation 连续6个月: both are the answer's sources.
    answer = shared_kg.ask(question)
    docs = [e.doc for e in answer.evidence[:2]]
    assert set(docs) == {"dangzhang_2017", "dangyuan_jiaoyu_guanli_tiaoli_2019"}
    assert "连续六个月" in answer.text and "连续6个月" in answer.text


def test_no_restatement_is_invented_for_a_single_text(report_kg):
    answer = report_kg.ask("党组成员多久到联系点调研一次？")
    assert "另见《" not in answer.text


@pytest.mark.parametrize("question", ["党支部主要管些啥？", "党支部的职责是什么？", "What must a party branch do?"])
def test_what_a_role_is_for_comes_before_its_procedural_steps(shared_kg, question):
    # 党章: 党支部……担负直接教育党员、……服务群众的职责 — the role's remit, among the first duties named.
    answer = shared_kg.ask(question)
    assert answer.intent == "role_duties"
    assert any("直接教育党员" in e.text for e in answer.evidence[:3])


@pytest.mark.parametrize("question, opening", [
    ("党组的任务主要是什么？", "党组的任务，主要是负责贯彻执行党的路线"),
    ("What are the tasks of a party group?", "党组的任务，主要是"),
    ("党的基层组织的基本任务是什么？", "它的基本任务是："),      # 它 refers back to 党的基层组织
    # a non-party organization names no party organization: 党组 stays the role asked about
    ("What are the main tasks of a leading party group set up in a non-party organization?", "党组的任务，主要是"),
])
def test_a_role_whose_remit_the_text_states_is_answered_with_that_statement(shared_kg, question, opening):
    answer = shared_kg.ask(question)
    assert answer.intent == "role_duties"
    assert answer.evidence[0].text.startswith(opening)
    assert answer.evidence[0].doc == "dangzhang_2017"


def test_of_several_remit_statements_the_one_whose_owner_the_question_names_is_given(shared_kg):
    # 党章: 党的各级纪律检查委员会是党内监督专责机关，主要任务是… ; 条例: 机关党的纪律检查委员会的职责是…
    organ = shared_kg.ask("What are the core functions of an organ's party discipline inspection commission?")
    assert organ.intent == "role_duties"
    assert organ.evidence[0].text.startswith("机关党的纪律检查委员会的职责是监督、执纪、问责")
    every = shared_kg.ask("纪委的主要任务是什么？")
    assert every.evidence[0].text.startswith("党的各级纪律检查委员会是党内监督专责机关")


def test_a_list_lead_owned_by_another_body_is_not_a_roles_list(shared_kg):
    # 机关党的基层委员会（含……支部委员会）的基本职责是： belongs to the committee, not to 党支部.
    answer = shared_kg.ask("党支部的职责是什么？")
    assert not answer.evidence[0].text.startswith("机关党的基层委员会")


@pytest.mark.parametrize("question", ["党员的权利有哪些？", "党员享有哪些权利？", "What are the rights of party members?",
                                      "What rights do party members enjoy?"])
def test_a_roles_rights_are_answered_with_the_list_of_rights(shared_kg, question):
    answer = shared_kg.ask(question)
    assert answer.evidence[0].text == "党员享有下列权利："
    assert "参加党的有关会议" in answer.text


def test_a_frequency_answer_is_a_whole_phrase_not_a_fragment(shared_kg):
    # 党支部一般每年开展1次民主评议党员: the phrase is 每年…1次, never the fragment 一般每.
    answer = shared_kg.ask("民主评议党员多久开展一次？")
    assert not answer.text.startswith("一般每")
    assert "每年" in answer.text


def test_the_points_a_sub_part_makes_in_one_frame_answer_which_three(shared_kg):
    # （一）思想认识“有温差”…: 认识上有温差，… 执行上有落差，… 行动上有偏差，… are its three points
    answer = shared_kg.ask("报告分析“政治意识淡化”问题时，从认识、执行、行动三个层面分别指出了哪三种“差”？")
    assert answer.trace["method"] == "points inside a sub-part"
    assert "认识上有温差；执行上有落差；行动上有偏差" in answer.text
    # asked for two, three points in one frame are not cut to two
    assert "执行上有落差；行动上有偏差" not in shared_kg.ask("报告分析“政治意识淡化”问题时，指出了哪两种“差”？").text


def test_a_question_naming_one_problem_part_gets_the_points_inside_it(shared_kg):
    # （二）党建业务“两张皮”，领导效能“弱化”。… 部署不同步。… 落实有矛盾。… 考核重形式。
    for question in ("报告说的党建业务“两张皮”，具体有哪三种表现？",
                     "The report says Party building and day-to-day business in the organs run as 'two separate "
                     "skins'. Under that heading, which three concrete failings does it name?"):
        answer = shared_kg.ask(question)
        assert answer.trace["method"] == "points inside a sub-part", question
        for point in ("部署不同步", "落实有矛盾", "考核重形式"):
            assert point in answer.text, question
    # the problems of all parts, and a role's problems in one part, are listed as before
    assert shared_kg.ask("机关党建存在哪些问题？").trace["method"] == "problems"
    assert shared_kg.ask("在领导效能弱化方面，有的党组书记存在什么问题？").trace["method"] == "problems"


def test_inspection_teams_that_have_covered_every_organisation_find_the_inspection_sentence(shared_kg):
    # 党章第十四条: …实行巡视制度，在一届任期内，…实现巡视全覆盖 (巡视, not only 巡视组; covered is 覆盖)
    answer = shared_kg.ask("Within what period must all the Party organisations a provincial committee manages "
                           "have been covered by its inspection teams?")
    assert any("实现巡视全覆盖" in e.text for e in answer.evidence)


def test_religious_reaches_the_texts_word_for_religion(shared_kg):
    # 党员教育管理工作条例: 信仰宗教，经党组织帮助教育仍没有转变的，劝其退党…
    answer = shared_kg.ask("What does the member education regulation say about Party members who are religious?")
    assert answer.evidence[0].text.startswith("信仰宗教，经党组织帮助教育仍没有转变的")


def test_how_many_times_is_a_frequency_question_answered_with_the_count(shared_kg):
    # 开几回 is 开几次 in speech; the lead says how many times, not only the period (每年至少举行一次)
    answer = shared_kg.ask("中央委员会全体会议一年里最少得开几回？")
    assert answer.intent == "frequency"
    assert answer.text.startswith("每年至少举行一次。")
    assert answer.evidence[0].text == "中央委员会全体会议由中央政治局召集，每年至少举行一次。"
    both = shared_kg.ask("中央委员会全体会议和地方各级委员会全体会议，一年里最少各得开几回？")
    assert "每年至少举行一次" in both.text and "每年至少召开两次" in both.text
    # a period asked for alone stays the period
    assert shared_kg.ask("民主评议党员多久开展一次？").text.startswith("每年。")


def test_a_question_about_consequences_finds_the_sentence_that_states_them(shared_kg):
    # 会怎样 asks what follows: 党章 says not paying dues for six months counts as leaving the party;
    # 条例 says that not paying them on time (不按时交纳党费, the question's own words) brings criticism.
    answer = shared_kg.ask("党员不按时交纳党费会怎样？")
    assert any("自行脱党" in e.text or "不按时交纳党费" in e.text and "批评教育" in e.text for e in answer.evidence[:2])
    six_months = shared_kg.ask("党员连续六个月不交纳党费会怎样？")
    assert any("自行脱党" in e.text for e in six_months.evidence[:2])


def test_members_who_do_not_meet_the_standards_read_as_unqualified_members(shared_kg):
    answer = shared_kg.ask("What should be done with party members who do not meet the standards?")
    assert "不合格党员" in answer.evidence[0].text


@pytest.mark.parametrize("question", ["入党要年满多少岁？", "What is the minimum age to join the party?"])
def test_an_age_question_finds_the_sentence_that_states_an_age(shared_kg, question):
    answer = shared_kg.ask(question)
    assert answer.evidence[0].text.startswith("年满十八岁的中国工人")
    assert "十八岁" in answer.text


@pytest.mark.parametrize("question, lead, n", [
    ("党员的义务有几条？", "党员必须履行下列义务：", 8),
    ("党员享有几项权利？", "党员享有下列权利：", 8),
    ("How many rights do party members have?", "党员享有下列权利：", 8),
])
def test_counting_the_items_of_a_list(shared_kg, question, lead, n):
    answer = shared_kg.ask(question)
    assert answer.evidence[0].text == lead
    assert str(n) in answer.text


def test_a_sentence_that_states_the_count_beats_counting_a_list(shared_kg):
    answer = shared_kg.ask("党员纪律处分有几种？")
    assert answer.text.startswith("五种")


@pytest.mark.parametrize("question", ["分析会由谁主持？", "Who presided over the analysis meeting?"])
def test_who_did_something_is_read_from_the_sentence_that_says_by_whom(shared_kg, question):
    # 会议由党委书记、校长王琛主持: a report of what was done, not a duty, still says who.
    answer = shared_kg.ask(question)
    assert "王琛" in answer.text[:40]
    assert answer.evidence[0].text.startswith("会议由党委书记、校长王琛主持")


def test_a_frequency_phrase_is_read_whole(sample_kg):
    # 每季度专题研究2次党建工作: 每季度, not 每季
    assert sample_kg.ask("党组多久专题研究一次党建工作？").text.startswith("每季度")


def test_moving_away_reads_as_a_change_of_residence(shared_kg):
    answer = shared_kg.ask("What must party members do when they move to another place?")
    assert "经常居住地发生变动" in answer.evidence[0].text


@pytest.mark.parametrize("question", ["What is the role of the party group in an organ?", "党组发挥什么作用？"])
def test_the_role_a_body_plays_is_among_its_duties(shared_kg, question):
    answer = shared_kg.ask(question)
    assert any(e.text == "党组发挥领导核心作用。" for e in answer.evidence[:3])


def test_a_role_in_the_leading_topic_is_not_the_bearer(shared_kg):
    # 对流动党员，流入地党组织要做什么: the duties asked about are 流入地党组织's
    answer = shared_kg.ask("对流动党员，流入地党组织要做什么？")
    assert answer.text.startswith("流入地党组织的职责")
    assert answer.evidence[0].text.startswith("流入地党组织应当协助做好流动党员日常管理")


def test_the_most_specific_role_named_is_the_one_asked_about(shared_kg):
    # 党组织 is inside 流入地党组织: the question asks about the latter
    answer = shared_kg.ask("党组织和流入地党组织要做什么？")
    assert answer.text.startswith("流入地党组织的职责")


@pytest.mark.parametrize("question, body, superiors", [
    ("机关纪委受谁领导？", "机关纪委", ["机关党委", "机关纪检监察工委"]),
    ("机关党委向谁负责？", "机关党委", ["党组"]),
])
def test_who_leads_a_body_is_said_before_the_chain(shared_kg, question, body, superiors):
    answer = shared_kg.ask(question)
    lead = answer.text.split("。")[0]
    assert lead.startswith(f"{body}的上级")
    assert all(s in lead for s in superiors)


def test_roles_a_sentence_merely_names_are_not_claimed_as_who(shared_kg):
    # 机关正式党员3人以上的，成立党支部 says nothing about who approves: its roles are offered, not asserted
    answer = shared_kg.ask("Who approves the establishment of a party branch in an organ?")
    assert not answer.text.startswith("机关、正式党员、党支部")


def test_x_and_y_each_is_answered_as_two_questions(shared_kg):
    # 预备期和党龄分别…: one answer for each, each with its own sentence (党章 第七、八条)
    answer = shared_kg.ask("预备期和党龄分别从哪一天开始算？")
    assert answer.text.startswith("分别来看——预备期：") and "；党龄：" in answer.text
    texts = [e.text for e in answer.evidence]
    assert "党员的党龄，从预备期满转为正式党员之日算起。" in texts
    assert "支部大会通过他为预备党员之日算起" in answer.text


@pytest.mark.parametrize("question, share, sentence_start", [
    # 党章: fractions written in words are numbers too (…各自总数的五分之一 / 三分之一以上的省一级组织)
    ("全国代表会议调整和增选的中央委员，数额最多能占多少？", "五分之一", "调整和增选中央委员及候补中央委员的数额"),
    ("What share of Central Committee members may a national conference replace or add?", "五分之一",
     "调整和增选中央委员及候补中央委员的数额"),
    ("What proportion of provincial organizations can request an early national congress?", "三分之一以上",
     "中央委员会认为有必要"),
    ("开除中央委员的党籍，需要全体会议多大比例的多数决定？", "三分之二以上", "对党的中央委员会和地方各级委员会的委员"),
])
def test_a_share_is_counted_as_written(shared_kg, question, share, sentence_start):
    answer = shared_kg.ask(question)
    assert answer.intent == "count"
    assert re.match(share + "[。 ]", answer.text)   # 五分之一。据《…》 / 三分之一以上 — in …
    assert answer.evidence[0].text.startswith(sentence_start)


@pytest.mark.parametrize("question, number", [
    ("“教师岗位”梳理出几个风险点？", "8个"),
    ("How many risk points were identified for teacher posts?", "8个"),
    ("特殊岗位有几个风险点？", "7个"),
])
def test_a_count_names_the_number_of_the_item_asked(shared_kg, question, number):
    # one sentence lists 9个, 8个, 7个 and 10个 risk points: the answer is the asked item's own number
    answer = shared_kg.ask(question)
    assert answer.text.startswith(number)
    assert "“教师岗位”8个风险点" in answer.evidence[0].text


@pytest.mark.parametrize("question, person", [
    ("学校的纪委书记是谁？", "孙洪亮"),
    ("Who is the school's discipline inspection commission secretary?", "孙洪亮"),
    # the school's committee is where the post sits, not the post: 纪委书记, not 校党委书记
    ("Who is the discipline inspection commission secretary on the Shaoxing No. 1 High School party committee?", "孙洪亮"),
    ("Who is the school's party secretary?", "王琛"),
    ("这次党风廉政建设情况分析会由谁主持？", "党委书记、校长王琛"),
])
def test_who_is_names_the_person_after_the_title(shared_kg, question, person):
    answer = shared_kg.ask(question)
    assert answer.text.startswith(person)
    assert person.split("、")[-1][-2:] in answer.evidence[0].text


def test_a_heading_is_elaborated_by_its_own_part(shared_kg):
    # （一）思想认识“有温差”… is a sub-part's heading: the part's sentence on 有温差 says what it means
    answer = shared_kg.ask("报告说的思想认识“有温差”具体表现是什么？")
    assert any(e.text.startswith("认识上有温差") for e in answer.evidence)
    assert "真学真懂真信真用" in answer.text


def test_a_list_answer_quotes_the_item_the_question_repeats(shared_kg):
    answer = shared_kg.ask("2020年党委班子在强化党风廉政建设责任方面做了哪些工作？")
    assert "制定了工作计划" in answer.text
    assert answer.evidence[0].text.startswith("2020年党委班子始终把党风廉政建设工作列入")


def test_monthly_as_an_adjective_is_a_frequency(shared_kg):
    answer = shared_kg.ask("学校的“敢管善治”检查多长时间搞一次？")
    assert answer.text.startswith("月度")


def test_a_title_line_is_never_evidence(shared_kg):
    answer = shared_kg.ask("Which organs does the regulation on grassroots organizations of party and state organs apply to?")
    titles = {f"《{d.title}》" for d in shared_kg.documents_} | {d.title for d in shared_kg.documents_}
    assert not any(e.text in titles for e in answer.evidence)
    assert any(e.text.startswith("本条例适用于县级以上各级党的机关") for e in answer.evidence)


def test_english_words_the_phrase_table_lacks_are_looked_up_in_cc_cedict(shared_kg):
    # reorganize / dissolve are in no phrase of ontology/translations.tsv; CC-CEDICT glosses 改组 and 解散
    from kg.translate import load_phrase_table

    assert {"reorganiz", "dissolv"} <= set(load_phrase_table().uncovered("reorganized or dissolved"))
    answer = shared_kg.ask("Under what circumstances may a party organization be reorganized or dissolved?")
    assert "改组" in answer.evidence[0].text and "解散" in answer.evidence[0].text


def test_the_glossary_keeps_only_words_of_the_texts(shared_kg):
    words = shared_kg.glossary_.words(["dissolve", "photosynthesis", "reorganize"])
    assert "解散" in words and "改组" in words
    assert all(any(w in text for text in shared_kg.folded_sentences_) for w in words)


@pytest.mark.parametrize("question, recipient", [
    ("发现落实廉政风险防控措施有问题，应当向谁报告？", "上级党组织和本单位党组（党委）"),
    ("To whom does the standing committee of a local party committee report its work?", "委员会全体会议"),
    ("机关党的基层委员会审批预备党员之前要报谁讨论决定？", "党组（党委）"),
])
def test_to_whom_names_the_body_after_xiang_or_bao(shared_kg, question, recipient):
    # 向谁报告 asks where a report goes, not who reports, nor the problems a report finds
    answer = shared_kg.ask(question)
    assert answer.text.startswith(recipient)
    assert recipient in answer.evidence[0].text


def test_a_formula_written_out_without_its_name_is_quoted_not_denied(shared_kg):
    # 党章 lists 精神懈怠危险、能力不足危险、脱离群众危险、消极腐败危险 but never says “四种危险”
    answer = shared_kg.ask("“四种危险”分别是什么？")
    assert "没有列出" not in answer.text and "文中提到" not in answer.text
    assert "精神懈怠危险" in answer.evidence[0].text and "消极腐败危险" in answer.evidence[0].text


@pytest.mark.parametrize("question, parts, sentence_part", [
    # the texts write the parts out and never use the name the question gives them
    ("在强化廉洁自律方面，报告要求坚持哪“三慎”？", "慎微、慎独、慎行", "坚持慎微、慎独、慎行"),
    ("区直机关坚持党建与业务“四同”，是哪四同？", "同谋划、同部署、同落实、同考核", "同谋划、同部署、同落实、同考核"),
    ("报告希望把党支部书记培养成哪三类人？", "政治上的明白人、党建工作的内行人、干部群众的贴心人", "锻造成为政治上的明白人"),
])
def test_a_counted_name_the_texts_never_use_is_found_by_its_parts(shared_kg, question, parts, sentence_part):
    answer = shared_kg.ask(question)
    assert parts in answer.text.split("。")[0]
    assert sentence_part in answer.evidence[0].text
    assert "四风" not in answer.text and "三亮" not in answer.text   # not a formula one character away


def test_a_spelled_out_list_must_share_the_character_in_every_part():
    text = ("关于某社区党委工作的报告\n一、主要做法\n社区党委坚持定期走访、按时议事、及时公开，推动工作落实。"
            "党员志愿者坚持勤学习、勤走访、勤服务，做到群众有事随时找得到。\n")
    graph = KnowledgeGraph().fit(texts={"community": text})
    answer = graph.ask("党员志愿者要坚持哪“三勤”？")
    assert answer.text.startswith("“三勤”指：勤学习、勤走访、勤服务")
    assert graph.ask("社区党委要坚持哪“三时”？").trace.get("method") != "a list whose parts share the name's character"


MEETING = """某街道党工委召开党建工作推进会的情况报告
推进会由街道党工委书记主持，各社区党委书记逐一汇报了党建工作推进情况。
推进会要求，各社区党委每月召开一次党建工作例会，及时研究解决推进中的问题。
2023年3月5日上午，街道党工委在街道办事处三楼会议室召开了党建工作推进会。
会后，各社区党委结合推进会精神制定了整改清单。
"""


@pytest.mark.parametrize("question", ["推进会是哪天开的？", "推进会在哪儿开的？", "Where was the meeting held?",
                                      "On what day was the meeting held?"])
def test_when_or_where_finds_the_sentence_with_a_date_or_a_place(question):
    graph = KnowledgeGraph().fit(texts={"meeting": MEETING})
    answer = graph.ask(question)
    assert answer.evidence[0].text.startswith("2023年3月5日上午")


@pytest.mark.parametrize("question, sentence", [
    # an English question names a regulation in words: its sentences, not the other regulation's
    ("When did the Party member education regulation come into force?", "本条例自2019年5月6日起施行。"),
    ("When does the regulation on grassroots organizations in party and state organs take effect?",
     "本条例自发布之日起施行。"),
    ("机关基层组织工作条例从什么时候起施行？", "本条例自发布之日起施行。"),
])
def test_when_a_named_regulation_takes_effect(shared_kg, question, sentence):
    answer = shared_kg.ask(question)
    assert answer.evidence[0].text == sentence


def test_whose_right_it_is_to_interpret_names_the_body(shared_kg):
    answer = shared_kg.ask("《党和国家机关基层组织工作条例》的解释权归哪个部门？")
    assert answer.text.startswith("中央组织部")
    assert answer.evidence[0].text == "本条例由中央组织部负责解释。"


def test_a_list_is_given_when_the_verb_asking_is_not_in_it(shared_kg):
    # 党章第二十条: 党的全国代表大会的职权是：（一）…（六）; 行使 (the verb of 行使哪些职权) is in no item
    answer = shared_kg.ask("党的全国代表大会行使哪些职权？")
    assert answer.trace["method"] == "enumerated list under its lead sentence"
    assert "修改党的章程" in answer.text and "选举中央纪律检查委员会" in answer.text


def test_after_a_short_first_point_the_sentence_that_explains_it_is_given():
    text = ("某社区党委工作总结\n二、强化监督。一是加强了对班子成员的监督。严格执行民主生活会制度和述职述廉制度。"
            "二是加强了对财务的监督。每季度公开一次财务收支情况。\n")
    graph = KnowledgeGraph().fit(texts={"summary": text})
    answer = graph.ask("为加强对班子成员的监督，社区执行了哪些制度？")
    texts = [e.text for e in answer.evidence]
    assert texts[:2] == ["一是加强了对班子成员的监督。", "严格执行民主生活会制度和述职述廉制度。"]


@pytest.mark.parametrize("question, intent", [
    ("When party members or the public report problems, what is an organ's discipline inspection commission "
     "supposed to do?", "role_duties"),
    ("How should problems found in inspections be handled?", "role_duties"),
    ("What problems did the report find with party branches?", "problems"),
    ("What problems do Party group secretaries have?", "problems"),
    ("What's wrong with how some units staff their party work, according to the report?", "problems"),
    ("If a Central Committee member seriously breaks criminal law, who kicks them out of the Party?", "duty_holder"),
    ("How regularly should a grassroots Party committee find out what the public thinks?", "frequency"),
    ("In combating formalism and bureaucratism, which two kinds of accountability does the regulation want "
     "officials to reconcile?", "search"),
    ("What forms of formalism does the report cite?", "problems"),
])
def test_what_to_do_about_problems_is_not_a_question_about_problems(question, intent):
    from kg.qa.intents import classify_intent

    assert classify_intent(question, "en", []) == intent


def test_a_question_narrowed_to_an_aspect_gets_the_items_on_it(shared_kg):
    # 机关基层组织条例: of the eight duties of 机关党的基层委员会, the seventh is about 干部
    answer = shared_kg.ask("在干部工作方面，机关党的基层委员会负有哪些职责？")
    assert "其中干部方面：（7）协助党组（党委）管理机关基层党组织和群团组织的干部" in answer.text
    assert answer.evidence[0].text.startswith("协助党组（党委）管理机关基层党组织和群团组织的干部")
    whole = shared_kg.ask("机关党的基层委员会负有哪些职责？")
    assert "其中" not in whole.text and "（8）" in whole.text


def test_a_role_in_a_leading_english_clause_sets_the_scene_and_is_not_asked_about(shared_kg):
    from kg.qa.duties import _outside_leading_clause

    member, branch = shared_kg.lexicon_.lookup("党员"), shared_kg.lexicon_.lookup("党支部")
    ordered = _outside_leading_clause(shared_kg, "When a party member reports a problem, what must the party branch do?",
                                      [member, branch])
    assert ordered == [branch, member]
    assert _outside_leading_clause(shared_kg, "What must a party member tell the party branch?",
                                   [member, branch]) == [member, branch]


@pytest.mark.parametrize("question", ["中央委员出缺由谁递补？", "Who fills a vacancy among the full members of the Central Committee?"])
def test_who_fills_a_vacancy_is_the_agent_after_you(shared_kg, question):
    # 党章: 中央委员会委员出缺，由中央委员会候补委员按照得票多少依次递补 (how they act stands before the verb)
    answer = shared_kg.ask(question)
    assert answer.text.startswith("中央委员会候补委员")
    assert answer.evidence[0].text == "中央委员会委员出缺，由中央委员会候补委员按照得票多少依次递补。"


@pytest.mark.parametrize("question, parts", [
    # 机关基层组织条例: 在…思想上作表率，在…保持高度一致上作表率，在…决策部署上作表率
    ("机关基层党组织要在哪三个方面作表率？", ["思想上作表率", "保持高度一致上作表率", "决策部署上作表率"]),
    # 党员教育管理工作条例: 全面学、系统学、贯通学、深入学、跟进学
    ("党员领导干部学习习近平新时代中国特色社会主义思想，条例要求怎么学？", ["全面学", "系统学", "贯通学", "深入学", "跟进学"]),
])
def test_parallel_parts_ending_with_the_verb_asked_are_the_answer(shared_kg, question, parts):
    answer = shared_kg.ask(question)
    listed = answer.text.split("。原文")[0].split("；")
    assert len(listed) == len(parts)
    assert all(x.endswith(p) for x, p in zip(listed, parts))
    assert all(p in answer.evidence[0].text for p in parts)


@pytest.mark.parametrize("question, body, sentence_start", [
    ("If a Central Committee member seriously breaks criminal law, who kicks them out of the Party?", "中央政治局",
     "严重触犯刑律的中央委员会委员"),
    # review is 审查 first, but the text says 由…审议后: the verb's other senses count too
    ("If a member or alternate member of the Central Committee is to be given a warning or a serious warning, "
     "which bodies review and approve it?", "中央纪律检查委员会常务委员会", "对党的中央委员会委员、候补委员，给以警告"),
])
def test_who_after_a_leading_english_clause(shared_kg, question, body, sentence_start):
    answer = shared_kg.ask(question)
    assert answer.intent == "duty_holder"
    assert body in answer.text.split("The text:")[0]   # 中央政治局 / Political Bureau … (中央政治局)
    assert answer.evidence[0].text.startswith(sentence_start)


@pytest.mark.parametrize("question, body", [
    # 党员教育管理工作条例 第十九条: each case, then 停止党籍的决定由…按照有关规定作出 (any verb for 谁来做)
    ("与党组织失去联系6个月以上的党员被停止党籍，这个决定由谁来做？", "所在党支部或者上级党组织"),
    ("因私出国并在国外长期定居的党员被停止党籍，由谁作出这个决定？", "保留其组织关系的党组织"),
    # in the question's own words: 失联 (失去联系), 半年 (6个月), 谁说了算; 由谁决定 for 决定由X作出
    ("跟组织失联半年多、怎么都找不着的党员，停止党籍这事儿谁说了算？", "所在党支部或者上级党组织"),
    ("出国学习研究超过5年不回来的党员，停止党籍由谁决定？", "保留其组织关系的党组织"),
])
def test_who_decides_is_read_from_the_sentence_that_says_so(shared_kg, question, body):
    answer = shared_kg.ask(question)
    assert answer.text.startswith(body + "。")
    assert answer.evidence[0].text == f"停止党籍的决定由{body}按照有关规定作出。"


@pytest.mark.parametrize("question, posts, sentence", [
    ("党员人数和直属单位较多的机关党的基层委员会，还要专门设什么职务？", "专职副书记",
     "党员人数和直属单位较多的机关党的基层委员会，设专职副书记。"),
    ("党组除了书记，必要时还可以设什么职务？", "副书记", "党组设书记，必要时还可以设副书记。"),   # not 书记 again
    ("正式党员不足7人的党支部设什么职务？", "书记、副书记",
     "正式党员7人以上的党支部，设立支部委员会；正式党员不足7人的党支部，设1名书记，必要时可以设1名副书记。"),
])
def test_the_post_a_body_sets_up(shared_kg, question, posts, sentence):
    answer = shared_kg.ask(question)
    assert answer.text.startswith(posts + "。")
    assert answer.evidence[0].text == sentence


def test_a_role_in_a_leading_scene_is_not_the_one_asked_about(shared_kg):
    # 在党员教育管理的分工里: 党员 names the work, 中央纪委国家监委机关 the body asked about
    answer = shared_kg.ask("在党员教育管理的分工里，中央纪委国家监委机关承担哪些任务？")
    assert answer.evidence[0].text.startswith("中央纪委国家监委机关主要负责党员纪律作风教育")


def test_head_of_a_team_is_the_team_leader(shared_kg):
    # "head of <body>" → body + 组长 when the lexicon knows that role (纪律检查组组长, found in 党章)
    answer = shared_kg.ask("Which meetings does the head of a discipline inspection team stationed in a Party or "
                           "state organ take part in?")
    assert answer.evidence[0].text == "纪律检查组组长参加驻在部门党的领导组织的有关会议。"


def test_a_role_in_a_leading_purpose_is_not_the_one_asked_about(shared_kg):
    from kg.qa.duties import _bearer_first

    member, organ = shared_kg.lexicon_.lookup("党员"), shared_kg.lexicon_.lookup("机关基层党组织")
    first = _bearer_first([member, organ], "为了让党员冲在前头，机关基层党组织平时组织开展些啥活动？")
    assert first[0] is organ


def test_a_reports_signature_lines_are_not_points_of_its_last_part(shared_kg):
    # the school report ends with its last point (三要…) and then 中共绍兴市第一中学委员会 / 2021年1月18
    answer = shared_kg.ask("Under the aim of deepening rule awareness and strengthening integrity, which central rules "
                           "must be strictly enforced?")
    assert "中共绍兴市第一中学委员会" not in answer.text and "2021年1月18" not in answer.text


def test_the_sentence_that_names_everything_a_question_lists_comes_first(shared_kg):
    # 机关党建调研报告: …在建设发展中压实政治责任、在疫情防控中强化政治担当、在复工复产中提升政治能力…
    answer = shared_kg.ask("在建设发展、疫情防控和复工复产这三个场景中，机关分别要在政治上做到什么？")
    assert "在建设发展中压实政治责任" in answer.evidence[0].text
    assert "在复工复产中提升政治能力" in answer.text


def test_by_whose_instructions_names_the_body_after_genju(shared_kg):
    answer = shared_kg.ask("人民解放军的党组织按照谁的指示开展工作？")
    assert answer.text.startswith("中央委员会")
    assert answer.evidence[0].text == "中国人民解放军的党组织，根据中央委员会的指示进行工作。"


@pytest.mark.parametrize("question, agent", [
    ("机关基层组织条例由谁解释？", "中央组织部"),   # not the 组织 of 基层组织
    ("对党的中央委员会委员给予警告处分，要经过谁审议、由谁批准？", "中央纪律检查委员会常务委员会"),
])
def test_the_verb_after_shui_is_the_one_asked(shared_kg, question, agent):
    assert shared_kg.ask(question).text.startswith(agent)


def test_a_frequency_the_question_sets_aside_is_not_the_answer(shared_kg):
    # 除了年度分析会: the other meeting is the half-yearly one (半年度), not 年度 again
    answer = shared_kg.ask("除了年度分析会，学校多久还开一次党风廉政建设分析会？")
    assert answer.text.startswith("半年度")


def test_a_follow_up_question_is_answered_from_the_passage_after_the_first(shared_kg):
    # 党员教育管理工作条例 第十九条: 失联6个月以上 → 停止党籍; the next sentence: 停止党籍2年后 → 除名
    answer = shared_kg.ask("党员与党组织失去联系多长时间会被停止党籍？停止党籍后多久仍联系不上就除名？")
    first, more = answer.text.split("\n")
    assert first.startswith("6个月以上")
    assert more.startswith("至于“停止党籍后多久仍联系不上就除名”：2年")
    assert [e.text[:9] for e in answer.evidence[:2]] == ["对与党组织失去联系", "停止党籍2年后确实"]


def test_two_clauses_that_each_ask_are_two_questions(shared_kg):
    # 党章第十四条: 中央和省级委员会实行巡视制度 … 市、县委员会建立巡察制度 (two sentences later)
    answer = shared_kg.ask("哪一级党委搞巡视，哪一级党委搞巡察？")
    assert "至于“哪一级党委搞巡察”" in answer.text
    assert "党的市（地、州、盟）和县（市、区、旗）委员会建立巡察制度。" in [e.text for e in answer.evidence]


def test_a_follow_up_the_first_sentence_already_answers_adds_nothing(shared_kg):
    # 中央委员会全体会议由中央政治局召集，每年至少举行一次: one sentence answers both parts; 党的地方各级
    # 代表大会由同级党的委员会召集 must not be added as the answer to 由谁召集
    answer = shared_kg.ask("中央委员会全体会议多久举行一次？由谁召集？")
    assert "中央政治局" in answer.text and "\n" not in answer.text
    assert "同级党的委员会" not in answer.text


def test_a_follow_up_with_no_words_of_its_own_is_not_answered_from_another_text(shared_kg):
    # 具体有哪些: the first answer's sentence lists them; a list found in a report is not the answer
    answer = shared_kg.ask("我国同世界各国发展关系依据几项原则？具体有哪些？")
    assert "和平共处五项原则" in answer.text
    assert {e.doc for e in answer.evidence} == {"dangzhang_2017"}


def test_each_part_of_an_english_question_of_two_is_answered(shared_kg):
    # the whole question reads as a frequency question; its first part (how many members) is answered too
    answer = shared_kg.ask("How many party members does an organ need to set up a party branch, "
                           "and how long is a branch committee's term?")
    assert "3人以上" in answer.text and "3年" in answer.text
    assert any(e.text == "机关正式党员3人以上的，成立党支部。" for e in answer.evidence)


@pytest.mark.parametrize("question, sentence", [
    ("党员教育管理工作条例自何时起施行？", "本条例自2019年5月6日起施行。"),
    ("机关基层组织工作条例从哪天开始施行？", "本条例自发布之日起施行。"),
])
def test_a_document_named_by_its_title_is_the_one_searched(shared_kg, question, sentence):
    # both regulations end 本条例自…起施行: the title in the question decides, and its words are not
    # searched for (they would find the regulation's first article)
    assert shared_kg.ask(question).evidence[0].text == sentence


def test_a_topic_shared_with_a_title_does_not_name_the_document(shared_kg):
    # 党员教育管理 is in the title of 党员教育管理工作条例 and in the question, but names the topic only:
    # the sentence about 中央宣传部 is the one evidence
    answer = shared_kg.ask("中央宣传部在党员教育管理中负责什么？")
    assert answer.evidence[0].text.startswith("中央宣传部主要负责党员政治理论教育")
    assert len(answer.evidence) == 1


def test_an_english_title_of_a_body_names_the_role_chinese_writes_body_first(shared_kg):
    # "secretary of the discipline inspection commission" is 纪委书记, not the generic "secretary" (党组织书记)
    answer = shared_kg.ask("Who serves as secretary of the discipline inspection commission of an organ?")
    assert answer.text.startswith("机关党的基层委员会副书记 serves as 机关党的纪律检查委员会书记")
    assert answer.evidence[0].text == "机关党的纪律检查委员会书记由机关党的基层委员会副书记担任。"


def test_who_becomes_a_post_asks_for_its_holder(shared_kg):
    answer = shared_kg.ask("In an organ, who normally becomes the party branch secretary?")
    assert answer.intent == "post_holder"
    assert answer.evidence[0].text == "党支部书记原则上由本单位党员主要负责人担任。"


def test_a_side_of_a_comparison_the_lexicon_lacks_is_taken_as_written(shared_kg):
    # 中央党校（国家行政学院） is no lexicon term: the side as written finds its own sentence (第十二条)
    answer = shared_kg.ask("中央宣传部和中央党校（国家行政学院）在党员教育管理上的职责有什么不同？")
    assert answer.intent == "compare"
    texts = [e.text for e in answer.evidence]
    assert any(t.startswith("中央宣传部主要负责党员政治理论教育") for t in texts)
    assert any(t.startswith("中央党校（国家行政学院）主要负责党员领导干部培训") for t in texts)


@pytest.mark.parametrize("question, body, date", [
    ("这份党风廉政建设情况分析会情况报告的落款是哪个单位？", "中共绍兴市第一中学委员会", "2021年1月18"),
    ("Who signed the school's analysis meeting report, and on what date?", "中共绍兴市第一中学委员会", "2021年1月18"),
    ("党章是哪次大会修改通过的？", "中国共产党第十九次全国代表大会", "2017年10月24日"),
])
def test_who_issued_a_document_is_read_from_its_signature_or_opening(shared_kg, question, body, date):
    answer = shared_kg.ask(question)
    assert answer.text.startswith(body) and date in answer.text
    assert body in answer.evidence[0].text or date in answer.evidence[0].text


def test_an_issuer_is_only_read_for_a_question_about_a_document():
    # 由谁通过 about a decision inside a text is no question about who issued the text
    kg = KnowledgeGraph().fit(texts={"notice": "关于召开支部大会的通知\n支部大会讨论预备党员转正，由支部大会表决通过。\n"
                                               "中共某某街道机关支部委员会\n2024年3月1日\n"})
    assert kg.ask("预备党员转正由谁表决通过？").trace.get("method") != "the document's signature or opening lines"
    answer = kg.ask("这份通知是哪个单位发布的？")
    assert answer.text.startswith("中共某某街道机关支部委员会") and "2024年3月1日" in answer.text


def test_a_follow_up_with_no_words_of_its_own_adds_no_part(shared_kg):
    # 有什么不同 asks more about the first answer: the comparison is the answer, not it plus the first part
    answer = shared_kg.ask("党的基层委员会和支部委员会分别由什么会议选举产生？有什么不同？")
    assert "\n" not in answer.text
    assert answer.evidence[0].text.startswith("基层委员会由党员大会或代表大会选举产生")


def test_a_sentence_holding_a_rare_stretch_of_the_question_as_written_comes_first(shared_kg):
    # 党章: 党的中央和省、自治区、直辖市委员会实行巡视制度 — "实行巡视制度" as the question writes it,
    # against the shorter 党的各级委员会实行…制度 that matches the expanded name of 党委 better.
    answer = shared_kg.ask("哪些层级的党委实行巡视制度？")
    assert "实行巡视制度" in answer.evidence[0].text


@pytest.mark.parametrize("question", ["当入党介绍人，得负哪些责任、干些啥？", "入党介绍人得负哪些责任？"])
def test_framing_words_do_not_turn_a_duties_question_into_a_search(shared_kg, question):
    # 当X / 得负哪些责任 only frame the question: the sponsor's duties are the answer (党章第五条).
    answer = shared_kg.ask(question)
    assert answer.intent == "role_duties"
    assert "了解申请人" in answer.text and "负责的报告" in answer.text


def test_a_subjectless_next_sentence_goes_on_with_the_answer(shared_kg):
    # 党章: 党的各级组织和每一个党员都要维护党徽党旗的尊严。要按照规定制作和使用党徽党旗。 — the second
    # sentence has no subject of its own: the same organizations and members must do it too.
    answer = shared_kg.ask("What obligations do Party organizations and members have regarding the Party emblem and flag?")
    assert "维护党徽党旗的尊严" in answer.text and "按照规定制作和使用党徽党旗" in answer.text
    assert [e.text for e in answer.evidence[:2]] == ["党的各级组织和每一个党员都要维护党徽党旗的尊严。",
                                                     "要按照规定制作和使用党徽党旗。"]


def test_the_body_compared_against_is_not_the_one_asked_about(shared_kg):
    # "as opposed to the National Congress" only sets the conference apart; its powers (党章第二十一条) answer.
    answer = shared_kg.ask("What powers does the National Conference of the Party have, as opposed to the National Congress?")
    assert answer.intent == "role_duties" and "fallback" not in answer.trace
    assert "党的全国代表会议" in answer.text and "调整和增选" in answer.text
    assert "修改党的章程" not in answer.text   # a power of the congress


@pytest.mark.parametrize("question, language, intent", [
    ("地方各级党委的委员、候补委员到底设多少名额，由谁来定？", "zh", "duty_holder"),
    ("When a Party committee convenes a representative conference, who decides how many delegates attend?",
     "en", "duty_holder"),
    ("Which local bodies share out the work of educating Party members?", "en", "duty_holder"),
    ("How many delegates does a representative conference have?", "en", "count"),
    ("党的地方各级委员会的委员有多少名？", "zh", "count"),
])
def test_who_decides_how_many_asks_for_the_body_that_decides(question, language, intent):
    from kg.qa.intents import classify_intent

    assert classify_intent(question, language, []) == intent


def test_a_stretch_of_the_question_counts_without_its_de(shared_kg):
    # 机关基层党组织的负责人 is written 机关基层党组织负责人: the sentence that says so is among the first two.
    from kg.qa.question import parse_question
    from kg.qa.ranking import rank_sentences
    from kg.translate import load_phrase_table

    q = parse_question("机关基层党组织的负责人，在党内民主这件事上要带什么头？", shared_kg.lexicon_,
                       shared_kg.tokenizer_, load_phrase_table())
    top = [shared_kg.sentences_[i][1].text for _, i in rank_sentences(shared_kg, q)[:2]]
    assert any(text.startswith("机关基层党组织负责人应当带头发扬民主") for text in top), top


def test_to_what_degree_is_answered_by_the_degree_the_text_sets(shared_kg):
    # 条例: …引导党员充分认识学习贯彻…的重大意义，自觉学懂弄通做实 — the degree, as the genre states one.
    answer = shared_kg.ask("学习习近平新时代中国特色社会主义思想，条例要求党员最终自觉做到什么程度？")
    assert "学懂弄通做实" in answer.text[:400]


def test_whether_a_thing_may_be_done_is_answered_by_the_sentence_that_allows_or_forbids_it(shared_kg):
    # 党章: after the list of a member's rights, 党的任何一级组织直至中央都无权剥夺党员的上述权利。
    answer = shared_kg.ask("党员那些权利，上级组织甚至中央能不能给拿掉？")
    assert answer.intent == "search"
    assert "无权剥夺" in answer.text and "党员享有下列权利" not in answer.text


def test_whom_to_tell_of_a_problem_is_no_question_about_problems():
    from kg.qa.intents import classify_intent

    assert classify_intent("纪委要是发现同级党委的常委有违纪问题，该往哪儿报？", "zh", []) != "problems"
    assert classify_intent("调研发现机关党建存在哪些问题？", "zh", []) == "problems"


def test_who_decides_a_number_is_answered_by_the_body_that_decides(shared_kg):
    # 党章: 党的地方各级委员会的委员和候补委员的名额，分别由上一级委员会决定。
    answer = shared_kg.ask("地方各级党委的委员、候补委员到底设多少名额，由谁来定？")
    assert answer.intent == "duty_holder" and answer.text.startswith("上一级委员会")


def test_a_second_how_many_counts_what_the_first_counts(shared_kg):
    # "…, and how many under school management?" asks for risk points too: 18项 and 10个, each with what it
    # counts, though one sentence states both.
    answer = shared_kg.ask("How many risk points did the school identify under fund management, "
                           "and how many under school management?")
    assert answer.text.startswith("18项风险点")
    assert "10个风险点" in answer.text[:400]


def test_a_count_written_as_great_is_a_count_of_what_follows(shared_kg):
    # 党章: …这三大历史任务 — 三大 counts the tasks; 一个长期的历史过程 says nothing of how many.
    answer = shared_kg.ask("党章提出的历史任务一共几项？")
    assert answer.intent == "count"
    assert answer.text.startswith("三大") and "三大历史任务" in answer.evidence[0].text


def test_what_a_notice_asks_is_not_who_issued_it(shared_kg):
    # 印发…的通知要求机关…: the notice's demand, not its issuer (the signature lines).
    answer = shared_kg.ask("印发条例的通知要求机关党的建设始终要处于什么状态？")
    assert "走在前、作表率" in answer.text


def test_the_words_of_an_english_name_are_not_asked_about_besides_the_name(shared_kg):
    # "sponsor for Party membership" names 入党介绍人; its words (membership → 党籍) ask nothing more, so
    # the sponsor's duties answer, not a search for 党籍.
    answer = shared_kg.ask("What must a sponsor for Party membership do?")
    assert answer.intent == "role_duties" and "fallback" not in answer.trace
    assert answer.text.startswith("Duties of sponsor for Party membership (入党介绍人)")
    assert "了解申请人" in answer.text and "负责的报告" in answer.text


@pytest.mark.parametrize("question, heading", [
    ("在管党治党责任落实这块，调研报告发现了哪些毛病？", "治党压力“层递减”，责任落实“虚化”"),
    ("What problem does the district survey find in organ cadres' ideological understanding and political awareness?",
     "思想认识“有温差”，政治意识“淡化”"),
])
def test_a_reported_problem_is_named_by_the_heading_of_its_part(shared_kg, question, heading):
    # The survey report names each problem in a heading (（三）治党压力“层递减”，责任落实“虚化”。) and
    # describes it in the sentences below; the answer gives the name with the description.
    answer = shared_kg.ask(question)
    assert answer.intent == "problems"
    assert heading in answer.text


def test_a_synonym_of_a_word_no_text_uses_is_searched_as_if_asked(shared_kg):
    # No text says 步骤; 党员教育管理工作条例 gives the 程序: 按照个人自评、党员互评、民主测评的程序.
    answer = shared_kg.ask("民主评议党员具体分哪几个步骤？")
    assert "个人自评" in answer.text


def test_which_meeting_is_read_from_the_line_that_names_it(shared_kg):
    # 条例: （2010年4月21日中共中央政治局常委会会议审议批准 … 2019年11月29日中共中央政治局会议修订）
    answer = shared_kg.ask("机关基层组织工作条例是哪次会议修订的？")
    assert "2019年11月29日中共中央政治局会议修订" in answer.evidence[0].text


def test_the_organ_discipline_work_committee_is_named_in_english_as_the_question_words_it(shared_kg):
    # 条例: 机关纪检监察工作委员会作为同级纪委监委的派出机构
    answer = shared_kg.ask("The organ discipline inspection and supervision work committee is a dispatched agency "
                           "of which body?")
    assert "机关纪检监察工委" in labels(answer)
    assert "同级纪委监委的派出机构" in answer.evidence[0].text


@pytest.mark.parametrize("question", ["机关党组织书记在任期内职务变动的情况下，需要征得谁同意？", "书记任期内调走了，得经谁批准？"])
def test_whose_consent_is_read_from_the_sentence_that_requires_it(shared_kg, question):
    # 条例: 书记、副书记在任期内职务变动，应当征得上级党组织同意。 在任期内 is when, not how long.
    answer = shared_kg.ask(question)
    assert answer.intent == "duty_holder"
    assert answer.text.startswith("上级党组织。")


def test_how_often_prefers_a_sentence_that_names_the_period(shared_kg):
    # 条例: 党支部应当每月开展1次主题党日 — over 落实…主题党日等制度 (经常, a recurrence without a period)
    answer = shared_kg.ask("主题党日多久搞一次啊？")
    assert answer.text.startswith("每月")


def test_who_has_the_final_say_asks_who_acts(shared_kg):
    answer = shared_kg.ask("党员失联半年多、怎么找都找不着，停党籍这事谁拍板？")
    assert answer.text.startswith("所在党支部或者上级党组织")


def test_translated_words_written_together_in_a_text_find_their_sentence(shared_kg):
    # 调研报告: 建立“区领导驻点街道、处级干部驻点社区、三人小组驻点小区”三级服务联系机制 — a long
    # sentence; 三级 服务 联系 机制, translated word by word, are written together there.
    answer = shared_kg.ask("What are the three tiers of the service and liaison mechanism set up for epidemic "
                           "control in the district?")
    assert any("三级服务联系机制" in e.text for e in answer.evidence[:2])


@pytest.mark.parametrize("question, body", [
    ("For party members who go abroad to study or do research, which organization keeps their membership "
     "relationship?", "原就读高校或者工作单位党组织"),
])
def test_organization_as_a_noun_in_a_question_is_not_the_act_asked(shared_kg, question, body):
    # 哪个组织 / which organization: 组织 is no verb here, so 由保留其|组织|关系的党组织 is not read as 由X组织
    answer = shared_kg.ask(question)
    assert body in answer.text and not answer.text.startswith("保留其")


def test_what_kinds_weighs_up_the_sentence_that_counts_the_kinds(shared_kg):
    # 党章: 对党员的纪律处分有五种：警告、严重警告、撤销党内职务、留党察看、开除党籍。
    answer = shared_kg.ask("What kinds of disciplinary sanctions can the party impose on its members?")
    assert "留党察看" in answer.text


@pytest.mark.parametrize("question", ["学校是根据谁的通知召开分析会的？",
                                      "Whose notice prompted the school to convene its 2020 analysis meeting?"])
def test_whose_notice_is_read_from_the_sentence_that_acts_on_it(shared_kg, question):
    # 分析会报告: 根据市教育局办公室《关于组织召开…分析会的通知》安排，…
    answer = shared_kg.ask(question)
    assert "市教育局办公室" in answer.text.split("原文")[0] or answer.evidence[0].text.startswith("根据市教育局办公室")


@pytest.mark.parametrize("question", ["党员教育的基本任务包括哪几类教育？", "What are the basic tasks of party member education?"])
def test_a_question_naming_a_chapter_is_answered_by_its_articles(shared_kg, question):
    # 党员教育管理工作条例 第三章　党员教育基本任务: 第九条　加强政治理论教育 … 第十五条　注重知识技能教育
    answer = shared_kg.ask(question)
    assert answer.trace["method"] == "the articles of the chapter named"
    for kind in ("政治理论教育", "宗旨教育", "革命传统教育", "形势政策教育", "知识技能教育"):
        assert kind in answer.text


def test_a_chapter_named_inside_a_longer_question_is_not_answered_whole(shared_kg):
    # 第二章 学习贯彻习近平新时代中国特色社会主义思想 holds 第七条 采取集中轮训… — the ways asked about
    answer = shared_kg.ask("为形成学习习近平新时代中国特色社会主义思想的长效机制，可以采取哪些学习方式？")
    assert answer.trace["method"] != "the articles of the chapter named"


def test_the_party_working_committee_for_government_organs_is_the_organ_work_committee(shared_kg):
    # 条例: 党的机关工作委员会统一领导所属机关党的工作，指导督促各单位党组（党委）落实机关党建主体责任
    answer = shared_kg.ask("What are the party working committee for government organs responsible for with respect "
                           "to the organs under it?")
    assert "机关工委" in labels(answer)
    assert "统一领导所属机关党的工作" in answer.text


@pytest.mark.parametrize("question, opening", [
    ("党章怎样解释民主集中制的含义？", "民主集中制是民主基础上的集中"),
    ("党章里是怎么给“党的纪律”下定义的？", "党的纪律是党的各级组织和全体党员必须遵守的行为规则"),
])
def test_how_a_text_defines_something_finds_its_definition(shared_kg, question, opening):
    answer = shared_kg.ask(question)
    assert opening in answer.evidence[0].text[:40]   # after an article's number (第三十九条　) where it has one


def test_a_procedure_is_found_by_its_steps_as_well_as_by_the_word(shared_kg):
    # 党章: 对党员的纪律处分，必须经过支部大会讨论决定，报党的基层委员会批准 (no 程序 in the sentence)
    answer = shared_kg.ask("给党员纪律处分，一般要走什么程序？")
    assert "支部大会讨论决定" in answer.evidence[0].text


def test_bearing_which_responsibilities_asks_for_duties(shared_kg):
    answer = shared_kg.ask("单位党组（党委）对机关党建到底要负哪些责？")
    assert answer.intent == "role_duties"


def test_the_counted_points_of_a_part_answer_which_three(shared_kg):
    # 分析会报告: 2.强化监督执纪廉政关口。一是加强了校领导班子的监督。…二是…。…三是深入推进党务公开…
    answer = shared_kg.ask("在“强化监督执纪廉政关口”这块，学校具体落实了哪三方面的举措？")
    for point in ("校领导班子的监督", "职能处室工作的监督", "党务公开"):
        assert point in answer.text
    assert any(e.text.startswith("三是") for e in answer.evidence)


def test_what_follows_a_consequence_in_its_paragraph_is_part_of_the_answer(shared_kg):
    # 条例: …予以停止党籍。停止党籍的决定由…作出。停止党籍2年后确实无法取得联系的，按照自行脱党予以除名。
    answer = shared_kg.ask("党员跟组织失联半年多、怎么找都找不着，后面会一步步怎么处理？")
    assert "停止党籍" in answer.text and "自行脱党予以除名" in answer.text


def test_a_duty_from_a_list_item_cites_the_lead_that_names_its_bearer(shared_kg):
    # 条例: 机关党的基层委员会（含…）的基本职责是：…（八）领导机关工会、共青团、妇女组织等群团组织…
    answer = shared_kg.ask("Within a state organ, which Party body leads the trade union, the Youth League and "
                           "women's organizations?")
    assert answer.intent == "duty_holder"
    assert "机关党的基层委员会" in answer.text
    assert any(e.text.startswith("机关党的基层委员会") and e.text.endswith("：") for e in answer.evidence)


def test_a_role_in_a_leading_in_clause_is_the_scene_not_the_bearer(shared_kg):
    # 党员教育管理工作条例: 中央宣传部主要负责党员政治理论教育、形势政策教育…
    answer = shared_kg.ask("In Party member education and management, what is the Central Propaganda Department "
                           "mainly responsible for?")
    assert answer.evidence[0].text.startswith("中央宣传部主要负责")


def test_an_english_question_whose_closest_sentence_is_a_list_lead_gets_the_list(shared_kg):
    # 党章: 党的民主集中制的基本原则是：（一）党员个人服从党的组织，少数服从多数，下级组织服从上级组织…
    answer = shared_kg.ask("The Constitution says the Party is organised on democratic centralism. What are its "
                           "basic principles, i.e. who has to obey whom?")
    assert "少数服从多数" in answer.text


def test_what_requirements_finds_the_sentence_that_lays_them_out(shared_kg):
    # 分析会报告: …会议要求：一要进一步开展好宣传警示教育…；二要严格执行学校内控机制…
    answer = shared_kg.ask("What concrete requirements did the meeting lay down for following up on identified problems?")
    assert "一要进一步开展好宣传警示教育" in answer.evidence[0].text


def test_a_chain_answer_quotes_the_sentence_it_cites_first(shared_kg):
    # 条例: 机关纪检监察工作委员会作为同级纪委监委的派出机构，在同级纪委监委、党的机关工作委员会双重领导下…
    answer = shared_kg.ask("机关纪检监察工作委员会在谁的领导下开展工作？")
    assert answer.intent == "chain"
    quoted = answer.text.split("原文：「", 1)[1]
    assert answer.evidence[0].text.startswith(quoted[:20])
    assert "同级纪委监委" in answer.text


@pytest.mark.parametrize("question, role", [
    ("机关基层党组织的负责人平时要做什么？", "PartyOrganizationLeader"),
    ("支部的书记要做什么？", "BranchSecretary"),
])
def test_a_role_written_with_a_de_inside_links_as_the_role(shared_kg, question, role):
    answer = shared_kg.ask(question)
    assert answer.answered, answer.text
    assert answer.intent == "role_duties"
    from kg.qa.question import parse_question

    q = parse_question(question, shared_kg.lexicon_)
    assert q.entities[0].key == shared_kg.lexicon_.lookup(q.entities[0].zh).key
    assert shared_kg.lexicon_.get(role) in q.entities


def test_a_name_holding_a_de_is_not_read_as_a_shorter_name_across_it(shared_kg):
    from kg.qa.question import parse_question

    q = parse_question("党的代表大会多久开一次？", shared_kg.lexicon_)
    assert [t.zh for t in q.entities][:1] == ["党的代表大会"]
    assert all(t.zh != "党代表" for t in q.entities)


def test_a_verb_and_object_split_by_the_question_word_are_searched_as_one_word(shared_kg):
    # 条例: 机关基层党组织负责人应当带头发扬民主，自觉接受党员监督。
    answer = shared_kg.ask("在党内民主上，机关基层党组织负责人得带什么头？")
    assert answer.evidence[0].text.startswith("机关基层党组织负责人应当带头发扬民主")


def test_the_first_point_under_a_short_heading_is_what_the_heading_means(shared_kg):
    # 分析会报告: 4.强化推进转作风树形象。一是完善和健全各项制度，切实加强作风建设。…二是…
    answer = shared_kg.ask("“强化推进转作风树形象”这一条，头一项措施是什么？")
    assert "完善和健全各项制度" in answer.text


def test_a_quoted_sub_part_is_answered_from_inside_it_not_by_listing_its_siblings(shared_kg):
    # 调研报告: （二）抓堡垒夯固，促组织融合。推动党组织在体系设置、班子队伍、教育管理等方面实现融合发展。
    answer = shared_kg.ask("“促组织融合”这一条，要在哪些方面推动党组织融合发展？")
    assert "体系设置" in answer.text and "班子队伍" in answer.text
    assert "促思想融合" not in answer.text


def test_the_parallel_points_after_a_lead_sentence_answer_which_angles(shared_kg):
    # 调研报告: 落实有矛盾。从配置看，…。从过程看，…。从效果看，…
    answer = shared_kg.ask("关于“落实有矛盾”，报告从哪几个方面分析？")
    assert answer.trace["method"] == "points after a lead sentence"
    for point in ("从配置看", "从过程看", "从效果看"):
        assert point in answer.text


@pytest.mark.parametrize("question, term", [
    ("省一级的党委，一届多长时间？", "五年"),
    ("纪委一届干几年？", "每届任期和同级党的委员会相同"),
    ("How long does a single term of a county Party committee last?", "五年"),
])
def test_a_term_of_office_is_read_from_a_sentence_stating_a_term(shared_kg, question, term):
    # 党章: …的委员会，每届任期五年。/ 党的各级纪律检查委员会每届任期和同级党的委员会相同。
    answer = shared_kg.ask(question)
    assert answer.intent == "frequency"
    assert answer.text.startswith(term)
    assert "任期" in answer.evidence[0].text


def test_a_line_of_a_word_or_two_is_never_the_closest_passage(shared_kg):
    # 党章 opens its preamble with the line 总纲, which answers nothing
    answer = shared_kg.ask("What capacities for self-improvement does the general programme of the Constitution "
                           "say the Party must keep strengthening?")
    assert all(len(e.text.strip()) > 3 for e in answer.evidence)
    assert "自我净化" in answer.text


def test_a_chain_is_not_drawn_from_links_far_from_what_is_asked(shared_kg):
    # 党章: 共青团的地方各级组织受同级党的委员会领导，同时受共青团上级组织领导。 No chain fact states it
    # (共青团的地方各级组织 is no body of the lexicon), and the links of 共青团 are about other things.
    answer = shared_kg.ask("共青团的地方各级组织受谁领导？")
    assert answer.evidence[0].text.startswith("共青团的地方各级组织受同级党的委员会领导")
    assert "责任链" not in answer.text


def test_the_links_of_the_body_asked_about_still_answer_when_its_name_draws_closer_sentences(shared_kg):
    answer = shared_kg.ask("机关党的基层委员会领导哪些群团组织？")
    assert answer.trace["method"] == "networkx chain of the closest links"
    assert all(body in answer.text.split("。")[0] for body in ("工会", "共青团", "妇女组织"))


@pytest.mark.parametrize("question, intent", [
    ("那几条收获里，排在头一条的是啥？", "search"),
    ("条例一共有几条？", "count"),
    ("中央委员的名额设多少个，谁说了算？", "duty_holder"),
])
def test_one_item_or_who_decides_is_no_count(question, intent):
    from kg.qa.intents import classify_intent

    assert classify_intent(question, "zh", []) == intent


def test_the_boss_of_a_body_is_who_leads_it():
    from kg.qa.intents import classify_intent

    assert classify_intent("Who's the boss of the Youth League's central committee?", "en", []) == "chain"


@pytest.mark.parametrize("english, key", [
    ("What must an organ's grassroots Party committee do about activists?", "OrganPartyCommittee"),
    ("What is an organ's grassroots Party organization expected to do?", "OrganPartyOrganization"),
    ("Can an organ's discipline inspection commission lift a sanction?", "OrganDisciplineInspectionCommission"),
])
def test_an_organs_grassroots_bodies_are_named_in_everyday_english(english, key):
    from kg.lexicon import load_lexicon

    assert key in [m.term.key for m in load_lexicon().find_english(english)]


def test_a_name_most_sentences_hold_weighs_less_than_a_rare_one(shared_kg):
    from kg.qa.ranking import _entity_weight
    from kg.normalize import fold

    common = _entity_weight(shared_kg, [fold("党员")])
    rare = _entity_weight(shared_kg, [fold("纪律检查组组长")])
    assert common < rare == 0.08


@pytest.mark.parametrize("question, opening", [
    # 条例: 支持党员行使监督权利，履行监督义务，防止各种形式的打击报复。
    ("党员提意见后怕被领导穿小鞋，机关党组织该怎么办？", "支持党员行使监督权利"),
    # 党章: 党的地方各级委员会委员出缺，由候补委员按照得票多少依次递补。
    ("地方党委的委员空出来了，由谁顶上？", "党的地方各级委员会委员出缺"),
])
def test_colloquial_words_find_the_texts_words(shared_kg, question, opening):
    answer = shared_kg.ask(question)
    assert any(e.text.startswith(opening) for e in answer.evidence[:2]), [e.text[:30] for e in answer.evidence]


@pytest.mark.parametrize("question", ["党员突击队和临时党支部一起，构筑起怎样的堡垒？",
                                      "报告里，机关党建在疫情防控中要构筑什么样的堡垒？"])
def test_what_kind_of_x_finds_the_sentence_naming_x(shared_kg, question):
    # 什么样的堡垒 asks for the sentence that describes a 堡垒, not the one that names the question's bodies
    answer = shared_kg.ask(question)
    assert answer.evidence[0].text == "构筑“无坚不摧”的先锋堡垒。"
    assert "无坚不摧" in answer.text


@pytest.mark.parametrize("question", [
    "报告在促进思想融合这部分，要求机关的工作向谁看齐？",
    "In the part on promoting ideological integration, who must all of an organ's work be aligned with?",
])
def test_a_part_named_by_its_heading_words_is_searched(shared_kg, question):
    # 促进思想融合这部分 points at （一）抓理论武装，促思想融合: its sentence says 同党中央对标对表
    answer = shared_kg.ask(question)
    assert "对标对表" in answer.evidence[0].text and "党中央" in answer.text


def test_heading_words_without_a_part_asked_for_change_nothing(shared_kg):
    # 党员教育管理 is in chapter headings too: a question that names no part is not sent to that chapter
    from kg.qa.question import parse_question
    from kg.qa.ranking import named_sections

    q = parse_question("党员教育管理工作经费怎么保障？", shared_kg.lexicon_)
    assert named_sections(shared_kg, q) == set()
    q = parse_question("党员教育管理这一块，经费怎么保障？", shared_kg.lexicon_)
    assert named_sections(shared_kg, q)


@pytest.mark.parametrize("question", ["访千家进万户行动最后要落到啥样的机制上？", "访千家进万户行动要建立健全什么样的机制？"])
def test_the_quote_of_a_long_sentence_holds_the_kind_of_thing_asked(shared_kg, question):
    # the sentence on 访千家进万户 runs to 250 characters; 啥样的机制 asks for its last clauses
    assert "长效机制" in shared_kg.ask(question).text


def test_the_item_a_question_is_about_is_quoted_at_length_in_a_list(shared_kg):
    # nine duties are listed; the third, on supervising members and their rights, is quoted to its end
    answer = shared_kg.ask("What are the duties of an organ's grassroots Party committee in supervising members "
                           "and protecting their rights?")
    assert answer.trace["method"] == "the role's enumerated duties"
    assert "权利不受侵犯" in answer.text[:400] and "（9）" in answer.text


def test_a_sentence_going_on_with_it_follows_the_best_one(shared_kg):
    # 党的地区委员会…是…派出的代表机关。它根据省、自治区委员会的授权，领导本地区的工作。: 它 is the same body
    answer = shared_kg.ask("What kind of body is a Party prefecture committee?")
    assert "派出的代表机关" in answer.text and "授权" in answer.text


@pytest.mark.parametrize("question, held", [
    ("当领导的党员在组织生活上有什么特别要求？", "双重组织生活"),
    ("党的头儿们的活动要受谁监督？", "党和人民的监督"),
])
def test_everyday_chinese_names_reach_the_texts_names(shared_kg, question, held):
    # 当领导的党员 is written 党员领导干部, 头儿 领导人 (ontology/synonyms.tsv)
    assert held in shared_kg.ask(question).text
