"""Finding table 二's fee column (第二十条第（八）项) in the raw rows.

Shared by HA001 and HA002. The header row holds a cell starting 本年收费金额; the value
stands in the same column of the next row labelled 行政事业性收费.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gklint.api import Cell, Report, Row, Table, normalize_label

HEADER = "本年收费金额"
ROW_LABEL = "行政事业性收费"


@dataclass(frozen=True, slots=True)
class FeeColumn:
    """The fee column's header cell and, when found, its value cell."""

    header: Cell
    value: Cell | None


def fee_columns(report: Report) -> Iterator[FeeColumn]:
    """Every fee column of the report (one per table 二, normally one)."""
    for table in report.document.iter(Table):
        rows = table.rows
        for index, row in enumerate(rows):
            column = next((i for i, c in enumerate(row.cells) if normalize_label(c.text).startswith(HEADER)), None)
            if column is None:
                continue
            yield FeeColumn(row.cells[column], _value(rows[index + 1 :], column))


def _value(rows: tuple[Row, ...], column: int) -> Cell | None:
    for row in rows[:2]:  # the value row follows the header, perhaps after a stray blank row
        if row.texts and normalize_label(row.texts[0]) == ROW_LABEL:
            return row.cells[column] if column < len(row.cells) else None
    return None
