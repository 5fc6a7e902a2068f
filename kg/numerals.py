"""Chinese numerals: reading 十二, 两, 双, 百 and friends as integers.

>>> chinese_to_int("十二"), chinese_to_int("两"), chinese_to_int("二十三"), chinese_to_int("一百")
(12, 2, 23, 100)
>>> chinese_to_int("*") is None
True
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "双": 2, "三": 3, "叁": 3,
          "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
          "九": 9, "玖": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)


def chinese_to_int(text: str):
    """The integer a Chinese (or Arabic) numeral spells, or ``None`` if it is not one."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, section, number = 0, 0, None
    for ch in text:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in UNITS:
            unit = UNITS[ch]
            if unit == 10000:
                total += (section + (number or 0)) * unit
                section, number = 0, None
            else:
                section += (1 if number is None else number) * unit
                number = None
        else:
            return None
    return total + section + (number or 0)
