"""Matching keys: text folded for comparison, one character for one, so offsets survive.

Folding maps full-width forms to half-width (NFKC where it keeps one character), every kind of
quote to nothing-special (“”「」 become "), traditional characters to simplified, and letters
to lower case. Because each character maps to exactly one character, an offset into the folded
text is an offset into the original.

>>> fold("第一書記（黨組）")
'第一书记(党组)'
>>> len(fold("“一崗雙責”")) == len("“一崗雙責”")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = {"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "‘": "'", "’": "'",
           "〝": '"', "〞": '"', "＂": '"'}


@lru_cache(maxsize=1)
def _converter():
    import opencc  # opencc-python-reimplemented: pure Python, bundled dictionaries

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """Fold one character; the result is always exactly one character."""
    if ch in _QUOTES:
        return _QUOTES[ch]
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    if "\u3400" <= folded <= "\u9fff" or "\uf900" <= folded <= "\ufaff":
        simple = _converter().convert(folded)
        if len(simple) == 1:
            folded = simple
    return folded.lower()


class _FoldTable(dict):
    """Code point → folded character, filled as characters are met (``str.translate`` runs in C)."""

    def __init__(self, fold_one):
        super().__init__()
        self.fold_one = fold_one

    def __missing__(self, code: int) -> str:
        folded = self[code] = self.fold_one(chr(code))
        return folded


_FOLD_TABLE = _FoldTable(fold_char)
_HAN_FOLD_TABLE = _FoldTable(lambda ch: fold_char(ch) if "\u3400" <= ch <= "\u9fff" else ch)


def fold(text: str) -> str:
    """Fold a text for matching, keeping its length (see the module docstring)."""
    return text.translate(_FOLD_TABLE)


def fold_han(text: str) -> str:
    """Traditional Chinese characters folded to simplified ones, one for one; nothing else changes, so
    offsets into the result are offsets into ``text`` (quotes and letters are kept).

    >>> fold_han("落實「一崗雙責」制")
    '落实「一岗双责」制'
    """
    return text.translate(_HAN_FOLD_TABLE)


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese, phrase-aware (length may change).

    >>> to_simplified("三會一課")
    '三会一课'
    """
    return _converter().convert(text)


_NON_KEY = re.compile(r"[\s\"'“”‘’「」『』《》〈〉【】()（）·.,，。、:：;；!！?？]+")


def label_key(text: str) -> str:
    """A compact key for a label: folded, without quotes, brackets and punctuation.

    >>> label_key("党委（组）书记") == label_key("党委(组)书记")
    True
    >>> label_key("“一岗双责”制")
    '一岗双责制'
    """
    return _NON_KEY.sub("", fold(text))


CJK = re.compile(r"[\u3400-\u9fff]")


def detect_language(text: str) -> str:
    """``zh`` when the text has Chinese characters and they are not swamped by Latin words, else ``en``.

    >>> detect_language("What must a first secretary do?"), detect_language("第一书记要做什么？")
    ('en', 'zh')
    >>> detect_language("What does 一岗双责 require?")
    'en'
    """
    cjk = len(CJK.findall(text))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    if cjk == 0:
        return "en"
    return "en" if latin_words >= 3 and latin_words > cjk / 2 else "zh"
