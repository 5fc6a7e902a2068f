"""English questions to Chinese search terms, through a curated phrase table (``ontology/translations.tsv``).

The table maps English phrases to Chinese words of the genre; the longest phrase wins, and simple
inflections (plural -s/-es/-ies, -ed, -ing) are folded to the base form first.

>>> t = PhraseTable({"first secretary": ("第一书记",), "do": ("做",), "party member": ("党员",)})
>>> t.translate("What must first secretaries do?")
['第一书记', '做']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import ontology_dir

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def stem(word: str) -> str:
    """A crude English stem: enough to meet the table's base forms.

    >>> [stem(w) for w in ("organizations", "studies", "held", "meetings", "leading", "ceremonies", "does")]
    ['organization', 'study', 'held', 'meeting', 'lead', 'ceremony', 'do']
    """
    irregular = {"does": "do", "did": "do", "done": "do", "has": "have", "had": "have", "is": "be", "are": "be",
                 "was": "be", "were": "be", "children": "child", "men": "man", "women": "woman"}
    if word in irregular:
        return irregular[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2] if word[-3] != word[-4] else word[:-3]
    return word


class PhraseTable:
    """English phrase → Chinese words, matched longest first over stemmed words."""

    def __init__(self, entries):
        self.entries = {}
        for english, chinese in dict(entries).items():
            key = " ".join(stem(w) for w in _WORD.findall(english.lower()))
            if key:
                self.entries.setdefault(key, tuple(chinese))
        self.longest_ = max((k.count(" ") + 1 for k in self.entries), default=1)

    def __len__(self):
        return len(self.entries)

    def lookup(self, phrase: str):
        """The Chinese words for an English phrase, or ``()``."""
        return self.entries.get(" ".join(stem(w) for w in _WORD.findall(phrase.lower())), ())

    def translate(self, text: str, all_senses: bool = False) -> list:
        """Chinese words for the English phrases in ``text``, in order (first sense of each)."""
        words = [stem(w) for w in _WORD.findall(text.lower())]
        out, i = [], 0
        while i < len(words):
            for n in range(min(self.longest_, len(words) - i), 0, -1):
                key = " ".join(words[i:i + n])
                if key in self.entries:
                    senses = self.entries[key]
                    out.extend(senses if all_senses else senses[:1])
                    i += n
                    break
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def load_phrase_table() -> PhraseTable:
    """The bundled phrase table (empty if the file is missing)."""
    path = ontology_dir() / "translations.tsv"
    entries = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if not line.strip() or line.startswith("#") or "\t" not in line:
                continue
            english, chinese = line.split("\t", 1)
            entries.setdefault(english.strip(), tuple(x.strip() for x in chinese.split("|") if x.strip()))
    return PhraseTable(entries)
