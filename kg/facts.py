"""Facts: plain frozen records of what a text says, each carrying the sentence it comes from.

Extractors (:mod:`kg.extract`) produce them; :mod:`kg.graph` maps them to RDF in one place.

>>> ev = Evidence("demo", 0, 9, "党组每月学习1次。", 0)
>>> duty = Duty(bearer=EntityRef("PartyGroup", "党组", "organization"), action="学习", modality=OBLIGATION,
...             evidence=ev, frequency=Frequency("month", 1, False, "每月…1次"))
>>> duty.frequency.describe()
'每月1次'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Modalities of a duty.
OBLIGATION, PROHIBITION, DEFAULT, PERMISSION = "obligation", "prohibition", "default", "permission"
MODALITIES = (OBLIGATION, PROHIBITION, DEFAULT, PERMISSION)

# Count checks of a numbered formula.
CONFIRMED, MISMATCH, UNDEFINED = "confirmed", "mismatch", "undefined"

PERIOD_ZH = {"day": "每天", "week": "每周", "month": "每月", "quarter": "每季度", "halfyear": "每半年",
             "year": "每年", "term": "每届", "": ""}
PERIOD_EN = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly",
             "halfyear": "every half year", "year": "yearly", "term": "each term", "": ""}


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact comes from: ``doc.text[start:end] == text``."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence: int = -1


@dataclass(frozen=True)
class EntityRef:
    """A role, organization or formula, by its lexicon key and Chinese label."""

    key: str
    label: str
    kind: str  # role, organization, mechanism


@dataclass(frozen=True)
class Mention:
    """A place where a sentence names an entity."""

    entity: EntityRef
    start: int
    end: int
    surface: str
    evidence: Evidence


@dataclass(frozen=True)
class FormulaPart:
    """One part of a numbered formula, as the text spells it."""

    text: str
    start: int
    end: int
    group: str = ""  # the sub-formula it belongs to (一书两单三会议: 一书, 两单, 三会议)


@dataclass(frozen=True)
class Formula:
    """A numbered formula (数字化表述) found in a text, with its parts and its count check."""

    name: str                  # as written, without quotes: 一书两单三会议
    start: int                 # the name's span
    end: int
    declared_count: int | None  # None when masked (*大先锋行动) or not a count (*+*+N)
    count_masked: bool
    parts: tuple = ()
    status: str = UNDEFINED    # confirmed, mismatch, undefined
    evidence: Evidence = None
    suffix: str = ""           # 制, 机制, 工程, …
    form: str = ""             # how the parts were given: bracket, colon, before, inside, letters
    key: str = ""              # glossary key where a curated formula of that name exists

    @property
    def groups(self) -> dict:
        """The parts grouped by sub-formula, in order."""
        grouped = {}
        for part in self.parts:
            grouped.setdefault(part.group, []).append(part.text)
        return grouped


@dataclass(frozen=True)
class Frequency:
    """How often: a period and a count per period (the count may be masked by ``*``)."""

    period: str           # day, week, month, quarter, halfyear, year, term, or ""
    count: int | None     # None when masked or not said
    masked: bool
    text: str             # the words in the text

    def describe(self, language: str = "zh") -> str:
        """A short reading of the frequency: ``每月1次``, ``monthly, 1 time``."""
        if language == "en":
            count = "a masked number of times" if self.masked else (f"{self.count} time(s)" if self.count else "")
            return ", ".join(x for x in (PERIOD_EN.get(self.period, self.period), count) if x)
        count = "*次（数字已隐去）" if self.masked else (f"{self.count}次" if self.count else "")
        return PERIOD_ZH.get(self.period, self.period) + count


@dataclass(frozen=True)
class Duty:
    """Something a bearer must, must not, may or by default does do."""

    bearer: EntityRef | None
    action: str
    modality: str
    evidence: Evidence
    frequency: Frequency | None = None
    quantity: str = ""
    condition: str = ""
    reported: bool = False    # True: a practice the text reports, not a prescription
    section_kind: str = ""
    start: int = -1           # the action's span in the text, where known
    end: int = -1


@dataclass(frozen=True)
class Holding:
    """A role that holds a post (担任), or holds it concurrently (兼任)."""

    holder: EntityRef
    post: EntityRef
    evidence: Evidence
    concurrent: bool = False
    default_rule: bool = False   # 原则上: a default rule, not an absolute one
    condition: str = ""


@dataclass(frozen=True)
class Problem:
    """A shortcoming a text reports, with whom it concerns and how widespread it is."""

    description: str
    evidence: Evidence
    concerns: EntityRef | None = None
    prevalence: str = ""       # some (有的), several (一些), few (少数), or ""
    breached_duty: str = ""    # the duty it names by its breach, where it names one
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class ChainLink:
    """One step of a chain of responsibility: superior leads or answers for subordinate."""

    superior: EntityRef
    subordinate: EntityRef
    evidence: Evidence
    relation: str = "leads"


FACT_TYPES = (Mention, Formula, Duty, Holding, Problem, ChainLink)


def fact_to_dict(fact) -> dict:
    """A JSON-ready dictionary of any fact, with its type name.

    >>> fact_to_dict(EntityRef("Party", "党", "organization"))["type"]
    'EntityRef'
    """
    data = asdict(fact)
    data["type"] = type(fact).__name__
    return data


@dataclass
class FactSet:
    """All facts of one document, by type."""

    doc_id: str
    mentions: list = field(default_factory=list)
    formulae: list = field(default_factory=list)
    duties: list = field(default_factory=list)
    holdings: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    chains: list = field(default_factory=list)

    def all(self):
        """Every fact, in a stable order."""
        return [*self.mentions, *self.formulae, *self.duties, *self.holdings, *self.problems, *self.chains]

    def __len__(self):
        return len(self.all())
