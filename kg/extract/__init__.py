"""Extraction: plain functions ``(Document, Lexicon) -> list[fact]``, listed in one tuple.

:func:`extract_facts` runs them all on one document and sorts the results into a
:class:`kg.facts.FactSet`.
"""

from __future__ import annotations

from ..facts import ChainLink, Duty, FactSet, Formula, Holding, Mention, Problem
from .chains import extract_chains
from .duties import extract_duties
from .formulae import extract_formulae
from .mentions import extract_mentions, sentence_evidence
from .posts import extract_holdings
from .problems import extract_problems
from .roles import discover_terms

EXTRACTORS = (
    extract_mentions,
    extract_formulae,
    extract_duties,
    extract_holdings,
    extract_problems,
    extract_chains,
)

_FIELDS = {Mention: "mentions", Formula: "formulae", Duty: "duties", Holding: "holdings",
           Problem: "problems", ChainLink: "chains"}


def extract_facts(doc, lexicon, extractors=None) -> FactSet:
    """Run every extractor on ``doc`` and collect the facts by type."""
    facts = FactSet(doc.doc_id)
    for extractor in extractors if extractors is not None else EXTRACTORS:
        for fact in extractor(doc, lexicon):
            getattr(facts, _FIELDS[type(fact)]).append(fact)
    return facts


__all__ = ["EXTRACTORS", "discover_terms", "extract_facts", "extract_chains", "extract_duties", "extract_formulae",
           "extract_holdings", "extract_mentions", "extract_problems", "sentence_evidence"]
