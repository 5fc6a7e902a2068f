"""What a role must do (its duties, those of the posts it holds and those of the roles holding it), and who
must do something (the bearers of the duties closest to the question).
"""

from __future__ import annotations

import re

from ..facts import DEFAULT, PERMISSION, PROHIBITION
from ..normalize import fold
from .ranking import (ANSWER_CHARS, evidence_from_fact, evidence_item, make_answer, quote_window, rank_sentences, say,
                      select_evidence)
from .search import list_items, list_text_and_evidence


# ---------------------------------------------------------------------------- duties of a role
def _modality_zh(duty):
    return {PROHIBITION: "不得", DEFAULT: "原则上", PERMISSION: "可以"}.get(duty.modality, "")


def _duty_line(duty, language):
    freq = duty.frequency.describe(language) if duty.frequency else ""
    mod = _modality_zh(duty)
    breach = duty.section_kind == "problem"  # named by its breach: 有的…没履行…，不参加…
    if language == "en":
        tag = {PROHIBITION: "must not: ", DEFAULT: "as a rule: ", PERMISSION: "may: "}.get(duty.modality, "")
        return (f"{tag}「{duty.action}」" + (f" ({freq})" if freq else "")
                + (" (named by its breach: the problems part says some do not)" if breach else ""))
    text = duty.action if not mod or duty.action.startswith(mod) else mod + duty.action
    return (text + (f"（{freq}）" if freq and freq not in duty.action else "")
            + ("（问题部分指出有的未做到）" if breach else ""))


def _related_roles(kg, term, language="zh"):
    """The role itself, the posts it holds, and the roles that hold it, with how they relate."""
    def en(ref):
        known = kg.lexicon_.get(ref.key)
        return f"{known.label('en')} ({ref.label})" if known and known.en else ref.label

    related = [(term.key, "")]
    for h in kg.facts_.posts_held_by(term.key):
        if language == "en":
            related.append((h.post.key, ("concurrently serves as " if h.concurrent else "serves as ") + en(h.post)))
        else:
            related.append((h.post.key, f"{term.zh}{'兼任' if h.concurrent else '担任'}{h.post.label}"))
    for h in kg.facts_.holders_of(term.key):
        if language == "en":
            related.append((h.holder.key, ("concurrently held by " if h.concurrent else "held by ") + en(h.holder)))
        else:
            related.append((h.holder.key, f"由{h.holder.label}{'兼任' if h.concurrent else '担任'}"))
    seen, out = set(), []
    for key, how in related:
        if key not in seen:
            seen.add(key)
            out.append((key, how))
    return out


def _rank_duties(kg, q, duties):
    if not duties:
        return []
    position = {id(d): i for i, d in enumerate(kg.facts_.duties)}
    among = [position[id(d)] for d in duties if id(d) in position]
    scores = kg.duty_index_.scores(q.query) if among else []

    def score(d):
        return (float(scores[position[id(d)]]) if id(d) in position else 0.0) + _remit_weight(d)

    ranked = sorted(duties, key=lambda d: (-score(d), d.reported, d.evidence.doc_id, d.evidence.start, d.start))
    return [(score(d), d) for d in ranked]


def _remit_weight(duty) -> float:
    """How much a duty says about what the role is for, for a question that asks only that (党支部主要管些啥):
    a stated remit (担负…的职责) first, then obligations; what a role may do, and short procedural steps
    (报上级党组织批准), last."""
    weight = 0.0
    if any(word in duty.action for word in ("职责", "任务", "责任")):
        weight += 0.15
    if duty.modality == PERMISSION:
        weight -= 0.1
    if len(duty.action) < 7:
        weight -= 0.05
    return weight


# Words that ask for duties without saying which: a question made only of these and a role is generic.
_DUTY_WORDS = frozenset("""职责 职能 责任 任务 义务 工作 做 干 干啥 做啥 什么 哪些 主要 基本 具体 要 应当 应该 必须 需要 负责 承担
    履行 要求 内容 方面 有 都 平时 得 该 需 duty duties must should do responsibility responsibilities task tasks
    obligation obligations role work main basic required
    管 管些 管啥 啥 些 干些 做些 干嘛 事 事情 事儿 活儿 哪些事 日常 平常 一般
    权利 享有 rights right enjoy 作用 发挥 包括 包含 哪几 有哪些 主要有 include includes
    负 得负 尽 当 当好 作为 身为 责 到底 究竟 职权 权力 权限 powers power""".split())   # colloquial: 党支部主要管些啥; framing: 当入党介绍人，得负哪些责任


def content_tokens(q):
    """The question's tokens that are neither entity names nor generic duty words."""
    names = {fold(label) for t in q.entities if t.kind != "mechanism" for label in t.labels("zh")}
    names.update(q.name_words)
    return [t for t in q.tokens if not _generic(t) and not any(t in n for n in names)]


def _generic(token) -> bool:
    """A duty word, or two of them as jieba joins them (主要职责, 基本任务)."""
    return token in _DUTY_WORDS or (len(token) == 4 and token[:2] in _DUTY_WORDS and token[2:] in _DUTY_WORDS)


def _mentions_term(sentence_text, term):
    folded = fold(sentence_text)
    return any(fold(label) in folded for label in term.labels("zh"))


_ASKED_REMIT_WORD = re.compile(r"职责|任务|职权")
_ASKS_REMIT = re.compile(r"职责|任务|职权|duties|tasks|responsibilities|remit|functions", re.I)
# X的职责是… / 它的基本任务是… / X是…机关，主要任务是… (the role then opens the sentence)
_REMIT = re.compile(r"(?:^|[，。；,;])(?:(?:(?P<who>[^，。；,;]{2,24}?)|它|其)的(?:基本|主要)?|基本|主要)(?:职责|任务|职权)[，,]?(?:主要)?"
                    r"(?:是|为|包括|有)")


def _lead_is_about(lead_text, term) -> bool:
    """True when a list's lead is about ``term``: it names the term as the owner of the remit it opens
    (X（含…）的基本职责是：), or, when it states no owner, names the term at all."""
    folded = re.sub(r"（[^（）]*）|\([^()]*\)", "", fold(lead_text))
    match = _REMIT.search(folded)
    if match is None or match.group("who") is None:
        return _mentions_term(lead_text, term)
    return any(match.group("who").endswith(fold(label)) for label in term.labels("zh") if len(label) >= 2)


def _remit_statement(kg, term, asked="", others=()):
    """The sentence in which a text states a role's remit (党组的任务，主要是…；它的基本任务是：), as
    ``(doc, sentence)``, or ``None``. A pronoun (它, 其) counts when the sentence before it in the same
    paragraph names the role. When texts state several, the one using the word asked (任务, 职责) comes
    first, then the one naming most of the ``others`` the question names (机关 for an organ's
    commission), then the first in corpus order."""
    found = _remit_statements(kg, term)
    wanted = [f for f in found if asked and asked in fold(f[1].text)] or found
    if not wanted:
        return None
    names = [fold(label) for other in others for label in other.labels("zh") if len(label) >= 2]
    doc, sentence, _ = max(wanted, key=lambda f: sum(1 for n in names if n in f[2]))
    return doc, sentence


def _remit_statements(kg, term):
    """``(doc, sentence, owner)`` for each statement of the role's remit; ``owner`` is the folded text that
    names whose remit it is (机关党的纪律检查委员会 in X的职责是…, the subject before 是 in X是…，主要任务是…)."""
    names = [fold(label) for label in term.labels("zh") if len(label) >= 2]
    found = []
    for (doc, sentence), folded in zip(kg.sentences_, kg.folded_sentences_):
        if "职责" not in folded and "任务" not in folded and "职权" not in folded:
            continue
        match = _REMIT.search(folded)
        if match is None:
            continue
        who = match.group("who")
        if who is not None:
            if any(who.endswith(n) for n in names):
                found.append((doc, sentence, who))
            continue
        before = doc.sentences[sentence.index - 1] if sentence.index > 0 else None
        here = folded[:match.start()] + (fold(before.text) if before and before.paragraph == sentence.paragraph else "")
        if any(n in here for n in names):
            found.append((doc, sentence, here.split("是", 1)[0]))
    return found


def _remit_answer(kg, q, term, k):
    """For 党组的任务是什么: the text's own statement of the role's remit, with its list when it opens one."""
    if not _ASKS_REMIT.search(q.plain):
        return None
    asked = _ASKED_REMIT_WORD.search(q.query)
    others = [t for t in q.entities if t.key != term.key]
    found = _remit_statement(kg, term, asked.group() if asked else "", others)
    if found is None:
        return None
    doc, sentence = found
    lead, items = list_items(doc, sentence)
    if lead is not None and lead.index == sentence.index and len(items) >= 2:
        text, evidence = list_text_and_evidence(kg, q, doc, lead, items, 1.0)
    else:
        quote = quote_window(sentence.text, q.query, limit=ANSWER_CHARS - 40)
        text = say(q, f"据《{doc.title}》：「{quote}」", f"In {doc.title}: 「{quote}」")
        evidence = [evidence_item(kg, doc.doc_id, sentence, 1.0)]
    return make_answer(q, text, evidence[:k], {"method": "the sentence stating the role's remit"})


def _role_list_answer(kg, q, term, k, ranked):
    """A role's enumerated duties (``X的职责是：（一）…``) when the text has such a list; ``ranked`` is
    :func:`rank_sentences` of the question."""
    # A specific question takes the list only when the list's lead is the best match of all.
    for score, i in ranked[: 1 if content_tokens(q) else 8]:
        doc, sentence = kg.sentences_[i]
        lead, items = list_items(doc, sentence)
        if lead is None or len(items) < 2 or not _lead_is_about(lead.text, term):
            continue
        text, evidence = list_text_and_evidence(kg, q, doc, lead, items, score)
        return make_answer(q, text, evidence[:k], {"method": "the role's enumerated duties", "items": len(items)})
    return None


_TOPIC = re.compile(r"^(?:对于|对|关于|针对)(?P<topic>[^，,？?]{1,30})[，,]")
# 在党员教育管理的分工里，… / 为了让党员冲在前头，…: a scene or a purpose, not who acts
_SCENE = re.compile(r"^(?:在(?P<topic>[^，,？?]{1,30}?)(?:里|中|方面|上|时|期间|过程中)|为了(?P<purpose>[^，,？?]{1,30}))[，,]")


def _narrower(name, other) -> bool:
    """Whether ``name`` names a narrower kind of ``other`` (流入地党组织 / 党组织, 党支部书记 / 党支部)."""
    return name != other and (name.endswith(other) or (name.startswith(other) and len(name) - len(other) >= 2))


def _bearer_first(roles, query) -> list:
    """The roles a question names, the one it asks about first: the most specific name (流入地党组织 before
    党组织), and not a role in a leading topic (对流动党员，流入地党组织要做什么), which is what the duty is
    about, not who bears it."""
    # a name inside another name asked about is the broader one: 党组织 in 流入地党组织 asks about the latter
    # (but 党组 is not inside 党组织: a name one character longer is another word, not a narrower name)
    inner = [t for t in roles if any(u is not t and _narrower(fold(u.zh), fold(t.zh)) for u in roles)]
    roles = [t for t in roles if t not in inner] + inner
    match = _TOPIC.match(query) or _SCENE.match(query)
    if not match or len(roles) < 2:
        return roles
    topic = fold(match.group("topic") or match.group("purpose"))
    outside = [t for t in roles if not any(fold(label) in topic for label in t.labels("zh"))]
    return outside + [t for t in roles if t not in outside]


# "When party members report problems, what must the commission do?": a leading clause sets the scene
_EN_LEADING_CLAUSE = re.compile(r"^\s*(?:when|whenever|if|once|after|before|while|where|for|as for|regarding|"
                                r"in|within|under|during)\b[^,?]{3,120},", re.I)


def _outside_leading_clause(kg, text, roles) -> list:
    """The roles of an English question, those named in a leading clause (when party members report
    problems, …) after the others: that clause says when, the rest who must act."""
    match = _EN_LEADING_CLAUSE.match(text)
    if not match or len(roles) < 2:
        return roles
    scene = {m.term.key for m in kg.lexicon_.find_english(match.group(0))}
    outside = [t for t in roles if t.key not in scene]
    return outside + [t for t in roles if t not in outside]


def _closest_duty_answer(kg, q, term, k, ranked_sentences):
    """A question naming more than the role (关于党员领导干部参加双重组织生活，机关基层党组织要做什么): the
    role's own duty whose sentence says most of what else the question names, when it says at least half
    and two of its words; else ``None`` (the sentences answer it)."""
    wanted = [t for t in content_tokens(q) if len(t) >= 2]
    if not wanted:
        return None

    def matched(duty):
        text = fold(duty.evidence.text)
        return sum(1 for t in wanted if t in text)

    def coverage(duty):
        return matched(duty) / len(wanted)

    # two words at least: one shared word (党员教育) is too little to prefer one duty to the role's remit
    ranked = [(score + coverage(d), d) for score, d in _rank_duties(kg, q, kg.facts_.duties_of(term.key))
              if coverage(d) >= 0.5 and matched(d) >= 2]
    if not ranked:
        return None
    best = ranked_sentences[:1]
    if best:   # a sentence that says more of the question than the duty's own answers it better
        best_text = fold(kg.sentences_[best[0][1]][1].text)
        if sum(1 for t in wanted if t in best_text) > matched(ranked[0][1]):
            return None
    ranked.sort(key=lambda x: (-x[0], x[1].evidence.doc_id, x[1].evidence.start, x[1].start))
    score, duty = ranked[0]
    quote = quote_window(duty.evidence.text, q.query)
    text = say(q, f"{term.zh}：{duty.action}。原文：「{quote}」",
               f"{term.label('en')} ({term.zh}): {duty.action}. The text: 「{quote}」")
    evidence = [evidence_from_fact(kg, duty.evidence, score)]
    for other_score, other in ranked[1:]:
        if len(evidence) < min(k, 2) and other.evidence.start != duty.evidence.start and other_score >= 0.8 * score:
            evidence.append(evidence_from_fact(kg, other.evidence, other_score))
    return make_answer(q, text, evidence, {"method": "the role's duty closest to the question"})


def answer_role_duties(kg, q, k):
    """What must a role do: its duties, those of the posts it holds, and those of the roles holding it.

    A question that names more than the role (党员要参加哪些政治仪式) is answered by the sentences
    that say it; a generic one (第一书记要做什么) by the role's duties, or its enumerated list.
    """
    roles = _bearer_first([t for t in q.entities if t.kind in ("role", "organization")], q.query)
    if q.language == "en":
        roles = _outside_leading_clause(kg, q.text, roles)
    if not roles:
        return None
    term = roles[0]
    ranked_sentences = rank_sentences(kg, q)   # once, for the list and the closest duty
    listed = _role_list_answer(kg, q, term, k, ranked_sentences) or _remit_answer(kg, q, term, k)
    if listed is not None:
        return listed
    if content_tokens(q):
        return _closest_duty_answer(kg, q, term, k, ranked_sentences)
    related = _related_roles(kg, term, q.language)
    duties, via = [], {}
    for key, how in related:
        for d in kg.facts_.duties_of(key):
            duties.append(d)
            via[id(d)] = how
    prescribed = [d for d in duties if not d.reported] or duties
    if not prescribed:
        return None
    ranked = _rank_duties(kg, q, prescribed)
    specific = ranked and ranked[0][0] - _remit_weight(ranked[0][1]) > 0.25 and len(q.tokens) > 2
    shown = ranked[: (5 if specific else 10)]
    lines = []
    for i, (score, d) in enumerate(shown, 1):
        how = via.get(id(d), "")
        lines.append(_duty_line(d, q.language) + (f"［{how}］" if how and q.language == "zh" else (f" [{how}]" if how else "")))
    holdings = [how for _, how in related if how]
    if q.language == "en":
        text = f"Duties of {term.label('en')} ({term.zh}) in the texts ({len(prescribed)} found): " + "; ".join(
            f"{i}. {line}" for i, line in enumerate(lines, 1))
        if holdings:
            text += " Posts: " + "; ".join(holdings) + "."
    else:
        text = f"{term.zh}的职责（共{len(prescribed)}项）：" + "；".join(f"{i}. {line}" for i, line in enumerate(lines, 1)) + "。"
        if holdings:
            text += "任职：" + "；".join(holdings) + "。"
    evidence, seen = [], set()
    for score, d in shown:
        key = (d.evidence.doc_id, d.evidence.start)
        if key not in seen:
            seen.add(key)
            evidence.append(evidence_from_fact(kg, d.evidence, score))
    # The sentences that make a post bring its duties are evidence too ("who holds the post").
    for h in kg.facts_.posts_held_by(term.key) + kg.facts_.holders_of(term.key):
        key = (h.evidence.doc_id, h.evidence.start)
        if key not in seen:
            seen.add(key)
            evidence.insert(min(1, len(evidence)), evidence_from_fact(kg, h.evidence, 0.5))
    evidence = evidence[:k]
    return make_answer(q, text, evidence, {"method": "duties of the role and its posts",
                                           "roles": [key for key, _ in related], "duties": len(prescribed)})


# ---------------------------------------------------------------------------- who must do it
def _best_duties(kg, q, limit=3):
    if not kg.facts_.duties:
        return []
    scores = kg.duty_index_.scores(q.query)
    order = sorted(range(len(kg.facts_.duties)), key=lambda i: -scores[i])
    return [(float(scores[i]), kg.facts_.duties[i]) for i in order[:limit] if scores[i] > 0]


_AGENT_VERBS = ("主持", "负责", "召集", "决定", "批准", "审批", "组织", "担任", "讲授", "作出", "提出", "领导", "审议", "解释", "制定", "印发", "发布", "修订",
                "递补", "提名", "审查", "指定")


# Who a sentence names without 由, for a question asking in that shape: (question, sentence) patterns.
_NAMED_AGENTS = (
    # 根据谁的通知: the body whose notice the text acts on (根据市教育局办公室《关于…的通知》安排)
    (re.compile(r"谁的?通知"), re.compile(r"(?:根据|按照|遵照)([^，。；《]{2,20}?)《[^》]*通知》")),
    # 征得谁同意 / 经谁批准, asked alike: whose consent the text requires (应当征得上级党组织同意)
    (re.compile(r"(?:征得|经过?)谁的?(?:同意|批准)|谁(?:来)?(?:同意|批准)"),
     re.compile(r"(?:征得|经过?)([^，。；：由]{1,20}?)(?:的)?(?:同意|批准)")),
)
_ASKS_WHO_DOES = re.compile(r"谁来?(?:做|办|干|定|管|弄|作|拍板)|谁说了算")


def agent_named(sentence_text, query) -> str:
    """The agent a sentence names with 由 for the action the question asks about (会议由党委书记、校长王琛主持
    answers 由谁主持), or ``""``.

    >>> agent_named("会议由党委书记、校长王琛主持，重点围绕……", "分析会由谁主持？")
    '党委书记、校长王琛'
    >>> agent_named("本条例由中央组织部负责解释。", "机关基层组织工作条例的解释权归哪个部门？")
    '中央组织部'
    >>> agent_named("中央委员会委员出缺，由中央委员会候补委员按照得票多少依次递补。", "中央委员出缺由谁递补？")
    '中央委员会候补委员'
    >>> agent_named("停止党籍的决定由保留其组织关系的党组织按照有关规定作出。", "停止党籍的决定由谁来做？")
    '保留其组织关系的党组织'
    >>> agent_named("停止党籍的决定由所在党支部或者上级党组织按照有关规定作出。", "失联党员停止党籍由谁决定？")
    '所在党支部或者上级党组织'
    >>> agent_named("根据市教育局办公室《关于组织召开分析会的通知》安排，学校召开了分析会。", "根据谁的通知召开的？")
    '市教育局办公室'
    >>> agent_named("书记、副书记在任期内职务变动，应当征得上级党组织同意。", "书记职务变动要征得谁同意？")
    '上级党组织'
    >>> agent_named("对出国（境）学习研究党员，由原就读高校或者工作单位党组织保留其组织关系。", "哪个组织 保留 组织关系")
    '原就读高校或者工作单位党组织'
    """
    for asks, says in _NAMED_AGENTS:
        found = says.search(sentence_text) if asks.search(query) else None
        if found:
            return found.group(1)
    # the verbs right after 谁 are the ones asked (机关基层组织条例由谁解释: 解释, not the 组织 of 基层组织;
    # 经过谁审议、由谁批准: 审议, then 批准)
    asked = [m.group(1) for m in re.finditer(r"谁(?:来|负责)?(" + "|".join(_AGENT_VERBS) + ")", query)]
    # 解释权归哪个部门 asks who 解释s, as 由谁解释 does
    asked += [m.group(1) for m in re.finditer(r"(" + "|".join(_AGENT_VERBS) + ")权", query)]
    if not asked and _ASKS_WHO_DOES.search(query):
        # 这个决定由谁来做: any act the text gives to someone with 由; the longest agent, as a shorter one
        # ends at a verb inside the name (由保留其|组织|关系的党组织…作出)
        found = [_agent_before(sentence_text, verb) for verb in _AGENT_VERBS]
        return max(found, key=len)
    for verb in asked or [v for v in _AGENT_VERBS if _as_verb(v, query)]:
        agent = _agent_before(sentence_text, verb)
        if agent:
            return agent
        if f"{verb}由" in sentence_text:   # 由谁决定 / 停止党籍的决定由X作出: the act asked is the noun before 由
            return max((_agent_before(sentence_text, other) for other in _AGENT_VERBS), key=len)
    if asked or "由" not in sentence_text:
        return ""
    # any other act the question names, when the sentence gives it with 由 (由原就读高校…党组织保留其组织关系
    # answers "which organization keeps their membership relationship": 保留, one sense of keep)
    # (the words of a translated question, which come apart: a verb is one of them, not any two characters)
    words = {w for w in query.split() if re.fullmatch(r"[\u4e00-\u9fff]{2}", w) and _as_verb(w, query)}
    found = [_agent_before(sentence_text, w) for w in words if w in sentence_text]
    # only a body is taken this way (由县级以上党委组织部门进行业务指导 gives no agent for 指导)
    return max((a for a in found if _BODY_END.search(a)), key=len, default="")


_BODY_END = re.compile(r"(?:党组织|党委|党组|部门|委员会|支部|机关|单位|高校|学校|大会|小组|组织|工委)$")
# 组织 as a noun (党组织, 哪个组织, 组织关系) is no act a question asks about
_ORGANIZATION_NOUN = re.compile(r"(?<=[党个级层该其本])组织|组织(?=关系|生活|的)")


def _as_verb(verb, query) -> bool:
    """Whether ``verb`` occurs in ``query`` other than as a noun (组织 in 哪个组织 is one)."""
    if verb != "组织":
        return verb in query
    return "组织" in _ORGANIZATION_NOUN.sub("", query)


def _agent_before(sentence_text, verb) -> str:
    # 由中央委员会候补委员按照得票多少依次递补: how the agent acts may stand between it and the verb
    match = re.search(rf"由([^，。；：由]{{1,30}}?)(?:负责|(?:按照|依照|根据)[^，。；由]{{1,12}}?)?(?:依次|分别|统一)?{verb}",
                      sentence_text)
    return match.group(1) if match else ""


def _same_paragraph(kg, i, j) -> bool:
    """Whether sentence positions ``i`` and ``j`` are in one paragraph of one document."""
    if not (0 <= i < len(kg.sentences_) and 0 <= j < len(kg.sentences_)):
        return False
    (doc_i, a), (doc_j, b) = kg.sentences_[i], kg.sentences_[j]
    return doc_i is doc_j and a.paragraph == b.paragraph


def answer_duty_holder(kg, q, k):
    """Who must do something: the bearers of the duties closest to the question."""
    ranked_sentences = rank_sentences(kg, q)
    if not ranked_sentences:
        return None
    best_score, best_i = ranked_sentences[0]
    best_doc, best_sentence = kg.sentences_[best_i]
    candidates = [(s, d) for s, d in _best_duties(kg, q, 5) if d.bearer is not None]
    # Prefer a duty stated in the best sentence: the bearer then comes with its own words.
    in_best = [(s, d) for s, d in candidates if d.evidence.doc_id == best_doc.doc_id and d.evidence.start == best_sentence.start]
    chosen = in_best[:1] or [c for c in candidates[:1] if c[0] >= 0.35]
    quote = quote_window(best_sentence.text, q.query)
    # One of the closest sentences may say who with 由, though it states no duty (a report of what was done);
    # so may the sentence after the best one in its paragraph (…予以停止党籍。停止党籍的决定由…作出。). An
    # English verb's other senses count too (review: 审查, and the text's 审议 in 由…审议后).
    asked = q.query if q.language == "zh" else f"{q.query} {q.expanded}"
    closest = ranked_sentences[:5]
    following = [(score * 0.95, i + 1) for score, i in closest if _same_paragraph(kg, i, i + 1)]
    agents = {}
    for score, i in [*closest, *following]:   # a sentence read twice keeps its better score
        agents[i] = max(score, agents.get(i, 0.0))
    agents = [(score, i, agent_named(kg.sentences_[i][1].text, asked))
              for i, score in sorted(agents.items(), key=lambda x: (-x[1], x[0]))]
    if agents and agents[0][1] == best_i and agents[0][2]:
        # the best sentence's own 由X主持 names who acts more exactly than a duty read from it (校长 of 校长王琛)
        agents = agents[:1]
    else:
        # with a duty in the best sentence, another sentence's 由X must be nearly as close to be preferred
        agents = [a for a in agents if a[2] and a[0] >= (0.85 if in_best else 0.6) * best_score]
    if agents:
        score, i, agent = agents[0]
        doc, sentence = kg.sentences_[i]
        quote = quote_window(sentence.text, f"由{agent}")
        text = say(q, f"{agent}。原文：「{quote}」", f"{agent}. The text: 「{quote}」")
        evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
    elif chosen:
        duty = chosen[0][1]
        sentence_doc = kg.document(duty.evidence.doc_id)
        sentence = sentence_doc.sentences[duty.evidence.sentence] if duty.evidence.sentence >= 0 else best_sentence
        quote = quote_window(sentence.text, q.query)
        text = say(q, f"{duty.bearer.label}。原文：「{quote}」",
                   f"{kg.lexicon_.get(duty.bearer.key).label('en') if kg.lexicon_.get(duty.bearer.key) else duty.bearer.label}"
                   f" ({duty.bearer.label}). The text: 「{quote}」")
        evidence = [evidence_from_fact(kg, duty.evidence, chosen[0][0])]
        lead, _ = list_items(sentence_doc, sentence)
        if lead is not None and lead.index != sentence.index:
            # an item of a list names no bearer: the lead that opens the list does (…的基本职责是：)
            text += say(q, f" 所属条目的引语：「{lead.text}」", f" The list it belongs to opens: 「{lead.text}」")
            evidence.append(evidence_item(kg, sentence_doc.doc_id, lead, chosen[0][0] * 0.99))
    else:
        # No duty and no 由 says who: the roles the sentence names are offered as candidates, not as the answer.
        mentioned = [m.term for m in kg.lexicon_.find(quote) if m.term.kind in ("role", "organization")]
        names = "、".join(dict.fromkeys(t.zh for t in mentioned))
        text = say(q, (f"文中最接近的句子提到：{names}。" if names else "") + f"原文：「{quote}」",
                   (f"The closest sentence names: {names}. " if names else "") + f"The text: 「{quote}」")
        evidence = [evidence_item(kg, best_doc.doc_id, best_sentence, best_score)]
    for score, i in select_evidence(ranked_sentences, 3)[1:]:
        doc, sentence = kg.sentences_[i]
        if len(evidence) < min(k, 2) and all((e.doc, e.start) != (doc.doc_id, sentence.start) for e in evidence):
            evidence.append(evidence_item(kg, doc.doc_id, sentence, score))
    return make_answer(q, text, evidence, {"method": "bearers of the closest duties"})
