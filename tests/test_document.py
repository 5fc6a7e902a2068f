"""Document structure on the real texts: parts, sub-parts, chapters, articles, items, sentence offsets."""

from __future__ import annotations

from collections import Counter

import pytest

from kg.document import parse_document
from kg.reading import read_file

from .conftest import REAL_TEXTS, SAMPLES, shared_path


def _doc(name):
    source = read_file(shared_path(name + ".txt"))
    return parse_document(source.text, source.doc_id)


def test_report_has_three_parts_and_twelve_subparts(report_doc):
    levels = Counter(s.level for s in report_doc.sections)
    assert levels == {"part": 3, "subpart": 12}


def test_report_parts_get_their_kinds(report_doc):
    parts = [s for s in report_doc.sections if s.level == "part"]
    assert [(p.heading, p.kind) for p in parts] == [
        ("主要做法", "practice"), ("现实问题及原因分析", "problem"), ("对策措施", "measure")]
    subparts = [s for s in report_doc.sections if s.level == "subpart"]
    assert [s.kind for s in subparts] == ["practice"] * 4 + ["problem"] * 3 + ["measure"] * 5


def test_report_subpart_heading_is_its_lead_sentence(report_doc):
    first_measure = [s for s in report_doc.sections if s.kind == "measure" and s.level == "subpart"][0]
    assert first_measure.marker == "（一）"
    assert first_measure.heading == "抓理论武装，促思想融合。"
    sentence = next(s for s in report_doc.sentences if s.text.startswith("严格落实“一岗双责”制"))
    assert sentence.heading_path == ("对策措施", "抓理论武装，促思想融合。")
    assert sentence.kind == "measure"


@pytest.mark.parametrize("name", REAL_TEXTS)
def test_every_span_slices_back_to_its_text(name):
    doc = _doc(name)
    assert doc.sentences, name
    for sentence in doc.sentences:
        assert doc.text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    for section in doc.sections:
        assert 0 <= section.start < section.end <= len(doc.text)
        assert doc.text[section.start:].startswith(section.marker)
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name, chapters, articles", [
    ("jiguan_jiceng_zuzhi_tiaoli_2019", 9, 43),
    ("dangyuan_jiaoyu_guanli_tiaoli_2019", 10, 46),
    ("dangzhang_2017", 11, 55),
])
def test_regulations_have_their_chapters_and_articles(name, chapters, articles):
    doc = _doc(name)
    levels = Counter(s.level for s in doc.sections)
    assert levels["chapter"] == chapters
    assert levels["article"] == articles
    assert doc.is_regulation


def test_regulation_items_sit_under_their_article():
    doc = _doc("jiguan_jiceng_zuzhi_tiaoli_2019")
    article = next(s for s in doc.sections if s.level == "article" and s.number == 10)
    items = [s for s in doc.sections if s.parent == article.index]
    assert [i.marker for i in items] == [f"（{n}）" for n in "一二三四五六七八九"]
    assert all(i.level == "item" and i.kind == "rule" for i in items)
    lead = next(s for s in doc.sentences if s.start >= article.start)
    assert lead.text.endswith("的基本职责是：")


def test_the_article_marker_is_not_part_of_the_sentence():
    doc = _doc("dangzhang_2017")
    third = next(s for s in doc.sections if s.level == "article" and s.number == 3)
    sentence = next(s for s in doc.sentences if s.start >= third.start)
    assert sentence.text == "党员必须履行下列义务："


def test_text_after_a_part_heading_on_its_line_is_kept_as_sentences():
    doc = parse_document("某社区党委工作总结\n二、强化监督。一是加强了对班子成员的监督。严格执行述职述廉制度。\n"
                         "三、存在问题\n有的党员不按时交纳党费。\n", "summary")
    parts = [s for s in doc.sections if s.level == "part"]
    assert [p.heading for p in parts] == ["强化监督。", "存在问题"]
    assert [s.text for s in doc.sentences] == ["一是加强了对班子成员的监督。", "严格执行述职述廉制度。", "有的党员不按时交纳党费。"]
    assert doc.sentences[0].section == parts[0].index


def test_report_with_numbered_points():
    doc = _doc("dangfeng_lianzheng_fenxihui_baogao_2020")
    levels = Counter(s.level for s in doc.sections)
    assert levels == {"part": 3, "point": 7}
    points = [s.marker for s in doc.sections if s.level == "point"]
    assert points == ["1.", "2.", "3.", "4.", "一要", "二要", "三要"]
    first = next(x for x in doc.sentences if x.section == doc.sections[-3].index)
    assert first.text.startswith("一要深化理论武装")  # the marker stays in the sentence
    assert [s.kind for s in doc.sections if s.level == "part"] == ["practice", "practice", "measure"]


def test_samples_parse_with_structure():
    for path in sorted(SAMPLES.glob("*.txt")):
        source = read_file(path)
        doc = parse_document(source.text, source.doc_id)
        assert doc.sections, path.name
        assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


def test_sentences_end_at_full_stops_with_closing_quotes():
    doc = parse_document("一、做法\n他说：“要学习。”然后散会。最后？好！\n", "q")
    assert [s.text for s in doc.sentences] == ["他说：“要学习。”", "然后散会。", "最后？", "好！"]


def test_text_before_any_heading_is_other():
    doc = parse_document("近期开展调研，情况如下：\n一、主要做法\n做了很多。", "intro")
    assert doc.sentences[0].kind == "other"
    assert doc.sentences[-1].kind == "practice"


def test_titles_of_the_real_texts():
    titles = {name: _doc(name).title for name in ("dangzhang_2017", "jiguan_jiceng_zuzhi_tiaoli_2019",
                                                  "dangyuan_jiaoyu_guanli_tiaoli_2019")}
    assert titles == {"dangzhang_2017": "中国共产党章程",
                      # a news release: 中共中央印发 / 《…》 — the text's name is the second line
                      "jiguan_jiceng_zuzhi_tiaoli_2019": "中国共产党党和国家机关基层组织工作条例",
                      "dangyuan_jiaoyu_guanli_tiaoli_2019": "中国共产党党员教育管理工作条例"}


@pytest.mark.parametrize("text, title", [
    ("国务院办公厅印发\n《关于加强基层党建工作的意见》\n正文第一句。\n", "关于加强基层党建工作的意见"),
    ("国务院印发\n正文第一句。\n", "国务院印发"),            # no book title after it: the line itself
    ("中共中央办公厅发布\n《干部教育培训工作条例》\n", "干部教育培训工作条例"),
])
def test_a_release_line_gives_way_to_the_book_title_after_it(text, title):
    assert parse_document(text, "x").title == title
