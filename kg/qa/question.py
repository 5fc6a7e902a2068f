"""Reading a question: clean it, tell its language, link its entities, tokenise it, find its intent.

>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("FirstSecretary", "role", "第一书记", "first secretary")])
>>> q = parse_question("第一書記要做什麼？", lex)
>>> q.language, q.query, [t.key for t in q.entities], q.intent
('zh', '第一书记要做什么？', ['FirstSecretary'], 'role_duties')
>>> parse_question("What must a first secretary do?", lex).entities[0].zh
'第一书记'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ..normalize import detect_language, fold, to_simplified
from ..pinyin import sounds_alike
from ..resources import ontology_dir
from ..translate import stem
from .intents import classify_intent

MAX_QUESTION_CHARS = 500

_QUOTED = re.compile(r"[“\"「『‘']([^“”\"「」『』‘’']{1,40})[”\"」』’']")


@dataclass(frozen=True)
class Question:
    """A question as kg understood it."""

    text: str                 # as asked, cleaned (control characters removed, trimmed)
    language: str             # zh or en
    query: str                # the Chinese text used for search (translated words for English)
    entities: tuple = ()      # linked lexicon terms, in order of appearance
    quoted: tuple = ()        # phrases the asker put in quotes
    intent: str = "search"
    tokens: tuple = ()
    notes: tuple = field(default=())  # what was changed on the way in (truncation, …)
    expanded: str = ""        # the query plus the other names of its entities (纪委 → 纪律检查委员会)
    nearby: dict = field(default_factory=dict, compare=False)   # {sentence position: bonus} for a follow-up
    document: tuple = ()      # (doc_id, the title's words) when the question names a document by its title
    plain: str = ""           # what patterns read: the text in simplified characters (as asked, for English)
    name_words: tuple = ()    # for English, the Chinese words of the linked names' English (sponsor → 介绍人)

    def __post_init__(self):
        if not self.plain:   # a question made by hand reads as written
            object.__setattr__(self, "plain", self.text)


def clean_question(text) -> tuple:
    """Remove control characters and surrounding space; cut absurdly long questions.

    >>> clean_question("  党组\\x00的职责？\\n")
    ('党组的职责？', ())
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    notes = []
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\t ")
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_QUESTION_CHARS:
        notes.append(f"question cut to its first {MAX_QUESTION_CHARS} characters")
        text = text[:MAX_QUESTION_CHARS]
    return text, tuple(notes)


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    return sum(1 for x, y in zip(a, b) if x != y) <= 1


def link_entities(query: str, lexicon, english_text: str = "") -> list:
    """Lexicon terms named in the question: exact names first, then partial and misspelt ones.

    A formula named by a prefix (一书两单三会 for 一书两单三会议) or with one wrong character
    (一岗双则) still links, when the name has at least four characters.
    """
    found, seen, spans = [], set(), []
    plain = [(m.start, m.end, m.term) for m in lexicon.find(query)]
    # a name read across a 的 counts unless a name as written holds it (党的代表大会 is not 党代表 + 大会)
    matches = [m for m in _names_across_de(query, lexicon) if not any(s <= m[0] and m[1] <= e for s, e, _ in plain)]
    matches += [m for m in plain if not any(s <= m[0] and m[1] <= e for s, e, _ in matches)]
    for start, end, term in sorted(matches, key=lambda m: m[0]):
        if term.key not in seen:
            seen.add(term.key)
            found.append((start, term))
        spans.append((start, end))
    if english_text:
        for match in lexicon.find_english(english_text):
            if match.term.key not in seen:
                seen.add(match.term.key)
                found.append((10_000 + match.start, match.term))
    folded = fold(query)

    def covered(start, end):
        return any(s <= start and end <= e for s, e in spans)

    for term in lexicon.of_kind("mechanism"):
        if term.key in seen:
            continue
        for label in term.labels("zh"):
            name = fold(label)
            if len(name) < 4:
                continue
            hit = _find_partial(folded, name)
            if hit is not None and not covered(hit, hit + len(name) - 1):
                seen.add(term.key)
                found.append((hit, term))
                break
    quoted = [fold(q) for q in _QUOTED.findall(query)]
    for term in lexicon.of_kind("mechanism"):
        if term.key in seen:
            continue
        for label in term.labels("zh"):
            name = fold(label)
            # A quoted short name with one wrong character (“三量” for “三亮”) still names the formula; in a
            # name of two characters the wrong one must sound the same (“四同” is not “四风”).
            hit = next((q for q in quoted if 2 <= len(q) == len(name) and q[0] == name[0]
                        and _edit_distance_at_most_one(q, name)
                        and (len(q) > 2 or sounds_alike(q[1], name[1]))), None)
            if hit is not None:
                seen.add(term.key)
                found.append((folded.find(hit), term))
                break
    found.sort(key=lambda x: x[0])
    return [term for _, term in found]


def _names_across_de(query: str, lexicon) -> list:
    """Names the question writes with a 的 inside (机关基层党组织的负责人 for 机关基层党组织负责人), as
    ``(start, end, term)`` spans of ``query``, the 的 included: the name read without that 的, when it
    goes on past it.

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("L", "role", "党组织负责人", alt_zh=("机关基层党组织负责人",)), Term("O", "organization", "党组织")])
    >>> [(s, e, t.key) for s, e, t in _names_across_de("机关基层党组织的负责人要做什么", lex)]
    [(0, 11, 'L')]
    """
    spans = []
    for p in (i for i, ch in enumerate(query) if ch == "的"):
        joined = query[:p] + query[p + 1:]
        for m in lexicon.find(joined):
            if m.start < p < m.end and m.term.kind in ("role", "organization"):
                spans.append((m.start, m.end + 1, m.term))
    return spans


def _lexicon_english_stems(lexicon) -> set:
    """The stemmed words of the lexicon's English names: those words the lexicon already links."""
    return {stem(w) for t in lexicon for label in t.labels("en") for w in re.findall(r"[a-z]+", label.lower())}


def _find_partial(folded: str, name: str):
    n = len(name)
    prefix = name[: n - 1]
    if len(prefix) >= 4 and prefix in folded and name not in folded:
        return folded.index(prefix)
    for i in range(len(folded) - n + 1):
        window = folded[i:i + n]
        if window != name and _edit_distance_at_most_one(window, name) and window[0] == name[0]:
            return i
    return None


# English "<title> of <body>" where Chinese writes body + title (secretary of the discipline inspection
# commission → 纪委书记): the title's Chinese head word, the longest English first.
_TITLE_HEADS = (("deputy secretar", "副书记"), ("secretar", "书记"), ("members", "委员"), ("member", "委员"),
                ("members", "成员"), ("head", "负责人"), ("leader", "负责人"), ("head", "组长"), ("leader", "组长"),
                ("director", "主任"))
_TITLE_OF = re.compile(r"\b(deputy secretar(?:y|ies)|secretar(?:y|ies)|members?|heads?|leaders?|directors?)"
                       r" of (?:the |an? )?([^?,;.]{3,80})", re.I)


def with_english_titles(english: str, lexicon) -> str:
    """``english`` with each "<title> of <body>" title written as the role's Chinese name.

    The body is the first organization the lexicon finds right after "of" (a possessive before it, the
    organ's, may name a narrower body: both are tried, the narrower first). Only names the lexicon knows
    are written, so nothing is made up; the title word alone would name a generic role (secretary).

    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("CDI", "organization", "纪委", "discipline inspection commission"),
    ...                Term("CDISec", "role", "纪委书记", "CDI secretary")])
    >>> with_english_titles("Who is the secretary of the discipline inspection commission?", lex)
    'Who is the 纪委书记 discipline inspection commission?'
    """
    def title(m):
        bodies = [x.term for x in lexicon.find_english(m.group(2)) if x.term.kind == "organization"]
        if not bodies:
            return m.group(0)
        names = [bodies[0].zh] if len(bodies) < 2 else [bodies[0].zh + bodies[1].zh, bodies[1].zh, bodies[0].zh]
        names += [label for label in bodies[-1].labels("zh") if label not in names]   # 纪律检查组 + 组长
        word = m.group(1).lower()
        for prefix, head in _TITLE_HEADS:
            if word.startswith(prefix):
                for name in names:
                    term = lexicon.lookup(name + head)
                    if term is not None and term.kind == "role":
                        return f"{term.zh} {m.group(2)}"
        return m.group(0)

    return _TITLE_OF.sub(title, english)


def parse_question(text, lexicon, tokenizer=None, phrases=None, names=None, glossary=None) -> Question:
    """Read a question into a :class:`Question` (see the module docstring).

    ``names`` (a :class:`kg.pinyin.NameFinder`) turns names written in pinyin into the texts' characters;
    ``glossary`` (a :class:`kg.glossary.EnglishGlossary`) gives the texts' words for English words that
    neither the phrase table nor the lexicon knows.
    """
    text, notes = clean_question(text)
    language = detect_language(text) if text else "zh"
    simplified = to_simplified(text)
    english = ""
    if language == "en":
        english = with_english_titles(without_excluded(text), lexicon)
        chinese_bits = re.findall(r"[\u3400-\u9fff*＊“”「」]+", to_simplified(english))
        translated = phrases.translate(english) if phrases is not None else []
        other_senses = phrases.translate(english, senses=4) if phrases is not None else []
        linked = [m.term for m in lexicon.find_english(english)]
        named = [term.zh for term in linked]
        # "sponsor for Party membership" is 入党介绍人, not also 介绍人 and 党籍 asked about
        name_words = tuple(dict.fromkeys(w for term in linked for label in term.labels("en")
                                         for w in (phrases.translate(label) if phrases is not None else ())))
        romanised = names.find(english) if names is not None else []
        unknown = []
        if glossary is not None and phrases is not None:
            known = _lexicon_english_stems(lexicon)
            unknown = glossary.words([w for w in phrases.uncovered(english) if w not in known])
        query = " ".join(dict.fromkeys([*chinese_bits, *romanised, *named, *translated, *unknown]))
    else:
        query = without_excluded(simplified)
        other_senses, name_words = [], ()
    entities = link_entities(query, lexicon, english)
    quoted = tuple(dict.fromkeys(to_simplified(q).strip() for q in _QUOTED.findall(text) if q.strip()))
    tokens = tuple(tokenizer.tokens(query)) if tokenizer is not None else ()
    intent = classify_intent(simplified if language == "zh" else text, language, entities)
    expanded = expand_query(query, entities)
    if other_senses:
        extra = [w for w in dict.fromkeys(other_senses) if w not in query]
        expanded = " ".join([expanded, *extra])
    return Question(text, language, query, tuple(entities), quoted, intent, tokens, notes, expanded,
                    plain=simplified if language == "zh" else text, name_words=name_words)


# 除了X（以外），还…: X is what the asker already knows; searching for it finds the wrong sentence.
_EXCLUDED = re.compile(r"除了?(?P<x>[^，,？?。]{2,30}?)(?:以外|之外)?[，,]?\s*(?=还|也|另外|另|又)"
                       r"|除了?(?P<y>[^，,？?。]{2,30}?)(?:以外|之外)?[，,]\s*(?=[^？?]*(?:还|也|另外|其他|其它|别的))"
                       r"|\b(?:besides|apart from|aside from|other than|in addition to)\b[^,?]{2,80},\s*"
                       r"|[,\s]+(?:besides|apart from|aside from|other than|in addition to|as opposed to|rather than)\b"
                       r"[^,?]{2,80}(?=[?？]?\s*$)",
                       re.I)


def excluded_part(query: str) -> str:
    """The part a question sets aside (除了X，还… → X), or ``""``.

    >>> excluded_part("除了年度分析会，学校多久还开一次分析会？")
    '年度分析会'
    """
    match = _EXCLUDED.search(query)
    if not match:
        return ""
    return match.group("x") or match.group("y") or ""


def without_excluded(query: str) -> str:
    """The question without the part it sets aside (除了X，还…), so that only what it asks is searched.

    >>> without_excluded("党员领导干部除了编入支部过组织生活，还必须参加什么？")
    '党员领导干部还必须参加什么？'
    >>> without_excluded("除党组书记以外，还有谁要参加？")
    '还有谁要参加？'
    >>> without_excluded("除了双重组织生活以外，党员领导干部还要参加什么会？")
    '党员领导干部还要参加什么会？'
    >>> without_excluded("Besides attending their branch's meetings, what else must leading cadres attend?")
    'what else must leading cadres attend?'
    >>> without_excluded("What else must leading cadres attend besides their branch's meetings?")
    'What else must leading cadres attend?'
    """
    match = _EXCLUDED.search(query)
    if not match or len(query) - (match.end() - match.start()) < 4:
        return query
    return query[:match.start()] + query[match.end():]


def expand_query(query: str, entities) -> str:
    """The query with every other Chinese name of its entities added, so that a question saying 纪委
    finds a text saying 纪律检查委员会.

    >>> from kg.lexicon import Term
    >>> expand_query("纪委书记由谁担任", [Term("DIC", "organization", "纪委", alt_zh=("纪律检查委员会",))])
    '纪委书记由谁担任 纪律检查委员会'
    """
    folded = fold(query)
    extra = []
    for term in entities:
        for label in term.labels("zh"):
            if fold(label) not in folded and label not in extra and len(label) > 1:
                extra.append(label)
    extra = extra[:8]
    for group in load_synonyms():
        if any(word in folded for word in group):
            extra += [word for word in group if word not in folded and word not in extra]
    return " ".join([query, *extra])


@lru_cache(maxsize=1)
def load_synonyms() -> tuple:
    """The groups of ``ontology/synonyms.tsv``: words a question may use where the texts use another.

    >>> ("情况", "情形") in load_synonyms()
    True
    """
    path = ontology_dir() / "synonyms.tsv"
    if not path.exists():
        return ()
    groups = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            groups.append(tuple(fold(w.strip()) for w in line.split("|") if w.strip()))
    return tuple(groups)
