"""How often or how long: the closest sentence that states a frequency or a term (每月, 每届任期三年至五年),
with the phrase the question asks about picked out.
"""

from __future__ import annotations

import re

from ..normalize import fold
from .question import excluded_part
from .ranking import (bigrams, evidence_item, make_answer, quote_window, rank_sentences, restatement,
                      restatement_note, say, select_evidence)

_FREQUENCY = re.compile(
    r"(?:每(?:[一二两三四五六七八九十\d]+个?|个)?(?:季度|半年|学期|届|[年月周日天季])|定期|常态化?|经常性?|(?:上|几|数)[十百千]+年|(?<!\d)(?:半年度|月度|季度|(?<!半)年度)|至少|不少于|不超过|最长|最短|"
    r"(?<![\d*])(?!\d{4}年)[一二三四五六七八九十\d*]+(?:年|个月|周|天)(?:[至到-][一二三四五六七八九十\d*]+(?:年|个月|周|天))?(?:内|一次|以上)?)"
    r"[^，。；]{0,24}?(?:[\d*一二三四五六七八九十两]+\s*(?:次|天|个月|年|学时|周|名|人))?")


_PERIOD = re.compile(r"每(?:[一二两三四五六七八九十\d*]+个?|个)?(?:季度|半年|学期|届|[年月周日天季])|[\d*一二两三四五六七八九十]+次")
_HOW_LONG = re.compile(r"多长|任期|期限|最长|最短|多少年|几年|几个月|多少天|how long|term", re.I)
_HAS_NUMBER = re.compile(r"[\d*一二两三四五六七八九十]")
_TERM_STATED = re.compile(r"(?:每届)?任期[^，。；]{2,20}")
_TERM_LENGTH = re.compile(r"任期[^，。；]{0,6}[一二三四五六七八九十\d*]+年")
# 开几回 / 几次 / how many times: the count belongs in the answer (每年至少举行一次, not 每年)
_ASKS_TIMES = re.compile(r"几[次回]|多少[次回]|\bhow many times\b", re.I)
_TIMES_AFTER = re.compile(r"[^，。；]{0,12}?[\d*一二两三四五六七八九十]+次")

# 一届干几年 / how long is a term: a term of office (任期), not how often something recurs
_ASKS_TERM = re.compile(r"任期|一届|每届|这一届|届期|\bterms? of office\b|\b(?:single|each|one|a|its|their) term\b|"
                        r"\bhow long\b.*\bterms?\b|\bterms?\b.*\bhow (?:long|many years)\b", re.I)


def with_times(text, phrase) -> str:
    """``phrase`` run on to the count of times that follows it in its clause of ``text``, if any.

    >>> with_times("中央委员会全体会议由中央政治局召集，每年至少举行一次。", "每年")
    '每年至少举行一次'
    >>> with_times("党组每季专题研究1次党建工作。", "每季"), with_times("每月开展活动。", "每月")
    ('每季专题研究1次', '每月')
    """
    at = text.find(phrase)
    if at < 0 or "次" in phrase:
        return phrase
    times = _TIMES_AFTER.match(text, at + len(phrase))
    return phrase + times.group() if times else phrase


def frequency_phrases(text, question) -> list:
    """The frequency phrases of ``text``, the one the question asks about first: the phrase whose clause
    shares most with the question (its own words left out, or 每届 would win by repeating 每届); for
    how long (多长, 任期), a phrase with a number before one without.

    >>> frequency_phrases("党组每季专题研究1次党建工作，党组成员每月到联系点调研。", "党组成员多久到联系点调研一次？")[0]
    '每月'
    >>> frequency_phrases("党的基层委员会每届任期三年至五年。", "党的基层委员会每届任期多长？")[0]
    '三年至五年'
    """
    wanted = bigrams(question)
    how_long = bool(_HOW_LONG.search(question))
    found = []
    for order, match in enumerate(_FREQUENCY.finditer(text)):
        phrase = match.group().strip()
        if len(phrase) < 2:
            continue
        start = max(text.rfind(c, 0, match.start()) for c in "，；。：,;") + 1
        ends = [e for e in (text.find(c, match.end()) for c in "，；。,;") if e >= 0]
        clause = text[start:min(ends) if ends else len(text)]
        context = clause.replace(phrase, " ")
        found.append((-len(bigrams(context) & wanted), -(how_long and bool(_HAS_NUMBER.search(phrase))),
                      order, phrase))
    return [phrase for *_, phrase in sorted(found)]


def answer_frequency(kg, q, k):
    """How often or how long: the closest sentence that states a frequency, with the phrase picked out."""
    ranked = [(score, i) for score, i in rank_sentences(kg, q) if _FREQUENCY.search(kg.sentences_[i][1].text)]
    asks_term = bool(_ASKS_TERM.search(q.plain))
    if asks_term:   # the sentences that state a term, when the closest ones do
        terms = [(score, i) for score, i in ranked[:20] if "任期" in kg.sentences_[i][1].text]
        # the asked body's own term first; then 每届任期五年, a length, before 每届任期和同级党的委员会相同
        names = [fold(label) for t in q.entities[:1] for label in t.labels("zh")]   # the body asked about
        # (named before 任期, as whose term it is: not 纪委…任期和同级党的委员会相同 for 党的委员会)
        terms.sort(key=lambda x: (not any(n in kg.folded_sentences_[x[1]].split("任期")[0] for n in names),
                                  not _TERM_LENGTH.search(kg.sentences_[x[1]][1].text)))
        ranked = terms + [r for r in ranked if r not in terms] if terms else ranked
    if not ranked:
        return None
    if not _HOW_LONG.search(q.plain):
        # 多久搞一次: a sentence that names the period (每月开展1次) answers it; 经常 or 定期 only says it
        # recurs. The period decides which sentence answers, not how close the others are.
        best = max(ranked, key=lambda x: (x[0] + (0.1 if _PERIOD.search(kg.sentences_[x[1]][1].text) else 0.0), -x[1]))
        ranked = [best] + [r for r in ranked if r != best]
    score, i = ranked[0]
    doc, sentence = kg.sentences_[i]
    quote = quote_window(sentence.text, q.query)
    phrases = frequency_phrases(quote, q.query)
    aside = excluded_part(q.plain)   # 除了年度分析会，多久还开一次: not 年度
    phrases = [p for p in phrases if not aside or p not in aside] or phrases
    if asks_term:   # a term is a length: 五年 before 每届
        phrases.sort(key=lambda p: not _HAS_NUMBER.search(p))
        stated = _TERM_STATED.search(quote)
        if stated and not (phrases and _HAS_NUMBER.search(phrases[0])):
            phrases.insert(0, stated.group())   # 每届任期和同级党的委员会相同: the term as the text puts it
    period = phrases[0] if phrases else None   # what another sentence must restate (每年, not 每年至少召开1次)
    if phrases and _ASKS_TIMES.search(q.plain):
        phrases[0] = with_times(quote, phrases[0])
    masked = "*" in (phrases[0] if phrases else "")
    note = say(q, "（*为原文隐去的数字，未知）" if masked else "", " (* is a number masked in the text: unknown)" if masked else "")
    lead = (phrases[0] + "。" if q.language == "zh" else f"{phrases[0]}.") if phrases else ""
    text = say(q, f"{lead}{note}原文：「{quote}」", f"{lead}{note} The text: 「{quote}」".strip())
    evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
    also = restatement(kg, ranked, i, period) if period else None
    if also is not None:
        text += restatement_note(kg, q, also[1])
        evidence.append(evidence_item(kg, kg.sentences_[also[1]][0].doc_id, kg.sentences_[also[1]][1], also[0]))
    for score2, j in select_evidence(ranked, 2, ratio=0.85)[1:]:
        if also is None or j != also[1]:
            evidence.append(evidence_item(kg, kg.sentences_[j][0].doc_id, kg.sentences_[j][1], score2))
    return make_answer(q, text, evidence[:k], {"method": "sentences stating a frequency", "candidates": len(ranked)})
