"""Ranking sentences for a question, and the pieces every answer is made of.

TF-IDF scores with bonuses (quoted words, entities, rare names, definitions, the kind of sentence or document
asked for), the evidence kept from them, the window of a long sentence worth quoting, and the :class:`Answer`
a handler returns.
"""

from __future__ import annotations

import dataclasses
import re
import threading

import numpy as np

from ..document import PROBLEM
from ..graph import entity_iri
from ..normalize import fold
from ..numerals import chinese_to_int
from .answer import Answer, EvidenceItem

MAX_EVIDENCE = 5
QUOTE_CHARS = 180       # a quoted clause window stays around this length
ANSWER_CHARS = 400      # answers aim to say what matters within this many characters

_CLAUSE_END = re.compile(r"[，；：,;:]")


def evidence_item(kg, doc_id, sentence, score) -> EvidenceItem:
    """A sentence of a document as evidence, with its score and the path of sections it sits in."""
    doc = kg.document(doc_id)
    path = " > ".join(s.marker + (s.heading or "") for s in doc.section_path(sentence.section))
    return EvidenceItem(doc_id, sentence.text, sentence.start, sentence.end, score, path)


def problem_part(doc, sentence):
    """The part of a problems section a sentence belongs to and the sentence that is its heading, as
    ``(section, heading sentence)``: the heading names the problem (（三）治党压力“层递减”，责任落实“虚化”。
    over 管党治党责任落实不到位。…). ``None`` outside a headed problem part, or for the heading itself."""
    section = doc.sections[sentence.section] if sentence.section is not None else None
    if section is None or section.kind != PROBLEM or not section.heading or section.level == "part":
        return None
    heading = fold(section.heading)
    if fold(sentence.text) == heading:
        return None
    for other in doc.sentences_in(section.index):
        if fold(other.text) == heading:
            return section, other
    return None


def evidence_from_fact(kg, ev, score) -> EvidenceItem:
    """A fact's evidence as an evidence item: the whole sentence when the fact starts it, else the fact's span."""
    doc = kg.document(ev.doc_id)
    sentence = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else doc.sentence_at(ev.start)
    if sentence is None or sentence.start != ev.start:
        return EvidenceItem(ev.doc_id, ev.text, ev.start, ev.end, score)
    return evidence_item(kg, ev.doc_id, sentence, score)


def bigrams(text):
    """The character bigrams of the folded text that do not cross a clause's end."""
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
    wanted = bigrams(question_text)
    asked = asked_nouns(question_text)   # 啥样的机制: the clause that names the 机制 is the answer
    scores = [len(bigrams(sentence_text[s:e]) & wanted) + 10 * sum(1 for x in asked if x in sentence_text[s:e])
              for s, e in clauses]
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


def rank_sentences(kg, q, among=None, kind_bonus=None):
    """``(score, position)`` of the sentences closest to the question, best first: TF-IDF with bonuses.

    ``among`` limits the sentences weighed to these positions; ``kind_bonus`` adds to sentences by kind.
    The ranking of all sentences is kept for the last few questions: several handlers may ask for it.
    """
    if among is not None or kind_bonus:
        return _ranked(kg, q, among, kind_bonus)
    kept = _RANKINGS.get((id(kg), id(q)))
    if kept is not None and kept[0] is kg and kept[1] is q and kept[2] is kg.sentences_:
        return list(kept[3])
    ranked = _ranked(kg, q, None, None)
    with _RANKINGS_LOCK:   # the explorer answers from several threads
        _RANKINGS[(id(kg), id(q))] = (kg, q, kg.sentences_, ranked)
        while len(_RANKINGS) > 8:
            del _RANKINGS[next(iter(_RANKINGS))]
    return list(ranked)


_RANKINGS = {}   # (id(kg), id(question)) -> (kg, question, its sentences, ranking): held, so ids stay theirs
_RANKINGS_LOCK = threading.Lock()


def _ranked(kg, q, among, kind_bonus):
    doc_bonus = _document_hints(kg, q)
    # 哪一级 asks which level: its 一级 would match every 上一级 of the texts
    query, expanded = _ASKING_PHRASE.sub(" ", q.query), _ASKING_PHRASE.sub(" ", q.expanded or "")
    if q.document and q.document[1]:
        # 党员教育管理工作条例什么时候施行: the title says which document, not which of its sentences.
        query, expanded = _without(query, q.document[1]), _without(expanded or "", q.document[1])
        if not query.strip():
            query, expanded = q.query, q.expanded
    elif doc_bonus:
        # 依据党章… / What does the Party Constitution say about…: the document named is a bonus for its
        # sentences, not words to match (修改党的章程 would win on 党 and 章程).
        query, expanded = _DOCUMENT_WORDS.sub(" ", query), _DOCUMENT_WORDS.sub(" ", expanded or "")
        if not query.strip():
            query, expanded = q.query, q.expanded
    joined = split_words_joined(kg, query)
    query = " ".join([_with_synonyms_for_unknown_words(kg, query), *joined])
    scores = sentence_scores(kg, query)
    if expanded and expanded != query:
        # Other names of the question's entities (纪委 → 纪律检查委员会) may find what the asked name
        # misses; they count a little less, as they were not asked.
        scores = np.maximum(scores, 0.85 * sentence_scores(kg, expanded))
    defined = _definition_patterns(q)
    ranked = []
    folded_quotes = [fold(x) for x in q.quoted if len(x) >= 2]
    entity_names = [[fold(n) for n in t.labels("zh")] for t in q.entities]
    broader_names = [_broader_names(kg, t) for t in q.entities]
    entity_weights = [_entity_weight(kg, names) for names in entity_names]
    positions = best_positions(scores) if among is None else among
    rare = _rare_literals(kg, q, scores)
    listed = listed_in_question(q.query) if q.language == "zh" else []
    cues = _answer_cues(q)
    phrases = _rare_phrases(kg, q, positions)
    parts_named = named_sections(kg, q)
    for i in positions:
        doc, sentence = kg.sentences_[i]
        score = float(scores[i])
        if score <= 0:
            continue
        folded = kg.folded_sentences_[i]
        if doc.title and folded.strip("《》 ") == fold(doc.title):
            continue   # the title line names the document, it answers nothing
        if len(_HAN.findall(folded)) < 4:
            continue   # nor does a line of a word or two (总纲, 附则)
        score += 0.25 * sum(1 for quote in folded_quotes if quote in folded)
        score += sum(weight if any(n in folded for n in names) else weight / 2 if any(n in folded for n in broader) else 0.0
                     for names, broader, weight in zip(entity_names, broader_names, entity_weights))
        score += 0.2 * sum(1 for word in rare if word in folded)
        score += 0.1 * sum(1 for word in joined if word in folded)
        held = sum(1 for item in listed if item in folded)
        if held >= 2:
            score += 0.1 * held   # 在建设发展、疫情防控和复工复产中分别…: the sentence that names them all
        if kind_bonus:
            score += kind_bonus.get(sentence.kind, 0.0)
        score += _phrase_bonus(phrases, folded, 0.25 if q.language == "en" else 0.15)
        score += doc_bonus.get(doc.doc_id, 0.0)
        score += q.nearby.get(i, 0.0)   # a follow-up's answer is likely near the first answer's passage
        if parts_named and sentence.section is not None and any(
                (doc.doc_id, s.index) in parts_named and fold(s.heading) != folded
                for s in doc.section_path(sentence.section)):
            score += _SECTION_NAMED_BONUS   # a sentence of the part named, not its heading: that is asked about
        if defined and any(pattern.search(folded) for pattern in defined):
            score += 0.3  # "X是…" is what "什么是X" asks for
        # the kind of sentence the question asks for (程序 for steps, 情形 for cases, a date for 哪天)
        score += max((weight for cue, weight in cues if cue.search(folded)), default=0.0)
        ranked.append((score, i))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


_HAN = re.compile(r"[\u3400-\u9fff]")
_ASKING_PHRASE = re.compile(r"哪一(?:级|个|种|类|项|条|名|位|批|方面)")


_LISTED = re.compile(r"[\u4e00-\u9fff]{2,8}(?:[、，,][\u4e00-\u9fff]{2,8})*(?:、|和|及|与)[\u4e00-\u9fff]{2,8}")


def _entity_weight(kg, names) -> float:
    """The bonus for a sentence that names an entity of the question: 0.08, less for a name that many
    sentences hold (机关基层党组织 in a regulation about them tells one sentence from another little)."""
    texts = kg.folded_sentences_
    if not texts:
        return 0.08
    key = (id(texts), tuple(names))
    kept = _ENTITY_SHARES.get(key)
    if kept is None or kept[0] is not texts:   # a scan of every sentence: once per graph and name
        if len(_ENTITY_SHARES) > 1024:
            _ENTITY_SHARES.clear()
        kept = _ENTITY_SHARES[key] = (texts, sum(1 for text in texts if any(n in text for n in names)) / len(texts))
    return 0.08 if kept[1] < ENTITY_COMMON else 0.04


def named_sections(kg, q) -> set:
    """The parts a question points at by words of their heading (在促进思想融合这一块 → （一）抓理论武装，
    促思想融合): ``{(doc_id, section index)}``. The question must say it asks about a part (这一块, 这方面,
    in the part about…); four characters in a row of the heading must be in the question, held by at most
    two headings of the corpus and not inside a name the question links."""
    if not _SCOPE_CUE.search(q.plain):
        return set()
    headings = _heading_grams(kg)
    if not headings:
        return set()
    # an English question's Chinese words are searched joined: 思想 融合 may be the heading's 思想融合
    text = fold(q.plain if q.language == "zh" else q.query.replace(" ", ""))
    names = [fold(n) for t in q.entities for n in t.labels("zh")]
    named = set()
    for run in _HAN_RUN.findall(text):
        for k in range(len(run) - 3):
            gram = run[k:k + 4]
            if gram in headings and not any(gram in n for n in names):
                named |= headings[gram]
    return named


def _heading_grams(kg) -> dict:
    """``{four characters: {(doc_id, section index)}}`` over the headings of parts, sub-parts and chapters,
    for the runs held by at most two headings; once per graph."""
    documents = kg.documents_
    kept = _HEADING_GRAMS.get(id(documents))
    if kept is not None and kept[0] is documents:
        return kept[1]
    grams = {}
    for doc in documents:
        for section in doc.sections:
            if section.level not in ("part", "subpart", "chapter", "division") or not section.heading:
                continue
            for run in _HAN_RUN.findall(fold(section.heading)):
                for k in range(len(run) - 3):
                    grams.setdefault(run[k:k + 4], set()).add((doc.doc_id, section.index))
    grams = {gram: frozenset(held) for gram, held in grams.items() if len(held) <= 2}
    with _HEADING_GRAMS_LOCK:   # the explorer answers from several threads
        _HEADING_GRAMS.clear()
        _HEADING_GRAMS[id(documents)] = (documents, grams)
    return grams


_SCOPE_CUE = re.compile(r"这一?块|这一?部分|这一?方面|[这那]一?节|板块|\b(?:part|section|chapter|heading)s?\b|"
                        r"\bunder the\b", re.I)
_HEADING_GRAMS = {}   # id(documents) -> (the documents, their heading grams): held, so the id stays theirs
_HEADING_GRAMS_LOCK = threading.Lock()
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{4,}")
_SECTION_NAMED_BONUS = 0.15


ENTITY_COMMON = 0.06   # a name held by this share of the sentences or more is common
_ENTITY_SHARES = {}    # (id of the sentences, names) -> (the sentences, the share that names them)


def listed_in_question(query: str) -> list:
    """The things a question lists with 、 (three or more, or two joined by 、), folded: 在建设发展、疫情防控
    和复工复产这三个场景中 → 建设发展, 疫情防控, 复工复产 (the last cut before the words that follow it).

    >>> listed_in_question("在建设发展、疫情防控和复工复产这三个场景中，机关分别要做到什么？")
    ['建设发展', '疫情防控', '复工复产']
    >>> listed_in_question("党组和机关党委有什么不同？")
    []
    """
    for clause in re.split(r"[，,。？?；;：:]", query):
        if "、" not in clause:
            continue
        parts = re.split(r"、|和|及|与", clause)
        if len(parts) < 3:
            continue
        first = parts[0][-4:] if len(parts[0]) > 4 else parts[0]   # 在建设发展 → 建设发展
        last = parts[-1][:4]                                        # 复工复产这三个场景中 → 复工复产
        items = [first, *parts[1:-1], last]
        if all(2 <= len(x) <= 8 for x in items):
            return [fold(x) for x in items]
    return []


def _broader_names(kg, term) -> list:
    """The names of the terms one step broader than ``term`` (机关党的基层委员会 → 党的基层委员会): a
    sentence about the broader body often states the rule the question asks about."""
    names = []
    for key in term.broader:
        broader = kg.lexicon_.get(key)
        if broader is not None:
            names.extend(fold(n) for n in broader.labels("zh") if len(n) >= 3)
    return names


# 会怎样 / 后面怎么处理: a question about what follows from a case, and the words that state a consequence
ASKS_CONSEQUENCE = re.compile(r"会怎样|会怎么样|什么后果|后果|怎么处理|如何处理|怎么处置|如何处置|一步步|what happens|"
                              r"consequence|how (is|are) .* dealt with", re.I)
CONSEQUENCE_WORDS = re.compile(r"予以|给予|视为|被认为|除名|处分|处置|追究|问责")

# What a question asks for, and the words of the sentences that give that kind of answer.
_ANSWER_CUES = (
    # a procedure is also said by its steps: 经过…讨论决定，报…批准
    (r"步骤|程序|流程|环节|procedure|steps?\b|process",
     r"程序|步骤|流程|环节|经过?[^，。；]{0,12}(?:讨论|审议|审查)[^，。；]{0,6}[，,]?报[^，。；]{0,16}(?:批准|审批|备案)"),
    (r"什么情况|哪些情况|什么情形|哪些情形|circumstances|under what|in what case|when is", r"情形|情况下|之一的"),
    (r"比例|占.*多少|proportion|percentage|ratio", r"比例|%|％"),
    (r"原则|principles?\b", r"原则"),
    (r"几类|几种|几样|哪些种类|what kinds|which kinds|what types|how many kinds", r"(?<![“\"第])[一二三四五六七八九十两\d]+[种类][：:]|分为|包括"),
    (r"条件|资格|qualif|eligib|conditions?\b", r"条件|具备|资格"),
    (r"多少岁|几岁|年龄|年满|how old|\bage\b", r"[0-9０-９一二三四五六七八九十]+周?岁"),
    (r"哪一天|哪天|什么时候(?:开始|起)|何时(?:开始|起)|从何时|开始算|起算|from (what|which) (day|date)|start(s)? counting|counted from",
     r"之日|之时|起算|算起|开始计算"),
    (r"在哪[儿里]?(?:开|召开|举行|举办)|(?:什么|哪个)地方(?:开|召开|举行|举办)|地点|\bwhere (?:was|were|is|did|does|will)\b.*\b(?:held|meet|met|convened|take place|took place)\b|\bat what (?:place|venue)\b",
     r"在[^，。；、]{1,20}?(?:室|厅|楼|会场|馆|中心|礼堂|基地|宾馆|酒店)(?:召开|举行|举办)", 0.25),
    (r"(?:哪一天|哪天)(?!.{0,6}(?:起|算|开始))|几月几[日号]|什么日子|\bon what (?:day|date)\b|\bwhat day\b",
     r"[0-9０-９]{4}年[0-9]{1,2}月|[0-9]{1,2}月[0-9]{1,2}日", 0.25),
    (r"(?:什么时候|何时|哪天|哪一天|从什么时候|自何时)(?:起|开始)?(?:施行|生效|实施)|\bfrom when\b|\bwhen\b.*\b(?:take|takes|took) effect\b|\bcome into (?:force|effect)\b",
     r"之日起(?:施行|生效)|起施行|起实施", 0.25),
    (r"何时|什么时候|哪一年|哪年|哪天起|\bwhen did\b|\bwhen (?:was|were|does|do|will)\b.*\b(?:issued|adopted|force|effect|published|revised|held)\b|what date|which year",
     r"[0-9０-９]{4}年|[0-9]{1,2}月[0-9]{1,2}日|之日起(?:施行|生效)"),
    # 根据谁的通知 / whose notice: the sentence that says what notice it acts on (根据…《关于…的通知》安排)
    (r"(?:谁|什么|哪个|哪份|哪一?个?单位)的?通知|\b(?:whose|which|what) notice\b",
     r"(?:根据|按照|遵照)[^。]{0,60}通知", 0.25),
    # 分为哪几类 / what kinds of: the sentence that counts the kinds (纪律处分有五种：…), above the weaker
    # cue of the 几类 entry above (any 分为 or 包括)
    (r"哪几[种类]|几[种类]|哪些种类|哪些类别|\b(?:what|which) (?:kinds?|types?|categories) of\b",
     r"(?:有|分为|包括)[一二三四五六七八九十两]+[种类]", 0.25),
    # 提了哪些要求 / what requirements: the sentence that lays them out (会议要求：一要…；二要…)
    (r"(?:哪些|什么|哪几条|哪[一二两三四五六七八九十]条)要求|\brequirements\b",
     r"要求[：:]|[一二三四五六七八九十]要[^，。；]{2,}", 0.25),
    # 哪次会议修订的 / which meeting revised: the line that names the meeting and what it did (…会议修订)
    (r"(?:哪次|哪个|什么|哪一次)会议|\b(?:which|what) meeting\b",
     r"会议(?:修订|审议|通过|批准|决定|讨论)", 0.25),
    (ASKS_CONSEQUENCE.pattern, CONSEQUENCE_WORDS.pattern),
    # 附了什么文件 / what is appended: the line that names the attachment (附：《…清单》)
    (r"附件|附录|附了|附上|附在|\b(?:appended|attached|annex(?:ed)?|attachment)\b", r"^附[：:件录]", 0.25),
    # 排第一条的措施 / the first measure: the point a list opens with (一是… / 首先…)
    (r"(?:排)?第一[条项个点步]|头一[条项个]|\bfirst (?:measure|step|point|item|requirement)\b",
     r"^(?:[（(]?[一1][)）.．、]|一是|一要|首先|第一[，、,])"),
    # 学到什么程度 / to what degree: the genre states a degree as a run of set phrases (学深悟透、融会贯通、真信笃行)
    # or as 做到… / 自觉…
    (r"(?:什么|啥|哪种|怎样的?)(?:程度|地步|水平)|\bto what (?:degree|extent|level)\b|\bhow (?:well|deeply|thoroughly)\b",
     r"[\u4e00-\u9fff]{4}、[\u4e00-\u9fff]{4}、[\u4e00-\u9fff]{4}|(?:做到|自觉)[^，。；]{2,12}"),
)


def _answer_cues(q):
    """``(pattern, bonus)`` for the sentences of each kind the question asks for (a sentence gets the
    largest bonus of the patterns it matches): 0.12, and 0.25 for a date or place asked for (哪天开的,
    在哪儿开的), where the date or place is the whole answer."""
    wanted = [(cue, weight[0] if weight else _CUE_BONUS) for asked, cue, *weight in _ANSWER_CUES
              if re.search(asked, q.plain, re.I)]
    if q.language == "zh":
        # 要筑起一座什么样的堡垒？: the answering sentence names the 堡垒 it describes (not a bare 什么X:
        # 做什么工作, 起什么作用 ask about the verb as often as the noun)
        wanted.extend((re.escape(noun), _ASKED_NOUN_BONUS) for noun in asked_nouns(q.plain))
    by_whom = _BY_WHOM.search(q.query)
    if by_whom:   # 由谁主持: a sentence saying 由…主持
        verb = by_whom.group(1) or by_whom.group(2)   # 由谁解释 / 解释权归谁: a sentence saying 由…(负责)解释
        wanted.append((rf"由[^，。；：]{{1,30}}{re.escape(verb)}", _CUE_BONUS))
    return [(re.compile(cue), weight) for cue, weight in wanted]


_CUE_BONUS = 0.12
_ASKED_NOUN = re.compile(r"(?:什么样|啥样|怎样|怎么样|哪种|哪类|哪样)的?([\u4e00-\u9fff]{2,4}?)(?=[上里中]?(?:[？?，,、。！]|$))")
_VAGUE_NOUNS = frozenset("问题 要求 工作 事情 东西 内容 意思 情况 方面 部分 作用 措施 办法 规定".split())
_ASKED_NOUN_BONUS = 0.3


def asked_nouns(question: str) -> list:
    """The things a Chinese question asks what kind of (什么样的堡垒, 啥样的机制, 哪种形式).

    >>> asked_nouns("区里要搭起个啥样的机制、带出个啥样的新格局？")
    ['机制', '新格局']
    """
    return [m.group(1) for m in _ASKED_NOUN.finditer(question) if m.group(1) not in _VAGUE_NOUNS]


_BY_WHOM = re.compile(r"由谁(?:来|负责)?(主持|召集|召开|负责|决定|批准|审批|组织|担任|讲授|作出|提出|领导|审议|解释|制定|印发|发布|修订)"
                      r"|(解释|审批|批准|决定|任免)权(?:归|属于|在|由)")


RANKED_SENTENCES = 3000  # bonuses are weighed for this many sentences at most, the closest by TF-IDF


def best_positions(scores):
    """Positions of the sentences worth weighing: all that share a word with the question, or in a large
    corpus the ``RANKED_SENTENCES`` closest (bonuses never lift a sentence from further down)."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) <= RANKED_SENTENCES:
        return positive
    best = np.argpartition(-scores[positive], RANKED_SENTENCES)[:RANKED_SENTENCES]
    return np.sort(positive[best])


_NOT_PHRASE = re.compile(r"[^\u3400-\u9fff]+")
# a leading purpose or scene: 为了…， / 在…中， / 做…工作时，
_LEADING_CLAUSE = re.compile(r"^(?:(?:为了?|在|当|对于?|关于|针对)[^，,？?]{1,30}|[^，,？?]{1,30}(?:时|中|里|期间))[，,]")


_FRAMING_WORDS = frozenset("必须 应当 应该 要 需要 可以 如何 怎样 什么 什么样 哪些 哪个 由 谁 每 多少 是否 主要".split())


def _question_phrases(q, titles=(), shortest=5) -> list:
    """The stretches of a Chinese question, ``shortest`` characters or more, that a sentence may hold as
    written (实行巡视制度), longest first; stretches inside a name the question links or inside a
    document's title are left out (a name has its own bonus, a title names a document)."""
    names = [fold(label) for t in q.entities for label in t.labels("zh")] + list(titles)
    if q.language != "zh":
        # an English question's translated words, where two or more in a row are written together in a
        # text (three tiers of the service and liaison mechanism → 三级服务联系机制)
        # (names and the words that frame a question, 必须 or 如何, break a run: 基层党组织必须 is no phrase)
        runs, run = [], []
        for word in fold(q.query).split():
            if word in _FRAMING_WORDS or any(word in name for name in names):
                runs.append(run)
                run = []
            else:
                run.append(word)
        runs.append(run)
        pieces = {"".join(r[i:j]) for r in runs for i in range(len(r)) for j in range(i + 2, min(len(r), i + 6) + 1)}
        return sorted((p for p in pieces if len(p) >= shortest), key=len, reverse=True)
    found = set()
    asked = _LEADING_CLAUSE.sub("", fold(q.query))   # 为发挥党员先锋模范作用，…: the purpose is not asked
    chunks = _NOT_PHRASE.split(asked)
    # 机关基层党组织的负责人 is written 机关基层党组织负责人 as often: the stretch without its 的 counts too
    chunks += [c.replace("的", "") for c in chunks if "的" in c.strip("的")]
    for chunk in chunks:
        for n in range(len(chunk), shortest - 1, -1):
            for start in range(len(chunk) - n + 1):
                piece = chunk[start:start + n]
                if not piece.startswith("的") and not piece.endswith("的") and not any(piece in name for name in names):
                    found.add(piece)
    return sorted(found, key=len, reverse=True)


def _rare_phrases(kg, q, positions, most=3) -> list:
    """The question's stretches (:func:`_question_phrases`) that at most ``most`` of the candidate
    sentences hold: a stretch many sentences hold is what the question is about (民主评议党员), not
    what tells its answer apart."""
    phrases = _question_phrases(q, kg.folded_titles_)
    if not phrases:
        return []
    texts = [kg.folded_sentences_[i] for i in positions]
    return [p for p in phrases if 0 < sum(1 for text in texts if p in text) <= most]


def _phrase_bonus(phrases, folded, most) -> float:
    """0.05 for each character past four of the longest question stretch the sentence holds, at most
    ``most`` (more for English, where several translated words found written together are a rarer sign)."""
    for piece in phrases:
        if piece in folded:
            return min(most, 0.05 * (len(piece) - 4))
    return 0.0


def _rare_literals(kg, q, scores, most=3) -> list:
    """Names in the question (a person, a place, a body, as jieba's tagger sees them) that the lexicon
    does not know, found as written in at most ``most`` sentences: a sentence that holds one is likely
    the one asked about."""
    words = [w for w in kg.tokenizer_.proper_nouns(q.query) if kg.lexicon_.lookup(w) is None]
    if not words:
        return []
    candidates = [kg.folded_sentences_[i] for i in best_positions(scores)]
    return [w for w in dict.fromkeys(words) if 0 < sum(1 for text in candidates if w in text) <= most]


_WHAT_IS = (re.compile(r"^(?:什么是|何为|何谓)(.{2,16}?)[？?。]*$"),
            # 党章怎样解释民主集中制的含义 / 如何理解X
            re.compile(r"^.{0,8}?(?:怎样|怎么|如何)(?:解释|理解|定义|界定)“?(.{2,16}?)”?(?:的含义|的意思|的定义|的内涵)?[？?。]*$"),
            re.compile(r"^.{0,8}?(?:怎样|怎么|如何)给“?(.{2,16}?)”?下(?:的)?定义的?[？?。]*$"),
            re.compile(r"^(.{2,16}?)(?:是什么|指什么|是指什么|的含义是什么|是什么意思|什么意思)[？?。]*$"),
            re.compile(r"^what (?:is|are|does) (?:an? |the )?(.{3,60}?)(?: mean)?"
                       r"(?:,? (?:according to|in|under) (?:the |this |that )?[a-z' ]{3,40})?\s*\??$", re.I))


def _definition_patterns(q):
    """For 什么是X / X是什么 / What is X: patterns of sentences that define X (X是…, X指…, X的基本原则是…)."""
    for pattern in _WHAT_IS:
        match = pattern.match(q.plain.strip())
        if match:
            subject = match.group(1)
            if q.language == "en":
                words = sorted((w for w in q.query.split() if len(w) >= 2), key=len, reverse=True)
                names = [t.zh for t in q.entities] + words[:2]
            else:
                names = [fold(subject).strip('"')]
            # X是… at a clause's start, or after 的 (党的思想路线是…)
            return [re.compile(r'(?:^|[，。；"的])' + re.escape(fold(n)) + r'"?(?:是|指|即|就是|为)') for n in names if n]
    return []


def _with_synonyms_for_unknown_words(kg, query) -> str:
    """The query with the synonyms (``ontology/synonyms.tsv``) of its words that no sentence holds: 一把手
    is never written in the texts, so 主要负责人 is searched as if asked, not as a lesser expansion."""
    from .question import load_synonyms

    folded = fold(query)
    extra = []
    for group in load_synonyms():
        unknown = [w for w in group if w in folded and not any(w in text for text in kg.folded_sentences_)]
        if unknown:
            extra += [w for w in group if w not in folded and w not in extra
                      and any(w in text for text in kg.folded_sentences_)]
    return " ".join([query, *extra]) if extra else query


_SPLIT_WORD = re.compile(r"([\u4e00-\u9fff])(?:什么|啥|哪些|哪种|哪个|哪方面的?|多少)([\u4e00-\u9fff])")


def split_words_joined(kg, query) -> list:
    """The words a question splits around its question word, joined again (带什么头 → 带头, 负什么责 →
    负责), when the texts write them as a word: what the question asks about."""
    index = kg.sentence_index_
    vocabulary = index.words_.vocabulary_ if getattr(index, "words_", None) is not None else {}
    return list(dict.fromkeys(a + b for a, b in _SPLIT_WORD.findall(query) if a + b in vocabulary))


def sentence_scores(kg, text):
    """TF-IDF closeness of every sentence to ``text``, by position in ``kg.sentences_``."""
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
_DOCUMENT_WORDS = re.compile(r"党章|章程")
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
    if q.document:
        return {q.document[0]: 0.3}
    bonus = {}
    for asked, title, regulation in _DOC_HINTS:
        if re.search(asked, q.plain, re.I):
            for doc in kg.documents_:
                by_title = re.search(title, doc.title)
                by_structure = regulation is not None and doc.is_regulation == regulation and \
                    not re.search(r"章程|条例|规则|办法|规定|报告", doc.title)
                if by_title or by_structure:
                    bonus[doc.doc_id] = max(bonus.get(doc.doc_id, 0.0), 0.2)
            break
    return bonus


_TITLE_NOISE = re.compile(r"中国共产党|中共|（[^）]*）|[^\u4e00-\u9fff]")


def document_named(kg, q):
    """The document whose own title the question names (党员教育管理工作条例 for 《中国共产党党员教育管理
    工作条例》), as ``(doc_id, the title's words in the question)``: the one title whose end, or most of
    it, the question holds, in a run of at least five characters, three more than any other title shares.
    Only Chinese characters count (a file name is no title).
    ``None`` when no title, or more than one, is named so. Read once per question, into ``Question.document``
    (:func:`kg.qa.answering.answer_question` does it), as it weighs every title.

    An English question names a document in words (the regulation on grassroots organizations in party and
    state organs): see :func:`_document_named_in_english`."""
    if q.language == "en":
        return _document_named_in_english(kg, q)
    asked = fold(q.plain)
    shared = []
    for doc in kg.documents_:
        title = _TITLE_NOISE.sub("", fold(doc.title or ""))
        run = _longest_common_run(asked, title)
        # A title is named by its end (…工作条例) or by most of it, not by a topic it shares (党员教育管理).
        named = run and (asked.find(title[-run:]) >= 0 or run >= 0.7 * len(title))
        shared.append((run if named else 0, doc.doc_id, title))
    shared.sort(reverse=True)
    if not shared or shared[0][0] < 5 or (len(shared) > 1 and shared[1][0] > shared[0][0] - 3):
        return None
    run, doc_id, title = shared[0]
    for i in range(len(title) - run + 1):
        if title[i:i + run] in asked:
            return doc_id, title[i:i + run]
    return None


_EN_DOCUMENT_NOUN = re.compile(r"\b(?:regulations?|rules|constitution|charter|report|document|notice|provisions)\b", re.I)


def _document_named_in_english(kg, q):
    """``(doc_id, "")`` of the document an English question names by a document noun (regulation,
    report…) and at least two words of one title, translated (most of that title's words, and more of them
    than of any other title), else ``None``. The words are kept in the question: in English they are also
    its topic."""
    if len(kg.documents_) < 2 or not _EN_DOCUMENT_NOUN.search(q.plain):
        return None
    asked = set(kg.tokenizer_.tokens(q.query))
    scored = []
    for doc in kg.documents_:
        words = set(kg.tokenizer_.tokens(_TITLE_NOISE.sub("", fold(doc.title or ""))))
        held = len(words & asked)
        scored.append((held / len(words) if words else 0.0, held, doc.doc_id))
    scored.sort(reverse=True)
    share, held, doc_id = scored[0]
    if held < 2 or share < 0.6 or scored[1][0] >= share - 0.15:
        return None
    return doc_id, ""


def _without(text: str, words: str) -> str:
    """``text`` with the first occurrence of ``words`` (compared folded) replaced by a space."""
    i = fold(text).find(words)
    return text if i < 0 else text[:i] + " " + text[i + len(words):]


def _longest_common_run(a: str, b: str) -> int:
    """The length of the longest text that both ``a`` and ``b`` contain.

    >>> _longest_common_run("党员教育管理工作条例什么时候施行", "党员教育管理工作条例")
    10
    """
    best = 0
    for i in range(len(b)):
        n = best + 1
        while i + n <= len(b) and b[i:i + n] in a:
            best = n
            n += 1
    return best


def select_evidence(ranked, k, ratio=0.72):
    """Keep the best sentences that stay close to the best score (precision over recall)."""
    if not ranked:
        return []
    best = ranked[0][0]
    return [(s, i) for s, i in ranked[:k] if s >= best * ratio]


def say(q, zh, en):
    """``zh`` or ``en``, in the language of the question."""
    return en if q.language == "en" else zh


def _entities(q):
    return [{"iri": str(entity_iri(t.ref)), "label": t.zh, "kind": t.kind} for t in q.entities]


def make_answer(q, text, evidence, trace, answered=True):
    """The :class:`Answer` to ``q``: the text, the evidence best first, the entities and the trace."""
    # The handler orders the evidence (a duty, then the post that brings it); scores follow that order,
    # so that "best first" holds for a reader of the scores too.
    for n in range(1, len(evidence)):
        if evidence[n].score > evidence[n - 1].score:
            evidence[n] = dataclasses.replace(evidence[n], score=evidence[n - 1].score)
    trace = {"tokens": list(q.tokens), "linked": [t.zh for t in q.entities], "query": q.query, **trace}
    if q.notes:
        trace["notes"] = list(q.notes)
    return Answer(q.text, q.language, q.intent, text, evidence, _entities(q), trace, answered)



_CHINESE_QUANTITY = re.compile(r"[一二两三四五六七八九十百千]+(?=[个名次项条年月日天周届人位种类学时小时岁批])")


def arabic_quantities(text: str) -> str:
    """``text`` with the Chinese numerals before a unit written in digits, for comparing two statements.

    >>> arabic_quantities("连续六个月不参加"), arabic_quantities("每届任期一般为5年")
    ('连续6个月不参加', '每届任期一般为5年')
    """
    def digits(match):
        value = chinese_to_int(match.group())
        return str(value) if value is not None else match.group()

    return _CHINESE_QUANTITY.sub(digits, text)


def restatement(kg, ranked, best, phrase, ratio=0.5):
    """Another document's sentence among the closest that states the same quantity (连续六个月 and
    连续6个月): ``(score, position)``, or ``None``. A rule restated in another text is worth citing too."""
    wanted = arabic_quantities(phrase)
    if not wanted or not re.search(r"\d", wanted) or not ranked:
        return None
    best_doc = kg.sentences_[best][0].doc_id
    top = ranked[0][0]
    for score, i in ranked[:40]:
        doc, sentence = kg.sentences_[i]
        if score < top * ratio:
            break
        if doc.doc_id != best_doc and wanted in arabic_quantities(sentence.text):
            return score, i
    return None


def restatement_note(kg, q, position) -> str:
    """The words that cite a restatement (:func:`restatement`) after an answer: 另见《title》：「…」."""
    doc, sentence = kg.sentences_[position]
    extra = quote_window(sentence.text, q.query, limit=100)
    return say(q, f" 另见《{doc.title}》：「{extra}」", f" Also in {doc.title}: 「{extra}」")
