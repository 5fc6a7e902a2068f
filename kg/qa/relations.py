"""Relations between roles: the chain of responsibility a question is about, drawn top down, and two roles
compared side by side on what the question asks about.
"""

from __future__ import annotations

import re

import numpy as np

from ..lexicon import Term
from ..normalize import fold
from .ranking import evidence_item, make_answer, quote_window, rank_sentences, say, select_evidence, sentence_scores


# ---------------------------------------------------------------------------- chain of responsibility
CHAIN_RELEVANCE = 0.75   # the closest sentence stating a link, against the closest sentence of all
_ASKS_CHAIN = re.compile(r"责任链|链条|层级关系|\bchains?\b", re.I)   # the chain itself is asked for
DIRECT_RELEVANCE = 0.6   # less for a link of the very body asked about (机关党委领导哪些群团组织)
def answer_chain(kg, q, k):
    """The chain of responsibility the question is about: the links stated in the sentences closest to
    it (and those through the role it names), drawn top first, with the best sentence quoted."""
    from ..network import chain_graph, chain_order

    links = kg.facts_.chains
    if not links:
        return None
    # A question that names a body asks about its links: the others come in only when it has none.
    named = {t.key for t in q.entities}
    links = [l for l in links if named & {l.superior.key, l.subordinate.key}] or links
    positions = sorted({kg.sentence_position(l.evidence.doc_id, l.evidence.sentence) for l in links
                        if l.evidence.sentence >= 0})
    ranked = rank_sentences(kg, q, among=positions)
    if not ranked:
        return None
    direct = _direct_links(kg, q, links)
    stated = ranked[0][0]
    if direct is not None:   # the links of the body asked about: how close their own sentences are
        own = {kg.sentence_position(l.evidence.doc_id, l.evidence.sentence) for l in direct[1] if l.evidence.sentence >= 0}
        stated = max((score for score, i in ranked if i in own), default=0.0)
    closest = rank_sentences(kg, q) if not _ASKS_CHAIN.search(q.plain) else None
    if closest and stated < (DIRECT_RELEVANCE if direct is not None else CHAIN_RELEVANCE) * closest[0][0]:
        return None   # no stated link is near what the question asks (Can a senior leader be excused…)
    top = {(kg.sentences_[i][0].doc_id, kg.sentences_[i][1].index) for _, i in select_evidence(ranked, 3, ratio=0.7)}
    roles = {t.key for t in q.entities}
    chosen = [l for l in links if (l.evidence.doc_id, l.evidence.sentence) in top
              or (roles & {l.superior.key, l.subordinate.key} and (l.evidence.doc_id, l.evidence.sentence) in
                  {(kg.sentences_[i][0].doc_id, kg.sentences_[i][1].index) for _, i in ranked[:6]})]
    graph = chain_graph(chosen)
    order = chain_order(graph)
    if len(order) < 2:
        return None
    labels = [graph.nodes[n]["label"] for n in order]
    steps = "；".join(f"{graph.nodes[a]['label']}→{graph.nodes[b]['label']}" for a, b in list(graph.edges)[:8])
    evidence = [evidence_item(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], score)
                for score, i in select_evidence(ranked, min(k, 3), ratio=0.7)]
    lead = ""
    if direct is not None:
        lead, found = direct
        stated = [evidence_item(kg, l.evidence.doc_id, kg.document(l.evidence.doc_id).sentences[l.evidence.sentence],
                                evidence[0].score if evidence else 1.0) for l in found if l.evidence.sentence >= 0]
        seen, merged = set(), []
        for item in stated + evidence:
            if (item.doc, item.start) not in seen:
                seen.add((item.doc, item.start))
                merged.append(item)
        evidence = merged[:max(1, k)]
    # the sentence quoted is the first evidence: the one stating the links asked about, when there is one
    quote = quote_window(evidence[0].text if evidence else kg.sentences_[ranked[0][1]][1].text, q.query)
    text = say(q, f"责任链（自上而下）：{' → '.join(labels)}（{steps}）。原文：「{quote}」",
               f"Chain of responsibility, top down: {' → '.join(labels)} ({steps}). The text: 「{quote}」")
    text = f"{lead} {text}" if lead else text
    return make_answer(q, text, evidence, {"method": "networkx chain of the closest links", "nodes": len(order)})


_ASKS_UP = re.compile(r"受谁|谁的领导|谁领导|向谁|对谁负责|上级|who leads|led by|reports? to|under whose|accountable to|"
                     r"to whom|responsible to",
                      re.I)
_ASKS_DOWN = re.compile(r"领导谁|领导哪些|下级|管哪些|whom does .* lead|subordinates? of", re.I)


def _direct_links(kg, q, links):
    """For 机关党委受谁领导 / 党组领导哪些组织 about one named body: ``(sentence, links)`` naming its direct
    superiors (or subordinates) as the texts state them, or ``None``."""
    up, down = bool(_ASKS_UP.search(q.plain)), bool(_ASKS_DOWN.search(q.plain))
    named = [t for t in q.entities if t.kind in ("role", "organization")]
    if up == down or not named or (len(named) > 2 or (len(named) == 2 and up)):
        return None
    # 机关党委领导哪些群团组织: the body named first leads; a second name is the kind of body asked for
    query = fold(q.query)
    named.sort(key=lambda t: min((query.find(fold(n)) for n in t.labels("zh") if fold(n) in query), default=len(query)))
    term, kind = named[0], named[1] if len(named) == 2 else None
    found = [l for l in links if (l.subordinate.key if up else l.superior.key) == term.key]
    if kind is not None:
        found = [l for l in found if l.subordinate.key == kind.key or
                 kind.key in getattr(kg.lexicon_.get(l.subordinate.key), "broader", ())] or found
    if not found:
        return None
    others = list(dict.fromkeys((l.superior if up else l.subordinate).label for l in found))
    if q.language == "en":
        return (f"{term.label('en')} ({term.zh}) is led by: {', '.join(others)}." if up else
                f"{term.label('en')} ({term.zh}) leads: {', '.join(others)}."), found
    return (f"{term.zh}的上级（领导它的）：{'、'.join(others)}。" if up else
            f"{term.zh}领导的：{'、'.join(others)}。"), found


# ---------------------------------------------------------------------------- comparing two roles
_DUTY_ASPECT = re.compile(r"职责|责任|分工|任务|做什么|干什么|负责|dut(y|ies)|responsib|tasks?|role", re.I)


def _mentions_any(folded_sentence, names) -> bool:
    return any(name in folded_sentence for name in names)


def answer_compare(kg, q, k):
    """Two roles side by side, on what the question asks about (人选, 权利, 职责, 领导关系 …).

    For each role, the sentence that names it and is closest to the question without the two names
    (what is being compared); a sentence that names both, when it is close, comes first.
    """
    roles = compared_sides(kg, q) or [t for t in q.entities if t.kind in ("role", "organization")][:2]
    if len(roles) < 2:
        return None
    names = [[fold(n) for n in t.labels("zh") if len(n) >= 2] for t in roles]
    aspect = q.query
    for label in sorted({n for t in roles for n in t.labels("zh")}, key=len, reverse=True):
        aspect = aspect.replace(label, " ")
    scores = 0.5 * sentence_scores(kg, aspect) + 0.5 * sentence_scores(kg, q.expanded or q.query)
    if _DUTY_ASPECT.search(q.plain):
        # Comparing duties: a sentence that gives one of them a duty says more than one that names it.
        for term in roles:
            for duty in kg.facts_.duties_of(term.key):
                if duty.evidence.sentence >= 0 and not duty.reported:
                    scores[kg.sentence_position(duty.evidence.doc_id, duty.evidence.sentence)] += 0.08
    best = [None, None]
    both = None
    for i in np.argsort(-scores)[:400]:
        score = float(scores[i])
        if score <= 0:
            break
        folded = kg.folded_sentences_[i]
        found = [_mentions_any(folded, n) for n in names]
        if all(found) and both is None:
            both = (score, int(i))
        for side, hit in enumerate(found):
            # a sentence naming only the longer name of the two (正式党员 ⊃ 党员) speaks of that one
            if hit and best[side] is None and not (all(found) and _nested(names, side, folded)):
                best[side] = (score, int(i))
    if best[0] is None and best[1] is None and both is None:
        return None
    parts, chosen = [], []
    best_single = max((b[0] for b in best if b is not None), default=0.0)
    if both is not None and both[0] >= 0.8 * best_single:
        chosen.append(both)
        doc, sentence = kg.sentences_[both[1]]
        parts.append(say(q, f"《{doc.title}》将两者并提：「{quote_window(sentence.text, q.query)}」",
                         f"{doc.title} names both: 「{quote_window(sentence.text, q.query)}」"))
    for term, found in zip(roles, best):
        if found is None:
            parts.append(say(q, f"{term.zh}：文中未见相关表述", f"{term.label('en')} ({term.zh}): nothing found"))
            continue
        if found[1] in [c[1] for c in chosen]:
            continue
        chosen.append(found)
        sentence = kg.sentences_[found[1]][1]
        quote = quote_window(sentence.text, aspect + " " + term.zh, limit=120)
        parts.append(say(q, f"{term.zh}：「{quote}」", f"{term.label('en')} ({term.zh}): 「{quote}」"))
    evidence = [evidence_item(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen[:k]]
    text = say(q, "比较——" + "；".join(parts), "Compared — " + "; ".join(parts))
    text += "" if text.endswith(("。", ".", "」")) else say(q, "。", ".")
    return make_answer(q, text, evidence, {"method": "closest sentence naming each role", "aspect": aspect.strip()})


# 「A和B…有什么不同」: the two things compared, as the question writes them.
_COMPARED = re.compile(r"(?P<a>[^，,。？?：:；;和与跟同及]{2,24}?)(?:和|与|跟|同)(?P<b>[^，,。？?：:；;和与跟同及]{2,24}?)"
                       r"(?=的|在|之间|相比|比较|有什么|有何|有哪些|区别|不同|各|分别)")


def compared_sides(kg, q) -> list:
    """The two sides of a Chinese comparison as terms: for each side, the lexicon term it names when it
    names exactly one, else the side as written when the texts use that (中央党校（国家行政学院）, which
    the lexicon lacks). ``[]`` when the question is not of that shape or a side cannot be read."""
    m = _COMPARED.search(q.query) if q.language == "zh" else None
    if m is None:
        return []
    sides = []
    for written in (m.group("a"), m.group("b")):
        written = re.sub(r"^(?:在|对|把|就|从)", "", written.strip())
        named = [t for t in q.entities if t.kind in ("role", "organization")
                 and any(label in written for label in t.labels("zh"))]
        folded = fold(written)
        if len(named) == 1 and any(fold(label) == folded for label in named[0].labels("zh")):
            sides.append(named[0])
        elif len(folded) >= 3 and any(folded in text for text in kg.folded_sentences_):
            sides.append(Term(f"compared:{written}", "organization", written))
        elif len(named) == 1:
            sides.append(named[0])
        else:
            return []
    return sides if sides[0].key != sides[1].key else []


def _nested(names, side, folded) -> bool:
    """True when every name of this side that the sentence holds is only there inside the other side's name."""
    other = names[1 - side]
    for name in names[side]:
        if name in folded and not any(name in o and o in folded and folded.count(o) >= folded.count(name)
                                      for o in other if o != name):
            return False
    return True
