"""Problems: the shortcomings a problems part reports, whom they concern, how widespread they are.

A sentence of a problems part is cut at each clause that opens with a quantifier (有的, 一些, 少数,
个别, 部分, 普遍): each such clause and the ones after it, up to the next quantifier or the end of the
；-segment, is one problem. A sentence without one is a single problem, unless it is a short label
(部署不同步。) or a cause analysis (这些问题和表现，说到底是…). Where the problem names a duty by
its breach (没履行“第一书记”职责，不参加…), the duty is kept as ``breached_duty``, and
:func:`breached_duties` turns it into a duty of the post.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("PartyGroupSecretary", "role", "党组书记"), Term("FirstSecretary", "role", "第一书记")])
>>> doc = parse_document("二、存在问题\\n有的党组书记没履行“第一书记”职责，不参加抓机关党建述职述廉活动；有的认为党务是闲差。\\n", "d")
>>> [(p.concerns and p.concerns.label, p.prevalence, p.breached_duty) for p in extract_problems(doc, lex)]
[('党组书记', 'some', '参加抓机关党建述职述廉活动'), (None, 'some', '')]
"""

from __future__ import annotations

import re

from ..document import PROBLEM
from ..facts import OBLIGATION, Duty, Problem
from .duties import _END, split_clauses
from .mentions import sentence_evidence
from .roles import roles_at

PREVALENCE = (("大多数", "many"), ("多数", "many"), ("普遍", "many"), ("有的", "some"), ("部分", "some"),
              ("一些", "several"), ("少数", "few"), ("个别", "few"))
_CAUSE = re.compile(r"^这些问题|说到底|究其原因|^原因|原因是|^分析原因")
_ORDINAL = re.compile(r"^[一二三四五六七八九十]+是")
_NAMED_DUTY = re.compile(r"(?:没有|没|未|不)(?:认真|切实)?履行(?:好)?[“\"]?(?P<post>[^”\"，；。]{2,12}?)[”\"]?职责")
_TIME = re.compile(r"(?:全年|长期|一直|多年|至今|始终)?")
_NEGATED = re.compile(r"^(?:没有|没|未能|未|不)(?!够|足|强|高|深|严|实|清|熟|到位|健全|紧密|明显|平衡|经常|规范|懂|会|同|断"
                      r"|能|少|一|再|仅|但|力|浓|好)")


def _prevalence(text):
    for word, value in PREVALENCE:
        if text.startswith(word):
            return word, value
    return None


def _opening(text):
    """How a problem clause opens: (length of an ordinal 一是 to skip, quantifier, prevalence) or None."""
    m = _ORDINAL.match(text)
    skip = m.end() if m else 0
    found = _prevalence(text[skip:])
    if found and text[skip + len(found[0]):].startswith(("问题", "方面")):
        return None   # 有的问题在部分单位还比较突出: a sentence about the problems, not one of them
    if found:
        return skip, found[0], found[1]
    return (skip, "", "") if skip else None


def _units(doc, sentence):
    """(start, end, quantifier, prevalence) of each problem in a sentence (absolute offsets)."""
    clauses = split_clauses(sentence.text, sentence.start)
    starts = [(i, _opening(doc.text[c.start:c.end])) for i, c in enumerate(clauses)]
    opened = [(i, q) for i, q in starts if q]
    if not opened:
        return [(clauses[0].start, clauses[-1].end, "", "")] if clauses else []
    units = []
    for k, (i, (skip, word, value)) in enumerate(opened):
        stop = len(clauses) - 1
        nxt = opened[k + 1][0] if k + 1 < len(opened) else len(clauses)
        for j in range(i, nxt):
            if clauses[j].seg != clauses[i].seg:
                break
            stop = j
        units.append((clauses[i].start + skip, clauses[stop].end, word, value))
    return units


def _is_label(text) -> bool:
    return len(re.sub(r"[^\u3400-\u9fff]", "", text)) <= 6


def _breach(doc, start, end, lexicon):
    """The duty a problem names by its breach: (post span or None, action start, action end) or None."""
    text = doc.text[start:end]
    clauses = split_clauses(text, start)
    named = _NAMED_DUTY.search(text)
    post = None
    if named:
        spans = roles_at(named.group("post"), 0, lexicon, strict=False)
        post = spans[0] if spans else None
        after = [c for c in clauses if c.start >= start + named.end()]
        if after:
            c = after[0]
            clause = doc.text[c.start:c.end]
            lead = len(_TIME.match(clause).group())
            m = _NEGATED.match(clause[lead:])
            if m:
                return post, c.start + lead + m.end(), c.end
    found = None
    for c in clauses:
        clause = doc.text[c.start:c.end]
        q = _prevalence(clause)
        offset = len(q[0]) if q else 0
        if q:   # 有的党支部全年未召开…: the negation may follow the concern and a time adverb
            concern = roles_at(clause, offset, lexicon, strict=False)
            offset = concern[-1].end if concern else offset
            offset += len(_TIME.match(clause, offset).group())
        m = _NEGATED.match(clause[offset:])
        if m and not (named and c.start < start + named.end()):
            found = (None, c.start + offset + m.end(), c.end)
    return found


def _read(doc, sentence, lexicon):
    """(Problem, concern spans) for each problem of one sentence."""
    if _CAUSE.search(sentence.text):
        return []
    found = []
    for start, end, word, value in _units(doc, sentence):
        while end > start and doc.text[end - 1] in _END:
            end -= 1
        text = doc.text[start:end]
        if not word and _is_label(text):
            continue
        concerns = roles_at(text, len(word), lexicon, strict=False) if len(text) > len(word) else []
        if concerns and concerns[0].start != len(word):
            concerns = []
        breach = _breach(doc, start, end, lexicon)
        breached = doc.text[breach[1]:breach[2]] if breach else ""
        problem = Problem(text, sentence_evidence(doc, sentence), concerns[0].ref if concerns else None, value,
                          breached, start, end)
        found.append((problem, concerns, breach))
    return found


def _problem_sentences(doc):
    for sentence in doc.sentences:
        if sentence.kind != PROBLEM or sentence.section is None:
            continue
        section = doc.sections[sentence.section]
        if section.level == "subpart" and sentence.text == section.heading and \
                doc.paragraphs[sentence.paragraph].start == section.start:
            continue
        yield sentence


def extract_problems(doc, lexicon) -> list:
    """Every shortcoming the problems parts of ``doc`` report, split per 有的/一些/少数 clause."""
    return [p for s in _problem_sentences(doc) for p, _, _ in _read(doc, s, lexicon)]


def breached_duties(doc, lexicon) -> list:
    """Duties a problem names by its breach, given to the post the text names (“第一书记”职责).

    The duty stands in a problems part (``section_kind == "problem"``): the text says what the post
    should do by saying that some holders do not.
    """
    duties = []
    for sentence in _problem_sentences(doc):
        for problem, _, breach in _read(doc, sentence, lexicon):
            if breach and breach[0] is not None:
                duties.append(Duty(breach[0].ref, doc.text[breach[1]:breach[2]], OBLIGATION, problem.evidence,
                                   section_kind=PROBLEM, start=breach[1], end=breach[2]))
    return duties


def concern_spans(doc, lexicon) -> list:
    """The role spans problems concern (for discovering roles the lexicon does not know)."""
    return [c for s in _problem_sentences(doc) for _, spans, _ in _read(doc, s, lexicon) for c in spans[:1]]
