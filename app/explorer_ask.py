"""The Ask page: example questions, the answer card, its evidence and how the question was understood."""

from __future__ import annotations

import streamlit as st
from explorer_common import show_evidence, show_html, text_html
from explorer_text import EXAMPLES, word

from kg.errors import KgError
from kg.views import escape_markdown, evidence_of_answer, understanding


def _choose_example(question: str):
    st.session_state["question"] = question


def show_examples(lang: str):
    """One button per example question; a click asks it."""
    st.caption(word("examples", lang))
    with st.container(horizontal=True, gap="small"):
        for i, example in enumerate(EXAMPLES[lang]):
            st.button(example, key=f"example_{i}", on_click=_choose_example, args=(example,))


def show_answer(kg, answer, lang: str):
    """The answer card and, below it, every evidence sentence inside its paragraph."""
    with st.container(border=True):
        st.markdown(f"**{word('answer', lang)}**")
        show_html(f'<div class="kg-intent">{text_html(word("intent", lang))}: {text_html(answer.intent)}</div>'
                  f"{text_html(answer.text)}", "kg-answer")
        if not answer.answered:
            st.caption(word("not_answered", lang))
    if not answer.evidence:
        st.caption(word("no_evidence", lang))
        return
    st.markdown(f"**{word('evidence', lang, count=len(answer.evidence))}**")
    for item, view in zip(answer.evidence, evidence_of_answer(kg, answer)):
        show_evidence(view, lang, score=item.score)


def show_understanding(answer, lang: str):
    """The expander: tokens, entities, intent and the query trace."""
    understood = understanding(answer)
    with st.expander(word("understood", lang)):
        st.markdown(f"**{word('intent', lang)}**: {escape_markdown(understood['intent'])} · "
                    f"**{word('language', lang)}**: {escape_markdown(understood['language'])}")
        tokens = " / ".join(understood["tokens"]) or word("none", lang)
        st.markdown(f"**{word('tokens', lang)}**: {escape_markdown(tokens)}")
        st.markdown(f"**{word('entities', lang)}**")
        if understood["entities"]:
            st.dataframe(understood["entities"], hide_index=True, width="stretch")
        else:
            st.caption(word("none", lang))
        st.markdown(f"**{word('trace', lang)}**")
        st.json(understood["trace"])


def show_ask_page(kg, lang: str):
    """The Ask page."""
    st.subheader(word("ask_title", lang))
    show_examples(lang)
    question = st.text_input(word("question", lang), key="question",
                             placeholder=word("question_placeholder", lang))
    if not question or not question.strip():
        return
    try:
        answer = kg.ask(question)
    except KgError as exc:
        st.error(escape_markdown(str(exc)))
        return
    show_answer(kg, answer, lang)
    show_understanding(answer, lang)
