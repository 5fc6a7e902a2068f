"""The RDF graph: the one place where facts become triples (and the only user of rdflib's model).

Every document's triples go in a named graph of its own; the vocabulary and the curated lexicon
and glossary sit in the default graph. IRIs are deterministic: building the same corpus twice
gives the same triples.

>>> from kg.reading import read_text
>>> from kg.document import parse_document
>>> doc = parse_document(read_text("党组每月研究1次党建工作。", "demo").text, "demo")
>>> g = document_graph(doc, FactSet("demo"))
>>> (sentence_iri("demo", 0, 13), NIF_ANCHOR, Literal("党组每月研究1次党建工作。")) in g
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS, XSD

from .errors import KgError
from .facts import DEFAULT, OBLIGATION, PERMISSION, PROHIBITION, EntityRef, FactSet  # noqa: F401
from .files import written_atomically
from .resources import ontology_dir

BASE = "https://w3id.org/kg-policy/"
KG = Namespace(BASE + "ns#")
KGV = Namespace(BASE + "vocab/")
ORG = Namespace("http://www.w3.org/ns/org#")
ODRL = Namespace("http://www.w3.org/ns/odrl/2/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

PREFIXES = {"kg": KG, "kgv": KGV, "org": ORG, "odrl": ODRL, "prov": PROV, "nif": NIF,
            "skos": SKOS, "dct": DCTERMS}

# Vocabulary terms as constants (never Namespace attributes that collide with str methods).
DOCUMENT, SECTION, SENTENCE = KG["Document"], KG["Section"], KG["Sentence"]
ROLE, ORGANIZATION = KG["Role"], KG["Organization"]
DUTY, DEFAULT_DUTY, PROHIBITION_RULE, PERMISSION_RULE = KG["Duty"], KG["DefaultDuty"], KG["ProhibitionRule"], KG["PermissionRule"]
REPORTED_PRACTICE = KG["ReportedPractice"]
MECHANISM, MECHANISM_PART = KG["Mechanism"], KG["MechanismPart"]
PROBLEM, POST_HOLDING, RESPONSIBILITY_LINK = KG["Problem"], KG["PostHolding"], KG["ResponsibilityLink"]
SECTION_KIND, IN_SECTION, PARENT_SECTION = KG["sectionKind"], KG["inSection"], KG["parentSection"]
LEVEL, MARKER, HEADING, SENTENCE_INDEX, MENTIONS = KG["level"], KG["marker"], KG["heading"], KG["sentenceIndex"], KG["mentions"]
ENCODING, DISCOVERED = KG["encoding"], KG["discovered"]
BEARER, ACTION_TEXT, MODALITY = KG["bearer"], KG["actionText"], KG["modality"]
PERIOD, TIMES_PER_PERIOD, COUNT_MASKED, FREQUENCY_TEXT = KG["period"], KG["timesPerPeriod"], KG["countMasked"], KG["frequencyText"]
QUANTITY, CONDITION = KG["quantity"], KG["condition"]
HAS_PART, POSITION, PART_GROUP = KG["hasPart"], KG["position"], KG["partGroup"]
DECLARED_COUNT, PARTS_FOUND, COUNT_STATUS = KG["declaredCount"], KG["partsFound"], KG["countStatus"]
DEFINITION_FORM, SUFFIX, FORMULA, KNOWLEDGE_SOURCE = KG["definitionForm"], KG["suffix"], KG["formula"], KG["knowledgeSource"]
GENERAL_KNOWLEDGE, DOCUMENT_TEXT = KG["GeneralKnowledge"], KG["DocumentText"]
CONCERNS, PREVALENCE, BREACHES, DESCRIPTION = KG["concerns"], KG["prevalence"], KG["breaches"], KG["description"]
HOLDER, POST, CONCURRENT, DEFAULT_RULE = KG["holder"], KG["post"], KG["concurrent"], KG["defaultRule"]
SUPERIOR, SUBORDINATE, RELATION = KG["superior"], KG["subordinate"], KG["relation"]
WAS_DERIVED_FROM = PROV["wasDerivedFrom"]
NIF_IS_STRING, NIF_BEGIN, NIF_END = NIF["isString"], NIF["beginIndex"], NIF["endIndex"]
NIF_ANCHOR, NIF_REFERENCE_CONTEXT = NIF["anchorOf"], NIF["referenceContext"]

SECTION_KIND_TERMS = {"practice": KG["Practice"], "problem": KG["ProblemPart"], "measure": KG["Measure"],
                      "rule": KG["Rule"], "other": KG["OtherPart"]}
MODALITY_TERMS = {OBLIGATION: KG["Obligation"], PROHIBITION: KG["Prohibited"], DEFAULT: KG["Default"],
                  PERMISSION: KG["Permitted"]}
DUTY_CLASSES = {OBLIGATION: DUTY, PROHIBITION: PROHIBITION_RULE, DEFAULT: DEFAULT_DUTY, PERMISSION: PERMISSION_RULE}
STATUS_TERMS = {"confirmed": KG["Confirmed"], "mismatch": KG["Mismatch"], "undefined": KG["Undefined"]}
KIND_CLASSES = {"role": ROLE, "organization": ORGANIZATION, "mechanism": MECHANISM}

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig"}
ONTOLOGY_FILES = ("kg.ttl", "lexicon.ttl", "glossary.ttl")


def _digest(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document.

    >>> str(document_iri("jiguan_dangjian_report"))
    'https://w3id.org/kg-policy/doc/jiguan_dangjian_report'
    """
    return URIRef(BASE + "doc/" + quote(doc_id, safe=""))


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """A span's IRI in the NIF/RFC 5147 style: ``…/doc/ID#char=start,end``."""
    return URIRef(f"{document_iri(doc_id)}#char={start},{end}")


def section_iri(doc_id: str, index: int) -> URIRef:
    """The IRI of a document's section number ``index``."""
    return URIRef(f"{document_iri(doc_id)}#section-{index}")


def entity_iri(ref) -> URIRef:
    """The IRI of a role, organization or formula: curated keys are readable, found ones hashed.

    >>> str(entity_iri(EntityRef("FirstSecretary", "第一书记", "role")))
    'https://w3id.org/kg-policy/vocab/FirstSecretary'
    >>> str(entity_iri(EntityRef("found:党建指导员", "党建指导员", "role"))).startswith(BASE + "vocab/found/role-")
    True
    """
    if ref.key.startswith("found:"):
        return KGV[f"found/{ref.kind}-{_digest(ref.kind, ref.label)}"]
    return KGV[ref.key]


def fact_iri(kind: str, doc_id: str, *key) -> URIRef:
    """A deterministic IRI for a fact node, from its document and identifying fields."""
    return URIRef(f"{BASE}fact/{kind}-{_digest(doc_id, *key)}")


def load_ontology() -> Graph:
    """The vocabulary, lexicon and glossary Turtle files as one graph.

    The files are parsed by pyoxigraph when it is installed: 0.01 s against rdflib's 0.25 s, which every
    build and every ``kg`` command paid before reading a single text. The graph is the same either way.
    """
    graph = Graph()
    for name in ONTOLOGY_FILES:
        path = ontology_dir() / name
        if path.exists():
            _parse_turtle(graph, path)
    return graph


def _parse_turtle(graph, path):
    try:
        import pyoxigraph
    except ImportError:
        graph.parse(path, format="turtle")
        return
    bnodes = {}

    def term(node):
        if isinstance(node, pyoxigraph.NamedNode):
            return URIRef(node.value)
        if isinstance(node, pyoxigraph.BlankNode):
            return bnodes.setdefault(node.value, BNode())
        if node.language:
            return Literal(node.value, lang=node.language)
        datatype = node.datatype.value
        return Literal(node.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))

    try:
        triples = pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
        graph.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in triples)
    except SyntaxError as exc:
        raise KgError(f"{path}: not valid Turtle ({exc})") from None


_XSD_STRING = str(XSD.string)


def load_shapes() -> Graph:
    """The SHACL shapes that every graph kg builds must satisfy."""
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def _zh(text):
    return Literal(text, lang="zh")


def _add_entity(g, ref, english=None):
    iri = entity_iri(ref)
    if ref.key.startswith("found:"):
        g.add((iri, RDF.type, KIND_CLASSES.get(ref.kind, SKOS.Concept)))
        g.add((iri, SKOS.prefLabel, _zh(ref.label)))
        g.add((iri, DISCOVERED, Literal(True)))
        if english:
            g.add((iri, SKOS.prefLabel, Literal(english, lang="en")))
    return iri


def _add_evidence(g, node, evidence):
    g.add((node, WAS_DERIVED_FROM, sentence_iri(evidence.doc_id, evidence.start, evidence.end)))


def _add_document(g, doc):
    d = document_iri(doc.doc_id)
    g.add((d, RDF.type, DOCUMENT))
    g.add((d, RDF.type, NIF["Context"]))
    g.add((d, DCTERMS.identifier, Literal(doc.doc_id)))
    g.add((d, DCTERMS.title, _zh(doc.title)))
    g.add((d, NIF_IS_STRING, Literal(doc.text)))
    g.add((d, NIF_BEGIN, Literal(0)))
    g.add((d, NIF_END, Literal(len(doc.text))))
    g.add((d, ENCODING, Literal(doc.encoding)))
    for s in doc.sections:
        node = section_iri(doc.doc_id, s.index)
        g.add((node, RDF.type, SECTION))
        g.add((node, DCTERMS.isPartOf, d))
        g.add((node, LEVEL, Literal(s.level)))
        g.add((node, MARKER, Literal(s.marker)))
        if s.heading:
            g.add((node, HEADING, _zh(s.heading)))
        g.add((node, SECTION_KIND, SECTION_KIND_TERMS[s.kind]))
        g.add((node, NIF_BEGIN, Literal(s.start)))
        g.add((node, NIF_END, Literal(s.end)))
        if s.parent is not None:
            g.add((node, PARENT_SECTION, section_iri(doc.doc_id, s.parent)))
    for s in doc.sentences:
        node = sentence_iri(doc.doc_id, s.start, s.end)
        g.add((node, RDF.type, SENTENCE))
        g.add((node, NIF_REFERENCE_CONTEXT, d))
        g.add((node, NIF_BEGIN, Literal(s.start)))
        g.add((node, NIF_END, Literal(s.end)))
        g.add((node, NIF_ANCHOR, Literal(s.text)))
        g.add((node, SENTENCE_INDEX, Literal(s.index)))
        g.add((node, SECTION_KIND, SECTION_KIND_TERMS[s.kind]))
        if s.section is not None:
            g.add((node, IN_SECTION, section_iri(doc.doc_id, s.section)))


def _add_duty(g, doc_id, duty):
    node = fact_iri("duty", doc_id, duty.evidence.start, duty.start, duty.end, duty.action,
                    duty.bearer.key if duty.bearer else "")
    g.add((node, RDF.type, REPORTED_PRACTICE if duty.reported else DUTY_CLASSES[duty.modality]))
    if duty.bearer is not None:
        g.add((node, BEARER, _add_entity(g, duty.bearer)))
    g.add((node, ACTION_TEXT, _zh(duty.action)))
    g.add((node, MODALITY, MODALITY_TERMS[duty.modality]))
    if duty.section_kind:
        g.add((node, SECTION_KIND, SECTION_KIND_TERMS[duty.section_kind]))
    if duty.frequency is not None:
        f = duty.frequency
        if f.period:
            g.add((node, PERIOD, Literal(f.period)))
        if f.count is not None:
            g.add((node, TIMES_PER_PERIOD, Literal(f.count, datatype=XSD.integer)))
        g.add((node, COUNT_MASKED, Literal(bool(f.masked))))
        g.add((node, FREQUENCY_TEXT, _zh(f.text)))
    if duty.quantity:
        g.add((node, QUANTITY, _zh(duty.quantity)))
    if duty.condition:
        g.add((node, CONDITION, _zh(duty.condition)))
    _add_evidence(g, node, duty.evidence)


def _add_formula(g, doc_id, formula, english_name=None):
    node = fact_iri("formula", doc_id, formula.start, formula.end, formula.name)
    g.add((node, RDF.type, MECHANISM))
    g.add((node, SKOS.prefLabel, _zh(formula.name)))
    if english_name:
        g.add((node, SKOS.prefLabel, Literal(english_name, lang="en")))
    g.add((node, KNOWLEDGE_SOURCE, DOCUMENT_TEXT))
    if formula.declared_count is not None:
        g.add((node, DECLARED_COUNT, Literal(formula.declared_count, datatype=XSD.integer)))
    g.add((node, COUNT_MASKED, Literal(bool(formula.count_masked))))
    g.add((node, PARTS_FOUND, Literal(len(formula.parts), datatype=XSD.integer)))
    g.add((node, COUNT_STATUS, STATUS_TERMS[formula.status]))
    if formula.form:
        g.add((node, DEFINITION_FORM, Literal(formula.form)))
    if formula.suffix:
        g.add((node, SUFFIX, _zh(formula.suffix)))
    if formula.key:
        g.add((node, FORMULA, KGV[formula.key]))
    g.add((node, NIF_BEGIN, Literal(formula.start)))
    g.add((node, NIF_END, Literal(formula.end)))
    for position, part in enumerate(formula.parts, 1):
        p = fact_iri("part", doc_id, formula.start, part.start, part.end, part.text)
        g.add((node, HAS_PART, p))
        g.add((p, RDF.type, MECHANISM_PART))
        g.add((p, SKOS.prefLabel, _zh(part.text)))
        g.add((p, POSITION, Literal(position, datatype=XSD.integer)))
        if part.group:
            g.add((p, PART_GROUP, _zh(part.group)))
        g.add((p, NIF_BEGIN, Literal(part.start)))
        g.add((p, NIF_END, Literal(part.end)))
        _add_evidence(g, p, formula.evidence)
    _add_evidence(g, node, formula.evidence)


def _add_holding(g, doc_id, holding):
    node = fact_iri("holding", doc_id, holding.evidence.start, holding.holder.key, holding.post.key)
    g.add((node, RDF.type, POST_HOLDING))
    g.add((node, HOLDER, _add_entity(g, holding.holder)))
    g.add((node, POST, _add_entity(g, holding.post)))
    g.add((node, CONCURRENT, Literal(bool(holding.concurrent))))
    g.add((node, DEFAULT_RULE, Literal(bool(holding.default_rule))))
    if holding.condition:
        g.add((node, CONDITION, _zh(holding.condition)))
    _add_evidence(g, node, holding.evidence)


def _add_problem(g, doc_id, problem):
    node = fact_iri("problem", doc_id, problem.evidence.start, problem.start, problem.end, problem.description)
    g.add((node, RDF.type, PROBLEM))
    g.add((node, DESCRIPTION, _zh(problem.description)))
    if problem.concerns is not None:
        g.add((node, CONCERNS, _add_entity(g, problem.concerns)))
    if problem.prevalence:
        g.add((node, PREVALENCE, Literal(problem.prevalence)))
    if problem.breached_duty:
        g.add((node, BREACHES, _zh(problem.breached_duty)))
    _add_evidence(g, node, problem.evidence)


def _add_chain(g, doc_id, link):
    node = fact_iri("chain", doc_id, link.evidence.start, link.superior.key, link.subordinate.key)
    g.add((node, RDF.type, RESPONSIBILITY_LINK))
    sup, sub = _add_entity(g, link.superior), _add_entity(g, link.subordinate)
    g.add((node, SUPERIOR, sup))
    g.add((node, SUBORDINATE, sub))
    g.add((node, RELATION, Literal(link.relation)))
    _add_evidence(g, node, link.evidence)


def document_graph(doc, facts, english_name=None) -> Graph:
    """All triples of one document: its text, structure and facts.

    ``english_name`` is an optional function giving a formula's English label.
    """
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    _add_document(g, doc)
    for m in facts.mentions:
        iri = _add_entity(g, m.entity)
        g.add((sentence_iri(doc.doc_id, m.evidence.start, m.evidence.end), MENTIONS, iri))
    for f in facts.formulae:
        _add_formula(g, doc.doc_id, f, english_name(f) if english_name else None)
    for d in facts.duties:
        _add_duty(g, doc.doc_id, d)
    for h in facts.holdings:
        _add_holding(g, doc.doc_id, h)
    for p in facts.problems:
        _add_problem(g, doc.doc_id, p)
    for c in facts.chains:
        _add_chain(g, doc.doc_id, c)
    return g


def build_dataset(documents, factsets, english_name=None, ontology=None) -> Dataset:
    """A dataset: the ontology in the default graph, one named graph per document."""
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    default = ds.default_graph if hasattr(ds, "default_graph") else ds.default_context
    for triple in (ontology if ontology is not None else load_ontology()):
        default.add(triple)
    for doc, facts in zip(documents, factsets):
        named = ds.graph(document_iri(doc.doc_id))
        for triple in document_graph(doc, facts, english_name):
            named.add(triple)
    return ds


def union_graph(dataset) -> Graph:
    """All triples of a dataset in one plain graph (for Turtle, N-Triples, JSON-LD and SHACL)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def export_graph(dataset, path) -> Path:
    """Write a dataset to ``path`` in the format its extension names, atomically.

    The file is written to a temporary name beside the target and renamed, so a crash leaves
    the old file or the new one, never half of one.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgError(f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(FORMATS)}")
    target = dataset if fmt == "trig" else union_graph(dataset)
    with written_atomically(path, "the graph") as handle:
        target.serialize(destination=handle, format=fmt, encoding="utf-8")
    return path


def validate_graph(graph, shapes=None):
    """Validate a graph against the SHACL shapes; returns ``(conforms, report_text)``."""
    from pyshacl import validate

    data = graph if isinstance(graph, Graph) and not isinstance(graph, Dataset) else union_graph(graph)
    conforms, _, text = validate(data, shacl_graph=shapes if shapes is not None else load_shapes(),
                                 ont_graph=load_ontology(), inference="rdfs", advanced=True, allow_warnings=True)
    return conforms, text



def read_terms(graph=None) -> list:
    """The curated roles, organizations and formulae of the ontology, as plain dictionaries.

    Each dictionary has ``key``, ``kind``, ``zh``, ``en``, ``alt_zh``, ``alt_en``, ``hidden``,
    ``definition_zh``, ``definition_en``, ``count``, ``parts`` (a list of ``(zh, en)`` in order),
    ``broader`` (keys) and ``superiors`` (keys of typical superior organizations).
    """
    graph = graph if graph is not None else load_ontology()
    kinds = {ROLE: "role", ORGANIZATION: "organization", MECHANISM: "mechanism"}
    terms = []
    for cls, kind in kinds.items():
        for iri in sorted(set(graph.subjects(RDF.type, cls))):
            if not str(iri).startswith(str(KGV)):
                continue
            terms.append(_term_dict(graph, iri, kind))
    return terms


def _labels(graph, iri, prop, lang):
    return sorted(str(o) for o in graph.objects(iri, prop) if getattr(o, "language", None) == lang)


def _term_dict(graph, iri, kind):
    def one(prop, lang):
        values = _labels(graph, iri, prop, lang)
        return values[0] if values else ""

    parts = []
    for part in graph.objects(iri, HAS_PART):
        position = graph.value(part, POSITION)
        parts.append((int(position) if position is not None else 0, _first(graph, part, "zh"), _first(graph, part, "en")))
    parts.sort()
    count = graph.value(iri, DECLARED_COUNT)
    return {
        "key": str(iri)[len(str(KGV)):],
        "kind": kind,
        "zh": one(SKOS.prefLabel, "zh"),
        "en": one(SKOS.prefLabel, "en"),
        "alt_zh": _labels(graph, iri, SKOS.altLabel, "zh"),
        "alt_en": _labels(graph, iri, SKOS.altLabel, "en"),
        "hidden": _labels(graph, iri, SKOS.hiddenLabel, "zh") + _labels(graph, iri, SKOS.hiddenLabel, "en"),
        "definition_zh": one(SKOS.definition, "zh"),
        "definition_en": one(SKOS.definition, "en"),
        "count": int(count) if count is not None else None,
        "parts": [(zh, en) for _, zh, en in parts],
        "broader": sorted(str(b)[len(str(KGV)):] for b in graph.objects(iri, SKOS.broader)),
        "superiors": sorted(str(b)[len(str(KGV)):] for b in graph.objects(iri, KG["typicalSuperior"])),
    }


def _first(graph, iri, lang):
    values = _labels(graph, iri, SKOS.prefLabel, lang)
    return values[0] if values else ""
