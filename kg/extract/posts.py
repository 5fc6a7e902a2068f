"""Posts: which role holds which post (担任, 作为, 履行…职责) or holds it concurrently (兼任).

Patterns, each read on one clause: ``A担任B``, ``A兼任B``, ``B由A担任/兼任``, ``A作为…的B``,
``A履行“B”职责`` (and ``A“B”职责``), ``B从A中产生``. ``原则上`` or ``一般`` before the verb makes
the holding a default rule; a 的-phrase before the holder or a condition clause is kept as its
condition; a negated holding (不担任, 不得兼任, 没履行) is not a holding.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("AdministrativeHead", "role", "行政负责人"),
...                Term("DeputySecretary", "role", "副书记", alt_zh=("党组织副书记",))])
>>> doc = parse_document("三、措施\\n（一）明确有专职党组织书记部门的行政负责人原则上兼任党组织副书记。\\n", "d")
>>> h = extract_holdings(doc, lex)[0]
>>> h.holder.label, h.post.label, h.concurrent, h.default_rule, h.condition
('行政负责人', '副书记', True, True, '有专职党组织书记部门的')
"""

from __future__ import annotations

import re

from ..document import PROBLEM
from ..facts import Holding
from .duties import split_clauses
from .mentions import sentence_evidence
from .roles import find_subject, role_before, roles_at

_VERB = re.compile(r"担任|兼任")
_DEFAULT = ("原则上", "一般")
_BEFORE_VERB = re.compile(r"(?:应当|可以|要|必须|同时|原则上|一般)*$")
_NEGATED = re.compile(r"(?:不|不得|不能|不再|没|没有|未)(?:同时)?$")
_FRAMING = re.compile(r"^(?:明确|规定|要求|实行|坚持|推行)")


def _holding(doc, sentence, holders, posts, concurrent=False, default_rule=False, condition=""):
    evidence = sentence_evidence(doc, sentence)
    return [Holding(h.ref, p.ref, evidence, concurrent, default_rule, condition)
            for h in holders for p in posts[:1] if h.ref.key != p.ref.key]


def _verb_holdings(doc, sentence, clause, subject, topic, lexicon):
    """A担任B / A兼任B / B由A担任 in one clause; ``topic`` is a name ending the clause before."""
    found = []
    for m in _VERB.finditer(clause):
        head = clause[:m.start()]
        core_end = _BEFORE_VERB.search(head).start()
        default_rule = any(w in head[core_end:] for w in _DEFAULT)
        if _NEGATED.search(head[:core_end]):
            continue
        by = head.rfind("由", 0, core_end)
        holders = roles_at(clause, by + 1, lexicon, strict=False) if by >= 0 else []
        if holders and holders[-1].end == core_end:
            post_end = _BEFORE_VERB.search(head[:by]).start()
            default_rule = default_rule or any(w in head[post_end:by] for w in _DEFAULT)
            posts = role_before(clause, post_end, lexicon) if post_end else []
            found.extend(_holding(doc, sentence, holders, posts or topic or subject, m.group() == "兼任",
                                  default_rule))
            continue
        posts = _quoted_post(clause, m.end(), lexicon) or roles_at(clause, m.end(), lexicon, strict=False)
        holders = role_before(clause, core_end, lexicon) if core_end else []
        condition = ""
        if holders:
            before = clause[:holders[0].start]
            if before.endswith("的"):
                condition = _FRAMING.sub("", before)
        else:
            holders = subject
        if posts:
            found.extend(_holding(doc, sentence, holders, posts, m.group() == "兼任", default_rule, condition))
    return found


def _quoted_post(clause, pos, lexicon):
    """担任机关党组织“第一书记”: the quoted role after the organization is the post."""
    m = re.compile(r"[^，；“”]{0,12}?“(?P<post>[^”]{2,10})”").match(clause, pos)
    if not m:
        return []
    return roles_at(m.group("post"), 0, lexicon, strict=False)


def _as_holdings(doc, sentence, clause, subject, lexicon):
    """A作为…的B (校党委书记、校长王琛作为学校党风廉政建设的第一责任人)."""
    m = re.search(r"作为", clause) if "作为" in clause else None
    if not m:
        return []
    holders = subject or roles_at(clause, 0, lexicon, strict=False)
    tail = clause[m.end():]
    posts = [s for s in _roles_in_tail(tail, lexicon) if s.ref.kind == "role"]
    return _holding(doc, sentence, holders, posts[-1:]) if holders and posts else []


def _roles_in_tail(text, lexicon):
    spans = []
    for i in range(len(text)):
        if i and text[i - 1] not in "的“\"":
            continue
        spans.extend(roles_at(text, i, lexicon, strict=False)[:1])
    return spans


def _post_duty_holdings(doc, sentence, clause, subject, lexicon):
    """A履行“B”职责 / A“B”职责: A holds the post B (不履行, 没履行 are not holdings)."""
    found = []
    if "职责" not in clause:
        return found
    for m in re.finditer("职责", clause):
        end = m.start()
        quoted = clause[:end].endswith(("”", '"'))
        if quoted:
            open_at = max(clause.rfind("“", 0, end), clause.rfind('"', 0, end - 1))
            posts = roles_at(clause[open_at + 1:end - 1], 0, lexicon, strict=False)
            if not posts or posts[-1].end != end - 1 - open_at - 1:
                continue
            before = open_at
        else:
            posts = role_before(clause, end, lexicon)
            if not posts:
                continue
            before = posts[0].start
        if not posts or posts[-1].ref.kind != "role":
            continue
        verb = re.search(r"(?:(?P<neg>没有|没|未|不)(?:认真|切实)?)?履行(?:好)?$", clause[:before])
        if verb and verb.group("neg"):
            continue
        holders = role_before(clause, verb.start() if verb else before, lexicon)
        if not holders and verb:
            holders = subject
        if verb or quoted:
            found.extend(_holding(doc, sentence, holders, posts[-1:]))
    return found


def _drawn_from(doc, sentence, clause, subject, lexicon):
    """B从A中产生: the post B is filled from the holders A."""
    m = re.search(r"从(?P<from>.+?)中(?:选举)?产生", clause) if "产生" in clause else None
    if not m or not subject:
        return []
    holders = role_before(clause, m.end("from"), lexicon)
    return _holding(doc, sentence, holders, subject) if holders else []


def _sentence_holdings(doc, sentence, lexicon):
    found, subject, topic = [], [], []
    for c in split_clauses(sentence.text, sentence.start):
        clause = doc.text[c.start:c.end]
        own = find_subject(clause, lexicon, strict=False)
        if own and own[0].start == 0:
            subject = own
        found.extend(_verb_holdings(doc, sentence, clause, subject, topic, lexicon))
        found.extend(_as_holdings(doc, sentence, clause, own, lexicon))
        found.extend(_post_duty_holdings(doc, sentence, clause, subject, lexicon))
        found.extend(_drawn_from(doc, sentence, clause, own, lexicon))
        topic = role_before(clause, len(clause), lexicon)
    return found


def extract_holdings(doc, lexicon) -> list:
    """Every post holding the document states, concurrent and default ones flagged.

    Problems parts are read too, but a negated holding (没履行“第一书记”职责) is not one.
    """
    found = []
    for sentence in doc.sentences:
        seen = set()
        for h in _sentence_holdings(doc, sentence, lexicon):
            key = (h.holder.key, h.post.key)
            if key not in seen:
                seen.add(key)
                found.append(h)
    return found


def holding_spans(doc, lexicon) -> list:
    """The role spans named as holders or posts (for discovering roles the lexicon does not know)."""
    spans = []
    for sentence in doc.sentences:
        if sentence.kind == PROBLEM:
            continue
        for c in split_clauses(sentence.text, sentence.start):
            clause = doc.text[c.start:c.end]
            for m in _VERB.finditer(clause):
                spans.extend(roles_at(clause, m.end(), lexicon, strict=False)[:1])
    return spans
