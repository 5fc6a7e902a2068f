"""Synthetic corpora for scale tests: N documents of the genre, recombined from the project's own samples.

The three sample texts in ``corpus/`` (fictional, written by this project) are cut into their parts:
report parts (做法 / 问题 / 措施) with their lead paragraphs and numbered sub-parts, and regulation
chapters with their articles and items. Each synthetic document draws a title, an introduction and
parts from those pools, renumbers its headings (一、 （一） 第一章 第一条), and gets its own place
names and numbers, so no two documents are the same text. Deterministic for a seed.

Run from the repository root:

    python benchmarks/make_corpus.py 1000 [--out DIR] [--seed 0] [--mean-chars 1000]

prints the folder it wrote (a new temporary folder unless ``--out`` is given).
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus"

_DIGITS = "零一二三四五六七八九"
_PART = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_SUB = re.compile(r"^（([一二三四五六七八九十]+)）")
_CHAPTER = re.compile(r"^第([一二三四五六七八九十]+)章\u3000(.*)$")
_ARTICLE = re.compile(r"^第([一二三四五六七八九十百]+)条\u3000")
_NUMBER = re.compile(r"\d+")

SYLLABLES = list("安宝长川丹东丰凤福广海和河华嘉江金锦靖康兰乐丽临龙鹿明南宁平浦青庆泉瑞山上顺泰潭通万文西祥新兴阳永裕云泽政中州")
ORGANS = ("直机关工委", "发展改革委", "教育局", "卫生健康委", "财政局", "自然资源局", "生态环境局", "交通运输局",
          "农业农村局", "商务局", "文化旅游局", "应急管理局", "市场监管局", "医疗保障局", "机关事务局", "统计局")
REPORT_TITLES = ("机关党建工作情况调研报告", "党建工作质量提升情况报告", "年度基层党建工作总结", "党支部建设情况调研报告",
                 "落实全面从严治党主体责任情况报告")
RULE_TITLES = ("党支部工作规则（试行）", "机关党建工作实施办法", "党员教育管理工作细则（试行）", "党组织工作规则")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99), as in headings and article numbers.

    >>> [chinese_number(n) for n in (1, 10, 12, 20, 35)]
    ['一', '十', '十二', '二十', '三十五']
    """
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def _kind(heading: str) -> str:
    if "问题" in heading:
        return "problem"
    if any(w in heading for w in ("措施", "对策", "建议", "整改")):
        return "measure"
    return "practice"


def read_pools(folder=SAMPLES) -> dict:
    """Cut the sample texts into pools: report parts by kind, introductions, regulation chapters."""
    pools = {"intro": [], "heading": {}, "lead": {}, "sub": {}, "chapter": [], "general": [], "closing": []}
    for path in sorted(Path(folder).glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if any(_CHAPTER.match(line) for line in lines):
            _read_regulation(lines, pools)
        else:
            _read_report(lines, pools)
    return pools


def _read_report(lines, pools):
    kind = None
    for line in lines[1:]:
        part = _PART.match(line)
        if part:
            kind = _kind(part.group(2))
            pools["heading"].setdefault(kind, []).append(part.group(2))
        elif kind is None:
            pools["intro"].append(line)
        elif _SUB.match(line):
            pools["sub"].setdefault(kind, []).append(_SUB.sub("", line))
        else:
            pools["lead"].setdefault(kind, []).append(line)


def _read_regulation(lines, pools):
    chapter = None
    for line in lines[1:]:
        head = _CHAPTER.match(line)
        if head:
            chapter = {"title": head.group(2), "articles": []}
            pools["general" if head.group(2) == "总则" else "closing" if head.group(2) == "附则" else "chapter"].append(chapter)
        elif chapter is None:
            continue
        elif _ARTICLE.match(line):
            chapter["articles"].append([_ARTICLE.sub("", line)])
        elif chapter["articles"]:
            chapter["articles"][-1].append(_SUB.sub("", line))


class _Names:
    """Place names and numbers for one document."""

    def __init__(self, rng):
        self.rng = rng
        city, county, town = ("".join(rng.sample(SYLLABLES, 2)) for _ in range(3))
        self.swaps = (("青川市", city + "市"), ("青川县", county + "县"), ("石桥镇", town + "镇"),
                      ("青川", city), ("石桥", town))
        self.city = city + "市"

    def vary(self, text: str) -> str:
        for old, new in self.swaps:
            text = text.replace(old, new)
        return _NUMBER.sub(self._number, text)

    def _number(self, match) -> str:
        digits = match.group(0)
        after = match.string[match.end():match.end() + 1]
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return str(self.rng.randint(2016, 2025))
        if after == "月":
            return str(self.rng.randint(1, 12))
        if after == "日":
            return str(self.rng.randint(1, 28))
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
        return str(self.rng.randint(low, 10 ** len(digits) - 1))


def make_report(rng, pools, target: int) -> str:
    """One report: title, introduction, then parts in the genre's order, renumbered."""
    names = _Names(rng)
    lines = [names.city + rng.choice(ORGANS) + rng.choice(REPORT_TITLES), rng.choice(pools["intro"])]
    kinds = [k for k in ("practice", "problem", "measure") if k in pools["heading"]]
    chosen = sorted(rng.sample(kinds, rng.randint(1, len(kinds))), key=kinds.index)
    per_part = max(1, target // (len(chosen) * 380))
    for number, kind in enumerate(chosen, 1):
        lines.append(f"{chinese_number(number)}、{rng.choice(pools['heading'][kind])}")
        subs = pools["sub"].get(kind) or []
        if pools["lead"].get(kind) and (not subs or rng.random() < 0.4):
            lines.append(rng.choice(pools["lead"][kind]))
        for sub_number, text in enumerate(rng.sample(subs, min(len(subs), per_part)), 1):
            lines.append(f"（{chinese_number(sub_number)}）{text}")
    return names.vary("\n".join(lines)) + "\n"


def make_regulation(rng, pools, target: int) -> str:
    """One regulation: title, issuing line, 总则, some chapters, perhaps 附则; articles renumbered."""
    names = _Names(rng)
    title = names.city + rng.choice(ORGANS) + rng.choice(RULE_TITLES)
    lines = [title, f"（2024年2月20日{names.city}{rng.choice(ORGANS)}印发）"]
    chapters = [rng.choice(pools["general"])] if pools["general"] else []
    middle = pools["chapter"]
    chapters += rng.sample(middle, min(len(middle), max(1, target // 600)))
    if pools["closing"] and rng.random() < 0.5:
        chapters.append(rng.choice(pools["closing"]))
    article = 0
    for number, chapter in enumerate(chapters, 1):
        lines.append(f"第{chinese_number(number)}章\u3000{chapter['title']}")
        keep = chapter["articles"][:max(1, min(len(chapter["articles"]), rng.randint(1, 4)))]
        for first, *items in keep:
            article += 1
            lines.append(f"第{chinese_number(article)}条\u3000{first}")
            lines.extend(f"（{chinese_number(i)}）{item}" for i, item in enumerate(items, 1))
    return names.vary("\n".join(lines)) + "\n"


def make_corpus(n: int, folder=None, seed: int = 0, mean_chars: int = 1000) -> Path:
    """Write ``n`` synthetic documents (``doc00001_report.txt`` …) to ``folder`` (a new temporary one by default).

    >>> import tempfile
    >>> folder = make_corpus(3, tempfile.mkdtemp())
    >>> sorted(p.name for p in folder.iterdir())[:1]
    ['doc00001_regulation.txt']
    """
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="kg-corpus-"))
    folder.mkdir(parents=True, exist_ok=True)
    pools = read_pools()
    for i in range(1, n + 1):
        rng = random.Random(f"{seed}-{i}")
        target = int(mean_chars * rng.uniform(0.4, 1.6))
        if rng.random() < 0.7:
            kind, text = "report", make_report(rng, pools, target)
        else:
            kind, text = "regulation", make_regulation(rng, pools, target)
        (folder / f"doc{i:05d}_{kind}.txt").write_text(text, encoding="utf-8")
    return folder


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many documents")
    parser.add_argument("--out", help="folder to write to (default: a new temporary folder)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mean-chars", type=int, default=1000, help="mean document length in characters")
    args = parser.parse_args(argv)
    folder = make_corpus(args.n, args.out, seed=args.seed, mean_chars=args.mean_chars)
    total = sum(len(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt"))
    print(f"{folder}\t{args.n} documents\t{total} characters")


if __name__ == "__main__":
    main()
