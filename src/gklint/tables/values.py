"""Reading one table cell: numbers, blanks, placeholders and what else stands there (spec §6.2)."""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# Written where a number belongs to mean “nothing”; kept apart from 0 (spec §4, §6.2).
# NFKC has already turned `－` and `／` into `-` and `/`.
PLACEHOLDERS = frozenset({"/", "-", "--", "—", "——", "–", "无", "\\", "─"})
UNITS = ("万元", "元", "件", "项", "个", "次", "条", "人次")

_NUMBER = re.compile(
    r"(?P<sign>[+-])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    rf"(?P<unit>{'|'.join(UNITS)})?"
    # A note after the number, as in `22（其中修订 16 件）` (a PDF extraction, peer/012).
    r"(?P<note>\(.*\))?"
)
_SPACE = re.compile(r"\s+")


class ValueKind(enum.Enum):
    """What a cell holds."""

    NUMBER = "number"
    BLANK = "blank"
    PLACEHOLDER = "placeholder"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Value:
    """A parsed cell.

    ``number`` is the value as written (sign included), None unless ``kind`` is NUMBER.
    ``unit`` is a unit written inside the cell; ``decimals`` the digits after the point.
    ``leading_zero`` marks `0124`-like digits, which are several numbers run together.
    """

    raw: str
    kind: ValueKind
    number: Decimal | None = None
    sign: str = ""
    decimals: int = 0
    unit: str | None = None
    leading_zero: bool = False

    @property
    def is_number(self) -> bool:
        """Whether the cell holds a number."""
        return self.kind is ValueKind.NUMBER

    @property
    def is_empty(self) -> bool:
        """Whether the cell is blank or a placeholder such as `/` or `无`."""
        return self.kind in (ValueKind.BLANK, ValueKind.PLACEHOLDER)

    @property
    def amount(self) -> Decimal:
        """The number for arithmetic: a blank or placeholder counts as 0 (spec §4)."""
        return self.number if self.number is not None else Decimal(0)

    @property
    def is_count(self) -> bool:
        """Whether the cell is a count as the template wants it: an integer ≥ 0, unsigned."""
        return self.is_number and not self.sign and not self.decimals and self.number is not None

    @property
    def digits(self) -> str:
        """The digits written, in order (for messages about run-together numbers)."""
        return "".join(ch for ch in unicodedata.normalize("NFKC", self.raw) if ch.isdigit())


@lru_cache(maxsize=16384)  # a report has hundreds of cells and a few dozen distinct texts
def parse_value(raw: str) -> Value:
    """Read a cell: NFKC (full-width digits), thousands separators, signs, units, placeholders."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", raw).replace("&nbsp;", ""))
    if not text:
        return Value(raw, ValueKind.BLANK)
    if text in PLACEHOLDERS:
        return Value(raw, ValueKind.PLACEHOLDER)
    match = _NUMBER.fullmatch(text)
    if match is None:
        return Value(raw, ValueKind.TEXT)
    whole = match["int"].replace(",", "")
    frac = match["frac"] or ""
    number = Decimal(f"{whole}.{frac}" if frac else whole)
    return Value(
        raw,
        ValueKind.NUMBER,
        number=-number if match["sign"] == "-" else number,
        sign=match["sign"] or "",
        decimals=len(frac),
        unit=match["unit"],
        leading_zero=len(whole) > 1 and whole.startswith("0") and "," not in match["int"],
    )


def format_number(number: Decimal) -> str:
    """A number for a message: `26`, `0.015`, never `26.0` or `1E+1`."""
    if number != number.to_integral():
        return format(number.normalize(), "f")
    # Not str(int(number)): int() refuses a hostile cell of over 4,300 digits.
    return format(number.to_integral_value(), "f") if number else "0"
