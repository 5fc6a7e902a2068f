"""Intents: what kind of answer a question wants, from its wording and the entities it names.

>>> classify_intent("第一书记要做什么？", "zh", [])
'role_duties'
>>> classify_intent("一书两单三会议包括哪些内容？", "zh", [])
'mechanism_parts'
>>> classify_intent("Who concurrently serves as deputy secretary?", "en", [])
'post_holder'
>>> classify_intent("党组成员多久到联系点调研一次？", "zh", [])
'frequency'
>>> from kg.lexicon import Term
>>> classify_intent("党支部的职责是什么？", "zh", [Term("PartyBranch", "organization", "党支部")])
'role_duties'
"""

from __future__ import annotations

import re

INTENTS = ("role_duties", "duty_holder", "post_holder", "frequency", "mechanism_parts", "mechanism_context",
           "problems", "chain", "definition", "compare", "count", "search")

# Whether something may be done (能不能, 能否): one sentence allows or forbids it, no list answers it.
ASKS_WHETHER = re.compile(r"能不能|可不可以|能否|可否|是否可以|是否能够?|有没有权")

# Checked in order; the first pattern that matches decides. Chinese patterns run on simplified text.
_ZH = (
    ("compare", r"区别|不同之处|有何不同|有什么不同|异同|相比|比较"),
    # 不按时交纳党费会怎样: what follows from a case (自行脱党, 予以处分), not a duty
    ("search", r"会怎样|会怎么样|什么后果|有何后果|啥后果|会被怎么(?:样|处理)"),
    # 能不能给拿掉 / 能否…: whether something may be done, which one sentence allows or forbids (无权剥夺),
    # not the list of a role's duties or rights
    ("search", ASKS_WHETHER.pattern),
    ("chain", r"责任链|链条|上下级|层级关系|领导关系|隶属|谁领导|谁的领导|受谁|领导谁|领导哪[些几个]|指导哪[些几个]|向谁负责|对谁负责|(?<!归)谁管(?!理)|管理体制"),
    ("post_holder", r"什么职务|哪些职务|什么职位|担任|兼任|由谁任|谁任|任职|什么职务|哪个职务|谁来当|谁当"),
    ("frequency", r"多久|多长时间|每[天日周月季年].{0,6}几[次回]|几次|几回|多少回|频次|频率|多少次|间隔|每隔|周期|任期(?!内)|期限|几年|多少年|几个月|多少天|多长"),
    ("count", r"多少|(?<!哪)几[个名项条人家所支种类岁]|数量|(?:多大|什么|啥)比例|几分之几|百分之几"),
    # 谁应当… asks who must act, even about a problem (发现问题时，谁应当及时提醒谈话)
    ("duty_holder", r"谁(?:应当|应该|必须|负责|需要|带头|牵头|主持|组织)"),
    # 问题 as what a text finds (存在哪些问题, 问题有哪些), not as a matter discussed (讨论重要问题时…怎么处理)
    ("problems", r"(?:存在|有|发现|查找|查摆|指出|反映|暴露|突出|主要)[^，。？?]{0,8}?问题|问题(?:有|是)(?:哪些|什么)|(?:哪些|什么|啥)问题|"
                 r"不足|短板|差距|弱化|虚化|淡化|毛病|缺点|症结"),
    ("duty_holder", r"由谁|谁[要来负应需必带落]|谁|哪个(组织|部门|机构|单位|主体)|哪些(组织|部门|人|主体)|什么人|哪级"),
    ("mechanism_parts", r"包括|包含|组成|由哪|指哪|是哪|分别是|具体是|有哪几|内容是|哪几"),
    ("definition", r"是什么意思|什么意思|是指|指什么|含义|什么是|是什么|意思是|定义"),
    ("mechanism_context", r"要求|怎么(实施|开展|落实|执行|运用|用)|如何(实施|开展|落实|执行|运用)|怎样(实施|开展|落实)|怎么做|如何做|怎么办|措施"),
    ("role_duties", r"负(?:哪些|什么|啥|哪几方面的?)责(?!任人)|做什么|干什么|干啥|做啥|管些?啥|管些?什么|干些?啥|职责|责任|任务|义务|应当|应该|必须|要做|负责|要求|做哪些|哪些工作|权利|不得|禁止|参加|开展|推进|怎样|如何|怎么"),
)
_EN = (
    ("search", r"\bwhat role (?:do|does|did|will)\b.*\bplay\b"),   # the part something plays, not a role's duties
    ("compare", r"\bdiffer|\bcompare|\bcomparison|\bversus\b|\bvs\b"),
    ("chain", r"\bchain\b|\breport(s)? to\b|\bto whom\b|\b(responsible|accountable) to\b|\bhierarch|\bwho leads\b|\bled by\b|\bsupervis(es|ed) by\b|\bunder the leadership\b|\bsubordinate"
              r"|\bboss(?:es)? of\b"),
    ("post_holder", r"\b(what|which) (posts?|positions?|titles?|offices?)\b|\bserv(e|es|ing) as\b|\bhold(s)? the post\b|\bconcurrent|\bwho holds\b|\bwhat post\b|\bappointed as\b|\bact(s)? as\b|\bends? up as\b|\bwho (?:\w+ )?becomes?\b"),
    ("frequency", r"\bhow often\b|\bhow frequently\b|\bhow regularly\b|\bhow long\b|\bhow many times\b|\bfrequency\b|\bper (month|quarter|year)\b|\bevery (month|quarter|year)\b"),
    ("count", r"\bhow many\b|\bnumber of\b|\b(?:what|which|how (?:large|big|high)(?: a)?) (?:share|proportion|fraction|percentage|ratio)\b"),
    # problems a text finds, not a problem to be handled (use what to handle problems and resolve conflicts)
    ("problems", r"\b(?:what|which) (?:\w+ )?(?:problems|issues|shortcomings|weaknesses)\b|\bproblems? (?:were|was|are|is|did|does|do|has|have)\b"
                 r"|\b(?:find|found|identif\w*|report\w*|point\w* out|exist\w*|list\w*|main)\b.{0,40}\bproblems?\b|\bshortcoming"
                 r"|\bweakness|\bdeficienc|\bformalism\b|\bhollow(?:ed)? out\b|\bissues? (were|was|are)? ?found|\bwhat went wrong|\bwhat(?:'s| is) wrong\b|\bfailings?\b"),
    ("duty_holder", r"(?:^|[,;]\s*)(who|which (?:[a-z-]+ )?(organization|body|bodies|organizations|role|roles|people|unit|units|level))\b|\bby whom\b"),
    ("mechanism_parts", r"\bconsist|\bcomprise|\bmade up of\b|\bparts? of\b|\bcomponents?\b|\binclude|\bwhat are the\b|\bstand for\b"),
    ("definition", r"\bwhat (is|are) (a |an |the )?[\"'“‘]|\bmean(s|ing)?\b|\bdefin|\bwhat is meant\b"),
    ("mechanism_context", r"\brequire|\bhow (is|are|should|must|do|does|to) .*\b(implement|carr|appl|use|run|conduct)|\bhow\b"),
    ("role_duties", r"\bmust\b|\bshould\b|\bduties\b|\bduty\b|\brights\b|\bentitled\b|\bresponsib|\btasks?\b|\bfunctions\b|\bobligation|\bexpected to\b|\brole\b(?! do\b| does\b)|\bdo\b(?! .*\bplay\b)|\bwhat .* (do|take part|attend|hold)"),
)
# A quoted name, or a counted name that is not an ordinal (第一书记) nor a vague amount (一些).
_FORMULA_HINT = re.compile(r"[“\"「].+?[”\"」]|(?:^|[^第])[一二两三四五六七八九十双*]+[个大项级有亮会课岗书单张种条化型风严实学]")
_ACTS_ON_PROBLEMS = re.compile(r"\bwhat (?:is|are|must|should|does|do|shall|will)\b.*\b(?:do|supposed to|expected to|required to)\b"
                               r"|\bhow (?:should|must|do|does|is|are)\b.*\b(?:handle|handled|deal|dealt|respond|resolve)"
                               # "in combating formalism, which …": fighting a problem, the question is about something else
                               r"|\b(?:combat\w*|fight\w*|tackl\w*|oppos\w*|against|curb\w*|overcom\w*|rectify\w*|eliminat\w*)"
                               r" (?:the )?(?:formalism|bureaucratism|problems?|shortcomings?)\b",
                               re.I)
_ONE_OF_THEM = re.compile(r"排头一[条项个]|头一[条项个]|第一[条项个]|哪一[条项个]|第几[条项个]|\b(?:which|what) is the first\b", re.I)
_WHO_DECIDES = re.compile(r"由谁|谁来?(?:定|决定|确定|规定|批准|拍板)|谁说了算|(?:^|[,;]\s*)(?:who|which (?:[a-z-]+ )?(?:body|bodies|organization|organizations))"
                          r"\b(?:\s+\w+)?\s+(?:decides?|determines?|sets?|fix(?:es)?|approves?)\b", re.I)
_ZH_RE = tuple((name, re.compile(p)) for name, p in _ZH)
_EN_RE = tuple((name, re.compile(p, re.I)) for name, p in _EN)


def classify_intent(text: str, language: str, entities) -> str:
    """The intent of a question (one of :data:`INTENTS`).

    Formula intents (parts, definition, requirements) need a formula, a quoted name or a
    numbered name in the question; role intents fall back to search when no role is named.
    """
    patterns = _EN_RE if language == "en" else _ZH_RE
    kinds = {getattr(e, "kind", "") for e in entities}
    formula_like = "mechanism" in kinds or bool(_FORMULA_HINT.search(text))
    for name, pattern in patterns:
        if not pattern.search(text):
            continue
        if name == "mechanism_parts" and not formula_like:
            continue
        if name == "definition" and not (formula_like or kinds):
            continue
        if name == "definition" and not formula_like and re.search(r"职责|任务|义务|权利|责任", text):
            continue   # 党支部的职责是什么 asks for a role's duties, not for what 党支部 means
        if name == "mechanism_context" and not formula_like:
            continue
        if name == "problems" and language == "zh" and re.search(
                r"解决.{0,6}问题|问题.{0,4}(怎么|如何|怎样)(解决|处理|整改|办|处置)|问题.{0,8}(向谁|往哪|报哪|报给谁|由谁|谁来)", text):
            continue   # what to do about a problem (whom to tell, who checks it), not what problems there are
        if name == "count" and _WHO_DECIDES.search(text):
            continue   # 名额多少由谁来定 / who decides how many delegates: the body that decides is asked
        if name == "count" and _ONE_OF_THEM.search(text):
            continue   # 那几条收获里，排头一条是啥: one item asked for, not how many
        if name == "problems" and language == "en" and _ACTS_ON_PROBLEMS.search(text):
            continue   # when members report problems, what must the commission do: its duties
        return name
    return "search"
