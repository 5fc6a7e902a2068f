"""The browsing pages: a role's duties, posts, problems and chain; the numbered formulae; the fact graph."""

from __future__ import annotations

import io
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st
from explorer_common import details_html, show_evidence, show_html, tag_html, text_html
from explorer_text import word

from kg.lists import responsibility_rows, to_csv, to_xlsx
from kg.views import (CJK_FONT, KIND_LABELS, SOURCE_LABELS, chain_dot, escape_markdown, fact_graph,
                      formula_dot, formula_views, network_rows, node_choices, node_facts, neighbourhood, pick,
                      role_chain, role_duties, role_options, role_posts, role_problems)

PREFERRED_ROLE = "FirstSecretary"
# The graph starts with the structure (who leads whom, holds what, which problems); duties can be added.
DEFAULT_KINDS = ("role", "organization", "mechanism", "problem")
MAX_FACT_ROWS = 60
# Node colours of the interactive graph (stronger than the pale fills of the Graphviz drawings).
CHART_COLOURS = {"role": "#f28e2b", "organization": "#4e79a7", "mechanism": "#b07aa1", "part": "#d4a6c8",
                 "duty": "#59a14f", "problem": "#e15759"}


def _keep_choice(state_key: str, keys: list, preferred=None):
    """Put a valid value in a selectbox's state before it is drawn (the graph may have changed)."""
    if st.session_state.get(state_key) not in keys:
        st.session_state[state_key] = preferred if preferred in keys else keys[0]


# ---------------------------------------------------------------------------- roles
def _duty_summary(row, lang: str) -> str:
    tags = [tag_html(row.frequency, "frequency")] if row.frequency else []
    tags += [tag_html(word("quantity", lang, value=row.quantity))] if row.quantity else []
    tags += [tag_html(word("condition", lang, value=row.condition))] if row.condition else []
    tags += [tag_html(word("reported", lang), "reported")] if row.reported else []
    tags += [tag_html(row.via, "via")] if row.via else []
    return text_html(row.action) + "".join(tags)


def show_duties(groups, lang: str):
    """Duties by modality, then by frequency; each duty opens onto its sentence."""
    st.markdown(f"#### {word('duties', lang)} ({sum(g.count for g in groups)})")
    if not groups:
        st.caption(word("no_duties", lang))
    for group in groups:
        st.markdown(f"**{escape_markdown(group.title)}** · {group.count}")
        for title, rows in group.frequencies:
            body = "".join(details_html(_duty_summary(row, lang), row.evidence, lang) for row in rows)
            show_html(f'<div class="kg-where">{text_html(title)}</div>{body}', "kg-list")


def show_posts(posts, lang: str):
    """Who holds which post."""
    st.markdown(f"#### {word('posts', lang)} ({len(posts)})")
    if not posts:
        st.caption(word("no_posts", lang))
        return
    lines = []
    for row in posts:
        summary = (f"{text_html(row.holder)} <b>{text_html(row.relation)}</b> {text_html(row.post)}"
                   + (tag_html(word("default_rule", lang)) if row.default_rule else "")
                   + (tag_html(word("condition", lang, value=row.condition)) if row.condition else ""))
        lines.append(details_html(summary, row.evidence, lang))
    show_html("".join(lines), "kg-list")


def show_problems(problems, lang: str):
    """Problems reported about the role."""
    st.markdown(f"#### {word('problems', lang)} ({len(problems)})")
    if not problems:
        st.caption(word("no_problems", lang))
        return
    lines = []
    for row in problems:
        summary = (tag_html(row.prevalence) if row.prevalence else "") + " " + text_html(row.description)
        if row.breached_duty:
            summary += tag_html(word("breached", lang, value=row.breached_duty), "via")
        lines.append(details_html(summary, row.evidence, lang))
    show_html("".join(lines), "kg-list")


def show_chain(kg, key: str, lang: str):
    """The chain of responsibility through the role, drawn top down."""
    st.markdown(f"#### {word('chain', lang)}")
    chain = role_chain(kg, key)
    if chain is None:
        st.caption(word("no_chain", lang))
        return
    st.graphviz_chart(chain_dot(kg, chain, key, lang), width="content")
    st.caption(word("chain_legend", lang))


def show_roles_page(kg, lang: str):
    """The Roles page."""
    st.subheader(word("roles_title", lang))
    options = role_options(kg, lang)
    if not options:
        st.info(word("no_roles", lang))
        return
    labels = {o.key: word("role_option", lang, label=o.label, kind=pick(KIND_LABELS[o.kind], lang), count=o.facts)
              for o in options}
    keys = list(labels)
    _keep_choice("role", keys, PREFERRED_ROLE)
    key = st.selectbox(word("pick_role", lang), keys, format_func=labels.get, key="role")
    include = st.toggle(word("include_posts", lang), value=True, key="include_posts")
    groups = role_duties(kg, key, lang, include_posts=include)
    posts, problems = role_posts(kg, key, lang), role_problems(kg, key, lang)
    left, right = st.columns([3, 2], gap="large")
    with left:
        show_duties(groups, lang)
        show_problems(problems, lang)
    with right:
        show_chain(kg, key, lang)
        show_posts(posts, lang)
        show_list_downloads(kg, key, _kind_of_option(options, key), labels[key], lang)


def _kind_of_option(options, key):
    return next(o.kind for o in options if o.key == key)


def show_list_downloads(kg, key: str, kind: str, label: str, lang: str):
    """The role's responsibility list (责任清单) as Excel and CSV, made when asked for."""
    st.markdown(f"#### {word('list_title', lang)}")
    whose = {"organization": key} if kind == "organization" else {"role": key}
    rows = responsibility_rows(kg, **whose)
    st.caption(word("list_help", lang, count=len(rows)))
    if not rows:
        return
    name = f"responsibility-list-{key}"
    excel, table = st.columns(2)
    excel.download_button(word("download_xlsx", lang), data=lambda: xlsx_bytes(rows),
                          file_name=f"{name}.xlsx", key="download_list_xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    table.download_button(word("download_csv", lang), data=lambda: csv_bytes(rows),
                          file_name=f"{name}.csv", mime="text/csv", key="download_list_csv")


def xlsx_bytes(rows) -> bytes:
    buffer = io.BytesIO()
    to_xlsx(rows, buffer)
    return buffer.getvalue()


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO(newline="")
    to_csv(rows, buffer)
    return buffer.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------- formulae
def _status_tag(view, lang: str) -> str:
    return tag_html(view.check, f"status-{view.status}")


def tree_html(view, lang: str) -> str:
    """A formula as a nested list: name, sub-formulae, parts."""
    items = []
    for group, parts in view.groups:
        leaves = "".join(f"<li>{text_html(part)}</li>" for part in parts)
        items.append(f"<li>{text_html(group)}<ul>{leaves}</ul></li>" if group else leaves)
    english = f' <span class="kg-where">{text_html(view.english)}</span>' if view.english else ""
    body = f"<ul>{''.join(items)}</ul>" if items else f'<div class="kg-where">{text_html(word("no_parts", lang))}</div>'
    return (f'<span class="kg-root">{text_html(view.name)}</span>{english}<br>'
            f"{tag_html(pick(SOURCE_LABELS[view.source], lang))}{_status_tag(view, lang)}{body}")


def show_formula(view, lang: str):
    """One formula in full: its tree drawn, count check, source, definition and where the texts name it."""
    st.markdown(f"### {escape_markdown(view.name)}")
    if view.english:
        st.caption(escape_markdown(view.english))
    show_html(f"<b>{text_html(word('defined_by', lang))}</b>: {text_html(pick(SOURCE_LABELS[view.source], lang))}"
              f" &nbsp; <b>{text_html(word('count_check', lang))}</b>: {_status_tag(view, lang)}", "kg-where")
    if view.definition:
        st.caption(escape_markdown(view.definition))
    if view.groups:
        st.graphviz_chart(formula_dot(view), width="content")
    else:
        st.info(word("no_parts", lang))
    with st.expander(word("occurrences", lang, count=len(view.occurrences))):
        for evidence in view.occurrences:
            show_evidence(evidence, lang)


def show_formulae_page(kg, lang: str):
    """The Formulae page: the chosen formula in full, then every formula as a small tree."""
    st.subheader(word("formulae_title", lang))
    views = formula_views(kg, lang)
    if not views:
        st.info(word("no_formulae", lang))
        return
    sources = ["all", *SOURCE_LABELS]
    source = st.radio(word("source_filter", lang), sources, horizontal=True, key="formula_source",
                      format_func=lambda s: word("all", lang) if s == "all" else pick(SOURCE_LABELS[s], lang))
    shown = [v for v in views if source == "all" or v.source == source] or views
    by_key = {v.key: v for v in shown}
    preferred = next((v.key for v in shown if v.source == "text" and len(v.groups) > 1), None)
    preferred = preferred or next((v.key for v in shown if v.groups), shown[0].key)
    _keep_choice("formula", list(by_key), preferred)
    key = st.selectbox(word("pick_formula", lang), list(by_key), key="formula",
                       format_func=lambda k: by_key[k].name + (f" · {by_key[k].english}" if lang == "en" and
                                                                by_key[k].english else ""))
    show_formula(by_key[key], lang)
    st.markdown(f"#### {word('formula_table', lang)} ({len(shown)})")
    columns = st.columns(3)
    for i, view in enumerate(shown):
        with columns[i % 3]:
            show_html(tree_html(view, lang), "kg-tree")


# ---------------------------------------------------------------------------- graph
def _on_pick(graph):
    state = st.session_state.get("graph_chart")
    points = (state or {}).get("selection", {}).get("pick", [])
    if not points or not points[0].get("key"):
        return
    node = points[0]["key"]
    st.session_state["graph_inspect"] = node
    if node in graph and graph.nodes[node]["kind"] in ("role", "organization", "mechanism"):
        st.session_state["graph_node"] = node


def network_chart(nodes, edges, lang: str):
    """Nodes on rings around the centre, edges as lines with their relation; clicking a node selects it."""
    node_frame, edge_frame = pd.DataFrame(nodes), pd.DataFrame(edges)
    node_frame["short"] = node_frame["label"].map(lambda label: _short(label, 18))
    picked = alt.selection_point(name="pick", fields=["key"], on="click")
    scale = alt.Scale(domain=[-1.45, 1.45])  # room for the labels of the outer ring
    x, y = alt.X("x:Q", axis=None, scale=scale), alt.Y("y:Q", axis=None, scale=scale)
    kinds = [pick(KIND_LABELS[k], lang) for k in KIND_LABELS]
    colours = alt.Scale(domain=kinds, range=[CHART_COLOURS[k] for k in KIND_LABELS])
    layers = []
    if not edge_frame.empty:
        middles = edge_frame.groupby("edge").agg(x=("x", "mean"), y=("y", "mean"), relation=("relation", "first"))
        layers.append(alt.Chart(edge_frame).mark_line(color="#b8c0cc").encode(x=x, y=y, detail="edge:N"))
        layers.append(alt.Chart(middles.reset_index()).mark_text(font=CJK_FONT, fontSize=10, color="#7a8594")
                      .encode(x=x, y=y, text="relation:N"))
    layers.append(alt.Chart(node_frame).mark_circle(stroke="white", strokeWidth=1.5, opacity=1).encode(
        x=x, y=y, color=alt.Color("kind:N", scale=colours, legend=alt.Legend(title=None, orient="bottom",
                                                                              labelFont=CJK_FONT)),
        size=alt.condition("datum.center", alt.value(900), alt.value(380)),
        tooltip=[alt.Tooltip("label:N", title=word("node_name", lang)),
                 alt.Tooltip("kind:N", title=word("node_kind", lang))]).add_params(picked))
    layers.append(alt.Chart(node_frame).mark_text(font=CJK_FONT, fontSize=12, dy=-18, color="#1f2328")
                  .encode(x=x, y=y, text="short:N"))
    return alt.layer(*layers).properties(width="container", height=560).configure_view(strokeWidth=0)


def show_node_facts(kg, graph, node: str, lang: str):
    """The facts of the inspected node, each with its sentence."""
    label = graph.nodes[node]["label_en" if lang == "en" else "label"]
    st.markdown(f"#### {escape_markdown(word('facts_of', lang, label=label))}")
    rows = node_facts(kg, graph, node, lang)
    if not rows:
        st.caption(word("no_facts", lang))
        return
    show_html("".join(details_html(tag_html(row.kind) + " " + text_html(row.summary), row.evidence, lang)
                      for row in rows[:MAX_FACT_ROWS]), "kg-list")
    if len(rows) > MAX_FACT_ROWS:
        st.caption(word("more_facts", lang, count=len(rows) - MAX_FACT_ROWS))


def _short(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_label(graph, node: str, lang: str) -> str:
    data = graph.nodes[node]
    return f"{data['label_en' if lang == 'en' else 'label']} · {pick(KIND_LABELS[data['kind']], lang)}"


def show_graph_page(kg, lang: str):
    """The Graph page: a neighbourhood drawn around a centre, filtered by type and document."""
    st.subheader(word("graph_title", lang))
    graph = fact_graph(kg)
    choices = node_choices(graph)
    if not choices:
        st.info(word("no_graph", lang))
        return
    _keep_choice("graph_node", choices)
    documents = [d.doc_id for d in kg.documents_]
    centre_column, radius_column = st.columns([4, 1])
    centre = centre_column.selectbox(word("center", lang), choices, key="graph_node",
                                     format_func=lambda n: _node_label(graph, n, lang))
    radius = radius_column.slider(word("radius", lang), 1, 3, 1, key="graph_radius")
    kinds = st.pills(word("kinds", lang), list(KIND_LABELS), selection_mode="multi",
                              default=list(DEFAULT_KINDS), key="graph_kinds",
                              format_func=lambda k: pick(KIND_LABELS[k], lang))
    titles = {d.doc_id: d.title for d in kg.documents_}
    docs = st.pills(word("documents_filter", lang), documents, selection_mode="multi", default=documents,
                            key="graph_docs", format_func=lambda d: _short(titles.get(d) or d))
    sub = neighbourhood(graph, centre, set(kinds), set(docs), radius)
    st.caption(word("graph_help", lang))
    if sub.number_of_nodes() <= 1:
        st.info(word("too_small", lang))
    nodes, edges = network_rows(sub, centre, lang)
    chart_column, facts_column = st.columns([3, 2], gap="large")
    with chart_column:
        st.altair_chart(network_chart(nodes, edges, lang), key="graph_chart", on_select=partial(_on_pick, graph),
                        selection_mode="pick", width="stretch")
    inspected = st.session_state.get("graph_inspect")
    with facts_column:
        show_node_facts(kg, graph, inspected if inspected in sub else centre, lang)
