"""The Python API: build from paths or strings, ask, save and load, errors before fit."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph, KgError, NotBuiltError


def test_asking_before_fit_is_a_clear_error():
    with pytest.raises(NotBuiltError, match="fit"):
        KnowledgeGraph().ask("第一书记要做什么？")


def test_build_from_strings_and_ask():
    kg = KnowledgeGraph().fit(texts={"rules": "第一章　总则\n第一条　党支部应当每月召开1次支部委员会会议。"})
    answer = kg.ask("党支部多久召开一次支部委员会会议？")
    assert answer.evidence and "每月召开1次" in answer.evidence[0].text
    assert kg.stats()["documents"] == 1


def test_save_and_load_give_the_same_answers(tmp_path, report_kg):
    path = report_kg.save(tmp_path / "report.kg")
    loaded = KnowledgeGraph.load(path)
    for question in ("第一书记要做什么？", "一书两单三会议包括哪些内容？", "What must a first secretary do?"):
        assert loaded.ask(question).to_dict() == report_kg.ask(question).to_dict()
    assert loaded.stats() == report_kg.stats()
    assert set(loaded.graph.quads()) == set(report_kg.graph.quads())


def test_loading_something_else_is_a_clear_error(tmp_path):
    path = tmp_path / "not.kg"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(KgError, match="not a saved kg graph"):
        KnowledgeGraph.load(path)


def test_unknown_document_is_a_clear_error(report_kg):
    with pytest.raises(KgError, match="no document 'nope'"):
        report_kg.document("nope")


def test_asking_does_not_change_the_graph(report_kg):
    before = report_kg.stats()
    report_kg.ask("第一书记要做什么？")
    assert report_kg.stats() == before


def test_counting_questions_say_the_number_in_the_unit_asked():
    kg = KnowledgeGraph().fit(texts={"meeting": (
        "一、会议情况\n本次会议由党委书记主持，班子成员等7人参加了会议。会议共梳理出风险点23项，形成整改措施4条。"
        "会议强调要坚持“四个意识”。\n二、下一步打算\n每季度开展1次廉政谈话，全年不少于4次。\n")})
    people = kg.ask("有多少名班子成员参加了会议？")
    assert people.intent == "count" and people.text.startswith("7人")
    points = kg.ask("一共梳理了多少项风险点？")
    assert points.text.startswith("23项") and "四个" not in points.text.split("。")[0]
    english = kg.ask("How many people attended the meeting?")
    assert english.intent == "count" and english.text.startswith("7人")
    for answer in (people, points, english):
        for item in answer.evidence:
            assert kg.document(item.doc).text[item.start:item.end] == item.text


def test_comparing_two_roles_quotes_what_each_must_do_or_a_sentence_naming_both():
    kg = KnowledgeGraph().fit(texts={"rules": (
        "第一条　党支部书记负责主持支部全面工作，每月召开1次支部委员会会议。\n"
        "第二条　组织委员负责党员发展和组织关系接转工作。\n"
        "第三条　宣传委员负责党员教育和宣传工作。\n"
        "第四条　预备党员的权利，除了没有表决权以外，同正式党员一样。\n")})
    duties = kg.ask("党支部书记和组织委员的职责有什么不同？")
    assert duties.intent == "compare"
    assert "主持支部全面工作" in duties.text and "党员发展" in duties.text
    rights = kg.ask("预备党员和正式党员的权利有什么不同？")
    assert "没有表决权" in rights.text and rights.evidence[0].text.startswith("预备党员的权利")


def test_a_persons_posts_are_read_off_the_titles_before_the_name_in_chinese_and_in_pinyin():
    kg = KnowledgeGraph().fit(texts={"minutes": (
        "一、会议情况\n会议由区委书记、区长赵明远主持。区委副书记、纪委书记钱立新通报了巡察情况。"
        "赵明远强调，各级党组织要压实主体责任。\n")})
    chinese = kg.ask("钱立新担任什么职务？")
    assert chinese.intent == "post_holder"
    assert chinese.text.startswith("钱立新：区委副书记、纪委书记")
    english = kg.ask("What posts does Zhao Mingyuan hold?")
    assert english.intent == "post_holder" and "区委书记、区长" in english.text
    assert english.evidence[0].text.startswith("会议由区委书记、区长赵明远主持")


# ------------------------------------------------------------------- what a document's facts depend on
def _reader_facts(factset):
    """A document's facts but its mentions (which are found with the lexicon of the whole corpus)."""
    return {field: getattr(factset, field) for field in ("formulae", "duties", "holdings", "problems", "chains")}


def test_a_documents_facts_do_not_depend_on_the_other_documents():
    from .conftest import REAL_TEXTS, shared_path

    together = KnowledgeGraph().fit([shared_path(f"{name}.txt") for name in REAL_TEXTS])
    assert len({t.key for t in together.lexicon_ if t.discovered}) > 20
    for name, factset in zip(REAL_TEXTS, together.factsets_):
        alone = KnowledgeGraph().fit(shared_path(f"{name}.txt"))
        assert _reader_facts(alone.factsets_[0]) == _reader_facts(factset), name
        assert factset.duties


def test_a_document_added_later_has_the_facts_of_a_first_build():
    from .conftest import REAL_TEXTS, shared_path

    first, later = REAL_TEXTS[:2], REAL_TEXTS[2]
    kg = KnowledgeGraph().fit([shared_path(f"{name}.txt") for name in first]).add(shared_path(f"{later}.txt"))
    fresh = KnowledgeGraph().fit([shared_path(f"{name}.txt") for name in (*first, later)])
    assert kg.factsets_[2] == fresh.factsets_[2] and kg.factsets_[2].duties
    assert kg.lexicon_.terms == fresh.lexicon_.terms


GUIDE = "三、对策措施\n（一）配强力量。党建指导员每月到所联系党支部指导工作。\n"
TRAINING = "一、主要做法\n（一）抓培训。县委组织部举办了2期党建指导员培训班，全年培训120人次。\n"


def test_a_role_one_text_discovers_is_mentioned_where_another_text_names_it():
    guide, report = GUIDE, TRAINING

    def mentioned(kg, doc_id):
        i = [d.doc_id for d in kg.documents_].index(doc_id)
        return [m.surface for m in kg.factsets_[i].mentions]

    alone = KnowledgeGraph().fit(texts={"report": report})
    assert "党建指导员" not in mentioned(alone, "report")
    both = KnowledgeGraph().fit(texts={"guide": guide, "report": report})
    assert both.lexicon_.get("found:党建指导员").discovered
    assert "党建指导员" in mentioned(both, "report") and "党建指导员" in mentioned(both, "guide")
    # the reading of the report is the one it had alone
    assert _reader_facts(both.factsets_[1]) == _reader_facts(alone.factsets_[0])


def test_adding_and_removing_give_the_graph_of_a_first_build_of_the_same_texts():
    """A text that discovers a role changes the mentions of the texts already there that name it, and
    removing it changes them back: the others are read again only for their mentions."""
    from .conftest import REAL_TEXTS, shared_path

    real = {name: shared_path(f"{name}.txt").read_text(encoding="utf-8") for name in REAL_TEXTS[:2]}
    kg = KnowledgeGraph().fit(texts={"training": TRAINING, **real})
    kg.add(texts={"guide": GUIDE})
    assert kg.added_ == ["guide"] and kg.refreshed_ == ["training"]
    fresh = KnowledgeGraph().fit(texts={"training": TRAINING, **real, "guide": GUIDE})
    assert kg.factsets_ == fresh.factsets_ and kg.lexicon_.terms == fresh.lexicon_.terms
    assert [a.to_dict() for a in map(kg.ask, QUESTIONS)] == [a.to_dict() for a in map(fresh.ask, QUESTIONS)]

    kg.remove("guide")
    assert kg.refreshed_ == ["training"]
    first = KnowledgeGraph().fit(texts={"training": TRAINING, **real})
    assert kg.factsets_ == first.factsets_ and kg.lexicon_.terms == first.lexicon_.terms
    assert "党建指导员" not in [m.surface for m in kg.factsets_[0].mentions]

    # replacing a text with one that discovers nothing new refreshes no other document
    kg.add(texts={"training": TRAINING.replace("120", "150")})
    assert kg.refreshed_ == []


QUESTIONS = ("党建指导员要做什么？", "第一书记要做什么？", "What must a first secretary do?")


def _failing_extractor(doc, lexicon):
    raise RuntimeError("broken extractor")


def test_builds_collect_garbage_less_often_and_put_the_pace_back():
    import gc
    import threading

    before = gc.get_threshold()
    seen = []

    def watch(doc, lexicon):
        seen.append(gc.get_threshold()[0])
        return []

    text = {"t": "第一条　党支部每月召开1次支部委员会会议。"}
    KnowledgeGraph(extractors=(watch,)).fit(texts=text)
    assert seen == [50_000] and gc.get_threshold() == before
    with pytest.raises(RuntimeError, match="broken extractor"):
        KnowledgeGraph(extractors=(_failing_extractor,)).fit(texts=text)
    assert gc.get_threshold() == before
    builds = [threading.Thread(target=KnowledgeGraph().fit, kwargs={"texts": text}) for _ in range(4)]
    for build in builds:
        build.start()
    for build in builds:
        build.join()
    assert gc.get_threshold() == before
