"""Who issued a document, and when: read from its signature or its opening lines.

A report ends with its signature (落款): the issuing body's name on one line, the date on the next. A
regulation published by the news agency opens with it (中共中央印发 / 新华社北京1月5日电 近日，中共中央印发了
《…》), and a party constitution says in brackets which congress adopted it, and when.
"""

from __future__ import annotations

import re

from .ranking import evidence_item, make_answer, rank_sentences, say

_ASKS_ZH = re.compile(r"(?:谁|哪个|哪家|哪级|哪次|哪一次|哪届|什么)[^，。？?]{0,10}(?:印发|发布|出具|签发|下发|发文|通过)"
                      # 印发的单位 / 发文机关, not 印发条例的通知要求机关… (what the notice asks of organs)
                      r"|(?:印发|发布|出具|签发|下发|发文|通过)[^，。？?要]{0,8}"
                      r"(?:(?:单位|机关|部门)(?=[是为]?(?:谁|哪|什么|[？?]|$))|是谁|谁|日期|哪天|何时|什么时候)"
                      r"|落款")
_ASKS_EN = re.compile(r"\b(?:who|which \w+)\b[^?]{0,80}\b(?:issued|published|signed|released|promulgated|adopted)\b"
                      r"|\b(?:issued|published|signed|released|promulgated|adopted)\b[^?]{0,60}\b(?:when|what date|by whom)\b"
                      r"|\bwhen (?:was|were|did)\b[^?]{0,60}\b(?:issued|published|signed|released|promulgated|adopted)\b"
                     r"|\bby (?:whom|which \w+)\b|\bon what date\b|\bsignature\b", re.I)

_DATE = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月(?:\d{1,2}日?)?"
_DATE_LINE = re.compile(rf"^\s*(?P<date>{_DATE})\s*$")
_BODY_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{3,40}(?:委员会|党委|党组|工委|政府|办公室|办公厅|部|局|厅|处|中学|学校|大学|学院|"
                        r"支部|总支|中央|中心|院)$")
_ISSUED_BY = re.compile(r"(?P<body>中共中央|党中央|国务院|中央[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff]{2,12}(?:委员会|党委|办公厅))"
                        r"(?:近日)?印发(?:了)?(?:《|$)")
_NEWS_DATE = re.compile(r"(?P<date>\d{1,2}月\d{1,2}日)电")
_ADOPTED = re.compile(rf"^（(?P<body>[^，）]{{4,40}}?)(?:部分修改|修改|审议)?，(?P<date>{_DATE})通过）$")


# The question must be about a document, not a decision inside one (由党员大会通过 is no issuance).
_DOCUMENT_ZH = re.compile(r"条例|党章|章程|报告|文件|通知|规定|办法|《")
_DOCUMENT_EN = re.compile(r"\b(?:constitution|regulations?|report|document|rules|notice)\b", re.I)


def asks_issuer(q) -> bool:
    """Whether the question asks who issued (or adopted) a document, or when.

    >>> from kg.qa.question import Question
    >>> asks_issuer(Question("这份报告是哪个单位出具的？", "zh", "")), asks_issuer(Question("预备党员由谁通过？", "zh", ""))
    (True, False)
    >>> asks_issuer(Question("印发条例的通知要求机关党建处于什么状态？", "zh", ""))
    False
    >>> asks_issuer(Question("印发通知对修订后的机关基层组织工作条例是怎么定位的？", "zh", ""))
    False
    >>> asks_issuer(Question("印发这个条例的机关是哪个？", "zh", ""))
    True
    """
    asks, document = (_ASKS_EN, _DOCUMENT_EN) if q.language == "en" else (_ASKS_ZH, _DOCUMENT_ZH)
    return bool(asks.search(q.plain) and document.search(q.plain))


def issuance(doc):
    """``(body, date, sentences)`` read from the document's signature or opening lines, or ``None``.

    >>> from kg.document import parse_document
    >>> doc = parse_document("情况报告\\n会议查摆了问题。\\n中共某某中学委员会\\n2021年1月18\\n", "r")
    >>> body, date, sentences = issuance(doc)
    >>> body, date, [s.text for s in sentences]
    ('中共某某中学委员会', '2021年1月18', ['中共某某中学委员会', '2021年1月18'])
    """
    sentences = doc.sentences
    tail = [s for s in sentences[-3:] if s.text.strip()]
    if len(tail) >= 2:
        body, date = tail[-2], tail[-1]
        m = _DATE_LINE.match(date.text)
        if m and _BODY_LINE.match(body.text.strip()):
            return body.text.strip(), m.group("date"), [body, date]
    for sentence in sentences[:4]:
        adopted = _ADOPTED.match(sentence.text.strip())
        if adopted:
            return adopted.group("body"), adopted.group("date"), [sentence]
        issued = _ISSUED_BY.search(sentence.text)
        if issued:
            dated = next((s for s in sentences[:4] if _NEWS_DATE.search(s.text)), None)
            if dated is not None and dated is not sentence:
                return issued.group("body"), _NEWS_DATE.search(dated.text).group("date"), [dated, sentence]
            if dated is sentence:
                return issued.group("body"), _NEWS_DATE.search(sentence.text).group("date"), [sentence]
            return issued.group("body"), "", [sentence]
    return None


def answer_issuer(kg, q, k):
    """Who issued the document the question is about, and when, with the lines that say so; ``None``
    when the question does not ask that or the document's lines do not say it."""
    if not asks_issuer(q):
        return None
    if q.document:
        doc = kg.document(q.document[0])
    elif len(kg.documents_) == 1:
        doc = kg.documents_[0]
    else:
        ranked = rank_sentences(kg, q)
        if not ranked:
            return None
        doc = kg.sentences_[ranked[0][1]][0]
    found = issuance(doc)
    if found is None:
        return None
    body, date, sentences = found
    title = doc.title or doc.doc_id
    when_zh = f"，日期：{date}" if date else ""
    when_en = f", dated {date}" if date else ""
    text = say(q, f"{body}（据《{title}》的落款或开头{when_zh}）。",
               f"{body} (the signature or opening lines of {title}{when_en}).")
    evidence = [evidence_item(kg, doc.doc_id, s, 1.0 - 0.01 * n) for n, s in enumerate(sentences)]
    return make_answer(q, text, evidence[:k], {"method": "the document's signature or opening lines"})
