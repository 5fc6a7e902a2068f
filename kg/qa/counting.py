"""How many: the number a sentence states in the unit asked for, or the parts of a counted formula."""

from __future__ import annotations

import re

from .formulae import answer_formula, formula_terms
from .ranking import (bigrams, evidence_item, make_answer, quote_window, rank_sentences, restatement,
                      restatement_note, say)
from .search import list_items

_QUANTITY = re.compile(
    r"(?<![第\d０-９“\"「])(?:(?:[0-9０-９]+(?:\.[0-9]+)?|[*＊]+|[一二两三四五六七八九十百千]+)多?"
    r"(?P<unit>个月|个|名|人|位|项|条|种|类|次|年|月|天|日|周|届|学时|小时|岁|%|％|级|批|支|家|所)"
    r"|(?P<share>[一二三四五六七八九十百]+分之[一二三四五六七八九十]+|百分之[0-9０-９一二三四五六七八九十.]+)"
    # 三大历史任务, 四大工程: a count of what follows (not 党的十九大, a congress)
    r"|(?<![的党\d一二三四五六七八九十])[二两三四五六七八九十](?P<great>大)(?=[\u4e00-\u9fff]))"
    r"(?:以上|以下|以内|左右)?")
_SHARE = "分之"   # the unit of a fraction or percentage written in words (五分之一, 三分之二以上, 百分之十)
# The unit a question counts in, and the units a text may use for it.
_ASKED_UNIT_ZH = re.compile(r"(?:多少|几)个?(?P<unit>学时|小时|个月|个|名|人|位|项|条|种|类|次|年|天|周|届|岁|批|支|家|所|大)")
_UNIT_FAMILIES = (("名", "人", "位"), ("种", "类"), ("项", "条", "个", "大"), ("学时", "小时"), ("年", "岁"), ("天", "日"))
_ASKED_SHARE_ZH = re.compile(r"比例|比重|占比|几分之几|百分之几|占多少|多大比")
_SHARES = (_SHARE, "%", "％")
_ASKED_UNIT_EN = (
    (r"\b(kinds?|types?|sorts?|forms?|categor(y|ies))\b", ("种", "类")),
    (r"\b(members?|people|persons?|cadres?|officials?|secretar(y|ies)|comrades?|introducers?|sponsors?)\b",
     ("名", "人", "位")),
    (r"\bhours?\b", ("学时", "小时")),
    (r"\byears?\b", ("年", "岁")),
    (r"\b(days?)\b", ("天", "日")),
    (r"\bmonths?\b", ("个月", "月")),
    (r"\b(items?|points?|measures?|projects?|tasks?|requirements?|entries|rights|duties|obligations)\b", ("项", "条", "个")),
    (r"\btimes\b", ("次",)),
    (r"\b(proportion|share|fraction|percent(age)?|ratio)\b", _SHARES),
)


def _asked_units(q) -> tuple:
    """The units a counting question asks in (名 → 名, 人, 位), or ``()`` for any."""
    if q.language == "en":
        asked = re.split(r"\bhow many\b|\bnumber of\b", q.plain, maxsplit=1, flags=re.I)[-1][:40]
        found = [(m.start(), units) for pattern, units in _ASKED_UNIT_EN for m in [re.search(pattern, asked, re.I)]
                 if m]
        return min(found)[1] if found else ()  # the word right after "how many" is what is counted
    match = _ASKED_UNIT_ZH.search(q.query)
    if not match:
        return _SHARES if _ASKED_SHARE_ZH.search(q.query) else ()
    unit = match.group("unit")
    return next((family for family in _UNIT_FAMILIES if unit in family), (unit,))


def _unit(match) -> str:
    return match.group("unit") or match.group("great") or _SHARE


def _quantities(text, units=()) -> list:
    """The numbers ``text`` states, with their units (in ``units`` only, when given).

    >>> _quantities("调整和增选中央委员的数额，不得超过总数的五分之一。", _SHARES), _quantities("党员3名以上")
    (['五分之一'], ['3名以上'])
    >>> _quantities("完成这三大历史任务"), _quantities("党的十九大以来")
    (['三大'], [])
    """
    return [m.group(0) for m in _QUANTITY.finditer(text) if not units or _unit(m) in units]


_CLAUSE_END = re.compile(r"[，,；;。：:！？]")


def attributed_quantity(text, query, units=()):
    """The one number of a sentence that the question's own words stand before, when it states several
    (“领导干部岗位”的9个风险点、“教师岗位”8个风险点…), else ``None``.

    Each number's context is its clause up to it, from the number before it; a word pair of the question
    counts only where it occurs in one context, so what all the numbers share (风险点) decides nothing.

    >>> text = "梳理了“领导干部岗位”的9个风险点、“教师岗位”8个风险点和“特殊岗位”的7个风险点"
    >>> attributed_quantity(text, "教师岗位有几个风险点"), attributed_quantity(text, "特殊岗位有几个风险点")
    ('8个', '7个')
    >>> attributed_quantity(text, "一共有几个风险点") is None
    True
    """
    matches = [m for m in _QUANTITY.finditer(text) if not units or _unit(m) in units]
    if len({m.group(0) for m in matches}) < 2:
        return None
    contexts, previous = [], 0
    for m in matches:
        ends = [e.end() for e in _CLAUSE_END.finditer(text, 0, m.start())]
        contexts.append(bigrams(text[max(previous, ends[-1] if ends else 0):m.start()]))
        previous = m.end()
    wanted = bigrams(query)
    scores = [sum(1 for b in context & wanted if sum(b in c for c in contexts) == 1) for context in contexts]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return matches[scores.index(best)].group(0)


def _with_counted_word(text, number, query) -> str:
    """The number with what it counts when the question names that too (18项风险点 for 多少风险点).

    >>> _with_counted_word("梳理了“爱心基金管理”等18项风险点。", "18项", "多少 风险点")
    '18项风险点'
    """
    at = text.find(number)
    after = text[at + len(number):at + len(number) + 6] if at >= 0 else ""
    if _SHARE in number or after.startswith(("的", "之")):
        return number   # 三分之二以上的多数: a share of a vote, not a count of votes
    for n in range(len(after), 1, -1):
        if after[:n] in query:
            return number + after[:n]
    return number


def _counts_asked(text, units, wanted) -> bool:
    """Whether ``text`` names what the question counts in the form that counts it: 三大 and the
    question's words (这三大历史任务 for 历史任务有几项, not 一个长期的历史过程)."""
    return any(text[m.end():m.end() + 2] in wanted for m in _QUANTITY.finditer(text)
               if m.group("great") and (not units or "大" in units))


def answer_count(kg, q, k):
    """How many: the closest sentence that states a number in the unit asked for, the number said first.

    A counted formula (三会一课包括几项) is answered from its parts instead.
    """
    if formula_terms(kg, q):
        return answer_formula(kg, q, k)
    units = _asked_units(q)
    closest = rank_sentences(kg, q)
    listed = _counted_list(kg, q, closest, units, k)
    if listed is not None:
        return listed
    ranked = []
    wanted = bigrams(q.query)
    for score, i in closest[:60]:
        text = kg.sentences_[i][1].text
        found = _quantities(text, units)
        if found:
            ranked.append((score + 0.15 + 0.25 * _counts_asked(text, units, wanted), i, found))
    if not ranked:
        return None
    ranked.sort(key=lambda x: (-x[0], x[1]))
    score, i, found = ranked[0]
    doc, sentence = kg.sentences_[i]
    attributed = attributed_quantity(sentence.text, q.query, units)
    if attributed is not None:
        found = [attributed]
    quote = quote_window(sentence.text, q.query + " " + " ".join(found))
    numbers = "、".join(found) if attributed else (
        "、".join(dict.fromkeys(_quantities(quote, units))) or "、".join(dict.fromkeys(found)))
    stated = "、".join(_with_counted_word(sentence.text, n, q.query) for n in numbers.split("、"))
    text = say(q, f"{stated}。据《{doc.title}》：「{quote}」", f"{stated} — in {doc.title}: 「{quote}」")
    chosen = [(s, j) for s, j, _ in ranked[:3] if s >= score * 0.72][:min(k, 2)]
    also = restatement(kg, [(s, j) for s, j, _ in ranked], i, numbers.split("、")[0])
    if also is not None:
        text += restatement_note(kg, q, also[1])
        chosen = chosen[:1] + [also] + [c for c in chosen[1:] if c[1] != also[1]]
    evidence = [evidence_item(kg, kg.sentences_[j][0].doc_id, kg.sentences_[j][1], s) for s, j in chosen[:max(1, k)]]
    return make_answer(q, text, evidence, {"method": "sentences stating a number", "units": list(units),
                                           "candidates": len(ranked)})


def _counted_list(kg, q, closest, units, k):
    """党员的义务有几条: when the closest sentence opens (or sits in) an enumerated list and the question
    counts items (条, 项, 个, 种), the number of the list's items, with the lead as evidence."""
    if not closest or (units and not set(units) & {"条", "项", "个", "种", "类"}):
        return None
    if not units and not re.search(r"几条|几项|几个|几种|几类|多少条|多少项|how many (items|points|kinds|types|rights|duties|obligations)",
                                   q.plain, re.I):
        return None
    if any(_quantities(kg.sentences_[i][1].text, units or ("条", "项", "种", "类")) for _, i in closest[:3]):
        return None   # a sentence says the number itself (纪律处分有五种：…)
    wanted = bigrams(q.query)
    for score, i in closest[:3]:
        doc, sentence = kg.sentences_[i]
        lead, items = list_items(doc, sentence)
        if lead is not None and len(items) >= 2 and bigrams(lead.text) & wanted:
            break
    else:
        return None
    n = len(items)
    text = say(q, f"共{n}条。据《{doc.title}》：「{lead.text}」其后列出{n}项。",
               f"{n} — in {doc.title}: 「{lead.text}」 is followed by {n} items.")
    evidence = [evidence_item(kg, doc.doc_id, lead, score)]
    evidence += [evidence_item(kg, doc.doc_id, items[0], score * 0.9), evidence_item(kg, doc.doc_id, items[-1], score * 0.9)]
    return make_answer(q, text, evidence[:k], {"method": "items of the enumerated list counted", "items": n})
