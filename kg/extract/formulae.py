"""Numbered formulae (数字化表述): find their names, expand them into their parts, check the count.

What is a formula name
----------------------
A candidate is a compact name led by a count: a Chinese numeral (一…十, 百, 千, 两, 双), Arabic
digits, or a masked ``*`` (``三亮``, ``一书两单三会议``, ``五大工程``, ``*大先锋行动``, ``18项风险点``),
or a quoted plus-form (``“*+*+N”``, ``“制度+清单+科技”``). A candidate becomes a formula only when
at least one of these holds:

* its name, or its head after the count (``三大“阳光工程”``), stands in quotes;
* it ends with a formula suffix (机制, 体系, 工程, 平台, 行动, 计划, …; 制 and 制度 only after a
  compound or quoted name);
* the text expands it (brackets, a colon, an enumeration before it, parts inside a quote before
  it, letter definitions, numbered paragraphs, or the "respectively" clauses after it);
* the glossary knows it.

Whatever the evidence, some candidates are never formulae: ordinals and dates (第一书记, 十九届,
二〇一九年), quantities (3人以上, 一批, 一些, 两年), fractions (三分之一), counts of a generic noun
(三个方面, 一部分), names with 的 or a list separator inside, hyperbolic round numbers (百梯万人,
千家万户) and set phrases (两张皮, 一俊遮百丑, 五湖四海). A plus-form needs three terms or a
placeholder (``党建+业务`` is a slogan, ``*+*`` a formula).

Naming: a fully quoted name is its quoted text (``一书两单三会议``), with what follows the quote
as ``suffix``; an unquoted name runs from its count to its head (``三级服务联系机制``,
``三大“阳光工程”``); the wrappers 制 and 制度 are kept out of every name (``一岗双责制`` is
``一岗双责`` with suffix 制). A short form of a formula defined in the same text (三大平台 for
三大发展平台) is a mention of that formula.

Counting: a compound counts the sum of its sub-formulae (一书两单三会议: 1 + 2 + 3 = 6). A masked
count is unknown (``declared_count`` None, ``count_masked`` True) and any expansion of two or more
parts is accepted; a plus-form declares no count, but its parts are checked against its terms.

Coordination with ellipsis: in ``从严治党、廉政建设主体责任清单`` the first part borrows the head of
the last; its ``text`` is the completed name (从严治党主体责任清单) while its span covers only its
own words (从严治党), so ``text == doc.text[start:end] + head`` where the head ends the last part.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon
>>> doc = parse_document("大力倡导党员“三亮”：亮身份、亮承诺、亮清单。落实“六个一”。", "demo")
>>> [(f.name, f.status, [p.text for p in f.parts]) for f in extract_formulae(doc, Lexicon())]
[('三亮', 'confirmed', ['亮身份', '亮承诺', '亮清单']), ('六个一', 'undefined', [])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..facts import CONFIRMED, MISMATCH, UNDEFINED, Evidence, Formula, FormulaPart
from ..normalize import fold_han, label_key
from ..numerals import chinese_to_int
from .mentions import sentence_evidence

# ----------------------------------------------------------------------------- vocabulary

_CN_NUM = "一二三四五六七八九十百千两双"
NUMERAL_RE = re.compile(rf"[{_CN_NUM}]+|\d+|\*")
# Counters that make the rest of the name one head: 六个一, 五位一体, 三大平台, 四级体系.
CLASSIFIERS = "个大项级种位张类条"
# Counters that mark a formula before a quoted head (三大“阳光工程”); *个“微心愿” is a quantity.
_FORMULA_COUNTERS = "大级项类种"
# Formula suffixes: the head nouns of institutions. 制 and 制度 are wrappers (kept out of names).
SUFFIXES = ("机制", "体系", "工程", "平台", "行动", "计划", "方案", "制度", "制", "布局", "链条", "联盟",
            "模式", "格局", "清单")
WRAPPERS = ("制度", "制")
_HEAD_SUFFIXES = tuple(s for s in SUFFIXES if s not in WRAPPERS) + ("体制",)
# What may follow a quoted name and still belong to it as its suffix (informational only).
_TAIL_RE = re.compile(rf"[^\W\d{_CN_NUM}上下中里内外的在是为和与及等了着过见]{{0,4}}?"
                      r"(?:机制|体系|工程|平台|行动|计划|方案|制度|制|布局|链条|联盟|模式|格局|目标|思想|标准|要求|原则|"
                      r"活动|服务圈)")
# A count followed by one of these is a quantity, a time, an ordinal or a set phrase.
QUANTITY_AFTER = ("人", "名", "次", "年", "月", "日", "天", "周", "届", "岁", "时", "小时", "分之", "元", "万",
                  "亿", "倍", "件", "户", "家", "份", "篇", "本", "期", "批", "些", "套", "支", "把", "座", "所",
                  "层", "米", "学时", "课时", "轮", "成", "%", "％", "季", "半", "中全会", "是", "要", "线", "切",
                  "样", "般", "致", "定", "并", "同", "起", "律", "道", "块", "堂", "号", "部分", "方面", "体",
                  "旦", "点", "以上", "以下", "至", "到", ".", "．", "、", "为", "方", "直", "再",
                  "手", "身", "心", "起来", "下", "上", "中", "流", "系列")
# Counts of generic nouns describe the discourse, not an institution.
GENERIC_HEADS = ("方面", "部分", "环节", "层面", "阶段", "类型", "问题", "情况", "内容", "措施", "步", "点")
# Set phrases that look like formulae (a general list, not results for a text).
IDIOMS = ("两张皮", "一俊遮百丑", "一把手", "一盘棋", "一刀切", "一个样", "一大堆", "五湖四海", "三心二意",
          "七上八下", "千家万户", "一视同仁", "一以贯之", "一脉相承", "一丝不苟", "一如既往", "一马当先",
          "一目了然", "一抓到底", "十全十美", "四面八方", "三番五次", "一清二楚", "一举两得",
          "一心一意", "一五一十", "一针见血", "一鼓作气", "一帆风顺", "一尘不染", "两面派", "一言堂")
# Characters that glue a preceding word to a numeral: 进一步, 统一, 唯一, 之一, 同一.
_GLUED_BEFORE = set("第进统唯逐之同单不万合专划初周星")
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『\"", "”」』\""
_CLAUSE_STOP = set("，。；：！？,;:!?（）()《》\n【】")
# Leading words of a first list item that belong to the sentence, not to the item.
LEAD_WORDS = ("充分发挥", "发挥", "全面推进", "升级打造", "打造", "建立", "召开", "签订", "开展", "实施", "推进",
              "落实", "深化", "推动", "构建", "完善", "健全", "实行", "按照", "围绕", "对照", "坚持", "实现",
              "统筹", "协调", "强化", "加强", "形成", "设立", "组建", "制定")
# Verbs that end a clause's predicate right before a formula name: 做到“两个维护”, 履行“一岗双责”.
_TRAILING_VERBS = LEAD_WORDS + ("做到", "履行", "增强", "坚定", "树立", "树牢", "贯彻", "执行", "遵守", "运用", "抓好")
_ADVERBS = ("全面", "充分", "大力", "积极", "认真", "着力", "持续", "深入", "普遍", "进一步", "切实", "严格",
            "扎实", "统筹", "协调")
_ORDINAL_MARKERS = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|首先|其[一二三四五六七八九十]+[，,、]?)")
_PARA_MARKER = re.compile(r"(?:第([一二三四五六七八九十]+)[，,、]|[（(]([一二三四五六七八九十]+)[）)]|"
                          r"([一二三四五六七八九十]+)是|(\d{1,2})[.、．](?!\d))")
_LETTER_DEF = re.compile(r"^([*A-Za-z\d]{1,2})\s*(?:为|是|指|代表|即)\s*(.+)$")
_PLUS_TERM = re.compile(r"^[*A-Za-z\d\u4e00-\u9fff]{1,8}$")


# ----------------------------------------------------------------------------- records

@dataclass(frozen=True)
class FormulaName:
    """A place where a text names a (candidate) formula; offsets are into the text searched.

    ``start``/``end`` span the name; ``outer_start``/``outer_end`` add its quotes and suffix, so
    that a bracket or colon after it starts at ``outer_end``.
    """

    name: str
    start: int
    end: int
    outer_start: int
    outer_end: int
    quoted: bool = False
    suffix: str = ""
    plus: bool = False
    glossary: bool = False
    bracket_at: int = -1   # a plus-form's bracket between its quote and its suffix

    @property
    def fully_quoted(self) -> bool:
        """True when the whole name stands in quotes (“三亮”), not only its head (三大“阳光工程”)."""
        return self.quoted and self.outer_start < self.start

    @property
    def has_suffix(self) -> bool:
        """True when the name itself ends with a formula suffix (三级服务联系机制)."""
        return self.name.endswith(SUFFIXES)


@dataclass
class _Part:
    start: int
    end: int
    text: str
    group: str = ""


@dataclass
class _Occurrence:
    fname: FormulaName
    parts: list = field(default_factory=list)
    form: str = ""


# ----------------------------------------------------------------------------- numerals and names

def parse_count(token: str):
    """The count a numeral token spells: ``(value, masked)``; letters and ``*`` give no value.

    >>> parse_count("两"), parse_count("十二"), parse_count("18"), parse_count("*")
    ((2, False), (12, False), (18, False), (None, True))
    """
    if token == "*":
        return None, True
    if token.isdigit():
        return int(token), False
    value = chinese_to_int(token)
    return value, False


def split_compound(name: str) -> list:
    """The sub-formulae of a compound name, each led by its own count.

    A counter (个, 大, 项, 级, 位, …) after a count makes the rest of the name one head, so
    ``六个一`` and ``五位一体`` are not compounds.

    >>> split_compound("一书两单三会议"), split_compound("三会一课"), split_compound("一岗双责")
    (['一书', '两单', '三会议'], ['三会', '一课'], ['一岗', '双责'])
    >>> split_compound("六个一"), split_compound("五位一体"), split_compound("三大“阳光工程”")
    (['六个一'], ['五位一体'], ['三大“阳光工程”'])
    """
    if _is_plus(name):
        return [name]
    segments, i = [], 0
    while i < len(name):
        match = NUMERAL_RE.match(name, i)
        if match and (not segments or _segment_may_start(name, match)):
            after = name[match.end():match.end() + 1]
            if after and after in CLASSIFIERS:
                segments.append(name[i:])
                break
            segments.append(name[i:match.end()])
            i = match.end()
            continue
        if not segments:
            segments.append("")
        segments[-1] += name[i]
        i += 1
    return [s for s in segments if s]


def _segment_may_start(name, match):
    """A numeral inside a name starts a sub-formula when a content character follows it."""
    rest = name[match.end():match.end() + 1]
    return bool(rest) and re.match(r"[\u4e00-\u9fff]", rest) and rest not in CLASSIFIERS[:1] + "年月日次"


def declared_count(name: str):
    """The count a formula name declares: ``(count, masked)``; a compound sums its sub-formulae.

    >>> declared_count("一书两单三会议"), declared_count("*大先锋行动"), declared_count("*+*+N")
    ((6, False), (None, True), (None, False))
    """
    if _is_plus(name):
        return None, False
    total, masked = 0, False
    for segment in split_compound(name):
        match = NUMERAL_RE.match(segment)
        if not match:
            continue
        value, is_masked = parse_count(match.group())
        if is_masked or value is None:
            masked = masked or is_masked
            continue
        total += value
    if masked:
        return None, True
    return (total or None), False


def plus_terms(name: str) -> list:
    """The terms of a plus-form name, or ``[]`` when the name is not one.

    >>> plus_terms("*+*+N"), plus_terms("制度+清单+科技"), plus_terms("三会一课")
    (['*', '*', 'N'], ['制度', '清单', '科技'], [])
    """
    if "+" not in name and "＋" not in name:
        return []
    terms = re.split(r"[+＋]", name)
    return terms if all(_PLUS_TERM.match(t) for t in terms) else []


def _is_plus(name):
    return bool(plus_terms(name))


def _is_placeholder(term):
    return bool(re.fullmatch(r"[*A-Za-z]|\d+", term))


_ALWAYS_QUANTITY = "年月日次人名届岁时%％"


_QUANTITY_LONGEST_FIRST = sorted(QUANTITY_AFTER, key=len, reverse=True)


def _is_quantity(rest):
    """True when what follows a count makes it a quantity, a time or an ordinal (3人, 一批, 十九届).

    A one-character measure only counts when it is a word of its own: 一支队伍 is a quantity,
    一支部一品牌 is not.
    """
    if not rest.startswith(QUANTITY_AFTER):
        return False
    for word in _QUANTITY_LONGEST_FIRST:
        if not rest.startswith(word):
            continue
        if len(word) > 1 or word in _ALWAYS_QUANTITY or not re.match(r"[\u4e00-\u9fff]", word):
            return True
        first = _pos_words(rest[:6].strip("“”"))[0][0] if rest.strip("“”") else word
        return first == word
    return False


def is_formula_name(name: str) -> bool:
    """Whether a string has the shape of a formula name (count-led, compact, not a look-alike).

    Shape only: an unquoted name still needs a suffix, an expansion or a glossary entry.

    >>> [is_formula_name(x) for x in ("三亮", "一书两单三会议", "第一书记", "一批", "两张皮", "十四五", "三个方面")]
    [True, True, False, False, False, False, False]
    >>> is_formula_name("*+*+N"), is_formula_name("党建+业务"), is_formula_name("百梯万人")
    (True, False, False)
    """
    name = name.strip()
    terms = plus_terms(name)
    if terms:
        return len(terms) >= 3 or any(_is_placeholder(t) for t in terms)
    if not (2 <= len(name) <= 14) or re.search(r"[、，,；;。：:！？的\s]", name):
        return False
    match = NUMERAL_RE.match(name)
    if not match or match.end() >= len(name):
        return False
    if any(idiom in name for idiom in IDIOMS) or re.search(r"[〇零]", name):
        return False
    token = match.group()
    if token == "*" and name[match.end()] not in _FORMULA_COUNTERS:
        return False  # *区, *经验: a masked name; *个单位: a masked quantity
    value, masked = parse_count(token)
    if not masked and (value is None or value >= 100 or value == 0):
        return False
    rest = name[match.end():]
    if _is_quantity(rest):
        return False
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", rest.strip("“”\"")):
        return False
    if re.fullmatch(rf"[{_CN_NUM}\d]+", re.sub(r"[“”\"]", "", name)):
        return False
    head = rest[1:] if rest[:1] in CLASSIFIERS else rest
    head = head.strip("“”\"")
    if not head or head.startswith(GENERIC_HEADS) or head in GENERIC_HEADS:
        return False
    if token == "双" and rest[:1] in "重方赢":
        return False  # 双重领导, 双方, 双赢: words, not counts
    if rest[:1] == "大" and value == 1:
        return False  # 一大堆, 一大批: "one big ...", never a formula
    return True


# ----------------------------------------------------------------------------- finding names

def find_formula_names(text: str, lexicon=None) -> list:
    """Every candidate formula name in ``text``, quoted or not, with its span.

    Quoted names and plus-forms, count-led names with a quoted head (三大“阳光工程”),
    count-led names that end at a head noun, and glossary names. Acceptance (quote, suffix,
    expansion or glossary) is decided by :func:`extract_formulae`.

    >>> [(n.name, n.quoted, n.suffix) for n in find_formula_names("严格落实“一岗双责”制，建立三级服务联系机制。")]
    [('一岗双责', True, '制'), ('三级服务联系机制', False, '')]
    >>> [n.name for n in find_formula_names("进一步推动第一书记在一线抓好一批工作。")]
    []
    """
    found = {}
    for name in _quoted_names(text):
        found.setdefault((name.start, name.end), name)
    covered = [(n.outer_start, n.outer_end) for n in found.values()]
    for name in _unquoted_names(text):
        if any(s <= name.start < e for s, e in covered):
            continue
        found.setdefault((name.start, name.end), name)
    if lexicon is not None:
        for match in lexicon.find(text, kinds=("mechanism",)):
            if not NUMERAL_RE.match(match.surface) or re.search(r"[、，,]", match.surface):
                continue  # a glossary formula spelled out by its parts is a mention, not a name
            if any(n.start <= match.start < n.end or match.start <= n.start < match.end for n in found.values()):
                continue
            found[(match.start, match.end)] = FormulaName(match.surface, match.start, match.end, match.start,
                                                          match.end, glossary=True)
    return sorted(found.values(), key=lambda n: n.start)


def _quoted_spans(text):
    """``(open, close)`` offsets of every quotation “…” (the close is the closing mark's offset)."""
    spans, stack = [], []
    for mark in _QUOTE_MARKS.finditer(text):
        ch, i = mark.group(), mark.start()
        if ch in "“「『":
            stack.append(i)
        elif ch in "”」』" and stack:
            spans.append((stack.pop(), i))
        elif ch == "\n":
            stack.clear()
    return sorted(spans)


_QUOTE_MARKS = re.compile("[“「『”」』\n]")


def _quoted_names(text):
    for open_, close in _quoted_spans(text):
        inner = text[open_ + 1:close]
        if not is_formula_name(inner) or text[open_ - 1:open_] == "第":
            continue
        start, end = open_ + 1, close
        outer_end, bracket_at = close + 1, -1
        if text[outer_end:outer_end + 1] in ("（", "(") and _is_plus(inner):
            bracket_end = _matching_bracket(text, outer_end)
            if bracket_end > 0:
                bracket_at, outer_end = outer_end, bracket_end + 1
        tail = _TAIL_RE.match(text, outer_end)
        suffix = tail.group() if tail else ""
        if not suffix:
            for word in WRAPPERS:
                if text.startswith(word, outer_end):
                    suffix = word
                    break
        yield FormulaName(inner, start, end, open_, outer_end + len(suffix), quoted=True, suffix=suffix,
                          plus=_is_plus(inner), bracket_at=bracket_at)


# Words before a count that make it a quantity: 至少*个, 不少于3名, 共组建*个.
_QUANTITY_BEFORE = re.compile(r"(?:至少|不少于|不超过|超过|不足|多于|少于|近|约|共|每|达|余|计|了)$")
_UNQUOTED = re.compile(rf"(?:[{_CN_NUM}]+|\d+|\*)(?=[\u4e00-\u9fff“])")


_COUNT_GLUED_TO = re.compile(rf"[{_CN_NUM}\d〇零A-Za-z*.．]")
_NAME_RUN = re.compile(r"[\u4e00-\u9fff\d*]*")


def _unquoted_names(text):
    for match in _UNQUOTED.finditer(text):
        start = match.start()
        before = text[start - 1:start] if start else ""
        if before and (before in _GLUED_BEFORE or _COUNT_GLUED_TO.match(before)):
            continue
        if _QUANTITY_BEFORE.search(text, max(0, start - 3), start):
            continue
        if match.group() == "一" and before in "这那每某任何":
            continue  # 这一目标: a determiner, not a count
        name = _unquoted_extent(text, start, match.end())
        if name is None:
            continue
        yield name


def _unquoted_extent(text, start, num_end):
    """The name that starts with the count at ``start``, or ``None``."""
    pos = num_end
    if text[pos:pos + 1] in _FORMULA_COUNTERS and text[pos + 1:pos + 2] in _OPEN_QUOTES[:3]:
        close = text.find("”" if text[pos + 1] == "“" else ("」" if text[pos + 1] == "「" else "』"), pos + 2)
        if close < 0 or close - pos > 12:
            return None
        name = text[start:close + 1]
        return FormulaName(name, start, close + 1, start, close + 1, quoted=True) if is_formula_name(name) else None
    window_end = _NAME_RUN.match(text, pos, max(pos, start + 16)).end()
    window = text[start:window_end]
    if "的" in window:
        window = window[:window.index("的")]
    end = _suffix_end(window, num_end - start)
    if end is None:
        end = _head_end(window, num_end - start)
    if end is None or end <= num_end - start:
        return None
    name = window[:end]
    suffix = ""
    if not name.endswith(_HEAD_SUFFIXES):
        for wrapper in WRAPPERS:
            if name.endswith(wrapper):
                base = name[:-len(wrapper)]
                if len(split_compound(base)) < 2:
                    return None  # 一把手负责制, 一系列制度: 制/制度 wrap only compounds and quoted names
                name, suffix = base, wrapper
                break
    if not is_formula_name(name) or declared_count(name) == (1, False):
        return None  # 一体化建设, 一致地: an unquoted "one X" lists nothing; one-counts live in compounds
    return FormulaName(name, start, start + len(name), start, start + len(name) + len(suffix), suffix=suffix)


_SUFFIX_RUN = re.compile("(?:" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + ")+")


def _suffix_end(window, num_len):
    """Where a run of formula suffixes (机制, 制度机制, …) ends the name in ``window``, or ``None``."""
    match = _SUFFIX_RUN.search(window, num_len)
    if match is None or not 2 <= match.end() - num_len <= 10:
        return None
    return match.end()


_STOP_TAGS = ("v", "p", "r", "d", "c", "u", "f", "m", "q", "l", "y", "e", "o", "t", "z", "a")
_NOMINAL_VERBS = ("要求", "任务", "规定", "承诺", "联系", "报告", "检查")


def _head_end(window, num_len):
    """Where the head nouns after the count end (no suffix): before a verb, pronoun, particle…"""
    pos = num_len
    if window[pos:pos + 1] in CLASSIFIERS:
        pos += 1
    if pos >= len(window):
        return None
    end = pos
    for word, flag in _pos_words(window[pos:]):
        if word in _NOMINAL_VERBS or word in ("*",) or (
                flag in ("m", "q") and len(word) == 1 and end > pos and not NUMERAL_RE.match(word)):
            end += len(word)  # 风险点: a one-character noun jieba reads as a counter
            continue
        if flag.startswith(_STOP_TAGS) and not flag.startswith(("vn", "nr", "nz")) or word in ("作用", "建设"):
            break
        end += len(word)
        if end - pos >= 8:
            break
    return end if end > pos else None


@lru_cache(maxsize=8192)
def _pos_words(text):
    """jieba words with their part-of-speech tags, cached (:func:`kg.extract.roles.pos_tags`)."""
    from .roles import pos_tags

    return pos_tags(text)


def _matching_bracket(text, open_pos):
    """The offset of the bracket that closes the one at ``open_pos`` on the same line, or -1."""
    depth = 0
    for i in range(open_pos, min(len(text), open_pos + 400)):
        if text[i] in "（(":
            depth += 1
        elif text[i] in "）)":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return -1
    return -1


# ----------------------------------------------------------------------------- items and lists

def _split_items(text, start, end, seps="、"):
    """Split ``text[start:end]`` at separators outside quotes and brackets, as trimmed spans."""
    items, depth, item_start = [], 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in "“「『（(《":
            depth += 1
        elif ch in "”」』）)》":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            items.append(_trim(text, item_start, i))
            item_start = i + 1
    items.append(_trim(text, item_start, end))
    return [it for it in items if it.end > it.start]


def _trim(text, start, end):
    """An item span without surrounding spaces and enclosing quotes."""
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    part = _Part(start, end, text[start:end])
    return _unquote(text, part)


def _unquote(text, part):
    """Drop quotes that enclose a whole item (“三大平台” → 三大平台)."""
    s, e = part.start, part.end
    while e - s >= 2 and text[s] in _OPEN_QUOTES and text[e - 1] in _CLOSE_QUOTES and \
            "“" not in text[s + 1:e - 1]:
        s, e = s + 1, e - 1
    return _Part(s, e, text[s:e], part.group)


def _starts_verb_like(text):
    """True when an item opens with a verb, a preposition or a lead word (完成祖国统一)."""
    words = _pos_words(text)
    if not words:
        return False
    word, flag = words[0]
    return flag in ("v", "p", "vd") or word.startswith(LEAD_WORDS) and len(text) > len(word)


def _leading_run(text, strict=False):
    """The leading verb-like words of an item (verbs, prepositions, lead words).

    ``strict``: only the curated lead words and prepositions, for lists that open on their own
    (in brackets, after a colon), where a first word tagged as a verb is usually the item's own
    (组织设置规范化).
    """
    words = list(_pos_words(text))
    run, i = [], 0
    while i < len(words):
        word, flag = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ("", "")
        if (flag in ("v", "vd") and not strict) or flag == "p" or word in LEAD_WORDS:
            run.append(word)
        elif word.endswith(LEAD_WORDS) and len(word) > 1:
            run.append(word)
        elif (flag in ("d", "ad") or word in _ADVERBS) and (
                (nxt[1] in ("v", "vd") and not strict) or nxt[0] in LEAD_WORDS):
            run.append(word)
        else:
            break
        i += 1
    return run


def _common_prefix(texts):
    """The longest prefix all ``texts`` share (阳光审批, 阳光执法 → 阳光)."""
    if not texts:
        return ""
    prefix = texts[0]
    for t in texts[1:]:
        while prefix and not t.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def _clean_first(text, item, others, strict=False):
    """Trim a list's first item down to its own words (drop the verb that introduces the list)."""
    s, e = item.start, item.end
    words = text[s:e]
    other_texts = [o.text for o in others]
    prefix = _common_prefix(other_texts)
    if prefix and (prefix[0] == "*" or not re.fullmatch(r"[\W]+", prefix)) and prefix in words:
        cut = words.rfind(prefix)
        return _unquote(text, _Part(s + cut, e, words[cut:], item.group))
    marker = _ORDINAL_MARKERS.match(words)
    if marker and len(words) > marker.end():
        s, words = s + marker.end(), words[marker.end():]
    if "的" in words and not any("的" in o for o in other_texts):
        cut = words.rindex("的") + 1
        if len(words) - cut >= 2:
            s, words = s + cut, words[cut:]
    limit = 2 * max((len(o) for o in other_texts), default=4) + 1
    if len(words) > limit:
        pos = 0
        for word, flag in _pos_words(words):
            pos += len(word)
            if (flag in ("v", "p", "vd") or word.endswith(LEAD_WORDS)) and 0 < len(words) - pos <= limit:
                s, words = s + pos, words[pos:]
                break
    verb_led = sum(1 for o in other_texts if _starts_verb_like(o)) * 2 > len(other_texts)
    run = _leading_run(words, strict)
    if verb_led:
        run = run[:-1]
    cut = 0
    for word in run:
        if len(words) - cut - len(word) < 2:
            break
        cut += len(word)
    s, words = s + cut, words[cut:]
    return _unquote(text, _Part(s, e, words, item.group))


def _trim_last(text, item, others):
    """Cut a shared trailing word off the last item (…区、…区建设 → …区) and a closing 等."""
    s, e = item.start, item.end
    while e - s > 1 and text[e - 1] in "等":
        e -= 1
    if text[e - 2:e] == "等等" and e - s > 2:
        e -= 2
    endings = {o.text[-1:] for o in others if o.text}
    if len(endings) == 1 and len(others) >= 2:
        c = endings.pop()
        words = text[s:e]
        if not words.endswith(c) and c in words:
            cut = words.rindex(c) + 1
            if len(words) - cut <= 2 and cut >= 2:
                e = s + cut
    return _unquote(text, _Part(s, e, text[s:e], item.group))


def _complete_ellipsis(items, key):
    """Give the head of the last item to earlier items that lack it (从严治党、廉政建设主体责任清单)."""
    if len(items) < 2 or not key:
        return items
    last = items[-1]
    if not last.text.endswith(key) or all(it.text.endswith(key) for it in items[:-1]):
        return items
    words = list(_pos_words(last.text))
    head_len = len(words[-1][0])
    for word, flag in reversed(words[:-1]):
        if flag.startswith(("v", "l", "nr", "i", "p", "u", "d", "r", "c", "m")):
            break
        if head_len + len(word) >= len(last.text):
            break
        head_len += len(word)
    head = last.text[-head_len:]
    completed = [(_Part(it.start, it.end, it.text + head, it.group) if not it.text.endswith(key) else it)
                 for it in items[:-1]]
    return completed + [last]


def _clean_list(text, items, key="", strict=False):
    """Clean a list of item spans: first item's lead verb, last item's shared tail, ellipsis."""
    if not items:
        return items
    if len(items) > 1:
        items = [_clean_first(text, items[0], items[1:], strict)] + items[1:-1] + [
            _trim_last(text, items[-1], items[:-1])]
    else:
        items = [_clean_first(text, items[0], [], strict)]
    items = [it for it in items if it.text]
    return _complete_ellipsis(items, key)


def _key_char(segment):
    """The character after a sub-formula's count: 两单 → 单, 三会议 → 会."""
    match = NUMERAL_RE.match(segment)
    rest = segment[match.end():] if match else segment
    if rest[:1] in CLASSIFIERS:
        rest = rest[1:]
    rest = rest.strip("“”")
    return rest[:1]


# ----------------------------------------------------------------------------- expansion forms

def expand_formula(text: str, fname: FormulaName, names=()) -> tuple:
    """The parts a text gives for one named formula, and the form it uses.

    Tries, in order: brackets right after the name (letter definitions among them), a colon after
    it, parts inside a quote right before it, an enumeration before it, numbered paragraphs after
    a colon that ends the line. ``names`` are the other candidates (an enumeration holding a
    formula name is not an expansion). Returns ``(parts, form)``, with ``([], "")`` when the text
    does not expand it.

    >>> text = "升级打造*商务区、*文商旅活力区、*围科创区三大发展平台。"
    >>> name = find_formula_names(text)[0]
    >>> parts, form = expand_formula(text, name)
    >>> [p.text for p in parts], form
    (['*商务区', '*文商旅活力区', '*围科创区'], 'before')
    """
    for expand in (_expand_bracket, _expand_plus, _expand_colon, _expand_inside, _expand_before, _expand_paragraphs):
        parts, form = expand(text, fname, names)
        if parts:
            return [FormulaPart(p.text, p.start, p.end, p.group) for p in parts], form
    return [], ""


def _expand_bracket(text, fname, names):
    """Parts in brackets after the name: letter definitions, groups of a compound, or a plain list."""
    pos = fname.bracket_at if fname.bracket_at >= 0 else fname.outer_end
    tail = re.compile(rf"[^\W\d{_CN_NUM}]{{1,4}}(?=[（(])").match(text, pos)
    if tail and fname.quoted and not fname.suffix:
        pos = tail.end()  # “五化”建设（…）: a short head between the name and its brackets
    if text[pos:pos + 1] not in ("（", "("):
        return [], ""
    close = _matching_bracket(text, pos)
    if close < 0 or close - pos < 3:
        return [], ""
    start, end = pos + 1, close
    pieces = _split_items(text, start, end, "，,；;、")
    letters = [(_LETTER_DEF.match(p.text), p) for p in pieces]
    if pieces and all(m for m, _ in letters):
        parts = []
        for m, p in letters:
            value_start = p.start + m.start(2)
            parts.append(_unquote(text, _Part(value_start, p.end, text[value_start:p.end], m.group(1))))
        return parts, "letters"
    count, _ = declared_count(fname.name)
    segments = split_compound(fname.name)
    if len(segments) > 1:
        groups = _split_items(text, start, end, "，,；;")
        if len(groups) == len(segments):
            parts = []
            for segment, group in zip(segments, groups):
                items = _split_items(text, group.start, group.end, "、")
                for item in _clean_list(text, items, _key_char(segment), strict=True):
                    parts.append(_Part(item.start, item.end, item.text, segment))
            return parts, "bracket"
        items = _clean_list(text, _split_items(text, start, end, "，,；;、"), strict=True)
        for item in items:
            item.group = next((s for s in segments if _key_char(s) and _key_char(s) in item.text[-3:]), "")
        return items, "bracket"
    variants = [_split_items(text, start, end, "、"), _split_items(text, start, end, "，,；;、")]
    items = _pick_variant(variants, count)
    if len(items) < 2 and count != 1:
        return [], ""
    return _clean_list(text, items, _key_char(segments[0]) if segments else "", strict=True), "bracket"


def _expand_plus(text, fname, names):
    """A plus-form of words is its own expansion: “制度+清单+科技” → 制度, 清单, 科技."""
    terms = plus_terms(fname.name)
    if not terms or any(_is_placeholder(t) for t in terms):
        return [], ""
    parts, pos = [], fname.start
    for term in terms:
        parts.append(_Part(pos, pos + len(term), term))
        pos += len(term) + 1
    return parts, "inside"


def _pick_variant(variants, count):
    """The first split whose size equals the count, else the first split with two or more items."""
    for items in variants:
        if count is not None and len(items) == count:
            return items
    for items in variants:
        if len(items) >= 2:
            return items
    return variants[0]


def _expand_colon(text, fname, names):
    """Parts after a colon that follows the name (党员“三亮”：亮身份、亮承诺、亮清单)."""
    match = re.compile(r"(?:是|即|包括|指|为|分别是|主要是|就是|主要包括)?[：:]").match(text, fname.outer_end)
    if not match:
        return [], ""
    start = match.end()
    end = start
    while end < len(text) and text[end] not in "。！？\n":
        end += 1
    if end == start:
        return [], ""
    count, _ = declared_count(fname.name)
    first_clause_end = start
    while first_clause_end < end and text[first_clause_end] not in "，,；;":
        first_clause_end += 1
    variants = [_split_items(text, start, first_clause_end, "、"),
                _split_items(text, start, end, "；;"),
                _split_items(text, start, end, "，,；;、")]
    items = _pick_variant(variants, count)
    if len(items) < 2:
        return [], ""
    if any(_holds_name(it, names, fname) for it in items):
        return [], ""
    segments = split_compound(fname.name)
    return _clean_list(text, items, _key_char(segments[-1]) if len(segments) == 1 else "", strict=True), "colon"


def _expand_inside(text, fname, names):
    """Parts inside a quote right before an unquoted name (“区-街-社区-驿站”四级…体系)."""
    pos = fname.outer_start
    if fname.fully_quoted:
        return [], ""
    if pos == 0 or text[pos - 1] not in _CLOSE_QUOTES:
        return [], ""
    open_ = _open_quote_before(text, pos - 1)
    if open_ < 0:
        return [], ""
    inner_start, inner_end = open_ + 1, pos - 1
    seps = "、" if "、" in text[inner_start:inner_end] else "-—－～→"
    items = _split_items(text, inner_start, inner_end, seps)
    if len(items) < 2:
        return [], ""
    return _clean_list(text, items, strict=True), "inside"


def _open_quote_before(text, close):
    """The offset of the quote that opens the one closing at ``close``, or -1."""
    depth = 0
    for i in range(close, max(-1, close - 120), -1):
        if text[i] in "”」』":
            depth += 1
        elif text[i] in "“「『":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return -1
    return -1


def _expand_before(text, fname, names):
    """An enumeration right before the name (A、B、C三大发展平台; “A”“B”“C”*大先锋行动; A和B两大引擎)."""
    pos = fname.outer_start
    if fname.plus:
        return [], ""
    # words between the list and the name: 这, 这些, 等 (and 的 after quoted items)
    link = re.search(r"(?:这些|这|等)$", text[max(0, pos - 2):pos])
    end = pos - (len(link.group()) if link else 0)
    if end > 0 and text[end - 1] == "的" and end > 1 and text[end - 2] in _CLOSE_QUOTES:
        end -= 1
    if end <= 0:
        return [], ""
    count, masked = declared_count(fname.name)
    if text[end - 1] in _CLOSE_QUOTES:
        items = _adjacent_quotes(text, end)
        if len(items) < 2:
            return [], ""
        return items, "before"
    if text[end - 1] in _CLAUSE_STOP or text[end - 1] in "、的":
        return [], ""  # 宣传陆地“五有”: a quoted name after plain words is modified, not enumerated
    clause_start = end
    depth = 0
    while clause_start > 0:
        ch = text[clause_start - 1]
        if ch in "”」』":
            depth += 1
        elif ch in "“「『":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _CLAUSE_STOP:
            break
        clause_start -= 1
    items = _split_items(text, clause_start, end, "、")
    variants = [items]
    if len(items) == 1:
        variants = [_split_connective(text, items[0])]
    elif items and count is not None and len(items) + 1 == count:
        variants.append(items[:-1] + _split_connective(text, items[-1]))
    items = _pick_variant(variants, count)
    if len(items) < 2 or any(len(it.text) > 30 for it in items):
        return [], ""
    if any(_holds_name(it, names, fname) for it in items):
        return [], ""
    if any(NUMERAL_RE.match(it.text) and len(it.text) <= 3 for it in items[1:]):
        return [], ""
    if items[-1].text.endswith(_TRAILING_VERBS):
        return [], ""  # 干部坚决做到“两个维护”: the words before the name are a predicate, not a list
    if fname.fully_quoted and len(items) != count:
        return [], ""  # a quoted name is a formula anyway; a list before it must fit its count exactly
    items = _clean_list(text, items)
    if len(items) < 2 or any(len(it.text) < 1 for it in items):
        return [], ""
    return _borrow_name_head(fname.name, items), "before"


def _borrow_name_head(name, items):
    """党建、业务双清单: a count glued to its noun (no counter) makes the items modifiers of it.

    The parts are then 党建清单 and 业务清单; with a counter (三大工程, 五项原则) the items are the
    things themselves and stay as written.
    """
    match = NUMERAL_RE.match(name)
    head = name[match.end():] if match else ""
    if len(split_compound(name)) > 1 or not head or head[0] in CLASSIFIERS or len(head) > 3:
        return items
    if any(it.text.endswith(head) for it in items) or not re.fullmatch(r"[\u4e00-\u9fff]+", head):
        return items
    return [_Part(it.start, it.end, it.text + head, it.group) for it in items]


def _split_connective(text, item):
    """Split one item at 和/与/及/以及 (城市更新和*沿岸高质量发展)."""
    match = re.search(r"以及|和|与|及", item.text)
    if not match:
        return [item]
    cut = item.start + match.start()
    return [_trim(text, item.start, cut), _trim(text, cut + len(match.group()), item.end)]


def _adjacent_quotes(text, end):
    """Quoted items that stand side by side (or joined by 、) right before ``end``."""
    items = []
    pos = end
    while pos > 0 and text[pos - 1] in _CLOSE_QUOTES:
        open_ = _open_quote_before(text, pos - 1)
        if open_ < 0:
            break
        items.insert(0, _Part(open_ + 1, pos - 1, text[open_ + 1:pos - 1]))
        pos = open_
        if pos > 0 and text[pos - 1] == "、":
            pos -= 1
    return [it for it in items if it.text]


def _holds_name(item, names, fname):
    """True when a list item contains another formula name (“六个一”、“十有” are not parts of 五有)."""
    for other in names:
        if other is fname or other.start == fname.start:
            continue
        if item.start <= other.start and other.end <= item.end + 1:
            return True
    return False


def _expand_paragraphs(text, fname, names):
    """Numbered paragraphs after a colon that ends the line (以下五项基本要求：\n第一，…)."""
    match = re.compile(r"(?:是|即|包括|如下)?[：:][ \t\u3000]*\n").match(text, fname.outer_end)
    if not match:
        return [], ""
    pos, number, parts = match.end(), 1, []
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line_start = pos
        while line_start < line_end and text[line_start] in " \t\u3000":
            line_start += 1
        marker = _PARA_MARKER.match(text, line_start, line_end)
        if not marker:
            break
        value = next(g for g in marker.groups() if g)
        if chinese_to_int(value) != number:
            break
        body_start = marker.end()
        stop = re.compile(r"[。；;！？]").search(text, body_start, line_end)
        body_end = stop.start() if stop else line_end
        parts.append(_trim(text, body_start, body_end))
        number += 1
        pos = line_end + 1
    return (parts, "paragraphs") if len(parts) >= 2 else ([], "")


def _expand_after(text, occurrences):
    """The "respectively" form: “五位一体”总体布局和“四个全面”战略布局，统筹推进A、B…，协调推进F、G…

    Formulae that end a clause are matched, in order, with the clauses right after it; each of
    those must be an enumeration of exactly the declared count.
    """
    pending = sorted((o for o in occurrences if not o.parts), key=lambda o: o.fname.start)
    i = 0
    while i < len(pending):
        group = [pending[i]]
        while i + 1 < len(pending) and re.fullmatch(
                r"[和与及、]", text[group[-1].fname.outer_end:pending[i + 1].fname.outer_start]):
            i += 1
            group.append(pending[i])
        i += 1
        last = group[-1].fname
        clause_end = last.outer_end
        while clause_end < len(text) and clause_end - last.outer_end <= 4 and text[clause_end] not in _CLAUSE_STOP:
            clause_end += 1
        if len(group) < 2 or text[clause_end:clause_end + 1] not in ("，", ","):
            continue  # one formula and a list after it is too weak a link
        pos, found = clause_end + 1, []
        for occ in group:
            count, _ = declared_count(occ.fname.name)
            end = pos
            while end < len(text) and text[end] not in "，,；;。\n":
                end += 1
            items = _split_items(text, pos, end, "、")
            if count is None or count < 2 or len(items) != count:
                break
            found.append(_clean_list(text, items))
            pos = end + 1
        if len(found) == len(group):
            for occ, parts in zip(group, found):
                occ.parts, occ.form = parts, "after"


# ----------------------------------------------------------------------------- count check

def check_count(declared, parts, masked=False, expected=None) -> str:
    """The status of a formula's count: confirmed, mismatch, or undefined (no parts in the text).

    ``expected`` overrides ``declared`` for forms without a count (a plus-form's terms). A masked
    count accepts any expansion of two or more parts.

    >>> check_count(3, ["亮身份", "亮承诺", "亮清单"]), check_count(2, ["a", "b", "c"]), check_count(6, [])
    ('confirmed', 'mismatch', 'undefined')
    >>> check_count(None, ["党员上楼", "党员报到", "党员带头"], masked=True)
    'confirmed'
    """
    if not parts:
        return UNDEFINED
    target = expected if expected is not None else declared
    if target is None:
        return CONFIRMED if (masked or len(parts) >= 2) else MISMATCH
    return CONFIRMED if len(parts) == target else MISMATCH


# ----------------------------------------------------------------------------- the extractor

def _mechanism_terms(lexicon):
    """Glossary formulae by the key of each of their Chinese labels (kept for the last lexicon asked)."""
    kept = _MECHANISM_TERMS.get(id(lexicon))
    if kept is not None and kept[0] is lexicon:
        return kept[1]
    terms = _read_mechanism_terms(lexicon)
    _MECHANISM_TERMS.clear()   # the lexicon is kept with its terms, so its id cannot be reused meanwhile
    _MECHANISM_TERMS[id(lexicon)] = (lexicon, terms)
    return terms


_MECHANISM_TERMS = {}


def _read_mechanism_terms(lexicon):
    terms = {}
    for term in getattr(lexicon, "terms", ()):
        if term.kind != "mechanism":
            continue
        for label in term.labels("zh"):
            terms.setdefault(label_key(label), term)
    return terms


def formula_key(name: str, suffix: str = "") -> str:
    """The identity of a formula within a text: its folded name without wrappers and quotes.

    >>> formula_key("一岗双责", "制") == formula_key("“一岗双责”")
    True
    >>> formula_key("*+*+N", "计划")
    '*+*+n计划'
    """
    key = label_key(name)
    for wrapper in WRAPPERS:
        if key.endswith(wrapper) and len(key) > len(wrapper) + 1 and not key[:-len(wrapper)].endswith(SUFFIXES):
            key = key[:-len(wrapper)]
            break
    if suffix and any(_is_placeholder(t) for t in plus_terms(name)):
        key += label_key(suffix)  # “*+*+N”计划 and “*+*+N”方案 are different plans
    return key


def _accepted(occ, glossary_keys):
    f = occ.fname
    if occ.parts or f.quoted or f.glossary or f.plus:
        return True
    if label_key(f.name) in glossary_keys:
        return True
    if f.has_suffix or f.suffix:
        return True
    return False


def _is_short_form(short, full):
    """True when ``short`` abbreviates ``full``: same count, same last character, a subsequence."""
    if len(short) >= len(full) or short[:1] != full[:1]:
        return False
    if full.startswith(short) and len(split_compound(short)) == len(split_compound(full)) > 1:
        return True
    if declared_count(short) != declared_count(full) or short[-1] != full[-1]:
        return False
    it = iter(full)
    return all(ch in it for ch in short)


def extract_formulae(doc, lexicon) -> list:
    """One :class:`~kg.facts.Formula` per distinct numbered formula of ``doc``, with its count check.

    A defined formula carries its defining sentence as evidence and the span of its name there;
    an undefined one its first mention. ``key`` is the glossary's key when the name (or its name
    with the suffix) is a label of a glossary formula.

    Parameters
    ----------
    doc : kg.document.Document
    lexicon : kg.lexicon.Lexicon
        Glossary formulae (terms of kind ``mechanism``) give keys and make unquoted names count.

    Returns
    -------
    list of Formula, in the order of their first mention.

    Examples
    --------
    >>> from kg.document import parse_document
    >>> from kg.lexicon import Lexicon
    >>> doc = parse_document("建立“一书两单三会议”（党风廉政责任书，建立从严治党、廉政建设主体责任清单，"
    ...                      "召开年度党建会、从严治党会、述职述责述廉会）。", "demo")
    >>> f = extract_formulae(doc, Lexicon())[0]
    >>> f.name, f.declared_count, f.status, f.form
    ('一书两单三会议', 6, 'confirmed', 'bracket')
    >>> f.groups["两单"]
    ['从严治党主体责任清单', '廉政建设主体责任清单']
    >>> doc.text[f.start:f.end]
    '一书两单三会议'
    """
    text = fold_han(doc.text)
    names = find_formula_names(text, lexicon)
    occurrences = []
    for fname in names:
        parts, form = expand_formula(text, fname, names)
        occurrences.append(_Occurrence(fname, [_Part(p.start, p.end, p.text, p.group) for p in parts], form))
    _expand_after(text, occurrences)
    glossary_keys = _mechanism_terms(lexicon)
    occurrences = [o for o in occurrences if _accepted(o, glossary_keys)]
    groups = {}
    for occ in occurrences:
        groups.setdefault(formula_key(occ.fname.name, occ.fname.suffix), []).append(occ)
    defined = {k: g for k, g in groups.items() if any(o.parts for o in g)}
    merged = {}
    for key, group in groups.items():
        if key in defined:
            continue
        target = next((k for k in defined if _is_short_form(key, k)), None)
        if target is not None:
            merged.setdefault(target, []).extend(group)
    for target, extra in merged.items():
        groups[target] = groups[target] + extra
        for occ in extra:
            groups.pop(formula_key(occ.fname.name, occ.fname.suffix), None)
    formulae = [(min(o.fname.start for o in group), _make_formula(doc, group, glossary_keys))
                for group in groups.values()]
    return [f for _, f in sorted(formulae, key=lambda pair: pair[0])]


def _original(doc, start, end, folded_text):
    """The original words of a span whose folded text is ``folded_text`` (a borrowed head stays folded)."""
    own = doc.text[start:end]
    return own + folded_text[end - start:] if len(folded_text) > end - start else own


def _make_formula(doc, group, glossary_keys):
    group = sorted(group, key=lambda o: o.fname.start)
    with_parts = [o for o in group if o.parts]
    if with_parts:
        def quality(o):
            count, masked = declared_count(o.fname.name)
            expected = len(plus_terms(o.fname.name)) or None
            return check_count(count, o.parts, masked, expected) != CONFIRMED
        chosen = sorted(with_parts, key=lambda o: (quality(o), o.fname.start))[0]
    else:
        chosen = group[0]
    f = chosen.fname
    term = None
    for candidate in (f.name, f.name + f.suffix, formula_key(f.name, f.suffix)):
        term = glossary_keys.get(label_key(candidate))
        if term is not None:
            break
    count, masked = declared_count(f.name)
    if term is not None and term.count and not masked:
        count = term.count  # the glossary knows how such a name counts (一岗双责: two duties)
    expected = len(plus_terms(f.name)) or None
    parts = tuple(FormulaPart(_original(doc, p.start, p.end, p.text), p.start, p.end, p.group)
                  for p in chosen.parts)
    status = check_count(count, parts, masked, expected)
    return Formula(name=doc.text[f.start:f.end], start=f.start, end=f.end, declared_count=count, count_masked=masked,
                   parts=parts, status=status, evidence=_evidence(doc, f.start), suffix=f.suffix,
                   form=chosen.form, key=term.key if term is not None else "")


def _evidence(doc, offset):
    sentence = doc.sentence_at(offset)
    if sentence is not None:
        return sentence_evidence(doc, sentence)
    for paragraph in doc.paragraphs:
        if paragraph.start <= offset < paragraph.end:
            return Evidence(doc.doc_id, paragraph.start, paragraph.end, doc.text[paragraph.start:paragraph.end])
    return Evidence(doc.doc_id, offset, offset, "")
