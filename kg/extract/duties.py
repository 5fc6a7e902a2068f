"""Duties: who must, must not, may or by default does do what, how often and under which condition.

A sentence is cut into clauses at ，and ；(never inside brackets or quotes); adverbial and condition
clauses (按照…要求，/ …的，/ …时，) are joined to the clause they introduce, purpose clauses
(使…/确保…) to the one before. Each clause unit gets a bearer — named at its start, before its modal
word, after 由, in a topic clause, or carried from the clause before where the text drops it — a
modality, and the action that remains. The part of the document decides what a clause is: in a
measures part a prescription is a duty even without a modal word, in a practice part it is a reported
practice, in a regulation it needs a modal word, a named bearer, a frequency or a duty list's lead.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("PartyGroupMember", "role", "党组成员"), Term("PartyBranch", "organization", "党支部")])
>>> doc = parse_document("三、对策措施\\n（一）压实责任。党组成员联系*个党支部，每季专题研究*次党建工作。\\n", "demo")
>>> [(d.bearer.label, d.action, d.modality, d.frequency and d.frequency.describe()) for d in extract_duties(doc, lex)]
[('党组成员', '联系*个党支部', 'obligation', None), ('党组成员', '每季专题研究*次党建工作', 'obligation', '每季度*次（数字已隐去）')]
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

from ..document import MEASURE, PRACTICE, PROBLEM, RULE
from ..facts import DEFAULT, OBLIGATION, PERMISSION, PROHIBITION, Duty, EntityRef, Frequency
from ..numerals import chinese_to_int
from .mentions import sentence_evidence
from .roles import (GENERIC_PLACES, VERBS_BEFORE_ROLES, RoleSpan, find_subject, is_verbal, pos_tags, role_before,
                    roles_at, skip_note)

# ---------------------------------------------------------------- clauses

_OPEN, _CLOSE = "（(“《「『【‘", "）)”》」』】’"
_SEPARATORS = "，,；;"
_END = "。！？!?；;，, \u3000"


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence: ``[start, end)`` in the document, and its ；-segment number."""

    start: int
    end: int
    seg: int


def split_clauses(text: str, offset: int = 0) -> list:
    """Clauses of ``text`` cut at ，and ；outside brackets and quotes, as :class:`Clause` spans.

    >>> [(c.start, c.end, c.seg) for c in split_clauses("建立“一书两单三会议”（责任书，清单），使其统一；落实。")]
    [(0, 19, 0), (20, 24, 0), (25, 27, 1)]
    """
    return list(_split_clauses(text, offset))


# The characters that matter to clause splitting: only these are looked at, not every character.
_CLAUSE_MARKS = re.compile("[" + re.escape(_OPEN + _CLOSE + '"' + _SEPARATORS) + "]")


@lru_cache(maxsize=4096)
def _split_clauses(text, offset):
    clauses, depth, start, seg, straight = [], 0, 0, 0, False
    for m in _CLAUSE_MARKS.finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
        elif depth == 0 and not straight:
            i = m.start()
            _add_clause(clauses, text, start, i, seg, offset)
            start = i + 1
            if ch in "；;":
                seg += 1
    _add_clause(clauses, text, start, len(text), seg, offset)
    return tuple(clauses)


def _add_clause(clauses, text, start, end, seg, offset):
    while end > start and text[end - 1] in _END:
        end -= 1
    while start < end and text[start] in " \u3000":
        start += 1
    if end > start:
        clauses.append(Clause(offset + start, offset + end, seg))


# ---------------------------------------------------------------- words

_MODALS = (
    # (pattern, modality, strip from the action)
    (r"不得(?!少于|低于|不)", PROHIBITION, True), (r"严禁", PROHIBITION, True), (r"禁止", PROHIBITION, True),
    (r"不准", PROHIBITION, True), (r"不允许", PROHIBITION, True), (r"无权", PROHIBITION, True),
    (r"杜绝", PROHIBITION, False),
    (r"原则上", DEFAULT, True),
    (r"必须", OBLIGATION, True), (r"应当", OBLIGATION, True), (r"应该", OBLIGATION, True), (r"务必", OBLIGATION, True),
    (r"(?<![相响适反对供效回呼感报答])应(?![急用对届选景征有验答运变考聘收付邀诉援酬接])", OBLIGATION, True),
    (r"(?<![重主需只首提紧纲摘简概扼想必])要(?![求点素害件闻务领塞职目义旨紧道冲么不])", OBLIGATION, True),
    (r"(?<![必])须(?!知)", OBLIGATION, True),
    (r"可以", PERMISSION, True), (r"有权", PERMISSION, True),
    (r"(?<![认许不宁])可(?!以|复制|推广|能|靠|行|信|持续|观|见|贵|爱|怕|比|否|喜|口|疑|惜|耻|谓)", PERMISSION, True),
    (r"(?<![对向])负责(?![人任])", OBLIGATION, False),
    (r"严格落实|认真履行|认真落实|切实履行|严格执行", OBLIGATION, False),
)
# Modal words that count only right after the bearer (党要管党 is a slogan, 对上负责 a noun phrase), and
# verbs that mark an obligation but do not by themselves make a regulation's clause a duty.
_PREDICATE_ONLY = {"应", "要", "须", "可", "负责"}
_WEAK = {"严格落实", "认真履行", "认真落实", "切实履行", "严格执行", "杜绝"}
_MODAL_RE = re.compile("|".join(f"(?P<m{i}>{p})" for i, (p, _, _) in enumerate(_MODALS)))
_GENERALLY = re.compile(r"一般(?!性|号召|化|的|为|不)")
# What may stand between a bearer and its modal word.
_ADVERBS = re.compile(r"(?:也|都|均|还|仍|仍然|并|并且|同时|必要时|主要|首先|一般|定期|及时|每[年月季周天日届]度?"
                      r"|每半年|每季度|按月|至少|切实|坚决|分别|一律|统一|原则上)*")
_BARE_NOT = re.compile(r"不(?!断|仅|但|同|少|够|足|一|再|久|论|管|论|是|得)")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|首先|其次|再次|最后|此外)(?:[，,：:])?")
_SLOGAN = re.compile(r"^[“\"][^”\"]{1,3}[”\"]字")
_PURPOSE = ("使", "让", "确保", "从而", "进而", "以便", "以免", "直到")
_ADVERBIAL_LEADS = ("通过", "利用", "按照", "依照", "遵照", "根据", "本着", "依托", "围绕", "结合", "经", "因", "随着", "鉴于", "凡是",
                    "凡", "如果", "如", "若", "为了", "对照")
_ALWAYS_FORWARD = ("根据", "依照", "遵照", "本着", "经", "因", "随着", "鉴于", "凡是", "凡", "如果", "如", "若", "为了")
_OBJECT_ENDS = ("要求", "标准", "原则", "规定", "部署", "需要", "精神", "方案", "意见", "程序", "方式", "实际", "情况",
                "条件", "权限", "授权", "指示", "决定", "安排", "目标", "任务", "时机")
_LOCALIZERS = ("上", "下", "中", "里", "内", "时", "前", "后", "方面", "期间", "过程中", "时候", "地方", "之际")
# What completes a 把-phrase (把A纳入B, 把A摆在首位, 把A做得更好); without one it only introduces the next clause.
_BA_COMPLEMENT = r"[在到入为成变当给作得]|起来|一致"
_CONDITION_ENDS = ("的", "时", "时候", "之前", "之后", "期间", "之际")
_PIVOTS = ("教育引导", "引导和帮助", "引导和监督", "鼓励和引导", "组织引导", "引导", "组织", "教育", "督促", "帮助",
           "鼓励", "要求", "动员", "引领", "带动", "支持", "监督")
_STRUCTURAL = re.compile(r"^(?:设立|设(?!置|计|施)|成立|实行|作为|为(?=[0-9一二三四五六七八九十*]))")
_STATEMENT = re.compile(r"^(?:是|系|即|乃)|^(?:每届)?任期(?!届满|内)|的就是"
                        r"|最[^，；]{0,6}的是")
_CHAIN_ONLY = re.compile(r"^(?:在.{1,80}领导下(?:进行工作)?|受.{1,40}领导)$")
_LEAD_WORDS = r"(?:主要|基本)?(?:职责|任务|职权|义务|权利)"
_INLINE_LEAD = re.compile(rf"^(?P<x>.+?)的{_LEAD_WORDS}(?:主要)?(?:是|为|包括|有)?[：:]")
_TOPIC_LEAD = re.compile(rf"^(?P<x>.+?)的{_LEAD_WORDS}(?:是(?P<rest>.*))?$")
_LEAD_TAIL = re.compile(r"^(?:主要)?(?:是|为|包括)[：:]?")
_SENTENCE_LEAD = re.compile(
    rf"^(?P<x>.*?)(?:(?:的{_LEAD_WORDS}(?:[^：:]*)?)|(?:(?:必须|应当|应)?(?:履行|享有|承担|具有)?(?:下列|以下|如下)的?"
    rf"(?:职责|义务|权利|任务)))[：:]$")
_NEGATION_START = re.compile(r"^(?:没有|没|未|不)")

PERIODS = (("每半年", "halfyear"), ("每季度", "quarter"), ("每季", "quarter"), ("每年度", "year"), ("每年", "year"),
           ("每月", "month"), ("按月", "month"), ("每周", "week"), ("每星期", "week"), ("每天", "day"),
           ("每日", "day"), ("每届", "term"), ("月度", "month"), ("季度", "quarter"), ("年度", "year"))
_PERIOD_RE = re.compile(r"每(?:半年|季度|季|年度|年|月|周|星期|天|日|届|[0-9一二两三四五六七八九十]+(?:个)?(?:年|月|周|天))"
                        r"|按月"
                        # 月度检查 / 季度分析: a period as an adjective of a recurring activity (年度 is left out: 年度计划 plans a year)
                        r"|(?<![0-9０-９一二三四五六七八九十〇零每])(?:月度|季度)"
                        r"(?=[^，；。]{0,10}?(?:检查|考核|分析|例会|会议|通报|评议|研判|总结|述职|考评|评价|报告))")
_COUNT_RE = re.compile(r"(?P<min>至少|不少于|不得少于|不低于|最少)?(?P<n>[0-9]+|[一二两三四五六七八九十百]+|\*+)"
                       r"(?P<unit>次|回|个|项|名|件|份|堂|户)")
_QUANTITY_RE = re.compile(r"按[^，；。]{0,12}?比例|[0-9*]+%?(?:-|—|～|~|至|到)[0-9*]+%"
                          r"|(?:至少|不少于|不得少于|不低于|不超过|不得超过|最多)[^，；。]{0,8}?"
                          r"(?:[0-9]+|[一二两三四五六七八九十百]+|\*+)(?:个|名|次|项|件|份|堂|户|学时|元|人|年|%)"
                          r"|(?<![0-9])(?:[0-9]+|\*+)(?:个|名)(?!月)")


@lru_cache(maxsize=16384)
def find_modal(text: str):
    """The first modal word of ``text`` outside quotes and brackets: ``(start, end, modality, strip)``.

    >>> find_modal("党员应当按期交纳党费")
    (2, 4, 'obligation', True)
    >>> find_modal("主要负责人要求") is None
    True
    """
    depth = 0
    masked = []
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
            masked.append("　")
            continue
        masked.append("　" if depth else ch)
    plain = "".join(masked)
    for m in _MODAL_RE.finditer(plain):
        index = int(m.lastgroup[1:])
        if m.group() == "负责" and plain.startswith("负责人", m.start()):
            continue
        return m.start(), m.end(), _MODALS[index][1], _MODALS[index][2]
    g = _GENERALLY.search(plain)
    if g:
        return g.start(), g.end(), DEFAULT, True
    return None


def find_frequency(text: str):
    """The frequency a clause states (每月, 每季度 … and the count after it), or ``None``.

    >>> find_frequency("每季专题研究*次党建工作")
    Frequency(period='quarter', count=None, masked=True, text='每季专题研究*次')
    >>> find_frequency("每年至少召开1次机关党员干部大会").count
    1
    >>> find_frequency("每届中央委员会产生的中央领导机构") is None
    True
    """
    if "每" not in text and "按月" not in text and "度" not in text:
        return None   # what every period names (the search below tries each character against every form)
    for m in _PERIOD_RE.finditer(text):
        word = m.group()
        rest = text[m.end():]
        if word == "每届" and (rest.startswith("任期") or find_subject(rest, None, strict=False)):
            continue
        if word == "每届" and re.match(r"[\u3400-\u9fff]{0,4}(?:委员会|代表大会)", rest):
            continue
        period = dict(PERIODS).get(word, "")
        count_match = _COUNT_RE.search(text, m.end())
        count, masked, stop = None, False, m.end()
        if count_match and not re.search(r"[，；。]", text[m.end():count_match.start()]):
            n = count_match.group("n")
            masked = n.startswith("*")
            count = None if masked else chinese_to_int(n)
            stop = count_match.end()
        return Frequency(period, count, masked, text[m.start():stop])
    return None


def find_quantity(text: str) -> str:
    """A quantity a clause states (至少*个, 按*-*%比例, 1%至2%), or ``""``.

    >>> find_quantity("按*-*%比例配专职党务干部"), find_quantity("每年至少认领*个“微心愿”")
    ('按*-*%比例', '至少认领*个')
    """
    m = _QUANTITY_RE.search(text)
    return m.group() if m else ""


# ---------------------------------------------------------------- units


@dataclass
class Unit:
    """A clause with the adverbial, condition and purpose clauses joined to it (absolute offsets)."""

    start: int
    body: int
    end: int
    seg: int
    conditions: list = field(default_factory=list)
    adverbials: list = field(default_factory=list)  # (start, end) of 按照…要求，/ 把…精神， before the clause
    topic: list = field(default_factory=list)   # bearers a topic clause (…的党支部，) hands on
    topic_condition: str = ""
    topic_modal: str = None


def _strip_ordinal(text, start):
    m = _ORDINAL.match(text[start:])
    if not m:
        return start
    word = m.group()
    return start + (len(word) - 1 if word.rstrip("，,：:").endswith("要") and "，" not in word else len(word))


def _words(text):
    return pos_tags(text) if text else ()


def _has_verb(text) -> bool:
    return any(flag.startswith("v") and flag != "vn" for _, flag in _words(text))


def _is_forward(text) -> bool:
    """An adverbial clause that only introduces the next one (按照…要求，/ 把…精神，/ 在…中，)."""
    modal = find_modal(text)
    if modal is not None and text[modal[0]:modal[1]] not in _PREDICATE_ONLY | _WEAK:
        return False
    for lead in _ADVERBIAL_LEADS if text.startswith(_ADVERBIAL_LEADS) else ():
        if text.startswith(lead) and not (lead == "针对" and text.startswith("针对性")):
            rest = text[len(lead):]
            if lead in _ALWAYS_FORWARD or rest.endswith(_OBJECT_ENDS) or not _has_verb(rest):
                return True
    if text.startswith("针对") and not text.startswith("针对性") and not _has_verb(text[2:]):
        return True
    if text.startswith("在") and text.endswith(_LOCALIZERS) and not text.endswith(("作表率", "走在前")):
        return True
    if text.startswith(("把", "将")) and not re.search(_BA_COMPLEMENT, text):
        return True
    if text.startswith("对") and not text.startswith(("对照", "对标", "对接")) and (
            text.endswith("的") or re.search(r"的[\u3400-\u9fff]{0,10}(?:党员|党组织|干部|人员)$", text)):
        return True
    if text.startswith("以") and ("为" in text[1:] or not _has_verb(text[1:])):
        return True
    return False


def _is_condition(text) -> bool:
    if len(text) < 3 or text.endswith(("走在前", "在前")):
        return False
    if text.endswith(_CONDITION_ENDS):
        return True
    return text.endswith(("前", "后")) and len(text) > 4 and not text.endswith(("以后", "然后", "今后", "前后"))


def _opens_with_object_clause(texts, i):
    """对…的党员，: a 对-phrase that runs over several clauses until one ends with 的 or 的+name."""
    if not texts[i].startswith("对") or texts[i].startswith(("对照", "对标", "对接", "对于")):
        return 0
    for j in range(i, min(len(texts) - 1, i + 6)):
        t = texts[j]
        if t.endswith("的") or (re.search(r"的[\u3400-\u9fff]{1,8}$", t) and not _has_verb(t[t.rfind("的"):])):
            return j - i + 1
        if j > i and t.startswith(("应当", "必须", "要")):
            return 0
    return 0


def _topic(text, lexicon):
    """A clause that only names the bearer of the next one (正式党员不足7人的党支部，): (spans, condition)."""
    spans = role_before(text, len(text), lexicon)
    if not spans and text.endswith("的单位"):
        ref = lexicon.lookup("单位") if lexicon is not None else None
        ref = ref.ref if ref is not None else EntityRef("found:单位", "单位", "organization")
        spans = [RoleSpan(len(text) - 2, len(text), ref, "单位")]
    if not spans or spans[-1].surface in GENERIC_PLACES[:1] or (
            spans[-1].modified and spans[-1].surface.endswith(GENERIC_PLACES)):
        return None
    prefix = text[:spans[0].start]
    opens_with_verb = bool(prefix) and (prefix.startswith(tuple(VERBS_BEFORE_ROLES)) or _words(prefix)[0][1] == "v")
    if prefix and not prefix.endswith("的"):   # …的党员: a relative clause may hold any verb
        if prefix.endswith(("中", "里")):
            ok = not opens_with_verb
        else:   # 领导工会、共青团等群团组织 is a verb and its objects, not a list of bearers
            ok = prefix.endswith(("等", "、", "和", "或者")) and not _has_verb(prefix) and not opens_with_verb
        if not ok:
            return None
    return spans, prefix if prefix.endswith("的") else ""


def build_units(doc, sentence, lexicon) -> list:
    """The clause units of one sentence, with forward and purpose clauses joined (see :class:`Unit`)."""
    text = doc.text
    clauses = split_clauses(sentence.text, sentence.start)
    texts = [text[c.start:c.end] for c in clauses]
    units, pending, i, purpose_open = [], [], 0, False
    while i < len(clauses):
        c, t = clauses[i], texts[i]
        last_in_seg = i + 1 >= len(clauses) or clauses[i + 1].seg != c.seg
        if i and clauses[i - 1].seg != c.seg:
            purpose_open = False
        if _SLOGAN.match(t):
            i += 1
            continue
        span = _opens_with_object_clause(texts, i) if not last_in_seg else 0
        if span and i + span < len(clauses) and clauses[i + span].seg == c.seg:
            pending.append(("condition", c.start, clauses[i + span - 1].end))
            i += span
            continue
        if not last_in_seg:
            stripped = t[_strip_ordinal(t, 0):]
            if _is_forward(stripped):
                pending.append(("adverbial", c.start, c.end))
                i += 1
                continue
            if _is_condition(stripped):
                subject = _condition_subject(stripped, lexicon)
                offset = c.start + len(t) - len(stripped)
                pending.append(("condition", c.start, c.end, _shift(subject, offset)))
                i += 1
                continue
            lead = _subject_then_adverbial(stripped, lexicon)
            if lead is not None:
                offset = c.start + len(t) - len(stripped)
                pending.append(("subject", c.start, c.end, _shift(lead[0], offset), lead[1]))
                i += 1
                continue
            topic = _topic(stripped, lexicon)
            opens_with_verb = bool(_words(stripped)) and _words(stripped)[0][1] == "v"
            if topic is not None and (sentence.kind == RULE or not opens_with_verb) and (topic[0][0].start > 0 or not find_subject(stripped, lexicon)):
                offset = c.start + len(t) - len(stripped)
                pending.append(("topic", c.start, c.end, (_shift(topic[0], offset), topic[1])))
                i += 1
                continue
        previous = units[-1] if units and units[-1].seg == c.seg else None
        if previous is not None and not pending and (t.startswith(_PURPOSE) or purpose_open):
            if t.startswith(_PURPOSE):
                word = next(w for w in _PURPOSE if t.startswith(w))
                purpose_open = bool(roles_at(t, len(word), lexicon, strict=False))
            elif find_subject(t, lexicon) or find_modal(t):
                purpose_open = False
            if t.startswith(_PURPOSE) or purpose_open:
                previous.end = c.end
                i += 1
                continue
        purpose_open = False
        units.append(_make_unit(c, pending, text))
        pending = []
        i += 1
    if pending:
        first = pending[0]
        units.append(Unit(first[1], pending[-1][1], pending[-1][2], clauses[-1].seg))
    return units


def _condition_subject(text, lexicon):
    """Who a temporal condition is about (书记、副书记选举产生后 / …委员会的书记、副书记选举产生后)."""
    if text.endswith("的"):
        return []
    subject = find_subject(text, lexicon)
    if subject:
        return subject
    for k in (i for i, ch in enumerate(text) if ch == "的"):
        spans = roles_at(text, k + 1, lexicon)
        if spans:
            return spans
    return []


def _subject_then_adverbial(text, lexicon):
    """党组织应当按照党中央部署要求，…: a bearer (and modal) whose clause is only an adverbial."""
    subject = find_subject(text, lexicon)
    if not subject:
        return None
    rest = text[subject[-1].end:]
    modal = find_modal(rest)
    if modal is not None and _ADVERBS.fullmatch(rest[:modal[0]]) is not None:
        rest = rest[modal[1]:]
    else:
        modal = None
    if rest and _is_forward(rest):
        return subject, modal[2] if modal is not None else None
    return None


def _make_unit(clause, pending, text):
    unit = Unit(pending[0][1] if pending else clause.start, clause.start, clause.end, clause.seg)
    for item in pending:
        if item[0] == "condition":
            unit.conditions.append(text[item[1]:item[2]])
            unit.adverbials = []
            if len(item) > 3 and item[3] and not unit.topic:
                unit.topic = list(item[3])
        elif item[0] == "subject":
            unit.topic, unit.topic_modal = list(item[3]), item[4]
            unit.conditions.append(text[item[3][-1].end:item[2]].lstrip("应当必须要可以"))
        elif item[0] == "adverbial":
            unit.adverbials.append((item[1], item[2]))
        elif item[0] == "topic":
            unit.adverbials = []
            unit.topic = list(item[3][0])
            unit.topic_condition = item[3][1]
    return unit


# ---------------------------------------------------------------- analysis


@dataclass
class Reading:
    """What one clause unit says: its bearers, modality, action span and the rest."""

    unit: Unit
    bearers: list            # RoleSpan list (may be empty)
    own_bearer: bool
    agent: bool              # the bearer came after 由
    modality: str
    own_modal: bool
    action_start: int
    action_end: int
    condition: str = ""
    skip: str = ""           # why this unit is not a duty ("" when it is one)
    lead: bool = False       # a topic lead (党组的任务，) that names the bearer only
    carried_modal: bool = False
    strong_modal: bool = False
    modal_prefix: str = ""
    core_start: int = -1
    pivot: bool = False


def _pronoun_or_lead(text, start, end, lexicon, state):
    """Bearers from 它 or from an inline lead (X的职责是：…): (absolute spans, action start) or None."""
    rest = text[start:end]
    if rest.startswith("它") and not rest.startswith("它的"):
        return state.get("sentence_subject") or [], start + 1
    m = _INLINE_LEAD.match(rest)
    if m:
        return _shift(roles_at(m.group("x") + "的", 0, lexicon, strict=False), start), start + m.end()
    return None


def _modal_anchored(text, start, end, lexicon):
    """The bearer named just before the first modal word (…基层党委每年应当…): (spans, condition)."""
    modal = find_modal(text[start:end])
    if modal is None:
        return [], ""
    stop = start + modal[0]
    while stop > start:
        m = re.search(r"(?:每[年月季周天日]度?|每半年|每季度|一般|主要|都|也|还|均|仍)$", text[start:stop])
        if not m:
            break
        stop = start + m.start()
    spans = _shift(role_before(text[start:stop], stop - start, lexicon), start) if stop > start else []
    if not spans:
        return [], ""
    before = text[start:spans[0].start]
    if before and not before.endswith(("的", "等", "、", "和", "或者")):
        return [], ""
    if before.startswith("对") or (before.endswith("、") and spans[0].modified):
        return [], ""   # 对…的党员应当…: the object of 对; 省、自治区、直辖市党委: a list cut short
    if before and not before.endswith("的") and _has_verb(before):
        return [], ""
    condition = re.sub(r"^(?:明确|规定|要求|实行|坚持|推行|鼓励)", "", before) if before.endswith("的") else ""
    return spans, condition


def _find_agent(text, start, end, lexicon, after_bearer):
    """由X负责/决定/召集…: the agent X after 由 as the bearer: (absolute spans, action start) or None."""
    clause = text[start:end]
    if "由" not in clause:
        return None
    m = re.search(r"由", clause)
    before = clause[:m.start()]
    if re.search(r"[，,；;]", before):
        return None
    if after_bearer and not re.fullmatch(r"(?:应当|要|必须|应|须|原则上|一般|并|均|都|分别|也)*", before):
        return None
    spans = roles_at(clause, m.end(), lexicon, strict=False)
    if not spans:   # 由具有审批预备党员权限的基层党委建立…: the agent after a 的-phrase
        for k in (i for i in range(m.end(), min(len(clause), m.end() + 24)) if clause[i] == "的"):
            spans = roles_at(clause, k + 1, lexicon, strict=False)
            if spans:
                break
    if not spans:
        return None
    rest = clause[spans[-1].end:]
    if re.match(r"(?:原则上|一般)?(?:担任|兼任|产生|选举产生|组成|的|和|或)", rest):
        return None
    return _shift(spans, start), start + spans[-1].end


def analyse_unit(doc, unit, lexicon, state) -> Reading:
    """Read one unit: bearer (own, topic, before the modal, after 由, or carried), modality, action."""
    text = doc.text
    body = _strip_ordinal(text[:unit.end], unit.body) if unit.body < unit.end else unit.body
    reading = Reading(unit, [], False, False, OBLIGATION, False, body, unit.end)
    clause = text[body:unit.end]
    lead = _TOPIC_LEAD.match(clause)
    if lead and not _INLINE_LEAD.match(clause):
        spans = roles_at(lead.group("x") + "的", 0, lexicon, strict=False)
        if spans and not spans[-1].modified and skip_note(lead.group("x"), spans[-1].end) == len(lead.group("x")):
            reading.bearers, reading.own_bearer, reading.lead, reading.skip = _shift(spans, body), True, True, "lead"
            return reading
    colon = clause.find("：")
    if colon > 0 and not _INLINE_LEAD.match(clause) and find_subject(clause[colon + 1:], lexicon):
        body, clause = body + colon + 1, clause[colon + 1:]   # 机关党建实行分级负责：单位党组履行…
        reading.action_start = body
    bearers, after, condition, agent = [], body, "", False
    special = _pronoun_or_lead(text, body, unit.end, lexicon, state)
    if special is not None:
        bearers, after = special
    if not bearers:
        subject = find_subject(clause, lexicon)
        if subject:
            bearers, after = _shift(subject, body), body + subject[-1].end
    found = _find_agent(text, after, unit.end, lexicon, after_bearer=bool(bearers))
    if found is not None:
        bearers, after, agent = found[0], found[1], True
    topic_modal = None
    if not bearers and unit.topic:
        bearers, condition, topic_modal = unit.topic, unit.topic_condition, unit.topic_modal
    if not bearers:
        spans, condition = _modal_anchored(text, body, unit.end, lexicon)
        if spans:
            bearers, after = spans, spans[-1].end
    own = bool(bearers)
    if not bearers and _has_own_topic(clause, lexicon):
        state["carry"] = None
    elif not bearers:
        bearers = state.get("carry") or []
    lead_tail = _LEAD_TAIL.match(text[:unit.end], after)
    if lead_tail and lead_tail.end() > after:
        after = lead_tail.end()
    reading.bearers, reading.own_bearer, reading.agent = bearers, own, agent
    reading.condition = "；".join([*unit.conditions, condition] if condition else unit.conditions)
    _read_modality(doc, reading, after, state)
    if topic_modal and not reading.own_modal:
        reading.modality, reading.own_modal, reading.strong_modal = topic_modal, True, True
    return reading


_OTHER_TOPIC = re.compile(r"(?:其他|其余|有关|相关|各)(?:成员|人员|部门|单位)|它的|该|这种|这些")


def _has_own_topic(clause, lexicon) -> bool:
    """A clause with a subject of its own that is not a bearer (党员组织关系…, 其他成员…, 有关材料应当…)."""
    spans = roles_at(clause, 0, lexicon, strict=False)
    if spans and not spans[0].modified:
        return True
    if _OTHER_TOPIC.match(clause):
        return True
    modal = find_modal(clause)
    if modal is None or modal[0] == 0:
        return False
    prefix = clause[:modal[0]]
    return not (_ADVERBS.fullmatch(prefix) or prefix.startswith(("在", "凡", "如", "经", "对", "按照", "根据", "并")))


def _shift(spans, offset):
    # RoleSpan(...) directly: dataclasses.replace looks the fields up on every call, and this runs for
    # every bearer of every clause.
    return [RoleSpan(s.start + offset, s.end + offset, s.ref, s.surface, s.broader, s.modified) for s in spans]


def _read_modality(doc, reading, after, state):
    text, end = doc.text, reading.unit.end
    while after < end and text[after] in "，,：:":
        after += 1
    modal = find_modal(text[after:end])
    if modal is not None:
        modal = (after + modal[0], after + modal[1], modal[2], modal[3])
    predicate = modal is not None and _ADVERBS.fullmatch(text[after:modal[0]]) is not None
    word = text[modal[0]:modal[1]] if modal is not None else ""
    if modal is not None and not predicate and (word in _PREDICATE_ONLY or modal[2] == DEFAULT and word != "原则上"):
        modal = None
    if modal is not None:
        reading.modality, reading.own_modal = modal[2], True
        reading.strong_modal = word not in _WEAK
        reading.modal_prefix = text[after:modal[0]]
        if predicate and modal[3]:
            after = modal[1]
    elif _BARE_NOT.match(text, after) and reading.bearers:
        reading.modality, reading.own_modal, reading.strong_modal, after = PROHIBITION, True, True, after + 1
    elif not reading.own_bearer and state.get("modality") and state.get("strong", True):
        reading.carried_modal = True
        if state["modality"] != PROHIBITION:
            reading.modality = state["modality"]
    while after < end and text[after] in "并":
        after += 1
    if text.startswith("并且", after):
        after += 1
    reading.action_start = after
    reading.core_start = after
    adverbials = reading.unit.adverbials
    if adverbials and after == reading.unit.body:
        reading.action_start = adverbials[0][0]
    elif adverbials:
        reading.condition = "；".join(x for x in (reading.condition, *(text[a:b] for a, b in adverbials)) if x)
    _judge(doc, reading)


_NAME_REST = re.compile(r"(?:和|及(?!时)|或者|以及)")
_DISTRIBUTIVE = re.compile(r"^(?:分别|均|都|也|一律)")


def _judge(doc, reading):
    """Why a unit is not a duty: a statement, a structure rule, a chain, nothing left."""
    text = doc.text
    action = text[reading.action_start:reading.action_end]
    whole = text[reading.unit.body:reading.unit.end]
    if not action.strip("，,：: "):
        reading.skip = "empty"
    elif _STATEMENT.search(action) or "的就是" in whole or _copula(action, reading):
        reading.skip = "statement"
    elif _NAME_REST.match(action):   # 和相当于…的组织: the rest of a name, no action
        reading.skip = "no action"
    elif _CHAIN_ONLY.match(action):
        reading.skip = "chain"
    elif action.startswith(("由", "被", "受")):
        reading.skip = "passive"
    elif _STRUCTURAL.match(_DISTRIBUTIVE.sub("", text[reading.core_start:reading.action_end])) \
            and not (reading.own_modal or reading.carried_modal):
        reading.skip = "structure"
    elif action.startswith("予以") and reading.bearers and not reading.agent and reading.own_bearer:
        reading.bearers = []
    elif _signature(action):
        reading.skip = "no action"


_QUOTED_OR_BRACKETED = re.compile(r"“[^”]*”|（[^）]*）")
_COPULA = re.compile(r"(?<![否于但还凡总要只])是(?!否)")


def _copula(text, reading) -> bool:
    """X是Y: a statement, unless the clause opens with a verb (根除业务是“硬指标”)."""
    if reading.own_bearer:
        return False
    if "是" not in text:
        return False
    plain = _QUOTED_OR_BRACKETED.sub("", text)
    if not _COPULA.search(plain) and "只是" not in plain:
        return False
    words = _words(plain)
    return bool(words) and not is_verbal(words[0]) and words[0][0] not in ("坚持", "根除", "强化")


_DATE_CHARS = re.compile(r"[0-9０-９〇零一二三四五六七八九十年月日时]")


_SIGNATURE_ENDS = ("委员会", "党委", "支部", "学校", "机关")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _signature(text) -> bool:
    """A date, a signature or an attachment line, not an action."""
    if text.startswith(("附：", "附件")) or not _WORD_CHAR.search(text):
        return True
    if not text.endswith(_SIGNATURE_ENDS) and not _DATE_CHARS.search(text):
        return False   # neither a date nor a name: no need to tag the words (every unit comes here)
    flags = [flag for _, flag in _words(text) if flag != "x"]
    if not flags:
        return True
    if all(flag.startswith(("m", "t")) for flag in flags) and _DATE_CHARS.search(text):
        return True   # a date (2019年3月) — not a word jieba merely guesses to be a time (以会代训)
    return text.endswith(_SIGNATURE_ENDS) and all(flag.startswith(("n", "j", "m", "ns", "nt")) for flag in flags)


# ---------------------------------------------------------------- items under a lead


def _item_context(doc, lexicon):
    """For each sentence of an enumerated item (（一）…), the bearer and modality its lead gives."""
    contexts = {}
    for section in doc.sections:
        if section.level != "item" or section.parent is None:
            continue
        parent = doc.sections[section.parent]
        lead = _lead_of(doc, parent, lexicon)
        if lead is None:
            continue
        for s in doc.sentences:
            if s.section == section.index and doc.paragraphs[s.paragraph].start == section.start:
                contexts[s.index] = lead
    return contexts


def _lead_of(doc, article, lexicon):
    """The bearer and modality of an article's item list, from its lead (X的主要职责是：) or subject."""
    sentences = [s for s in doc.sentences if s.section == article.index]
    if not sentences:
        return None
    last = sentences[-1]
    text = last.text
    m = _SENTENCE_LEAD.match(text)
    if m:
        if "原则" in text[m.end("x"):] or "情形" in text:
            return None
        x = m.group("x")
        spans = roles_at(x + "的", 0, lexicon, strict=False) if x else []
        if x.startswith("它") and len(sentences) > 1:
            spans = roles_at(sentences[-2].text, 0, lexicon, strict=False)
        modality = PERMISSION if "权利" in text[len(x):] else OBLIGATION
        return (spans, modality, last, True) if spans else None
    spans = find_subject(text, lexicon)
    modal = find_modal(text)
    if spans and modal is not None:
        return spans, modal[2] if modal[2] != PROHIBITION else OBLIGATION, last, False
    return None


def _item_duties(doc, sentence, lead, lexicon):
    spans, modality = lead[0], lead[1]
    start = sentence.start
    own = find_subject(sentence.text, lexicon)
    if own and (own[0].ref.kind == "role" or not own[0].ref.key.startswith("found:")):
        start = sentence.start + own[-1].end
        spans = own
    end = sentence.end
    while end > start and doc.text[end - 1] in _END:
        end -= 1
    action = doc.text[start:end]
    region = action
    duties = []
    for span in spans:
        duties.append(Duty(span.ref, action, modality, sentence_evidence(doc, sentence), find_frequency(region),
                           find_quantity(region), "", sentence.kind == PRACTICE, sentence.kind, start, end))
    return duties


# ---------------------------------------------------------------- the extractor


def _in_article(doc, sentence) -> bool:
    return any(s.level in ("article", "item") for s in doc.section_path(sentence.section))


def _is_heading(doc, sentence) -> bool:
    if sentence.section is None:
        return False
    section = doc.sections[sentence.section]
    if section.marker.endswith(("是", "要")):
        return False   # 一是…/一要…: the point's first sentence says what to do, it is no title
    return (section.level in ("subpart", "point") and sentence.text == section.heading
            and doc.paragraphs[sentence.paragraph].start == section.start)


def _part_intro(doc, sentence) -> bool:
    """A sentence of a part that has sub-parts but stands before them (the part's lead paragraph)."""
    if sentence.section is None:
        return False
    section = doc.sections[sentence.section]
    return section.level == "part" and any(s.parent == section.index for s in doc.sections)


_IF = re.compile(r"如果|倘若|假如|假若")
_THEN = re.compile(r"[，,](?:就|则|便|那么)")


def _in_condition(sentence, reading) -> bool:
    """Whether the unit's action lies in an 如果… clause run that a later ，就… concludes (党员如果没有正当
    理由，连续六个月不参加党的组织生活，或不交纳党费，…，就被认为是自行脱党): a case, not a duty."""
    opening = _IF.search(sentence.text)
    if opening is None:
        return False
    closing = _THEN.search(sentence.text, opening.end())
    if closing is None:
        return False
    return sentence.start + opening.start() <= reading.action_start and \
        reading.action_end <= sentence.start + closing.start()


# 其党组书记不得评为年度考核优秀等次 / 应当列为后进党支部: what others do to the bearer (rate, list it), a
# consequence the text states, not something the bearer must do
_CLASSIFIED = ("评为", "被评为", "列为", "被列为", "评定为", "认定为", "视为")


def _classified(doc, reading) -> bool:
    return doc.text.startswith(_CLASSIFIED, reading.action_start)


def _wanted(doc, sentence, reading) -> bool:
    """Whether a unit that reads as an action is a duty in this part of the document."""
    kind = sentence.kind
    if kind == PROBLEM or _in_condition(sentence, reading) or _classified(doc, reading):
        return False
    if kind == MEASURE and not _part_intro(doc, sentence):
        return True
    if kind == PRACTICE:
        return bool(reading.bearers or reading.strong_modal)
    if kind == RULE and _in_article(doc, sentence):
        region = doc.text[reading.unit.body:reading.unit.end]
        return bool(reading.bearers or reading.strong_modal or reading.carried_modal or find_frequency(region))
    return reading.strong_modal or reading.carried_modal


def _pivot_scope(doc, readings, lexicon):
    """引导党员A，B，C: clauses after a pivot verb and its object belong to the same duty."""
    merged = []
    for r in readings:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.skip == "" and getattr(prev, "pivot", False) and r.unit.seg == prev.unit.seg
                and not r.own_bearer and not (r.own_modal and r.strong_modal)
                and not doc.text.startswith(_PIVOTS, r.action_start)):
            prev.action_end = r.action_end
            prev.unit.end = r.unit.end
            continue
        action = doc.text[r.action_start:r.action_end]
        for verb in _PIVOTS if action.startswith(_PIVOTS) else ():
            if action.startswith(verb):
                rest = action[len(verb):]
                r.pivot = rest.startswith(("其", "他们")) or bool(roles_at(rest, 0, lexicon, strict=False))
                break
        merged.append(r)
    return merged


def read_sentence(doc, sentence, lexicon, state) -> list:
    """The readings of every unit of one sentence, with bearer and modality carried between them."""
    readings = []
    for unit in build_units(doc, sentence, lexicon):
        reading = analyse_unit(doc, unit, lexicon, state)
        if reading.own_bearer:
            state["carry"] = reading.bearers
            state["modality"] = reading.modality if reading.own_modal else None
            if not reading.agent:
                state["subject"] = reading.bearers
        elif reading.own_modal:
            state["modality"] = reading.modality
        if reading.own_modal:
            state["strong"] = reading.strong_modal
        readings.append(reading)
    return _pivot_scope(doc, readings, lexicon)


def _duties_of(doc, sentence, reading) -> list:
    text = doc.text
    start, end = reading.action_start, reading.action_end
    while end > start and text[end - 1] in _END:
        end -= 1
    action = text[start:end]
    region_start = reading.bearers[-1].end if reading.own_bearer and reading.bearers else reading.unit.body
    region = text[max(region_start, reading.unit.body):end]
    frequency, quantity = find_frequency(region), find_quantity(region)
    condition = reading.condition
    if "必要时" in region and "必要时" not in condition:
        condition = "；".join(x for x in (condition, "必要时") if x)
    evidence = sentence_evidence(doc, sentence)
    bearers = list({b.ref.key: b for b in reading.bearers}.values()) or [None]
    return [Duty(b.ref if b is not None else None, action, reading.modality, evidence, frequency, quantity,
                 condition, sentence.kind == PRACTICE, sentence.kind, start, end) for b in bearers]


# The duty and chain extractors both read every document; the readings of the last few documents are
# kept (with the document and lexicon themselves, so their ids cannot be reused while kept).
_ANALYSES = OrderedDict()
_ANALYSES_LOCK = threading.Lock()
_ANALYSES_KEPT = 4


def analyse_document(doc, lexicon):
    """Every unit reading of the document, with the duties they give: ``[(sentence, reading, duties)]``.

    The readings are shared between calls with the same document and lexicon: read them, do not change them.
    """
    key = (id(doc), id(lexicon))
    kept = _ANALYSES.get(key)
    if kept is not None and kept[0] is doc and kept[1] is lexicon and kept[2] is doc.text:
        return list(kept[3])
    results = _analyse_document(doc, lexicon)
    with _ANALYSES_LOCK:   # the explorer reads from several threads
        _ANALYSES[key] = (doc, lexicon, doc.text, results)
        while len(_ANALYSES) > _ANALYSES_KEPT:
            _ANALYSES.popitem(last=False)
    return list(results)


def _analyse_document(doc, lexicon):
    """The readings of :func:`analyse_document`, read afresh."""
    items = _item_context(doc, lexicon)
    leads = {lead[2].index for lead in items.values() if lead[3]}
    results = []
    paragraph_subject = {}
    for sentence in doc.sentences:
        if _is_heading(doc, sentence) or sentence.index in leads:
            continue
        if sentence.index in items:
            duties = _item_duties(doc, sentence, items[sentence.index], lexicon)
            results.append((sentence, None, duties))
            continue
        state = {"carry": None, "modality": None, "subject": None}
        if sentence.kind == RULE and _in_article(doc, sentence):
            state["carry"] = paragraph_subject.get(sentence.paragraph)
            state["sentence_subject"] = paragraph_subject.get(sentence.paragraph)
        for reading in read_sentence(doc, sentence, lexicon, state):
            duties = []
            if not reading.skip and _wanted(doc, sentence, reading):
                duties = _duties_of(doc, sentence, reading)
            results.append((sentence, reading, duties))
        if state.get("subject"):
            paragraph_subject[sentence.paragraph] = state["subject"]
    return results


def extract_duties(doc, lexicon) -> list:
    """Every duty the document states, reported practices included, in text order.

    Duties named by their breach in a problems part (有的党组书记没履行“第一书记”职责，不参加…) are
    added with ``section_kind == "problem"`` and the post as bearer.
    """
    from .problems import breached_duties

    duties = [d for _, _, found in analyse_document(doc, lexicon) for d in found]
    duties.extend(breached_duties(doc, lexicon))
    return sorted(duties, key=lambda d: (d.evidence.start, d.start))


def subject_spans(doc, lexicon) -> list:
    """Every role span the duty, post and problem readings use as a bearer, holder or concern."""
    from .posts import holding_spans
    from .problems import concern_spans

    spans = []
    for sentence, reading, _ in analyse_document(doc, lexicon):   # the duty reader's own, when it has run
        if reading is not None and reading.own_bearer:
            spans.extend(reading.bearers)
        elif reading is None:   # an item of a list names its own bearer (（三）机关基层党组织专职副书记列席…)
            spans.extend(s for s in find_subject(sentence.text, lexicon)
                         if s.ref.kind == "role" or not s.ref.key.startswith("found:"))
    spans.extend(holding_spans(doc, lexicon))
    spans.extend(concern_spans(doc, lexicon))
    return spans
