"""Formula names: English labels for numbered formulae, and variants folded onto one name.

A curated English label comes from the glossary where it knows the formula; otherwise the name
is rendered literally, sub-formula by sub-formula, with a small word table (书 letter, 单 list,
会议 meeting, 课 lecture, 岗 post, 责 duty …). Characters the table does not know are kept in
Chinese rather than guessed; a masked count stays ``*``.

>>> english_formula_name("一书两单三会议")
'one letter, two lists, three meetings'
>>> english_formula_name("三级服务联系机制")
'three-level service liaison mechanism'
>>> normalise_formula_name("“一岗双责”制")
'一岗双责'
"""

from __future__ import annotations

import re

from .extract.formulae import (CLASSIFIERS, NUMERAL_RE, WRAPPERS, declared_count, parse_count, plus_terms,
                               split_compound)
from .normalize import label_key

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                 "nineteen", "twenty")

# Chinese word -> (singular, plural). Plural None: the word does not take a plural (an attribute).
WORDS = {
    "书": ("letter", "letters"), "责任书": ("responsibility letter", "responsibility letters"),
    "单": ("list", "lists"), "清单": ("list", "lists"),
    "会议": ("meeting", "meetings"), "会": ("meeting", "meetings"), "课": ("lecture", "lectures"),
    "岗": ("post", "posts"), "责": ("duty", "duties"), "亮": ("showing", "showings"),
    "有": ("have", "haves"), "维护": ("uphold", "upholds"), "意识": ("consciousness", "consciousnesses"),
    "自信": ("confidence", "confidences"), "工程": ("project", "projects"), "平台": ("platform", "platforms"),
    "机制": ("mechanism", "mechanisms"), "体系": ("system", "systems"), "行动": ("action", "actions"),
    "计划": ("plan", "plans"), "方案": ("scheme", "schemes"), "查": ("check", "checks"),
    "述职": ("duty report", "duty reports"), "报告": ("report", "reports"), "公开": ("disclosure", "disclosures"),
    "联系": ("liaison", "liaisons"), "服务": ("service", None), "发展": ("development", None),
    "引擎": ("engine", "engines"), "学": ("study", "studies"), "做": ("action", "actions"),
    "代表": ("represent", "represents"), "服从": ("obedience", "obediences"),
    "全面": ("comprehensive", "comprehensives"), "一百年": ("centenary", "centenaries"),
    "原则": ("principle", "principles"), "要求": ("requirement", "requirements"), "任务": ("task", "tasks"),
    "历史": ("historic", None), "基本": ("basic", None), "党群": ("party-and-people", None),
    "阵地": ("venue", "venues"), "链条": ("chain", "chains"), "组织": ("organization", "organizations"),
    "先锋": ("vanguard", None), "阳光": ("sunshine", None), "领域": ("field", "fields"),
    "风险点": ("risk point", "risk points"), "风险": ("risk", "risks"), "形态": ("form", "forms"),
    "规定": ("rule", "rules"), "好": ("good", "goods"), "一流": ("first-class", "first-classes"),
    "包": ("charge", "charges"), "责任": ("responsibility", "responsibilities"), "联盟": ("alliance", "alliances"),
    "星": ("star", "stars"), "治": ("governance", "governances"), "融合": ("integration", None),
    "品牌": ("brand", "brands"), "党建": ("party-building", None), "建设": ("building", None),
    "一": ("one", "ones"), "维": ("dimension", "dimensions"), "联动": ("coordination", None),
    "向": ("way", "ways"), "服务圈": ("service circle", "service circles"), "制度": ("system", "systems"),
    "梯": ("ladder", "ladders"), "目标": ("goal", "goals"), "纪律": ("discipline", "disciplines"),
    "作风": ("style", "styles"), "考验": ("test", "tests"), "危险": ("danger", "dangers"),
    "动员": ("mobilization", None), "党员": ("party member", "party members"),
}
# Counters: 大 reads "major", 级 makes "N-level", the others are not rendered.
_COUNTERS = {"大": "major", "级": "-level"}


def _number_word(token: str) -> str:
    """An English number for a count token; ``*`` (masked) stays ``*``."""
    count, masked = parse_count(token)
    if masked:
        return "*"
    if token.isdigit():
        return token
    return _NUMBER_WORDS[count] if count is not None and count < len(_NUMBER_WORDS) else str(count)


def _translate_words(text: str, plural: bool) -> str:
    """Greedy longest-match rendering of a head; the last word takes the plural when asked."""
    words, i = [], 0
    keys = sorted(WORDS, key=len, reverse=True)
    while i < len(text):
        for key in keys:
            if text.startswith(key, i):
                words.append(WORDS[key])
                i += len(key)
                break
        else:
            if words and isinstance(words[-1], str):
                words[-1] += text[i]
            else:
                words.append(text[i])
            i += 1
    rendered = []
    for n, word in enumerate(words):
        if isinstance(word, tuple):
            singular, plural_form = word
            last = n == len(words) - 1
            rendered.append(plural_form if (plural and last and plural_form) else singular)
        else:
            rendered.append(word)
    return " ".join(rendered)


def _render_segment(segment: str) -> str:
    match = NUMERAL_RE.match(segment)
    if not match:
        return _translate_words(segment, False)
    token, rest = match.group(), segment[match.end():]
    number = _number_word(token)
    count, _ = declared_count(segment) if token != "*" else (None, True)
    plural = count != 1
    rest = rest.replace("“", "").replace("”", "")
    counter = rest[:1] if rest[:1] in CLASSIFIERS else ""
    head = rest[1:] if counter else rest
    if counter == "级":
        return f"{number}-level {_translate_words(head, False)}".strip()
    words = [number]
    if counter in _COUNTERS:
        words.append(_COUNTERS[counter])
    words.append(_translate_words(head, plural))
    return " ".join(w for w in words if w)


def english_formula_name(name: str, lexicon=None) -> str:
    """An English name for a formula: the glossary's label, else a literal rendering.

    Parameters
    ----------
    name : str
        The Chinese name, with or without quotes and wrappers (制, 制度).
    lexicon : kg.lexicon.Lexicon, optional
        Where curated labels come from.

    Returns
    -------
    str

    Examples
    --------
    >>> english_formula_name("三亮"), english_formula_name("一岗双责"), english_formula_name("四个意识")
    ('three showings', 'one post, two duties', 'four consciousnesses')
    >>> english_formula_name("*大先锋行动"), english_formula_name("三大“阳光工程”")
    ('* major vanguard actions', 'three major sunshine projects')
    >>> english_formula_name("*+*+N")
    '*+*+N'
    """
    if lexicon is not None:
        term = _glossary_term(name, lexicon)
        if term is not None and term.en:
            return term.en
    cleaned = re.sub(r"[“”\"「」]", "", name.strip())
    if plus_terms(cleaned):
        return cleaned
    for wrapper in WRAPPERS:
        if cleaned.endswith(wrapper) and len(split_compound(cleaned[:-len(wrapper)])) > 1:
            cleaned = cleaned[:-len(wrapper)]
            break
    return ", ".join(_render_segment(segment) for segment in split_compound(cleaned))


def _glossary_term(name, lexicon):
    key = normalise_formula_name(name)
    for term in lexicon.of_kind("mechanism"):
        if any(label_key(label) in (key, label_key(name)) for label in term.labels("zh")):
            return term
    return None


def normalise_formula_name(text: str, known=(), lexicon=None) -> str:
    """The name a variant stands for: quotes, wrappers and traditional characters folded away.

    A variant is matched to ``known`` names (a document's formulae) and to the glossary's labels:
    equal after folding, a prefix of a known compound (一书两单三会 → 一书两单三会议), or a short
    form with the same count (三大平台 → 三大发展平台). Without a match the folded name is returned.

    Parameters
    ----------
    text : str
    known : iterable of str
        Names the document uses.
    lexicon : kg.lexicon.Lexicon, optional
        Glossary formulae; a match returns the glossary's preferred label.

    Examples
    --------
    >>> normalise_formula_name("一书两单三会", known=["一书两单三会议", "三亮"])
    '一书两单三会议'
    >>> normalise_formula_name("三会一课制度"), normalise_formula_name("一崗雙責制"), normalise_formula_name("「三亮」")
    ('三会一课', '一岗双责', '三亮')
    >>> normalise_formula_name("三大平台", known=["三大发展平台"])
    '三大发展平台'
    """
    key = label_key(text)
    for wrapper in WRAPPERS:
        if key.endswith(wrapper) and len(key) > len(wrapper) + 1 and not key.endswith(("机制", "体制")):
            key = key[:-len(wrapper)]
            break
    candidates = list(known)
    if lexicon is not None:
        for term in lexicon.of_kind("mechanism"):
            candidates.extend((term.zh, label) for label in term.labels("zh"))
    exact = prefix = short = None
    for candidate in candidates:
        preferred, label = candidate if isinstance(candidate, tuple) else (candidate, candidate)
        other = label_key(label)
        if other == key:
            exact = exact or preferred
        elif other.startswith(key) and len(split_compound(key)) == len(split_compound(other)) > 1:
            prefix = prefix or preferred
        elif _short_form(key, other):
            short = short or preferred
    return exact or prefix or short or key


def _short_form(short, full):
    if len(short) >= len(full) or short[:1] != full[:1] or short[-1:] != full[-1:]:
        return False
    if declared_count(short) != declared_count(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)
