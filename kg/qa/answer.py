"""Answers: the text, the evidence sentences with their offsets, and how the answer came about.

>>> a = Answer("第一书记要做什么？", "zh", "role_duties", "……",
...            evidence=[EvidenceItem("report", "党组书记担任第一书记。", 10, 21, 0.9)])
>>> a.to_dict()["evidence"][0]["start"]
10
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence sentence: ``document.text[start:end] == text``."""

    doc: str
    text: str
    start: int
    end: int
    score: float = 0.0
    section: str = ""

    def to_dict(self) -> dict:
        """The contract's shape: doc, text, start, end, score (and the section path)."""
        return {"doc": self.doc, "text": self.text, "start": self.start, "end": self.end,
                "score": round(float(self.score), 4), "section": self.section}


@dataclass
class Answer:
    """What ``KnowledgeGraph.ask`` returns."""

    question: str
    language: str
    intent: str
    text: str
    evidence: list = field(default_factory=list)
    entities: list = field(default_factory=list)   # [{"iri": …, "label": …, "kind": …}]
    trace: dict = field(default_factory=dict)
    answered: bool = True

    def to_dict(self) -> dict:
        """The JSON object of the ``kg ask --json`` contract."""
        return {
            "question": self.question,
            "language": self.language,
            "intent": self.intent,
            "answer": self.text,
            "entities": list(self.entities),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    def explain(self) -> str:
        """A readable account of how the question was understood and answered."""
        lines = [f"intent: {self.intent}", f"language: {self.language}"]
        for key, value in self.trace.items():
            lines.append(f"{key}: {value}")
        return "\n".join(lines)

    def __str__(self):
        return self.text
