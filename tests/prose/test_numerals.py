"""Any count 0–99,999,999, as a report may write it, reads back to itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gklint.ast import Span
from gklint.prose.nodes import Quantity
from gklint.prose.parser import parse_prose

DIGITS = "零一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")


def _four(n: int, leading: bool) -> str:
    """1–9999 in Chinese; ``leading`` when nothing stands before it (十二, not 一十二)."""
    out, pending_zero = "", False
    for size, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // size % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        if size == 10 and digit == 1 and not out and leading:
            out += "十"
        else:
            out += DIGITS[digit] + unit
    return out


def chinese(n: int, liang: bool) -> str:
    """``n`` written in Chinese numerals (一千零一万零五十), 两 for a leading 2 if ``liang``."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10_000)
    text = _four(high, True) + "万" if high else ""
    if low:
        text += ("零" if high and low < 1000 else "") + _four(low, not high)
    if liang and text.startswith("二") and len(text) > 1 and text[1] in "千百万":
        text = "两" + text[1:]
    return text


def written(n: int, style: str) -> str:
    if style == "arabic":
        return str(n)
    if style == "grouped":
        return f"{n:,}"
    if style == "full-width":
        return f"{n:,}".translate(FULL_WIDTH)
    return chinese(n, liang=style == "liang")


def test_the_generator_writes_numerals_as_people_do() -> None:
    assert [chinese(n, False) for n in (10, 12, 105, 1010, 20000, 100000, 10010050)] == [
        "十",
        "十二",
        "一百零五",
        "一千零一十",
        "二万",
        "十万",
        "一千零一万零五十",
    ]
    assert chinese(2300, liang=True) == "两千三百"


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 99_999_999), st.sampled_from(["arabic", "grouped", "full-width", "chinese", "liang"]))
def test_any_count_reads_back(n: int, style: str) -> None:
    text = f"全年共收到申请{written(n, style)}件。"
    (quantity,) = parse_prose(text, Span.of(text, 0, len(text))).iter(Quantity)
    assert quantity.value == n
    assert quantity.unit == "件"
