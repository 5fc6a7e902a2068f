"""Follow-up questions: 「A？B？」 or "A, and what B?" asks a second thing after the first.

The whole question is answered as before; the follow-up is then answered on its own, near the passage
the first answer cites (the genre states the next rule of a topic in the next sentence or two), and its
answer is added when it says something the first does not.

>>> follow_ups("党员失联多久停止党籍？停了以后多久除名？", "zh")
['停了以后多久除名？']
>>> follow_ups("How often is it held, and who convenes it?", "en")
['who convenes it?']
>>> follow_ups("党支部担负哪些职责？", "zh"), follow_ups("What must a branch do, and how?", "en")
([], [])
>>> follow_ups("哪一级党委搞巡视，哪一级党委搞巡察？", "zh"), follow_ups("发现问题时，谁应当及时提醒？", "zh")
(['哪一级党委搞巡察？'], [])
"""

from __future__ import annotations

import re

# A question mark inside the question ends one question (「A？B？」); so does "，and" before an
# interrogative in English ("How often …, and who convenes it?").
_ZH_BREAK = re.compile(r"[？?]\s*")
_EN_BREAK = re.compile(r"(?:[?;]\s+|,\s*and\s+|\s+and\s+(?=(?:who|whom|what|which|how|when|where)\b))"
                       r"(?=(?:and\s+)?(?:who|whom|whose|what|which|how|when|where|why|on what|in what|at what|"
                       r"to whom|is|are|does|do|did|can|must|should)\b)", re.I)
_EN_SKIP = re.compile(r"^\s*and\s+", re.I)
# 「哪一级党委搞巡视，哪一级党委搞巡察？」: clauses that each ask something are questions of their own.
_ZH_CLAUSE_BREAK = re.compile(r"[，,；;]")
_ZH_ASKING = re.compile(r"哪|谁|什么|啥|多少|几[个名项条次年天月种类级]|多久|多长|怎么|怎样|如何")


def _zh_questions(text: str) -> list:
    """The questions of a Chinese text: cut at each question mark, and at a comma between two clauses that
    each ask something (a clause that only sets the scene, 发现问题时，谁应当…, stays with its question)."""
    questions = []
    for part in _ZH_BREAK.split(text):
        clauses = [c for c in _ZH_CLAUSE_BREAK.split(part) if c.strip()]
        if len(clauses) > 1 and all(_ZH_ASKING.search(c) for c in clauses):
            questions.extend(c.strip() for c in clauses)
        else:
            questions.append(part.strip())
    return questions
_MAX_FOLLOW_UPS = 2


def follow_ups(text: str, language: str) -> list:
    """The questions asked after the first one in ``text``, at most two; ``[]`` for a single question."""
    text = text.strip()
    if language == "en":
        parts = [_EN_SKIP.sub("", p).strip() for p in _EN_BREAK.split(text)]
        parts = [p for p in parts if len(re.findall(r"[A-Za-z]+", p)) >= 2]
        out = [p if p.endswith("?") else p.rstrip(" ,;") + "?" for p in parts[1:]]
        out = [_with_counted_noun(p, parts[0]) for p in out]
    else:
        parts = [p for p in _zh_questions(text) if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 4]
        out = [p + "？" for p in parts[1:]]
    return out[:_MAX_FOLLOW_UPS] if len(parts) > 1 else []


_COUNTED = re.compile(r"\bhow (?:many|much)\s+(?P<noun>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?=(?:did|do|does|are|is|were|was|"
                      r"must|should|can|could|will|would|has|have|had|may|in|under|for|at|of|on|per)\b)", re.I)
_BARE_COUNT = re.compile(r"^(how (?:many|much))\s+(?=(?:in|under|for|at|on|per|among|with|by|from)\b)", re.I)


def _with_counted_noun(follow_up: str, first: str) -> str:
    """"…, and how many under school management?" counts what the first question counts.

    >>> _with_counted_noun("how many under school management?", "How many risk points did the school find")
    'how many risk points under school management?'
    """
    bare, counted = _BARE_COUNT.match(follow_up), _COUNTED.search(first)
    if bare is None or counted is None:
        return follow_up
    return f"{bare.group(1)} {counted.group('noun')} {follow_up[bare.end():]}"


def first_question(text: str, language: str) -> str:
    """The first of the questions in ``text`` (see :func:`follow_ups`).

    >>> first_question("党员失联多久停止党籍？停了以后多久除名？", "zh")
    '党员失联多久停止党籍？'
    >>> first_question("How often is it held, and who convenes it?", "en")
    'How often is it held?'
    """
    text = text.strip()
    if language == "en":
        first = _EN_BREAK.split(text)[0].strip()
        return first if first.endswith("?") else first.rstrip(" ,;") + "?"
    return _zh_questions(text)[0] + "？"


# Words that ask rather than name: a follow-up keeps them even when the first question has them too.
_ASKING = frozenset("多久 多长 时间 什么 哪些 哪个 哪里 哪儿 怎么 怎样 如何 多少 几个 几次 是否 能否 可以 需要 应当 "
                    "必须 主要 具体 分别 一般 又是 还是 一次 不同 区别 异同 一样 相同".split())


def read_follow_up(question: str, first: str, tokens) -> tuple:
    """A Chinese follow-up ``question`` read against the ``first`` question: ``(text to search, own words)``.

    The words it repeats from the first question are its context, which the passage near the first answer
    supplies; searched again they would find the first answer's sentence (停止党籍后多久除名 is about 除名,
    not 停止党籍), so the text to search goes without them. Its own words are those left that do not only
    ask: 有什么不同 and 具体是哪些 have none (they ask more about the first answer, which already says it),
    and such a question is searched as asked. ``tokens`` is the text index's tokenizer function.

    >>> cut = lambda text: [w for w in ("停止党籍", "多久", "除名", "失联", "不同") if w in text]
    >>> read_follow_up("停止党籍后多久除名？", "失联多久停止党籍？", cut)
    ('后多久除名？', ['除名'])
    >>> read_follow_up("有什么不同？", "甲和乙怎么产生？", cut)
    ('有什么不同？', [])
    """
    rest = question
    for word in sorted({w for w in tokens(first) if len(w) >= 2 and w not in _ASKING}, key=len, reverse=True):
        rest = rest.replace(word, "")
    own = [w for w in tokens(rest) if w not in _ASKING and len(w) >= 2]
    return (rest if own else question), own


def evidence_position(kg, item):
    """The corpus-wide position of an evidence item's sentence, or ``None``."""
    sentence = kg.document(item.doc).sentence_at(item.start)
    return kg.sentence_position(item.doc, sentence.index) if sentence is not None else None


NEAR = 0.1   # the bonus within ``reach`` of the first answer's sentence: 0.3 on it, 0.1 four sentences away


def nearby_positions(kg, evidence, reach=4) -> dict:
    """A ranking bonus for the sentences around the first answer's evidence: ``{position: bonus}``,
    more for the closer ones (``NEAR`` or more within ``reach`` sentences), a little for the rest of the
    same document."""
    bonus = {}
    for item in evidence[:2]:
        centre = evidence_position(kg, item)
        if centre is None:
            continue
        doc, _ = kg.sentences_[centre]
        first = kg.sentence_position(doc.doc_id, doc.sentences[0].index)
        for i in range(first, first + len(doc.sentences)):
            distance = abs(i - centre)
            value = 0.3 - 0.05 * distance if distance <= reach else 0.04
            bonus[i] = max(bonus.get(i, 0.0), value)
    return bonus



def answers_nearby(kg, answer, nearby, own) -> bool:
    """Whether a follow-up's ``answer`` comes from where it should: near the first answer's passage, or,
    for a follow-up searched with at least two words (``own``: its answer's search tokens), anywhere in
    the same document."""
    if not answer.evidence:
        return False
    position = evidence_position(kg, answer.evidence[0])
    return nearby.get(position, 0.0) >= NEAR or (own >= 2 and position in nearby)


def adds_to(first_text: str, answer) -> bool:
    """Whether ``answer`` (to one part of a question) says something the first answer's text does not:
    it is answered, and its best sentence is not already quoted there (any 12 characters of it will do)."""
    if answer is None or not answer.answered or not answer.evidence:
        return False
    if answer.text.strip() in first_text:   # the same answer again (two ways of asking one thing)
        return False
    if answer.intent in ("count", "frequency"):   # 10个 — in …: the number read off a sentence quoted in part
        stated = re.split(r" — |。|\. ", answer.text, maxsplit=1)[0].strip()
        if 0 < len(stated) <= 20 and stated not in first_text:
            return True
    best = answer.evidence[0].text
    chunks = [best[i:i + 12] for i in range(0, max(1, len(best) - 11), 6)]
    return not any(chunk in first_text for chunk in chunks)


def shortened(text: str, limit: int = 260) -> str:
    """``text`` cut to at most ``limit`` characters, at the end of a sentence or quote when one is near,
    so that an answer's added parts stay in its first lines (a reader, and a scorer, reads those first).

    >>> shortened("甲。" * 5, 6), shortened("短答案。")
    ('甲。甲。甲。…', '短答案。')
    """
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in ("。", "」", ". "))
    return (text[:cut + 1] if cut >= limit // 2 else text[:limit - 1]) + "…"
