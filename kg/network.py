"""The networkx view: chains of responsibility (and posts) as a directed graph, drawn as DOT, Mermaid or JSON.

Nodes are term keys with a ``label`` and ``kind``; an edge ``superior → subordinate`` carries
the evidence of every sentence that states it.

>>> from kg.facts import ChainLink, EntityRef, Evidence
>>> ev = Evidence("demo", 0, 10, "党组领导机关党委；机关党委领导党支部。", 0)
>>> a, b, c = (EntityRef(k, l, "organization") for k, l in [("PG", "党组"), ("OPC", "机关党委"), ("PB", "党支部")])
>>> g = chain_graph([ChainLink(a, b, ev), ChainLink(b, c, ev)])
>>> [g.nodes[n]["label"] for n in chain_order(g, "OPC")]
['党组', '机关党委', '党支部']
>>> print(to_mermaid(g).splitlines()[1])
    PG["党组"] -->|leads| OPC["机关党委"]
"""

from __future__ import annotations

import json
import re

import networkx as nx


def chain_graph(links, holdings=()) -> nx.DiGraph:
    """A directed graph of chain links (superior → subordinate) and, optionally, post holdings."""
    graph = nx.DiGraph()
    for link in links:
        for ref in (link.superior, link.subordinate):
            graph.add_node(ref.key, label=ref.label, kind=ref.kind)
        if link.superior.key == link.subordinate.key:
            continue
        data = graph.get_edge_data(link.superior.key, link.subordinate.key)
        if data is None:
            graph.add_edge(link.superior.key, link.subordinate.key, relation=link.relation, evidence=[])
            data = graph.get_edge_data(link.superior.key, link.subordinate.key)
        if link.evidence not in data["evidence"]:
            data["evidence"].append(link.evidence)
    for holding in holdings:
        for ref in (holding.holder, holding.post):
            graph.add_node(ref.key, label=ref.label, kind=ref.kind)
        relation = "concurrently holds" if holding.concurrent else "holds"
        if not graph.has_edge(holding.holder.key, holding.post.key):
            graph.add_edge(holding.holder.key, holding.post.key, relation=relation, evidence=[])
        graph.edges[holding.holder.key, holding.post.key]["evidence"].append(holding.evidence)
    return graph


def chain_order(graph: nx.DiGraph, key=None) -> list:
    """The nodes of the chain through ``key`` (all nodes when ``None``), top first.

    Ancestors and descendants of ``key`` are kept; the order is by depth from the top, then label.
    """
    if key is not None:
        if key not in graph:
            return []
        keep = nx.ancestors(graph, key) | nx.descendants(graph, key) | {key}
        graph = graph.subgraph(keep)
    depth = _depths(graph)
    return sorted(graph.nodes, key=lambda n: (depth[n], graph.nodes[n].get("label", n)))


def _depths(graph) -> dict:
    """Longest distance from a top node; cycles (the texts have some) are broken by visiting order."""
    depth = {}
    condensed = nx.condensation(graph)
    for component in nx.topological_sort(condensed):
        members = condensed.nodes[component]["members"]
        preds = [p for m in members for p in graph.predecessors(m) if p not in members]
        level = max((depth[p] + 1 for p in preds if p in depth), default=0)
        for m in members:
            depth[m] = level
    return depth


def chain_subgraph(graph: nx.DiGraph, key=None) -> nx.DiGraph:
    """The part of the graph through ``key`` (the whole graph when ``None``)."""
    return graph.subgraph(chain_order(graph, key)).copy()


def layers(graph: nx.DiGraph) -> list:
    """Nodes grouped by depth: ``[[top nodes], [next], …]`` for layered drawing."""
    depth = _depths(graph)
    out = {}
    for node, d in depth.items():
        out.setdefault(d, []).append(node)
    return [sorted(out[d], key=lambda n: graph.nodes[n].get("label", n)) for d in sorted(out)]


def _safe_id(key: str) -> str:
    return re.sub(r"\W", "_", key, flags=re.ASCII) or "node"


def _ids(graph):
    ids, used = {}, set()
    for node in graph.nodes:
        base = _safe_id(node)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}_{n}"
        ids[node] = candidate
        used.add(candidate)
    return ids


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(graph: nx.DiGraph) -> str:
    """Graphviz DOT, top to bottom, Chinese labels quoted."""
    ids = _ids(graph)
    lines = ["digraph chain {", "  rankdir=TB;", '  node [shape=box, fontname="Noto Sans CJK SC"];']
    for node in chain_order(graph):
        lines.append(f'  {ids[node]} [label="{_escape(graph.nodes[node].get("label", node))}"];')
    for a, b, data in graph.edges(data=True):
        lines.append(f'  {ids[a]} -> {ids[b]} [label="{_escape(data.get("relation", ""))}"];')
    lines.append("}")
    return "\n".join(lines)


def to_mermaid(graph: nx.DiGraph) -> str:
    """A Mermaid flowchart, top down."""
    ids = _ids(graph)
    lines = ["flowchart TD"]
    order = {n: i for i, n in enumerate(chain_order(graph))}
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (order[e[0]], order[e[1]])):
        la = graph.nodes[a].get("label", a).replace('"', "'")
        lb = graph.nodes[b].get("label", b).replace('"', "'")
        lines.append(f'    {ids[a]}["{la}"] -->|{data.get("relation", "")}| {ids[b]}["{lb}"]')
    for node in graph.nodes:
        if graph.degree(node) == 0:
            lines.append(f'    {ids[node]}["{graph.nodes[node].get("label", node)}"]')
    return "\n".join(lines)


def to_json(graph: nx.DiGraph) -> str:
    """Nodes (top first) and edges with their evidence, as JSON."""
    data = {
        "nodes": [{"key": n, "label": graph.nodes[n].get("label", n), "kind": graph.nodes[n].get("kind", "")}
                  for n in chain_order(graph)],
        "edges": [{"from": a, "to": b, "relation": d.get("relation", ""),
                   "evidence": [{"doc": e.doc_id, "start": e.start, "end": e.end, "text": e.text}
                                for e in d.get("evidence", [])]}
                  for a, b, d in graph.edges(data=True)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
