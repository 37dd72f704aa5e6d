"""The value of a numeral as the prose writes it: Arabic, full-width or Chinese.

The inline grammar decides where a numeral stands (a NUMBER token is always followed by a
measure word); this module only says what it is worth. Chinese numerals come in two
styles: positional digits (``二〇二三``) and multiplicative (``一百零五``, ``两万三千``).
"""

from __future__ import annotations

from decimal import Decimal

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = (("亿", 10**8), ("万", 10**4))
# Full-width digits and separators to ASCII (one character for one, so offsets hold).
_ASCII = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def value(numeral: str) -> Decimal:
    """The value of ``numeral``: ``"2,602"`` → 2602, ``"０.５"`` → 0.5, ``"一百零五"`` → 105."""
    numeral = numeral.strip()
    ascii_form = numeral.translate(_ASCII).replace(",", "")
    if ascii_form[:1].isdigit():
        return Decimal(ascii_form)
    return Decimal(chinese(numeral))


def chinese(numeral: str) -> int:
    """The value of a Chinese numeral (``十二`` = 12, ``二〇二三`` = 2023, ``两万`` = 20000)."""
    if not any(unit in numeral for unit in ("十", "百", "千", "万", "亿")):
        # Positional digits: 二〇二三, 五.
        total = 0
        for char in numeral:
            total = total * 10 + _DIGITS.get(char, 0)
        return total
    for unit, size in _BIG_UNITS:
        if unit in numeral:
            high, _, low = numeral.partition(unit)
            return (chinese(high) if high else 1) * size + (chinese(low) if low else 0)
    total, digit = 0, None
    for char in numeral:
        if char in _SMALL_UNITS:
            total += (1 if digit is None else digit) * _SMALL_UNITS[char]
            digit = None
        else:
            digit = _DIGITS.get(char, 0)
    return total + (digit or 0)
