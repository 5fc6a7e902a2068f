"""Problems: placeholder until its extractor lands (returns no facts)."""


def extract_problems(doc, lexicon) -> list:
    """No facts yet."""
    return []
