"""Where the bundled ontology, sample corpus and explorer live, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries the folders under kg/_data; a checkout (or editable install) has them
    # at the top of the repository.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from this installation of kg")


def ontology_dir() -> Path:
    """The folder of Turtle files: vocabulary, shapes, lexicon, glossary."""
    return _find("ontology")


def sample_corpus_dir() -> Path:
    """The project's own sample texts, the default corpus."""
    return _find("corpus")


def app_dir() -> Path:
    """The Streamlit explorer's folder."""
    return _find("app")
