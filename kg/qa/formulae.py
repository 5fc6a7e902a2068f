"""Numbered formulae (三会一课, 一岗双责): their parts, definition or requirements, saying whether the text,
the glossary, or neither speaks.
"""

from __future__ import annotations

import re

from ..normalize import fold
from ..numerals import chinese_to_int
from .ranking import evidence_from_fact, evidence_item, make_answer, quote_window, rank_sentences, say, select_evidence

def formula_terms(kg, q):
    """The numbered formulae the question names, as lexicon terms."""
    terms = [t for t in q.entities if t.kind == "mechanism"]
    if terms:
        return terms
    # A quoted name that is a formula of the texts but not (yet) a lexicon name: look it up.
    for quoted in q.quoted:
        term = kg.lexicon_.lookup(quoted)
        if term is not None and term.kind == "mechanism":
            return [term]
    return []


def _parts_text(formula, language):
    groups = formula.groups
    if len(groups) > 1 or (groups and next(iter(groups))):
        sep = "; " if language == "en" else "；"
        return sep.join(f"{g}——{'、'.join(parts)}" if g else "、".join(parts) for g, parts in groups.items())
    return "、".join(p.text for p in formula.parts)


def _status_note(formula, language):
    if formula.status == "confirmed":
        return "count checked: the parts match the number in the name" if language == "en" else "数目与名称相符"
    if formula.status == "mismatch":
        declared = formula.declared_count
        if language == "en":
            return f"count mismatch: the name says {declared}, the text lists {len(formula.parts)}"
        return f"数目不符：名称为{declared}项，文中列出{len(formula.parts)}项"
    return ""


def _formula_name(term, language):
    if language == "en":
        english = term.en
        if not english:
            from ..formula_names import english_formula_name

            english = english_formula_name(term.zh)
        return f"“{term.zh}” ({english})"
    return f"“{term.zh}”"


def _mentions_of(kg, term):
    """Positions of the sentences naming a term, and of the sentences after them in the same paragraph
    (第十六条 names “三会一课”; the next sentence says what it consists of)."""
    names = {fold(n) for n in term.labels("zh")}
    out = []
    for i, folded in enumerate(kg.folded_sentences_):
        if any(n in folded for n in names):
            doc, sentence = kg.sentences_[i]
            out.append(i)
            following = i + 1
            if following < len(kg.sentences_) and kg.sentences_[following][1].paragraph == sentence.paragraph \
                    and kg.sentences_[following][0] is doc:
                out.append(following)
    return sorted(set(out))


def _listed_unnamed(kg, term):
    """``(score, position)`` of the sentence that writes out at least three quarters of a glossary
    formula's parts (the most of them), or ``None``."""
    parts = [fold(zh) for zh, _ in term.parts]
    if len(parts) < 2:
        return None
    best = None
    for i, folded in enumerate(kg.folded_sentences_):
        if parts[0][:2] not in folded and parts[-1][:2] not in folded:
            continue
        held = sum(1 for part in parts if part in folded)
        if held >= max(2, 0.75 * len(parts)) and (best is None or held > best[0]):
            best = (held, i)
    return (best[0] / len(parts), best[1]) if best else None


def answer_formula(kg, q, k):
    """Parts, definition or requirements of a numbered formula, saying whether the text or the glossary speaks."""
    terms = formula_terms(kg, q)
    if not terms:
        return None
    # The formula asked about: one the texts define, else the last one named (落实“一岗双责”时建立的
    # “一书两单三会议”由哪些构成 asks about the second).
    defined_terms = [t for t in terms if any(f.parts for f in kg.facts_.formulae_named(t.key))]
    term = (defined_terms or terms)[-1]
    if q.intent == "mechanism_context":
        return _formula_context(kg, q, term, k)
    found = kg.facts_.formulae_named(term.key)
    defined = [f for f in found if f.parts]
    name = _formula_name(term, q.language)
    evidence, sentences = [], []
    if defined:
        formula = max(defined, key=lambda f: (f.status == "confirmed", len(f.parts)))
        note = _status_note(formula, q.language)
        parts = _parts_text(formula, q.language)
        # the defining words as the text writes them (“区-街-社区-驿站”四级…), when they are short
        written = quote_window(formula.evidence.text, term.zh, limit=60)
        written = written if len(written) <= 60 else ""
        if q.language == "en":
            text = f"{name} consists of, as the text defines it: 「{parts}」" + (f" ({note})." if note else ".")
            text += f" The text: 「{written}」" if written else ""
        else:
            text = f"{name}包括：{parts}" + (f"（文中定义，{note}）。" if note else "（文中定义）。")
            text += f"原文：「{written}」" if written else ""
        evidence.append(evidence_from_fact(kg, formula.evidence, 1.0))
        source = "document"
    elif term.parts and _listed_unnamed(kg, term) is not None:
        # 精神懈怠危险、能力不足危险… written out where the texts never call them “四种危险”
        score, i = _listed_unnamed(kg, term)
        doc, sentence = kg.sentences_[i]
        parts = [zh for zh, _ in term.parts]
        quote = quote_window(sentence.text, " ".join(parts), limit=160)
        text = say(q, f"{name}指：{'；'.join(parts)}。《{doc.title}》写出了这{len(parts)}项（未用“{term.zh}”这个名称）：「{quote}」",
                   f"{name} stands for: " + "; ".join(f"{en} (「{zh}」)" for zh, en in term.parts)
                   + f". {doc.title} writes them out without the name {term.zh}: 「{quote}」")
        evidence.append(evidence_item(kg, doc.doc_id, sentence, score))
        source = "document, unnamed"
    elif term.parts:
        listing = "；".join(zh for zh, _ in term.parts) if q.language == "zh" else "; ".join(
            f"{en} (「{zh}」)" for zh, en in term.parts)
        if q.language == "en":
            text = (f"The texts name {name} without listing its parts; by general knowledge (the glossary, not the "
                    f"text), it stands for: {listing}.")
            if term.definition_en:
                text += " " + term.definition_en
        else:
            text = f"文中提到{name}，但没有列出其内容；按通用知识（词表，并非文本所述），指：{listing}。"
            if term.definition_zh:
                text += term.definition_zh
        source = "glossary"
    else:
        count = f"{term.count}" if term.count else ""
        text = say(q, f"文中提到{name}，但没有列出它具体包括哪些内容{('（名称中为' + count + '项）') if count else ''}，词表中也没有它的定义。",
                   f"The texts name {name} but never list what it consists of, and the glossary has no entry for it.")
        source = "undefined"
    if q.intent == "definition" and source == "document" and term.definition_zh:
        text += say(q, f"通用释义（词表）：{term.definition_zh}", f" General definition (glossary): {term.definition_en}")
    mention_positions = _mentions_of(kg, term)
    ranked = rank_sentences(kg, q, among=mention_positions)
    known = {(e.doc, e.start) for e in evidence}
    limit = 1 if evidence else 2
    for score, i in ranked:
        doc, sentence = kg.sentences_[i]
        if (doc.doc_id, sentence.start) not in known and len(sentences) < limit:
            sentences.append(evidence_item(kg, doc.doc_id, sentence, score))
    if not evidence and sentences and source == "undefined":
        text += say(q, f"文中原句：「{quote_window(sentences[0].text, q.query)}」",
                    f" The text: 「{quote_window(sentences[0].text, q.query)}」")
    elif not evidence and sentences and source == "glossary":
        # What the text itself says comes before general knowledge.
        quote = quote_window(sentences[0].text, q.query, limit=120)
        head, _, rest = text.partition(say(q, "；按通用知识", "; by general knowledge"))
        text = (head + say(q, f"，文中原句：「{quote}」；按通用知识", f". The text: 「{quote}」; by general knowledge")
                + rest) if rest else text
    evidence = (evidence + sentences)[:k]
    return make_answer(q, text, evidence, {"method": "formula parts", "source": source, "formula": term.zh,
                                           "found_in_texts": len(found)})


def _formula_context(kg, q, term, k):
    positions = _mentions_of(kg, term)
    if not positions:
        return None
    ranked = rank_sentences(kg, q, among=positions)
    if not ranked:
        ranked = [(0.01, i) for i in positions]
    chosen = select_evidence(ranked, min(k, 3), ratio=0.85)
    quotes = [quote_window(kg.sentences_[i][1].text, q.query, limit=150) for _, i in chosen[:2]]
    name = _formula_name(term, q.language)
    text = say(q, f"文中关于{name}的要求：" + " ".join(f"「{x}」" for x in quotes),
               f"What the text requires about {name}: " + " ".join(f"「{x}」" for x in quotes))
    evidence = [evidence_item(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen]
    return make_answer(q, text, evidence, {"method": "sentences naming the formula", "formula": term.zh})


# ------------------------------------------------------------------------ names the texts never use
# 坚持哪“三慎” / 是哪四同 / 培养成哪三类人: a count and one character that every part shares, asked after 哪 or
# quoted; classifiers between them (类, 个, 种…) are skipped, and the character must end the name.
_COUNTED_NAME = re.compile(r"(?:哪|[“\"「])(?P<count>[一二两三四五六七八九十]+)(?:[类个种项条位名大]?)"
                           r"(?P<key>[\u4e00-\u9fff])(?![\u4e00-\u9fff])")
_CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]+")
_ITEM_LEADS = re.compile(r".*(?:成为|做到|当好|争当|争做|[为是作当])")


def counted_name(query: str):
    """``(name, count, shared character)`` of the counted name a question asks about, or ``None``.

    >>> counted_name("报告要求坚持哪“三慎”？"), counted_name("把党支部书记培养成哪三类人？")
    (('三慎', 3, '慎'), ('三类人', 3, '人'))
    >>> counted_name("要以哪三项建设工程为抓手？") is None   # 建 does not end the name
    True
    """
    match = _COUNTED_NAME.search(query)
    if not match:
        return None
    count = chinese_to_int(match.group("count"))
    if count is None or not 2 <= count <= 10:
        return None
    name = query[match.start("count"):match.end("key")]
    return name, count, match.group("key")


def spelled_out(text: str, count: int, key: str):
    """The ``count`` parts of a list in ``text`` that all begin, or all end, with ``key`` (慎微、慎独、慎行;
    政治上的明白人、党建工作的内行人、干部群众的贴心人), the first cut after the words that lead into it.

    >>> spelled_out("坚持党建与业务同谋划、同部署、同落实、同考核，形成品牌。", 4, "同")
    ['同谋划', '同部署', '同落实', '同考核']
    >>> spelled_out("把支部书记锻造成为政治上的明白人、党建工作的内行人、干部群众的贴心人。", 3, "人")
    ['政治上的明白人', '党建工作的内行人', '干部群众的贴心人']
    >>> spelled_out("坚持慎微、慎独，慎行。", 3, "慎") is None
    True
    """
    for clause in _CLAUSE.findall(text):
        items = clause.split("、")
        if len(items) >= 2 and len(items) < count:
            last = re.split(r"和|及|以及", items[-1], maxsplit=1)
            items = items[:-1] + last if len(items) + len(last) - 1 == count else items
        if len(items) != count or any(not 2 <= len(x) <= 12 for x in items[1:]):
            continue
        rest = items[1:]
        if all(x.startswith(key) for x in rest) and key in items[0]:
            first = items[0][items[0].rfind(key):]
        elif all(x.endswith(key) for x in rest) and items[0].endswith(key):
            lead = _ITEM_LEADS.match(items[0][:-1])
            first = items[0][lead.end():] if lead else items[0]
        else:
            continue
        if 2 <= len(first) <= 12:
            return [first, *rest]
    return None


def answer_spelled_out(kg, q, k):
    """A counted name the lexicon does not know and the texts never use (“三慎”, 四同), answered with the list
    the texts write out whose parts all share its character; ``None`` when there is no such list."""
    if q.language != "zh" or formula_terms(kg, q):
        return None
    found = counted_name(q.query)
    if found is None:
        return None
    name, count, key = found
    if any(fold(name) in text for text in kg.folded_sentences_):
        return None   # the texts use the name: the search finds where
    lists = {}
    for i, folded in enumerate(kg.folded_sentences_):
        if folded.count(key) >= count:
            parts = spelled_out(kg.sentences_[i][1].text, count, key)
            if parts is not None:
                lists[i] = parts
    if not lists:
        return None
    ranked = rank_sentences(kg, q, among=sorted(lists))
    if not ranked and len(lists) > 1:
        return None
    score, i = ranked[0] if ranked else (0.1, next(iter(lists)))
    doc, sentence = kg.sentences_[i]
    parts = lists[i]
    quote = quote_window(sentence.text, " ".join(parts), limit=160)
    text = (f"“{name}”指：{'、'.join(parts)}。《{doc.title}》写出了这{count}项（未用“{name}”这个名称）：「{quote}」")
    evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
    return make_answer(q, text, evidence, {"method": "a list whose parts share the name's character",
                                           "name": name, "candidates": len(lists)})


# 在哪三个方面作表率 / 要求怎么学: the texts say it in parallel parts that end alike (在…上作表率，在…上作表率，
# 在…上作表率 / 全面学、系统学、贯通学…).
_ASPECT_VERB = re.compile(r"哪(?:些|(?P<count>[一二三四五六七八九十]+)个?)方面(?:都|要|应当|应该|必须)?(?P<verb>[\u4e00-\u9fff]{2,6}?)(?:[？?，,。]|$)")
_HOW_VERB = re.compile(r"(?:怎么|如何|怎样)(?P<verb>[\u4e00-\u9fff])(?:[？?]|$)")
_SEGMENT = re.compile(r"[^，,、；;。：:！？!?\n]+")


def parallel_parts(text: str, suffix: str, count=None):
    """The run of consecutive parts of ``text`` (cut at ，、；) that all end with ``suffix``: ``count`` of
    them, or at least three when no count is asked; ``None`` when there is no such run.

    >>> parallel_parts("更高标准、更严要求，全面学、系统学、贯通学、深入学，自觉用以武装头脑。", "学")
    ['全面学', '系统学', '贯通学', '深入学']
    >>> parallel_parts("在学习上作表率，在纪律上作表率，建设模范机关。", "作表率", 2)
    ['在学习上作表率', '在纪律上作表率']
    >>> parallel_parts("在学习上作表率，在纪律上作表率。", "作表率", 3) is None
    True
    """
    run, runs = [], []
    for segment in _SEGMENT.findall(text) + [""]:
        segment = segment.strip()
        if segment.endswith(suffix) and len(segment) > len(suffix):
            run.append(segment)
            continue
        if run:
            runs.append(run)
        run = []
    for parts in runs:
        if (count is not None and len(parts) == count) or (count is None and len(parts) >= 3):
            return parts
    return None


def answer_parallel(kg, q, k):
    """在哪三个方面作表率 / 怎么学: the parallel parts of one of the question's closest sentences that end with
    the verb it asks about, or ``None``."""
    match = (_ASPECT_VERB.search(q.query) or _HOW_VERB.search(q.query)) if q.language == "zh" else None
    if match is None:
        return None
    verb = match.group("verb")
    count = chinese_to_int(match.group("count")) if "count" in match.groupdict() and match.group("count") else None
    for score, i in rank_sentences(kg, q)[:20]:
        doc, sentence = kg.sentences_[i]
        parts = parallel_parts(sentence.text, verb, count)
        if parts is not None:
            quote = quote_window(sentence.text, " ".join(parts), limit=200)
            text = say(q, f"{'；'.join(parts)}。原文：「{quote}」", f"{'; '.join(parts)}. The text: 「{quote}」")
            return make_answer(q, text, [evidence_item(kg, doc.doc_id, sentence, score)],
                               {"method": "parallel parts that end with the verb asked", "verb": verb})
    return None
