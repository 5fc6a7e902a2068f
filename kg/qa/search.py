"""Sentence search, the answer of last resort: the sentences closest to the question, or, when the question
asks for a list or for the parts of something, the enumerated list or the outline of headings they belong to.
"""

from __future__ import annotations

import re

from ..document import PROBLEM
from ..normalize import fold
from ..numerals import chinese_to_int
from .intents import ASKS_WHETHER
from .ranking import (ANSWER_CHARS, ASKS_CONSEQUENCE, CONSEQUENCE_WORDS, QUOTE_CHARS, bigrams, evidence_item,
                      make_answer, problem_part, quote_window, rank_sentences, say, select_evidence)


# ---------------------------------------------------------------------------- enumerated lists
_LIST_QUESTION = re.compile(r"哪些|哪几|有什么|有何|有啥|啥毛病|包括|包含|分别|都有|主要职责|基本职责|职责是|义务|权利|原则|任务|what (are|were)|which|list", re.I)


def list_items(doc, sentence):
    """The item sentences of the list a lead sentence opens (``…职责是：`` then ``（一）…；（二）…``,
    or ``有以下四个方面：`` then ``1.…`` ``2.…``).

    Returns ``(lead, items)``: ``lead`` is the lead sentence (``sentence`` itself or, for an item,
    the sentence that opens its list) and ``items`` the first sentence of each item, in order;
    ``(None, [])`` when the sentence is not part of such a list.
    """
    if sentence.section is None:
        return None, []
    section = doc.sections[sentence.section]
    owner = section.parent if section.level in ("item", "point") else section.index
    if owner is None:
        return None, []
    children = [c for c in doc.sections if c.parent == owner and c.level in ("item", "point")]
    if not children:
        return None, []
    before = [x for x in doc.sentences if x.section == owner and x.end <= children[0].start]
    lead = before[-1] if before else None
    if lead is None or not lead.text.rstrip().endswith(("：", ":")):
        return None, []
    if section.level not in ("item", "point") and sentence.index != lead.index:
        return None, []
    items = []
    for child in children:
        first = next((x for x in doc.sentences if x.section == child.index), None)
        if first is not None:
            items.append(first)
    return lead, items


def _compact(text, budget):
    text = text.rstrip("；;。")
    return text if len(text) <= budget else text[:budget] + "…"


def _closest_item(kg, doc, ranked_items, scores):
    """The item of a list that the question is about, when one is clearly closer than the others (1.15
    times the next one's score), else ``None``."""
    if len(ranked_items) < 2:
        return None
    best, second = (float(scores[kg.sentence_position(doc.doc_id, x.index)]) for x in ranked_items[:2])
    return ranked_items[0] if best > 0 and best >= 1.15 * second else None


def _asked_item(q, doc, items):
    """The item whose short heading the question repeats (在强化党风廉政建设责任方面做了哪些工作 →
    1.强化党风廉政建设责任。) and the sentences of its body, or ``None``."""
    wanted = bigrams(q.query)
    for item in items:
        grams = bigrams(item.text)
        if len(item.text) > 24 or len(grams) < 3 or len(grams & wanted) < 0.8 * len(grams):
            continue
        body = [x for x in doc.sentences if x.section == item.section and x.index > item.index]
        if body:
            return item, body[:2]
    return None


# 在干部工作方面…负有哪些职责: the aspect a question narrows a list to
_ASPECT = re.compile(r"(?:在|关于|对于)?(?P<aspect>[\u4e00-\u9fff]{2,8}?)(?:工作)?方面")


def _items_on_aspect(q, items):
    """``(aspect, items)``: the items of a list that speak of the aspect the question narrows it to
    (在干部工作方面 → the items that say 干部), when some but not all of them do; else ``None``.

    >>> from types import SimpleNamespace as S
    >>> items = [S(text="组织党员学习党的创新理论；"), S(text="协助党组管理群团组织的干部；对干部的奖惩提出意见。")]
    >>> aspect, chosen = _items_on_aspect(S(query="在干部工作方面，机关党委负有哪些职责？"), items)
    >>> aspect, [x.text[:4] for x in chosen]
    ('干部', ['协助党组'])
    """
    match = _ASPECT.search(q.query)
    if match is None or match.group("aspect") in ("哪些", "哪几", "什么", "各个", "这些"):
        return None
    aspect = match.group("aspect")
    counts = [fold(x.text).count(fold(aspect)) for x in items]
    top = max(counts)
    # the items about the aspect, not those that name it in passing (团结干部 in a list of political duties)
    chosen = [x for x, n in zip(items, counts) if n and n >= top / 2]
    return (aspect, chosen[:3]) if chosen and len(chosen) < len(items) else None


def list_text_and_evidence(kg, q, doc, lead, items, score):
    """The text of an answer that quotes a list's lead and its items (each cut to fit ``ANSWER_CHARS``),
    and its evidence: the lead, then the items closest to the question. When the question repeats one
    item's heading, the answer is that item's body instead."""
    asked = _asked_item(q, doc, items)
    if asked is not None:
        item, body = asked
        quote = quote_window(" ".join(x.text for x in body), q.query, limit=ANSWER_CHARS - 40)
        text = say(q, f"据《{doc.title}》，“{item.text.rstrip('。')}”：「{quote}」",
                   f"In {doc.title}, under 「{item.text}」: 「{quote}」")
        return text, [evidence_item(kg, doc.doc_id, x, score * (1 - 0.01 * n)) for n, x in enumerate([*body, item])]
    focus = _items_on_aspect(q, items)
    if focus is not None:
        aspect, chosen = focus
        budget = max(40, (ANSWER_CHARS - len(doc.title) - len(lead.text) - 20) // len(chosen))
        listing = "；".join(f"（{items.index(x) + 1}）{_compact(x.text, budget)}" for x in chosen)
        text = say(q, f"据《{doc.title}》：「{lead.text}」其中{aspect}方面：{listing}。",
                   f"In {doc.title}: 「{lead.text}」 On {aspect}: {listing}.")
        evidence = [evidence_item(kg, doc.doc_id, x, score * (1 - 0.01 * n)) for n, x in enumerate(chosen)]
        return text, evidence + [evidence_item(kg, doc.doc_id, lead, score * 0.9)]
    scores = kg.sentence_index_.scores(q.query)
    ranked_items = sorted(items, key=lambda x: -scores[kg.sentence_position(doc.doc_id, x.index)])
    room = ANSWER_CHARS - len(doc.title) - len(lead.text) - 12 - 5 * len(items)
    budget = max(14, room // max(1, len(items)))
    closest = _closest_item(kg, doc, ranked_items, scores)
    shown = {}
    if closest is not None and len(closest.text) > budget:
        # the item the question is about is quoted at more length, where it matches, the others less
        shown[closest.index] = quote_window(closest.text.rstrip("；;。"), q.query, limit=max(3 * budget, 80))
        budget = max(10, (room - len(shown[closest.index])) // max(1, len(items) - 1))
    listing = "；".join(f"（{i}）{shown.get(x.index) or _compact(x.text, budget)}" for i, x in enumerate(items, 1))
    text = say(q, f"据《{doc.title}》：「{lead.text}」{listing}。",
               f"In {doc.title}: 「{lead.text}」 {listing}.")
    evidence = [evidence_item(kg, doc.doc_id, lead, score)]
    for item in ranked_items[:2]:
        item_score = float(scores[kg.sentence_position(doc.doc_id, item.index)])
        if item_score > 0:
            evidence.append(evidence_item(kg, doc.doc_id, item, item_score))
    return text, evidence


_GENERIC_WORDS = frozenset("""职责 职能 责任 任务 义务 权利 原则 方面 内容 要求 措施 工作 主要 基本 具体 包括 包含 哪些 哪几
    什么 有 做 要 应当 应该 必须 需要 负责 承担 履行 开展 做法 经验 举措 情况 规定 条例 报告 文中 提出 分别 都 几个
    几条 几项 主要有 有哪些 一些 which what""".split())


def _asks_beyond(q, sentences) -> bool:
    """True when the question names a thing (a noun of two characters or more, not a generic one such as
    职责 or 方面) that none of these sentences holds: a list of them would not answer it."""
    from ..extract.roles import pos_tags

    held = fold("".join(x.text for x in sentences))
    asked = fold(q.query)
    return any(len(t) >= 2 and t not in _GENERIC_WORDS and fold(t) not in held
               and not re.search(re.escape(fold(t)) + "(?:哪|什么)", asked)   # 行使哪些职权: the verb asking
               and any(flag[:1] in ("n", "j") for _, flag in pos_tags(t)) for t in q.tokens)


def answer_with_list(kg, q, ranked, k):
    """When the best sentence opens (or sits in) an enumerated list and the question asks for a list, or
    the best sentence is the list's lead itself (下列情形之一的……：), which says nothing without its items."""
    if not ranked:
        return None
    score, i = ranked[0]
    doc, sentence = kg.sentences_[i]
    lead, items = list_items(doc, sentence)
    if lead is None or len(items) < 2:
        return None
    if (not _LIST_QUESTION.search(q.plain) or ASKS_WHETHER.search(q.plain)) and lead.index != sentence.index:
        return None   # 权利…能不能拿掉: the sentence after the list of rights answers, not the list
    # 坚持哪几个方面相结合: the list of principles does not say 相结合; a sentence does. An English
    # question's words are a translation's (basic principles → 基本原理 where the lead says 基本原则):
    # when the lead itself is the closest sentence, they do not overrule it.
    translated_lead = q.language == "en" and lead.index == sentence.index
    if not translated_lead and _asks_beyond(q, [lead, *items]) and _asked_item(q, doc, items) is None:
        return None
    text, evidence = list_text_and_evidence(kg, q, doc, lead, items, score)
    return make_answer(q, text, evidence[:k], {"method": "enumerated list under its lead sentence",
                                               "items": len(items)})


# ---------------------------------------------------------------------------- outlines (headings)
_OUTLINE_QUESTION = re.compile(r"哪[几些一二两三四五六七八九十]个?方面|哪[一二两三四五六七八九十]+[种类条点项]|哪几[条点项个部]|几个方面|哪些方面|表现在|表现为|有哪些表现|分为|what (areas|aspects)|which (areas|aspects)|main (points|gains|measures)", re.I)


_ASKS_WHAT = re.compile(r"哪些|哪几|什么|^(what|which)\b", re.I)


_OUTLINE_WORDS = frozenset("方面 几个 几条 哪些 哪几 分为 包括 主要 表现 内容 部分 提出 有 调研 发现 存在 采取 文中 main part parts".split())


def _question_covered(kg, q, heading, share=0.5):
    """True when the heading says at least ``share`` of what the question asks (not just one of its words)."""
    asked = [t for t in q.tokens if t not in _OUTLINE_WORDS]
    if not asked:
        return False
    heading_text = fold(heading)
    return sum(1 for t in asked if t in heading_text) / len(asked) >= share


def _heading_match(kg, q, question_bigrams, heading):
    """How much of a heading the question covers: by bigrams, or by words (for translated questions)."""
    grams = bigrams(heading)
    by_grams = len(grams & question_bigrams) / len(grams) if grams else 0.0
    words = set(kg.tokenizer_.tokens(heading))
    by_words = len(words & set(q.tokens)) / len(words) if words else 0.0
    return max(by_grams, by_words)


def _children(doc, section):
    return [c for c in doc.sections if c.parent == section.index]


def _quotes_one_heading(q, sections) -> bool:
    """Whether the question quotes words that exactly one of these sections' headings holds."""
    quoted = [fold(x) for x in q.quoted if len(x) >= 2]
    return any(sum(1 for s in sections if x in fold(s.heading)) == 1 for x in quoted)


def _sibling_leads(kg, top):
    """When two or more of the best sentences are lead sentences of sub-parts of one part, that part."""
    by_parent = {}
    for _, i in top:
        doc, sentence = kg.sentences_[i]
        if sentence.section is None:
            continue
        section = doc.sections[sentence.section]
        if section.parent is None or not section.heading or fold(section.heading) != fold(sentence.text):
            continue
        by_parent.setdefault((doc.doc_id, section.parent), []).append(section)
    for (doc_id, parent), found in by_parent.items():
        if len(found) >= 2:
            doc = kg.document(doc_id)
            children = [c for c in _children(doc, doc.sections[parent]) if c.heading]
            return doc, doc.sections[parent], children
    return None


_CLAUSE_END = re.compile(r"[，；。：,;:]")


def _article_lead(doc, article) -> str:
    """The first clause of an article's first sentence (第九条　加强政治理论教育，… → 加强政治理论教育)."""
    first = next((x for x in doc.sentences_in(article.index)), None)
    if first is None:
        return ""
    clause = _CLAUSE_END.split(first.text, maxsplit=1)[0].strip()
    return clause if 2 <= len(clause) <= 24 else ""


def answer_with_chapter(kg, q, k):
    """A question that names a chapter of a regulation by its heading and asks what it holds
    (党员教育的基本任务包括哪几类教育 → 第三章　党员教育基本任务): the first clause of each of its articles.
    ``None`` unless the question covers most of the heading, and the heading most of the question."""
    if not (_LIST_QUESTION.search(q.plain) or _OUTLINE_QUESTION.search(q.plain)):
        return None
    wanted = bigrams(q.query)
    names = [[fold(label) for label in t.labels("zh")] for t in q.entities]
    best = None
    for doc in kg.documents_:
        for section in doc.sections:
            if section.level != "chapter" or len(section.heading) < 6:
                continue
            heading = fold(section.heading)
            if not all(any(n in heading for n in labels) for labels in names):
                continue   # 党员领导干部学习…有什么要求 asks about a role the chapter's heading does not name
            match = _heading_match(kg, q, wanted, section.heading)
            # three quarters: a chapter named inside a longer question (为形成学习…思想的长效机制，可以采取
            #哪些学习方式) asks about something in it, not for the whole chapter
            if match >= 0.8 and _question_covered(kg, q, section.heading, 0.75) and (best is None or match > best[0]):
                best = (match, doc, section)
    if best is None:
        return None
    _, doc, chapter = best
    articles = [(a, _article_lead(doc, a)) for a in _children(doc, chapter) if a.level == "article"]
    articles = [(a, lead) for a, lead in articles if lead]
    if len(articles) < 2:
        return None
    heads = "；".join(f"{lead}（{a.marker}）" for a, lead in articles)
    text = say(q, f"《{doc.title}》{chapter.marker}“{chapter.heading}”共{len(articles)}条：{heads}。",
               f"In {doc.title}, {chapter.marker} 「{chapter.heading}」 has {len(articles)} articles: {heads}.")
    evidence = []
    for article, _ in articles[:k]:
        first = next((x for x in doc.sentences_in(article.index)), None)
        if first is not None:
            evidence.append(evidence_item(kg, doc.doc_id, first, 1.0))
    return make_answer(q, text, evidence, {"method": "the articles of the chapter named", "section": chapter.heading})


def answer_with_outline(kg, q, ranked, k):
    """Questions about a part's sub-parts (报告从哪几个方面提出对策措施？) or a sub-part's points."""
    if not (_OUTLINE_QUESTION.search(q.plain) or _LIST_QUESTION.search(q.plain) or _ASKS_WHAT.search(q.plain)):
        return None
    wanted = bigrams(q.query)
    best = None
    for doc in kg.documents_:
        for section in doc.sections:
            children = [c for c in _children(doc, section) if c.level != "item" and c.heading]
            if len(children) < 2 or len(section.heading) < 4:
                continue
            match = _heading_match(kg, q, wanted, section.heading)
            if match >= 0.5 and _question_covered(kg, q, section.heading) and (best is None or match > best[0]):
                best = (match, doc, section, children)
    if best is not None and (_OUTLINE_QUESTION.search(q.plain) or _ASKS_WHAT.search(q.plain)):
        _, doc, section, children = best
        heads = [f"{c.marker}{c.heading}" for c in children]
        text = say(q, f"《{doc.title}》“{section.heading}”部分分为{len(children)}个方面：" + "".join(heads),
                   f"In {doc.title}, the part 「{section.heading}」 has {len(children)} sub-parts: " + " ".join(heads))
        evidence = []
        for child in children:
            lead = next((x for x in doc.sentences if x.section == child.index), None)
            if lead is not None and len(evidence) < k:
                evidence.append(evidence_item(kg, doc.doc_id, lead, 1.0))
        return make_answer(q, text, evidence, {"method": "sub-part headings", "section": section.heading})
    if not ranked or not (_OUTLINE_QUESTION.search(q.plain) or _LIST_QUESTION.search(q.plain)):
        return None
    siblings = _sibling_leads(kg, ranked[:4])
    if siblings is not None and _quotes_one_heading(q, siblings[2]):
        siblings = None   # 说到“促组织融合”，…在哪几个方面: the question is about that one sub-part
    if siblings is not None:
        doc, parent, children = siblings
        heads = [f"{c.marker}{c.heading}" for c in children]
        title = parent.heading or parent.marker
        text = say(q, f"《{doc.title}》“{title}”部分分为{len(children)}个方面：" + "".join(heads),
                   f"In {doc.title}, the part 「{title}」 has {len(children)} sub-parts: " + " ".join(heads))
        evidence = [evidence_item(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], sc) for sc, i in ranked[:4]
                    if kg.sentences_[i][0].doc_id == doc.doc_id and kg.sentences_[i][1].section in {c.index for c in children}][:k]
        return make_answer(q, text, evidence, {"method": "sub-part headings (several match)", "section": title})
    score, i = ranked[0]
    doc, sentence = kg.sentences_[i]
    section = doc.sections[sentence.section] if sentence.section is not None else None
    if section is None or not section.heading or fold(section.heading) != fold(sentence.text):
        return _points_after_lead(kg, q, score, i, k)
    # short sentences of the part, not the signature lines that end a report (中共…委员会 / 2021年1月18)
    inner = [x for x in doc.sentences_in(section.index) if x.index != sentence.index and len(x.text) <= 12
             and x.text.rstrip().endswith(("。", "；", ";", "！", "？"))]
    points = [x.text.rstrip("。") for x in inner]
    if len(inner) < 2:
        # or its counted points (一是加强了校领导班子的监督。二是…): for 这块落实了哪三方面的举措
        inner = [x for x in doc.sentences_in(section.index) if _COUNTED_POINT.match(x.text)]
        points = [_CLAUSE_END.split(x.text, maxsplit=1)[0] for x in inner]
    if len(inner) < 2:
        # or the short openings its sentences share a frame in (认识上有温差，… 执行上有落差，… 行动上有偏差，…),
        # as many as the question asks for (哪三种“差”)
        inner = framed_points(list(doc.sentences_in(section.index))[1:], asked_count(q))
        points = [_CLAUSE_END.split(x.text, maxsplit=1)[0] for x in inner]
    if len(inner) < 2:
        return None
    text = say(q, f"据《{doc.title}》，“{sentence.text.rstrip('。')}”表现在：" + "；".join(points) + "。",
               f"In {doc.title}, 「{sentence.text}」 shows in: " + "; ".join(f"「{x}」" for x in points) + ".")
    # the points are what the answer says: each sentence is evidence, under the heading
    evidence = [evidence_item(kg, doc.doc_id, sentence, score)] + [
        evidence_item(kg, doc.doc_id, x, score * 0.99) for x in inner][:k]
    return make_answer(q, text, evidence, {"method": "points inside a sub-part", "section": section.heading})


_POINT_FRAME = re.compile(r"^([\u4e00-\u9fff])[\u4e00-\u9fff]{1,4}([\u4e00-\u9fff])[，,：:]")


def parallel_points(sentences) -> list:
    """The sentences at the start of ``sentences`` that open in one frame (从配置看，… 从过程看，…
    从效果看，…): the same first and last character of a short opening phrase. ``[]`` if fewer than two.

    >>> from kg.document import parse_document
    >>> doc = parse_document("落实有矛盾。从配置看，有的未设机构。从过程看，必须完成任务。从效果看，成效不大。另起一句。", "demo")
    >>> [s.text[:4] for s in parallel_points(doc.sentences[1:])]
    ['从配置看', '从过程看', '从效果看']
    """
    points, frame = [], None
    for sentence in sentences:
        m = _POINT_FRAME.match(sentence.text)
        if m is None or (frame is not None and m.groups() != frame):
            break
        frame = m.groups()
        points.append(sentence)
    return points if len(points) >= 2 else []


_ASKED_COUNT = re.compile(r"([一二两三四五六七八九十]+)(?:种|类|个|层|条|点|项|大)|"
                          r"\b(?:which|what|the) (two|three|four|five|six)\b", re.I)
_ENGLISH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def asked_count(q):
    """How many things the question asks for (哪三种, 三个层面, which three), or ``None``."""
    m = _ASKED_COUNT.search(q.plain)
    if m is None:
        return None
    return chinese_to_int(m.group(1)) if m.group(1) else _ENGLISH_COUNTS[m.group(2).lower()]


def framed_points(sentences, count=None) -> list:
    """The longest run of ``sentences`` whose short openings (3–8 characters before the first ，) share a
    frame: two characters in a row, or the last one (认识上有温差 / 执行上有落差 / 行动上有偏差). With
    ``count``, only a run of exactly that many; ``[]`` if none of two or more.

    >>> from kg.document import parse_document
    >>> doc = parse_document("认识上有温差，学得不深。执行上有落差，做得不实。行动上有偏差，各弹各的曲。另有一句话。", "demo")
    >>> [s.text[:6] for s in framed_points(doc.sentences, 3)], framed_points(doc.sentences, 2)
    (['认识上有温差', '执行上有落差', '行动上有偏差'], [])
    """
    runs, run, last = [], [], ""
    for sentence in sentences:
        opening = _CLAUSE_END.split(sentence.text, maxsplit=1)[0]
        short = 3 <= len(opening) <= 8 and opening != sentence.text.rstrip("。；;")
        if short and run and _same_frame(last, opening):
            run.append(sentence)
        else:
            run = [sentence] if short else []
            runs.append(run)
        last = opening
    runs = [r for r in runs if len(r) >= 2 and (count is None or len(r) == count)]
    return max(runs, key=len) if runs else []


def _same_frame(a, b) -> bool:
    return a[-1] == b[-1] or bool(bigrams(a) & bigrams(b))


def _points_after_lead(kg, q, score, position, k):
    """落实有矛盾。从配置看，…。从过程看，…。从效果看，…: asked 哪几个角度, the points that follow a short
    lead sentence in its paragraph, each quoted where it is closest to the question."""
    doc, lead = kg.sentences_[position]
    if len(lead.text) > LEAD_SENTENCE_CHARS:
        return None
    after = [s for s in doc.sentences[lead.index + 1:] if s.paragraph == lead.paragraph]
    points = parallel_points(after)
    if not points:
        return None
    heads = [quote_window(x.text, q.query, limit=48) for x in points]
    text = say(q, f"据《{doc.title}》，“{lead.text.rstrip('。')}”分{len(points)}点：" + "；".join(heads) + "。",
               f"In {doc.title}, 「{lead.text}」 in {len(points)} points: " + "; ".join(f"「{x}」" for x in heads) + ".")
    evidence = [evidence_item(kg, doc.doc_id, lead, score)] + [
        evidence_item(kg, doc.doc_id, x, score * 0.99) for x in points][:k]
    return make_answer(q, text, evidence, {"method": "points after a lead sentence"})


# ---------------------------------------------------------------------------- search (fallback)
_PROBLEM_PARTS = {PROBLEM: 0.1}


def answer_search(kg, q, k):
    """Answer with the sentences most similar to the question (TF-IDF, quotes and entities boosted).

    A question about problems weighs the sentences of problem parts (存在的问题) above those of measures.
    """
    ranked = rank_sentences(kg, q, kind_bonus=_PROBLEM_PARTS if q.intent == "problems" else None)
    for special in (answer_with_outline, answer_with_list):
        found = special(kg, q, ranked, k)
        if found is not None:
            return found
    chosen = select_evidence(ranked, min(k, 3), ratio=0.85)
    if not chosen:
        return None
    chosen = _with_elaboration(kg, chosen, ranked)
    chosen = _with_continuation(kg, chosen, ranked)
    if ASKS_CONSEQUENCE.search(q.plain):
        chosen = _with_what_follows(kg, chosen)
    evidence = [evidence_item(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen]
    best_doc, best = kg.sentences_[chosen[0][1]]
    wants_list = bool(_LIST_QUESTION.search(q.plain) or _OUTLINE_QUESTION.search(q.plain))
    quote = quote_window(best.text, q.query, limit=ANSWER_CHARS - 60 if wants_list else QUOTE_CHARS)
    text = say(q, f"据《{best_doc.title}》：「{quote}」",
               f"The closest passage, in {best_doc.title}: 「{quote}」")
    named = problem_part(best_doc, best) if q.intent == "problems" else None
    if named is not None:
        section, heading = named
        title = section.marker + section.heading.rstrip("。；;，, ")
        text = say(q, f"据《{best_doc.title}》，{title}：「{quote}」",
                   f"In {best_doc.title}, under “{title}”: 「{quote}」")
        evidence = [evidence_item(kg, best_doc.doc_id, heading, chosen[0][0])] + [
            e for e in evidence if e.start != heading.start][:k - 1]
    if len(chosen) > 1 and len(quote) < QUOTE_CHARS:
        second = kg.sentences_[chosen[1][1]][1]
        extra = quote_window(second.text, q.query, limit=120)
        text += say(q, f" 另见：「{extra}」", f" See also: 「{extra}」")
    return make_answer(q, text, evidence, {"method": "tf-idf over sentences", "candidates": len(ranked)})


_COUNTED_POINT = re.compile(r"[一二三四五六七八九十]是[^，。；]{2,40}")
LEAD_SENTENCE_CHARS = 24
_ORDINAL_LEAD = re.compile(r"[一二三四五六七八九十]是|首先|其次|第[一二三四五六七八九十]+[，、,]|[（(][一二三四五六七八九十]+[)）]")
_LIST_MARKER = re.compile(r"^\s*(?:[0-9０-９]+[.．、]|[（(][一二三四五六七八九十0-9]+[)）])")
_FIRST_POINT = re.compile(r"一是|首先|第一[，、,]")
_NUMBER = re.compile(r"[0-9０-９*＊]|[一二两三四五六七八九十百千]+[个名次项条年月日人%]")


def _as_second(chosen, position):
    """``chosen`` with the sentence at ``position`` second, just under the best, and one more after it."""
    rest = [(s, i) for s, i in chosen[1:] if i != position]
    return [chosen[0], (chosen[0][0] * 0.99, position)] + rest[:1]


def _with_what_follows(kg, chosen):
    """For 会怎样 / 后面怎么处理: a later sentence of the best one's paragraph that states a further
    consequence (…予以停止党籍。…停止党籍2年后确实无法取得联系的，按照自行脱党予以除名。) becomes the
    second evidence, just under the best one's score."""
    score, position = chosen[0]
    doc, best = kg.sentences_[position]
    for later in range(position + 1, min(position + 4, len(kg.sentences_))):
        later_doc, sentence = kg.sentences_[later]
        if later_doc is not doc or sentence.paragraph != best.paragraph:
            break
        if CONSEQUENCE_WORDS.search(sentence.text):
            return _as_second(chosen, later)
    return chosen


# A sentence that opens with its modal word has no subject of its own, and one that opens with 它 or 他们 has
# the last one's (它根据…的授权，领导本地区的工作): either goes on with the one before.
_SUBJECTLESS = re.compile(r"^(?:同时|并且|并|还|也|都)?(?:要|应当|应|必须|须|不得|严禁)|^(?:它们?|他们)(?![的们])")


def _with_continuation(kg, chosen, ranked):
    """维护党徽党旗的尊严。要按照规定制作和使用党徽党旗。: the next sentence of the best one's paragraph,
    when it has no subject of its own and is close to the question too (at least 0.4 of the best score),
    says more of what the same subject must do: it becomes the second evidence, just under the best."""
    score, position = chosen[0]
    if len(chosen) > 1 and chosen[1][1] == position + 1 or position + 1 >= len(kg.sentences_):
        return chosen
    doc, best = kg.sentences_[position]
    next_doc, following = kg.sentences_[position + 1]
    if next_doc is not doc or following.paragraph != best.paragraph or not _SUBJECTLESS.match(following.text):
        return chosen
    if next((s for s, i in ranked if i == position + 1), 0.0) < 0.4 * score:
        return chosen
    return _as_second(chosen, position + 1)


def _with_elaboration(kg, chosen, ranked=()):
    """When the best sentence is a short lead (抓好支部书记“领头羊”。), the sentence after it in the same
    paragraph says what the lead means: it becomes the second evidence, just under the lead's score.
    When the lead is the heading of a part (（一）思想认识“有温差”…), the part's own sentence closest to
    the question does."""
    score, position = chosen[0]
    doc, lead = kg.sentences_[position]
    if (len(lead.text) > LEAD_SENTENCE_CHARS or _NUMBER.search(_LIST_MARKER.sub("", lead.text))
            or position + 1 >= len(kg.sentences_)):
        return chosen  # a short sentence with a number is an answer in itself (每年不少于32学时)
    section = doc.sections[lead.section] if lead.section is not None else None
    if section is not None and section.heading and fold(section.heading) == fold(lead.text):
        inside = [i for _, i in ranked if i != position and kg.sentences_[i][0] is doc
                  and kg.sentences_[i][1].section == section.index]
        if inside:
            return _as_second(chosen, inside[0])
    next_doc, following = kg.sentences_[position + 1]
    if next_doc is not doc or following.paragraph != lead.paragraph:
        return chosen
    # a next sentence as short as the lead is its sibling in a list, not its elaboration; after 一是…,
    # a sentence that is not 二是… says what 一是 means
    ordinal_lead = _ORDINAL_LEAD.match(lead.text) and not _ORDINAL_LEAD.match(following.text)
    # …树形象。一是完善和健全各项制度…: a first point opens what the lead means, however short
    first_point = not _ORDINAL_LEAD.match(lead.text) and _FIRST_POINT.match(following.text)
    if not first_point and len(following.text) < (len(lead.text) if ordinal_lead else max(2 * len(lead.text), 40)):
        return chosen
    return _as_second(chosen, position + 1)
