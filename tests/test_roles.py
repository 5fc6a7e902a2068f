"""Roles: bearers, variant spellings, determiners, and roles discovered without editing the lexicon."""

import os
from pathlib import Path

import pytest

from kg.document import parse_document
from kg.extract import discover_terms, extract_duties
from kg.extract.roles import find_subject, resolve_bearer, role_before, roles_in, strip_determiners
from kg.lexicon import Lexicon, Term, load_lexicon
from kg.reading import read_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


# ------------------------------------------------------------------ variant spellings and determiners


@pytest.mark.parametrize("text, key", [
    ("党委（组）书记担任机关党组织第一书记", "PartyCommitteeOrGroupSecretary"),
    ("党委(组)书记担任机关党组织第一书记", "PartyCommitteeOrGroupSecretary"),
    ("党组(党委)书记担任机关党组织第一书记", "PartyCommitteeOrGroupSecretary"),
    ("黨組（黨委）書記擔任", "PartyCommitteeOrGroupSecretary"),
    ("支部书记每季度讲1次党课", "BranchSecretary"),
    ("党支部书记每季度讲1次党课", "BranchSecretary"),
    ("每名机关党员每年至少认领*个“微心愿”", "OrganPartyMemberCadre"),
    ("各级党委（党组）要切实履行全面从严治党主体责任", "PartyCommitteeOrGroup"),
    ("新任支部书记应当在任职后3个月内参加岗前培训", "BranchSecretary"),
    ("党组其他成员各联系1个党支部", "PartyGroupMember"),
    ("党的地方各级纪律检查委员会和基层纪律检查委员会在", "DisciplineInspectionCommission"),
])
def test_bearer_variants(lexicon, text, key):
    assert resolve_bearer(text, lexicon).key == key


def test_joined_bearers(lexicon):
    spans = find_subject("书记、副书记在任期内职务变动", lexicon)
    assert [s.ref.key for s in spans] == ["PartyOrganizationSecretary", "DeputySecretary"]
    assert [(s.start, s.end) for s in spans] == [(0, 2), (3, 6)]


@pytest.mark.parametrize("text", [
    "组织党员深入学习党的创新理论",      # a verb and its object
    "大力倡导党员“三亮”",
    "抓好支部书记“领头羊”",
    "党员教育管理是党的建设基础性经常性工作",   # the role modifies a noun
    "党组织关系在党的机关工作委员会的其他单位",
    "拓宽党员表达意见渠道",            # a verb jieba takes for a name
    "全面提高机关党的建设质量",
    "的书记应当",
    "机关不设党的基层委员会的总支部委员会",  # 机关 is a place here, not who acts
])
def test_no_bearer(lexicon, text):
    assert find_subject(text, lexicon) == []


def test_role_before(lexicon):
    text = "明确有专职党组织书记部门的行政负责人原则上兼任党组织副书记"
    spans = role_before(text, text.index("原则上"), lexicon)
    assert [(s.ref.key, s.start, s.end) for s in spans] == [("AdministrativeHead", 13, 18)]


def test_roles_in(lexicon):
    assert [s.ref.key for s in roles_in("激发党支部战斗堡垒作用和党员先锋模范作用", lexicon)] == ["PartyBranch", "PartyMember"]


def test_strip_determiners():
    assert strip_determiners("本单位党员负责人") == "党员负责人"
    assert strip_determiners("*名党组书记") == "党组书记"


# ------------------------------------------------------------------ a new role in a new text, lexicon untouched

NEW_TEXT = """石桥街道党建工作计划
三、工作措施
（一）建强网格。网格党小组长每周至少走访网格内党员和群众1次，每月汇总1次群众诉求报社区党组织。
（二）配强力量。党建指导员每月到所联系党支部指导工作不少于2次，不得代替党支部书记履行职责。楼宇党支部应当每季度开展1次联合主题党日。
"""


def test_new_roles_are_found_without_editing_the_lexicon():
    lexicon = Lexicon([Term("PartyCell", "organization", "党小组", alt_zh=("网格党小组",)),
                       Term("PartyCellLeader", "role", "党小组组长", alt_zh=("党小组长",)),
                       Term("PartyBranch", "organization", "党支部"), Term("PartyMember", "role", "党员"),
                       Term("BranchSecretary", "role", "支部书记", alt_zh=("党支部书记",))])
    doc = parse_document(NEW_TEXT, "new")
    found = {t.key: t for t in discover_terms([doc], lexicon)}
    assert set(found) == {"found:网格党小组长", "found:党建指导员", "found:楼宇党支部"}
    assert found["found:网格党小组长"].kind == "role" and found["found:网格党小组长"].discovered
    assert found["found:网格党小组长"].broader == ("PartyCellLeader",)
    assert found["found:楼宇党支部"].kind == "organization"
    duties = extract_duties(doc, lexicon.with_terms(found.values()))
    by_bearer = {}
    for d in duties:
        by_bearer.setdefault(d.bearer.label, []).append(d)
    assert [d.frequency.period for d in by_bearer["网格党小组长"]] == ["week", "month"]
    assert [d.modality for d in by_bearer["党建指导员"]] == ["obligation", "prohibition"]
    assert by_bearer["楼宇党支部"][0].frequency.describe() == "每季度1次"


def test_junk_is_not_discovered():
    lexicon = Lexicon([Term("CommitteeMember", "role", "委员"), Term("PartyMember", "role", "党员"),
                       Term("PartyOrganizationSecretary", "role", "书记")])
    doc = parse_document("三、对策措施\n（一）抓落实。上述委员应当带头。全面提高党员素质。拓宽党员表达意见渠道。"
                         "民主评议党员可以结合组织生活会进行。\n", "junk")
    assert discover_terms([doc], lexicon) == []


def test_discovery_on_the_real_texts(lexicon):
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the real texts are missing in CI: {CORPUS}")
        pytest.skip(f"real texts not found at {CORPUS} (they live outside the repository)")
    docs = [parse_document(read_file(p).text, p.stem) for p in sorted(CORPUS.glob("*.txt"))]
    labels = {t.zh for t in discover_terms(docs, lexicon)}
    assert {"教育部党组", "中央宣传部", "机关基层党组织专职副书记", "纪律检查组组长"} <= labels
    assert not labels & {"全面提高机关", "拓宽党员", "报上级党组织", "民主评议党员", "模范机关", "领导机关工会"}


# ------------------------------------------------------------------ the index-based scanner reads as the walk did

SAMPLES = Path(__file__).resolve().parents[1] / "corpus"
TRICKY = ("党委会和委员会的委员，书记处书记", "黨組（黨委）書記和党委(组)书记", "中央委员会全体会议", "网格党小组长每周走访",
          "每名机关党员、3名党员、各级党委（党组）", "“三会一课”制度和主题党日", "")


def _sample_lines():
    lines = [line for p in sorted(SAMPLES.glob("*.txt")) for line in read_file(p).text.splitlines() if line.strip()]
    return lines + list(TRICKY)


def _term_at_walk(text, q, lexicon):
    """How a name at ``q`` was found before the index: the lexicon's matcher over the next 40 characters."""
    for m in lexicon.find(text[q:q + 40], kinds=("role", "organization")):
        return m if m.start == 0 else None
    return None


def test_scanner_positions_match_the_character_walk(lexicon):
    from kg.extract.roles import DETERMINERS, HEADS, _QUANTITY_DET, _Scanner

    small = Lexicon([Term("PartyCommittee", "organization", "党委"), Term("Member", "role", "委员"),
                     Term("ThreeMeetings", "mechanism", "三会一课"), Term("Secretary", "role", "书记")])
    for lex in (lexicon, small):
        for text in _sample_lines():
            sc = _Scanner(text, lex)
            for q in range(len(text) + 2):
                assert sc.term_at(q) == _term_at_walk(text, q, lex), (text, q)
                head = next(((h, k) for h, k in HEADS if text.startswith(h, q)), None)
                assert sc.head_at(q) == head, (text, q)
                m = _QUANTITY_DET.match(text, q)
                det = m.end() - q if m else next((len(d) for d in DETERMINERS if text.startswith(d, q)), 0)
                assert sc.determiner_at(q) == det, (text, q)


def test_pos_tags_are_jieba_s_words_with_dictionary_tags():
    import jieba
    import jieba.posseg

    from kg.extract.roles import pos_tags

    tags = jieba.posseg.dt.word_tag_tab
    for text in _sample_lines()[:200]:
        for piece in (text, text[3:17], text[len(text) // 2:]):
            words = pos_tags(piece)
            assert [w for w, _ in words] == jieba.lcut(piece), piece
            for word, flag in words:
                assert flag == tags.get(word, flag), (piece, word, flag)


def test_cached_scans_keep_lexicons_apart():
    text = "网格党小组长每周走访"
    plain = Lexicon([Term("PartyCell", "organization", "党小组")])
    leader = Lexicon([Term("PartyCell", "organization", "党小组"), Term("CellLeader", "role", "网格党小组长")])
    for _ in range(2):
        assert resolve_bearer(text, plain).key == "found:网格党小组长"
        assert resolve_bearer(text, leader).key == "CellLeader"
        assert resolve_bearer(text, None) is None


def test_places_listed_before_a_name_share_it():
    lex = load_lexicon()
    spans = find_subject("市、县党委或者基层党委每年应当组织党员集中轮训", lex)
    assert [s.ref.key for s in spans] == ["MunicipalPartyCommittee", "CountyPartyCommittee", "PrimaryPartyCommittee"]
    # places the lexicon does not pair with the name are the level of the one before them
    assert [s.ref.key for s in find_subject("省、自治区、直辖市党委应当建立党员教育管理工作协调机构", lex)] == [
        "ProvincialPartyCommittee"]
    # a preposition does not start a list of places
    assert find_subject("在村、社区党组织中开展活动", lex) == []


def test_trie_pattern_finds_what_the_longest_first_alternation_finds():
    """The lexicon's merged-prefix pattern is only faster: on random word sets over a small alphabet (so
    that words share beginnings and overlap in the text) it finds the same spans as one alternation of
    the words sorted longest first."""
    import random
    import re

    from kg.lexicon import trie_pattern

    rng = random.Random(7)
    alphabet = "党委员会支部书记组长"
    for _ in range(2000):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))}
        text = "".join(rng.choice(alphabet) for _ in range(60))
        plain = re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))
        merged = re.compile(trie_pattern(words))
        assert [m.span() for m in merged.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(0, 60, 7):
            a, b = plain.match(text, pos, pos + 8), merged.match(text, pos, pos + 8)
            assert (a and a.group()) == (b and b.group())
