"""Graph stores: the graph in memory, in an embedded Oxigraph folder, or behind a SPARQL 1.1 endpoint.

One spec names the store everywhere (``--store SPEC`` and ``KnowledgeGraph(store=SPEC)``):

* ``memory`` (the default): nothing is kept after the process ends;
* ``oxigraph:DIR``, or a folder path (``./graphdb``, ``/var/kg``): an embedded Oxigraph store in ``DIR``;
* ``http(s)://HOST/…/query``: a SPARQL 1.1 endpoint; updates go to the same URL with a final ``/query``
  replaced by ``/update`` (any other URL takes both), or give both as ``QUERY_URL,UPDATE_URL``.
  ``KG_SPARQL_USER`` and ``KG_SPARQL_PASSWORD`` give HTTP basic credentials.

Layout (the same on every persistent store):

* the default graph holds the ontology, written once (again only when it changed);
* the store graph ``<https://w3id.org/kg-policy/store>`` holds ``<store> kg:currentBuild <build>`` and,
  per build, ``<build> kg:documentGraph <graph>`` and ``<graph> kg:documentOrder N``;
* each document lives in a named graph of its build, ``<build>/doc/<id>``, holding the document's
  triples and, on the document node, ``kg:documentJson``, ``kg:factsJson`` and ``kg:termsJson``: exact
  JSON of the document, its facts and the terms discovered in it, so opening a store restores them
  without extracting anything again.

Crash safety: a build writes its graphs under a new build name nobody reads, then switches
``kg:currentBuild`` in one update (one transaction); graphs of other builds are dropped afterwards, or
by the next build when the writer was killed. Adding or removing one document is one update.
Every update is assembled from N-Triples that rdflib serialises (literals escaped there), never from
pasted text. This module and :mod:`kg.graph` are the only ones that touch rdflib.

>>> parse_store_spec("http://localhost:7878/query").update_url
'http://localhost:7878/update'
>>> with open_store("memory") as store:
...     store.persistent
False
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .errors import StoreError
from .graph import BASE, KG, document_graph, document_iri, load_ontology
from .serialize import document_to_json, factset_to_json, terms_to_json

STORE = URIRef(BASE + "store")            # the store graph, and the node that points at the current build
CURRENT_BUILD = KG["currentBuild"]
DOCUMENT_GRAPH = KG["documentGraph"]
DOCUMENT_ORDER = KG["documentOrder"]
ONTOLOGY_DIGEST = KG["ontologyDigest"]
DOCUMENT_JSON = KG["documentJson"]
FACTS_JSON = KG["factsJson"]
TERMS_JSON = KG["termsJson"]

_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")

DEFAULT_TIMEOUT = 120.0
BATCH_BYTES = 2_000_000                   # N-Triples text per build update
LOCK_WAIT = 10.0                          # seconds to wait for another process to release an embedded store
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_PREFIX = f"PREFIX kg: <{KG}>\n"


# ---------------------------------------------------------------------------------------------- specs
@dataclass(frozen=True)
class StoreSpec:
    """A parsed store spec: ``kind`` is ``memory``, ``oxigraph`` or ``sparql``."""

    kind: str
    folder: str = ""
    query_url: str = ""
    update_url: str = ""

    def __str__(self):
        if self.kind == "oxigraph":
            return f"oxigraph:{self.folder}"
        if self.kind == "sparql":
            return self.query_url
        return "memory"


def parse_store_spec(spec) -> StoreSpec:
    """Read a store spec; raises :class:`kg.errors.StoreError` for one it does not know.

    Parameters
    ----------
    spec : str, path or None
        ``memory`` (or ``None``), ``oxigraph:DIR``, a folder path, ``http(s)://…/query`` or
        ``QUERY_URL,UPDATE_URL``.

    Examples
    --------
    >>> parse_store_spec("oxigraph:/tmp/kg-store")
    StoreSpec(kind='oxigraph', folder='/tmp/kg-store', query_url='', update_url='')
    >>> parse_store_spec("https://example.org/ds/sparql,https://example.org/ds/update").update_url
    'https://example.org/ds/update'
    >>> parse_store_spec("http://localhost:7200/repositories/kg").update_url
    'http://localhost:7200/repositories/kg'
    >>> parse_store_spec("bogus:thing")
    Traceback (most recent call last):
    ...
    kg.errors.StoreError: --store 'bogus:thing': unknown store; use memory, oxigraph:DIR, a folder path (./DIR) or a SPARQL endpoint URL http(s)://…/query
    """
    if spec is None or str(spec).strip() in ("", "memory"):
        return StoreSpec("memory")
    text = os.fspath(spec).strip() if not isinstance(spec, str) else spec.strip()
    unknown = (f"--store {text!r}: unknown store; use memory, oxigraph:DIR, a folder path (./DIR) "
               f"or a SPARQL endpoint URL http(s)://…/query")
    scheme = _SCHEME.match(text)
    if scheme and len(scheme.group(1)) > 1:     # one letter is a Windows drive: C:\…
        name = scheme.group(1).lower()
        if name == "oxigraph":
            folder = text[len(scheme.group(0)):]
            if not folder:
                raise StoreError(f"--store {text!r}: give the folder after 'oxigraph:', e.g. oxigraph:./graphdb")
            return StoreSpec("oxigraph", folder=folder)
        if name in ("http", "https"):
            return _sparql_spec(text)
        raise StoreError(unknown)
    path = Path(text).expanduser()
    if path.is_dir() or os.sep in text or "/" in text or text.startswith((".", "~")):
        return StoreSpec("oxigraph", folder=str(path))
    raise StoreError(unknown)


def _sparql_spec(text) -> StoreSpec:
    urls = [u.strip() for u in text.split(",")]
    if len(urls) > 2 or not all(urls):
        raise StoreError(f"--store {text!r}: give one endpoint URL, or QUERY_URL,UPDATE_URL")
    for url in urls:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"--store {text!r}: {url!r} is not an http(s) URL")
    query_url = urls[0]
    if len(urls) == 2:
        update_url = urls[1]
    elif query_url.rstrip("/").endswith("/query"):
        update_url = query_url.rstrip("/")[:-len("query")] + "update"
    else:
        update_url = query_url
    return StoreSpec("sparql", query_url=query_url, update_url=update_url)


def open_store(spec="memory", timeout: float = DEFAULT_TIMEOUT, create: bool = True):
    """The store a spec names, ready to use as a context manager (closing releases an embedded store).

    Parameters
    ----------
    spec : str, path, StoreSpec or None
        See :func:`parse_store_spec`.
    timeout : float
        Seconds to wait for a remote endpoint's answer.
    create : bool
        Whether a missing embedded store folder is created (else it is an error).

    Examples
    --------
    >>> import tempfile
    >>> with open_store("oxigraph:" + tempfile.mkdtemp()) as store:
    ...     store.read().documents
    []
    """
    parsed = spec if isinstance(spec, StoreSpec) else parse_store_spec(spec)
    if parsed.kind == "memory":
        return MemoryStore()
    if parsed.kind == "oxigraph":
        return SparqlStore(_Embedded(parsed.folder, create), str(parsed))
    return SparqlStore(_Http(parsed.query_url, parsed.update_url, timeout), str(parsed))


# ---------------------------------------------------------------------------------------------- contents
@dataclass(frozen=True)
class StoredDocument:
    """One document as a store holds it: its order and the three JSON payloads."""

    order: int
    document_json: str
    facts_json: str
    terms_json: str


@dataclass(frozen=True)
class StoreState:
    """What a store holds now: the current build (``None`` when nothing was built) and its documents."""

    build: str | None
    documents: list


def build_iri(token: str) -> URIRef:
    """The IRI of a build.

    >>> str(build_iri("20260101T000000-abc123"))
    'https://w3id.org/kg-policy/build/20260101T000000-abc123'
    """
    return URIRef(f"{BASE}build/{token}")


def document_graph_iri(build, doc_id: str) -> URIRef:
    """The named graph of one document in one build: the build IRI, ``/``, the document IRI's path.

    >>> str(document_graph_iri(build_iri("b1"), "第一 report"))
    'https://w3id.org/kg-policy/build/b1/doc/%E7%AC%AC%E4%B8%80%20report'
    """
    return URIRef(f"{build}/{str(document_iri(doc_id))[len(BASE):]}")


def new_build() -> URIRef:
    """A fresh build IRI (UTC time and a random suffix)."""
    return build_iri(time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + secrets.token_hex(4))


@dataclass(frozen=True)
class DocumentPayload:
    """A document ready to write: its graph, its N-Triples, and how many triples they are."""

    doc_id: str
    graph: str
    order: int
    ntriples: str
    triples: int


def document_payload(build, doc, facts, terms, order: int, english_name=None) -> DocumentPayload:
    """The N-Triples of one document's named graph: its triples and its three JSON payloads.

    Parameters
    ----------
    build : str
        The build IRI the graph belongs to.
    doc, facts : kg.document.Document, kg.facts.FactSet
    terms : list of kg.lexicon.Term
        The terms discovered in this document.
    order : int
        The document's place in the corpus.
    english_name : callable, optional
        A formula's English label, as for :func:`kg.graph.document_graph`.

    Examples
    --------
    >>> from kg.document import parse_document
    >>> from kg.facts import FactSet
    >>> payload = document_payload(build_iri("b1"), parse_document("党组每月学习1次。", "demo"), FactSet("demo"), [], 0)
    >>> payload.graph, payload.triples > 3
    ('https://w3id.org/kg-policy/build/b1/doc/demo', True)
    """
    g = document_graph(doc, facts, english_name)
    node = document_iri(doc.doc_id)
    g.add((node, DOCUMENT_JSON, Literal(document_to_json(doc))))
    g.add((node, FACTS_JSON, Literal(factset_to_json(facts))))
    g.add((node, TERMS_JSON, Literal(terms_to_json(terms))))
    text = _ntriples(g)
    return DocumentPayload(doc.doc_id, str(document_graph_iri(build, doc.doc_id)), order, text, len(g))


def _ntriples(graph) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def _manifest(build, payloads) -> str:
    g = Graph()
    for p in payloads:
        g.add((URIRef(build), DOCUMENT_GRAPH, URIRef(p.graph)))
        g.add((URIRef(p.graph), DOCUMENT_ORDER, Literal(p.order, datatype=_INTEGER)))
    return _ntriples(g)


def _term(value) -> str:
    """One IRI or literal in N-Triples syntax, as rdflib writes it."""
    line = _ntriples(Graph().add((STORE, STORE, value)))
    return line.strip()[len(f"<{STORE}> <{STORE}> "):-2]


def _ontology():
    """The ontology as N-Triples, and a digest that says when it changed."""
    text = _ntriples(load_ontology())
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines), hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------- stores
class MemoryStore:
    """The default store: holds nothing; the graph lives in the :class:`kg.KnowledgeGraph` only."""

    persistent = False
    name = "memory"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Nothing to release."""

    def read(self) -> StoreState:
        """Nothing is kept in memory between processes."""
        return StoreState(None, [])


class SparqlStore:
    """A persistent store spoken to in SPARQL 1.1 (embedded Oxigraph or a remote endpoint).

    Parameters
    ----------
    connection : object
        Sends queries (``select(text) -> list of dict``) and updates (``update(text)``).
    name : str
        The spec, for messages.
    """

    persistent = True

    def __init__(self, connection, name):
        self.connection = connection
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Release the store (an embedded one can then be opened by another process)."""
        self.connection.close()

    # ------------------------------------------------------------------ reading
    def read(self) -> StoreState:
        """The current build and its documents in corpus order, read in one query (one snapshot)."""
        rows = self.connection.select(_PREFIX + f"""
SELECT ?build ?order ?document ?facts ?terms WHERE {{
  GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?build }}
  OPTIONAL {{
    GRAPH <{STORE}> {{ ?build kg:documentGraph ?g . ?g kg:documentOrder ?order }}
    GRAPH ?g {{ ?d kg:documentJson ?document ; kg:factsJson ?facts ; kg:termsJson ?terms }}
  }}
}}""")
        if not rows:
            return StoreState(None, [])
        builds = {row["build"] for row in rows}
        if len(builds) > 1:
            raise StoreError(f"{self.name}: the store points at {len(builds)} builds at once; rebuild it")
        documents = [StoredDocument(int(r["order"]), r["document"], r["facts"], r["terms"])
                     for r in rows if r.get("document") is not None]
        documents.sort(key=lambda d: d.order)
        return StoreState(builds.pop(), documents)

    def count_triples(self) -> int:
        """Triples in the current build's document graphs."""
        rows = self.connection.select(_PREFIX + f"""
SELECT (COUNT(*) AS ?n) WHERE {{
  GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?b . ?b kg:documentGraph ?g }}
  GRAPH ?g {{ ?s ?p ?o }}
}}""")
        return int(rows[0]["n"]) if rows else 0

    # ------------------------------------------------------------------ building
    def begin_build(self, batch_bytes: int = BATCH_BYTES) -> "BuildWriter":
        """Start a new build; nothing it writes is read until :meth:`BuildWriter.commit`."""
        self.clean()
        return BuildWriter(self, new_build(), batch_bytes)

    def clean(self) -> int:
        """Drop the graphs of builds that are not current (left by a replaced or a killed build)."""
        rows = self.connection.select(_PREFIX + f"""
SELECT ?b ?g WHERE {{
  GRAPH <{STORE}> {{ ?b kg:documentGraph ?g }}
  FILTER NOT EXISTS {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?b }} }}
}}""")
        stale = [(URIRef(r["b"]), URIRef(r["g"])) for r in rows]
        for start in range(0, len(stale), 200):
            self.connection.update(" ;\n".join(_drop_document(b, g) for b, g in stale[start:start + 200]))
        return len(stale)

    def clear(self):
        """Drop every graph kg wrote here and the store graph (the ontology in the default graph stays)."""
        rows = self.connection.select(_PREFIX + f"SELECT ?b ?g WHERE {{ GRAPH <{STORE}> {{ ?b kg:documentGraph ?g }} }}")
        for start in range(0, len(rows), 200):
            self.connection.update(" ;\n".join(_drop_document(URIRef(r["b"]), URIRef(r["g"]))
                                               for r in rows[start:start + 200]))
        self.connection.update(f"DROP SILENT GRAPH <{STORE}>")

    def ontology_digest(self):
        """The digest of the ontology last written to the default graph, or ``None``."""
        rows = self.connection.select(_PREFIX + f"SELECT ?d WHERE {{ GRAPH <{STORE}> {{ <{STORE}> kg:ontologyDigest ?d }} }}")
        return rows[0]["d"] if rows else None

    def _ontology_update(self):
        """The update that writes the ontology, when the store lacks this version of it ('' otherwise)."""
        text, digest = _ontology()
        if self.ontology_digest() == digest:
            return ""
        return (f"INSERT DATA {{ {text} }} ;\n"
                f"DELETE WHERE {{ GRAPH <{STORE}> {{ <{STORE}> kg:ontologyDigest ?old }} }} ;\n"
                f"INSERT DATA {{ GRAPH <{STORE}> {{ <{STORE}> kg:ontologyDigest {_term(Literal(digest))} }} }} ;\n")

    # ------------------------------------------------------------------ one document
    def put_document(self, build, payload: DocumentPayload) -> str:
        """Write (or replace) one document of the current build in one update; returns the build.

        ``build`` is the build the caller read; ``None`` when the store was empty, and then this
        update starts a build. Raises :class:`StoreError` when someone else rebuilt the store since.
        """
        graph = URIRef(payload.graph)
        if build is None:
            build = URIRef(payload.graph.rsplit("/doc/", 1)[0])
            guard = f"FILTER NOT EXISTS {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?any }} }}"
            pointer = f"<{STORE}> <{CURRENT_BUILD}> <{build}> ."
            prefix = self._ontology_update()
        else:
            guard = f"GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild <{build}> }}"
            pointer = prefix = ""
        self.connection.update(_PREFIX + prefix + f"""DROP SILENT GRAPH <{graph}> ;
DELETE WHERE {{ GRAPH <{STORE}> {{ <{graph}> kg:documentOrder ?order }} }} ;
INSERT {{
  GRAPH <{graph}> {{ {payload.ntriples} }}
  GRAPH <{STORE}> {{ {_manifest(build, [payload])} {pointer} }}
}} WHERE {{ {guard} }}""")
        if not self._holds(build, graph):
            raise StoreError(f"{self.name}: the store was rebuilt since it was opened; "
                             f"{payload.doc_id!r} was not written: open the store again and retry")
        return str(build)

    def remove_document(self, build, doc_id: str):
        """Drop one document of a build, in one update."""
        self.connection.update(_PREFIX + _drop_document(URIRef(build), document_graph_iri(build, doc_id)))

    def _holds(self, build, graph) -> bool:
        rows = self.connection.select(_PREFIX + f"""
SELECT ?g WHERE {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild <{build}> . <{build}> kg:documentGraph ?g
                                    FILTER(?g = <{graph}>) }} }}""")
        return bool(rows)


def _drop_document(build, graph) -> str:
    return (f"DROP SILENT GRAPH <{graph}> ;\n"
            f"DELETE WHERE {{ GRAPH <{STORE}> {{ <{build}> <{DOCUMENT_GRAPH}> <{graph}> }} }} ;\n"
            f"DELETE WHERE {{ GRAPH <{STORE}> {{ <{graph}> <{DOCUMENT_ORDER}> ?order }} }}")


class BuildWriter:
    """Writes one build's documents in batches, then makes the build current in one update."""

    def __init__(self, store, build, batch_bytes=BATCH_BYTES):
        self.store = store
        self.build = str(build)
        self.batch_bytes = batch_bytes
        self.triples = 0
        self.written = 0
        self._pending = []
        self._size = 0

    def write(self, payload: DocumentPayload) -> int:
        """Queue one document; returns how many documents are written so far."""
        if not payload.graph.startswith(self.build + "/"):
            raise StoreError(f"{self.store.name}: {payload.doc_id!r} was prepared for another build")
        self._pending.append(payload)
        self._size += len(payload.ntriples)
        if self._size >= self.batch_bytes:
            self.flush()
        return self.written

    def flush(self) -> int:
        """Send the queued documents in one update; returns how many documents are written so far."""
        if not self._pending:
            return self.written
        graphs = " ".join(f"GRAPH <{p.graph}> {{ {p.ntriples} }}" for p in self._pending)
        self.store.connection.update(
            f"INSERT DATA {{ {graphs} GRAPH <{STORE}> {{ {_manifest(self.build, self._pending)} }} }}")
        self.written += len(self._pending)
        self.triples += sum(p.triples for p in self._pending)
        self._pending, self._size = [], 0
        return self.written

    def commit(self) -> str:
        """Make this build the current one in one update, then drop the graphs of the builds before it."""
        self.flush()
        # One operation switches the pointer (atomic even where a request of several operations is not).
        self.store.connection.update(_PREFIX + self.store._ontology_update() + f"""
DELETE {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?old }} }}
INSERT {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild <{self.build}> }} }}
WHERE {{ OPTIONAL {{ GRAPH <{STORE}> {{ <{STORE}> kg:currentBuild ?old }} }} }}""")
        self.store.clean()
        return self.build


# ---------------------------------------------------------------------------------------------- connections
def _one_line(text, limit=240) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class _Embedded:
    """pyoxigraph's on-disk store: a folder that one process opens at a time (others wait a little)."""

    def __init__(self, folder, create=True):
        self.folder = Path(folder).expanduser()
        self.name = f"oxigraph:{folder}"
        if not create and not self.folder.exists():
            raise StoreError(f"{self.name}: no store there (no such folder); build one with kg build --store {self.name}")
        if self.folder.exists() and not self.folder.is_dir():
            raise StoreError(f"{self.name}: not a folder")
        if self.folder.is_dir() and any(self.folder.iterdir()) and not (self.folder / "CURRENT").exists():
            raise StoreError(f"{self.name}: the folder holds other files, not an Oxigraph store; "
                             f"give an empty or a new folder")
        try:
            import pyoxigraph
        except ImportError:
            raise StoreError(f"{self.name}: pyoxigraph is not installed (pip install pyoxigraph)") from None
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._db = pyoxigraph.Store(str(self.folder))
                return
            except OSError as exc:
                busy = "lock" in str(exc).lower()
                if busy and time.monotonic() < deadline:
                    time.sleep(0.25)
                    continue
                hint = f" (another process has held it for {LOCK_WAIT:g} s)" if busy else ""
                raise StoreError(f"{self.name}: cannot open the store{hint}: {_one_line(exc)}") from None

    def _store(self):
        if self._db is None:
            raise StoreError(f"{self.name}: the store was closed")
        return self._db

    def select(self, query) -> list:
        try:
            solutions = self._store().query(query)
            names = [v.value for v in solutions.variables]
            return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.name}: query failed: {_one_line(exc)}") from None

    def update(self, text):
        try:
            self._store().update(text)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.name}: update failed: {_one_line(exc)}") from None

    def close(self):
        if getattr(self, "_db", None) is not None:
            try:
                self._db.flush()
            except OSError:
                pass
            self._db = None


class _Http:
    """A SPARQL 1.1 endpoint over HTTP (queries and updates POSTed directly), with the standard library."""

    def __init__(self, query_url, update_url, timeout=DEFAULT_TIMEOUT):
        self.query_url = query_url
        self.update_url = update_url
        self.timeout = timeout
        user = os.environ.get("KG_SPARQL_USER")
        handlers = []
        if user:
            password = os.environ.get("KG_SPARQL_PASSWORD", "")
            basic = urllib.request.HTTPPasswordMgrWithPriorAuth()   # sent with the first request
            digest = urllib.request.HTTPPasswordMgrWithDefaultRealm()  # answered when challenged (Virtuoso)
            for url in {query_url, update_url}:
                basic.add_password(None, url, user, password, is_authenticated=True)
                digest.add_password(None, url, user, password)
            handlers = [urllib.request.HTTPBasicAuthHandler(basic), urllib.request.HTTPDigestAuthHandler(digest)]
        self._opener = urllib.request.build_opener(*handlers)
        self._credentials = bool(user)

    def _post(self, url, body: str, content_type: str, accept=None) -> bytes:
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = _one_line(exc.read().decode("utf-8", "replace"), 160)
            hint = ""
            if exc.code in (401, 403):
                hint = (" (check KG_SPARQL_USER and KG_SPARQL_PASSWORD)" if self._credentials
                        else " (set KG_SPARQL_USER and KG_SPARQL_PASSWORD)")
            raise StoreError(f"{url}: the SPARQL endpoint answered HTTP {exc.code} {exc.reason}{hint}"
                             + (f": {detail}" if detail else "")) from None
        except (socket.timeout, TimeoutError):
            raise StoreError(f"{url}: the SPARQL endpoint did not answer within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint ({_one_line(exc.reason)})") from None
        except OSError as exc:
            raise StoreError(f"{url}: cannot talk to the SPARQL endpoint ({_one_line(exc)})") from None

    def select(self, query) -> list:
        data = self._post(self.query_url, query, "application/sparql-query", "application/sparql-results+json")
        try:
            results = json.loads(data.decode("utf-8"))
            return [{name: cell["value"] for name, cell in row.items()} for row in results["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError):
            raise StoreError(f"{self.query_url}: the answer is not SPARQL JSON results; "
                             f"is this a SPARQL query endpoint?") from None

    def update(self, text):
        self._post(self.update_url, text, "application/sparql-update")

    def close(self):
        pass
