"""Problems the texts report, for one role or overall, the closest to the question first."""

from __future__ import annotations

import re

from ..document import PROBLEM
from ..normalize import fold
from .duties import content_tokens
from .ranking import evidence_from_fact, make_answer, problem_part, say

_PROBLEM_WORDS = frozenset("问题 不足 短板 差距 存在 发现 查找 查摆 指出 报告 文中 哪些 哪几 方面 主要 调研 突出 毛病 缺点 表现 problem problems shortcoming shortcomings found report weakness".split())
_PREVALENCE_ZH = {"some": "有的", "several": "一些", "few": "少数", "many": "普遍"}


def _part_heading(kg, evidence) -> str:
    """The heading of the problem part a problem is reported in (（一）思想认识“有温差”，政治意识“淡化”), or ``""``:
    a report names each problem in its part's heading and describes it in the sentences below."""
    doc = kg.document(evidence.doc_id)
    if not 0 <= evidence.sentence < len(doc.sentences):
        return ""
    part = problem_part(doc, doc.sentences[evidence.sentence])
    return part[0].marker + part[0].heading.rstrip("。；;，, ") if part else ""


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{3,}")


def names_one_problem_part(kg, q) -> bool:
    """Whether the question names one problem part by its heading's words (党建业务“两张皮” → （二）党建业务
    “两张皮”，领导效能“弱化”): three characters in a row of the question that one such heading holds."""
    headings = [fold(s.heading) for doc in kg.documents_ for s in doc.sections
                if s.kind == PROBLEM and s.level != "part" and s.heading]
    names = [fold(n) for t in q.entities for n in t.labels("zh")]
    text = fold(q.plain if q.language == "zh" else q.query)
    for run in _HAN_RUN.findall(text):
        for k in range(len(run) - 2):
            gram = run[k:k + 3]
            if not any(gram in n for n in names) and sum(gram in h for h in headings) == 1:
                return True
    return False


def answer_problems(kg, q, k):
    """Problems found, for one role or overall, ranked by closeness to the question; ``None`` for a question
    about one problem part (the points inside it answer that, see :mod:`kg.qa.search`)."""
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if names_one_problem_part(kg, q) and not any(kg.facts_.problems_of(t.key) for t in roles):
        return None   # 有的党组书记存在什么问题 asks for a role's problems even in one part
    if not roles and [t for t in content_tokens(q) if t not in _PROBLEM_WORDS]:
        return None  # a question about one problem's details: the sentences answer it best
    problems = [p for t in roles for p in kg.facts_.problems_of(t.key)] if roles else []
    if not problems:
        problems = list(kg.facts_.problems)
    if not problems:
        return None
    all_scores = kg.problem_index_.scores(q.query)
    position = {id(p): i for i, p in enumerate(kg.facts_.problems)}
    scores = [float(all_scores[position[id(p)]]) if id(p) in position else 0.0 for p in problems]
    order = sorted(range(len(problems)), key=lambda i: (-scores[i], problems[i].evidence.doc_id, problems[i].start))
    shown = [problems[i] for i in order[:6]]
    lines, parts_named = [], set()
    for p in shown:
        who = f"{_PREVALENCE_ZH.get(p.prevalence, '')}{p.concerns.label if p.concerns else ''}"
        part = _part_heading(kg, p.evidence)
        lines.append((part if part not in parts_named else "", (who + "：" if who else "") + p.description))
        parts_named.add(part)
    text = say(q, f"文中指出的问题（共{len(problems)}条）：" + "；".join(
                   f"{i}. " + (f"【{part}】" if part else "") + x for i, (part, x) in enumerate(lines, 1)) + "。",
               f"Problems the texts report ({len(problems)} found): " + "; ".join(
                   f"{i}. " + (f"[{part}] " if part else "") + f"「{x}」" for i, (part, x) in enumerate(lines, 1)) + ".")
    evidence, seen = [], set()
    for i in order:
        p = problems[i]
        key = (p.evidence.doc_id, p.evidence.start)
        close = not evidence or scores[i] >= 0.75 * evidence[0].score  # no far second sentence
        if key not in seen and len(evidence) < min(k, 3) and close:
            seen.add(key)
            evidence.append(evidence_from_fact(kg, p.evidence, float(scores[i])))
    return make_answer(q, text, evidence, {"method": "problems", "problems": len(problems)})
