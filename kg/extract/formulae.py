"""Formulae: placeholder until its extractor lands (returns no facts)."""


def extract_formulae(doc, lexicon) -> list:
    """No facts yet."""
    return []
