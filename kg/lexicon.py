"""The lexicon: names of roles, organizations and formulae, and finding them in text.

Terms come from the curated Turtle files in ``ontology/`` (see :func:`kg.graph.read_terms`) and
from discovery in the texts. Matching folds both sides (:func:`kg.normalize.fold`), so
``党委(组)书记``, ``党委（组）书记`` and ``黨委（組）書記`` all find the same role, and the
leftmost longest name wins (``机关党委`` rather than ``党委``).

>>> lex = Lexicon([Term("FirstSecretary", "role", "第一书记", "first secretary"),
...                Term("PartyCommittee", "organization", "党委", "party committee"),
...                Term("OrganPartyCommittee", "organization", "机关党委", "organ party committee")])
>>> [(m.start, m.end, m.term.key) for m in lex.find("实行党委书记担任机关党委第一书记")]
[(2, 4, 'PartyCommittee'), (8, 12, 'OrganPartyCommittee'), (12, 16, 'FirstSecretary')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .facts import EntityRef
from .normalize import fold


@dataclass(frozen=True)
class Term:
    """A named thing: a role, an organization or a numbered formula."""

    key: str
    kind: str                 # role, organization, mechanism
    zh: str
    en: str = ""
    alt_zh: tuple = ()
    alt_en: tuple = ()
    hidden: tuple = ()
    definition_zh: str = ""
    definition_en: str = ""
    count: int | None = None
    parts: tuple = ()         # ((zh, en), ...) for glossary formulae
    broader: tuple = ()
    superiors: tuple = ()
    discovered: bool = False

    @cached_property
    def ref(self) -> EntityRef:
        """This term as the reference facts carry (made once: readers ask for it at every name they meet)."""
        return EntityRef(self.key, self.zh, self.kind)

    def labels(self, language: str = "zh") -> tuple:
        """All names of the term in one language, preferred first."""
        if language == "en":
            return tuple(x for x in (self.en, *self.alt_en) if x)
        return tuple(x for x in (self.zh, *self.alt_zh, *self.hidden) if x)

    def label(self, language: str = "zh") -> str:
        """The preferred name in a language (the Chinese one when there is no English)."""
        return (self.en or self.zh) if language == "en" else self.zh


@dataclass(frozen=True)
class Match:
    """A place in a text where a term is named."""

    start: int
    end: int
    surface: str
    term: Term


# Surfaces that end inside a longer word: 委员 in 委员会, 党员 in 党员大会 is still a member.
_BLOCKED_AFTER = {"委员": "会", "党委": "会", "书记": "处"}


@dataclass
class Lexicon:
    """A set of terms and a matcher over all their Chinese names (and English names, for questions)."""

    terms: list = field(default_factory=list)

    def __post_init__(self):
        self._by_key = {}
        self._by_surface = {}
        self._by_english = {}
        for term in self.terms:
            self._by_key[term.key] = term
            for label in term.labels("zh"):
                self._by_surface.setdefault(fold(label), term)
            for label in term.labels("en"):
                self._by_english.setdefault(_english_key(label), term)
        self._pattern = re.compile(trie_pattern(self._by_surface)) if self._by_surface else None
        self._by_english_stems = {}
        for term in self.terms:
            for label in term.labels("en"):
                stems = tuple(_english_stems(label))
                if stems:
                    self._by_english_stems.setdefault(stems, term)
        self._english_longest = max((len(k) for k in self._by_english_stems), default=1)

    def __len__(self):
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def get(self, key: str):
        """The term with this key, or ``None``."""
        return self._by_key.get(key)

    def lookup(self, name: str):
        """The term one of whose names is exactly ``name`` (after folding), or ``None``.

        >>> Lexicon([Term("PartyGroup", "organization", "党组", alt_zh=("党组织",))]).lookup("黨組").key
        'PartyGroup'
        """
        return self._by_surface.get(fold(name.strip())) or self._by_english.get(_english_key(name))

    def of_kind(self, kind: str) -> list:
        """The terms of one kind (role, organization, mechanism)."""
        return [t for t in self.terms if t.kind == kind]

    def find(self, text: str, kinds=None) -> list:
        """Every leftmost-longest Chinese name of a term in ``text``, as :class:`Match` spans."""
        if self._pattern is None:
            return []
        folded = fold(text)
        matches = []
        for m in self._pattern.finditer(folded):
            surface = m.group()
            blocked = _BLOCKED_AFTER.get(surface)
            if blocked and folded.startswith(blocked, m.end()):
                continue
            term = self._by_surface[surface]
            if kinds and term.kind not in kinds:
                continue
            matches.append(Match(m.start(), m.end(), text[m.start():m.end()], term))
        return matches

    def longest_at(self, folded: str, pos: int, endpos: int):
        """The longest name that starts at ``pos`` of a folded text and ends by ``endpos``, as
        ``(surface, term)``, or ``None``. Unlike :meth:`find`, no surface is blocked by what follows it.

        >>> lex = Lexicon([Term("PC", "organization", "党委"), Term("OPC", "organization", "党委办公室")])
        >>> lex.longest_at("由党委办公室负责", 1, 8)[0], lex.longest_at("由党委办公室负责", 1, 5)[0]
        ('党委办公室', '党委')
        """
        m = self._pattern.match(folded, pos, endpos) if self._pattern is not None else None
        return (m.group(), self._by_surface[m.group()]) if m else None

    def last_chars(self) -> frozenset:
        """The characters that end some folded Chinese name."""
        return frozenset(surface[-1] for surface in self._by_surface if surface)

    def find_english(self, text: str) -> list:
        """Terms named in English in ``text``: word stems compared, so case, plurals and small words
        (and, of, the) do not matter ("three shows" finds "three showings").

        >>> lex = Lexicon([Term("FS", "role", "第一书记", "first secretary")])
        >>> [m.term.zh for m in lex.find_english("What must First Secretaries do?")]
        ['第一书记']

        A name after "non-" is not named: a non-party organization is no party organization.
        """
        words = _english_stems(text)
        found, i = [], 0
        while i < len(words):
            for n in range(min(self._english_longest, len(words) - i), 0, -1):
                term = self._by_english_stems.get(tuple(words[i:i + n]))
                if term is not None and i > 0 and words[i - 1] == "non":
                    i += n
                    break
                if term is not None:
                    found.append(Match(i, i + n, " ".join(words[i:i + n]), term))
                    i += n
                    break
            else:
                i += 1
        return found

    def with_terms(self, extra) -> "Lexicon":
        """A new lexicon with more terms (discovered ones, say); keys already present are kept."""
        known = set(self._by_key)
        return Lexicon(self.terms + [t for t in extra if t.key not in known])


def trie_pattern(words) -> str:
    """A regular expression that matches the longest of ``words`` at a position, as one alternation of
    ``"|".join`` sorted longest first would, but with shared beginnings merged (党(?:委(?:员会)?|支部)):
    the regular expression engine then tries one branch per character instead of every word.

    >>> pattern = re.compile(trie_pattern(["党委", "党委员会", "党支部", "支部"]))
    >>> [m.group() for m in pattern.finditer("党委员会和党支部、支部和党委")]
    ['党委员会', '党支部', '支部', '党委']
    """
    trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:   # a word ends here: the longer ones are tried first, greedily
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


_ENGLISH_SMALL = frozenset("a an the of and in on for to at by s".split())


def _english_stems(text: str) -> list:
    from .translate import stem

    words = re.findall(r"[a-z0-9*+]+", text.lower().replace("’", "'").replace("'s", ""))
    return [stem(w) for w in words if w not in _ENGLISH_SMALL]


def _english_key(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[\"'`]", "", text)
    return re.sub(r"[\s\-_]+", " ", text).strip()


def load_lexicon() -> Lexicon:
    """The curated lexicon and glossary shipped in ``ontology/``.

    Read once per process while the files stay as they are (every graph starts from it, and reading it
    takes a tenth of a second); a lexicon is never changed in place, so graphs can share it.

    >>> load_lexicon() is load_lexicon()
    True
    """
    from .graph import ONTOLOGY_FILES
    from .resources import ontology_dir

    stamp = []
    for name in ONTOLOGY_FILES:
        path = ontology_dir() / name
        stat = path.stat() if path.exists() else None
        stamp.append((str(path), stat.st_mtime_ns, stat.st_size) if stat else (str(path), None, None))
    stamp = tuple(stamp)
    if _LOADED.get("stamp") != stamp:
        _LOADED.update(stamp=stamp, lexicon=_read_lexicon())
    return _LOADED["lexicon"]


_LOADED = {}


def _read_lexicon() -> Lexicon:
    from .graph import read_terms

    terms = []
    for t in read_terms():
        terms.append(Term(key=t["key"], kind=t["kind"], zh=t["zh"], en=t["en"], alt_zh=tuple(t["alt_zh"]),
                          alt_en=tuple(t["alt_en"]), hidden=tuple(t["hidden"]),
                          definition_zh=t["definition_zh"], definition_en=t["definition_en"],
                          count=t["count"], parts=tuple(t["parts"]), broader=tuple(t["broader"]),
                          superiors=tuple(t["superiors"])))
    return Lexicon(terms)
