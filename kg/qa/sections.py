"""Where a text says something: which chapter, part or heading holds it, and what parts a document has.

Questions about a document's own layout are answered from its sections (:class:`kg.document.Section`),
not from the facts:

* 党员监督放在条例的哪一章？ / Under which of the meeting's gains is X reported? — the sentence closest to
  the question, and the headings above it (:func:`answer_section_asked`);
* 报告分为哪几个部分？ / How is the report laid out? — the top-level parts of the document
  (:func:`answer_layout`).
"""

from __future__ import annotations

import re

from ..normalize import fold
from .ranking import evidence_item, make_answer, rank_sentences, say

# (a part of a document, not of a formula: 三会一课包括什么部分 asks for the formula's parts)
ASKS_SECTION = re.compile(
    r"(?:哪|什么|第几)一?个?(?:章|节|条收获|条措施|条举措|个标题|个小标题)|(?:放|归|列|写)在(?:了)?哪|在哪一?(?:章|部分|个标题)"
    r"|(?:在|出现在|属于)[^，。？?]{0,12}(?:哪|什么)一?个?部分|(?:哪|什么)一?个?部分(?:里|中|讲|提到|说|写|谈|规定|下)"
    r"|(?:哪一?条|哪个方面)(?:收获|措施|举措|做法)?(?:底下|下面|之下)"
    r"|\b(?:which|what) (?:chapter|part|section|heading|sub-?heading)\b|\bunder which\b|\breported under\b"
    r"|\bwhich of the (?:\w+(?:'s|’s)? )?(?:\w+ )?(?:gains|parts|sections|headings|chapters|points)\b", re.I)
# the document itself is what is laid out: 报告分为哪几个部分, not 计划由哪几部分构成
ASKS_LAYOUT = re.compile(
    r"(?:报告|条例|党章|章程|文件|全文|通知|文章)(?:的|全文|一共|共|主要|总共)*(?:分为|分成|包括|由|有)(?:哪|几)几?个?(?:部分|板块|大块)"
    r"|(?:报告|条例|党章|章程|文件|全文|通知|文章)的?(?:结构|框架|主要部分)"
    r"|\b(?:report|regulations?|constitution|document|notice|text)\b.*(?:\blaid out\b|\b(?:structure|outline)\b|\bmain (?:parts|sections)\b)"
    r"|(?:\blaid out\b|\b(?:structure|outline)\b|\bmain (?:parts|sections)\b).*\b(?:report|regulations?|constitution|document|notice)\b",
    re.I)
_CHAPTER = re.compile(r"章|\bchapter\b", re.I)


def _label(section) -> str:
    gap = " " if section.marker.endswith(("章", "节", "条")) and section.heading else ""
    return f"{section.marker}{gap}{section.heading}".strip() or section.marker


def _heading_sentence(doc, section):
    """The sentence that is the section's heading line, or its first sentence."""
    inside = [s for s in doc.sentences if s.section == section.index]
    heading = fold(section.heading)
    return next((s for s in inside if heading and heading in fold(s.text)), inside[0] if inside else None)


def _chapter_by_heading(kg, q, ranked):
    """For 哪一章 / which chapter: the chapter whose heading holds most of the question's words (not those
    of its document's title), in the document the question names or in any, with its closest sentence:
    ``((score, position), doc)``; ``None`` when no heading holds any, or two hold as many."""
    docs = [kg.document(q.document[0])] if q.document else kg.documents_
    scored = []
    for doc in docs:
        title = fold(doc.title or "")
        words = [fold(w) for w in (q.tokens or ()) if len(w) >= 2 and fold(w) not in title]
        for section in doc.sections:
            if section.level == "chapter" and section.heading:
                heading = fold(section.heading)
                scored.append((sum(1 for w in words if w in heading), doc, section))
    # as many words in two headings: the one in the document of the closest sentence
    closest_doc = kg.sentences_[ranked[0][1]][0]
    scored.sort(key=lambda x: (-x[0], x[1] is not closest_doc))
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]
                                           and (scored[1][1] is closest_doc) == (scored[0][1] is closest_doc)):
        return None
    _, doc, chapter = scored[0]
    inside = [(s, i) for s, i in ranked if kg.sentences_[i][0] is doc
              and chapter.start <= kg.sentences_[i][1].start < chapter.end]
    if not inside:
        heading = _heading_sentence(doc, chapter)
        if heading is None:
            return None
        inside = [(ranked[0][0], kg.sentence_position(doc.doc_id, heading.index))]
    return inside[0], doc


def answer_section_asked(kg, q, k):
    """Which chapter, part or heading holds what the question names: the headings above the closest
    sentence, top down (a chapter only, when a chapter is asked). ``None`` for other questions."""
    if not ASKS_SECTION.search(q.plain) or any(t.kind == "mechanism" for t in q.entities):
        return None
    ranked = rank_sentences(kg, q)
    if not ranked:
        return None
    score, position = ranked[0]
    doc, sentence = kg.sentences_[position]
    if _CHAPTER.search(q.plain):
        chapter = _chapter_by_heading(kg, q, ranked)
        if chapter is not None:
            (score, position), doc = chapter[0], chapter[1]
            sentence = kg.sentences_[position][1]
    path = [s for s in doc.section_path(sentence.section) if s.heading or s.level == "article"]
    if _CHAPTER.search(q.plain):
        path = [s for s in path if s.level == "chapter"]
    if not path:
        return None
    where = " › ".join(_label(s) for s in path)
    text = say(q, f"在《{doc.title}》的「{where}」中。原文：「{sentence.text}」",
               f"In {doc.title}, under 「{where}」. The text: 「{sentence.text}」")
    evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
    innermost = path[-1]
    heading = _heading_sentence(doc, innermost)
    if heading is not None and heading.index != sentence.index:
        evidence.append(evidence_item(kg, doc.doc_id, heading, score * 0.99))
    return make_answer(q, text, evidence[:k], {"method": "the headings above the closest sentence",
                                                "sections": [s.index for s in path]})


def answer_layout(kg, q, k):
    """The top-level parts of the document the question is about (the one it names, else the one its
    closest sentence is in). ``None`` for other questions, or a document without two headed parts."""
    if not ASKS_LAYOUT.search(q.plain):
        return None
    doc = kg.document(q.document[0]) if q.document else None
    if doc is None:
        ranked = rank_sentences(kg, q)
        if not ranked:
            return None
        doc = kg.sentences_[ranked[0][1]][0]
    parts = [s for s in doc.sections if s.parent is None and s.heading]
    if len(parts) < 2:
        return None
    asked = fold(q.plain)
    if any(fold(s.heading) in asked for s in parts):
        return None   # 对策措施部分分为哪几个方面: a part named is asked about (see answer_with_outline)
    heads = [_label(s) for s in parts]
    text = say(q, f"《{doc.title}》分为{len(parts)}个部分：" + "；".join(heads) + "。",
               f"{doc.title} has {len(parts)} parts: " + "; ".join(f"「{h}」" for h in heads) + ".")
    evidence = [evidence_item(kg, doc.doc_id, s, 1.0) for s in (_heading_sentence(doc, p) for p in parts) if s]
    return make_answer(q, text, evidence[:k], {"method": "the parts of the document", "doc": doc.doc_id})
