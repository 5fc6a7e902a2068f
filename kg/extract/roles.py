"""Roles: the role or organization a clause names as its subject, and roles the lexicon does not know.

A role phrase is built from lexicon names, head words (…书记, …委员, …负责人, …干部, …成员, …组长,
…指导员, …党支部, …委员会, …小组) and, at its start, a short nominal modifier (网格, 党建, 农村).
Determiners (各级, 每名, 本单位, 上述, 有的) are skipped and never part of a name. A phrase the
lexicon does not know becomes a discovered term ``found:<label>``, so a new text with a new role
yields that role without editing the lexicon.

>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("PartyBranch", "organization", "党支部"), Term("PartyCell", "organization", "党小组")])
>>> resolve_bearer("党建指导员每月到所联系党支部指导工作", lex)
EntityRef(key='found:党建指导员', label='党建指导员', kind='role')
>>> resolve_bearer("每个党支部应当每月开展1次主题党日", lex).key
'PartyBranch'
>>> resolve_bearer("上述委员应当参加", lex) is None   # 上述 is a determiner; bare 委员 is not in this lexicon
True
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, replace
from functools import lru_cache

from ..facts import EntityRef
from ..lexicon import _BLOCKED_AFTER, Match, Term
from ..normalize import fold

ROLE, ORGANIZATION = "role", "organization"
KINDS = (ROLE, ORGANIZATION)

# Head words that end a role or organization name; longest first so 委员会 wins over 委员.
HEADS = tuple(sorted({
    "副书记": ROLE, "书记": ROLE, "委员": ROLE, "负责人": ROLE, "干部": ROLE, "成员": ROLE, "组长": ROLE,
    "指导员": ROLE, "组织员": ROLE, "讲师": ROLE, "工作人员": ROLE, "工作者": ROLE, "党员": ROLE,
    "委员会": ORGANIZATION, "党支部": ORGANIZATION, "支部": ORGANIZATION, "党委": ORGANIZATION,
    "党组": ORGANIZATION, "党组织": ORGANIZATION, "小组": ORGANIZATION, "工委": ORGANIZATION,
    "总支": ORGANIZATION, "纪委": ORGANIZATION, "组织部": ORGANIZATION, "宣传部": ORGANIZATION,
    "党校": ORGANIZATION, "常委会": ORGANIZATION, "单位": ORGANIZATION,
}.items(), key=lambda kv: -len(kv[0])))

# Words before a name that pick out members of a class; skipped, never part of a label.
DETERMINERS = tuple(sorted((
    "各级", "各单位", "各部门", "各地区", "各", "每名", "每个", "每一名", "每一个", "每位", "全体", "所有", "上述",
    "该", "这些", "此类", "其他", "其余", "其", "有关", "相关", "广大", "任何", "本单位", "本部门", "本级", "本",
    "所在单位", "所在", "原所在", "原", "同级", "所属", "所辖", "部门单位", "党的各级", "党的", "地方各级",
    "新任", "它的", "单位", "有的", "一些", "少数", "个别", "部分", "多数", "大多数",
), key=len, reverse=True))
# Generic places: 机关 and 单位 modify the bodies inside them (机关党建, 单位党组) far more often than they act.
GENERIC_PLACES = ("机关", "单位", "学校")
# What may follow a discovered name in subject position: a modal, frequency or adverb, or a preposition.
_PREDICATE = re.compile(r"(?:应当|应|必须|须|要|可以|可|不得|严禁|禁止|原则上|一般|主要|负责|有权|无权|每|按月|定期|及时|都|也|还|均|全部|全都|一律|分别|普遍"
                        r"|对|在|由|向|从|为|同|与|和|根据|按照|通过|结合|依托|以|要|、)")
_QUANTITY_DET = re.compile(r"[0-9０-９*＊一二两三四五六七八九十百千]+(?:多)?[名个位支批]")

# Words that turn a name into a modifier of something else: 党员教育, 党组织关系, 机关党建.
NOMINAL_CONTINUATIONS = ("关系", "工作", "建设", "生活", "活动", "经费", "阵地", "制度", "职责", "身份", "意识",
                         "作用", "情况", "队伍", "教育", "管理", "党建", "代表", "组织关系", "组成人员", "名额", "任期",
                         "留存", "档案", "思想", "发展", "先锋", "的", "之", "“", "《", "\"")
# A plenary session stands for the body itself: 中央委员会全体会议 is the central committee.
_SESSION = re.compile(r"全体会议")
# Verbs that often stand right before a role as its object; never the start of a new name.
VERBS_BEFORE_ROLES = {"组织", "教育", "联系", "服务", "管理", "监督", "领导", "宣传", "发展", "培养", "选拔", "评议", "引导",
               "督促", "指导", "支持", "帮助", "要求", "配备", "设立", "成立", "召开", "担任", "兼任", "任命", "调整",
               "推动", "加强", "强化", "发挥", "落实", "履行", "明确", "确定", "选派", "建强", "锻造", "抓好", "激发",
               "出国", "流动", "民主", "行使"}
# Modifiers that place a body in the hierarchy (上级纪律检查委员会): known words, not guesses.
_HIERARCHY = ("上级", "下级", "上一级", "下一级", "同级", "本级", "中央", "地方")
_PLACE_CHARS = "村镇乡县市省区校"
_INSTITUTION_ENDS = ("部", "委", "院", "局", "厅", "办", "署")
_NOMINAL_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "j", "b", "s", "f", "zg", "l")
_CONJUNCTIONS = ("以及", "或者", "和", "及", "或", "与", "、")
_MAX_MODIFIER = 6
_BRACKET = re.compile(r"[（(]([^（）()]{1,12})[）)]")
_NOTE = re.compile(r"[（(](?:含|包括|下同|以下简称|简称)[^（）()]*[）)]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_HAN_LIST = re.compile(r"[\u3400-\u9fff、]+")
# Places of one level listed together: 省、自治区、直辖市 / 县（市、区、旗） / 乡镇、街道.
_PLACE_LIST = re.compile(r"(?![在对向由从和与及的各本是为把将被])(?:[\u4e00-\u9fff]{0,2}[省区市县旗乡镇村道]、){1,4}[\u4e00-\u9fff]{0,2}[省区市县旗乡镇村道](?=[\u4e00-\u9fff])")
_OTHER_INSIDE = re.compile(r"(?<=[\u3400-\u9fff])(?:其他|其余)(?=[\u3400-\u9fff])")


@dataclass(frozen=True)
class RoleSpan:
    """A role or organization named in a text: its span (determiners included) and what it refers to."""

    start: int
    end: int
    ref: EntityRef
    surface: str            # the name as written, without determiners
    broader: str = ""       # for a discovered name, the lexicon term it narrows (网格党小组长 → 党小组长)
    modified: bool = False  # begins with a modifier the lexicon does not know (网格, 党建, 农村)


@lru_cache(maxsize=1)
def _jieba_rs():
    """jieba-rs (through ``rjieba``): jieba's own dictionary, word boundaries and tags, in Rust.

    Chosen over ``jieba.posseg`` for the extractors' tag tests (is this word a verb? a noun?): it cuts
    exactly as ``jieba.cut`` does and tags each word from jieba's dictionary, about 70 times faster. Where
    ``jieba.posseg`` guesses a tag for a run of characters no dictionary word covers (a Viterbi pass over a
    tagging model, most of the time it spends), jieba-rs tags the word ``x``; the extractors read fragments
    that consist of dictionary words almost everywhere, so their facts barely change (see
    ``benchmarks/README.md``).
    """
    import rjieba

    return rjieba


@lru_cache(maxsize=4096)
def pos_tags(text: str) -> tuple:
    """jieba's words of ``text`` with their part-of-speech tags from jieba's dictionary, cached.

    >>> pos_tags("党支部书记要履行职责")
    (('党支部', 'j'), ('书记', 'n'), ('要', 'v'), ('履行职责', 'n'))
    """
    return tuple(_jieba_rs().tag(text))


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> frozenset:
    """Word boundaries of ``text`` (jieba's cut), used so a name never starts inside a word."""
    return frozenset(start for _, start, _ in _jieba_rs().tokenize(text)) | {len(text)}


def is_verbal(word_flag) -> bool:
    """True for a jieba word tagged as a verb, verbal noun or idiom."""
    return word_flag[1][:1] == "v" or word_flag[1] in ("i",)


def _by_first_char(words):
    """``{first character: ((word, value), …)}`` keeping the order of ``words`` (longest first)."""
    index = {}
    for word, value in words:
        index.setdefault(word[0], []).append((word, value))
    return {ch: tuple(items) for ch, items in index.items()}


_HEAD_INDEX = _by_first_char(HEADS)
_DETERMINER_INDEX = _by_first_char((d, len(d)) for d in DETERMINERS)
# For 网格党小组 + 长: the heads that cover a character at an offset k ≥ 1, in the order of HEADS then k.
_HEAD_COVERING = {}
for _head, _kind in HEADS:
    for _k in range(1, len(_head)):
        _HEAD_COVERING.setdefault(_head[_k], []).append((_head, _kind, _k))
_QUANTITY_START = frozenset("0123456789０１２３４５６７８９*＊一二两三四五六七八九十百千")
_WINDOW = 40   # a lexicon name is looked for in the next 40 characters, as it always was


class _LexiconIndex:
    """The look-ups of a lexicon's Chinese names at one position of a folded text.

    ``match(text, fold(text), q)`` is what ``lexicon.find(text[q:q + 40], kinds=KINDS)`` gave for a name at
    ``q``: the longest name there (:meth:`kg.lexicon.Lexicon.longest_at`), dropped when a longer word goes
    on after it (委员会) or when it is not a role or an organization, since
    :meth:`kg.lexicon.Lexicon.find` then skips past it.
    """

    def __init__(self, lexicon):
        self.lexicon = lexicon   # held, so the id this index is cached under is never reused
        self.last_chars = lexicon.last_chars()

    def match(self, text, folded, q):
        found = self.lexicon.longest_at(folded, q, q + _WINDOW)
        if found is None:
            return None
        surface, term = found
        end = q + len(surface)
        blocked = _BLOCKED_AFTER.get(surface)
        if blocked and folded.startswith(blocked, end, q + _WINDOW):
            return None
        if term.kind not in KINDS:
            return None
        return Match(0, len(surface), text[q:end], term)


_INDEXES = {}


def _lexicon_index(lexicon):
    entry = _INDEXES.get(id(lexicon))
    if entry is None or entry.lexicon is not lexicon:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        entry = _INDEXES[id(lexicon)] = _LexiconIndex(lexicon)
    return entry


class _Scanner:
    """Lexicon look-ups at each position of one text, and the names read from each position, cached.

    Everything here depends only on the text and the lexicon, so one scanner serves every reading of
    the same text with the same lexicon (see :func:`_scanner`).
    """

    def __init__(self, text, lexicon):
        self.text, self.lexicon, self._terms = text, lexicon, {}
        self._index = _lexicon_index(lexicon) if lexicon_ok(lexicon) else None
        self._folded = fold(text) if self._index is not None else ""
        self._heads, self._roles, self._lists, self._before = {}, {}, {}, {}

    def term_at(self, q):
        try:
            return self._terms[q]
        except KeyError:
            found = self._index.match(self.text, self._folded, q) if self._index is not None else None
            self._terms[q] = found
            return found

    def head_at(self, q):
        try:
            return self._heads[q]
        except KeyError:
            pass
        found = None
        text = self.text
        if q < len(text):
            for head, kind in _HEAD_INDEX.get(text[q], ()):
                if text.startswith(head, q):
                    found = (head, kind)
                    break
        self._heads[q] = found
        return found

    def determiner_at(self, q):
        text = self.text
        if q >= len(text):
            return 0
        ch = text[q]
        if ch in _QUANTITY_START:
            m = _QUANTITY_DET.match(text, q)
            if m:
                return m.end() - q
        for det, n in _DETERMINER_INDEX.get(ch, ()):
            if text.startswith(det, q):
                return n
        return 0


_SCANNERS = {}
_SCANNERS_LOCK = threading.Lock()
_SCANNER_CACHE_SIZE = 4096


def _scanner(text, lexicon):
    """The scanner of ``text`` with ``lexicon``, shared by every reading of the same text.

    The last 4,096 texts keep their scanners (the oldest goes first); a scanner holds its lexicon, so
    the lexicon's id cannot be reused by another one while the scanner is kept.
    """
    key = (text, id(lexicon))
    sc = _SCANNERS.get(key)
    if sc is not None and sc.lexicon is lexicon:
        return sc
    sc = _Scanner(text, lexicon)
    with _SCANNERS_LOCK:   # the explorer reads from several threads
        _SCANNERS[key] = sc
        while len(_SCANNERS) > _SCANNER_CACHE_SIZE:
            del _SCANNERS[next(iter(_SCANNERS))]
    return sc


def lexicon_ok(lexicon) -> bool:
    """True when ``lexicon`` can be searched (a lexicon with at least one term)."""
    return lexicon is not None and len(lexicon) > 0


def _valid_modifier(text, start, end) -> bool:
    """A short nominal modifier of a new name (网格, 党建, 农村), never a verb or a clause."""
    modifier = text[start:end]
    if len(modifier) == 1:
        return modifier in _PLACE_CHARS   # 村党组织书记, 镇党委书记
    if not 2 <= len(modifier) <= _MAX_MODIFIER or "的" in modifier:
        return False
    if not _HAN_RUN.fullmatch(modifier):
        return False
    if start not in _boundaries(text) and start != 0:
        return False
    words = pos_tags(modifier)
    if any(w in VERBS_BEFORE_ROLES or w in DETERMINERS or w in ("中", "里", "内") for w, _ in words):
        return False
    # 民主评议党员 is an activity, 教育部党组 an organization: a verb inside is allowed only in an
    # institution's name (…部, …委, …院).
    if not modifier.endswith(_INSTITUTION_ENDS) and any(w in modifier for w in VERBS_BEFORE_ROLES):
        return False
    if not any(flag.startswith(("n", "j", "b")) for _, flag in words):
        return False   # 以上党支部: a localizer alone does not name anything
    if words[-1][1] == "f" and words[-1][0] not in ("以上", "以下"):
        return False   # 星级靠前支部: a rank or place relative to others (县级以上党委 is a name)
    return all(flag.startswith(_NOMINAL_TAGS) for _, flag in words)


def _scan_core(sc, q, allow_modifier=True):
    """The end of a role name starting at ``q`` (no determiners), its pieces, or ``None``."""
    text = sc.text
    pieces = []
    places = _PLACE_LIST.match(text, q) if allow_modifier and sc.term_at(q) is None else None
    if places and (sc.term_at(places.end()) or sc.head_at(places.end())):
        pieces.append(("modifier", q, places.end(), None))   # 省、自治区、直辖市党委: one level, named by its places
        q = places.end()
    elif sc.term_at(q) is None and allow_modifier:
        for r in range(q + 1, min(len(text), q + _MAX_MODIFIER) + 1):
            if (sc.term_at(r) or sc.head_at(r)) and _valid_modifier(text, q, r):
                pieces.append(("modifier", q, r, None))
                q = r
                break
    while q < len(text):
        term = sc.term_at(q)
        head = sc.head_at(q)
        if term is not None and (head is None or term.end >= len(head) or not pieces):
            if pieces and pieces[-1][0] == "term" and term.term.kind == ORGANIZATION and \
                    text[q:q + 2] in ("领导", "指导", "督促", "监督"):
                break   # 党组（党委）领导机关…: a verb and its object, not one more organization
            pieces.append(("term", q, q + term.end, term.term))
            q += term.end
            continue
        if head is not None and pieces:
            pieces.append(("head", q, q + len(head[0]), head[1]))
            q += len(head[0])
            continue
        if text.startswith(("其他", "其余"), q) and pieces and pieces[-1][0] == "term" and sc.head_at(q + 2):
            head = sc.head_at(q + 2)   # 党组其他成员: the other members of the 党组
            pieces.append(("head", q, q + 2 + len(head[0]), head[1]))
            q += 2 + len(head[0])
            continue
        # A head that starts inside the last name: 网格党小组 + 长 → 网格党小组长.
        if pieces and pieces[-1][0] == "term":
            overlap = _overlapping_head(text, pieces[-1][1], q)
            if overlap:
                pieces.append(("head", q, overlap[0], overlap[1]))
                q = overlap[0]
                continue
        if pieces and text.startswith("全体会议", q):
            pieces.append(("session", q, q + 4, None))
            q += 4
            continue
        bracket = _BRACKET.match(text, q)
        if bracket and pieces and not _NOTE.match(text, q) and _HAN_LIST.fullmatch(bracket.group(1)):
            pieces.append(("bracket", q, bracket.end(), None))
            q = bracket.end()
            continue
        break
    if not any(p[0] in ("term", "head") for p in pieces):
        return None
    if pieces[0][0] == "head":
        return None   # 委员会成员: a bare head word names no one in particular
    if pieces[0][0] == "modifier" and len(pieces) == 1:
        return None
    return q, pieces


def _overlapping_head(text, term_start, q):
    """A head word that starts after ``term_start`` and before ``q`` and goes on past ``q``."""
    if q >= len(text):
        return None
    for head, kind, k in _HEAD_COVERING.get(text[q], ()):   # heads with text[q] at k ≥ 1, in HEADS order
        s = q - k
        if s > term_start and text.startswith(head, s):
            return s + len(head), kind
    return None


def _kind_of(pieces):
    for p in reversed(pieces):
        if p[0] == "term":
            return p[3].kind
        if p[0] == "head":
            return p[3]
    return ORGANIZATION


def _resolve(text, core_start, end, pieces, lexicon, sc):
    """The reference of the name ``text[core_start:end]``: a lexicon term, else a discovered one."""
    surface = text[core_start:end]
    name = surface[:-4] if surface.endswith("全体会议") else surface
    name = _OTHER_INSIDE.sub("", name)
    if lexicon_ok(lexicon):
        for candidate in (name, _BRACKET.sub("", name)):
            term = lexicon.lookup(candidate)
            if term is not None and term.kind in KINDS:
                return RoleSpan(core_start, end, term.ref, surface)
    broader = ""
    first = 1
    if pieces[0][0] == "modifier" and "、" in text[pieces[0][1]:pieces[0][2]]:
        first = max(1, pieces[0][2] - core_start)   # 省、自治区、直辖市党委 narrows 党委, not 市党委
    if lexicon_ok(lexicon):   # the longest known name the new one ends with: 网格党小组长 → 党小组长
        for i in range(first, len(name) - 1):
            tail = name[i:]
            term = lexicon.lookup(tail) or lexicon.lookup(_BRACKET.sub("", tail))
            if term is not None and term.kind == _kind_of(pieces):
                broader = term.key
                break
    label = name
    modified = pieces[0][0] == "modifier" and text[pieces[0][1]:pieces[0][2]] not in _HIERARCHY
    return RoleSpan(core_start, end, EntityRef("found:" + label, label, _kind_of(pieces)), surface, broader, modified)


def scan_role(text, start, lexicon, allow_modifier=True):
    """The role name starting at ``start`` in ``text`` (after any determiners), or ``None``.

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("PartyCell", "organization", "党小组", alt_zh=("网格党小组",)),
    ...                Term("PartyCellLeader", "role", "党小组组长", alt_zh=("党小组长",))])
    >>> span = scan_role("网格党小组长每周走访", 0, lex)
    >>> span.ref.label, span.ref.kind, span.broader
    ('网格党小组长', 'role', 'PartyCellLeader')
    """
    sc = _scanner(text, lexicon)
    return _scan_role(sc, start, allow_modifier)


def _scan_role(sc, start, allow_modifier=True):
    """Try the name as written, then without each leading determiner; a lexicon name wins."""
    key = (start, allow_modifier)
    try:
        return sc._roles[key]
    except KeyError:
        found = sc._roles[key] = _scan_role_uncached(sc, start, allow_modifier)
        return found


def _scan_role_uncached(sc, start, allow_modifier):
    q, first_found = start, None
    for _ in range(5):
        found = _scan_core(sc, q, allow_modifier)
        if found is not None:
            span = _resolve(sc.text, q, found[0], found[1], sc.lexicon, sc)
            span = replace(span, start=start)
            if not span.ref.key.startswith("found:"):
                return span
            first_found = span   # determiners are never part of a name: keep the deepest
        n = sc.determiner_at(q)
        if not n:
            break
        q += n
    return first_found


def skip_note(text, q):
    m = _NOTE.match(text, q)
    return m.end() if m else q


def roles_at(text, start, lexicon, strict=True):
    """The role names starting at ``start``, several when joined by 和/及/或者/、: [] if none.

    With ``strict`` the list must end where a predicate may begin (not before 的, “, 工作 …).

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("BranchSecretary", "role", "支部书记"), Term("CommitteeMember", "role", "委员")])
    >>> [r.ref.label for r in roles_at("支部书记和委员每年参加集中培训", 0, lex)]
    ['支部书记', '委员']
    >>> roles_at("支部书记的职责", 0, lex)
    []
    """
    sc = _scanner(text, lexicon)
    return _roles_at(sc, start, strict)


def _roles_at(sc, start, strict=True):
    key = (start, strict)
    spans = sc._lists.get(key)
    if spans is None:
        spans = sc._lists[key] = _roles_at_uncached(sc, start, strict)
    return list(spans)


def _place_list_spans(sc, start):
    """市、县党委 → 市委 and 县委: each listed place with the name after the list, when the lexicon knows
    it (市党委, or 省级党委 for 省). Places the lexicon does not pair with the name (自治区、直辖市 after
    省) are the same level as the one before them. ``[]`` when the list is not followed by a name or no
    place pairs with it (the whole is then one new name)."""
    places = _PLACE_LIST.match(sc.text, start)
    if places is None or not lexicon_ok(sc.lexicon):
        return []
    tail = _scan_role(sc, places.end(), allow_modifier=False)
    if tail is None or tail.start != places.end():
        return []
    spans = []
    for place in places.group().split("、"):
        for name in (place + tail.surface, place + "级" + tail.surface):
            term = sc.lexicon.lookup(name)
            if term is not None and term.kind == tail.ref.kind:
                if all(s.ref.key != term.key for s in spans):
                    spans.append(RoleSpan(start, tail.end, term.ref, name))
                break
    return spans


def _roles_at_uncached(sc, start, strict):
    text = sc.text
    spans = _place_list_spans(sc, start)
    first = spans[-1] if spans else _scan_role(sc, start)
    if first is None:
        return []
    spans = spans or [first]
    q = skip_note(text, first.end)
    while True:
        joined = None
        for conj in _CONJUNCTIONS:
            if text.startswith(conj, q):
                listed = _place_list_spans(sc, q + len(conj))
                if listed:
                    spans.extend(listed[:-1])
                nxt = listed[-1] if listed else _scan_role(sc, q + len(conj))
                if nxt is not None:
                    joined = nxt
                break
        if joined is None and text.startswith("各", q):
            nxt = _scan_role(sc, q)
            joined = nxt if nxt is not None and nxt.start == q else None
        if joined is None:
            break
        spans.append(joined)
        q = skip_note(text, joined.end)
    spans = [_distribute_back(sc, s, spans[-1]) for s in spans[:-1]] + spans[-1:]
    if strict and (not _free_after(text, q) or text.startswith(_CONJUNCTIONS, q)):
        return []   # …的书记 / 甲、乙、中央和国家机关工委…: the list goes on past what could be read
    if strict and any(s.modified for s in spans) and not _PREDICATE.match(text, q):
        return []   # 拓宽党员表达…, 全面提高机关党的…: a verb phrase, not a new name
    if strict and any(s.surface in GENERIC_PLACES or (s.modified and s.surface.endswith(GENERIC_PLACES))
                      for s in spans):
        return []   # 机关不设…的总支部委员会, 模范机关: a place, not who acts
    return spans


def _distribute_back(sc, left, right):
    """机关和直属单位党组织: the bare 机关 shares the head of the next name (机关党组织)."""
    lexicon = sc.lexicon
    if not lexicon_ok(lexicon) or left.ref.kind != ORGANIZATION:
        return left
    for head, _ in HEADS:
        if right.surface.endswith(head) and not left.surface.endswith(head):
            term = lexicon.lookup(left.surface + head)
            if term is not None:
                return RoleSpan(left.start, left.end, term.ref, left.surface + head)
    return left


def _free_after(text, q) -> bool:
    """True when a predicate may start at ``q``: not inside a longer noun phrase."""
    rest = text[q:]
    if not rest:
        return False
    return not any(rest.startswith(w) for w in NOMINAL_CONTINUATIONS)


def find_subject(text, lexicon, strict=True):
    """The role names a clause opens with, as :class:`RoleSpan` (several when joined), else ``[]``.

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("PartyGroupMember", "role", "党组成员"), Term("PartyBranch", "organization", "党支部")])
    >>> [(s.surface, s.start, s.end) for s in find_subject("党组成员联系*个党支部", lex)]
    [('党组成员', 0, 4)]
    >>> find_subject("组织党员深入学习", lex)
    []
    """
    return roles_at(text, 0, lexicon, strict)


def resolve_bearer(text, lexicon):
    """The reference of the role a clause opens with, or ``None`` (see :func:`find_subject`)."""
    spans = find_subject(text, lexicon)
    return spans[0].ref if spans else None


def role_before(text, end, lexicon):
    """The role names that end exactly at ``end`` (joined ones included, left to right), else ``[]``.

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("AdministrativeHead", "role", "行政负责人")])
    >>> [(s.surface, s.start) for s in role_before("明确有专职党组织书记部门的行政负责人原则上", 18, lex)]
    [('行政负责人', 13)]
    """
    sc = _scanner(text, lexicon)
    return _role_before(sc, end)


def _role_before(sc, end):
    spans = sc._before.get(end)
    if spans is None:
        spans = sc._before[end] = _role_before_uncached(sc, end)
    return list(spans)


# The last character of every piece a name can end with, besides the lexicon's names: head words, a
# bracket (党组（党委）), a session (全体会议).
_PIECE_LAST_CHARS = frozenset(head[-1] for head, _ in HEADS) | frozenset("）)议")


def _may_end_name(sc, end) -> bool:
    """False when no name can end at ``end``: its last character ends no lexicon name, head or bracket."""
    if sc.text[end - 1] in _PIECE_LAST_CHARS:
        return True
    return sc._index is not None and sc._folded[end - 1] in sc._index.last_chars


def _role_before_uncached(sc, end):
    text = sc.text
    if end <= 0 or not _may_end_name(sc, end):
        return []
    best = None
    for s in range(max(0, end - 24), end):
        if s and s not in _boundaries(text) and sc.term_at(s) is None:
            continue
        span = _scan_role(sc, s)
        if span is not None and span.end == end:
            best = span
            break
    if best is None:
        return []
    listed = _place_list_spans(sc, best.start) if "、" in best.surface else []
    spans = listed if listed and listed[-1].end == end else [best]
    q = best.start
    while True:
        for conj in _CONJUNCTIONS:
            if text.endswith(conj, 0, q):
                prev = _role_before(sc, q - len(conj))
                if prev:
                    spans[:0] = [_distribute_back(sc, prev[-1], spans[0])]
                    q = prev[-1].start
                    break
        else:
            break
    return spans


def roles_in(text, lexicon):
    """Every role or organization named in ``text``, left to right, without overlaps.

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("PartyBranch", "organization", "党支部"), Term("PartyMember", "role", "党员")])
    >>> [r.surface for r in roles_in("激发党支部战斗堡垒作用和党员先锋模范作用", lex)]
    ['党支部', '党员']
    """
    sc = _scanner(text, lexicon)
    spans, q = [], 0
    while q < len(text):
        span = _scan_role(sc, q, allow_modifier=False) if sc.term_at(q) or sc.determiner_at(q) else None
        if span is not None and span.end > q:
            spans.append(span)
            q = span.end
        else:
            q += 1
    return spans


def discover_terms(documents, lexicon) -> list:
    """Roles and organizations the texts use as bearers or subjects and the lexicon does not know.

    Each is a :class:`kg.lexicon.Term` with key ``found:<label>`` and ``discovered=True``, found as the
    subject of at least one clause (the duty, post and problem extractors use the same rules).

    >>> from kg.document import parse_document
    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("PartyBranch", "organization", "党支部")])
    >>> doc = parse_document("三、对策措施\\n（一）配强力量。党建指导员每月到所联系党支部指导工作。\\n", "demo")
    >>> [(t.key, t.kind, t.discovered) for t in discover_terms([doc], lex)]
    [('found:党建指导员', 'role', True)]
    """
    from .duties import subject_spans

    found = {}
    for doc in documents:
        for span in subject_spans(doc, lexicon):
            if span.ref.key.startswith("found:") and span.ref.key not in found:
                found[span.ref.key] = Term(span.ref.key, span.ref.kind, span.ref.label,
                                           broader=(span.broader,) if span.broader else (), discovered=True)
    return list(found.values())


def strip_determiners(label: str) -> str:
    """A label without leading determiners, folded, for comparing names.

    >>> strip_determiners("本单位党员负责人"), strip_determiners("每名机关党员")
    ('党员负责人', '机关党员')
    """
    text = fold(label.strip())
    changed = True
    while changed:
        changed = False
        m = _QUANTITY_DET.match(text)
        if m and m.end() < len(text):
            text, changed = text[m.end():], True
        for det in DETERMINERS:
            if text.startswith(det) and len(text) > len(det) + 1:
                text, changed = text[len(det):], True
                break
    return text
