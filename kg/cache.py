"""Built graphs kept on disk for the command line: the same texts, read by the same code, are built once.

``kg ask`` on an unchanged corpus spends most of its time building the graph again. The command line
(:func:`kg.knowledge.open_graph` with ``cache=True``) keeps each built graph as a file of
:meth:`kg.KnowledgeGraph.save` under the cache folder, named by a key over

* every text as read (its name, path and characters),
* kg's own code and its ontology files (any change to them builds again),
* the save format.

So a cached graph is always the graph a build would make now. At most :data:`KEPT` graphs are kept, the
least recently used are removed first. The cache folder is ``$KG_CACHE_DIR``, else
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``; ``KG_CACHE=0`` turns the cache off. Beside each graph, the
tokens of its text indexes are kept once its first question has built them. A cache that cannot be read or
written is passed over silently: it only ever saves time.

>>> len(code_fingerprint())
64
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from .errors import KgError
from .resources import ontology_dir

KEPT = 8
_PACKAGE = Path(__file__).resolve().parent
_SUFFIX = ".kg.json.gz"
_TOKENS = ".tokens.json.gz"


def cache_dir():
    """The folder cached graphs live in, or ``None`` when ``KG_CACHE`` turns the cache off."""
    if os.environ.get("KG_CACHE", "").strip().lower() in ("0", "off", "no", "false"):
        return None
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of kg's Python files and ontology files: what a build's result depends on besides the texts."""
    digest = hashlib.sha256()
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(p for p in ontology_dir().rglob("*") if p.is_file())
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_key(sources, save_format) -> str:
    """The key of a build of ``sources`` (:class:`kg.reading.Source`) by this code."""
    digest = hashlib.sha256(f"{save_format}\n{code_fingerprint()}\n".encode())
    for source in sources:
        for part in (source.doc_id, str(source.path), source.encoding, source.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()[:40]


def cached_graph(key):
    """The graph saved under ``key``, or ``None`` (not cached, cache off, or unreadable: then removed)."""
    from .knowledge import KnowledgeGraph

    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{key}{_SUFFIX}"
    if not path.is_file():
        return None
    try:
        kg = KnowledgeGraph.load(path)
        os.utime(path)  # recently used
        return kg
    except (KgError, OSError, KeyError, TypeError, ValueError):
        _remove(path)
        return None


def keep_graph(kg, key) -> None:
    """Save a built graph under ``key`` and drop the least recently used beyond :data:`KEPT`."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kg.save(folder / f"{key}{_SUFFIX}")
        kept = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    except (OSError, KgError):
        return
    for old in kept[KEPT:]:
        _remove(old)
        _remove(old.with_name(old.name[:-len(_SUFFIX)] + _TOKENS))


def cached_tokens(key):
    """The index tokens kept for the graph under ``key`` (``{text: (token, …)}``), or ``None``."""
    folder = cache_dir()
    path = folder / f"{key}{_TOKENS}" if folder is not None else None
    if path is None or not path.is_file() or not (folder / f"{key}{_SUFFIX}").is_file():
        return None
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            found = json.load(handle)
        return {text: tuple(tokens) for text, tokens in found.items()}
    except (OSError, EOFError, ValueError, AttributeError, TypeError):
        _remove(path)
        return None


def keep_tokens(key, tokens) -> None:
    """Keep the index tokens of the graph under ``key`` beside it (the first question then segments nothing)."""
    from .files import written_atomically

    folder = cache_dir()
    if folder is None or not (folder / f"{key}{_SUFFIX}").is_file():
        return
    try:
        with written_atomically(folder / f"{key}{_TOKENS}", "cached tokens") as raw, \
                gzip.open(raw, "wt", encoding="utf-8") as handle:
            json.dump({text: list(found) for text, found in tokens.items()}, handle, ensure_ascii=False)
    except (OSError, KgError):
        return


def _remove(path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
