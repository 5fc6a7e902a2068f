"""Posts: who holds a post, which posts a role holds (concurrently, or as a default rule), and what posts a
person named in the question holds, read off the titles written before the name.
"""

from __future__ import annotations

import re

from ..normalize import fold
from .question import excluded_part
from .ranking import (best_positions, evidence_from_fact, evidence_item, make_answer, quote_window, rank_sentences,
                      say, sentence_scores)

_TITLE = re.compile(r"(?:书记|校长|院长|主任|局长|部长|厅长|处长|科长|组长|委员|主席|经理|董事长|负责人|成员|秘书长|常委|"
                    r"区长|县长|市长|镇长|乡长|社长|馆长|所长|站长|队长|行长|干事|代表)$")
_BEFORE_TITLES = re.compile(r".*[，。；：（）()“”由在和与及是为被对向]")


def titles_before(sentence_text: str, name: str) -> list:
    """The titles written just before a person's name: 会议由党委书记、校长王琛主持 → 党委书记, 校长.

    >>> titles_before("会议由党委书记、校长王琛主持。", "王琛")
    ['党委书记', '校长']
    >>> titles_before("校党委副书记、纪委书记孙洪亮发言。", "洪亮")
    ['校党委副书记', '纪委书记']
    """
    titles = []
    for match in re.finditer(re.escape(name), sentence_text):
        before = _BEFORE_TITLES.sub("", sentence_text[max(0, match.start() - 30):match.start()])
        parts = before.split("、")
        if parts and not _TITLE.search(parts[-1]) and _TITLE.search(parts[-1][:-1]):
            parts[-1] = parts[-1][:-1]  # the tagger cut the surname off: 纪委书记孙|洪亮
        run = []
        for part in reversed(parts):
            if not part or not _TITLE.search(part):
                break
            run.insert(0, part)
        titles.extend(run)
    return list(dict.fromkeys(titles))


_MEMBERSHIP = re.compile(r"(成员|代表)$")
_QUESTION_WORDS = re.compile(r"什么|职务|职位|担任|兼任|哪些|哪个|是谁|谁|怎样|如何|多少")


def _name_candidates(kg, q):
    """Strings of the question that may be a person's name: every run of two to four characters, longest
    first (jieba cuts unknown names anywhere: 钱|立新), then the names jieba's tagger finds."""
    tagged = [n for n in kg.tokenizer_.proper_nouns(q.query) if kg.lexicon_.lookup(n) is None]
    spans = []
    for run in re.findall(r"[\u4e00-\u9fff]+", q.query):
        for size in (4, 3, 2):
            spans += [run[i:i + size] for i in range(len(run) - size + 1)]
    plain = [s for s in spans if not _QUESTION_WORDS.search(s) and kg.lexicon_.lookup(s) is None]
    return list(dict.fromkeys([*plain, *tagged]))


def answer_person_posts(kg, q, k):
    """What posts a person named in the question holds, read off the titles written before the name."""
    # A name in the question shares its characters with the sentences that hold it: look only there.
    near = [kg.sentences_[i] for i in best_positions(sentence_scores(kg, q.query))]
    for name in _name_candidates(kg, q):
        stated = [(titles_before(sentence.text, name), doc, sentence) for doc, sentence in near
                  if name in sentence.text]
        # a member of a body (班子成员) says less than a post: posts first
        stated = sorted([s for s in stated if s[0]], key=lambda s: all(_MEMBERSHIP.search(t) for t in s[0]))
        if stated:
            found = [t for titles, _, _ in stated for t in titles]
            titles = "、".join(sorted(dict.fromkeys(found), key=lambda t: bool(_MEMBERSHIP.search(t))))
            evidence = [evidence_item(kg, doc.doc_id, sentence, 1.0 - 0.01 * n)
                        for n, (_, doc, sentence) in enumerate(stated[:k])]
            text = say(q, f"{name}：{titles}。原文：「{quote_window(evidence[0].text, name)}」",
                       f"{name}: {titles}. The text: 「{quote_window(evidence[0].text, name)}」")
            return make_answer(q, text, evidence, {"method": "titles written before the name", "name": name})
    return None


# The commonest Chinese surnames: a one-character word from this set before a one- or two-character word
# starts a name (孙|洪亮).
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                      "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                      "琛常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单")
_HEADS = ("副书记", "书记", "主任", "副主任", "组长", "部长", "委员", "校长", "院长", "局长")
_IDENTITY_ZH = re.compile(r"是谁|谁是|叫什么|姓名|名字|哪位")
_IDENTITY_EN = re.compile(r"^\s*who (?:is|was) (?!responsible|in charge|entitled|eligible|allowed|required)", re.I)


def person_after(sentence_text: str, title: str) -> str:
    """The person named right after a title (纪委书记孙洪亮 → 孙洪亮), past other titles joined by 、
    (党委书记、校长王琛 → 王琛), or ``""``.

    >>> person_after("校党委副书记、纪委书记孙洪亮立足监督执纪的工作责任", "纪委书记")
    '孙洪亮'
    >>> person_after("会议由党委书记、校长王琛主持", "党委书记")
    '王琛'
    >>> person_after("党委书记要履行第一责任人职责", "党委书记")
    ''
    """
    from ..extract.roles import pos_tags

    start = sentence_text.find(title)
    while start >= 0:
        rest = sentence_text[start + len(title):start + len(title) + 40]
        while rest.startswith("、"):   # another title: 、校长
            m = re.match(r"、[\u4e00-\u9fff]{0,8}?" + _TITLE.pattern.rstrip("$"), rest)
            if not m:
                break
            rest = rest[m.end():]
        words = pos_tags(re.match(r"[\u4e00-\u9fff]*", rest).group()[:8])
        if words:
            first = words[0]
            if first[1] == "nr" and 2 <= len(first[0]) <= 3:
                return first[0]
            if len(first[0]) == 1 and first[0] in _SURNAMES and len(words) > 1 and len(words[1][0]) <= 2 \
                    and words[1][1] in ("nr", "n", "a", "v", "ng", "zg", "x", "nz"):
                return first[0] + words[1][0]
        start = sentence_text.find(title, start + 1)
    return ""


def answer_person_named(kg, q, k):
    """Who is the X (谁是学校的纪委书记 / Who is the school's discipline secretary?): the person a text
    names right after the title, when the question asks who someone is rather than who must act."""
    asks = _IDENTITY_EN.search(q.text) if q.language == "en" else _IDENTITY_ZH.search(q.query)
    roles = [t for t in q.entities if t.kind == "role"]
    if not asks or not roles:
        return None
    # An organization and a head word may name the post between them (纪委 + secretary → 纪委书记); the
    # most specific title is tried first in every close sentence before a more general one.
    bodies = [label for t in q.entities if t.kind == "organization" for label in t.labels("zh") if len(label) >= 2]
    heads = {h for t in roles for label in t.labels("zh") for h in _HEADS if label.endswith(h)}
    titles = {label for t in roles for label in t.labels("zh") if len(label) >= 2}
    titles |= {body + head for body in bodies for head in heads}
    ranked = rank_sentences(kg, q)[:40]
    found = []   # (score, title, sentence position, person): the closest sentence naming someone per title
    for title in sorted(titles, key=lambda t: (-len(t), t)):
        for score, i in ranked:
            person = person_after(kg.sentences_[i][1].text, title)
            if person:
                found.append((score, title, i, person))
                break
    if not found:
        return None
    # A title of four characters or more is specific enough to trust the closest sentence (纪委书记孙洪亮
    # over 校党委书记王琛 when the school's committee is only where the post sits); shorter ones (书记)
    # only when no specific title names anyone. Between close sentences the longer title wins.
    specific = [f for f in found if len(f[1]) >= 4] or found
    score, title, i, person = max(specific, key=lambda f: (f[0] + 0.01 * len(f[1]), len(f[1])))
    doc, sentence = kg.sentences_[i]
    held = "、".join(titles_before(sentence.text, person)) or title
    quote = quote_window(sentence.text, person + " " + q.query)
    text = say(q, f"{person}（{held}）。原文：「{quote}」", f"{person} ({held}). The text: 「{quote}」")
    evidence = [evidence_item(kg, doc.doc_id, sentence, score)]
    return make_answer(q, text, evidence, {"method": "the person named after the title", "title": title})


# 还要设什么职务 / what posts must be set up: a post a body sets, not who holds one
_ASKS_SET_UP = re.compile(r"设(?:立|置)?(?:什么|哪些|哪个|哪种|啥)(?:职务|职位|岗位|专职)"
                          r"|\b(?:what|which) (?:posts?|positions?)\b[^?]{0,40}\b(?:set up|established|created|have)\b", re.I)
_SETS_POST = re.compile(r"设(?:立|置)?(?:[0-9一二两三]+名)?(?P<post>[\u4e00-\u9fff]{0,6}?"
                        r"(?:副书记|书记|委员|主任|组长|干事|专员|岗))(?![\u4e00-\u9fff]{0,2}会)")


def answer_post_set_up(kg, q, k):
    """What post a body must set up (机关党的基层委员会…设专职副书记): the post that the closest sentence
    saying 设… names, or ``None`` when the question does not ask that or no close sentence says it."""
    if not _ASKS_SET_UP.search(q.plain):
        return None
    aside = excluded_part(q.plain)   # 党组除了书记，还可以设什么职务: not 书记 again
    bodies = {t.key for t in q.entities if t.kind in ("role", "organization")}
    for score, i in rank_sentences(kg, q)[:5]:
        doc, sentence = kg.sentences_[i]
        if bodies and not bodies & {m.term.key for m in kg.lexicon_.find(sentence.text)}:
            continue   # the body that sets the post up is the one asked about (党组, not the 党组 of 党组织)
        posts = [m.group("post") for m in _SETS_POST.finditer(sentence.text)]
        posts = [p for p in dict.fromkeys(posts) if p != aside]
        if posts:
            post = "、".join(posts)
            quote = quote_window(sentence.text, q.query)
            text = say(q, f"{post}。原文：「{quote}」", f"{post}. The text: 「{quote}」")
            return make_answer(q, text, [evidence_item(kg, doc.doc_id, sentence, score)],
                               {"method": "the post a sentence says is set up", "post": post})
    return None


def answer_post_holder(kg, q, k):
    """Who holds a post, or which posts a role holds (concurrent posts and default rules said so)."""
    found = answer_post_set_up(kg, q, k)
    if found is not None:
        return found
    roles = [t for t in q.entities if t.kind in ("role", "organization")]
    if not roles:
        return answer_person_posts(kg, q, k)
    wants_holder = bool(re.search(r"由谁|谁|哪[个些类]|who", q.plain, re.I))
    holdings = []
    for term in roles:
        holders = kg.facts_.holders_of(term.key)
        posts = kg.facts_.posts_held_by(term.key)
        holdings.extend(holders if (wants_holder or not posts) else posts)
        if not holdings:
            holdings.extend(posts or holders)
    if re.search(r"兼任|concurrent", q.plain, re.I):
        holdings = [h for h in holdings if h.concurrent] or holdings
    # Every holding competes: the one stated in the sentence closest to the question comes first,
    # those about the roles named get a little more.
    scores = sentence_scores(kg, q.expanded or q.query)
    named = {t.key for t in roles}

    def closeness(h):
        position = kg.sentence_position(h.evidence.doc_id, h.evidence.sentence) if h.evidence.sentence >= 0 else None
        base = float(scores[position]) if position is not None else 0.0
        return base + 0.1 * len(named & {h.holder.key, h.post.key})

    # every key down to the names: equal closeness must not fall back on set order (PYTHONHASHSEED)
    names = [fold(label) for t in roles for label in t.labels("zh") if len(label) >= 2]

    def about_named(h):
        # a holding of another post answers only when its sentence names what was asked about
        return bool(named & {h.holder.key, h.post.key}) or any(n in fold(h.evidence.text) for n in names)

    holdings = sorted((h for h in set(holdings) | set(kg.facts_.holdings) if about_named(h)),
                      key=lambda h: (-closeness(h), h.evidence.doc_id, h.evidence.start, h.holder.key, h.post.key,
                                     h.concurrent, h.default_rule))
    if not holdings:
        return None
    best = closeness(holdings[0])
    ranked = [h for h in holdings if closeness(h) >= 0.8 * best][:3]
    lines = []
    for h in ranked:
        verb = "兼任" if h.concurrent else "担任"
        if q.language == "en":
            verb_en = "concurrently serves as" if h.concurrent else "serves as"
            rule = " as a default rule (原则上)" if h.default_rule else ""
            cond = f", where 「{h.condition}」" if h.condition else ""
            lines.append(f"{h.holder.label} {verb_en} {h.post.label}{rule}{cond}")
        else:
            rule = "原则上" if h.default_rule else ""
            cond = f"（条件：{h.condition}）" if h.condition else ""
            lines.append(f"{h.holder.label}{rule}{verb}{h.post.label}{cond}")
    text = say(q, "；".join(lines) + "。", "; ".join(lines) + ".")
    evidence, seen = [], set()
    for h in ranked:
        if (h.evidence.doc_id, h.evidence.start) not in seen and len(evidence) < k:
            seen.add((h.evidence.doc_id, h.evidence.start))
            evidence.append(evidence_from_fact(kg, h.evidence, 1.0))
    text += say(q, f"原文：「{quote_window(evidence[0].text, q.query)}」", f" The text: 「{quote_window(evidence[0].text, q.query)}」")
    return make_answer(q, text, evidence, {"method": "post holdings", "holdings": len(holdings)})
