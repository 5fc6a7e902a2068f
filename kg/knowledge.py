"""The :class:`KnowledgeGraph`: read a corpus once, then ask it many questions.

>>> kg = KnowledgeGraph().fit(texts={"demo": "三、对策措施\\n（一）抓责任。党组成员每季专题研究1次党建工作。"})
>>> answer = kg.ask("党组成员多久研究一次党建工作？")
>>> answer.evidence[0].text
'党组成员每季专题研究1次党建工作。'
>>> kg.documents_[0].text[answer.evidence[0].start:answer.evidence[0].end] == answer.evidence[0].text
True
"""

from __future__ import annotations

import gzip
import json
import os
import threading
import time
from pathlib import Path

from .document import parse_document
from .errors import KgError, NotBuiltError
from .extract import discover_terms, extract_facts
from .factbase import FactBase, formula_key
from .formula_names import english_formula_name
from .index import PassageIndex, TextIndex, shared_tokenizer
from .lexicon import Lexicon, Term, load_lexicon
from .reading import DEFAULT_MAX_BYTES, read_corpus, read_text
from .resources import sample_corpus_dir
from .serialize import (document_from_json, document_to_json, factset_from_json, factset_to_json, terms_from_json,
                        terms_to_json)

SAVE_FORMAT = 2


class KnowledgeGraph:
    """Documents, facts, the RDF graph and the indexes of one corpus.

    Parameters
    ----------
    lexicon : kg.lexicon.Lexicon or None
        The curated terms; the bundled lexicon and glossary when ``None``.
    extractors : tuple or None
        The extractor functions to run; all of :data:`kg.extract.EXTRACTORS` when ``None``.
    max_bytes : int
        Files larger than this are refused with an error.
    """

    def __init__(self, lexicon=None, extractors=None, max_bytes=DEFAULT_MAX_BYTES):
        self.lexicon = lexicon
        self.extractors = extractors
        self.max_bytes = max_bytes

    # ------------------------------------------------------------------ building
    def fit(self, corpus=None, texts=None):
        """Read and extract a corpus; returns ``self``.

        Parameters
        ----------
        corpus : path or list of paths, optional
            Files and folders of ``.txt``/``.md`` texts. The bundled sample corpus when both
            ``corpus`` and ``texts`` are ``None``.
        texts : dict or list of str, optional
            Texts already in memory, by name (a list gets names ``text1``, ``text2``…).
        """
        started = time.perf_counter()
        sources, errors = [], []
        if corpus is None and texts is None:
            corpus = sample_corpus_dir()
        if corpus is not None:
            read = read_corpus(corpus, max_bytes=self.max_bytes)
            sources.extend(read.sources)
            errors.extend(read.errors)
        if texts is not None:
            items = texts.items() if isinstance(texts, dict) else ((f"text{i}", t) for i, t in enumerate(texts, 1))
            for name, text in items:
                sources.append(read_text(text, name=name))
        if not sources:
            raise KgError("nothing to build: give at least one readable text")
        self.read_errors_ = errors
        documents = [parse_document(s.text, s.doc_id, path=s.path, encoding=s.encoding) for s in sources]
        self._build(documents)
        self.build_seconds_ = time.perf_counter() - started
        return self

    def _build(self, documents):
        base = self.lexicon if self.lexicon is not None else load_lexicon()
        lexicon = base.with_terms(discover_terms(documents, base))
        factsets = [extract_facts(doc, lexicon, self.extractors) for doc in documents]
        lexicon = lexicon.with_terms(_formula_terms(factsets))
        self.documents_ = documents
        self.lexicon_ = lexicon
        self.factsets_ = factsets
        self._index()

    def _index(self):
        self.facts_ = FactBase(self.documents_, self.factsets_, self.lexicon_)
        words = [label for term in self.lexicon_ for label in term.labels("zh")]
        self.tokenizer_ = shared_tokenizer(words)
        self.sentences_ = [(doc, s) for doc in self.documents_ for s in doc.sentences]
        self.sentence_index_ = TextIndex(self.tokenizer_).fit(s.text for _, s in self.sentences_)
        self._sentence_position = {(doc.doc_id, s.index): i for i, (doc, s) in enumerate(self.sentences_)}
        self.passage_index_ = PassageIndex(self.tokenizer_).fit(s.text for _, s in self.sentences_)
        duty_texts = [f"{d.bearer.label if d.bearer else ''} {d.action} {d.evidence.text}" for d in self.facts_.duties]
        self.duty_index_ = TextIndex(self.tokenizer_).fit(duty_texts)
        self._graph = None
        self._graph_lock = threading.Lock()

    def _check_fitted(self):
        if not hasattr(self, "documents_"):
            raise NotBuiltError("this KnowledgeGraph has not been built: call fit() or KnowledgeGraph.load() first")

    # ------------------------------------------------------------------ using
    def document(self, doc_id: str):
        """The document with this identifier."""
        self._check_fitted()
        for doc in self.documents_:
            if doc.doc_id == doc_id:
                return doc
        raise KgError(f"no document {doc_id!r} in this graph; it has {', '.join(d.doc_id for d in self.documents_)}")

    def sentence_position(self, doc_id: str, sentence_index: int) -> int:
        """The position of a sentence in the corpus-wide sentence index."""
        return self._sentence_position[(doc_id, sentence_index)]

    def ask(self, question, top_k: int = 5):
        """Answer a question (Chinese or English) with evidence sentences; returns an :class:`kg.qa.Answer`."""
        self._check_fitted()
        from .qa.answering import answer_question

        return answer_question(self, question, top_k=top_k)

    @property
    def graph(self):
        """The RDF dataset (built on first use, then kept): ontology plus one named graph per document."""
        self._check_fitted()
        with self._graph_lock:
            if self._graph is None:
                from .formula_names import english_formula_name
                from .graph import build_dataset

                def english(formula):
                    return english_formula_name(formula.name, self.lexicon_)

                self._graph = build_dataset(self.documents_, self.factsets_, english_name=english)
            return self._graph

    def export(self, path):
        """Write the graph to a ``.ttl``, ``.nt``, ``.jsonld`` or ``.trig`` file."""
        from .graph import export_graph

        return export_graph(self.graph, path)

    def stats(self) -> dict:
        """Counts of what was built: documents, sentences, facts by type."""
        self._check_fitted()
        counts = {"documents": len(self.documents_), "sentences": len(self.sentences_)}
        for name in ("mentions", "formulae", "duties", "holdings", "problems", "chains"):
            counts[name] = sum(len(getattr(fs, name)) for fs in self.factsets_)
        counts["facts"] = sum(counts[n] for n in ("formulae", "duties", "holdings", "problems", "chains"))
        return counts

    # ------------------------------------------------------------------ saving
    def save(self, path):
        """Save documents, facts and lexicon as gzipped JSON; :meth:`load` restores them without re-reading.

        The file is written beside the target and renamed, so a crash never leaves half a file.
        """
        self._check_fitted()
        state = {"format": SAVE_FORMAT, "kg": "saved graph",
                 "documents": [document_to_json(d) for d in self.documents_],
                 "factsets": [factset_to_json(f) for f in self.factsets_],
                 "lexicon": terms_to_json(self.lexicon_.terms),
                 "read_errors": [str(e) for e in self.read_errors_]}
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        try:
            with gzip.open(tmp, "wt", encoding="utf-8") as handle:
                json.dump(state, handle, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:
            raise KgError(f"{path}: cannot save the graph ({exc.strerror or exc})") from None
        return path

    @classmethod
    def load(cls, path):
        """A graph saved by :meth:`save`."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                state = json.load(handle)
        except (OSError, EOFError, ValueError) as exc:
            raise KgError(f"{path}: not a saved kg graph ({exc})") from None
        if not isinstance(state, dict) or state.get("format") != SAVE_FORMAT:
            raise KgError(f"{path}: not a saved kg graph of format {SAVE_FORMAT}")
        lexicon = Lexicon(terms_from_json(state["lexicon"]))
        kg = cls(lexicon=lexicon)
        kg.documents_ = [document_from_json(d) for d in state["documents"]]
        kg.factsets_ = [factset_from_json(f) for f in state["factsets"]]
        kg.lexicon_ = lexicon
        kg.read_errors_ = list(state["read_errors"])
        kg._index()
        return kg


def _formula_terms(factsets) -> list:
    """Lexicon terms for the formulae the texts name that the glossary does not know."""
    terms = {}
    for facts in factsets:
        for formula in facts.formulae:
            key = formula_key(formula)
            if not formula.key and key not in terms:
                terms[key] = Term(key, "mechanism", formula.name, en=english_formula_name(formula.name),
                                  count=formula.declared_count, discovered=True)
    return list(terms.values())
