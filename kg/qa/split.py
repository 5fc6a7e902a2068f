"""Split questions: 「X和Y分别…」 asks the same thing of two subjects, so it is answered as two questions.

>>> split_question("预备期和党龄分别从哪一天开始算？")
('预备期', '党龄', '预备期从哪一天开始算？', '党龄从哪一天开始算？')
>>> split_question("机关设立党的基层委员会和设立总支部委员会，分别需要多少党员？")[3]
'机关设立总支部委员会需要多少党员？'
>>> split_question("领导干部岗位和特殊岗位各梳理出几个风险点？")[2:]
('领导干部岗位梳理出几个风险点？', '特殊岗位梳理出几个风险点？')
>>> split_question("因私出国定居的党员和失联党员，停止党籍的决定分别由谁作出？")[2]
'因私出国定居的党员，停止党籍的决定由谁作出？'
>>> split_question("各级党组织和党员要做什么？") is None
True
"""

from __future__ import annotations

import re

# 各 as "each of the two", not 各级 / 各地 / 各类 … (every level, place, kind).
_EACH = r"(?:分别|各自|各(?![级地方类种单位部门个项条族界届项位]))"
_SPLIT = re.compile(rf"^(?P<a>[^，,。？?、和与及]{{2,20}}?)(?:和|与|以及|及|跟)(?P<b>[^，,。？?、和与及]{{2,20}}?)"
                    rf"(?:[，,](?P<mid>[^，,。？?]{{0,14}}?))?{_EACH}(?P<rest>[^，,。？?]{{2,30}})[？?]?$")
# Words that ask for a difference: those questions go to the comparison, not to two answers.
_DIFFERENCE = re.compile(r"区别|不同|异同|相比|比较")


def split_question(text: str):
    """``(subject a, subject b, question about a, question about b)`` for a 「X和Y分别/各…」 question,
    else ``None``. A word the first subject opens with and the second lacks (机关 in
    「机关设立A和设立B」) is carried over to the second."""
    text = text.strip()
    if _DIFFERENCE.search(text):
        return None
    m = _SPLIT.match(text)
    if m is None:
        return None
    a, b, rest = m.group("a"), m.group("b"), m.group("rest")
    if a.startswith(("各", "每", "所有")) or b.startswith(("各", "每", "所有")):
        return None
    shared = a.find(b[:2]) if len(b) >= 2 else -1
    if shared > 0 and not b.startswith(a[:shared]):
        b = a[:shared] + b
    mid = m.group("mid") or ""
    if mid:   # 甲和乙，停止党籍的决定分别由谁作出 → 甲，停止党籍的决定由谁作出
        return m.group("a"), m.group("b"), f"{a}，{mid}{rest}？", f"{b}，{mid}{rest}？"
    return m.group("a"), m.group("b"), f"{a}{rest}？", f"{b}{rest}？"
