"""Question answering: read the question, find the facts, rank them, answer with evidence."""

from .answer import Answer, EvidenceItem
from .intents import INTENTS, classify_intent
from .question import Question, parse_question

__all__ = ["Answer", "EvidenceItem", "INTENTS", "Question", "classify_intent", "parse_question"]
