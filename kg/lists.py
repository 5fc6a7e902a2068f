"""Responsibility lists (责任清单): the duties of a corpus as rows per bearer, with their sources, and their diff.

One :class:`Row` per duty and bearer: who bears it (and through which post, when it is inherited), what it
is, how binding, how often, under what condition, and the sentence that says so. Rows are grouped by
bearer, top of the chain of responsibility first, and can be written as CSV, JSON, Markdown, a printable
HTML page or an Excel workbook; :func:`diff_lists` compares the lists built from two versions of a corpus.

>>> from kg import KnowledgeGraph
>>> kg = KnowledgeGraph().fit(texts={"rules": "第一条　党组领导机关党委。\\n"
...                                           "第二条　党组书记担任机关党组织第一书记。\\n"
...                                           "第三条　第一书记每年向党组述职1次。\\n"
...                                           "第四条　机关党委应当每月召开1次委员会会议。"})
>>> rows = responsibility_rows(kg)   # 机关党委 is on the chain 党组 → 机关党委; the others follow by label
>>> [(r.bearer, r.via, r.duty, r.frequency) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
[('机关党委', '', '每月召开1次委员会会议', '每月1次'),
 ('党组书记', '', '担任机关党组织第一书记', ''),
 ('党组书记', '第一书记', '每年向党组述职1次', '每年1次'),
 ('第一书记', '', '每年向党组述职1次', '每年1次')]
>>> kg.documents_[0].text[rows[-1].start:rows[-1].end] == rows[-1].sentence
True
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .errors import KgError, NotBuiltError
from .facts import DEFAULT, OBLIGATION, PERMISSION, PROHIBITION
from .files import written_atomically
from .network import chain_graph, chain_order
from .normalize import fold, label_key

MODALITY_ZH = {OBLIGATION: "必须", PROHIBITION: "禁止", DEFAULT: "原则上", PERMISSION: "可以"}
PART_ZH = {"measure": "措施", "rule": "规定", "practice": "做法", "problem": "问题", "other": "其他", "": ""}
UNASSIGNED = "（未明确责任主体）"
VIA_SEPARATOR = " › "
SECTION_SEPARATOR = " › "


@dataclass(frozen=True)
class Row:
    """One line of a responsibility list: one duty of one bearer, with where the text says it.

    ``via`` is empty for a bearer's own duties; for a duty it receives by holding a post (党组书记 担任
    第一书记), it names that post, and ``via_note`` says how the post is held (兼任, 原则上, a condition).
    ``sentence`` is ``document.text[start:end]``.
    """

    bearer: str              # the bearer's Chinese label (UNASSIGNED when the text names none)
    bearer_key: str          # its lexicon key ("" when none)
    bearer_kind: str         # role, organization or ""
    via: str                 # the post that brings the duty ("" for the bearer's own duties)
    via_key: str             # that post's key (the bearer the text gives the duty to)
    via_note: str            # how the post is held: 兼任, 原则上, a condition
    duty: str                # the duty as the text words it
    modality: str            # 必须, 禁止, 原则上, 可以
    modality_code: str       # obligation, prohibition, default, permission
    frequency: str           # Frequency.describe(): 每月1次
    quantity: str
    condition: str
    part: str                # 措施, 规定, 做法, 问题, 其他
    part_code: str           # measure, rule, practice, problem, other
    doc_id: str
    title: str
    section_path: tuple      # headings from the top down: ('第二章 职责', '第五条')
    sentence: str            # the quoted sentence
    start: int               # its span in the document
    end: int
    sentence_no: int = -1    # its index among the document's sentences
    sentence_in_section: int = -1   # its ordinal inside its section (0 = first); see diff_lists
    action_start: int = -1   # the duty's own span, where known
    action_end: int = -1

    @property
    def section(self) -> str:
        """The section path as one string."""
        return SECTION_SEPARATOR.join(self.section_path)


FIELDS = tuple(f.name for f in fields(Row))

# (field, Chinese header) of the tables written for people; CSV and JSON carry every field.
HEADERS_ZH = {
    "bearer": "责任主体", "bearer_key": "主体编码", "bearer_kind": "主体类型", "via": "经由职务", "via_key": "职务编码",
    "via_note": "任职方式", "duty": "职责内容", "modality": "约束性", "modality_code": "约束性编码", "frequency": "频次",
    "quantity": "数量", "condition": "条件", "part": "文本部分", "part_code": "部分编码", "doc_id": "文件编号",
    "title": "文件名称", "section_path": "章节", "sentence": "原文", "start": "起始位置", "end": "结束位置",
    "sentence_no": "句序号", "sentence_in_section": "节内句序", "action_start": "职责起始", "action_end": "职责结束",
}


# --------------------------------------------------------------------------------------------- building
def responsibility_rows(kg, role=None, organization=None, include_reported=False, include_unassigned=True) -> list:
    """The responsibility list of a built graph: one :class:`Row` per duty and bearer.

    Parameters
    ----------
    kg : kg.KnowledgeGraph
        A built graph (after ``fit`` or ``load``).
    role, organization : str, optional
        Keep only the rows of this role or this organization (a Chinese name, any of its variants, or a
        lexicon key); at most one of the two. Its own duties and the duties it receives through the posts
        it holds are kept; its subordinates are not.
    include_reported : bool
        Also list practices a report describes as done (``Duty.reported``); left out by default, since
        a list says what must be done.
    include_unassigned : bool
        List duties whose bearer the text leaves implicit under :data:`UNASSIGNED`, last (only when
        neither ``role`` nor ``organization`` is given).

    Returns
    -------
    list of Row
        Grouped by bearer. Bearers on the chain of responsibility come first, top body first
        (:func:`kg.network.chain_order` over the chain links), then the others by label, then
        :data:`UNASSIGNED`. Within a bearer, its own duties in document order (corpus order, then
        offset), then the duties it inherits through a post, post by post, in document order.

    Raises
    ------
    kg.errors.NotBuiltError
        When ``kg`` has not been built.
    kg.errors.KgError
        When both ``role`` and ``organization`` are given, or the name is unknown or of the other kind.

    Notes
    -----
    Inheritance follows the post holdings (:class:`kg.facts.Holding`): when 党委（组）书记 holds 第一书记,
    every duty the text gives 第一书记 is listed twice — once under 第一书记, and once under 党委（组）书记
    with ``via='第一书记'``. Nothing is merged: each row keeps its own bearer, post and source. A post held
    through another post is followed too (``via='A › B'``); cycles are cut.

    Examples
    --------
    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党组书记担任机关党组织第一书记。\\n"
    ...                                       "第二条　第一书记每年向党组述职1次。\\n"
    ...                                       "第三条　党支部不得以业务工作冲抵组织生活。"})
    >>> [(r.bearer, r.via, r.duty, r.modality) for r in responsibility_rows(kg, role="党组书记")]
    [('党组书记', '', '担任机关党组织第一书记', '必须'), ('党组书记', '第一书记', '每年向党组述职1次', '必须')]
    >>> row = responsibility_rows(kg, organization="党支部")[0]
    >>> row.modality, row.modality_code, row.part, row.section_path
    ('禁止', 'prohibition', '规定', ('第三条',))
    >>> responsibility_rows(kg, role="党支部")
    Traceback (most recent call last):
    ...
    kg.errors.KgError: '党支部' is an organization, not a role: ask for organization='党支部'
    """
    if not hasattr(kg, "facts_"):
        raise NotBuiltError("this KnowledgeGraph has not been built: call fit() or KnowledgeGraph.load() first")
    if role is not None and organization is not None:
        raise KgError("give a role or an organization, not both")
    wanted = None
    if role is not None:
        wanted = _resolve(kg, role, "role")
    elif organization is not None:
        wanted = _resolve(kg, organization, "organization")

    documents = {doc.doc_id: (i, doc, _section_ordinals(doc)) for i, doc in enumerate(kg.documents_)}
    duties = [d for d in kg.facts_.duties if include_reported or not d.reported]
    order = {id(d): i for i, d in enumerate(duties)}

    def doc_order(duty):
        return (documents.get(duty.evidence.doc_id, (len(documents),))[0], duty.evidence.start,
                duty.start, order[id(duty)])

    own = {}
    refs = {}
    for duty in sorted(duties, key=doc_order):
        key = duty.bearer.key if duty.bearer is not None else ""
        own.setdefault(key, []).append(duty)
        if duty.bearer is not None:
            refs.setdefault(key, duty.bearer)
    posts = _posts(kg.facts_.holdings)
    for holding in kg.facts_.holdings:
        refs.setdefault(holding.holder.key, holding.holder)
        refs.setdefault(holding.post.key, holding.post)

    rows = {}
    for key, ref in refs.items():
        if wanted is not None and key != wanted:
            continue
        group = [_row(ref, d, documents, "", "", "") for d in own.get(key, ())]
        for path, note in _inherited_posts(key, posts):
            post_key = path[-1].key
            via = VIA_SEPARATOR.join(p.label for p in path)
            group.extend(_row(ref, d, documents, via, post_key, note) for d in own.get(post_key, ()))
        if group:
            rows[key] = group
    ordered = _bearer_order(kg, rows, refs)
    out = [row for key in ordered for row in rows[key]]
    if wanted is None and include_unassigned:
        out.extend(_row(None, d, documents, "", "", "") for d in own.get("", ()))
    return out


def _resolve(kg, name, kind) -> str:
    """The lexicon key of a role or organization named by the user, checked against ``kind``."""
    text = str(name).strip()
    term = (kg.lexicon_.get(text) or kg.lexicon_.lookup(text)) if text else None
    if term is None:
        known = sorted({d.bearer.label for d in kg.facts_.duties if d.bearer is not None and d.bearer.kind == kind})
        hint = "、".join(known[:15]) or "none"
        raise KgError(f"{text!r} is not a {kind} kg knows; {kind}s with duties in this corpus: {hint}")
    if term.kind != kind:
        other = "organization" if kind == "role" else "role"
        article = "an" if term.kind[0] in "aeiou" else "a"
        raise KgError(f"{text!r} is {article} {term.kind}, not a {kind}: ask for {other}={text!r}")
    return term.key


def _posts(holdings) -> dict:
    """holder key → {post key: (post ref, how it is held)}, one entry per holder and post."""
    posts = {}
    for h in holdings:
        if h.holder.key == h.post.key:
            continue
        notes = [n for n in ("兼任" if h.concurrent else "", "原则上" if h.default_rule else "", h.condition) if n]
        entry = posts.setdefault(h.holder.key, {})
        ref, old = entry.get(h.post.key, (h.post, []))
        entry[h.post.key] = (ref, old + [n for n in notes if n not in old])
    return posts


def _inherited_posts(key, posts):
    """(path of post refs, note) for every post ``key`` holds, directly or through another post."""
    found, seen = [], {key}
    stack = [((ref,), notes) for ref, notes in reversed(list(posts.get(key, {}).values()))]
    while stack:
        path, notes = stack.pop()
        post = path[-1]
        if post.key in seen:
            continue
        seen.add(post.key)
        found.append((path, "；".join(notes)))
        for ref, more in reversed(list(posts.get(post.key, {}).values())):
            stack.append((path + (ref,), notes + [n for n in more if n not in notes]))
    return found


def _bearer_order(kg, rows, refs) -> list:
    graph = chain_graph(kg.facts_.chains)
    chained = [k for k in chain_order(graph) if k in rows]
    on_chain = set(chained)
    rest = sorted((k for k in rows if k not in on_chain), key=lambda k: (refs[k].label, k))
    return chained + rest


def _section_ordinals(doc) -> list:
    """For each sentence of ``doc``, its ordinal inside its own section (0 = the section's first)."""
    seen, ordinals = {}, []
    for sentence in doc.sentences:
        ordinals.append(seen.get(sentence.section, 0))
        seen[sentence.section] = ordinals[-1] + 1
    return ordinals


def _row(ref, duty, documents, via, via_key, via_note) -> Row:
    ev = duty.evidence
    _, doc, ordinals = documents.get(ev.doc_id, (None, None, None))
    section_path, sentence_no, in_section, kind = (), ev.sentence, -1, duty.section_kind
    if doc is not None:
        sentence = doc.sentences[ev.sentence] if 0 <= ev.sentence < len(doc.sentences) else None
        if sentence is None or not sentence.start <= ev.start < sentence.end:
            sentence = doc.sentence_at(ev.start)
        if sentence is not None:
            sentence_no = sentence.index
            section_path = tuple(_section_label(s) for s in doc.section_path(sentence.section))
            in_section = ordinals[sentence.index]
            kind = kind or sentence.kind
    return Row(
        bearer=ref.label if ref is not None else UNASSIGNED, bearer_key=ref.key if ref is not None else "",
        bearer_kind=ref.kind if ref is not None else "", via=via, via_key=via_key, via_note=via_note,
        duty=duty.action, modality=MODALITY_ZH.get(duty.modality, duty.modality), modality_code=duty.modality,
        frequency=duty.frequency.describe() if duty.frequency is not None else "", quantity=duty.quantity or "",
        condition=duty.condition or "", part=PART_ZH.get(kind, kind), part_code=kind, doc_id=ev.doc_id,
        title=doc.title if doc is not None else ev.doc_id, section_path=section_path, sentence=ev.text,
        start=ev.start, end=ev.end, sentence_no=sentence_no, sentence_in_section=in_section,
        action_start=duty.start, action_end=duty.end)


def _section_label(section) -> str:
    if not section.heading:
        return section.marker
    gap = " " if section.level in ("chapter", "division") else ""
    return f"{section.marker}{gap}{section.heading}"


def group_rows(rows) -> dict:
    """Rows by bearer label, in the order they come.

    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。党员应当按期交纳党费。"})
    >>> {bearer: len(rows) for bearer, rows in group_rows(responsibility_rows(kg)).items()}
    {'党员': 1, '党支部': 1}
    """
    groups = {}
    for row in rows:
        groups.setdefault(row.bearer, []).append(row)
    return groups


# --------------------------------------------------------------------------------------------- writing
def row_to_dict(row: Row) -> dict:
    """A JSON-ready dictionary of a row (the section path as a list)."""
    data = asdict(row)
    data["section_path"] = list(row.section_path)
    return data


def rows_to_dataframe(rows):
    """The rows as a pandas DataFrame, one column per :class:`Row` field (the section path joined by ›).

    Raises
    ------
    kg.errors.KgError
        When pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise KgError("rows_to_dataframe needs pandas, which is not installed: pip install pandas "
                      "(or write the rows with to_csv or to_json instead)") from None
    records = [{**asdict(r), "section_path": r.section} for r in rows]
    return pd.DataFrame.from_records(records, columns=list(FIELDS))


def to_csv(rows, path_or_file, header="zh"):
    """Write the rows as CSV, every field a column, in UTF-8 with a byte-order mark so Excel reads Chinese.

    Parameters
    ----------
    rows : list of Row
    path_or_file : path or text file
        A path is opened (and closed) here; an open text file is written to as it is (open it with
        ``newline=""``; the mark is written only when the file is empty).
    header : {"zh", "field"}
        Chinese column headers (for people) or the field names (for programs).

    Examples
    --------
    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"})
    >>> import io
    >>> buffer = io.StringIO()
    >>> to_csv(responsibility_rows(kg), buffer)
    >>> table = list(csv.reader(io.StringIO(buffer.getvalue().lstrip("\\ufeff"))))
    >>> table[0][:3], table[1][:3], table[1][table[0].index("职责内容")]
    (['责任主体', '主体编码', '主体类型'], ['党支部', 'PartyBranch', 'organization'], '每月开展1次主题党日')
    """
    if header not in ("zh", "field"):
        raise KgError(f"header={header!r}: use 'zh' (Chinese headers) or 'field' (field names)")
    names = [HEADERS_ZH[f] if header == "zh" else f for f in FIELDS]

    def write(handle):
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow([row.section if f == "section_path" else getattr(row, f) for f in FIELDS])

    if hasattr(path_or_file, "write"):
        if _at_start(path_or_file):
            path_or_file.write("\ufeff")
        write(path_or_file)
        return None
    path = Path(path_or_file)
    with written_atomically(path, "the list") as raw:
        handle = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        write(handle)
        handle.flush()
        handle.detach()  # the file itself is closed (and renamed) by written_atomically
    return path


def _at_start(handle) -> bool:
    try:
        return handle.tell() == 0
    except (OSError, ValueError, AttributeError):
        return False


def to_json(rows) -> str:
    """The rows as a JSON array of objects (field names as keys, Chinese kept as is).

    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"})
    >>> json.loads(to_json(responsibility_rows(kg)))[0]["frequency"]
    '每月1次'
    """
    return json.dumps([row_to_dict(r) for r in rows], ensure_ascii=False, indent=2)


def _source(row) -> str:
    where = row.section or ""
    return f"{row.title}{('，' + where) if where else ''}"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _md(text) -> str:
    """A table cell: HTML-escaped, Markdown specials (``*`` of masked numbers, ``|``) backslash-escaped."""
    text = html.escape(str(text), quote=False)
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def to_markdown(rows, title="责任清单") -> str:
    """The rows as Markdown: a heading and a table per bearer, the quoted sentence in each line.

    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"})
    >>> print(to_markdown(responsibility_rows(kg)).splitlines()[2])
    ## 党支部（1项）
    """
    lines = [f"# {_md(title)}", ""]
    if not rows:
        lines.append("（没有职责）")
    for bearer, group in group_rows(rows).items():
        lines += [f"## {_md(bearer)}（{len(group)}项）", "",
                  "| 序号 | 职责内容 | 经由职务 | 约束性 | 频次 | 数量 | 条件 | 文本部分 | 出处 | 原文 |",
                  "|---:|---|---|---|---|---|---|---|---|---|"]
        for n, r in enumerate(group, 1):
            via = r.via + (f"（{r.via_note}）" if r.via_note else "") if r.via else ""
            cells = [str(n), r.duty, via, r.modality, r.frequency, r.quantity, r.condition, r.part, _source(r),
                     f"「{r.sentence}」 [{r.doc_id} {r.start}–{r.end}]"]
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


_HTML_STYLE = """
@page { size: A4; margin: 18mm 14mm 18mm 14mm; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
       "Microsoft YaHei", "WenQuanYi Micro Hei", "SimSun", "Songti SC", sans-serif; }
body { font-size: 10.5pt; line-height: 1.5; color: #111; margin: 1.5em; }
h1 { font-size: 16pt; margin: 0 0 0.3em; }
h2 { font-size: 12.5pt; margin: 1.2em 0 0.4em; break-after: avoid; page-break-after: avoid; }
p.meta { color: #555; font-size: 9pt; margin: 0 0 1em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 1em; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, td, th { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #888; padding: 3pt 4pt; vertical-align: top; text-align: left;
         word-break: break-all; overflow-wrap: anywhere; }
th { background: #e8eef6; font-weight: bold; }
col.n { width: 2.8em; } col.duty { width: 26%; } col.mod { width: 4.6em; } col.freq { width: 11%; }
col.cond { width: 12%; } col.src { width: auto; }
td.src { font-size: 8.5pt; color: #333; }
span.via { display: block; color: #8a4b00; font-size: 8.5pt; }
q { quotes: "「" "」"; }
@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }
"""


def to_html(rows, title="责任清单") -> str:
    """A standalone HTML page of the rows that prints cleanly on A4.

    One table per bearer; the page size and margins are set for A4 (``@page``), the table header repeats
    on each printed page, a row is never split across pages, the fonts are a CJK stack, and all text is
    HTML-escaped.

    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部不得以“业务”<冲抵>组织生活。"})
    >>> page = to_html(responsibility_rows(kg))
    >>> "size: A4" in page, "&lt;冲抵&gt;" in page, "<冲抵>" in page
    (True, True, False)
    """
    esc = html.escape
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
             f"<title>{esc(title)}</title>", f"<style>{_HTML_STYLE}</style>", "</head>", "<body>",
             f"<h1>{esc(title)}</h1>"]
    groups = group_rows(rows)
    documents = sorted({(r.doc_id, r.title) for r in rows})
    parts.append(f'<p class="meta">{len(rows)}项职责，{len(groups)}个责任主体；来源：'
                 f'{esc("、".join(t for _, t in documents) or "无")}</p>')
    for bearer, group in groups.items():
        parts.append(f"<section><h2>{esc(bearer)}（{len(group)}项）</h2>")
        parts.append('<table><colgroup><col class="n"><col class="duty"><col class="mod"><col class="freq">'
                     '<col class="cond"><col class="src"></colgroup>')
        parts.append("<thead><tr><th>序号</th><th>职责内容</th><th>约束性</th><th>频次、数量</th><th>条件</th>"
                     "<th>出处与原文</th></tr></thead><tbody>")
        for n, r in enumerate(group, 1):
            via = ""
            if r.via:
                via = f'<span class="via">经由{esc(r.via)}{esc("（" + r.via_note + "）") if r.via_note else ""}</span>'
            freq = "；".join(x for x in (r.frequency, r.quantity) if x)
            src = (f"{esc(_source(r))}（{esc(r.part)}）<br><q>{esc(r.sentence)}</q>"
                   f"<br>[{esc(r.doc_id)} {r.start}–{r.end}]")
            parts.append(f"<tr><td>{n}</td><td>{esc(r.duty)}{via}</td><td>{esc(r.modality)}</td><td>{esc(freq)}</td>"
                         f'<td>{esc(r.condition)}</td><td class="src">{src}</td></tr>')
        parts.append("</tbody></table></section>")
    if not rows:
        parts.append("<p>（没有职责）</p>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


_SHEET_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
SOURCES_SHEET = "来源"


def sheet_name(name, used) -> str:
    """An Excel sheet name for ``name``: invalid characters removed, at most 31 characters, and unique
    (case-insensitively) among ``used``, which it is added to.

    >>> used = {"来源"}
    >>> sheet_name("党委（组）书记", used), sheet_name("a/b:c?", used), sheet_name("来源", used)
    ('党委（组）书记', 'abc', '来源（2）')
    >>> len(sheet_name("很" * 40, used))
    31
    """
    base = _SHEET_BAD.sub("", str(name)).strip().strip("'").strip() or "Sheet"
    if base.lower() == "history":
        base += "_"
    base = base[:31]
    lowered = {u.lower() for u in used}
    candidate, n = base, 1
    while candidate.lower() in lowered:
        n += 1
        suffix = f"（{n}）"
        candidate = base[:31 - len(suffix)] + suffix
    used.add(candidate)
    return candidate


_XLSX_COLUMNS = (  # (header, width, value)
    ("序号", 6, None),
    ("职责内容", 40, lambda r: r.duty),
    ("经由职务", 14, lambda r: r.via),
    ("任职方式", 14, lambda r: r.via_note),
    ("约束性", 8, lambda r: r.modality),
    ("频次", 14, lambda r: r.frequency),
    ("数量", 12, lambda r: r.quantity),
    ("条件", 20, lambda r: r.condition),
    ("文本部分", 8, lambda r: r.part),
    ("文件名称", 22, lambda r: r.title),
    ("章节", 24, lambda r: r.section),
    ("原文", 60, lambda r: r.sentence),
    ("来源编号", 8, None),
)
_SOURCE_COLUMNS = (("来源编号", 8), ("文件编号", 24), ("文件名称", 26), ("章节", 26), ("原文", 70),
                   ("起始位置", 9), ("结束位置", 9))


def to_xlsx(rows, path, title="责任清单"):
    """Write the rows as an Excel workbook: one sheet per bearer and a sheet of sources (来源).

    ``path`` is a file path or a binary file (``io.BytesIO()`` gives the bytes for a download).

    Each bearer sheet has a styled, frozen header row with filters, set column widths, wrapped text, A4
    print settings with the header repeated, and a source number linking to the 来源 sheet, which lists
    each quoted sentence once with its document, title, section and offsets. Sheet names are made valid
    and unique (:func:`sheet_name`).

    Raises
    ------
    kg.errors.KgError
        When openpyxl is not installed or the file cannot be written.

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> from kg import KnowledgeGraph
    >>> kg = KnowledgeGraph().fit(texts={"r": "第一条　党支部应当每月开展1次主题党日。"})
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     book = openpyxl.load_workbook(to_xlsx(responsibility_rows(kg), Path(folder) / "清单.xlsx"))
    ...     book.sheetnames, book["党支部"]["B2"].value, book["来源"]["E2"].value
    (['党支部', '来源'], '每月开展1次主题党日', '党支部应当每月开展1次主题党日。')
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise KgError("to_xlsx needs openpyxl, which is not installed: pip install 'openpyxl>=3.1'") from None
    book = Workbook()
    book.remove(book.active)
    used = {SOURCES_SHEET}
    bold = Font(bold=True)
    fill = PatternFill("solid", start_color="FFDCE6F1", end_color="FFDCE6F1")
    thin = Side(style="thin", color="FF999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    sources = {}
    for row in rows:
        sources.setdefault((row.doc_id, row.start, row.end), row)
    source_no = {key: n for n, key in enumerate(sources, 1)}

    def prepare(sheet, columns):
        for i, (header, width, *_) in enumerate(columns, 1):
            cell = sheet.cell(row=1, column=i, value=header)
            cell.font, cell.fill, cell.border = bold, fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            sheet.column_dimensions[get_column_letter(i)].width = width
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def finish(sheet, columns):
        last = max(sheet.max_row, 1)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"

    groups = group_rows(rows) or {title: []}
    for bearer, group in groups.items():
        sheet = book.create_sheet(sheet_name(bearer, used))
        prepare(sheet, _XLSX_COLUMNS)
        for n, r in enumerate(group, 1):
            number = source_no[(r.doc_id, r.start, r.end)]
            values = [n, *(get(r) for _, _, get in _XLSX_COLUMNS[1:-1]), number]
            for i, value in enumerate(values, 1):
                cell = sheet.cell(row=n + 1, column=i, value=value)
                cell.alignment, cell.border = wrap, border
            link = sheet.cell(row=n + 1, column=len(values))
            link.hyperlink = f"#'{SOURCES_SHEET}'!A{number + 1}"
            link.font = Font(color="FF1F4E9A", underline="single")
        finish(sheet, _XLSX_COLUMNS)

    sheet = book.create_sheet(SOURCES_SHEET)
    prepare(sheet, _SOURCE_COLUMNS)
    for (doc_id, start, end), r in sources.items():
        n = source_no[(doc_id, start, end)]
        for i, value in enumerate((n, doc_id, r.title, r.section, r.sentence, start, end), 1):
            cell = sheet.cell(row=n + 1, column=i, value=value)
            cell.alignment, cell.border = wrap, border
    finish(sheet, _SOURCE_COLUMNS)
    book.properties.title = title
    if hasattr(path, "write"):   # a binary file, e.g. io.BytesIO for a download button
        book.save(path)
        return path
    path = Path(path)
    with written_atomically(path, "the workbook") as handle:
        book.save(handle)
    return path


# --------------------------------------------------------------------------------------------- comparing
@dataclass(frozen=True)
class Change:
    """A row present in both lists but not the same: the old row, the new one, and what differs."""

    old: Row
    new: Row
    fields: tuple   # among: duty, modality, frequency, quantity, condition


COMPARED = ("duty", "modality", "frequency", "quantity", "condition")
FIELD_ZH = {"duty": "内容", "modality": "约束性", "frequency": "频次", "quantity": "数量", "condition": "条件"}

_PERIOD_WORDS = re.compile(r"每(?:个)?(?:天|日|周|星期|月|季度|季|半年|年|届)|(?:至少|不少于|不超过|最多|一般)")
_COUNTS = re.compile(r"[0-9０-９*＊零〇一二两三四五六七八九十百千]+(?:次|个|名|人|天|日|周|月|年|届|项|批|条|%|％)")


def action_key(text: str) -> str:
    """The key that identifies a duty across versions: folded, without punctuation, white space,
    frequency words (每月, 每季度, 至少…) and counts (1次, *个), so a duty whose frequency or count changes
    keeps its key.

    >>> action_key("每月召开1次委员会会议") == action_key("每季度召开 2 次委员会会议，")
    True
    >>> action_key("严格落实“一岗双责”制")
    '严格落实一岗双责制'
    """
    key = label_key(fold(text))
    key = _PERIOD_WORDS.sub("", key)
    key = re.sub(r"\s+", "", key)
    return _COUNTS.sub("", key)


def _differences(old, new) -> tuple:
    return tuple(f for f in COMPARED
                 if (label_key(getattr(old, f)) if f == "duty" else getattr(old, f))
                 != (label_key(getattr(new, f)) if f == "duty" else getattr(new, f)))


def diff_lists(old_rows, new_rows) -> dict:
    """What was added, removed or changed per bearer between two responsibility lists.

    Identity rule. Rows are compared within one bearer and one post (``bearer_key`` and ``via_key``):

    1. A row's identity is (``bearer_key``, ``via_key``, :func:`action_key` of its duty). Old and new rows
       with the same identity are paired, first with first, in list order. A pair is *changed* when the
       modality, frequency, quantity or condition differ, or the duty text differs once punctuation and
       white space are ignored; otherwise it is unchanged — whatever its offsets, section or sentence.
    2. Rows left unpaired are paired when they have the same bearer and post and stand at the same place:
       the same ``doc_id``, the same ``section_path`` and the same ``sentence_in_section`` (the sentence's
       ordinal within its section) — an edited sentence. Such a pair is *changed*.
    3. What is still unpaired is *removed* (old rows) or *added* (new rows).

    Parameters
    ----------
    old_rows, new_rows : list of Row
        Lists from :func:`responsibility_rows` on two versions of a corpus.

    Returns
    -------
    dict
        ``{bearer label: {"added": [Row], "removed": [Row], "changed": [Change]}}``, only for bearers with
        a difference, in the order of the new list (then bearers only in the old one). Empty when the
        lists agree.

    Examples
    --------
    >>> from kg import KnowledgeGraph
    >>> old = responsibility_rows(KnowledgeGraph().fit(texts={"r": "第一条　机关党委应当每月召开1次委员会会议。"}))
    >>> new = responsibility_rows(KnowledgeGraph().fit(texts={"r": "第一条　机关党委应当每季度召开1次委员会会议。"
    ...                                                             "党员应当按期交纳党费。"}))
    >>> diff = diff_lists(old, new)
    >>> [r.duty for r in diff["党员"]["added"]], diff["机关党委"]["changed"][0].fields
    (['按期交纳党费'], ('duty', 'frequency'))
    >>> print(format_diff(diff))  # doctest: +NORMALIZE_WHITESPACE
    党员
      + 新增 按期交纳党费 [必须] [r 第一条]
    机关党委
      ~ 修改 每季度召开1次委员会会议 [r 第一条]
          内容：每月召开1次委员会会议 → 每季度召开1次委员会会议
          频次：每月1次 → 每季度1次
    """
    def identity(r):
        return (r.bearer_key, r.via_key, action_key(r.duty))

    def place(r):
        return (r.bearer_key, r.via_key, r.doc_id, r.section_path, r.sentence_in_section)

    old_left, new_left = list(old_rows), list(new_rows)
    changes = []
    for key_of in (identity, place):
        waiting = {}
        for i, r in enumerate(old_left):
            waiting.setdefault(key_of(r), []).append(i)
        paired_old, paired_new = set(), set()
        for j, r in enumerate(new_left):
            queue = waiting.get(key_of(r))
            if not queue:
                continue
            i = queue.pop(0)
            paired_old.add(i)
            paired_new.add(j)
            differs = _differences(old_left[i], r)
            if differs or key_of is place:
                changes.append(Change(old_left[i], r, differs or ("duty",)))
        old_left = [r for i, r in enumerate(old_left) if i not in paired_old]
        new_left = [r for j, r in enumerate(new_left) if j not in paired_new]

    order = list(dict.fromkeys([r.bearer for r in new_rows] + [r.bearer for r in old_rows]))
    diff = {}
    for bearer in order:
        entry = {"added": [r for r in new_left if r.bearer == bearer],
                 "removed": [r for r in old_left if r.bearer == bearer],
                 "changed": [c for c in changes if c.new.bearer == bearer]}
        if any(entry.values()):
            diff[bearer] = entry
    return diff


def diff_to_json(diff) -> str:
    """A :func:`diff_lists` result as JSON: per bearer, added and removed rows, and changes as
    ``{"old": row, "new": row, "fields": [...]}``.

    >>> from kg import KnowledgeGraph
    >>> old = responsibility_rows(KnowledgeGraph().fit(texts={"r": "第一条　党员应当按期交纳党费。"}))
    >>> json.loads(diff_to_json(diff_lists(old, [])))["党员"]["removed"][0]["duty"]
    '按期交纳党费'
    """
    data = {bearer: {"added": [row_to_dict(r) for r in entry["added"]],
                     "removed": [row_to_dict(r) for r in entry["removed"]],
                     "changed": [{"old": row_to_dict(c.old), "new": row_to_dict(c.new), "fields": list(c.fields)}
                                 for c in entry["changed"]]}
            for bearer, entry in diff.items()}
    return json.dumps(data, ensure_ascii=False, indent=2)


def _where(row) -> str:
    return f"[{row.doc_id} {row.section_path[-1]}]" if row.section_path else f"[{row.doc_id} {row.start}]"


def _via(row) -> str:
    return f"（经由{row.via}）" if row.via else ""


def _tags(row) -> str:
    tags = [row.modality, row.frequency, row.quantity, row.condition and f"条件：{row.condition}"]
    return "[" + "；".join(t for t in tags if t) + "]"


def format_diff(diff) -> str:
    """A plain-text report of a :func:`diff_lists` result: per bearer, ``+`` added, ``-`` removed and
    ``~`` changed rows, with what changed (see :func:`diff_lists` for an example)."""
    if not diff:
        return "两个版本的责任清单没有差异"
    lines = []
    for bearer, entry in diff.items():
        lines.append(bearer)
        for r in entry["added"]:
            lines.append(f"  + 新增 {r.duty}{_via(r)} {_tags(r)} {_where(r)}")
        for r in entry["removed"]:
            lines.append(f"  - 删除 {r.duty}{_via(r)} {_tags(r)} {_where(r)}")
        for c in entry["changed"]:
            lines.append(f"  ~ 修改 {c.new.duty}{_via(c.new)} {_where(c.new)}")
            for f in c.fields:
                lines.append(f"      {FIELD_ZH[f]}：{getattr(c.old, f) or '（无）'} → {getattr(c.new, f) or '（无）'}")
    return "\n".join(lines)
