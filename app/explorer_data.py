"""The data pages: documents and uploads, the read-only SPARQL console, and the downloads."""

from __future__ import annotations

import hashlib

import streamlit as st
from explorer_common import load_graph, show_html, text_html
from explorer_text import SPARQL_EXAMPLES, word

from kg import KnowledgeGraph
from kg.errors import KgError, ReadError
from kg.graph import PREFIXES
from kg.views import (MAX_SPARQL_ROWS, MAX_UPLOAD_BYTES, document_stats, escape_markdown, export_bytes,
                      graphml_bytes, read_upload, run_sparql)

ROW_PIXELS = 35  # the height of a dataframe row, to show the statistics without scrolling
STAT_COUNTS = ("characters", "sections", "sentences", "mentions", "formulae", "duties", "holdings", "problems",
               "chains")
MAX_UPLOADS = 20  # texts one session may add


# ---------------------------------------------------------------------------- documents
def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_new_uploads(files, texts: dict, digests: set, taken: set, lang: str) -> list:
    """Read the files not added yet into ``texts``; returns the messages about the ones refused."""
    messages = []
    for file in files:
        data = file.getvalue()
        if _digest(data) in digests:
            messages.append(word("already_added", lang, name=escape_markdown(file.name)))
            continue
        if len(texts) >= MAX_UPLOADS:
            messages.append(word("too_many_uploads", lang, name=escape_markdown(file.name), limit=MAX_UPLOADS))
            continue
        try:
            source = read_upload(file.name, data, taken | set(texts))
        except ReadError as exc:
            messages.append(escape_markdown(str(exc)))
            continue
        texts[source.doc_id] = source.text
        digests.add(_digest(data))
    return messages


def add_uploads(corpus: tuple, lang: str):
    """Rebuild the session's graph from the corpus plus every text uploaded so far (a button's callback).

    What happened is left in ``upload_messages`` for the page to show: the callback runs before the
    page is drawn, so every part of the page already sees the new graph.
    """
    files = st.session_state.get("uploads") or []
    if not files:
        st.session_state["upload_messages"] = [("warning", word("nothing_to_add", lang))]
        return
    texts = dict(st.session_state.get("uploaded_texts", {}))
    digests = set(st.session_state.get("uploaded_digests", set()))
    before = set(texts)
    taken = {d.doc_id for d in load_graph(corpus).documents_}
    messages = [("error", m) for m in _read_new_uploads(files, texts, digests, taken, lang)]
    added = [name for name in texts if name not in before]
    if added:
        try:
            graph = KnowledgeGraph().fit(corpus=list(corpus), texts=texts)
        except KgError as exc:
            messages.append(("error", escape_markdown(str(exc))))
        else:
            st.session_state.update(session_graph=graph, uploaded_texts=texts, uploaded_digests=digests)
            messages.append(("success", word("added", lang, count=len(added),
                                             names=escape_markdown("、".join(added)))))
    st.session_state["upload_messages"] = messages


def remove_uploads():
    """Back to the shared graph of the corpus (a button's callback)."""
    for key in ("session_graph", "uploaded_texts", "uploaded_digests"):
        st.session_state.pop(key, None)


def show_upload_messages():
    """The messages the last upload left."""
    for kind, message in st.session_state.pop("upload_messages", []):
        getattr(st, kind)(message)


def show_statistics(kg, lang: str):
    """Extraction statistics, one row per document, and the documents' titles."""
    rows = document_stats(kg, st.session_state.get("uploaded_texts", {}))
    table = [{word("col_doc", lang): row["doc"], **{word(f"col_{c}", lang): row[c] for c in STAT_COUNTS},
              word("col_uploaded", lang): "✓" if row["uploaded"] else ""} for row in rows]
    st.dataframe(table, hide_index=True, width="stretch", height=ROW_PIXELS * (len(table) + 1) + 3)
    show_html("".join(f'<div><span class="kg-doc">{text_html(row["doc"])}</span>{text_html(row["title"])}</div>'
                      for row in rows), "kg-where")
    if kg.read_errors_:
        st.warning(word("read_errors", lang) + "\n\n" + "\n".join(f"- {escape_markdown(str(e))}"
                                                                   for e in kg.read_errors_))


def show_documents_page(kg, corpus: tuple, lang: str):
    """The Documents page: statistics per document, and uploads that join the graph."""
    st.subheader(word("documents_title", lang))
    show_statistics(kg, lang)
    megabytes = MAX_UPLOAD_BYTES // 2**20
    files = st.file_uploader(word("upload", lang, mb=megabytes), type=["txt", "md"], accept_multiple_files=True,
                             key="uploads", max_upload_size=megabytes)
    add_column, remove_column = st.columns([1, 1])
    add_column.button(word("add_uploads", lang), key="add_uploads", type="primary", on_click=add_uploads,
                      args=(corpus, lang), disabled=not files)
    show_upload_messages()
    if st.session_state.get("uploaded_texts"):
        remove_column.button(word("remove_uploads", lang), key="remove_uploads", on_click=remove_uploads)


# ---------------------------------------------------------------------------- SPARQL
def _choose_query():
    name = st.session_state.get("sparql_example")
    if name in SPARQL_EXAMPLES:
        st.session_state["sparql_query"] = SPARQL_EXAMPLES[name][2]


def show_sparql_result(result, lang: str):
    """A table for SELECT, true or false for ASK, Turtle for CONSTRUCT and DESCRIBE."""
    if result.kind == "ask":
        st.success(word("ask_true" if result.boolean else "ask_false", lang))
    elif result.kind == "select":
        st.caption(word("rows", lang, count=len(result.rows)))
        st.dataframe([dict(zip(result.columns, row)) for row in result.rows], hide_index=True, width="stretch")
    else:
        st.code(result.turtle or "# (empty)", language="turtle")
    if result.truncated:
        st.caption(word("truncated", lang, limit=MAX_SPARQL_ROWS))


def show_sparql_page(kg, lang: str):
    """The read-only SPARQL console."""
    st.subheader(word("sparql_title", lang))
    st.caption(word("sparql_help", lang, prefixes=", ".join(f"{p}:" for p in PREFIXES)))
    if "sparql_query" not in st.session_state:
        st.session_state["sparql_query"] = SPARQL_EXAMPLES["roles"][2]
    st.selectbox(word("sparql_example", lang), list(SPARQL_EXAMPLES), key="sparql_example", on_change=_choose_query,
                 format_func=lambda name: SPARQL_EXAMPLES[name][1 if lang == "en" else 0], index=None,
                 placeholder=word("choose_example", lang))
    query = st.text_area(word("sparql_query", lang), key="sparql_query", height=180)
    if not st.button(word("run_query", lang), key="run_sparql", type="primary"):
        return
    try:
        result = run_sparql(kg, query)
    except KgError as exc:
        st.error(word("refused", lang, error=escape_markdown(str(exc))))
        return
    show_sparql_result(result, lang)


# ---------------------------------------------------------------------------- export
def show_export_page(kg, lang: str):
    """Turtle, JSON-LD and GraphML downloads, made when asked for."""
    st.subheader(word("export_title", lang))
    st.caption(word("export_help", lang))
    turtle, jsonld, graphml = st.columns(3)
    turtle.download_button(word("download_turtle", lang), data=lambda: export_bytes(kg, "turtle"),
                           file_name="kg-graph.ttl", mime="text/turtle", key="download_turtle")
    jsonld.download_button(word("download_jsonld", lang), data=lambda: export_bytes(kg, "json-ld"),
                           file_name="kg-graph.jsonld", mime="application/ld+json", key="download_jsonld")
    graphml.download_button(word("download_graphml", lang), data=lambda: graphml_bytes(kg),
                            file_name="kg-graph.graphml", mime="application/graphml+xml", key="download_graphml")
