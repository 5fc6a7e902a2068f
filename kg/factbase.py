"""The fact base: the facts of a corpus indexed for questions (by bearer, post, formula, concern).

It is a read-only view built once from documents and their fact sets; the RDF graph holds the same
facts (see :mod:`kg.graph`), and :mod:`kg.network` draws the chains.
"""

from __future__ import annotations

from collections import defaultdict

from .normalize import label_key


class FactBase:
    """Facts of a corpus, with the lookups that answering needs."""

    def __init__(self, documents, factsets, lexicon):
        self.documents = {d.doc_id: d for d in documents}
        self.factsets = list(factsets)
        self.lexicon = lexicon
        self.duties = [d for fs in self.factsets for d in fs.duties]
        self.holdings = [h for fs in self.factsets for h in fs.holdings]
        self.formulae = [f for fs in self.factsets for f in fs.formulae]
        self.problems = [p for fs in self.factsets for p in fs.problems]
        self.chains = [c for fs in self.factsets for c in fs.chains]
        self.mentions = [m for fs in self.factsets for m in fs.mentions]
        self._duties_by_bearer = defaultdict(list)
        for duty in self.duties:
            if duty.bearer is not None:
                self._duties_by_bearer[duty.bearer.key].append(duty)
        self._formulae_by_key = defaultdict(list)
        for formula in self.formulae:
            self._formulae_by_key[formula_key(formula)].append(formula)
        self._problems_by_concern = defaultdict(list)
        for problem in self.problems:
            if problem.concerns is not None:
                self._problems_by_concern[problem.concerns.key].append(problem)

    def duties_of(self, key: str) -> list:
        """The duties whose bearer is the term ``key`` (in document order)."""
        return list(self._duties_by_bearer.get(key, ()))

    def posts_held_by(self, key: str) -> list:
        """Holdings in which ``key`` holds (or concurrently holds) a post."""
        return [h for h in self.holdings if h.holder.key == key]

    def holders_of(self, key: str) -> list:
        """Holdings in which the post ``key`` is held by some role."""
        return [h for h in self.holdings if h.post.key == key]

    def formulae_named(self, key: str) -> list:
        """The formulae found in the texts under a term key (a glossary key or ``found:NAME``)."""
        return list(self._formulae_by_key.get(key, ()))

    def problems_of(self, key: str) -> list:
        """The problems reported about the term ``key``."""
        return list(self._problems_by_concern.get(key, ()))

    def roles_with_duties(self) -> list:
        """The keys of every bearer that has at least one duty."""
        return sorted(self._duties_by_bearer)


def formula_key(formula) -> str:
    """The term key a formula found in a text links to: its glossary key, else ``found:`` + its name."""
    return formula.key or "found:" + label_key(formula.name)
