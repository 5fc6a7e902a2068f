"""The kg explorer: ask the texts, browse roles, formulae and the graph, add texts, query, export.

Run it with ``kg explore`` or ``streamlit run app/explorer.py -- --corpus PATH``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the helper modules beside this script

from explorer_ask import show_ask_page  # noqa: E402
from explorer_browse import show_formulae_page, show_graph_page, show_roles_page  # noqa: E402
from explorer_common import apply_style, current_graph, language, load_graph  # noqa: E402
from explorer_data import show_documents_page, show_export_page, show_sparql_page  # noqa: E402
from explorer_text import PAGES, word  # noqa: E402

from kg.errors import KgError  # noqa: E402
from kg.explore import corpus_from_args  # noqa: E402
from kg.views import escape_markdown  # noqa: E402

# Choices that name things in one graph; a new graph (after an upload) starts them afresh.
GRAPH_CHOICES = ("role", "formula", "graph_node", "graph_docs", "graph_inspect", "graph_chart")


def forget_choices_of_old_graph(kg):
    """Drop the selections made in another graph than this one."""
    if st.session_state.get("graph_identity") != id(kg):
        for key in GRAPH_CHOICES:
            st.session_state.pop(key, None)
        st.session_state["graph_identity"] = id(kg)


def show_sidebar(kg) -> str:
    """The language switch, the page list and what the graph holds; returns the chosen page."""
    with st.sidebar:
        st.toggle(word("english", language()), key="english")
        lang = language()
        st.markdown(f"### {word('app_title', lang)}")
        st.caption(word("app_caption", lang))
        page = st.radio(word("navigate", lang), PAGES, key="page", format_func=lambda p: word(f"page_{p}", lang))
        stats = kg.stats()
        st.caption(word("corpus_summary", lang, **stats))
        uploaded = len(st.session_state.get("uploaded_texts", {}))
        if uploaded:
            st.caption(word("with_uploads", lang, count=uploaded))
        st.caption(word("built_in", lang, seconds=getattr(kg, "build_seconds_", 0.0)))
    return page


def build_graph(corpus: tuple):
    """The session's graph, or ``None`` after saying why it could not be built."""
    try:
        with st.spinner(word("building", language())):
            load_graph(corpus)
        return current_graph(corpus)
    except KgError as exc:
        st.error(word("build_failed", language(), error=escape_markdown(str(exc))))
        return None


def show_page(page: str, kg, corpus: tuple, lang: str):
    """Draw the chosen page."""
    if page == "ask":
        show_ask_page(kg, lang)
    elif page == "roles":
        show_roles_page(kg, lang)
    elif page == "formulae":
        show_formulae_page(kg, lang)
    elif page == "graph":
        show_graph_page(kg, lang)
    elif page == "documents":
        show_documents_page(kg, corpus, lang)
    elif page == "sparql":
        show_sparql_page(kg, lang)
    else:
        show_export_page(kg, lang)


def main():
    """The whole app, run top to bottom on every interaction."""
    st.set_page_config(page_title="kg explorer", page_icon="📜", layout="wide")
    apply_style()
    corpus = corpus_from_args(sys.argv[1:])
    kg = build_graph(corpus)
    if kg is None:
        return
    forget_choices_of_old_graph(kg)
    page = show_sidebar(kg)
    try:
        show_page(page, kg, corpus, language())
    except KgError as exc:
        st.error(escape_markdown(str(exc)))


main()
