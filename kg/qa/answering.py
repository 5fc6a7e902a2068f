"""Answering: from a parsed question to an :class:`Answer`, by intent, with TF-IDF ranking.

Each intent has a handler ``(context, question, k) -> Answer | None``; a handler that finds
nothing returns ``None`` and the question falls back to sentence search, which always answers.
"""

from __future__ import annotations

import re

from ..facts import DEFAULT, PERMISSION, PROHIBITION
from ..graph import entity_iri
from ..normalize import fold
from ..translate import load_phrase_table
from .answer import Answer, EvidenceItem
from .question import parse_question

MAX_EVIDENCE = 5
QUOTE_CHARS = 180       # a quoted clause window stays around this length
ANSWER_CHARS = 400      # answers aim to say what matters within this many characters

_CLAUSE_END = re.compile(r"[，；：,;:]")


# ---------------------------------------------------------------------------- shared helpers
def _evidence(kg, doc_id, sentence, score) -> EvidenceItem:
    doc = kg.document(doc_id)
    path = " > ".join(s.marker + (s.heading or "") for s in doc.section_path(sentence.section))
    return EvidenceItem(doc_id, sentence.text, sentence.start, sentence.end, score, path)


def _evidence_from_fact(kg, ev, score) -> EvidenceItem:
    doc = kg.document(ev.doc_id)
    sentence = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else doc.sentence_at(ev.start)
    if sentence is None or sentence.start != ev.start:
        return EvidenceItem(ev.doc_id, ev.text, ev.start, ev.end, score)
    return _evidence(kg, ev.doc_id, sentence, score)


def _bigrams(text):
    folded = fold(text)
    return {folded[i:i + 2] for i in range(len(folded) - 1) if not _CLAUSE_END.search(folded[i:i + 2])}


def quote_window(sentence_text: str, question_text: str, limit: int = QUOTE_CHARS) -> str:
    """The part of a sentence that answers: the best-matching clause and its neighbours.

    >>> quote_window("甲，乙丙，丁戊己。", "乙丙", limit=100)
    '甲，乙丙，丁戊己。'
    """
    if len(sentence_text) <= limit:
        return sentence_text
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(sentence_text)] + [len(sentence_text)]
    clauses = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i + 1] > cuts[i]]
    wanted = _bigrams(question_text)
    scores = [len(_bigrams(sentence_text[s:e]) & wanted) for s, e in clauses]
    best = max(range(len(clauses)), key=lambda i: (scores[i], -i))
    lo = hi = best
    # Grow the window around the best clause, the clause before it first: the genre often puts
    # the answer (where, what) just before the matched predicate.
    while True:
        grown = False
        for candidate in (lo - 1, hi + 1):
            if 0 <= candidate < len(clauses):
                s = clauses[min(lo, candidate)][0]
                e = clauses[max(hi, candidate)][1]
                if e - s <= limit:
                    lo, hi = min(lo, candidate), max(hi, candidate)
                    grown = True
        if not grown:
            break
    text = sentence_text[clauses[lo][0]:clauses[hi][1]]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(clauses) - 1 else ""
    return prefix + text.rstrip("，；：,;:") + suffix


def _rank_sentences(kg, q, among=None, kind_bonus=None):
    scores = kg.sentence_index_.scores(q.query) if kg.sentences_ else []
    ranked = []
    folded_quotes = [fold(x) for x in q.quoted if len(x) >= 2]
    entity_names = [[fold(n) for n in t.labels("zh")] for t in q.entities]
    positions = range(len(kg.sentences_)) if among is None else among
    for i in positions:
        doc, sentence = kg.sentences_[i]
        score = float(scores[i])
        if score <= 0:
            continue
        folded = fold(sentence.text)
        score += 0.25 * sum(1 for quote in folded_quotes if quote in folded)
        score += 0.08 * sum(1 for names in entity_names if any(n in folded for n in names))
        if kind_bonus:
            score += kind_bonus.get(sentence.kind, 0.0)
        ranked.append((score, i))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


def _select_evidence(ranked, k, ratio=0.72):
    """Keep the best sentences that stay close to the best score (precision over recall)."""
    if not ranked:
        return []
    best = ranked[0][0]
    return [(s, i) for s, i in ranked[:k] if s >= best * ratio]


def _say(q, zh, en):
    return en if q.language == "en" else zh


def _entities(q):
    return [{"iri": str(entity_iri(t.ref)), "label": t.zh, "kind": t.kind} for t in q.entities]


def _answer(q, text, evidence, trace, answered=True):
    trace = {"tokens": list(q.tokens), "linked": [t.zh for t in q.entities], "query": q.query, **trace}
    if q.notes:
        trace["notes"] = list(q.notes)
    return Answer(q.text, q.language, q.intent, text, evidence, _entities(q), trace, answered)


def _doc_title(kg, doc_id):
    return kg.document(doc_id).title


# ---------------------------------------------------------------------------- search (fallback)
def answer_search(kg, q, k):
    """Answer with the sentences most similar to the question (TF-IDF, quotes and entities boosted)."""
    ranked = _rank_sentences(kg, q)
    chosen = _select_evidence(ranked, min(k, 3))
    if not chosen:
        return None
    evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen]
    best_doc, best = kg.sentences_[chosen[0][1]]
    quote = quote_window(best.text, q.query)
    text = _say(q, f"据《{best_doc.title}》：「{quote}」",
                f"The closest passage, in {best_doc.title}: 「{quote}」")
    if len(chosen) > 1:
        second_doc, second = kg.sentences_[chosen[1][1]]
        extra = quote_window(second.text, q.query, limit=120)
        text += _say(q, f" 另见：「{extra}」", f" See also: 「{extra}」")
    return _answer(q, text, evidence, {"method": "tf-idf over sentences", "candidates": len(ranked)})


# ---------------------------------------------------------------------------- duties of a role
def _modality_zh(duty):
    return {PROHIBITION: "不得", DEFAULT: "原则上", PERMISSION: "可以"}.get(duty.modality, "")


def _duty_line(duty, language):
    freq = duty.frequency.describe(language) if duty.frequency else ""
    mod = _modality_zh(duty)
    if language == "en":
        tag = {PROHIBITION: "must not: ", DEFAULT: "as a rule: ", PERMISSION: "may: "}.get(duty.modality, "")
        return f"{tag}「{duty.action}」" + (f" ({freq})" if freq else "")
    text = duty.action if not mod or duty.action.startswith(mod) else mod + duty.action
    return text + (f"（{freq}）" if freq and freq not in duty.action else "")


def _related_roles(kg, term):
    """The role itself, the posts it holds, and the roles that hold it (with how they relate)."""
    related = [(term.key, "")]
    for h in kg.facts_.posts_held_by(term.key):
        related.append((h.post.key, f"{term.zh}担任{h.post.label}" if not h.concurrent else f"{term.zh}兼任{h.post.label}"))
    for h in kg.facts_.holders_of(term.key):
        related.append((h.holder.key, f"由{h.holder.label}担任" if not h.concurrent else f"由{h.holder.label}兼任"))
    seen, out = set(), []
    for key, how in related:
        if key not in seen:
            seen.add(key)
            out.append((key, how))
    return out


def _rank_duties(kg, q, duties):
    if not duties:
        return []
    position = {id(d): i for i, d in enumerate(kg.facts_.duties)}
    among = [position[id(d)] for d in duties if id(d) in position]
    scores = kg.duty_index_.scores(q.query) if among else []
    ranked = sorted(duties, key=lambda d: (-(float(scores[position[id(d)]]) if id(d) in position else 0.0),
                                           d.reported, d.evidence.doc_id, d.evidence.start, d.start))
    return [(float(scores[position[id(d)]]) if id(d) in position else 0.0, d) for d in ranked]


def answer_role_duties(kg, q, k):
    """What must a role do: its duties, those of the posts it holds, and those of the roles holding it."""
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles:
        return None
    term = roles[0]
    related = _related_roles(kg, term)
    duties, via = [], {}
    for key, how in related:
        for d in kg.facts_.duties_of(key):
            duties.append(d)
            via[id(d)] = how
    prescribed = [d for d in duties if not d.reported] or duties
    if not prescribed:
        return None
    ranked = _rank_duties(kg, q, prescribed)
    specific = ranked and ranked[0][0] > 0.25 and len(q.tokens) > 2
    shown = ranked[: (5 if specific else 10)]
    lines = []
    for i, (score, d) in enumerate(shown, 1):
        how = via.get(id(d), "")
        lines.append(_duty_line(d, q.language) + (f"［{how}］" if how and q.language == "zh" else (f" [{how}]" if how else "")))
    holdings = [how for _, how in related if how]
    if q.language == "en":
        text = f"Duties of {term.label('en')} ({term.zh}) in the texts ({len(prescribed)} found): " + "; ".join(
            f"{i}. {line}" for i, line in enumerate(lines, 1))
        if holdings:
            text += " Posts: " + "; ".join(holdings) + "."
    else:
        text = f"{term.zh}的职责（共{len(prescribed)}项）：" + "；".join(f"{i}. {line}" for i, line in enumerate(lines, 1)) + "。"
        if holdings:
            text += "任职：" + "；".join(holdings) + "。"
    evidence, seen = [], set()
    for score, d in shown:
        key = (d.evidence.doc_id, d.evidence.start)
        if key not in seen:
            seen.add(key)
            evidence.append(_evidence_from_fact(kg, d.evidence, score))
    evidence = evidence[:k]
    return _answer(q, text, evidence, {"method": "duties of the role and its posts",
                                       "roles": [key for key, _ in related], "duties": len(prescribed)})


# ---------------------------------------------------------------------------- dispatch
HANDLERS = {
    "role_duties": answer_role_duties,
}


def _refusal(q, why_zh, why_en):
    return _answer(q, _say(q, why_zh, why_en), [], {"method": "refused"}, answered=False)


def answer_question(kg, text, top_k: int = 5) -> Answer:
    """Answer ``text`` against a built :class:`kg.KnowledgeGraph`."""
    q = parse_question(text, kg.lexicon_, kg.tokenizer_, load_phrase_table())
    if not q.text:
        return _refusal(q, "问题是空的：请输入一个问题，例如“第一书记要做什么？”",
                        "The question is empty: ask something such as “What must a first secretary do?”")
    k = max(1, min(int(top_k), MAX_EVIDENCE * 4))
    handler = HANDLERS.get(q.intent)
    answer = handler(kg, q, k) if handler else None
    if answer is None:
        answer = answer_search(kg, q, k)
        if answer is not None and q.intent != "search":
            answer.trace["fallback"] = f"no {q.intent} facts matched; answered by sentence search"
    if answer is None:
        suggestions = "、".join(t.zh for t in kg.lexicon_.of_kind("role")[:5])
        return _refusal(q, f"文本中没有找到能回答这个问题的内容。可以试着问某个职务的职责，例如：{suggestions}。",
                        "Nothing in the texts answers this question. Try asking about a role's duties, "
                        f"for example: {suggestions}.")
    return answer
