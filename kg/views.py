"""Views: a built :class:`kg.KnowledgeGraph` turned into what the explorer shows.

Plain functions that return rows, groups, trees, subgraphs, DOT drawings and escaped HTML; the
Streamlit app (``app/explorer.py``) only lays them out. Every piece of document text that ends up
in HTML goes through :func:`html.escape`, and in Markdown through :func:`escape_markdown`.

>>> from kg import KnowledgeGraph
>>> kg = KnowledgeGraph().fit(texts={"demo": "三、措施\\n党组每季度研究1次党建工作。党组不得以会代训。"})
>>> [group.title for group in role_duties(kg, "PartyGroup", include_posts=False)]
['应当做的', '不得做的']
>>> highlight_html(kg.document("demo"), 5, 19)
'<mark>党组每季度研究1次党建工作。</mark>党组不得以会代训。'
"""

from __future__ import annotations

import html
import io
import itertools
import re
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .errors import KgError, ReadError
from .facts import MODALITIES, PERIOD_EN, PERIOD_ZH
from .factbase import formula_key
from .network import chain_graph, chain_subgraph, layers
from .reading import TEXT_SUFFIXES, make_doc_id, read_bytes

MAX_UPLOAD_BYTES = 5 * 2**20  # 5 MB, counted as Streamlit's uploader counts them
MAX_SPARQL_ROWS = 500
CJK_FONT = "Noto Sans CJK SC"

# Display names, (Chinese, English).
KIND_LABELS = {"role": ("角色", "role"), "organization": ("组织", "organization"),
               "mechanism": ("数字化表述", "numbered formula"), "part": ("组成部分", "part"),
               "duty": ("职责", "duty"), "problem": ("问题", "problem")}
MODALITY_LABELS = {"obligation": ("应当做的", "Must do"), "prohibition": ("不得做的", "Must not do"),
                   "default": ("原则上做的", "As a rule"), "permission": ("可以做的", "May do")}
MODALITY_VERBS = {"obligation": ("应当", "must"), "prohibition": ("不得", "must not"), "default": ("原则上", "as a rule"),
                  "permission": ("可以", "may")}
RELATION_LABELS = {"leads": ("领导", "leads"), "guides": ("指导", "guides"), "supervises": ("监督", "supervises"),
                   "holds": ("担任", "holds"), "concurrently holds": ("兼任", "concurrently holds"),
                   "has duty": ("职责", "has duty"), "concerns": ("涉及", "concerns"),
                   "has part": ("包括", "has part"), "mentions": ("提及", "mentions")}
STATUS_LABELS = {"confirmed": ("数目相符", "count matches"), "mismatch": ("数目不符", "count does not match"),
                 "undefined": ("文中未列出各项", "parts not listed in the text")}
SOURCE_LABELS = {"text": ("文中定义", "defined in the text"),
                 "glossary": ("据通用知识（术语表）", "from general knowledge (the glossary)"),
                 "none": ("文中与术语表均未定义", "defined neither in the text nor in the glossary")}
PREVALENCE_LABELS = {"many": ("多数", "many"), "some": ("有的", "some"), "several": ("一些", "several"),
                     "few": ("少数", "few")}
PERIOD_ORDER = ("day", "week", "month", "quarter", "halfyear", "year", "term", "")
NO_PERIOD = ("未说明频次", "No stated frequency")
# Colours of node kinds in drawings.
KIND_COLOURS = {"role": "#fde2c8", "organization": "#d6e6fa", "mechanism": "#e4d9f5", "part": "#efe9f9",
                "duty": "#ddf2dd", "problem": "#f9d6d5"}


class ReadOnlyQueryError(KgError, ValueError):
    """A SPARQL text that the read-only console refuses (an update, a remote call, bad syntax)."""


def pick(labels: tuple, language: str) -> str:
    """The label of a ``(Chinese, English)`` pair in a language.

    >>> pick(KIND_LABELS["role"], "en")
    'role'
    """
    return labels[1] if language == "en" else labels[0]


def escape_markdown(text: str) -> str:
    r"""Text made inert for Streamlit Markdown: HTML escaped, Markdown and LaTeX marks backslashed.

    >>> escape_markdown("*名党组书记 <b>$x$</b>")
    '\\*名党组书记 &lt;b&gt;\\$x\\$&lt;/b&gt;'
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~$>:])", r"\\\1", html.escape(str(text), quote=False))


# ---------------------------------------------------------------------------- evidence
@dataclass(frozen=True)
class EvidenceView:
    """An evidence span with where it is (document title, section) and its paragraph as HTML."""

    doc: str
    title: str
    section: str
    start: int
    end: int
    text: str
    html: str


def section_label(doc, offset: int) -> str:
    """The section path of the sentence at ``offset``: ``二、问题 > （一）……``; empty when outside sections."""
    sentence = doc.sentence_at(offset)
    index = sentence.section if sentence is not None else None
    return " > ".join(s.marker + (s.heading or "") for s in doc.section_path(index))


def _paragraph_window(doc, start: int, end: int) -> tuple:
    """The span of the paragraphs that overlap ``[start, end)`` (the span itself where none does)."""
    overlapping = [p for p in doc.paragraphs if p.start < max(end, start + 1) and p.end > start]
    if not overlapping:
        return start, end
    return min(overlapping[0].start, start), max(overlapping[-1].end, end)


def _html_text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def highlight_html(doc, start: int, end: int, context: int = 90) -> str:
    """The paragraph around ``doc.text[start:end]`` as HTML, the span in ``<mark>``, all text escaped.

    Context beyond ``context`` characters on either side is cut and marked with an ellipsis.

    >>> from kg.document import parse_document
    >>> doc = parse_document("党组<b>每月</b>学习1次。党员参加。", "d")
    >>> highlight_html(doc, 0, 16)
    '<mark>党组&lt;b&gt;每月&lt;/b&gt;学习1次。</mark>党员参加。'
    """
    if not 0 <= start <= end <= len(doc.text):
        raise KgError(f"span [{start}, {end}) is outside document {doc.doc_id!r} ({len(doc.text)} characters)")
    window_start, window_end = _paragraph_window(doc, start, end)
    before_start = max(window_start, start - context)
    after_end = min(window_end, end + context)
    before = ("…" if before_start > window_start else "") + _html_text(doc.text[before_start:start])
    after = _html_text(doc.text[end:after_end]) + ("…" if after_end < window_end else "")
    return f"{before}<mark>{_html_text(doc.text[start:end])}</mark>{after}"


def evidence_view(kg, doc_id: str, start: int, end: int, section: str = "") -> EvidenceView:
    """An :class:`EvidenceView` of a span of one document of ``kg``."""
    doc = kg.document(doc_id)
    return EvidenceView(doc_id, doc.title, section or section_label(doc, start), start, end,
                        doc.text[start:end], highlight_html(doc, start, end))


def evidence_of_answer(kg, answer) -> list:
    """The evidence of an :class:`kg.qa.Answer`, each item shown inside its paragraph."""
    return [evidence_view(kg, item.doc, item.start, item.end, item.section) for item in answer.evidence]


def evidence_of_fact(kg, evidence) -> EvidenceView:
    """The :class:`kg.facts.Evidence` of a fact, shown inside its paragraph."""
    return evidence_view(kg, evidence.doc_id, evidence.start, evidence.end)


def understanding(answer) -> dict:
    """How a question was understood: tokens, entities, intent, language and the rest of the trace."""
    trace = dict(answer.trace)
    return {"question": answer.question, "language": answer.language, "intent": answer.intent,
            "tokens": list(trace.pop("tokens", [])), "entities": list(answer.entities), "trace": trace}


# ---------------------------------------------------------------------------- terms and roles
def term_label(kg, key: str, language: str = "zh", fallback: str = "") -> str:
    """A term's name: Chinese, or in English ``first secretary (第一书记)`` where the lexicon has one."""
    term = kg.lexicon_.get(key)
    if term is None:
        return fallback or key
    if language == "en" and term.en and term.en != term.zh:
        return f"{term.en} ({term.zh})"
    return term.zh


@dataclass(frozen=True)
class RoleOption:
    """A role or organization that some fact is about."""

    key: str
    label: str
    kind: str
    facts: int


def role_options(kg, language: str = "zh") -> list:
    """Roles and organizations with at least one duty, post, problem or chain link; most facts first."""
    facts = kg.facts_
    counts = {}

    def count(ref):
        if ref is not None and ref.kind in ("role", "organization"):
            counts[ref.key] = counts.get(ref.key, 0) + 1

    for duty in facts.duties:
        count(duty.bearer)
    for holding in facts.holdings:
        count(holding.holder)
        count(holding.post)
    for problem in facts.problems:
        count(problem.concerns)
    for link in facts.chains:
        count(link.superior)
        count(link.subordinate)
    labels = _reference_labels(kg)
    options = [RoleOption(key, term_label(kg, key, language, labels.get(key, key)), _kind_of(kg, key), n)
               for key, n in counts.items()]
    return sorted(options, key=lambda o: (-o.facts, o.label))


def _kind_of(kg, key):
    term = kg.lexicon_.get(key)
    return term.kind if term is not None else "role"


def _reference_labels(kg) -> dict:
    """The Chinese label of every entity some fact refers to, by key."""
    facts = kg.facts_
    refs = [d.bearer for d in facts.duties] + [p.concerns for p in facts.problems]
    refs += [r for h in facts.holdings for r in (h.holder, h.post)]
    refs += [r for c in facts.chains for r in (c.superior, c.subordinate)]
    return {r.key: r.label for r in refs if r is not None}


def related_roles(kg, key: str, language: str = "zh") -> list:
    """``[(key, how)]``: the role itself (``how`` empty), the posts it holds and the roles that hold it."""
    name = term_label(kg, key, language)
    related = [(key, "")]
    for h in kg.facts_.posts_held_by(key):
        verb = pick(RELATION_LABELS["concurrently holds" if h.concurrent else "holds"], language)
        related.append((h.post.key, f"{name} {verb} {term_label(kg, h.post.key, language, h.post.label)}"
                        if language == "en" else f"{name}{verb}{h.post.label}"))
    for h in kg.facts_.holders_of(key):
        verb = pick(RELATION_LABELS["concurrently holds" if h.concurrent else "holds"], language)
        holder = term_label(kg, h.holder.key, language, h.holder.label)
        related.append((h.holder.key, f"{holder} {verb} {name}" if language == "en" else f"由{h.holder.label}{verb}"))
    seen, out = set(), []
    for item in related:
        if item[0] not in seen:
            seen.add(item[0])
            out.append(item)
    return out


# ---------------------------------------------------------------------------- duties
@dataclass(frozen=True)
class DutyRow:
    """One duty as shown: what, how often, how much, on what condition, through which post, and where."""

    action: str
    modality: str
    frequency: str
    quantity: str
    condition: str
    reported: bool
    via: str
    evidence: EvidenceView


@dataclass(frozen=True)
class DutyGroup:
    """The duties of one modality, by frequency: ``frequencies`` is ``((title, (DutyRow, …)), …)``."""

    modality: str
    title: str
    frequencies: tuple

    @property
    def count(self) -> int:
        """How many duties the group holds."""
        return sum(len(rows) for _, rows in self.frequencies)


def _period_title(period: str, language: str) -> str:
    if not period:
        return pick(NO_PERIOD, language)
    names = PERIOD_EN if language == "en" else PERIOD_ZH
    title = names.get(period, period)
    return title[:1].upper() + title[1:] if language == "en" else title


def group_duties(kg, duties, language: str = "zh", via=None) -> list:
    """Duties grouped by modality (must, must not, as a rule, may), then by period (daily … no period).

    ``via`` maps ``id(duty)`` to the post through which the duty applies.
    """
    via = via or {}
    groups = []
    for modality in MODALITIES:
        by_period = {}
        for duty in duties:
            if duty.modality != modality:
                continue
            period = duty.frequency.period if duty.frequency is not None else ""
            by_period.setdefault(period if period in PERIOD_ORDER else "", []).append(
                DutyRow(duty.action, duty.modality,
                        duty.frequency.describe(language) if duty.frequency is not None else "",
                        duty.quantity, duty.condition, duty.reported, via.get(id(duty), ""),
                        evidence_of_fact(kg, duty.evidence)))
        frequencies = tuple((_period_title(p, language), tuple(by_period[p])) for p in PERIOD_ORDER if p in by_period)
        if frequencies:
            groups.append(DutyGroup(modality, pick(MODALITY_LABELS[modality], language), frequencies))
    return groups


def role_duties(kg, key: str, language: str = "zh", include_posts: bool = True) -> list:
    """The duties of a role grouped by modality and frequency, with those of the posts it holds or that hold it."""
    related = related_roles(kg, key, language) if include_posts else [(key, "")]
    duties, via = [], {}
    for related_key, how in related:
        for duty in kg.facts_.duties_of(related_key):
            duties.append(duty)
            via[id(duty)] = how
    return group_duties(kg, duties, language, via)


# ---------------------------------------------------------------------------- posts and problems
@dataclass(frozen=True)
class PostRow:
    """A holding seen from one role: ``holder`` holds ``post``."""

    holder: str
    post: str
    relation: str
    default_rule: bool
    condition: str
    evidence: EvidenceView


def role_posts(kg, key: str, language: str = "zh") -> list:
    """The posts a role holds and the roles that hold it as a post, with their evidence."""
    holdings = kg.facts_.posts_held_by(key) + kg.facts_.holders_of(key)
    return [PostRow(term_label(kg, h.holder.key, language, h.holder.label),
                    term_label(kg, h.post.key, language, h.post.label),
                    pick(RELATION_LABELS["concurrently holds" if h.concurrent else "holds"], language),
                    h.default_rule, h.condition, evidence_of_fact(kg, h.evidence)) for h in holdings]


@dataclass(frozen=True)
class ProblemRow:
    """A reported problem: what, how widespread, which duty it names by its breach, and where."""

    description: str
    prevalence: str
    breached_duty: str
    evidence: EvidenceView


def role_problems(kg, key: str, language: str = "zh") -> list:
    """The problems the texts report about a role or organization."""
    return [ProblemRow(p.description, pick(PREVALENCE_LABELS[p.prevalence], language) if p.prevalence in
                       PREVALENCE_LABELS else p.prevalence, p.breached_duty, evidence_of_fact(kg, p.evidence))
            for p in kg.facts_.problems_of(key)]


# ---------------------------------------------------------------------------- drawings
def dot_string(text: str) -> str:
    """A DOT double-quoted string (quotes, backslashes and line breaks escaped).

    >>> dot_string('党组"书记"')
    '"党组\\\\"书记\\\\""'
    """
    text = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "")
    return f'"{text}"'


def _dot_width(label: str) -> float:
    """A node width in inches that fits ``label``: Graphviz under-measures Chinese characters."""
    wide = sum(1 for ch in label if ord(ch) > 0x2E7F)
    return round(max(0.75, (wide * 15 + (len(label) - wide) * 8) / 72 + 0.35), 2)


def _dot_node(node_id, label, kind, focus=False) -> str:
    fill = "#ffd08a" if focus else KIND_COLOURS.get(kind, "#eeeeee")
    pen = ", penwidth=2" if focus else ""
    return (f"  {node_id} [label={dot_string(label)}, fillcolor={dot_string(fill)}, "
            f"width={_dot_width(label)}{pen}];")


def _dot_header(name, rankdir="TB"):
    return [f"digraph {name} {{", f"  rankdir={rankdir};", "  bgcolor=\"transparent\";",
            f'  node [shape=box, style="rounded,filled", fontname={dot_string(CJK_FONT)}, fontsize=14, height=0.45];',
            f'  edge [fontname={dot_string(CJK_FONT)}, fontsize=11, color="#666666", fontcolor="#444444"];']


def role_chain(kg, key: str):
    """The chain of responsibility (with post holdings) through a role, as a networkx graph; ``None`` if it has none."""
    graph = chain_graph(kg.facts_.chains, kg.facts_.holdings)
    if key not in graph:
        return None
    sub = chain_subgraph(graph, key)
    return sub if sub.number_of_edges() else None


def chain_dot(kg, graph, focus: str = "", language: str = "zh") -> str:
    """A chain graph as layered DOT (top to bottom), the focus role highlighted, labels in the language."""
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = _dot_header("chain")
    for depth, members in enumerate(layers(graph)):
        for node in members:
            data = graph.nodes[node]
            lines.append(_dot_node(ids[node], term_label(kg, node, language, data.get("label", node)),
                                   data.get("kind", ""), node == focus))
        lines.append("  { rank=same; " + " ".join(ids[n] for n in members) + " }")
    for a, b, data in graph.edges(data=True):
        relation = data.get("relation", "")
        label = pick(RELATION_LABELS.get(relation, (relation, relation)), language)
        style = ', style="dashed"' if relation in ("holds", "concurrently holds") else ""
        lines.append(f"  {ids[a]} -> {ids[b]} [label={dot_string(' ' + label + ' ')}{style}];")
    lines.append("}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- formulae
@dataclass(frozen=True)
class FormulaView:
    """A numbered formula: its parts as a tree, the count check and what defines it."""

    key: str
    name: str
    english: str
    declared_count: int | None
    count_masked: bool
    parts_found: int
    status: str
    check: str
    source: str
    groups: tuple            # ((group name or "", (part, …)), …)
    definition: str
    occurrences: tuple       # EvidenceView of every place a text names it


def _defining(formulae):
    """The occurrence that lists the parts (the first one, else the first occurrence)."""
    return next((f for f in formulae if f.parts), formulae[0])


def _count_check(declared, masked, found, status, language) -> str:
    if masked or declared is None:
        note = ("数目已隐去或不是计数，找到 {found} 项", "the count is masked or not a count; {found} parts found")
    elif status == "confirmed":
        note = ("数目相符：{declared} = {found} 项", "count matches: {declared} = {found} parts")
    elif status == "mismatch":
        note = ("数目不符：名称说 {declared} 项，文中列出 {found} 项", "count mismatch: the name says {declared}, "
                                                                 "the text lists {found}")
    else:
        note = ("文中未列出各项（名称说 {declared} 项）", "the text does not list the parts (the name says {declared})")
    return pick(note, language).format(declared=declared, found=found)


def _glossary_view(kg, key, term, occurrences, language) -> FormulaView:
    parts = tuple(en if language == "en" and en else zh for zh, en in term.parts)
    status = "confirmed" if term.count is None or term.count == len(parts) else "mismatch"
    check = _count_check(term.count, False, len(parts), status, language) if parts else \
        _count_check(term.count, False, 0, "undefined", language)
    return FormulaView(key, term.zh, term.en, term.count, False, len(parts), status if parts else "undefined",
                       check, "glossary" if parts else "none", (("", parts),) if parts else (),
                       term.definition_en if language == "en" else term.definition_zh, occurrences)


def formula_views(kg, language: str = "zh") -> list:
    """Every numbered formula the texts name, in order of first appearance.

    A formula the text lists is shown with the text's parts; one the text only names, with the
    glossary's parts where the glossary knows it.
    """
    by_key = {}
    for formula in kg.facts_.formulae:
        by_key.setdefault(formula_key(formula), []).append(formula)
    views = []
    for key, formulae in by_key.items():
        occurrences = tuple(evidence_of_fact(kg, f.evidence) for f in formulae if f.evidence is not None)
        chosen = _defining(formulae)
        term = kg.lexicon_.get(key)
        if not chosen.parts and term is not None:
            views.append(_glossary_view(kg, key, term, occurrences, language))
            continue
        groups = tuple((group, tuple(parts)) for group, parts in chosen.groups.items())
        definition = (term.definition_en if language == "en" else term.definition_zh) if term is not None else ""
        views.append(FormulaView(key, chosen.name, term.en if term is not None else "", chosen.declared_count,
                                 chosen.count_masked, len(chosen.parts), chosen.status,
                                 _count_check(chosen.declared_count, chosen.count_masked, len(chosen.parts),
                                              chosen.status, language),
                                 "text" if chosen.parts else "none", groups, definition, occurrences))
    return views


def formula_dot(view: FormulaView) -> str:
    """A formula's tree (name → sub-formulae → parts) as DOT, left to right."""
    lines = _dot_header("formula", "LR")
    lines.append(_dot_node("root", view.name, "mechanism", True))
    for g, (group, parts) in enumerate(view.groups):
        parent = "root"
        if group:
            parent = f"g{g}"
            lines.append(_dot_node(parent, group, "mechanism"))
            lines.append(f"  root -> {parent};")
        for p, part in enumerate(parts):
            lines.append(_dot_node(f"p{g}_{p}", part, "part"))
            lines.append(f"  {parent} -> p{g}_{p};")
    lines.append("}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- the fact graph
_FACT_GRAPHS = weakref.WeakKeyDictionary()
_FACT_GRAPHS_LOCK = threading.Lock()


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_entity(graph, kg, ref, doc_id):
    if ref.key not in graph:
        graph.add_node(ref.key, label=ref.label, label_en=term_label(kg, ref.key, "en", ref.label),
                       kind=ref.kind, docs=set(), facts=[])
    graph.nodes[ref.key]["docs"].add(doc_id)
    return ref.key


def _add_fact_node(graph, node, label, kind, fact, doc_id):
    graph.add_node(node, label=label, label_en=label, kind=kind, docs={doc_id}, facts=[fact])
    return node


def _link(graph, a, b, relation, evidence):
    if not graph.has_edge(a, b):
        graph.add_edge(a, b, relation=relation, docs=set(), evidence=[])
    data = graph.edges[a, b]
    data["docs"].add(evidence.doc_id)
    if evidence not in data["evidence"]:
        data["evidence"].append(evidence)


def _mechanism_mentions(facts) -> dict:
    """Mentions of formulae by sentence: ``{(doc, sentence start): [Mention, …]}``."""
    found = {}
    for mention in facts.mentions:
        if mention.entity.kind == "mechanism":
            found.setdefault((mention.evidence.doc_id, mention.evidence.start), []).append(mention)
    return found


def _build_fact_graph(kg) -> nx.DiGraph:
    graph = nx.DiGraph()
    facts = kg.facts_
    mechanisms = _mechanism_mentions(facts)
    for i, duty in enumerate(facts.duties):
        doc_id = duty.evidence.doc_id
        node = _add_fact_node(graph, f"duty:{doc_id}:{duty.evidence.start}:{i}", _short(duty.action), "duty", duty,
                              doc_id)
        if duty.bearer is not None:
            _link(graph, _add_entity(graph, kg, duty.bearer, doc_id), node, "has duty", duty.evidence)
        for mention in mechanisms.get((doc_id, duty.evidence.start), ()):
            if duty.start <= mention.start and mention.end <= duty.end:
                _link(graph, node, _add_entity(graph, kg, mention.entity, doc_id), "mentions", duty.evidence)
    for holding in facts.holdings:
        doc_id = holding.evidence.doc_id
        relation = "concurrently holds" if holding.concurrent else "holds"
        _link(graph, _add_entity(graph, kg, holding.holder, doc_id), _add_entity(graph, kg, holding.post, doc_id),
              relation, holding.evidence)
    for link in facts.chains:
        doc_id = link.evidence.doc_id
        if link.superior.key != link.subordinate.key:
            _link(graph, _add_entity(graph, kg, link.superior, doc_id),
                  _add_entity(graph, kg, link.subordinate, doc_id), link.relation, link.evidence)
    for i, problem in enumerate(facts.problems):
        doc_id = problem.evidence.doc_id
        node = _add_fact_node(graph, f"problem:{doc_id}:{problem.evidence.start}:{i}",
                              _short(problem.description, 14), "problem", problem, doc_id)
        if problem.concerns is not None:
            _link(graph, node, _add_entity(graph, kg, problem.concerns, doc_id), "concerns", problem.evidence)
    for formula in facts.formulae:
        _add_formula(graph, kg, formula)
    return graph


def _add_formula(graph, kg, formula):
    if formula.evidence is None:
        return
    doc_id = formula.evidence.doc_id
    key = formula_key(formula)
    if key not in graph:
        graph.add_node(key, label=formula.name, label_en=term_label(kg, key, "en", formula.name),
                       kind="mechanism", docs=set(), facts=[])
    graph.nodes[key]["docs"].add(doc_id)
    graph.nodes[key]["facts"].append(formula)
    for part in formula.parts:
        node = f"part:{key}:{part.text}"
        if node not in graph:
            graph.add_node(node, label=_short(part.text), label_en=_short(part.text), kind="part", docs=set(),
                           facts=[])
        graph.nodes[node]["docs"].add(doc_id)
        _link(graph, key, node, "has part", formula.evidence)


def fact_graph(kg) -> nx.DiGraph:
    """All facts of ``kg`` as one directed graph, built once per graph and kept.

    Nodes are roles, organizations and formulae (by term key), formula parts, duties and problems;
    each has ``label``, ``label_en``, ``kind``, ``docs`` (the documents that state it) and ``facts``.
    Edges carry ``relation`` (has duty, holds, leads, concerns, has part, mentions), ``docs`` and
    ``evidence``.
    """
    with _FACT_GRAPHS_LOCK:
        graph = _FACT_GRAPHS.get(kg)
        if graph is None:
            graph = _FACT_GRAPHS[kg] = _build_fact_graph(kg)
        return graph


def node_choices(graph) -> list:
    """The nodes worth starting from (roles, organizations, formulae), most connected first."""
    kinds = ("role", "organization", "mechanism")
    nodes = [n for n, data in graph.nodes(data=True) if data["kind"] in kinds]
    return sorted(nodes, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"]))


def neighbourhood(graph, center: str, kinds=None, docs=None, radius: int = 1, limit: int = 60) -> nx.DiGraph:
    """The nodes within ``radius`` steps of ``center`` (either direction), of the given kinds and documents.

    ``kinds`` and ``docs`` are collections (``None``: all); the center is always kept. At most
    ``limit`` nodes, the nearest first.
    """
    if center not in graph:
        return nx.DiGraph()

    def keep(node):
        data = graph.nodes[node]
        return node == center or ((kinds is None or data["kind"] in kinds)
                                  and (docs is None or bool(data["docs"] & set(docs))))

    allowed = graph.subgraph([n for n in graph.nodes if keep(n)])
    distances = nx.single_source_shortest_path_length(allowed.to_undirected(as_view=True), center, cutoff=radius)
    nearest = sorted(distances, key=lambda n: (distances[n], graph.nodes[n]["label"]))[:limit]
    return graph.subgraph(nearest).copy()


def node_positions(graph, center: str) -> dict:
    """Positions for drawing: the center in the middle, each further ring of neighbours around it.

    The outermost ring has radius 1.
    """
    if center not in graph:
        return {}
    if len(graph) == 1:
        return {center: (0.0, 0.0)}
    distances = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), center)
    rings = [[n for n in graph.nodes if distances.get(n) == d] for d in range(max(distances.values()) + 1)]
    rings = [sorted(ring, key=lambda n: (graph.nodes[n]["kind"], graph.nodes[n]["label"])) for ring in rings if ring]
    positions = {n: (float(x), float(y)) for n, (x, y) in nx.shell_layout(graph, nlist=rings).items()}
    radius = max((x * x + y * y) ** 0.5 for x, y in positions.values()) or 1.0
    return {n: (round(x / radius, 6), round(y / radius, 6)) for n, (x, y) in positions.items()}


def network_rows(graph, center: str, language: str = "zh") -> tuple:
    """``(nodes, edges)`` as lists of dicts for a chart: positions, labels, kinds, relations."""
    positions = node_positions(graph, center)
    label_field = "label_en" if language == "en" else "label"
    nodes = [{"key": n, "label": graph.nodes[n][label_field], "kind": pick(KIND_LABELS[graph.nodes[n]["kind"]],
                                                                            language),
              "x": positions[n][0], "y": positions[n][1], "center": n == center} for n in graph.nodes]
    edges = []
    for i, (a, b, data) in enumerate(graph.edges(data=True)):
        relation = pick(RELATION_LABELS.get(data["relation"], (data["relation"],) * 2), language)
        for end, node in enumerate((a, b)):
            edges.append({"edge": i, "end": end, "x": positions[node][0], "y": positions[node][1],
                          "relation": relation})
    return nodes, edges


@dataclass(frozen=True)
class FactRow:
    """A fact about a node, as one readable line with the sentences that state it."""

    kind: str
    summary: str
    evidence: tuple   # EvidenceView, …


def _fact_summary(kg, fact, language) -> tuple:
    name = type(fact).__name__
    if name == "Duty":
        who = term_label(kg, fact.bearer.key, language, fact.bearer.label) if fact.bearer else "—"
        freq = fact.frequency.describe(language) if fact.frequency else ""
        verb = pick(MODALITY_VERBS[fact.modality], language)
        if language == "en":
            return "duty", f"{who} {verb}: {fact.action}" + (f" ({freq})" if freq else "")
        verb = "" if fact.action.startswith(verb) else verb
        return "duty", f"{who}{verb}{fact.action}" + (f"（{freq}）" if freq and freq not in fact.action else "")
    if name == "Problem":
        return "problem", fact.description
    if name == "Formula":
        return "mechanism", f"{fact.name}: " + "、".join(p.text for p in fact.parts)
    return "", str(fact)


def node_facts(kg, graph, node: str, language: str = "zh") -> list:
    """The facts a node takes part in, each with its evidence.

    Its own facts come first, then the links to other roles and formulae (leads, holds, has part),
    then the duties and problems linked to it.
    """
    if node not in graph:
        return []
    label_field = "label_en" if language == "en" else "label"
    links, facts = {}, {}

    def add(rows, kind, summary, evidence):
        views = rows.setdefault((kind, summary), [])
        if all((v.doc, v.start) != (evidence.doc_id, evidence.start) for v in views):
            views.append(evidence_of_fact(kg, evidence))

    def add_fact(fact):
        kind, summary = _fact_summary(kg, fact, language)
        add(facts, pick(KIND_LABELS.get(kind, (kind, kind)), language), summary, fact.evidence)

    for fact in graph.nodes[node]["facts"]:
        add_fact(fact)
    for a, b, data in itertools.chain(graph.in_edges(node, data=True), graph.out_edges(node, data=True)):
        other = b if a == node else a
        if graph.nodes[other]["facts"] and graph.nodes[other]["kind"] in ("duty", "problem"):
            for fact in graph.nodes[other]["facts"]:
                add_fact(fact)
            continue
        relation = pick(RELATION_LABELS.get(data["relation"], (data["relation"],) * 2), language)
        summary = f"{graph.nodes[a][label_field]} {relation} {graph.nodes[b][label_field]}"
        for evidence in data["evidence"]:
            add(links, relation, summary, evidence)
    return [FactRow(kind, summary, tuple(views)) for (kind, summary), views in [*links.items(), *facts.items()]]


# ---------------------------------------------------------------------------- documents
def document_stats(kg, uploaded=()) -> list:
    """Per document: size, structure and the facts extracted, one dict each (``uploaded`` names mark uploads)."""
    rows = []
    for doc, facts in zip(kg.documents_, kg.factsets_):
        rows.append({"doc": doc.doc_id, "title": doc.title, "characters": len(doc.text),
                     "sections": len(doc.sections), "sentences": len(doc.sentences),
                     "mentions": len(facts.mentions), "formulae": len(facts.formulae), "duties": len(facts.duties),
                     "holdings": len(facts.holdings), "problems": len(facts.problems), "chains": len(facts.chains),
                     "uploaded": doc.doc_id in set(uploaded)})
    return rows


def unique_doc_id(name: str, taken) -> str:
    """A document identifier from an uploaded file's name that no document in ``taken`` has.

    >>> unique_doc_id("报告.txt", {"报告", "报告-2"})
    '报告-3'
    >>> unique_doc_id("v1.2.md", ())
    'v1_2'
    """
    base = make_doc_id(name).replace(".", "_")  # no dots: reading the text again must give the same identifier
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def read_upload(name: str, data: bytes, taken=(), max_bytes: int = MAX_UPLOAD_BYTES):
    """An uploaded ``.txt``/``.md`` file as a :class:`kg.reading.Source` with a fresh identifier.

    Raises :class:`kg.errors.ReadError` naming the file and saying what is wrong: another kind of
    file, too large, empty, binary or undecodable.
    """
    if not str(name).lower().endswith(TEXT_SUFFIXES):
        raise ReadError(name, f"only {' and '.join(TEXT_SUFFIXES)} files can be added")
    if len(data) > max_bytes:
        raise ReadError(name, f"too large ({len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB)")
    return read_bytes(data, name=name, doc_id=unique_doc_id(name, set(taken)))


# ---------------------------------------------------------------------------- SPARQL
READ_FORMS = ("SelectQuery", "AskQuery", "ConstructQuery", "DescribeQuery")


def _walk(node):
    yield node
    values = node.values() if isinstance(node, dict) else node if isinstance(node, (list, tuple)) else ()
    for value in values:
        if isinstance(value, (dict, list, tuple)):
            yield from _walk(value)


def read_only_query(text: str):
    """A SPARQL query parsed and checked to only read the local graph; raises :class:`ReadOnlyQueryError`.

    Updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY), ``SERVICE`` calls and
    ``FROM`` clauses (which would fetch other graphs) are refused.

    >>> read_only_query("ASK { ?s ?p ?o }").algebra.name
    'AskQuery'
    >>> read_only_query("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.views.ReadOnlyQueryError: this console is read-only: DROP is an update and is refused; use SELECT, ...
    """
    if not text or not text.strip():
        raise ReadOnlyQueryError("the query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    query = _parse_query(text)
    if query.algebra.name not in READ_FORMS:
        raise ReadOnlyQueryError(f"{query.algebra.name} is not a read-only query form")
    if query.algebra.get("datasetClause"):
        raise ReadOnlyQueryError("FROM and FROM NAMED are refused: the console queries the explorer's graph only")
    if any(getattr(n, "name", None) == "ServiceGraphPattern" for n in _walk(query.algebra)):
        raise ReadOnlyQueryError("SERVICE is refused: the console does not call other endpoints")
    return query


def _parse_query(text: str):
    """The prepared query; an update or a syntax error becomes a :class:`ReadOnlyQueryError` that says which."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parser import parseUpdate

    from .graph import PREFIXES

    try:
        return prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except Exception:
            raise ReadOnlyQueryError(f"not a valid SPARQL query: {exc.msg} (line {exc.lineno}, column {exc.col})") \
                from None
        forms = ", ".join(_update_name(r.name) for r in update.request) or "an update"
        raise ReadOnlyQueryError(f"this console is read-only: {forms} is an update and is refused; "
                                 "use SELECT, ASK, CONSTRUCT or DESCRIBE") from None
    except Exception as exc:  # rdflib raises assorted errors for unknown prefixes and the like
        raise ReadOnlyQueryError(f"not a valid SPARQL query: {exc}") from None


def _update_name(name: str) -> str:
    words = {"InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
             "Modify": "INSERT/DELETE"}
    return words.get(name, name.upper())


@dataclass(frozen=True)
class SparqlResult:
    """What a read-only query gave: ``kind`` select (columns, rows), ask (boolean) or graph (Turtle text)."""

    kind: str
    columns: tuple = ()
    rows: tuple = ()
    boolean: bool | None = None
    turtle: str = ""
    truncated: bool = False


def _term_text(term, namespaces) -> str:
    if term is None:
        return ""
    if hasattr(term, "language") or hasattr(term, "datatype"):
        return str(term)
    try:
        return term.n3(namespaces)
    except Exception:
        return str(term)


def run_sparql(kg, text: str, limit: int = MAX_SPARQL_ROWS) -> SparqlResult:
    """Run a read-only query over ``kg.graph``; at most ``limit`` rows (or triples) are kept."""
    query = read_only_query(text)
    graph = kg.graph
    result = graph.query(query)
    name = query.algebra.name
    if name == "AskQuery":
        return SparqlResult("ask", boolean=bool(result.askAnswer))
    if name == "SelectQuery":
        columns = tuple(str(v) for v in result.vars)
        rows = list(itertools.islice(result, limit + 1))
        namespaces = graph.namespace_manager
        table = tuple(tuple(_term_text(value, namespaces) for value in row) for row in rows[:limit])
        return SparqlResult("select", columns, table, truncated=len(rows) > limit)
    triples = list(itertools.islice(result, limit + 1))
    from rdflib import Graph

    from .graph import PREFIXES

    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    for triple in triples[:limit]:
        out.add(triple)
    return SparqlResult("graph", turtle=out.serialize(format="turtle"), truncated=len(triples) > limit)


# ---------------------------------------------------------------------------- export
EXPORT_FORMATS = {"turtle": ".ttl", "json-ld": ".jsonld"}


def export_bytes(kg, fmt: str) -> bytes:
    """The graph serialised as ``turtle`` or ``json-ld`` (through :meth:`KnowledgeGraph.export`)."""
    if fmt not in EXPORT_FORMATS:
        raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        path = Path(folder) / ("graph" + EXPORT_FORMATS[fmt])
        kg.export(path)
        return path.read_bytes()


def graphml_graph(kg) -> nx.DiGraph:
    """The fact graph with plain attributes only (strings), as GraphML wants them."""
    graph = fact_graph(kg)
    out = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, label=data["label"], label_en=data["label_en"], kind=data["kind"],
                     documents=" ".join(sorted(data["docs"])))
    for a, b, data in graph.edges(data=True):
        out.add_edge(a, b, relation=data["relation"], documents=" ".join(sorted(data["docs"])),
                     evidence=" | ".join(f"{e.doc_id}[{e.start}:{e.end}] {e.text}" for e in data["evidence"]))
    return out


def graphml_bytes(kg) -> bytes:
    """The fact graph (roles, organizations, formulae, duties, problems, posts, chains) as GraphML."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_graph(kg), buffer, encoding="utf-8")
    return buffer.getvalue()
