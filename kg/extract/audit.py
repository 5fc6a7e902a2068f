"""Audit of the duty facts: roles the texts name but give no duty, and duties nobody bears.

:func:`check_facts` returns plain dictionaries, one per finding, for ``kg check`` to print.

>>> from kg.document import parse_document
>>> from kg.extract import extract_facts
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("PartyGroup", "organization", "党组"), Term("FirstSecretary", "role", "第一书记")])
>>> doc = parse_document("三、对策措施\\n（一）压实责任。党组履行主体责任。第一书记的作用要加强。严格落实制度。\\n", "d")
>>> [(f["check"], f.get("label") or f.get("action")) for f in check_facts([doc], [extract_facts(doc, lex)], lex)]
[('role_without_duties', '第一书记'), ('unresolved_bearer', '第一书记的作用要加强'), ('unresolved_bearer', '严格落实制度')]
"""

from __future__ import annotations

ROLE_WITHOUT_DUTIES, UNRESOLVED_BEARER = "role_without_duties", "unresolved_bearer"


def _borne(factsets) -> set:
    """Keys of every role that bears a duty, itself or through a post it holds."""
    bearers = {d.bearer.key for fs in factsets for d in fs.duties if d.bearer is not None}
    for fs in factsets:
        for h in fs.holdings:
            if h.post.key in bearers:
                bearers.add(h.holder.key)
    return bearers


def _mentioned_roles(documents, lexicon) -> dict:
    """Roles named anywhere in the texts: key → (label, number of mentions)."""
    counts = {}
    for doc in documents:
        for sentence in doc.sentences:
            for match in lexicon.find(sentence.text, kinds=("role",)):
                label, n = counts.get(match.term.key, (match.term.zh, 0))
                counts[match.term.key] = (label, n + 1)
    return counts


def check_facts(documents, factsets, lexicon) -> list:
    """Findings about duties: roles with no duty (even through a post they hold), and duties without a bearer.

    Parameters
    ----------
    documents : list of kg.document.Document
    factsets : list of kg.facts.FactSet
        The facts of each document (any order).
    lexicon : kg.lexicon.Lexicon
        The lexicon the facts were extracted with (discovered terms included).

    Returns
    -------
    list of dict
        ``{"check": "role_without_duties", "key", "label", "mentions"}`` and
        ``{"check": "unresolved_bearer", "doc_id", "sentence", "start", "end", "action"}``;
        reported practices are not checked for a bearer.
    """
    findings = []
    borne = _borne(factsets)
    mentioned = _mentioned_roles(documents, lexicon)
    for key, (label, n) in mentioned.items():
        if key not in borne:
            findings.append({"check": ROLE_WITHOUT_DUTIES, "key": key, "label": label, "mentions": n})
    for term in lexicon:   # discovered roles are found as subjects, so they are named at least once
        if term.discovered and term.kind == "role" and term.key not in borne and term.key not in mentioned:
            findings.append({"check": ROLE_WITHOUT_DUTIES, "key": term.key, "label": term.zh, "mentions": 1})
    for fs in factsets:
        for duty in fs.duties:
            if duty.bearer is None and not duty.reported:
                findings.append({"check": UNRESOLVED_BEARER, "doc_id": duty.evidence.doc_id,
                                 "sentence": duty.evidence.text, "start": duty.start, "end": duty.end,
                                 "action": duty.action})
    return findings
