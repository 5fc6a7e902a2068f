"""The curated English -> Chinese phrase table, ontology/translations.tsv.

Checks the file's format (header, one TAB a line, lower-case English of at most five words, Chinese
equivalents that are Chinese), that no English key is listed twice (not even through the stemmer, which
would silently shadow the later line), its size, and a sample of lookups of the genre.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.translate import PhraseTable, _WORD, stem

TABLE = Path(__file__).resolve().parents[1] / "ontology" / "translations.tsv"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
ENGLISH = re.compile(r"[a-z0-9][a-z0-9' ]*")


def _lines():
    return TABLE.read_text(encoding="utf-8").splitlines()


def _entries():
    """(line number, english, [chinese, ...]) for every entry line."""
    out = []
    for number, line in enumerate(_lines()[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        english, chinese = line.split("\t")
        out.append((number, english, chinese.split("|")))
    return out


@pytest.fixture(scope="module")
def table():
    return PhraseTable({english: chinese for _, english, chinese in _entries()})


def test_file_is_utf8_with_header():
    raw = TABLE.read_bytes()
    raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert _lines()[0] == "en\tzh"


def test_every_entry_line_has_exactly_one_tab():
    bad = [(n, line) for n, line in enumerate(_lines()[1:], start=2)
           if line.strip() and not line.startswith("#") and line.count("\t") != 1]
    assert not bad, bad[:10]


def test_english_side_is_lower_case_and_short():
    bad = []
    for number, english, _ in _entries():
        words = english.split(" ")
        if (not english or english != english.strip() or english != english.lower()
                or not ENGLISH.fullmatch(english) or "  " in english or not 1 <= len(words) <= 5):
            bad.append((number, english))
    assert not bad, bad[:10]


def test_english_side_has_no_leading_article():
    # The translator matches longest-first from the left; "the party" would swallow "the party organization".
    bad = [(n, e) for n, e, _ in _entries() if e.split(" ")[0] in {"the", "an"}]
    assert not bad, bad[:10]


def test_chinese_side_is_chinese():
    bad = []
    for number, english, chinese in _entries():
        if not chinese or any(not z or z != z.strip() or not CJK.search(z) for z in chinese):
            bad.append((number, english, chinese))
        elif len(set(chinese)) != len(chinese):
            bad.append((number, english, "repeated equivalent"))
    assert not bad, bad[:10]


def test_no_duplicate_english_keys():
    seen, dups = {}, []
    for number, english, _ in _entries():
        if english in seen:
            dups.append((english, seen[english], number))
        seen.setdefault(english, number)
    assert not dups, dups[:10]


def test_no_two_entries_collapse_under_the_stemmer():
    # PhraseTable keeps the first of two entries with the same stemmed key and drops the other silently.
    seen, clashes = {}, []
    for number, english, _ in _entries():
        key = " ".join(stem(w) for w in _WORD.findall(english))
        if key in seen:
            clashes.append((english, seen[key]))
        seen.setdefault(key, english)
    assert not clashes, clashes[:10]


def test_table_is_large():
    assert len(_entries()) >= 1000


def test_comment_headers_group_the_entries():
    headers = [line for line in _lines() if line.startswith("# ") and not line.startswith("# ===")]
    assert len(headers) >= 10


@pytest.mark.parametrize("english, chinese", [
    ("first secretary", "第一书记"),
    ("temporary party organization", "临时党组织"),
    ("temporary party organisation", "临时党组织"),
    ("set up", "成立"),
    ("epidemic prevention", "疫情防控"),
    ("ceremony", "仪式"),
    ("party group", "党组"),
    ("party member", "党员"),
    ("study", "学习"),
    ("quarter", "季"),
    ("how often", "每"),
    ("supervise", "监督"),
    ("integrity", "廉政"),
    ("accountability", "问责"),
    ("one post two duties", "一岗双责"),
    ("three meetings and one lecture", "三会一课"),
    ("two upholds", "两个维护"),
    ("four consciousnesses", "四个意识"),
    ("four confidences", "四个自信"),
    ("theme party day", "主题党日"),
    ("organizational life meeting", "组织生活会"),
    ("democratic appraisal", "民主评议"),
    ("report on duties", "述职"),
    ("party branch", "党支部"),
    ("general branch", "党总支"),
    ("party committee", "党委"),
    ("discipline inspection commission", "纪律检查委员会"),
    ("primary responsibility", "主体责任"),
    ("supervisory responsibility", "监督责任"),
    ("person with primary responsibility", "第一责任人"),
    ("party conduct and clean government", "党风廉政"),
    ("strict governance over the party", "全面从严治党"),
    ("renew the oath", "重温入党誓词"),
    ("political birthday", "政治生日"),
    ("political ceremony", "政治仪式"),
    ("organ", "机关"),
    ("government organ", "机关"),
    ("grassroots", "基层"),
    ("cadre", "干部"),
    ("leading group", "领导班子"),
    ("serve concurrently", "兼任"),
    ("must not", "不得"),
    ("in principle", "原则上"),
    ("monthly", "每月"),
    ("at least", "至少"),
    ("formalism", "形式主义"),
    ("subdistrict", "街道"),
    ("activity room", "活动室"),
    ("take in", "接收"),
    ("exceptional case", "特殊情况"),
    ("government body", "机关"),
    ("day-to-day work", "经常工作"),
    ("lead the way in", "带头"),
    ("distance learning", "远程教育"),
    ("measure against", "对照"),
    ("cover", "适用"),
    ("votes cast", "投票"),
    ("call a conference", "召集"),
])
def test_sample_lookups(table, english, chinese):
    senses = table.lookup(english)
    assert chinese in senses, (english, senses)


def test_first_sense_is_the_common_one(table):
    assert table.lookup("first secretary")[0] == "第一书记"
    assert table.lookup("party group")[0] == "党组"
    assert table.lookup("set up")[:3] == ("成立", "设立", "建立")


def test_agencies_are_the_texts_organs(table):
    # English writers call 机关 "agencies" as often as "organs": the same stem, the same entries and names.
    from kg.lexicon import load_lexicon

    assert stem("agencies") == stem("agency") == stem("organ")
    assert table.lookup("government agencies")[0] == "机关"
    assert table.lookup("public employment service agency") == ("公共就业和人才服务机构",)
    lexicon = load_lexicon()
    assert [m.term.zh for m in lexicon.find_english("What must agency Party committees do?")] == ["机关党委"]
    assert [m.term.zh for m in lexicon.find_english("cadres of government agencies")] == ["干部", "机关"]


def test_the_constitution_beside_laws_is_the_state_one(table):
    # "the Constitution" alone is mostly 党章 here; beside laws and regulations it is 宪法 (宪法法律法规教育).
    assert table.lookup("constitution")[0] == "章程"
    assert table.translate("education on the Constitution, laws and regulations")[-1] == "宪法法律法规"


def test_observing_rules_is_keeping_them(table):
    # "observe discipline" is 遵守纪律; sitting in as an observer (列席) is asked as "sit in" or "attend as …".
    assert table.lookup("observe")[0] == "遵守"
    assert table.translate("educate members about observing discipline")[-1] == "遵守纪律"
    assert table.lookup("sit in") == ("列席",)


def test_leading_bodies_are_the_partys_leading_organs(table):
    # "leading bodies" (党章: 党的各级领导机关) are 领导机关; a unit's leadership team is 领导班子.
    from kg.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert [m.term.zh for m in lexicon.find_english("Are all of the Party's leading bodies elected?")] == ["领导机关"]
    assert [m.term.zh for m in lexicon.find_english("the school's leadership team")] == ["学校", "领导班子"]
    assert table.lookup("leading body")[0] == "领导机关"


def test_inflected_forms_reach_their_entries(table):
    assert table.lookup("temporary party organizations") == table.lookup("temporary party organization")
    assert table.lookup("first secretaries") == table.lookup("first secretary")
    assert table.lookup("ceremonies") == table.lookup("ceremony")
    for form in ("held", "convened", "organized", "assessed", "studied", "meetings", "carried out"):
        assert table.lookup(form), form


def test_translates_questions_of_the_genre(table):
    assert table.translate("Where were temporary party organizations set up during epidemic prevention?")[:2] == [
        "临时党组织", "成立"]
    assert "疫情防控" in table.translate("Where were temporary party organizations set up during epidemic prevention?")
    assert "第一书记" in table.translate("What must a first secretary do?")
    assert table.translate("How often must party group members study party building?") == [
        "每", "必须", "党组成员", "学习", "党建"]
    assert "党组织" in table.translate("Who concurrently serves as deputy secretary of the party organization?")


def test_articles_matter_where_an_entry_has_them_and_are_skipped_elsewhere():
    from kg.translate import PhraseTable

    table = PhraseTable({"a year": ("每年",), "year": ("年",), "govern the party": ("治党",),
                         "governing party": ("执政党",), "keep organizational relationship": ("保留组织关系",)})
    assert table.translate("twice a year") == ["每年"]
    assert table.translate("govern the party") == ["治党"]
    assert table.translate("the governing party") == ["执政党"]
    assert table.translate("who keeps the organizational relationship") == ["保留组织关系"]
    assert table.lookup("keep the organizational relationship") == ("保留组织关系",)


def test_when_where_once_ask_only_before_an_auxiliary():
    from kg.translate import load_phrase_table

    table = load_phrase_table()
    assert "何时" in table.translate("When did the regulation come into force?")
    assert "何时" not in table.translate("When duties are unclear, how do organs react?")
    assert "1次" not in table.translate("Once a file has been created, where is it kept?")
    assert "何时" not in table.translate("Which rules did the school enforce when supervising its team?")


def test_prepositions_are_not_sent_to_the_dictionary(table):
    # a dictionary would make 下面/之下 of "under" and 之间/其中 of "among": words no text answers with
    uncovered = table.uncovered("Under this heading, what did the school get done among its staff?")
    assert "under" not in uncovered and "among" not in uncovered and "get" not in uncovered


@pytest.mark.parametrize("question, chinese", [
    ("Who has to sign off on a new branch secretary?", "批准"),
    ("Who can kick out a member who breaks discipline?", "开除"),
    ("Why do some cadres dodge and pass the buck?", "推拖躲绕"),
    ("Do units each sing their own tune on Party work and business?", "各唱各的调"),
    ("Does a member who skips meetings without good reason get struck off?", "没有正当理由"),
    ("Can the boss make a major decision all on his own?", "重大问题"),
    ("What does the branch base its verdict on?", "根据"),
    ("Who is the watchdog of Party discipline?", "纪律检查委员会"),
    ("Which heading covers this?", "标题"),
    ("Is a member under Party probation allowed to vote?", "留党察看"),
    ("What track record should leading cadres build?", "实绩"),
    ("Must their results stand up to the people's scrutiny?", "经得起"),
    ("What may members never post or pass on?", "传播"),
    ("What are members never allowed to share online?", "不得"),
    ("On whose authority does a prefecture committee lead its area?", "授权"),
    ("Who must be out in front when the going gets tough?", "急难险重"),
    ("What happens to staff who set an outstanding example?", "先进典型"),
    ("Which families of members who died on duty get help?", "因公殉职"),
    ("Does good Party work help a cadre get promoted?", "提拔"),
    ("Which measures does the report list?", "报告"),
    ("How was the meeting prepared?", "筹备"),
    ("On what grounds is a member struck off?", "情形"),
    ("What is the state of ideals-and-beliefs education?", "状况"),
    ("How many times in a row did the district win?", "连续"),
])
def test_everyday_english_reaches_the_texts_words(table, question, chinese):
    assert chinese in table.translate(question), table.translate(question)


def test_the_report_lists_is_no_list_of_items(table):
    # "does the report list" asks what the report names; 清单 (a list kept as a document) would mislead
    assert "清单" not in table.translate("What three lines of action does the report list?")


def test_a_heading_is_not_a_head(table):
    assert stem("heading") != stem("head")
    assert table.lookup("heading")[0] == "标题"


def test_words_that_only_frame_a_question_are_not_sent_to_the_dictionary(table):
    # CC-CEDICT would make 发生 and 事件 of "happens", 就是 of "exactly", 他人 of "else": no text answers with them
    uncovered = table.uncovered("What actually happens to members, and what else exactly is done instead?")
    assert not {"happen", "actually", "else", "exactly", "instead"} & set(uncovered)


def test_ordinals_reach_the_texts_numbering(table):
    assert table.lookup("fourth")[0] == "第四" and "五是" in table.lookup("fifth")
