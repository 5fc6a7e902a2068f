"""Documents: the stored text, with its sections, paragraphs and sentences as offsets into it.

A :class:`Document` owns its text; every other object is a ``[start, end)`` span of it,
so ``doc.text[s.start:s.end] == s.text`` holds for every section, paragraph and sentence.

>>> doc = parse_document("一、主要做法\\n（一）抓学习，促融合。党组每月学习1次。\\n", "demo")
>>> [(s.marker, s.heading, s.kind) for s in doc.sections]
[('一、', '主要做法', 'practice'), ('（一）', '抓学习，促融合。', 'practice')]
>>> [s.text for s in doc.sentences]
['抓学习，促融合。', '党组每月学习1次。']
>>> doc.sentences[1].heading_path
('主要做法', '抓学习，促融合。')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import NUMERAL_CHARS, chinese_to_int

# Section kinds: what a sentence under such a heading does.
PRACTICE, PROBLEM, MEASURE, RULE, OTHER = "practice", "problem", "measure", "rule", "other"
SECTION_KINDS = (PRACTICE, PROBLEM, MEASURE, RULE, OTHER)

_KIND_WORDS = (
    # Checked in order: "问题及原因" is a problem part, "整改措施" a measure part.
    (MEASURE, ("对策", "措施", "建议", "举措", "下一步", "整改", "打算", "思路", "努力方向", "工作计划")),
    (PROBLEM, ("问题", "不足", "差距", "短板", "原因", "困难", "风险")),
    (PRACTICE, ("做法", "成效", "经验", "成绩", "收获", "基本情况", "工作情况", "主要工作", "取得")),
)

_N = f"[{NUMERAL_CHARS}]+"
_HEADING_PATTERNS = (
    # (level name, regex on a paragraph's start); the marker is group 1.
    ("chapter", re.compile(rf"(第{_N}章)[\s　]*")),
    ("division", re.compile(rf"(第{_N}节)[\s　]*")),
    ("article", re.compile(rf"(第{_N}条)[\s　]*")),
    ("part", re.compile(rf"({_N}、)[\s　]*")),
    ("subpart", re.compile(rf"([（(]{_N}[）)])[\s　]*")),
    ("point", re.compile(r"(\d{1,2}[.、．](?!\d))[\s　]*")),
    # 一是… / 二要… opening a paragraph: a point whose marker stays part of its sentence.
    ("point", re.compile(rf"(?=([{NUMERAL_CHARS}]{{1,2}}[是要]))")),
)
# Depth of each level; an item is a 'subpart' marker inside an article.
_DEPTH = {"chapter": 1, "division": 2, "article": 3, "part": 1, "subpart": 2, "point": 3, "item": 4}

_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|$")


@dataclass(frozen=True)
class Section:
    """A numbered part of a document: a part, sub-part, chapter, article, item or point."""

    index: int
    level: str          # chapter, division, article, part, subpart, point, item
    marker: str         # the number as written: 一、 （三） 第十二条
    number: int | None  # the number as an integer, where it reads as one
    heading: str        # the heading text (for a sub-part, its lead sentence)
    start: int
    end: int
    parent: int | None
    kind: str           # practice, problem, measure, rule, other


@dataclass(frozen=True)
class Paragraph:
    """One line of the text, without its surrounding white space."""

    index: int
    start: int
    end: int
    section: int | None


@dataclass(frozen=True)
class Sentence:
    """A sentence: the unit of evidence. ``text`` is ``doc.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    section: int | None
    kind: str
    heading_path: tuple = ()


@dataclass
class Document:
    """A text and its structure; everything but ``text`` is an offset into it."""

    doc_id: str
    text: str
    title: str = ""
    path: str = ""
    encoding: str = "utf-8"
    sections: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    sentences: list = field(default_factory=list)

    def section_path(self, index):
        """The sections from the top down to section ``index`` (empty for ``None``)."""
        path = []
        while index is not None:
            path.append(self.sections[index])
            index = self.sections[index].parent
        return path[::-1]

    def sentence_at(self, offset: int):
        """The sentence that covers character ``offset``, or ``None``."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def sentences_in(self, section_index: int):
        """The sentences inside a section, its sub-sections included."""
        section = self.sections[section_index]
        return [s for s in self.sentences if section.start <= s.start and s.end <= section.end]

    @property
    def is_regulation(self) -> bool:
        """True when the text is built of articles (第…条), as regulations are."""
        return any(s.level == "article" for s in self.sections)


def kind_from_heading(heading: str):
    """The section kind a heading announces, or ``None`` when it says nothing.

    >>> kind_from_heading("二、现实问题及原因分析"), kind_from_heading("三、对策措施"), kind_from_heading("总则")
    ('problem', 'measure', None)
    """
    for kind, words in _KIND_WORDS:
        if any(word in heading for word in words):
            return kind
    return None


def _paragraph_spans(text):
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip(" \t\u3000\u00a0")
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip(" \t\u3000\u00a0"))
        start = match.start() + lead
        yield start, start + len(stripped)


def _match_heading(text, start, end, in_article):
    line = text[start:end]
    for level, pattern in _HEADING_PATTERNS:
        match = pattern.match(line)
        if match:
            if level == "subpart" and in_article:
                level = "item"
            if level == "point" and in_article:
                level = "item"
            return level, match.group(1), start + match.end()
    return None


def _heading_text(level, text, body_start, end):
    rest = text[body_start:end]
    if level in ("chapter", "division", "part"):
        # 二、强化监督。一是…: a part's heading ends at its first sentence end when text follows on its line
        match = re.search(r"[。！？!?]", rest)
        return rest[: match.end()] if match and rest[match.end():].strip() else rest
    if level in ("article", "item"):
        return ""
    match = re.search(r"[。！？!?]", rest)
    return rest[: match.end()] if match else rest


def _split_sentences(text, start, end):
    """Sentence spans in ``text[start:end]``: ends at 。！？ (with closing quotes), trimmed."""
    pos = start
    while pos < end:
        match = _SENTENCE_END.search(text, pos, end)
        stop = match.end() if match.end() > pos else end
        s, e = pos, stop
        while s < e and text[s] in " \t\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\u3000":
            e -= 1
        if e > s:
            yield s, e
        if stop <= pos:
            break
        pos = stop


# The first line of a news release that carries a text: who issued it, and how (中共中央印发, 国务院办公厅发布).
_RELEASE_LINE = re.compile(r"[\u3400-\u9fff]{2,12}(?:印发|发布|公布|颁布|发出)")


def parse_document(text: str, doc_id: str, title: str = "", path: str = "", encoding: str = "utf-8"):
    """Split a stored text into sections, paragraphs and sentences.

    Parameters
    ----------
    text : str
        The stored text (see :mod:`kg.reading` for what reading normalises).
    doc_id : str
        The document's identifier, used in evidence and IRIs.

    Returns
    -------
    Document
    """
    doc = Document(doc_id=doc_id, text=text, path=path, encoding=encoding)
    spans = list(_paragraph_spans(text))
    has_articles = any(re.match(rf"第{_N}条", text[s:e]) for s, e in spans)
    if spans and not title:
        first_start, first_end = spans[0]
        first = text[first_start:first_end]
        if len(first) <= 60 and not re.search(r"[。；，：:,]", first) and not _match_heading(text, first_start, first_end, False):
            title = first.strip("《》")
            second = text[spans[1][0]:spans[1][1]].strip() if len(spans) > 1 else ""
            if _RELEASE_LINE.fullmatch(title) and re.fullmatch(r"《[^《》]{2,58}》", second):
                title = second.strip("《》")   # 中共中央印发 / 《…条例》: a news release names the text second
    doc.title = title or doc_id

    stack = []  # open sections as [level, index]
    open_ends = {}
    default_kind = RULE if has_articles else OTHER
    for p_index, (p_start, p_end) in enumerate(spans):
        in_article = any(doc.sections[i].level in ("article", "item") for _, i in stack)
        heading = _match_heading(text, p_start, p_end, in_article)
        body_start = p_start
        if heading:
            level, marker, body_start = heading
            depth = _DEPTH[level]
            while stack and _DEPTH[stack[-1][0]] >= depth:
                stack.pop()
            parent = stack[-1][1] if stack else None
            heading_text = _heading_text(level, text, body_start, p_end)
            own_kind = kind_from_heading(heading_text) if level in ("part", "subpart", "chapter", "point") else None
            parent_kind = doc.sections[parent].kind if parent is not None else default_kind
            kind = own_kind or parent_kind
            if has_articles and kind in (OTHER, PRACTICE):
                kind = RULE
            number = chinese_to_int(re.sub(r"[第章节条、（）().．\s]", "", marker))
            doc.sections.append(Section(len(doc.sections), level, marker, number, heading_text,
                                        p_start, p_end, parent, kind))
            stack.append((level, len(doc.sections) - 1))
        section_index = stack[-1][1] if stack else None
        for _, i in stack:
            open_ends[i] = p_end
        doc.paragraphs.append(Paragraph(p_index, p_start, p_end, section_index))
        if heading and heading[0] in ("chapter", "division", "part"):
            body_start += len(heading_text)   # a heading is not a sentence; what follows it on its line is
            if not text[body_start:p_end].strip():
                continue
        if p_index == 0 and title and not heading:
            continue  # nor is the title
        kind = doc.sections[section_index].kind if section_index is not None else OTHER
        path_titles = tuple(s.heading or s.marker for s in doc.section_path(section_index))
        for s_start, s_end in _split_sentences(text, body_start, p_end):
            doc.sentences.append(Sentence(len(doc.sentences), s_start, s_end, text[s_start:s_end],
                                          p_index, section_index, kind, path_titles))
    doc.sections = [
        Section(s.index, s.level, s.marker, s.number, s.heading, s.start, open_ends.get(s.index, s.end),
                s.parent, s.kind)
        for s in doc.sections
    ]
    return doc


def count_sections(doc: Document, level: str) -> int:
    """How many sections of one level a document has.

    >>> count_sections(parse_document("第一章　总则\\n第一条　为了……\\n第二条　党员……", "r"), "article")
    2
    """
    return sum(1 for s in doc.sections if s.level == level)
