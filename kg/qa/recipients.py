"""To whom: the body a text says something is reported, submitted or owed to (向上级党组织报告, 报党组批准),
and by whose instructions a body works (根据中央委员会的指示).

>>> recipients("发现问题的，应当及时向上级党组织和本单位党组（党委）报告。", "报告")
['上级党组织和本单位党组（党委）']
>>> recipients("选举结果报上级党组织批准。", "")
['上级党组织']
"""

from __future__ import annotations

import re

from .ranking import evidence_item, make_answer, quote_window, rank_sentences, say

_VERBS = "报告|汇报|请示|负责|反映|备案|报送|提出|提交"
# 向谁负责 (who is over whom) is a chain question, answered from the chains; these ask where something goes.
_ASKS_ZH = re.compile(r"向谁(?P<verb>报告|汇报|请示|反映|备案|报送|提出|提交)|(?P<verb2>报告|汇报|报送|提交)给谁|报(?:给)?谁|报送谁")
_ASKS_EN = re.compile(r"\bto whom (?:must|should|does|do|shall|is|are|will)\b(?!.*\b(?:responsible|accountable)\b)"
                      r"|\bwhom (?:must|should|does|do|shall) .* (?:report|submit)", re.I)
_TO = re.compile(rf"向(?P<who>[^，。；：、]{{2,30}}?)(?:(?:作|做)?(?P<verb>{_VERBS}))")
_VERB_THEN = re.compile(r"(?:报告|报送|汇报|请示)(?P<rest>[^，。；：]{2,16})")
_SUBMIT = re.compile(r"(?<![汇情])报(?P<who>[^，。；：]{2,24}?)(?:批准|审批|备案|同意|讨论决定|审查|审议)")
_EN_VERBS = (("report", "报告"), ("submit", "报送"))
# 按照谁的指示: whose instruction or authority a body works by (根据中央委员会的指示进行工作)
_ASKS_WHOSE = re.compile(r"(?:根据|按照|依据|依照|遵照)谁的(?P<what>指示|要求|部署|授权|决定)|\bon whose (?:instructions?|authority|orders?)\b", re.I)
_BY_WHOSE = re.compile(r"(?:根据|按照|依据|依照|遵照)(?P<who>[^，。；：]{2,24}?)的(?P<what>指示|要求|部署|授权|决定)")


def recipients(sentence_text: str, verb: str = "", lexicon=None) -> list:
    """The bodies a sentence names after 向 (and before the verb asked, when given) or after 报; with a
    lexicon, also a known body right after the verb (及时报告党中央)."""
    found = [m.group("who") for m in _TO.finditer(sentence_text) if not verb or m.group("verb") == verb]
    found += [m.group("who") for m in _SUBMIT.finditer(sentence_text)]
    if lexicon is not None:
        for m in _VERB_THEN.finditer(sentence_text):
            names = lexicon.find(m.group("rest"), kinds=("organization",))
            if names and names[0].start == 0:
                found.append(names[0].surface)
    return list(dict.fromkeys(found))


def _asked(q) -> str:
    """The question as its patterns read it: the English as written, the Chinese as searched."""
    return q.text if q.language == "en" else q.query


def asks_recipient(q) -> bool:
    """True for 向谁报告 / 报谁批准 / to whom … report, and for 按照谁的指示 (whose instructions)."""
    return bool((_ASKS_EN if q.language == "en" else _ASKS_ZH).search(_asked(q)) or _ASKS_WHOSE.search(_asked(q)))


def _asked_verb(q) -> str:
    if q.language == "en":
        return next((zh for en, zh in _EN_VERBS if en in q.text.lower()), "")
    m = _ASKS_ZH.search(q.query)
    return (m.group("verb") or m.group("verb2") or "") if m else ""


def answer_recipient(kg, q, k):
    """To whom something is reported, submitted or owed: the body the closest sentence names after 向
    (or 报) with the verb asked."""
    if not asks_recipient(q):
        return None
    verb = _asked_verb(q)
    whose = bool(_ASKS_WHOSE.search(_asked(q)))
    ranked = rank_sentences(kg, q)[:20]
    if not ranked:
        return None
    best = ranked[0][0]
    for score, i in ranked:
        if score < 0.6 * best:
            break
        doc, sentence = kg.sentences_[i]
        if whose:
            found = list(dict.fromkeys(m.group("who") for m in _BY_WHOSE.finditer(sentence.text)))
        else:
            found = (recipients(sentence.text, verb, kg.lexicon_)
                     or (recipients(sentence.text, "", kg.lexicon_) if verb else []))
        if found:
            who = "、".join(found)
            quote = quote_window(sentence.text, f"向{found[0]} " + q.query)
            text = say(q, f"{who}。原文：「{quote}」", f"{who}. The text: 「{quote}」")
            evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
            for other_score, j in ranked[:3]:
                if j != i and len(evidence) < min(k, 2) and other_score >= 0.8 * score:
                    evidence.append(evidence_item(kg, kg.sentences_[j][0].doc_id, kg.sentences_[j][1], other_score))
            return make_answer(q, text, evidence, {"method": "the body named after 向 or 报", "verb": verb})
    return None
