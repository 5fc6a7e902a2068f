"""Chains: placeholder until its extractor lands (returns no facts)."""


def extract_chains(doc, lexicon) -> list:
    """No facts yet."""
    return []
