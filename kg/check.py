"""Checks: what a reader should look at twice, such as formulae whose count does not add up.

>>> from kg.facts import Evidence, FactSet, Formula, FormulaPart
>>> ev = Evidence("demo", 0, 24, "全镇落实“两公开”：党务公开、村务公开、财务公开。", 0)
>>> parts = (FormulaPart("党务公开", 10, 14), FormulaPart("村务公开", 15, 19), FormulaPart("财务公开", 20, 24))
>>> facts = FactSet("demo", formulae=[Formula("两公开", 5, 8, 2, False, parts, "mismatch", ev)])
>>> row = check_formulae([facts])[0]
>>> row["name"], row["declared_count"], row["parts_found"], row["status"]
('两公开', 2, 3, 'mismatch')
"""

from __future__ import annotations

from .facts import MISMATCH, UNDEFINED

CHECKED_STATUSES = (MISMATCH, UNDEFINED)


def check_formulae(factsets, statuses=CHECKED_STATUSES) -> list:
    """Every formula whose count check is a mismatch or that its text does not define.

    Nothing is dropped: an undefined formula may be public knowledge (see the glossary, ``key``),
    a mismatch may be a misreading or an incomplete text; both are for a reader to judge.

    Parameters
    ----------
    factsets : iterable of kg.facts.FactSet
        The facts of one or more documents.
    statuses : tuple of str, optional
        The statuses to report (mismatch and undefined by default).

    Returns
    -------
    list of dict
        One row per formula, in document order: ``doc``, ``name``, ``key`` (glossary key or ""),
        ``declared_count`` (None when masked or not a count), ``count_masked``, ``parts_found``,
        ``parts`` (their texts), ``status``, ``sentence`` (the evidence text), ``start``, ``end``
        (the name's span in the document's text).
    """
    rows = []
    for facts in factsets:
        for formula in sorted(facts.formulae, key=lambda f: f.start):
            if formula.status not in statuses:
                continue
            evidence = formula.evidence
            rows.append({
                "doc": facts.doc_id,
                "name": formula.name,
                "key": formula.key,
                "declared_count": formula.declared_count,
                "count_masked": formula.count_masked,
                "parts_found": len(formula.parts),
                "parts": [part.text for part in formula.parts],
                "status": formula.status,
                "sentence": evidence.text if evidence is not None else "",
                "start": formula.start,
                "end": formula.end,
            })
    return rows
