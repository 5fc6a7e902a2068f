"""Chinese names written in pinyin (Sun Hongliang, Shaoxing) found again in the Chinese texts.

An English question names people and places as the texts never write them. :class:`NameFinder` learns
the readings of every Chinese character in a corpus (pypinyin, with all readings of heteronyms), cuts a
romanised name into syllables and finds the runs of characters that read so.

>>> finder = NameFinder().fit(["会议由党委书记、校长王琛主持。", "校党委副书记、纪委书记孙洪亮作了发言。"])
>>> finder.find("What posts does Sun Hongliang hold?")
['孙洪亮']
>>> finder.find("Where did Wang Chen speak?")
['王琛']
>>> finder.find("What must a first secretary do?")
[]
>>> finder.candidates("Did Guangzhou's Shaoxing No. 1 school take part?")
[['guang', 'zhou'], ['shao', 'xing']]
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Capitalised words, one to three of them (Sun Hongliang, Xi'an, Shaoxing No. 1): candidates for names.
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’-]?[a-z]+)*(?:[ -][A-Z][a-z]+(?:['’-]?[a-z]+)*){0,2}\b")
_NOT_NAMES = {"what", "which", "who", "whom", "whose", "how", "when", "where", "why", "does", "do", "did", "is",
              "are", "was", "were", "the", "a", "an", "in", "on", "according", "under", "party", "communist",
              "china", "chinese", "central", "committee", "secretary", "must", "should", "can", "may", "and",
              "or", "of", "for", "to", "by", "with", "from", "at", "as", "if", "about", "list", "name", "give",
              "tell", "show", "explain", "describe", "compare", "please", "i", "we", "you", "they", "it", "this",
              "that", "these", "those", "there", "any", "all", "each", "every", "top", "ten", "one", "two", "three"}
MAX_SYLLABLES = 4


@lru_cache(maxsize=1)
def all_syllables() -> frozenset:
    """Every toneless pinyin syllable of pypinyin's dictionary (``ü`` written ``v``)."""
    from pypinyin.pinyin_dict import pinyin_dict

    syllables = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
            syllables.add("".join(c for c in plain if not unicodedata.combining(c)).lower())
    # the interjections 嗯 (n, ng), 呣 (m), 哼 (hm, hng) would cut English words into letters
    return frozenset(s for s in syllables if s.isalpha() and s not in ("n", "ng", "m", "hm", "hng"))


@lru_cache(maxsize=4096)
def _toneless_readings(ch: str) -> frozenset:
    from pypinyin import Style, pinyin

    found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    return frozenset(found[0]) if found else frozenset()


def sounds_alike(a: str, b: str) -> bool:
    """True when two characters share a reading, tones aside: a typist's slip (量 for 亮), not a new word.

    >>> sounds_alike("量", "亮"), sounds_alike("同", "风"), sounds_alike("慎", "亮")
    (True, False, False)
    """
    return a == b or bool(_toneless_readings(a) & _toneless_readings(b))


class NameFinder:
    """Find, in the texts it was fitted on, the Chinese characters that a pinyin name reads as.

    Fit once on the corpus's sentences; :meth:`find` is cheap enough for every English question.
    """

    def fit(self, texts):
        """Keep the texts to search; returns ``self``. The readings are learnt on the first name asked
        about, so that a corpus asked only in Chinese never pays for them."""
        self.texts_ = [t for t in texts if t]
        return self

    @property
    def syllables_(self) -> frozenset:
        """The pinyin syllables (:func:`all_syllables`), loaded on the first English name asked about."""
        return all_syllables()

    def readings(self) -> dict:
        """Each Chinese character of the texts → its toneless readings (all of them for heteronyms)."""
        if getattr(self, "readings_", None) is None:
            from pypinyin import Style, pinyin

            chars = sorted({ch for text in self.texts_ for ch in _CJK.findall(text)})
            options = pinyin(chars, style=Style.NORMAL, heteronym=True, errors="ignore") if chars else []
            self.readings_ = {ch: frozenset(r.replace("ü", "v") for r in found) for ch, found in zip(chars, options)}
        return self.readings_

    def syllabify(self, word: str):
        """Cut a romanised word into pinyin syllables (``hongliang`` → ``['hong', 'liang']``), or ``None``.

        Prefers the cut with the fewest syllables, and among those the one whose first syllable is longest.
        """
        word = re.sub(r"['’-]", "", word.lower()).replace("ü", "v")
        best = {0: []}
        for end in range(1, len(word) + 1):
            options = [best[start] + [word[start:end]] for start in range(max(0, end - 6), end)
                       if start in best and word[start:end] in self.syllables_]
            if options:
                best[end] = min(options, key=len)
        return best.get(len(word))

    def candidates(self, question: str) -> list:
        """Runs of capitalised words in an English question that read as pinyin, as syllable lists
        (``Guangzhou's`` → ``['guang', 'zhou']``; ``Shaoxing No. 1`` → ``['shao', 'xing']``)."""
        found = []
        for match in _CAPITALISED.finditer(question):
            run = []
            for word in re.split(r"[ -]", match.group(0)) + [""]:
                possessive = re.search(r"['’]s$", word)
                word = word[:possessive.start()] if possessive else word
                cut = self.syllabify(word) if word and word.lower() not in _NOT_NAMES else None
                if cut:
                    run += cut
                    if not possessive:  # Guangzhou's ends a name
                        continue
                if 2 <= len(run) <= MAX_SYLLABLES:
                    found.append(run)
                run = []
        return found

    def find(self, question: str) -> list:
        """The Chinese strings of the texts that the names of ``question`` read as, most frequent first."""
        if not getattr(self, "texts_", None):
            return []
        out = []
        for syllables in self.candidates(question):
            readings = self.readings()
            counts = Counter()
            first = syllables[0]
            for text in self.texts_:
                for i, ch in enumerate(text):
                    if first in readings.get(ch, ()) and i + len(syllables) <= len(text) and all(
                            s in readings.get(text[i + j], ()) for j, s in enumerate(syllables)):
                        counts[text[i:i + len(syllables)]] += 1
            out.extend(name for name, _ in counts.most_common(2))
        return list(dict.fromkeys(out))
