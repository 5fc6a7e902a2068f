"""Extraction: plain functions ``(Document, Lexicon) -> list[fact]``, listed in one tuple.

:func:`extract_facts` runs them all on one document and sorts the results into a
:class:`kg.facts.FactSet`.

A build (:class:`kg.KnowledgeGraph`) runs them in two groups. The readers (every extractor but the
mention finder) read each document once, with the curated lexicon only, and the terms the document
discovers come from those same readings (:func:`read_document`); so what a document says depends on
that document alone. The mention finder (:data:`LEXICON_WIDE`) then runs with the curated lexicon and
every discovered term, so a role one text discovers is also found where another text names it.
"""

from __future__ import annotations

from dataclasses import replace

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

# Extractors that look names up across the whole lexicon, discovered terms included; they run after
# every document has been read.
LEXICON_WIDE = (extract_mentions,)

_FIELDS = {Mention: "mentions", Formula: "formulae", Duty: "duties", Holding: "holdings",
           Problem: "problems", ChainLink: "chains"}


def extract_facts(doc, lexicon, extractors=None) -> FactSet:
    """Run every extractor on ``doc`` and collect the facts by type."""
    return _add_facts(FactSet(doc.doc_id), doc, lexicon, extractors if extractors is not None else EXTRACTORS)


def _add_facts(facts, doc, lexicon, extractors):
    for extractor in extractors:
        for fact in extractor(doc, lexicon):
            getattr(facts, _FIELDS[type(fact)]).append(fact)
    return facts


def read_document(doc, lexicon, extractors=None):
    """Read one document with the readers of ``extractors`` (those not in :data:`LEXICON_WIDE`):
    ``(facts, terms)``, its :class:`kg.facts.FactSet` and the terms it discovers.

    The terms come from the readings the facts came from (:func:`discover_terms` finds them cached).

    >>> from kg.document import parse_document
    >>> from kg.lexicon import Lexicon, Term
    >>> lex = Lexicon([Term("PartyBranch", "organization", "党支部")])
    >>> doc = parse_document("三、对策措施\\n（一）配强力量。党建指导员每月到所联系党支部指导工作。\\n", "demo")
    >>> facts, terms = read_document(doc, lex)
    >>> [d.bearer.label for d in facts.duties], [t.key for t in terms], facts.mentions
    (['党建指导员'], ['found:党建指导员'], [])
    """
    readers = [e for e in (extractors if extractors is not None else EXTRACTORS) if e not in LEXICON_WIDE]
    facts = extract_facts(doc, lexicon, readers)
    return facts, discover_terms([doc], lexicon)


def add_lexicon_wide(facts, doc, lexicon, extractors=None):
    """Add to ``facts`` what the :data:`LEXICON_WIDE` extractors among ``extractors`` find in ``doc``
    with ``lexicon`` (the curated one and every discovered term); returns ``facts``."""
    wide = [e for e in (extractors if extractors is not None else EXTRACTORS) if e in LEXICON_WIDE]
    return _add_facts(facts, doc, lexicon, wide)


def reader_facts(facts):
    """A copy of ``facts`` without what the :data:`LEXICON_WIDE` extractors found (its mentions)."""
    return replace(facts, mentions=[])


__all__ = ["EXTRACTORS", "LEXICON_WIDE", "add_lexicon_wide", "discover_terms", "extract_chains", "extract_duties",
           "extract_facts", "extract_formulae", "extract_holdings", "extract_mentions", "extract_problems",
           "read_document", "reader_facts", "sentence_evidence"]
