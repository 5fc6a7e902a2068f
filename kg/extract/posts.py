"""Posts: placeholder until its extractor lands (returns no facts)."""


def extract_holdings(doc, lexicon) -> list:
    """No facts yet."""
    return []
