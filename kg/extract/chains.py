"""Chains of responsibility: which organization leads, guides or supervises which, from the text.

Four ways the genre states a link, all read on the clause units of :mod:`kg.extract.duties`:

* bearers of one sentence separated by ；, from the top down (党组…；机关党委…；基层党组织…), the last
  organization also over the organizations and members its clause names (激发党支部…和党员…作用);
* ``在X领导下`` / ``受X领导`` / ``服从X领导`` / ``接受X的指导``: X over the clause's bearer;
* a bearer and a verb with an organization as object: ``领导`` (leads), ``指导`` (guides),
  ``督促`` / ``监督`` / ``检查`` (supervises), also ``对X的领导`` and ``对X…进行督查``;
* ``根据X的指示`` / ``根据X的授权``, ``向X负责(并报告工作)``: X leads the bearer.

>>> from kg.document import parse_document
>>> from kg.lexicon import Lexicon, Term
>>> lex = Lexicon([Term("PartyGroup", "organization", "党组"), Term("OrganPartyCommittee", "organization", "机关党委"),
...                Term("PartyBranch", "organization", "党支部"), Term("PartyMember", "role", "党员")])
>>> doc = parse_document("三、措施\\n（一）压实责任。党组履行主体责任；机关党委抓好主业；党支部发挥党员作用。\\n", "d")
>>> [(c.superior.label, c.subordinate.label, c.relation) for c in extract_chains(doc, lex)]
[('党组', '机关党委', 'leads'), ('机关党委', '党支部', 'leads'), ('党支部', '党员', 'leads')]
"""

from __future__ import annotations

import re

from ..facts import ChainLink
from .duties import analyse_document
from .mentions import sentence_evidence
from .roles import ORGANIZATION, RoleSpan, roles_at, roles_in

LEADS, GUIDES, SUPERVISES = "leads", "guides", "supervises"
_VERBS = (("指导督促", GUIDES), ("统一领导", LEADS), ("具体领导", LEADS), ("宏观指导", GUIDES), ("业务指导", GUIDES),
          ("领导", LEADS), ("指导", GUIDES), ("督促", SUPERVISES), ("监督", SUPERVISES), ("督查", SUPERVISES),
          ("考核检查", SUPERVISES), ("检查", SUPERVISES))
_VERB_RE = re.compile("|".join(v for v, _ in _VERBS))
_NOT_VERB_AFTER = ("干部", "班子", "核心", "作用", "下，", "下进行", "下开展", "下的", "人", "效能", "一切", "职务", "小组", "体制", "方式",
                   "责任", "权", "的", "能力", "水平", "工作", "检查")
_UNDER = re.compile(r"(?:在|受|服从)(?P<x>.{1,80}?)(?:的)?(?:双重)?领导(?:下|$|，|。|；)")
_ACCEPT = re.compile(r"接受(?P<x>.{1,40}?)的(?:业务)?(?P<rel>指导|监督|领导)")
_BY_ORDER = re.compile(r"根据(?P<x>.{1,30}?)的(?:指示|授权)")
_ACCOUNTABLE = re.compile(r"(?:^|[，；])(?:[^，；]{0,20}?)向(?P<x>[^，；。]{1,24}?)负责(?:并报告工作|，|。|；|$)")
_OVER = re.compile(r"对(?P<x>.{1,60}?)(?:的领导|(?:[^，；]{0,40}?)进行(?:督查|监督|检查|指导))")
_NOTE = re.compile(r"[（(](?:含|包括|下同)[^（）()]*[）)]")


def _orgs(spans):
    return [s for s in spans if s.ref.kind == ORGANIZATION]


def _objects(text, start, lexicon):
    """The organizations a verb takes as object at ``start``: a list of names, else the ones in the rest."""
    spans = roles_at(text, start, lexicon, strict=False)
    if spans:
        after = text[spans[-1].end:]
        if after.startswith(("党的", "党建")):
            return []
        return _orgs(spans)
    rest = re.split(r"[，；。]", text[start:], maxsplit=1)[0]
    rest = re.sub(r"等[^、，；。]{0,8}$", "", rest)   # 工会、共青团等群团组织: the class after 等 is not one more
    return _orgs(roles_in(rest, lexicon))


def _named(text, lexicon):
    """Organizations named in a stretch of text, notes in brackets left out."""
    return _orgs(roles_in(_NOTE.sub(lambda m: "　" * len(m.group()), text), lexicon))


def _clause_links(text, subjects, lexicon):
    """(superior spans, subordinate spans, relation) the clause states about its ``subjects``."""
    links = []
    subject_orgs = _orgs(subjects)
    # Each pattern is tried only where its fixed word is in the clause: the engine would try each
    # position of the clause otherwise.
    for m in _UNDER.finditer(text) if "领导" in text else ():
        links.append((_named(m.group("x"), lexicon), subject_orgs, LEADS))
    for m in _ACCEPT.finditer(text) if "接受" in text else ():
        rel = {"指导": GUIDES, "监督": SUPERVISES}.get(m.group("rel"), LEADS)
        links.append((_named(m.group("x"), lexicon), subject_orgs, rel))
    for m in _BY_ORDER.finditer(text) if "根据" in text else ():
        links.append((_named(m.group("x"), lexicon), subject_orgs, LEADS))
    for m in _ACCOUNTABLE.finditer(text) if "负责" in text else ():   # 党的各级委员会向同级的代表大会负责并报告工作
        links.append((_named(m.group("x"), lexicon), subject_orgs, LEADS))
    if not subject_orgs:
        return links
    for m in _OVER.finditer(text) if "对" in text else ():
        rel = LEADS if m.group().endswith("的领导") else SUPERVISES
        links.append((subject_orgs, _named(m.group("x"), lexicon), rel))
    names = [(n.start, n.end) for n in roles_in(text, lexicon)]
    for m in _VERB_RE.finditer(text):
        if any(a < m.start() < b or (a < m.end() and m.start() < b and a != m.start()) for a, b in names):
            continue   # 检查 in 纪律检查委员会: part of a name (领导机关工会 at a clause's start is the verb)
        if text.startswith(_NOT_VERB_AFTER, m.end()) or text[:m.start()].endswith(("在", "受", "的", "服从", "级")):
            continue
        start = m.end()
        while text.startswith(("和管理", "督促"), start):
            start += 3 if text.startswith("和管理", start) else 2
        links.append((subject_orgs, _objects(text, start, lexicon), dict(_VERBS)[m.group()]))
    return links


def _semicolon_chain(doc, readings, lexicon):
    """党组…；机关党委…；基层党组织…: the first bearer of each ；-segment, from the top down."""
    firsts = {}
    for r in readings:
        if r.own_bearer and r.bearers and r.unit.seg not in firsts and not r.agent:
            firsts[r.unit.seg] = r
    chain = [firsts[k] for k in sorted(firsts)]
    if len(chain) < 2 or len({b.ref.key for b in _orgs(chain[0].bearers + chain[1].bearers)}) < 2:
        return []
    links, above, last = [], [], None
    for r in chain:
        b = r.bearers[0]
        if any(b.ref.label.startswith(a.ref.label) and b.ref.key != a.ref.key for a in above):
            continue   # 党组成员 after 党组: a member of a body above, not a level below it
        if last is not None and (b.ref.kind == ORGANIZATION or r is chain[-1]):
            links.append((last.bearers[:1], [b], LEADS))
        if b.ref.kind == ORGANIZATION:
            above.append(b)
            last = r
    if last is not None:
        end = max(r.unit.end for r in readings if r.unit.seg == last.unit.seg)
        text = doc.text[last.action_start:end]
        seen = {a.ref.key for a in above}
        objects = [s for s in roles_in(text, lexicon) if s.ref.key not in seen]
        links.append((last.bearers[:1], objects, LEADS))
    return links


def _make(doc, sentence, links, seen):
    out = []
    evidence = sentence_evidence(doc, sentence)
    for superiors, subordinates, relation in links:
        for sup in superiors:
            for sub in subordinates:
                key = (sup.ref.key, sub.ref.key)
                if sup.ref.kind != ORGANIZATION or sup.ref.key == sub.ref.key or key in seen:
                    continue
                seen.add(key)
                out.append(ChainLink(sup.ref, sub.ref, evidence, relation))
    return out


def extract_chains(doc, lexicon) -> list:
    """Every link of a chain of responsibility the document states, with its sentence."""
    by_sentence = {}
    for sentence, reading, duties in analyse_document(doc, lexicon):
        by_sentence.setdefault(sentence.index, (sentence, [], []))
        if reading is not None:
            by_sentence[sentence.index][1].append(reading)
        else:
            by_sentence[sentence.index][2].extend(duties)
    chains = []
    for sentence, readings, items in by_sentence.values():
        seen, links = set(), []
        links.extend(_semicolon_chain(doc, readings, lexicon))
        for r in readings:
            text = doc.text[r.unit.start:r.unit.end]
            links.extend(_clause_links(text, r.bearers, lexicon))
        for duty in items[:1]:
            subjects = [RoleSpan(0, 0, d.bearer, d.bearer.label) for d in items if d.bearer is not None]
            links.extend(_clause_links(duty.action, subjects, lexicon))
        chains.extend(_make(doc, sentence, links, seen))
    return chains
