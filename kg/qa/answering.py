"""Answering: from a parsed question to an :class:`Answer`, by intent, with TF-IDF ranking.

Each intent has a handler ``(context, question, k) -> Answer | None``; a handler that finds
nothing returns ``None`` and the question falls back to sentence search, which always answers.
The handlers live one module per family of intents (:mod:`.duties`, :mod:`.posts`, :mod:`.formulae`,
:mod:`.frequency`, :mod:`.problems`, :mod:`.relations`, :mod:`.counting`, :mod:`.search`), on the
ranking of :mod:`.ranking`; this module holds the dispatch and the refusals. Before the intent's
handler, three readings that cut across intents get their turn: 「X和Y分别…」 as two questions
(:mod:`.split`), who a named post's holder is (:func:`.posts.answer_person_named`), and to whom
something goes (:mod:`.recipients`).
"""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import re

from ..normalize import fold
from ..translate import load_phrase_table
from .answer import Answer
from .counting import answer_count
from .duties import answer_duty_holder, answer_role_duties
from .formulae import answer_formula, answer_parallel, answer_spelled_out
from .followup import adds_to, answers_nearby, first_question, follow_ups, nearby_positions, read_follow_up, shortened
from .frequency import answer_frequency
from .issuance import answer_issuer
from .posts import answer_person_named, answer_post_holder
from .problems import answer_problems
from .question import parse_question
from .ranking import MAX_EVIDENCE, document_named, make_answer, say
from .recipients import answer_recipient
from .relations import answer_chain, answer_compare
from .search import answer_search, answer_with_chapter
from .sections import answer_layout, answer_section_asked
from .split import split_question

HANDLERS = {
    "role_duties": answer_role_duties,
    "mechanism_parts": answer_formula,
    "definition": answer_formula,
    "mechanism_context": answer_formula,
    "post_holder": answer_post_holder,
    "duty_holder": answer_duty_holder,
    "frequency": answer_frequency,
    "problems": answer_problems,
    "chain": answer_chain,
    "compare": answer_compare,
    "count": answer_count,
}


# (对宇航员有什么要求 asks about 宇航员; 干 of 干部 is no verb: …非党员干部 is one name)
_ROLE_NOUN_ZH = re.compile(r"^(?:对于|对)?([\u4e00-\u9fff]{1,10}?(?:员|长|书记|委员|干部|负责人|主任|成员|代表|秘书))"
                           r"(?:要|应|需|必须|得|该|都|平时|主要|负责|做|干(?!部)|怎么|如何|有哪些|有什么|的职责|的任务)")
_ROLE_NOUN_EN = re.compile(r"^\s*what (?:must|should|does|do|shall|has|have) (?:an? |the )?([a-z][a-z -]{1,40}?)"
                           r" (?:do|have to do|to do|be responsible for|responsible for)\b", re.I)


def unknown_role(kg, q):
    """The role a question about duties names when the texts never do (宇航员, 党小组副组长), else ``None``.

    A name counts as known when the lexicon knows it, a sentence holds it, or it ends in a known role or
    organization (机关党支部书记 ends in 支部书记).
    """
    if q.intent not in ("role_duties", "post_holder", "duty_holder", "frequency"):
        return None
    if q.language == "en":
        match = _ROLE_NOUN_EN.match(q.text)
        if not match:
            return None
        phrase = match.group(1).strip()
        if kg.lexicon_.find_english(phrase) or load_phrase_table().translate(phrase) or q.entities:
            return None
        return phrase
    match = _ROLE_NOUN_ZH.match(q.query)
    if not match:
        return None
    noun = match.group(1)
    for name in dict.fromkeys((noun, noun.replace("的", ""))):   # 支部的书记 names 支部书记
        folded = fold(name)
        if kg.lexicon_.lookup(name) is not None or any(folded in text for text in kg.folded_sentences_):
            return None
        if any(folded.endswith(fold(label)) for t in q.entities for label in t.labels("zh")):
            return None
    return noun


def _in_texts(kg, term) -> bool:
    names = [fold(label) for label in term.labels("zh") if len(label) >= 2]
    return any(n in text for text in kg.folded_sentences_ for n in names)


def absent_role(kg, q):
    """The role a question about duties or posts names that the lexicon knows but no text mentions
    (党小组长 in texts that never say it), else ``None``: whatever the handlers found would be about
    something else."""
    if q.intent not in ("role_duties", "post_holder"):
        return None
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles or any(_in_texts(kg, t) for t in roles):
        return None
    return roles[0].zh


def close_roles(kg, name, most=5) -> list:
    """Roles and organizations of the lexicon whose Chinese names are closest to ``name``."""
    labels = [t.zh for t in kg.lexicon_ if t.kind in ("role", "organization")]
    return difflib.get_close_matches(name, labels, n=most, cutoff=0.4)


def _refusal(q, why_zh, why_en):
    return make_answer(q, say(q, why_zh, why_en), [], {"method": "refused"}, answered=False)


def _answer_both(kg, q, parts, k):
    """「X和Y分别…」: the question about X and the one about Y, answered one after the other."""
    first_label, second_label, first_q, second_q = parts
    first, second = answer_question(kg, first_q, k), answer_question(kg, second_q, k)
    text = f"分别来看——{first_label}：{first.text.rstrip('。')}；{second_label}：{second.text.rstrip('。')}。"
    evidence = _merged_evidence(*itertools.zip_longest(first.evidence, second.evidence))
    trace = {"method": "two questions", "questions": [first_q, second_q],
             "intents": [first.intent, second.intent]}
    return make_answer(q, text, evidence[:k], trace, answered=first.answered or second.answered)


def answer_question(kg, text, top_k: int = 5, nearby=None, parts=True) -> Answer:
    """Answer ``text`` against a built :class:`kg.KnowledgeGraph`.

    A question that asks two or three things (「A？B？」, "A, and who B?") is answered as a whole, then
    each part on its own; a part's answer is added when it says something new (see :mod:`.followup`).
    ``nearby`` (``{sentence position: bonus}``) weighs up the sentences around an earlier answer's
    passage, for a follow-up; with ``parts=False`` the question is taken as one.
    """
    q = parse_question(text, kg.lexicon_, kg.tokenizer_, load_phrase_table(), kg.name_finder_, kg.glossary_)
    if not q.text:
        return _refusal(q, "问题是空的：请输入一个问题，例如“第一书记要做什么？”",
                        "The question is empty: ask something such as “What must a first secretary do?”")
    k = max(1, min(int(top_k), MAX_EVIDENCE * 4))
    q = dataclasses.replace(q, nearby=nearby or {}, document=document_named(kg, q) or ())
    answer = _answer_one(kg, q, k)
    later = follow_ups(q.plain, q.language) if parts and answer.answered else []
    if q.language == "zh":
        # a follow-up is searched without the words it repeats; one with no words of its own (有什么不同)
        # asks about the same answer
        read = [(f, *read_follow_up(f, q.plain.split(f)[0], kg.tokenizer_.tokens)) for f in later]
        later = [(f, asked) for f, asked, own in read if own]
    else:
        later = [(f, f) for f in later]
    if later:
        first = answer_question(kg, first_question(q.plain, q.language), k, parts=False)
        answer = _with_part(kg, q, answer, first, None, k)
        for question, asked in later:
            context = nearby_positions(kg, answer.evidence)
            more = answer_question(kg, asked, k, nearby=context, parts=False)
            if answers_nearby(kg, more, context, len(more.trace.get("tokens", ()))):
                answer = _with_part(kg, q, answer, more, question, k)
    return answer


def _merged_evidence(*lists) -> list:
    """The evidence items of ``lists`` in order, each sentence once."""
    evidence, seen = [], set()
    for item in itertools.chain(*lists):
        if item is not None and (item.doc, item.start) not in seen:
            seen.add((item.doc, item.start))
            evidence.append(item)
    return evidence


def _with_part(kg, q, answer, more, question, k):
    """``answer`` with ``more``, the answer to one part of the question, added when it says something new;
    ``question`` is that part when it is a follow-up (``None`` for the first part)."""
    if not adds_to(answer.text, more):
        return answer
    head = shortened(answer.text.rstrip())
    if question is None:
        text = f"{head}\n{more.text}"
    else:
        text = say(q, f"{head}\n至于“{question.rstrip('？?')}”：{more.text}",
                   f"{head}\nAs for “{question}”: {more.text}")
    evidence = _merged_evidence(answer.evidence[:1], more.evidence[:1], answer.evidence[1:], more.evidence[1:])
    part = {"question": question or more.question, "intent": more.intent, "method": more.trace.get("method")}
    trace = {**answer.trace, "parts": [*answer.trace.get("parts", []), part]}
    return make_answer(q, text, evidence[:k], trace, answered=True)


def _answer_one(kg, q, k):
    parts = split_question(q.query) if q.language == "zh" else None
    if parts is not None:
        return _answer_both(kg, q, parts, k)
    unknown = unknown_role(kg, q) or absent_role(kg, q)
    if unknown:
        close = [t for t in (kg.lexicon_.lookup(n) for n in close_roles(kg, unknown, most=20))
                 if t is not None and t.zh != unknown and _in_texts(kg, t)][:5] or kg.lexicon_.of_kind("role")[:5]
        close_zh = "、".join(t.zh for t in close)
        close_en = ", ".join(f"{t.label('en')} ({t.zh})" for t in close)
        answer = _refusal(q, f"文本中没有提到“{unknown}”。文中相近的角色有：{close_zh}。",
                          f"Nothing in the texts names “{unknown}”. Roles they do name include: {close_en}.")
        answer.trace["unknown_role"] = unknown
        return answer
    handler = HANDLERS.get(q.intent)
    answer = answer_person_named(kg, q, k) if q.intent in ("duty_holder", "post_holder", "search") else None
    answer = answer or answer_recipient(kg, q, k)
    answer = answer or answer_issuer(kg, q, k)
    answer = answer or answer_spelled_out(kg, q, k) or answer_parallel(kg, q, k) or answer_with_chapter(kg, q, k)
    answer = answer or answer_section_asked(kg, q, k) or answer_layout(kg, q, k)
    answer = answer or (handler(kg, q, k) if handler else None)
    if answer is None:
        answer = answer_search(kg, q, k)
        if answer is not None and q.intent != "search":
            answer.trace["fallback"] = f"no {q.intent} facts matched; answered by sentence search"
    if answer is None:
        suggestions = "、".join(close_roles(kg, q.query) or [t.zh for t in kg.lexicon_.of_kind("role")[:5]])
        return _refusal(q, f"文本中没有找到能回答这个问题的内容。可以试着问某个职务的职责，例如：{suggestions}。",
                        "Nothing in the texts answers this question. Try asking about a role's duties, "
                        f"for example: {suggestions}.")
    return answer
