"""Word list numbering: the `一、` or `（二）` that Word draws but the paragraph text lacks.

A heading typed as "总体情况" in a list style whose level reads ``%1、`` in
``chineseCounting`` is displayed as "一、总体情况"; the section number lives only in
numbering.xml. This module replays Word's counters over the body paragraphs in order
and renders each paragraph's label.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gklint.readers.base import ReadError

if TYPE_CHECKING:
    from lxml.etree import _Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Word's own ceiling for a list number; a hostile w:start of 2.6×10⁹ in lowerLetter would
# otherwise render a label of a hundred million letters.
MAX_NUMBER = 32767
# A level's label text (w:lvlText) is a few characters, such as "（%2）".
MAX_LABEL_TEXT = 100
# One number as drawn: "zzzz" (lowerLetter 104) at most; a longer rendering (lowerLetter
# repeats its letter once per 26) is shown in digits.
MAX_NUMBER_TEXT = 20
# A whole label, every placeholder replaced ("1.2.3.4.5.6.7.8.9." is 18 characters): a
# w:lvlText repeating "%2" fifty times must not render kilobytes for every paragraph.
MAX_LABEL = 200

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"


def _chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    # Report sections and items never pass 99; beyond that Arabic digits are honest.
    if n < 10:
        return digits[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[units] if units else "")
    return str(n)


def _letters(n: int) -> str:
    # Word repeats the letter: 27 is AA, 28 BB.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "taiwaneseCounting": _chinese,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾"),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12],
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "upperLetter": _letters,
    "lowerLetter": lambda n: _letters(n).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}
# Level punctuation after which Word's tab or space adds nothing a reader needs.
_CLOSING = "、．.）)：:"


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition (``w:lvl``)."""

    start: int
    format: str
    text: str
    restart: int | None  # restart after this level (0-based); None: after any higher level
    legal: bool  # w:isLgl: show every level's number in decimal
    style: str | None  # a paragraph style bound to this level (w:pStyle)
    plain_suffix: bool  # w:suff="nothing": no tab or space after the label


def _val(el: _Element | None, default: str | None = None) -> str | None:
    return el.get(f"{W}val", default) if el is not None else default


def int_val(el: _Element | None, default: int) -> int:
    """An element's integer ``w:val`` (``default`` if absent or not a number)."""
    return _int(_val(el), default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or default)
    except ValueError:  # not a number, or more digits than int() accepts
        return default


def _number(el: _Element | None, what: str) -> int:
    """A list's start number, refused (with a clear error) beyond Word's own limit."""
    value = int_val(el, 1)
    if not 0 <= value <= MAX_NUMBER:
        shown = str(value) if abs(value) < 10**12 else f"a {len(str(abs(value)))}-digit number"
        raise ReadError(
            f"list numbering {what} is {shown}, outside Word's range 0 to {MAX_NUMBER}",
            zh=f"列表编号的{'起始值' if what == 'start' else '重设值'}为 {shown}，超出 Word 的范围 0 至 {MAX_NUMBER}",
        )
    return value


class Numbering:
    """Renders list labels for paragraphs in body order (call `label` once per paragraph)."""

    def __init__(self, numbering: _Element | None, styles: _Element | None) -> None:
        self._levels: dict[str, dict[int, Level]] = {}  # abstractNumId → levels
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → abstract id, start overrides
        self._style_num: dict[str, tuple[str | None, int | None, str | None]] = {}  # style → numId, ilvl, basedOn
        self._counters: dict[str, dict[int, int]] = {}
        if numbering is not None:
            self._load_numbering(numbering)
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_id = _val(style.find(f"{W}pPr/{W}numPr/{W}numId"))
                ilvl_el = style.find(f"{W}pPr/{W}numPr/{W}ilvl")
                ilvl = int_val(ilvl_el, 0) if ilvl_el is not None else None
                self._style_num[style.get(f"{W}styleId", "")] = (num_id, ilvl, _val(style.find(f"{W}basedOn")))

    def _load_numbering(self, numbering: _Element) -> None:
        for abstract in numbering.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                restart = lvl.find(f"{W}lvlRestart")
                text = _val(lvl.find(f"{W}lvlText"), "") or ""
                if len(text) > MAX_LABEL_TEXT:
                    raise ReadError(
                        f"a list label is {len(text)} characters long (at most {MAX_LABEL_TEXT})",
                        zh=f"有列表编号文字长达 {len(text)} 个字符（上限 {MAX_LABEL_TEXT}）",
                    )
                levels[_int(lvl.get(f"{W}ilvl"), 0)] = Level(
                    start=_number(lvl.find(f"{W}start"), "start"),
                    format=_val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
                    text=text,
                    restart=int_val(restart, 0) - 1 if restart is not None else None,
                    legal=lvl.find(f"{W}isLgl") is not None,
                    style=_val(lvl.find(f"{W}pStyle")),
                    plain_suffix=_val(lvl.find(f"{W}suff")) == "nothing",
                )
            self._levels[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in numbering.iter(f"{W}num"):
            overrides = {
                _int(o.get(f"{W}ilvl"), 0): _number(o.find(f"{W}startOverride"), "startOverride")
                for o in num.iter(f"{W}lvlOverride")
                if o.find(f"{W}startOverride") is not None
            }
            self._nums[num.get(f"{W}numId", "")] = (_val(num.find(f"{W}abstractNumId"), "") or "", overrides)

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            num_id, ilvl, based_on = self._style_num.get(style, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style = based_on
        return None, None

    def label(self, paragraph: _Element) -> str:
        """The label Word shows before ``paragraph`` (``""`` if none), advancing counters."""
        style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        style_num, style_ilvl = self._style_numbering(style)
        num_id = _val(num_pr.find(f"{W}numId")) if num_pr is not None else None
        num_id = num_id or style_num
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""
        abstract_id, overrides = self._nums[num_id]
        levels = self._levels.get(abstract_id, {})
        ilvl_el = num_pr.find(f"{W}ilvl") if num_pr is not None else None
        if ilvl_el is not None:
            ilvl = int_val(ilvl_el, 0)
        elif style_ilvl is not None:
            ilvl = style_ilvl
        else:
            ilvl = next((i for i, lvl in levels.items() if style and lvl.style == style), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        # Lists sharing a definition continue each other's numbering in Word unless a
        # w:num restarts it with a startOverride, which makes that instance its own list.
        key = f"num:{num_id}" if overrides else f"abstract:{abstract_id}"
        counters = self._counters.setdefault(key, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [i for i in counters if i > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart >= ilvl:
                del counters[deeper]
        if level.format == "bullet":
            return ""  # a bullet glyph carries no number
        text = level.text
        for i in range(9):
            if f"%{i + 1}" in text:
                fmt = levels[i].format if i in levels else "decimal"
                value = counters.get(i, overrides.get(i, levels[i].start if i in levels else 1))
                # A counter pushed past the ceiling by a million list items stays digits.
                plain = (level.legal and i != ilvl) or value > MAX_NUMBER
                shown = str(value) if plain else FORMATS.get(fmt, str)(value)
                if len(shown) > MAX_NUMBER_TEXT:
                    shown = str(value)
                text = text.replace(f"%{i + 1}", shown)
        if len(text) > MAX_LABEL:
            raise ReadError(
                f"a list label renders to {len(text)} characters (at most {MAX_LABEL})",
                zh=f"有列表编号展开后长达 {len(text)} 个字符（上限 {MAX_LABEL}）",
            )
        # Word follows the label with a tab (or a space): a space keeps "1 概述" apart,
        # while after 、 or ） it would only be noise.
        if text and not level.plain_suffix and not text.endswith(tuple(_CLOSING)):
            text += " "
        return text
