"""What every page of the explorer shares: the corpus, the cached graph, the language and evidence cards."""

from __future__ import annotations

import html
from pathlib import Path

import streamlit as st
from explorer_text import word

from kg import KnowledgeGraph
from kg.explore import prebuilt_graph

STYLE_SHEET = Path(__file__).with_name("explorer.css")


@st.cache_resource(show_spinner=False, max_entries=4)
def load_graph(corpus: tuple) -> KnowledgeGraph:
    """The graph of a corpus, built once per server and shared by every session (asking never mutates it):
    the one ``kg explore`` built before the server started, else built now."""
    prebuilt = prebuilt_graph(corpus)
    return prebuilt if prebuilt is not None else KnowledgeGraph().fit(corpus=list(corpus))


def language() -> str:
    """``en`` when the English switch is on, else ``zh``."""
    return "en" if st.session_state.get("english") else "zh"


def current_graph(corpus: tuple) -> KnowledgeGraph:
    """The session's graph: the corpus plus its uploads when it has some, else the shared one."""
    uploaded = st.session_state.get("session_graph")
    return uploaded if uploaded is not None else load_graph(corpus)


def apply_style():
    """The explorer's style sheet (fonts with Chinese glyphs, evidence marks, cards)."""
    st.html(STYLE_SHEET)


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br>")


def show_html(body: str, css_class: str):
    """Show HTML built from escaped text, always inside a ``div`` (so it is never taken for a file)."""
    st.html(f'<div class="{css_class}">{body}</div>')


def evidence_html(evidence, lang: str, score=None) -> str:
    """An evidence card: document title and section above the paragraph with the sentence marked."""
    where = " · ".join(text_html(x) for x in (evidence.title, evidence.section) if x)
    doc = text_html(evidence.doc)
    extra = f' <span class="kg-score">{text_html(word("score", lang, score=score))}</span>' if score is not None else ""
    return (f'<div class="kg-where"><span class="kg-doc">{doc}</span> {where}{extra}</div>'
            f'<div class="kg-paragraph">{evidence.html}</div>')


def show_evidence(evidence, lang: str, score=None):
    """An evidence card on the page."""
    show_html(evidence_html(evidence, lang, score), "kg-evidence")


def tag_html(text: str, kind: str = "") -> str:
    """A small label."""
    return f'<span class="kg-tag {kind}">{text_html(text)}</span>'


def details_html(summary: str, evidence, lang: str) -> str:
    """A line of text with its evidence (one :class:`kg.views.EvidenceView` or several) folded under it."""
    views = evidence if isinstance(evidence, (list, tuple)) else (evidence,)
    cards = "".join(f'<div class="kg-evidence">{evidence_html(view, lang)}</div>' for view in views)
    return f"<details><summary>{summary}</summary>{cards}</details>"
