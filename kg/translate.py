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

# Words, with the possessive 's left out (an organ's work → organ work) but other apostrophes kept (don't).
_WORD = re.compile(r"[a-z0-9]+(?:'(?!s\b)[a-z]+)?")


_IRREGULAR = {"does": "do", "did": "do", "done": "do", "doing": "do", "has": "have", "had": "have",
              "having": "have", "is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be",
              "children": "child", "men": "man", "women": "woman", "people": "people", "held": "hold",
              "led": "lead", "made": "make", "making": "make", "taken": "take", "took": "take", "went": "go",
              "going": "go", "gone": "go", "used": "use", "using": "use", "gave": "give", "given": "give",
              "chosen": "choose", "written": "write", "wrote": "write", "set": "set", "met": "meet",
              "paid": "pay", "kept": "keep", "sent": "send", "built": "build", "brought": "bring",
              "thought": "think", "taught": "teach", "sought": "seek", "bought": "buy", "news": "news",
              "series": "series", "means": "means", "united": "unite", "bodies": "body", "duties": "duty",
              # the texts' 机关 (Party and state organs) are "agencies" as often as "organs" in English
              "agency": "organ", "agencies": "organ",
              # a heading of a text (标题) is no head (负责人)
              "heading": "heading", "headings": "heading"}
_KEEP_DOUBLE = "slzf"


def _strip_suffix(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("ied"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix) and not word.endswith("eed"):
            base = word[: -len(suffix)]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in _KEEP_DOUBLE:
                base = base[:-1]  # planned -> plan
            return base
    return word


def stem(word: str) -> str:
    """A crude English stem, the same for a word's inflected forms (enough to meet the table's entries).

    >>> [stem(w) for w in ("organizations", "studies", "studied", "held", "meetings", "meeting", "leading")]
    ['organization', 'study', 'study', 'hold', 'meet', 'meet', 'lead']
    >>> stem("organized") == stem("organize") == stem("organizing")
    True
    >>> stem("assessed") == stem("assess"), stem("planned") == stem("plan")
    (True, True)
    """
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    word = _strip_suffix(word)
    word = _strip_suffix(word) if word.endswith(("ing", "ed")) else word
    if len(word) > 4 and word.endswith("e") and not word.endswith(("ee", "ie", "ye")):
        word = word[:-1]  # organize / organized / organizing meet at "organiz"
    return word


_ARTICLES = frozenset(("a", "an", "the"))
# English words that carry no content of their own (stemmed as :func:`stem` does).
_FUNCTION_WORDS = frozenset(stem(w) for w in """what which who whom whose how when where why do does did is are was
were be been being the a an of to in on for and or by with must should shall can could may might will would as at
from this that these those it its their there any all about into than then so such not no nor also each every other
some more most many much very have has had they them he she his her we our you your i me my according text texts
document documents say says said ask asked question under among get gets got like itself want wants lot lots
back well one take share usual body bodies besides between draw effort happen happens happened actually exactly
instead ever else while themselves""".split())
# Words that ask something (何时, 哪里, 一次) only as a question's first word before an auxiliary (When did…,
# Where must…); elsewhere they join clauses ("When duties are unclear", "Once a file has been created").
_CONJUNCTION_UNLESS_ASKING = frozenset(("when", "where", "once"))
_AUXILIARIES = frozenset(stem(w) for w in "do does did is are was were will would must should shall can could may "
                         "might has have had".split())


def _words(text: str) -> list:
    return [stem(w) for w in _WORD.findall(text.lower())]


def _without_articles(words) -> str:
    return " ".join(w for w in words if w not in _ARTICLES)


class PhraseTable:
    """English phrase → Chinese words, matched longest first over stemmed words.

    A phrase matches as written (twice a year → 每年, govern the party → 治党), or else with its articles
    left out (keeps the organizational relationship → keep organizational relationship).
    """

    def __init__(self, entries):
        self.entries, self.loose = {}, {}
        for english, chinese in dict(entries).items():
            words = _words(english)
            if words:
                self.entries.setdefault(" ".join(words), tuple(chinese))
        for key, chinese in self.entries.items():
            self.loose.setdefault(_without_articles(key.split()), chinese)
        self.longest_ = max((k.count(" ") + 1 for k in self.entries), default=1)

    def __len__(self):
        return len(self.entries)

    def lookup(self, phrase: str):
        """The Chinese words for an English phrase, or ``()``."""
        words = _words(phrase)
        return self.entries.get(" ".join(words)) or self.loose.get(_without_articles(words), ())

    def translate(self, text: str, senses: int = 1) -> list:
        """Chinese words for the English phrases in ``text``, in order (the first ``senses`` senses of each)."""
        return self._read(text, senses)[0]

    def uncovered(self, text: str) -> list:
        """The content words of ``text`` (stemmed) that no phrase of the table covers.

        >>> PhraseTable({"party member": ("党员",)}).uncovered("What must party members reorganize?")
        ['reorganiz']
        """
        return [w for w in self._read(text, 1)[1] if w not in _FUNCTION_WORDS and len(w) > 2 and not w.isdigit()]

    def _read(self, text, senses):
        words = _words(text)
        out, missed, i = [], [], 0
        while i < len(words):
            found = None
            for n in range(min(self.longest_ + 2, len(words) - i), 0, -1):
                window = words[i:i + n]
                found = self.entries.get(" ".join(window)) if n <= self.longest_ else None
                if found is None and any(w in _ARTICLES for w in window[1:-1]):
                    found = self.loose.get(_without_articles(window))
                if found is not None and n == 1 and window[0] in _CONJUNCTION_UNLESS_ASKING and not (
                        i == 0 and i + 1 < len(words) and words[i + 1] in _AUXILIARIES):
                    found = None   # "enforce when supervising", "When duties are unclear", "Once a file…": a conjunction
                    break
                if found is not None:
                    out.extend(found[:senses])
                    i += n
                    break
            if found is None:
                missed.append(words[i])
                i += 1
        return out, missed


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
