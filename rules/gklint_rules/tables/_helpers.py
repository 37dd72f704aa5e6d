"""Shared by the table rules: which reports need the tables, and the sum checks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from gklint.api import Report, StatTable, TableCell, ValueKind, format_number

# The 2019 format (国办公开办函〔2019〕60号) introduced tables 二–四; earlier reports had 统计表.
FIRST_YEAR = 2019


def tables_required(report: Report) -> bool:
    """Whether the report's format has tables 二, 三 and 四 (2019 or 2021 template)."""
    if report.template == "legacy":
        return False
    if report.template in ("2019", "2021"):
        return True
    return report.year is not None and report.year >= FIRST_YEAR


def present(report: Report) -> Iterator[StatTable]:
    """The recognised tables of a report whose format has them."""
    if not tables_required(report):
        return
    for table in (report.table2, report.table3, report.table4):
        if table is not None:
            yield table


def n(number: Decimal) -> str:
    """A number as a message shows it."""
    return format_number(number)


@dataclass(frozen=True, slots=True)
class Mismatch:
    """A total that is not the sum of its parts."""

    total: TableCell
    expected: Decimal


def check_sum(table: StatTable, total: TableCell | None, parts: Sequence[TableCell | None]) -> Mismatch | None:
    """Compare ``total`` with the sum of ``parts``; None when it holds or cannot be judged.

    Not judged: a cell missing or in an unreadable row, text where a number belongs
    (invalid-count reports it), a blank total (blank-cell reports it), and parts all
    blank beside a stated total (the breakdown was not given; blank-cell reports it).
    """
    if total is None or any(p is None for p in parts):
        return None
    cells = [total, *parts]
    if any(not table.is_readable(c.row) for c in cells):  # type: ignore[union-attr]
        return None
    if any(c.value.kind is ValueKind.TEXT for c in cells):  # type: ignore[union-attr]
        return None
    if total.value.is_empty or all(p.value.is_empty for p in parts):  # type: ignore[union-attr]
        return None
    expected = sum((p.number for p in parts), Decimal(0))  # type: ignore[union-attr]
    return None if expected == total.number else Mismatch(total, expected)
