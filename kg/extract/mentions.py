"""Mentions: the roles, organizations and formulae each sentence names, found with the lexicon.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("FirstSecretary", "role", "第一书记", "first secretary")])
>>> doc = parse_document("实行书记担任第一书记。", "demo")
>>> [(m.surface, m.start, m.end) for m in extract_mentions(doc, lex)]
[('第一书记', 6, 10)]
"""

from __future__ import annotations

from ..facts import Evidence, Mention


def sentence_evidence(doc, sentence) -> Evidence:
    """The evidence record of one sentence of ``doc``."""
    return Evidence(doc.doc_id, sentence.start, sentence.end, sentence.text, sentence.index)


def extract_mentions(doc, lexicon) -> list:
    """Every lexicon term named in every sentence, with the name's span in the document."""
    mentions = []
    for sentence in doc.sentences:
        evidence = sentence_evidence(doc, sentence)
        for match in lexicon.find(sentence.text):
            mentions.append(Mention(match.term.ref, sentence.start + match.start, sentence.start + match.end,
                                    match.surface, evidence))
    return mentions
