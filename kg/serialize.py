"""Documents and facts to JSON and back, exactly (a safe alternative to pickle for saving and stores).

>>> from kg.document import parse_document
>>> doc = parse_document("一、做法\\n党组每月学习1次。", "demo")
>>> document_from_json(document_to_json(doc)) == doc
True
"""

from __future__ import annotations

import dataclasses
import json

from . import facts as facts_module
from .document import Document, Paragraph, Section, Sentence
from .lexicon import Term

_TYPES = {cls.__name__: cls for cls in (
    facts_module.Evidence, facts_module.EntityRef, facts_module.Mention, facts_module.FormulaPart,
    facts_module.Formula, facts_module.Frequency, facts_module.Duty, facts_module.Holding, facts_module.Problem,
    facts_module.ChainLink, Section, Paragraph, Sentence, Term)}


def to_plain(value):
    """A JSON-ready structure; dataclasses carry their type name under ``"@"``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {"@": type(value).__name__}
        for field in dataclasses.fields(value):
            data[field.name] = to_plain(getattr(value, field.name))
        return data
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    return value


def from_plain(value, as_tuple=False):
    """The inverse of :func:`to_plain` (lists inside frozen records come back as tuples)."""
    if isinstance(value, dict) and "@" in value:
        cls = _TYPES[value["@"]]
        kwargs = {}
        for field in dataclasses.fields(cls):
            if field.name in value:
                kwargs[field.name] = from_plain(value[field.name], as_tuple=True)
        return cls(**kwargs)
    if isinstance(value, list):
        items = [from_plain(v, as_tuple=as_tuple) for v in value]
        return tuple(items) if as_tuple else items
    return value


def document_to_json(doc: Document) -> str:
    """One document (text and structure) as a JSON string."""
    return json.dumps({"doc_id": doc.doc_id, "text": doc.text, "title": doc.title, "path": doc.path,
                       "encoding": doc.encoding, "sections": to_plain(doc.sections),
                       "paragraphs": to_plain(doc.paragraphs), "sentences": to_plain(doc.sentences)},
                      ensure_ascii=False)


def document_from_json(text: str) -> Document:
    """A document from :func:`document_to_json`."""
    data = json.loads(text)
    return Document(doc_id=data["doc_id"], text=data["text"], title=data["title"], path=data["path"],
                    encoding=data["encoding"], sections=list(from_plain(data["sections"])),
                    paragraphs=list(from_plain(data["paragraphs"])), sentences=list(from_plain(data["sentences"])))


def factset_to_json(factset) -> str:
    """One document's facts as a JSON string."""
    return json.dumps({name: to_plain(getattr(factset, name)) for name in _FACTSET_FIELDS} | {"doc_id": factset.doc_id},
                      ensure_ascii=False)


def factset_from_json(text: str):
    """A :class:`kg.facts.FactSet` from :func:`factset_to_json`."""
    data = json.loads(text)
    return facts_module.FactSet(data["doc_id"], **{name: list(from_plain(data[name])) for name in _FACTSET_FIELDS})


def terms_to_json(terms) -> str:
    """Lexicon terms as a JSON string."""
    return json.dumps(to_plain(list(terms)), ensure_ascii=False)


def terms_from_json(text: str) -> list:
    """Lexicon terms from :func:`terms_to_json`."""
    return list(from_plain(json.loads(text)))


_FACTSET_FIELDS = ("mentions", "formulae", "duties", "holdings", "problems", "chains")
