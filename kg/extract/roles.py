"""Roles: placeholder until discovery lands (discovers nothing)."""


def discover_terms(documents, lexicon) -> list:
    """No new terms yet."""
    return []
