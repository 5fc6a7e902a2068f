"""Answering: from a parsed question to an :class:`Answer`, by intent, with TF-IDF ranking.

Each intent has a handler ``(context, question, k) -> Answer | None``; a handler that finds
nothing returns ``None`` and the question falls back to sentence search, which always answers.
"""

from __future__ import annotations

import dataclasses
import difflib
import re

import numpy as np

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
    scores = _sentence_scores(kg, q.query)
    if q.expanded and q.expanded != q.query:
        # Other names of the question's entities (纪委 → 纪律检查委员会) may find what the asked name
        # misses; they count a little less, as they were not asked.
        scores = np.maximum(scores, 0.85 * _sentence_scores(kg, q.expanded))
    doc_bonus = _document_hints(kg, q)
    defined = _definition_patterns(q)
    ranked = []
    folded_quotes = [fold(x) for x in q.quoted if len(x) >= 2]
    entity_names = [[fold(n) for n in t.labels("zh")] for t in q.entities]
    positions = _best_positions(scores) if among is None else among
    rare = _rare_literals(kg, q, scores)
    cues = _answer_cues(q)
    for i in positions:
        doc, sentence = kg.sentences_[i]
        score = float(scores[i])
        if score <= 0:
            continue
        folded = kg.folded_sentences_[i]
        score += 0.25 * sum(1 for quote in folded_quotes if quote in folded)
        score += 0.08 * sum(1 for names in entity_names if any(n in folded for n in names))
        score += 0.2 * sum(1 for word in rare if word in folded)
        if kind_bonus:
            score += kind_bonus.get(sentence.kind, 0.0)
        score += doc_bonus.get(doc.doc_id, 0.0)
        if defined and any(pattern.search(folded) for pattern in defined):
            score += 0.3  # "X是…" is what "什么是X" asks for
        if cues and cues.search(folded):
            score += 0.12  # the kind of sentence the question asks for (程序 for steps, 情形 for cases)
        ranked.append((score, i))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


# What a question asks for, and the words of the sentences that give that kind of answer.
_ANSWER_CUES = (
    (r"步骤|程序|流程|环节|procedure|steps?\b|process", r"程序|步骤|流程|环节"),
    (r"什么情况|哪些情况|什么情形|哪些情形|circumstances|under what|in what case|when is", r"情形|情况下|之一的"),
    (r"比例|占.*多少|proportion|percentage|ratio", r"比例|%|％"),
    (r"原则|principles?\b", r"原则"),
    (r"几类|几种|几样|哪些种类|what kinds|which kinds|what types|how many kinds", r"(?<![“\"第])[一二三四五六七八九十两\d]+[种类][：:]|分为|包括"),
    (r"条件|资格|qualif|eligib|conditions?\b", r"条件|具备|资格"),
)


def _answer_cues(q):
    """A pattern for sentences of the kind the question asks for, or ``None``."""
    wanted = [cue for asked, cue in _ANSWER_CUES if re.search(asked, q.text, re.I)]
    return re.compile("|".join(wanted)) if wanted else None


RANKED_SENTENCES = 3000  # bonuses are weighed for this many sentences at most, the closest by TF-IDF


def _best_positions(scores):
    """Positions of the sentences worth weighing: all that share a word with the question, or in a large
    corpus the ``RANKED_SENTENCES`` closest (bonuses never lift a sentence from further down)."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) <= RANKED_SENTENCES:
        return positive
    best = np.argpartition(-scores[positive], RANKED_SENTENCES)[:RANKED_SENTENCES]
    return np.sort(positive[best])


def _rare_literals(kg, q, scores, most=3) -> list:
    """Names in the question (a person, a place, a body, as jieba's tagger sees them) that the lexicon
    does not know, found as written in at most ``most`` sentences: a sentence that holds one is likely
    the one asked about."""
    words = [w for w in kg.tokenizer_.proper_nouns(q.query) if kg.lexicon_.lookup(w) is None]
    if not words:
        return []
    candidates = [kg.folded_sentences_[i] for i in _best_positions(scores)]
    return [w for w in dict.fromkeys(words) if 0 < sum(1 for text in candidates if w in text) <= most]


_WHAT_IS = (re.compile(r"^(?:什么是|何为|何谓)(.{2,16}?)[？?。]*$"),
            re.compile(r"^(.{2,16}?)(?:是什么|指什么|是指什么|的含义是什么|是什么意思|什么意思)[？?。]*$"),
            re.compile(r"^what (?:is|are|does) (?:an? |the )?(.{3,40}?)(?: mean)?\s*\??$", re.I))


def _definition_patterns(q):
    """For 什么是X / X是什么 / What is X: patterns of sentences that define X (X是…, X指…, X的基本原则是…)."""
    for pattern in _WHAT_IS:
        match = pattern.match(q.text.strip())
        if match:
            subject = match.group(1)
            if q.language == "en":
                names = [t.zh for t in q.entities] + [w for w in q.query.split() if len(w) >= 2][:2]
            else:
                names = [fold(subject).strip('"')]
            return [re.compile(r'(?:^|[，。；"])' + re.escape(fold(n)) + r'"?(?:是|指|即|就是)') for n in names if n]
    return []


def _sentence_scores(kg, text):
    if not kg.sentences_:
        return np.zeros(0)
    scores = kg.sentence_index_.scores(text)
    passage_index = getattr(kg, "passage_index_", None)
    if passage_index is not None:
        # A question usually matches one clause of a long sentence: let its best passage speak.
        best_passages, _ = passage_index.best(text)
        scores = 0.45 * scores + 0.55 * np.maximum(scores, best_passages)
    return scores


# Words by which a question points at one kind of document in a mixed corpus: what it says, what a title
# of that kind holds, and whether such a document is built of articles (a regulation) or not (a report).
_DOC_HINTS = (
    (r"党章|章程|constitution", r"章程", None),
    (r"条例|regulation", r"条例|规则|办法|规定", True),
    (r"调研报告|报告中|报告对|报告提出|报告从|报告要求|报告里|report", r"报告|调研", False),
    (r"分析会|会议|meeting", r"会|报告", None),
)


def _document_hints(kg, q):
    """A small bonus for documents of the kind the question names (党章, 条例, 报告): by title, or for a
    regulation or a report by its structure when its title does not say."""
    if len(kg.documents_) < 2:
        return {}
    bonus = {}
    for asked, title, regulation in _DOC_HINTS:
        if re.search(asked, q.text, re.I):
            for doc in kg.documents_:
                by_title = re.search(title, doc.title)
                by_structure = regulation is not None and doc.is_regulation == regulation and \
                    not re.search(r"章程|条例|规则|办法|规定|报告", doc.title)
                if by_title or by_structure:
                    bonus[doc.doc_id] = max(bonus.get(doc.doc_id, 0.0), 0.2)
            break
    return bonus


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
    # The handler orders the evidence (a duty, then the post that brings it); scores follow that order,
    # so that "best first" holds for a reader of the scores too.
    for n in range(1, len(evidence)):
        if evidence[n].score > evidence[n - 1].score:
            evidence[n] = dataclasses.replace(evidence[n], score=evidence[n - 1].score)
    trace = {"tokens": list(q.tokens), "linked": [t.zh for t in q.entities], "query": q.query, **trace}
    if q.notes:
        trace["notes"] = list(q.notes)
    return Answer(q.text, q.language, q.intent, text, evidence, _entities(q), trace, answered)


def _doc_title(kg, doc_id):
    return kg.document(doc_id).title


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


def _list_answer(kg, q, doc, lead, items, score):
    room = ANSWER_CHARS - len(doc.title) - len(lead.text) - 12 - 5 * len(items)
    budget = max(14, room // max(1, len(items)))
    listing = "；".join(f"（{i}）{_compact(x.text, budget)}" for i, x in enumerate(items, 1))
    text = _say(q, f"据《{doc.title}》：「{lead.text}」{listing}。",
                f"In {doc.title}: 「{lead.text}」 {listing}.")
    scores = kg.sentence_index_.scores(q.query)
    ranked_items = sorted(items, key=lambda x: -scores[kg.sentence_position(doc.doc_id, x.index)])
    evidence = [_evidence(kg, doc.doc_id, lead, score)]
    for item in ranked_items[:2]:
        item_score = float(scores[kg.sentence_position(doc.doc_id, item.index)])
        if item_score > 0:
            evidence.append(_evidence(kg, doc.doc_id, item, item_score))
    return text, evidence


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
    if not _LIST_QUESTION.search(q.text) and lead.index != sentence.index:
        return None
    text, evidence = _list_answer(kg, q, doc, lead, items, score)
    return _answer(q, text, evidence[:k], {"method": "enumerated list under its lead sentence", "items": len(items)})


# ---------------------------------------------------------------------------- outlines (headings)
_OUTLINE_QUESTION = re.compile(r"哪[几些]个?方面|哪几[条点项个部]|几个方面|哪些方面|表现在|表现为|有哪些表现|分为|what (areas|aspects)|which (areas|aspects)|main (points|gains|measures)", re.I)


_ASKS_WHAT = re.compile(r"哪些|哪几|什么|^(what|which)\b", re.I)


_OUTLINE_WORDS = frozenset("方面 几个 几条 哪些 哪几 分为 包括 主要 表现 内容 部分 提出 有 调研 发现 存在 采取 文中 main part parts".split())


def _question_covered(kg, q, heading):
    """True when the heading says most of what the question asks (not just one of its words)."""
    asked = [t for t in q.tokens if t not in _OUTLINE_WORDS]
    if not asked:
        return False
    heading_text = fold(heading)
    return sum(1 for t in asked if t in heading_text) / len(asked) >= 0.5


def _heading_match(kg, q, question_bigrams, heading):
    """How much of a heading the question covers: by bigrams, or by words (for translated questions)."""
    grams = _bigrams(heading)
    by_grams = len(grams & question_bigrams) / len(grams) if grams else 0.0
    words = set(kg.tokenizer_.tokens(heading))
    by_words = len(words & set(q.tokens)) / len(words) if words else 0.0
    return max(by_grams, by_words)


def _children(doc, section):
    return [c for c in doc.sections if c.parent == section.index]


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


def answer_with_outline(kg, q, ranked, k):
    """Questions about a part's sub-parts (报告从哪几个方面提出对策措施？) or a sub-part's points."""
    if not (_OUTLINE_QUESTION.search(q.text) or _LIST_QUESTION.search(q.text) or _ASKS_WHAT.search(q.text)):
        return None
    wanted = _bigrams(q.query)
    best = None
    for doc in kg.documents_:
        for section in doc.sections:
            children = [c for c in _children(doc, section) if c.level != "item" and c.heading]
            if len(children) < 2 or len(section.heading) < 4:
                continue
            match = _heading_match(kg, q, wanted, section.heading)
            if match >= 0.5 and _question_covered(kg, q, section.heading) and (best is None or match > best[0]):
                best = (match, doc, section, children)
    if best is not None and (_OUTLINE_QUESTION.search(q.text) or _ASKS_WHAT.search(q.text)):
        _, doc, section, children = best
        heads = [f"{c.marker}{c.heading}" for c in children]
        text = _say(q, f"《{doc.title}》“{section.heading}”部分分为{len(children)}个方面：" + "".join(heads),
                    f"In {doc.title}, the part 「{section.heading}」 has {len(children)} sub-parts: " + " ".join(heads))
        evidence = []
        for child in children:
            lead = next((x for x in doc.sentences if x.section == child.index), None)
            if lead is not None and len(evidence) < k:
                evidence.append(_evidence(kg, doc.doc_id, lead, 1.0))
        return _answer(q, text, evidence, {"method": "sub-part headings", "section": section.heading})
    if not ranked or not (_OUTLINE_QUESTION.search(q.text) or _LIST_QUESTION.search(q.text)):
        return None
    siblings = _sibling_leads(kg, ranked[:4])
    if siblings is not None:
        doc, parent, children = siblings
        heads = [f"{c.marker}{c.heading}" for c in children]
        title = parent.heading or parent.marker
        text = _say(q, f"《{doc.title}》“{title}”部分分为{len(children)}个方面：" + "".join(heads),
                    f"In {doc.title}, the part 「{title}」 has {len(children)} sub-parts: " + " ".join(heads))
        evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], sc) for sc, i in ranked[:4]
                    if kg.sentences_[i][0].doc_id == doc.doc_id and kg.sentences_[i][1].section in {c.index for c in children}][:k]
        return _answer(q, text, evidence, {"method": "sub-part headings (several match)", "section": title})
    score, i = ranked[0]
    doc, sentence = kg.sentences_[i]
    section = doc.sections[sentence.section] if sentence.section is not None else None
    if section is None or not section.heading or fold(section.heading) != fold(sentence.text):
        return None
    inner = [x for x in doc.sentences_in(section.index) if x.index != sentence.index and len(x.text) <= 12]
    if len(inner) < 2:
        return None
    text = _say(q, f"据《{doc.title}》，“{sentence.text.rstrip('。')}”表现在：" + "；".join(x.text.rstrip("。") for x in inner) + "。",
                f"In {doc.title}, 「{sentence.text}」 shows in: " + "; ".join(f"「{x.text}」" for x in inner) + ".")
    evidence = [_evidence(kg, doc.doc_id, sentence, score)]
    return _answer(q, text, evidence, {"method": "points inside a sub-part", "section": section.heading})


# ---------------------------------------------------------------------------- search (fallback)
def answer_search(kg, q, k):
    """Answer with the sentences most similar to the question (TF-IDF, quotes and entities boosted)."""
    ranked = _rank_sentences(kg, q)
    for special in (answer_with_outline, answer_with_list):
        found = special(kg, q, ranked, k)
        if found is not None:
            return found
    chosen = _select_evidence(ranked, min(k, 3), ratio=0.85)
    if not chosen:
        return None
    chosen = _with_elaboration(kg, chosen)
    evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen]
    best_doc, best = kg.sentences_[chosen[0][1]]
    wants_list = bool(_LIST_QUESTION.search(q.text) or _OUTLINE_QUESTION.search(q.text))
    quote = quote_window(best.text, q.query, limit=ANSWER_CHARS - 60 if wants_list else QUOTE_CHARS)
    text = _say(q, f"据《{best_doc.title}》：「{quote}」",
                f"The closest passage, in {best_doc.title}: 「{quote}」")
    if len(chosen) > 1 and len(quote) < QUOTE_CHARS:
        second_doc, second = kg.sentences_[chosen[1][1]]
        extra = quote_window(second.text, q.query, limit=120)
        text += _say(q, f" 另见：「{extra}」", f" See also: 「{extra}」")
    return _answer(q, text, evidence, {"method": "tf-idf over sentences", "candidates": len(ranked)})


LEAD_SENTENCE_CHARS = 24
_NUMBER = re.compile(r"[0-9０-９*＊]|[一二两三四五六七八九十百千]+[个名次项条年月日人%]")


def _with_elaboration(kg, chosen):
    """When the best sentence is a short lead (抓好支部书记“领头羊”。), the sentence after it in the same
    paragraph says what the lead means: it becomes the second evidence, just under the lead's score."""
    score, position = chosen[0]
    doc, lead = kg.sentences_[position]
    if (len(lead.text) > LEAD_SENTENCE_CHARS or _NUMBER.search(lead.text)
            or position + 1 >= len(kg.sentences_)):
        return chosen  # a short sentence with a number is an answer in itself (每年不少于32学时)
    next_doc, following = kg.sentences_[position + 1]
    if (next_doc is not doc or following.paragraph != lead.paragraph
            or len(following.text) < max(2 * len(lead.text), 40)):
        return chosen  # a next sentence as short as the lead is its sibling in a list, not its elaboration
    rest = [(s, i) for s, i in chosen[1:] if i != position + 1]
    return [chosen[0], (score * 0.99, position + 1)] + rest[:1]


# ---------------------------------------------------------------------------- duties of a role
def _modality_zh(duty):
    return {PROHIBITION: "不得", DEFAULT: "原则上", PERMISSION: "可以"}.get(duty.modality, "")


def _duty_line(duty, language):
    freq = duty.frequency.describe(language) if duty.frequency else ""
    mod = _modality_zh(duty)
    breach = duty.section_kind == "problem"  # named by its breach: 有的…没履行…，不参加…
    if language == "en":
        tag = {PROHIBITION: "must not: ", DEFAULT: "as a rule: ", PERMISSION: "may: "}.get(duty.modality, "")
        return (f"{tag}「{duty.action}」" + (f" ({freq})" if freq else "")
                + (" (named by its breach: the problems part says some do not)" if breach else ""))
    text = duty.action if not mod or duty.action.startswith(mod) else mod + duty.action
    return (text + (f"（{freq}）" if freq and freq not in duty.action else "")
            + ("（问题部分指出有的未做到）" if breach else ""))


def _related_roles(kg, term, language="zh"):
    """The role itself, the posts it holds, and the roles that hold it, with how they relate."""
    def en(ref):
        known = kg.lexicon_.get(ref.key)
        return f"{known.label('en')} ({ref.label})" if known and known.en else ref.label

    related = [(term.key, "")]
    for h in kg.facts_.posts_held_by(term.key):
        if language == "en":
            related.append((h.post.key, ("concurrently serves as " if h.concurrent else "serves as ") + en(h.post)))
        else:
            related.append((h.post.key, f"{term.zh}{'兼任' if h.concurrent else '担任'}{h.post.label}"))
    for h in kg.facts_.holders_of(term.key):
        if language == "en":
            related.append((h.holder.key, ("concurrently held by " if h.concurrent else "held by ") + en(h.holder)))
        else:
            related.append((h.holder.key, f"由{h.holder.label}{'兼任' if h.concurrent else '担任'}"))
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


# Words that ask for duties without saying which: a question made only of these and a role is generic.
_DUTY_WORDS = frozenset("""职责 职能 责任 任务 义务 工作 做 干 干啥 做啥 什么 哪些 主要 基本 具体 要 应当 应该 必须 需要 负责 承担
    履行 要求 内容 方面 有 都 平时 得 该 需 duty duties must should do responsibility responsibilities task tasks
    obligation obligations role work main basic required""".split())


def _content_tokens(q):
    """The question's tokens that are neither entity names nor generic duty words."""
    names = {fold(label) for t in q.entities if t.kind != "mechanism" for label in t.labels("zh")}
    return [t for t in q.tokens if t not in _DUTY_WORDS and not any(t in n for n in names)]


def _mentions_term(sentence_text, term):
    folded = fold(sentence_text)
    return any(fold(label) in folded for label in term.labels("zh"))


def _role_list_answer(kg, q, term, k):
    """A role's enumerated duties (``X的职责是：（一）…``) when the text has such a list."""
    ranked = _rank_sentences(kg, q)
    # A specific question takes the list only when the list's lead is the best match of all.
    for score, i in ranked[: 1 if _content_tokens(q) else 8]:
        doc, sentence = kg.sentences_[i]
        lead, items = list_items(doc, sentence)
        if lead is None or len(items) < 2 or not _mentions_term(lead.text, term):
            continue
        text, evidence = _list_answer(kg, q, doc, lead, items, score)
        return _answer(q, text, evidence[:k], {"method": "the role's enumerated duties", "items": len(items)})
    return None


def answer_role_duties(kg, q, k):
    """What must a role do: its duties, those of the posts it holds, and those of the roles holding it.

    A question that names more than the role (党员要参加哪些政治仪式) is answered by the sentences
    that say it; a generic one (第一书记要做什么) by the role's duties, or its enumerated list.
    """
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles:
        return None
    term = roles[0]
    listed = _role_list_answer(kg, q, term, k)
    if listed is not None:
        return listed
    if _content_tokens(q):
        return None
    related = _related_roles(kg, term, q.language)
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
    # The sentences that make a post bring its duties are evidence too ("who holds the post").
    for h in kg.facts_.posts_held_by(term.key) + kg.facts_.holders_of(term.key):
        key = (h.evidence.doc_id, h.evidence.start)
        if key not in seen:
            seen.add(key)
            evidence.insert(min(1, len(evidence)), _evidence_from_fact(kg, h.evidence, 0.5))
    evidence = evidence[:k]
    return _answer(q, text, evidence, {"method": "duties of the role and its posts",
                                       "roles": [key for key, _ in related], "duties": len(prescribed)})


# ---------------------------------------------------------------------------- numbered formulae
def _formula_terms(kg, q):
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


def answer_formula(kg, q, k):
    """Parts, definition or requirements of a numbered formula, saying whether the text or the glossary speaks."""
    terms = _formula_terms(kg, q)
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
        evidence.append(_evidence_from_fact(kg, formula.evidence, 1.0))
        source = "document"
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
        text = _say(q, f"文中提到{name}，但没有列出它具体包括哪些内容{('（名称中为' + count + '项）') if count else ''}，词表中也没有它的定义。",
                    f"The texts name {name} but never list what it consists of, and the glossary has no entry for it.")
        source = "undefined"
    if q.intent == "definition" and source == "document" and term.definition_zh:
        text += _say(q, f"通用释义（词表）：{term.definition_zh}", f" General definition (glossary): {term.definition_en}")
    mention_positions = _mentions_of(kg, term)
    ranked = _rank_sentences(kg, q, among=mention_positions)
    known = {(e.doc, e.start) for e in evidence}
    limit = 1 if evidence else 2
    for score, i in ranked:
        doc, sentence = kg.sentences_[i]
        if (doc.doc_id, sentence.start) not in known and len(sentences) < limit:
            sentences.append(_evidence(kg, doc.doc_id, sentence, score))
    if not evidence and sentences and source == "undefined":
        text += _say(q, f"文中原句：「{quote_window(sentences[0].text, q.query)}」",
                     f" The text: 「{quote_window(sentences[0].text, q.query)}」")
    elif not evidence and sentences and source == "glossary":
        # What the text itself says comes before general knowledge.
        quote = quote_window(sentences[0].text, q.query, limit=120)
        head, _, rest = text.partition(_say(q, "；按通用知识", "; by general knowledge"))
        text = (head + _say(q, f"，文中原句：「{quote}」；按通用知识", f". The text: 「{quote}」; by general knowledge")
                + rest) if rest else text
    evidence = (evidence + sentences)[:k]
    return _answer(q, text, evidence, {"method": "formula parts", "source": source, "formula": term.zh,
                                       "found_in_texts": len(found)})


def _formula_context(kg, q, term, k):
    positions = _mentions_of(kg, term)
    if not positions:
        return None
    ranked = _rank_sentences(kg, q, among=positions)
    if not ranked:
        ranked = [(0.01, i) for i in positions]
    chosen = _select_evidence(ranked, min(k, 3), ratio=0.85)
    quotes = [quote_window(kg.sentences_[i][1].text, q.query, limit=150) for _, i in chosen[:2]]
    name = _formula_name(term, q.language)
    text = _say(q, f"文中关于{name}的要求：" + " ".join(f"「{x}」" for x in quotes),
                f"What the text requires about {name}: " + " ".join(f"「{x}」" for x in quotes))
    evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen]
    return _answer(q, text, evidence, {"method": "sentences naming the formula", "formula": term.zh})


# ---------------------------------------------------------------------------- posts
_TITLE = re.compile(r"(?:书记|校长|院长|主任|局长|部长|厅长|处长|科长|组长|委员|主席|经理|董事长|负责人|成员|秘书长|常委|"
                    r"区长|县长|市长|镇长|乡长|社长|馆长|所长|站长|队长|行长|干事|代表)$")
_BEFORE_TITLES = re.compile(r".*[，。；：（）()“”由在和与及是为被对向]")


def titles_before(sentence_text: str, name: str) -> list:
    """The titles written just before a person's name: 会议由党委书记、校长王琛主持 → 党委书记, 校长.

    >>> titles_before("会议由党委书记、校长王琛主持。", "王琛")
    ['党委书记', '校长']
    >>> titles_before("校党委副书记、纪委书记孙洪亮发言。", "洪亮")
    ['校党委副书记', '纪委书记']
    """
    titles = []
    for match in re.finditer(re.escape(name), sentence_text):
        before = _BEFORE_TITLES.sub("", sentence_text[max(0, match.start() - 30):match.start()])
        parts = before.split("、")
        if parts and not _TITLE.search(parts[-1]) and _TITLE.search(parts[-1][:-1]):
            parts[-1] = parts[-1][:-1]  # the tagger cut the surname off: 纪委书记孙|洪亮
        run = []
        for part in reversed(parts):
            if not part or not _TITLE.search(part):
                break
            run.insert(0, part)
        titles.extend(run)
    return list(dict.fromkeys(titles))


_MEMBERSHIP = re.compile(r"(成员|代表)$")
_QUESTION_WORDS = re.compile(r"什么|职务|职位|担任|兼任|哪些|哪个|是谁|谁|怎样|如何|多少")


def _name_candidates(kg, q):
    """Strings of the question that may be a person's name: every run of two to four characters, longest
    first (jieba cuts unknown names anywhere: 钱|立新), then the names jieba's tagger finds."""
    tagged = [n for n in kg.tokenizer_.proper_nouns(q.query) if kg.lexicon_.lookup(n) is None]
    spans = []
    for run in re.findall(r"[\u4e00-\u9fff]+", q.query):
        for size in (4, 3, 2):
            spans += [run[i:i + size] for i in range(len(run) - size + 1)]
    plain = [s for s in spans if not _QUESTION_WORDS.search(s) and kg.lexicon_.lookup(s) is None]
    return list(dict.fromkeys([*plain, *tagged]))


def answer_person_posts(kg, q, k):
    """What posts a person named in the question holds, read off the titles written before the name."""
    # A name in the question shares its characters with the sentences that hold it: look only there.
    near = [kg.sentences_[i] for i in _best_positions(_sentence_scores(kg, q.query))]
    for name in _name_candidates(kg, q):
        stated = [(titles_before(sentence.text, name), doc, sentence) for doc, sentence in near
                  if name in sentence.text]
        # a member of a body (班子成员) says less than a post: posts first
        stated = sorted([s for s in stated if s[0]], key=lambda s: all(_MEMBERSHIP.search(t) for t in s[0]))
        if stated:
            found = [t for titles, _, _ in stated for t in titles]
            titles = "、".join(sorted(dict.fromkeys(found), key=lambda t: bool(_MEMBERSHIP.search(t))))
            evidence = [_evidence(kg, doc.doc_id, sentence, 1.0 - 0.01 * n)
                        for n, (_, doc, sentence) in enumerate(stated[:k])]
            text = _say(q, f"{name}：{titles}。原文：「{quote_window(evidence[0].text, name)}」",
                        f"{name}: {titles}. The text: 「{quote_window(evidence[0].text, name)}」")
            return _answer(q, text, evidence, {"method": "titles written before the name", "name": name})
    return None


def answer_post_holder(kg, q, k):
    """Who holds a post, or which posts a role holds (concurrent posts and default rules said so)."""
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles:
        return answer_person_posts(kg, q, k)
    wants_holder = bool(re.search(r"由谁|谁|哪[个些类]|who", q.text, re.I))
    holdings = []
    for term in roles:
        holders = kg.facts_.holders_of(term.key)
        posts = kg.facts_.posts_held_by(term.key)
        holdings.extend(holders if (wants_holder or not posts) else posts)
        if not holdings:
            holdings.extend(posts or holders)
    if re.search(r"兼任|concurrent", q.text, re.I):
        holdings = [h for h in holdings if h.concurrent] or holdings
    # Every holding competes: the one stated in the sentence closest to the question comes first,
    # those about the roles named get a little more.
    scores = _sentence_scores(kg, q.expanded or q.query)
    named = {t.key for t in roles}

    def closeness(h):
        position = kg.sentence_position(h.evidence.doc_id, h.evidence.sentence) if h.evidence.sentence >= 0 else None
        base = float(scores[position]) if position is not None else 0.0
        return base + 0.1 * len(named & {h.holder.key, h.post.key})

    # every key down to the names: equal closeness must not fall back on set order (PYTHONHASHSEED)
    holdings = sorted(set(holdings) | set(kg.facts_.holdings),
                      key=lambda h: (-closeness(h), h.evidence.doc_id, h.evidence.start, h.holder.key, h.post.key,
                                     h.concurrent, h.default_rule))
    if not holdings:
        return None
    best = closeness(holdings[0])
    ranked = [h for h in holdings if closeness(h) >= 0.8 * best][:3]
    lines = []
    for h in ranked:
        verb = "兼任" if h.concurrent else "担任"
        if q.language == "en":
            verb_en = "concurrently serves as" if h.concurrent else "serves as"
            rule = " as a default rule (原则上)" if h.default_rule else ""
            cond = f", where 「{h.condition}」" if h.condition else ""
            lines.append(f"{h.holder.label} {verb_en} {h.post.label}{rule}{cond}")
        else:
            rule = "原则上" if h.default_rule else ""
            cond = f"（条件：{h.condition}）" if h.condition else ""
            lines.append(f"{h.holder.label}{rule}{verb}{h.post.label}{cond}")
    text = _say(q, "；".join(lines) + "。", "; ".join(lines) + ".")
    evidence, seen = [], set()
    for h in ranked:
        if (h.evidence.doc_id, h.evidence.start) not in seen and len(evidence) < k:
            seen.add((h.evidence.doc_id, h.evidence.start))
            evidence.append(_evidence_from_fact(kg, h.evidence, 1.0))
    text += _say(q, f"原文：「{quote_window(evidence[0].text, q.query)}」", f" The text: 「{quote_window(evidence[0].text, q.query)}」")
    return _answer(q, text, evidence, {"method": "post holdings", "holdings": len(holdings)})


# ---------------------------------------------------------------------------- who must do it
def _best_duties(kg, q, limit=3):
    if not kg.facts_.duties:
        return []
    scores = kg.duty_index_.scores(q.query)
    order = sorted(range(len(kg.facts_.duties)), key=lambda i: -scores[i])
    return [(float(scores[i]), kg.facts_.duties[i]) for i in order[:limit] if scores[i] > 0]


def answer_duty_holder(kg, q, k):
    """Who must do something: the bearers of the duties closest to the question."""
    ranked_sentences = _rank_sentences(kg, q)
    if not ranked_sentences:
        return None
    best_score, best_i = ranked_sentences[0]
    best_doc, best_sentence = kg.sentences_[best_i]
    candidates = [(s, d) for s, d in _best_duties(kg, q, 5) if d.bearer is not None]
    # Prefer a duty stated in the best sentence: the bearer then comes with its own words.
    in_best = [(s, d) for s, d in candidates if d.evidence.doc_id == best_doc.doc_id and d.evidence.start == best_sentence.start]
    chosen = in_best[:1] or [c for c in candidates[:1] if c[0] >= 0.35]
    quote = quote_window(best_sentence.text, q.query)
    if chosen:
        duty = chosen[0][1]
        sentence_doc = kg.document(duty.evidence.doc_id)
        sentence = sentence_doc.sentences[duty.evidence.sentence] if duty.evidence.sentence >= 0 else best_sentence
        quote = quote_window(sentence.text, q.query)
        text = _say(q, f"{duty.bearer.label}。原文：「{quote}」",
                    f"{kg.lexicon_.get(duty.bearer.key).label('en') if kg.lexicon_.get(duty.bearer.key) else duty.bearer.label}"
                    f" ({duty.bearer.label}). The text: 「{quote}」")
        evidence = [_evidence_from_fact(kg, duty.evidence, chosen[0][0])]
    else:
        mentioned = [m.term for m in kg.lexicon_.find(quote) if m.term.kind in ("role", "organization")]
        who = "、".join(dict.fromkeys(t.zh for t in mentioned)) if mentioned else ""
        lead = (who + "。") if who else ""
        text = _say(q, f"{lead}原文：「{quote}」", (f"{who}. " if who else "") + f"The text: 「{quote}」")
        evidence = [_evidence(kg, best_doc.doc_id, best_sentence, best_score)]
    for score, i in _select_evidence(ranked_sentences, 3)[1:]:
        doc, sentence = kg.sentences_[i]
        if len(evidence) < min(k, 2) and all((e.doc, e.start) != (doc.doc_id, sentence.start) for e in evidence):
            evidence.append(_evidence(kg, doc.doc_id, sentence, score))
    return _answer(q, text, evidence, {"method": "bearers of the closest duties"})


# ---------------------------------------------------------------------------- how often
_FREQUENCY = re.compile(
    r"(?:每(?:[一二两三四五六七八九十\d]+个?|个)?(?:[年月周日天季]|季度|半年|届|学期)|定期|年度|一般每|至少|不少于|不超过|最长|最短|"
    r"[一二三四五六七八九十\d*]+(?:年|个月|周|天)(?:[至到-][一二三四五六七八九十\d*]+(?:年|个月|周|天))?(?:内|一次|以上)?)"
    r"[^，。；]{0,24}?(?:[\d*一二三四五六七八九十两]+\s*(?:次|天|个月|年|学时|周|名|人))?")


_HOW_LONG = re.compile(r"多长|任期|期限|最长|最短|多少年|几年|几个月|多少天|how long|term", re.I)
_HAS_NUMBER = re.compile(r"[\d*一二两三四五六七八九十]")


def frequency_phrases(text, question) -> list:
    """The frequency phrases of ``text``, the one the question asks about first: the phrase whose clause
    shares most with the question (its own words left out, or 每届 would win by repeating 每届); for
    how long (多长, 任期), a phrase with a number before one without.

    >>> frequency_phrases("党组每季专题研究1次党建工作，党组成员每月到联系点调研。", "党组成员多久到联系点调研一次？")[0]
    '每月'
    >>> frequency_phrases("党的基层委员会每届任期三年至五年。", "党的基层委员会每届任期多长？")[0]
    '三年至五年'
    """
    wanted = _bigrams(question)
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
        found.append((-len(_bigrams(context) & wanted), -(how_long and bool(_HAS_NUMBER.search(phrase))),
                      order, phrase))
    return [phrase for *_, phrase in sorted(found)]


def answer_frequency(kg, q, k):
    """How often or how long: the closest sentence that states a frequency, with the phrase picked out."""
    ranked = [(score, i) for score, i in _rank_sentences(kg, q) if _FREQUENCY.search(kg.sentences_[i][1].text)]
    if not ranked:
        return None
    score, i = ranked[0]
    doc, sentence = kg.sentences_[i]
    quote = quote_window(sentence.text, q.query)
    phrases = frequency_phrases(quote, q.query)
    masked = "*" in (phrases[0] if phrases else "")
    note = _say(q, "（*为原文隐去的数字，未知）" if masked else "", " (* is a number masked in the text: unknown)" if masked else "")
    lead = (phrases[0] + "。" if q.language == "zh" else f"{phrases[0]}.") if phrases else ""
    text = _say(q, f"{lead}{note}原文：「{quote}」", f"{lead}{note} The text: 「{quote}」".strip())
    evidence = [_evidence(kg, doc.doc_id, sentence, score)]
    for score2, j in _select_evidence(ranked, 2, ratio=0.85)[1:]:
        evidence.append(_evidence(kg, kg.sentences_[j][0].doc_id, kg.sentences_[j][1], score2))
    return _answer(q, text, evidence[:k], {"method": "sentences stating a frequency", "candidates": len(ranked)})


# ---------------------------------------------------------------------------- problems
_PROBLEM_WORDS = frozenset("问题 不足 短板 差距 存在 发现 查找 查摆 指出 报告 文中 哪些 哪几 方面 主要 调研 突出 毛病 缺点 表现 problem problems shortcoming shortcomings found report weakness".split())
_PREVALENCE_ZH = {"some": "有的", "several": "一些", "few": "少数", "many": "普遍"}


def answer_problems(kg, q, k):
    """Problems found, for one role or overall, ranked by closeness to the question."""
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles and [t for t in _content_tokens(q) if t not in _PROBLEM_WORDS]:
        return None  # a question about one problem's details: the sentences answer it best
    problems = [p for t in roles for p in kg.facts_.problems_of(t.key)] if roles else []
    if not problems:
        problems = list(kg.facts_.problems)
    if not problems:
        return None
    all_scores = kg.problem_index_.scores(q.query)
    position = {id(p): i for i, p in enumerate(kg.facts_.problems)}
    scores = [float(all_scores[position[id(p)]]) if id(p) in position else 0.0 for p in problems]
    order = sorted(range(len(problems)), key=lambda i: (-scores[i], problems[i].evidence.doc_id, problems[i].start))
    shown = [problems[i] for i in order[:6]]
    lines = []
    for p in shown:
        who = f"{_PREVALENCE_ZH.get(p.prevalence, '')}{p.concerns.label if p.concerns else ''}"
        lines.append((who + "：" if who else "") + p.description)
    text = _say(q, f"文中指出的问题（共{len(problems)}条）：" + "；".join(f"{i}. {x}" for i, x in enumerate(lines, 1)) + "。",
                f"Problems the texts report ({len(problems)} found): " + "; ".join(f"{i}. 「{x}」" for i, x in enumerate(lines, 1)) + ".")
    evidence, seen = [], set()
    for i in order:
        p = problems[i]
        key = (p.evidence.doc_id, p.evidence.start)
        close = not evidence or scores[i] >= 0.75 * evidence[0].score  # no far second sentence
        if key not in seen and len(evidence) < min(k, 3) and close:
            seen.add(key)
            evidence.append(_evidence_from_fact(kg, p.evidence, float(scores[i])))
    return _answer(q, text, evidence, {"method": "problems", "problems": len(problems)})


# ---------------------------------------------------------------------------- chain of responsibility
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
    ranked = _rank_sentences(kg, q, among=positions)
    if not ranked:
        return None
    top = {(kg.sentences_[i][0].doc_id, kg.sentences_[i][1].index) for _, i in _select_evidence(ranked, 3, ratio=0.7)}
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
    best_doc, best = kg.sentences_[ranked[0][1]]
    quote = quote_window(best.text, q.query)
    text = _say(q, f"责任链（自上而下）：{' → '.join(labels)}（{steps}）。原文：「{quote}」",
                f"Chain of responsibility, top down: {' → '.join(labels)} ({steps}). The text: 「{quote}」")
    evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], score)
                for score, i in _select_evidence(ranked, min(k, 3), ratio=0.7)]
    return _answer(q, text, evidence, {"method": "networkx chain of the closest links", "nodes": len(order)})


# ---------------------------------------------------------------------------- comparing two roles
_DUTY_ASPECT = re.compile(r"职责|责任|分工|任务|做什么|干什么|负责|dut(y|ies)|responsib|tasks?|role", re.I)


def _mentions_any(folded_sentence, names) -> bool:
    return any(name in folded_sentence for name in names)


def answer_compare(kg, q, k):
    """Two roles side by side, on what the question asks about (人选, 权利, 职责, 领导关系 …).

    For each role, the sentence that names it and is closest to the question without the two names
    (what is being compared); a sentence that names both, when it is close, comes first.
    """
    roles = [t for t in q.entities if t.kind in ("role", "organization")][:2]
    if len(roles) < 2:
        return None
    names = [[fold(n) for n in t.labels("zh") if len(n) >= 2] for t in roles]
    aspect = q.query
    for label in sorted({n for t in roles for n in t.labels("zh")}, key=len, reverse=True):
        aspect = aspect.replace(label, " ")
    scores = 0.5 * _sentence_scores(kg, aspect) + 0.5 * _sentence_scores(kg, q.expanded or q.query)
    if _DUTY_ASPECT.search(q.text):
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
        parts.append(_say(q, f"《{doc.title}》将两者并提：「{quote_window(sentence.text, q.query)}」",
                          f"{doc.title} names both: 「{quote_window(sentence.text, q.query)}」"))
    for term, found in zip(roles, best):
        if found is None:
            parts.append(_say(q, f"{term.zh}：文中未见相关表述", f"{term.label('en')} ({term.zh}): nothing found"))
            continue
        if found[1] in [c[1] for c in chosen]:
            continue
        chosen.append(found)
        sentence = kg.sentences_[found[1]][1]
        quote = quote_window(sentence.text, aspect + " " + term.zh, limit=120)
        parts.append(_say(q, f"{term.zh}：「{quote}」", f"{term.label('en')} ({term.zh}): 「{quote}」"))
    evidence = [_evidence(kg, kg.sentences_[i][0].doc_id, kg.sentences_[i][1], s) for s, i in chosen[:k]]
    text = _say(q, "比较——" + "；".join(parts), "Compared — " + "; ".join(parts))
    text += "" if text.endswith(("。", ".", "」")) else _say(q, "。", ".")
    return _answer(q, text, evidence, {"method": "closest sentence naming each role", "aspect": aspect.strip()})


def _nested(names, side, folded) -> bool:
    """True when every name of this side that the sentence holds is only there inside the other side's name."""
    other = names[1 - side]
    for name in names[side]:
        if name in folded and not any(name in o and o in folded and folded.count(o) >= folded.count(name)
                                      for o in other if o != name):
            return False
    return True


# ---------------------------------------------------------------------------- how many
_QUANTITY = re.compile(
    r"(?<![第\d０-９“\"「])(?:[0-9０-９]+(?:\.[0-9]+)?|[*＊]+|[一二两三四五六七八九十百千]+)多?"
    r"(?P<unit>个月|个|名|人|位|项|条|种|类|次|年|月|天|日|周|届|学时|小时|岁|%|％|级|批|支|家|所)")
# The unit a question counts in, and the units a text may use for it.
_ASKED_UNIT_ZH = re.compile(r"(?:多少|几)个?(?P<unit>学时|小时|个月|个|名|人|位|项|条|种|类|次|年|天|周|届|岁|批|支|家|所)")
_UNIT_FAMILIES = (("名", "人", "位"), ("种", "类"), ("项", "条", "个"), ("学时", "小时"), ("年", "岁"), ("天", "日"))
_ASKED_UNIT_EN = (
    (r"\b(kinds?|types?|sorts?|forms?|categor(y|ies))\b", ("种", "类")),
    (r"\b(members?|people|persons?|cadres?|officials?|secretar(y|ies)|comrades?|introducers?|sponsors?)\b",
     ("名", "人", "位")),
    (r"\bhours?\b", ("学时", "小时")),
    (r"\byears?\b", ("年", "岁")),
    (r"\b(days?)\b", ("天", "日")),
    (r"\bmonths?\b", ("个月", "月")),
    (r"\b(items?|points?|measures?|projects?|tasks?|requirements?|entries)\b", ("项", "条", "个")),
    (r"\btimes\b", ("次",)),
)


def _asked_units(q) -> tuple:
    """The units a counting question asks in (名 → 名, 人, 位), or ``()`` for any."""
    if q.language == "en":
        asked = re.split(r"\bhow many\b|\bnumber of\b", q.text, maxsplit=1, flags=re.I)[-1][:40]
        found = [(m.start(), units) for pattern, units in _ASKED_UNIT_EN for m in [re.search(pattern, asked, re.I)]
                 if m]
        return min(found)[1] if found else ()  # the word right after "how many" is what is counted
    match = _ASKED_UNIT_ZH.search(q.query)
    if not match:
        return ()
    unit = match.group("unit")
    return next((family for family in _UNIT_FAMILIES if unit in family), (unit,))


def _quantities(text, units=()) -> list:
    return [m.group(0) for m in _QUANTITY.finditer(text) if not units or m.group("unit") in units]


def answer_count(kg, q, k):
    """How many: the closest sentence that states a number in the unit asked for, the number said first.

    A counted formula (三会一课包括几项) is answered from its parts instead.
    """
    if _formula_terms(kg, q):
        return answer_formula(kg, q, k)
    units = _asked_units(q)
    ranked = []
    for score, i in _rank_sentences(kg, q)[:60]:
        found = _quantities(kg.sentences_[i][1].text, units)
        if found:
            ranked.append((score + 0.15, i, found))
    if not ranked:
        return None
    ranked.sort(key=lambda x: (-x[0], x[1]))
    score, i, found = ranked[0]
    doc, sentence = kg.sentences_[i]
    quote = quote_window(sentence.text, q.query + " " + " ".join(found))
    numbers = "、".join(dict.fromkeys(_quantities(quote, units))) or "、".join(dict.fromkeys(found))
    text = _say(q, f"{numbers}。据《{doc.title}》：「{quote}」", f"{numbers} — in {doc.title}: 「{quote}」")
    chosen = [(s, j) for s, j, _ in ranked[:3] if s >= score * 0.72]
    evidence = [_evidence(kg, kg.sentences_[j][0].doc_id, kg.sentences_[j][1], s) for s, j in chosen[:min(k, 2)]]
    return _answer(q, text, evidence, {"method": "sentences stating a number", "units": list(units),
                                       "candidates": len(ranked)})


# ---------------------------------------------------------------------------- dispatch
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


_ROLE_NOUN_ZH = re.compile(r"^([\u4e00-\u9fff]{1,10}?(?:员|长|书记|委员|干部|负责人|主任|成员|代表|秘书))"
                           r"(?:要|应|需|必须|得|该|都|平时|主要|负责|做|干|怎么|如何|有哪些|有什么|的职责|的任务)")
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
    folded = fold(noun)
    if kg.lexicon_.lookup(noun) is not None or any(folded in text for text in kg.folded_sentences_):
        return None
    if any(folded.endswith(fold(label)) for t in q.entities for label in t.labels("zh")):
        return None
    return noun


def close_roles(kg, name, most=5) -> list:
    """Roles and organizations of the lexicon whose Chinese names are closest to ``name``."""
    labels = [t.zh for t in kg.lexicon_ if t.kind in ("role", "organization")]
    return difflib.get_close_matches(name, labels, n=most, cutoff=0.4)


def _refusal(q, why_zh, why_en):
    return _answer(q, _say(q, why_zh, why_en), [], {"method": "refused"}, answered=False)


def answer_question(kg, text, top_k: int = 5) -> Answer:
    """Answer ``text`` against a built :class:`kg.KnowledgeGraph`."""
    q = parse_question(text, kg.lexicon_, kg.tokenizer_, load_phrase_table(), kg.name_finder_)
    if not q.text:
        return _refusal(q, "问题是空的：请输入一个问题，例如“第一书记要做什么？”",
                        "The question is empty: ask something such as “What must a first secretary do?”")
    k = max(1, min(int(top_k), MAX_EVIDENCE * 4))
    unknown = unknown_role(kg, q)
    if unknown:
        close = [kg.lexicon_.lookup(n) for n in close_roles(kg, unknown)] or kg.lexicon_.of_kind("role")[:5]
        close_zh = "、".join(t.zh for t in close)
        close_en = ", ".join(f"{t.label('en')} ({t.zh})" for t in close)
        answer = _refusal(q, f"文本中没有提到“{unknown}”。文中相近的角色有：{close_zh}。",
                          f"Nothing in the texts names “{unknown}”. Roles they do name include: {close_en}.")
        answer.trace["unknown_role"] = unknown
        return answer
    handler = HANDLERS.get(q.intent)
    answer = handler(kg, q, k) if handler else None
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
