"""Duties: placeholder until its extractor lands (returns no facts)."""


def extract_duties(doc, lexicon) -> list:
    """No facts yet."""
    return []
