"""The :class:`KnowledgeGraph`: read a corpus once, then ask it many questions.

>>> kg = KnowledgeGraph().fit(texts={"demo": "三、对策措施\\n（一）抓责任。党组成员每季专题研究1次党建工作。"})
>>> answer = kg.ask("党组成员多久研究一次党建工作？")
>>> answer.evidence[0].text
'党组成员每季专题研究1次党建工作。'
>>> kg.documents_[0].text[answer.evidence[0].start:answer.evidence[0].end] == answer.evidence[0].text
True

Documents come and go one at a time, and the answers follow:

>>> kg = kg.add(texts={"more": "第一条　党支部每月召开1次支部委员会会议。"})
>>> [d.doc_id for d in kg.remove("demo").documents_]
['more']
"""

from __future__ import annotations

import gc
import gzip
import json
import multiprocessing
import pickle
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .cache import cached_tokens, keep_tokens
from .document import parse_document
from .errors import KgError, NotBuiltError
from .extract import add_lexicon_wide, read_document, reader_facts
from .factbase import FactBase, formula_key
from .formula_names import english_formula_name
from .glossary import EnglishGlossary
from .index import PassageIndex, TextIndex, shared_tokenizer
from .normalize import fold
from .files import written_atomically
from .pinyin import NameFinder
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
    store : str
        Where the graph is kept (see :mod:`kg.store`): ``"memory"`` (the default), ``"oxigraph:DIR"``
        or a folder path, or a SPARQL 1.1 endpoint URL.
    workers : int
        Processes that parse and extract documents; the result does not depend on it.
    """

    def __init__(self, lexicon=None, extractors=None, max_bytes=DEFAULT_MAX_BYTES, store="memory", workers=1):
        self.lexicon = lexicon
        self.extractors = extractors
        self.max_bytes = max_bytes
        self.store = store
        self.workers = workers

    # ------------------------------------------------------------------ building
    def fit(self, corpus=None, texts=None, progress=None):
        """Read and extract a corpus, and write it to the store as its new content; returns ``self``.

        On a persistent store the new content replaces the old one in one step at the end: a build
        that fails or is killed half-way leaves the store as it was.

        Parameters
        ----------
        corpus : path or list of paths, optional
            Files and folders of ``.txt``/``.md`` texts. The bundled sample corpus when both
            ``corpus`` and ``texts`` are ``None``.
        texts : dict or list of str, optional
            Texts already in memory, by name (a list gets names ``text1``, ``text2``…).
        progress : callable, optional
            Called as ``progress(stage, done, total)`` with stage ``"parsed"``, ``"extracted"``
            or ``"stored"``.
        """
        started = time.perf_counter()
        if corpus is None and texts is None:
            corpus = sample_corpus_dir()
        sources, errors = _read_sources(corpus, texts, self.max_bytes)
        return self._fit_read(sources, errors, progress, started)

    def _fit_read(self, sources, errors, progress, started):
        """:meth:`fit` on texts already read (``started``: when reading began, for ``build_seconds_``)."""
        if not sources:
            raise KgError("nothing to build: give at least one readable text")
        from .store import open_store

        with open_store(self.store) as store, _Runner(self._workers(), self._base_lexicon(), self.extractors) as run:
            writer = store.begin_build() if store.persistent else None
            read = _read_all(run, sources, progress)
            documents = [doc for doc, _, _ in read]
            terms = [found for _, _, found in read]
            orders = list(range(len(documents)))
            factsets, stored = [], 0
            for extracted in _extract_all(run, documents, [facts for _, facts, _ in read], terms, orders,
                                          writer.build if writer else None, progress):
                factsets.append(extracted.factset)
                if writer is not None and writer.write(extracted.payload) > stored:
                    stored = writer.written
                    if progress:
                        progress("stored", stored, len(documents))
            if writer is not None:
                writer.commit()
                if progress and writer.written > stored:
                    progress("stored", writer.written, len(documents))
        self.read_errors_ = errors
        self._set_state(documents, factsets, terms, orders, writer.build if writer else None, run.lexicon)
        self.store_triples_ = writer.triples if writer else 0
        self.build_seconds_ = time.perf_counter() - started
        return self

    def open(self):
        """Read what the store holds (documents, facts, discovered terms) without extracting; returns ``self``.

        Raises :class:`kg.errors.StoreError` when the store cannot be read; an empty store gives a
        graph with no documents.
        """
        from .store import open_store

        with open_store(self.store, create=False) as store:
            if not store.persistent:
                raise KgError("the memory store keeps nothing between runs: call fit() to build, or give "
                              "store='oxigraph:DIR' or a SPARQL endpoint")
            self._restore(store)
        return self

    def _restore(self, store):
        state = store.read()
        documents = [document_from_json(d.document_json) for d in state.documents]
        factsets = [factset_from_json(d.facts_json) for d in state.documents]
        terms = [terms_from_json(d.terms_json) for d in state.documents]
        self.read_errors_ = []
        self.store_triples_ = 0
        self._set_state(documents, factsets, terms, [d.order for d in state.documents], state.build)

    def add(self, paths=None, texts=None, progress=None):
        """Add documents, or replace those of the same name, without extracting the others again.

        The lexicon (with the terms discovered in the new texts), the indexes and so the answers
        follow; the graph is the one a first build of the same texts gives. Documents already here
        that name a discovered term which came or went get their mentions found again (listed in
        ``refreshed_``; the new ones in ``added_``). On a persistent store each document is written in
        one update; a graph not yet built or opened reads the store first. Returns ``self``.

        Parameters
        ----------
        paths : path or list of paths, optional
            Files and folders of texts.
        texts : dict or list of str, optional
            Texts in memory, by name.
        progress : callable, optional
            As for :meth:`fit`.
        """
        if paths is None and texts is None:
            raise KgError("nothing to add: give paths or texts")
        sources, errors = _read_sources(paths, texts, self.max_bytes)
        if not sources:
            raise KgError("nothing to add: no readable text")
        from .store import new_build, open_store

        with open_store(self.store) as store, _Runner(self._workers(), self._base_lexicon(), self.extractors) as run:
            self._ready(store)
            documents, factsets = list(self.documents_), list(self.factsets_)
            terms, orders = list(self._document_terms), list(self._orders)
            position = {doc.doc_id: i for i, doc in enumerate(documents)}
            added = {}
            for doc, facts, found in _read_all(run, sources, progress):
                if doc.doc_id in position:
                    i = position[doc.doc_id]
                    documents[i], factsets[i], terms[i] = doc, facts, found
                else:
                    position[doc.doc_id] = i = len(documents)
                    orders.append(max(orders, default=-1) + 1)
                    documents.append(doc)
                    terms.append(found)
                    factsets.append(facts)
                added[i] = True
            added = list(added)
            # the documents already here whose mentions a changed discovered term changes
            refreshed = _mentioning(documents, _changed_names(_merged(self._document_terms), _merged(terms)),
                                    skip=set(added))
            for i in refreshed:
                factsets[i] = reader_facts(factsets[i])
            build = None
            if store.persistent:
                build = self.build_ if self.build_ is not None else str(new_build())
            self._complete(run, store, added + refreshed, documents, factsets, terms, orders, build, progress)
        self.read_errors_ = list(self.read_errors_) + errors
        self._set_state(documents, factsets, terms, orders, self.build_, run.lexicon)
        self.added_ = [documents[i].doc_id for i in added]
        self.refreshed_ = [documents[i].doc_id for i in refreshed]
        return self

    def remove(self, doc_ids):
        """Drop documents by identifier (one update each on a persistent store); returns ``self``.

        Documents left that name a term only the dropped ones discovered get their mentions found
        again (listed in ``refreshed_``), so the graph is the one a first build of the rest gives.

        Parameters
        ----------
        doc_ids : str or list of str
            The identifiers, as in ``kg.documents_`` and the evidence of answers.
        """
        ids = [doc_ids] if isinstance(doc_ids, str) else list(doc_ids)
        from .store import open_store

        with open_store(self.store) as store:
            self._ready(store)
            known = {doc.doc_id for doc in self.documents_}
            missing = [i for i in ids if i not in known]
            if missing:
                have = ", ".join(sorted(known)[:8]) + (" …" if len(known) > 8 else "")
                raise KgError(f"no document {missing[0]!r} in this graph; it has {have or 'no documents'}")
            if store.persistent and self.build_ is not None:
                for doc_id in ids:
                    store.remove_document(self.build_, doc_id)
            keep = [i for i, doc in enumerate(self.documents_) if doc.doc_id not in set(ids)]
            documents, factsets = [self.documents_[i] for i in keep], [self.factsets_[i] for i in keep]
            terms, orders = [self._document_terms[i] for i in keep], [self._orders[i] for i in keep]
            # the documents left whose mentions named a term that only the removed ones discovered
            refreshed = _mentioning(documents, _changed_names(_merged(self._document_terms), _merged(terms)))
            for i in refreshed:
                factsets[i] = reader_facts(factsets[i])
            if refreshed:
                with _Runner(1, self._base_lexicon(), self.extractors) as run:
                    self._complete(run, store, refreshed, documents, factsets, terms, orders,
                                   self.build_ if store.persistent else None)
        self._set_state(documents, factsets, terms, orders, self.build_)
        self.refreshed_ = [documents[i].doc_id for i in refreshed]
        return self

    def _complete(self, run, store, positions, documents, factsets, terms, orders, build, progress=None):
        """Complete the reader facts of the documents at ``positions`` with the lexicon-wide extractors
        (the lexicon of every document's terms), in place in ``factsets``, and write each to a
        persistent store."""
        new = _extract_all(run, [documents[i] for i in positions], [factsets[i] for i in positions],
                           [terms[i] for i in positions], [orders[i] for i in positions], build, None,
                           found=_merged(terms))
        for done, (i, extracted) in enumerate(zip(positions, new), 1):
            factsets[i] = extracted.factset
            if store.persistent:
                self.build_ = store.put_document(self.build_, extracted.payload)
            if progress:
                progress("stored" if store.persistent else "extracted", done, len(positions))

    def _ready(self, store):
        """Make sure there is a state to change: the store's content, or an empty graph in memory."""
        if hasattr(self, "documents_"):
            return
        if store.persistent:
            self._restore(store)
        else:
            self.read_errors_, self.store_triples_ = [], 0
            self._set_state([], [], [], [], None)

    def _workers(self) -> int:
        if not isinstance(self.workers, int) or self.workers < 1:
            raise KgError(f"workers={self.workers!r}: give a whole number of processes, 1 or more")
        return self.workers

    def _base_lexicon(self):
        """The lexicon before discovery: the one given, or the bundled one (read once per graph)."""
        if self.lexicon is not None:
            return self.lexicon
        if getattr(self, "_bundled_lexicon", None) is None:
            self._bundled_lexicon = load_lexicon()
        return self._bundled_lexicon

    def _set_state(self, documents, factsets, terms, orders, build, term_lexicon=None):
        """The graph's state; ``term_lexicon``, when the caller has it, is the base lexicon with ``terms``."""
        self.documents_ = list(documents)
        self.factsets_ = list(factsets)
        self._document_terms = [list(t) for t in terms]
        self._orders = list(orders)
        self.build_ = build
        if term_lexicon is None:   # a lexicon is costly to build (its matcher): reuse the extraction's
            term_lexicon = self._base_lexicon().with_terms(_merged(self._document_terms))
        self._term_lexicon = term_lexicon
        self.lexicon_ = self._term_lexicon.with_terms(_formula_terms(self.factsets_))
        self._index()

    def _index(self):
        self.facts_ = FactBase(self.documents_, self.factsets_, self.lexicon_)
        self.sentences_ = [(doc, s) for doc in self.documents_ for s in doc.sentences]
        self._sentence_position = {(doc.doc_id, s.index): i for i, (doc, s) in enumerate(self.sentences_)}
        self._indexes = None
        self._index_lock = threading.Lock()
        self._graph = None
        self._graph_lock = threading.Lock()

    def _text_indexes(self) -> dict:
        """The tokenizer and TF-IDF indexes, built on first use (a store opened to add a text needs none)."""
        self._check_fitted()
        if self._indexes is None:
            with self._index_lock:
                if self._indexes is None:
                    words = [label for term in self.lexicon_ for label in term.labels("zh")]
                    tokenizer = shared_tokenizer(words)
                    cache = getattr(self, "_token_cache", None)
                    cache_key = getattr(self, "_cache_key", None)
                    stored = None
                    if cache is None or cache.tokenizer is not tokenizer:
                        stored = cached_tokens(cache_key) if cache_key else None
                        cache = self._token_cache = _TokenCache(tokenizer, stored)
                    texts = [s.text for _, s in self.sentences_]
                    duty_texts = [f"{d.bearer.label if d.bearer else ''} {d.action} {d.evidence.text}"
                                  for d in self.facts_.duties]
                    problem_texts = [f"{p.description} {p.evidence.text}" for p in self.facts_.problems]
                    with cache.learning():
                        self._indexes = {"tokenizer": tokenizer,
                                         "sentences": TextIndex(cache).fit(texts),
                                         "passages": PassageIndex(cache).fit(texts),
                                         "duties": TextIndex(cache).fit(duty_texts),
                                         "names": NameFinder().fit(texts),
                                         "folded": [fold(text) for text in texts],
                                         "titles": [fold(d.title) for d in self.documents_ if d.title],
                                         "problems": TextIndex(cache).fit(problem_texts)}
                    if cache_key and stored is None:
                        keep_tokens(cache_key, cache.known)
        return self._indexes

    @property
    def tokenizer_(self):
        """The jieba tokenizer that knows the lexicon's names."""
        return self._text_indexes()["tokenizer"]

    @property
    def sentence_index_(self):
        """TF-IDF over all sentences, in corpus order."""
        return self._text_indexes()["sentences"]

    @property
    def passage_index_(self):
        """The passage index over all sentences."""
        return self._text_indexes()["passages"]

    @property
    def folded_sentences_(self):
        """Every sentence's text folded for matching (:func:`kg.normalize.fold`), in corpus order."""
        return self._text_indexes()["folded"]

    @property
    def folded_titles_(self):
        """Every document's title folded for matching, in corpus order (documents without one left out)."""
        return self._text_indexes()["titles"]

    @property
    def problem_index_(self):
        """TF-IDF over problems (description and sentence), in the order of ``facts_.problems``."""
        return self._text_indexes()["problems"]

    @property
    def name_finder_(self):
        """Finds names written in pinyin in English questions (Sun Hongliang → 孙洪亮) in the sentences."""
        return self._text_indexes()["names"]

    @property
    def glossary_(self):
        """English words → the texts' words CC-CEDICT glosses them with (:mod:`kg.glossary`)."""
        indexes = self._text_indexes()
        if "glossary" not in indexes:
            indexes["glossary"] = EnglishGlossary().fit(indexes["sentences"].word_counts())
        return indexes["glossary"]

    @property
    def duty_index_(self):
        """TF-IDF over duties (bearer, action and sentence)."""
        return self._text_indexes()["duties"]

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
                from .graph import build_dataset

                def english(formula):
                    return english_formula_name(formula.name, self.lexicon_)

                self._graph = build_dataset(self.documents_, self.factsets_, english_name=english)
            return self._graph

    def export(self, path):
        """Write the graph to a ``.ttl``, ``.nt``, ``.jsonld`` or ``.trig`` file."""
        from .graph import export_graph

        return export_graph(self.graph, path)

    def responsibility_list(self, role=None, organization=None, include_reported=False, as_frame=False):
        """The responsibility list (责任清单): one row per duty and bearer, with its source sentence.

        ``role`` or ``organization`` keeps one bearer (with the duties it receives through its posts);
        ``as_frame=True`` gives a pandas DataFrame (pandas must be installed). See
        :func:`kg.lists.responsibility_rows` for the order of the rows and :mod:`kg.lists` for the writers.

        >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"})
        >>> [(row.bearer, row.duty, row.frequency) for row in kg.responsibility_list()]
        [('党支部', '每月开展1次主题党日', '每月1次')]
        """
        from .lists import responsibility_rows, rows_to_dataframe

        rows = responsibility_rows(self, role=role, organization=organization, include_reported=include_reported)
        return rows_to_dataframe(rows) if as_frame else rows

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
                 "document_terms": [terms_to_json(t) for t in self._document_terms],
                 "read_errors": [str(e) for e in self.read_errors_]}
        path = Path(path)
        with written_atomically(path, "the saved graph") as raw, gzip.open(raw, "wt", encoding="utf-8") as handle:
            json.dump(state, handle, ensure_ascii=False)
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
        documents = [document_from_json(d) for d in state["documents"]]
        terms = [terms_from_json(t) for t in state.get("document_terms", ["[]"] * len(documents))]
        kg.read_errors_ = list(state["read_errors"])
        kg.store_triples_ = 0
        kg._set_state(documents, [factset_from_json(f) for f in state["factsets"]], terms,
                      list(range(len(documents))), None)
        kg.lexicon_ = lexicon  # exactly as saved
        kg._index()
        return kg


class _TokenCache:
    """A tokenizer that remembers the tokens of the texts it indexed, so that rebuilding the indexes after
    :meth:`KnowledgeGraph.add` or :meth:`KnowledgeGraph.remove` segments only the new texts.

    Texts are remembered only while :meth:`learning`; afterwards (questions) it only reads, so that
    one object serves many threads. Texts not used by the last build are forgotten.
    """

    def __init__(self, tokenizer, known=None):
        self.tokenizer = tokenizer
        self._known = dict(known or {})   # tokens read from kg.cache, for the texts of a cached graph
        self._used = None

    @property
    def known(self) -> dict:
        """The tokens remembered: ``{text: (token, …)}``."""
        return dict(self._known)

    def learning(self):
        """A context in which every text tokenized is remembered; the rest is forgotten at its end."""
        from contextlib import contextmanager

        @contextmanager
        def learn():
            self._used = {}
            try:
                yield self
            finally:
                self._known, self._used = self._used, None

        return learn()

    def tokens(self, text: str) -> list:
        """The tokenizer's tokens of ``text``.

        Remembered per space-separated part: jieba never makes a word across a space, so the tokens of
        ``"党员 履行义务 党员应当履行义务。"`` are those of its parts, and a sentence that several indexed
        texts quote (a duty's evidence) is segmented once.
        """
        out = []
        for part in text.split(" "):
            if part:
                out.extend(self._part_tokens(part))
        return out

    def _part_tokens(self, part: str) -> tuple:
        known = self._known.get(part)
        if known is None:
            known = tuple(sys.intern(t) for t in self.tokenizer.tokens(part))
        if self._used is not None:
            self._used[part] = known
        return known

    __call__ = tokens

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


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


def _changed_names(before, after) -> set:
    """The folded Chinese names of the terms in one list and not in the other (name, key and kind compared)."""
    def names(terms):
        return {(t.key, t.kind, fold(label)) for t in terms for label in t.labels("zh")}

    return {name for _, _, name in names(before) ^ names(after)}


def _mentioning(documents, names, skip=()) -> list:
    """The positions of the documents whose text holds one of ``names`` (folded), but those in ``skip``.

    Mentions are a lexicon's leftmost longest names, so only a text that holds a name that came or went
    can have other mentions now.
    """
    if not names:
        return []
    found = []
    for i, doc in enumerate(documents):
        if i not in skip:
            text = fold(doc.text)
            if any(name in text for name in names):
                found.append(i)
    return found


def _merged(document_terms) -> list:
    """The terms discovered in each document, one per key, the first document's first."""
    seen, merged = set(), []
    for terms in document_terms:
        for term in terms:
            if term.key not in seen:
                seen.add(term.key)
                merged.append(term)
    return merged


def _read_sources(corpus, texts, max_bytes):
    """The sources to read from paths and in-memory texts, and the files that could not be read."""
    sources, errors = [], []
    if corpus is not None:
        read = read_corpus(corpus, max_bytes=max_bytes)
        sources.extend(read.sources)
        errors.extend(read.errors)
    if texts is not None:
        items = texts.items() if isinstance(texts, dict) else ((f"text{i}", t) for i, t in enumerate(texts, 1))
        for name, text in items:
            sources.append(read_text(text, name=name))
    return sources, errors


# ---------------------------------------------------------------------------------------------- the pipeline
# Two passes over the documents. The first parses each document and reads it with the curated lexicon
# only, collecting its facts and the terms it discovers (kg.extract.read_document), so what a document
# says depends on that document alone. The second adds what the lexicon-wide extractors (the mention
# finder) find with the curated lexicon and every discovered term, and builds each store payload. The
# same functions run in this process (workers=1) or in worker processes, so the result cannot depend
# on the number of workers. Results come back in corpus order.

class _Extracted:
    """A document's facts and, when a store is written, its payload (built in the worker)."""

    def __init__(self, factset, payload):
        self.factset = factset
        self.payload = payload


_WORKER_STATE = {}


def _new_state(base, extractors) -> dict:
    return {"base": base, "extractors": extractors, "lexicon": (None, None)}


def _fewer_collections():
    """Collect garbage less often while building.

    A build makes millions of small objects, most of which live until it ends (documents, spans,
    facts), so the collector's default pace (every 700 new objects) spends about a tenth of a build
    walking objects that are still in use. Every 50,000 keeps memory bounded and halves that.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], 50_000), *threshold[1:])


# Builds running at once in one process (the explorer's threads) share the collector's setting: the first
# to start lowers its pace and the last to end restores it.
_BUILDS = {"running": 0, "threshold": None}
_BUILDS_LOCK = threading.Lock()


def _build_started():
    with _BUILDS_LOCK:
        if _BUILDS["running"] == 0:
            _BUILDS["threshold"] = gc.get_threshold()
            _fewer_collections()
        _BUILDS["running"] += 1


def _build_ended():
    with _BUILDS_LOCK:
        _BUILDS["running"] -= 1
        if _BUILDS["running"] == 0:
            gc.set_threshold(*_BUILDS["threshold"])


def _init_worker(base_terms, extractors):
    _fewer_collections()   # a worker process only ever builds
    _WORKER_STATE.clear()
    _WORKER_STATE.update(_new_state(Lexicon(list(base_terms)), extractors))


def _in_worker(function, *args):
    return function(_WORKER_STATE, *args)


def _read_chunk(state, sources) -> list:
    out = []
    for source in sources:
        doc = parse_document(source.text, source.doc_id, path=source.path, encoding=source.encoding)
        out.append((doc, *read_document(doc, state["base"], state["extractors"])))
    return out


def _extract_chunk(state, key, found, build, items) -> list:
    cached_key, lexicon = state["lexicon"]
    if cached_key != key:
        lexicon = state["base"].with_terms(found)
        state["lexicon"] = (key, lexicon)
    out = []
    for doc, facts, terms, order in items:
        facts = add_lexicon_wide(facts, doc, lexicon, state["extractors"])
        payload = None
        if build is not None:
            from .store import document_payload

            payload = document_payload(build, doc, facts, terms, order,
                                       english_name=lambda f: english_formula_name(f.name, lexicon))
        out.append(_Extracted(facts, payload))
    return out


class _Runner:
    """Runs pipeline steps over chunks of documents, here or in a pool of processes, in order."""

    def __init__(self, workers, base, extractors):
        self.workers = workers
        self.base_terms = tuple(base.terms)
        self.extractors = extractors
        self.state = _new_state(base, extractors)
        self.pool = None

    @property
    def lexicon(self):
        """The lexicon the last extraction used (the base one with the discovered terms), or ``None``."""
        return self.state["lexicon"][1]

    def __enter__(self):
        _build_started()
        return self

    def __exit__(self, *exc):
        _build_ended()
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def _start(self):
        try:
            pickle.dumps(self.extractors)
        except (pickle.PicklingError, AttributeError, TypeError) as exc:
            raise KgError(f"workers={self.workers}: the extractors cannot be sent to other processes ({exc}); "
                          f"use module-level functions or workers=1") from None
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                        initargs=(self.base_terms, self.extractors))

    def map(self, function, items, *args):
        """``function(state, *args, chunk)`` over chunks of ``items``; yields the results one by one."""
        items = list(items)
        if self.workers == 1 or len(items) < 2:
            size = 8
            for start in range(0, len(items), size):
                yield from function(self.state, *args, items[start:start + size])
            return
        if self.pool is None:
            self._start()
        size = max(1, min(16, -(-len(items) // (self.workers * 4))))
        futures = [self.pool.submit(_in_worker, function, *args, items[start:start + size])
                   for start in range(0, len(items), size)]
        for future in futures:
            yield from future.result()


def _read_all(run, sources, progress) -> list:
    """Each source parsed and read: ``[(document, facts, discovered terms)]`` in order."""
    read = []
    for triple in run.map(_read_chunk, sources):
        read.append(triple)
        if progress:
            progress("parsed", len(read), len(sources))
    return read


def _extract_all(run, documents, factsets, terms, orders, build, progress, found=None):
    """Yield each document's facts, completed by the lexicon-wide extractors, and its store payload (an
    :class:`_Extracted`), in order.

    The lexicon is the base one with ``found`` (by default the terms discovered in these documents);
    ``build`` is the store build the payloads are for, or ``None`` for no payloads.
    """
    found = _merged(terms) if found is None else list(found)
    key = (len(found), hash(tuple(t.key for t in found)))
    run.state["lexicon"] = (key, run.state["base"].with_terms(found))
    items = list(zip(documents, factsets, terms, orders))
    for done, extracted in enumerate(run.map(_extract_chunk, items, key, found, build), 1):
        if progress:
            progress("extracted", done, len(items))
        yield extracted


def open_graph(corpus=None, store="memory", workers=1, progress=None, cache=False) -> KnowledgeGraph:
    """The graph a command works on, from a corpus, a store, or both.

    Parameters
    ----------
    corpus : path or list of paths, optional
        Texts to read. In memory, the bundled sample corpus when ``None``.
    store : str
        A store spec (see :mod:`kg.store`). On a persistent store the graph is what the store holds,
        with ``corpus`` added first when given (documents of the same name are replaced).
    workers : int
        Processes for parsing and extraction.
    progress : callable, optional
        As for :meth:`KnowledgeGraph.fit`.
    cache : bool
        In memory, reuse the graph built earlier from the same texts by the same code, kept on disk
        (:mod:`kg.cache`), and keep a new build there.

    Examples
    --------
    >>> len(open_graph().documents_) >= 3
    True
    """
    from .store import parse_store_spec

    spec = parse_store_spec(store)
    kg = KnowledgeGraph(store=store, workers=workers)
    if spec.kind == "memory":
        return _fit_cached(kg, corpus, progress) if cache else kg.fit(corpus=corpus, progress=progress)
    if corpus:
        return kg.add(corpus, progress=progress)
    kg.open()
    if not kg.documents_:
        raise KgError(f"the store {spec} holds no documents: build it first "
                      f"(kg build --store {spec} --corpus PATH) or give --corpus")
    return kg


def _fit_cached(kg, corpus, progress):
    """``kg.fit(corpus)``, or the same graph from the disk cache (:mod:`kg.cache`)."""
    from .cache import cached_graph, corpus_key, keep_graph

    started = time.perf_counter()
    sources, errors = _read_sources(sample_corpus_dir() if corpus is None else corpus, None, kg.max_bytes)
    if not sources:
        raise KgError("nothing to build: give at least one readable text")
    key = corpus_key(sources, SAVE_FORMAT)
    found = cached_graph(key)
    if found is not None:
        found.read_errors_ = errors
        found._cache_key = key
        return found
    kg._fit_read(sources, errors, progress, started)
    keep_graph(kg, key)
    kg._cache_key = key   # its text indexes' tokens are kept too, when they are built
    return kg
