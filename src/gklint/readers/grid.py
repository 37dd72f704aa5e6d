"""Merged-cell expansion shared by the .docx, HTML and PDF readers.

The canonical layout writes a merged cell once, in its first row and column, and leaves
every other slot it covers as an empty field; this module turns a table's cells with
their spans into that rectangular grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from gklint.readers.base import ReadError

# HTML caps colspan at 1000 (WHATWG "rules for parsing tables"); a larger table is not a
# report table, and refusing it keeps a hostile `colspan`/`rowspan` from filling memory.
# The grid is counted as rows × width before it is built: 200,000 empty rows under one
# 1000-wide row hold no cell, yet would be 2×10⁸ slots.
MAX_SPAN = 1000
MAX_COLUMNS = 1000
MAX_ROWS = 10_000
MAX_CELLS = 100_000


@dataclass(frozen=True, slots=True)
class SourceCell:
    """A cell as the source writes it.

    ``column`` fixes the 0-based grid column (.docx knows it from ``gridBefore`` and
    ``gridSpan``); when None the cell takes the next free slot, as HTML does. ``line`` is
    where the cell starts in the source, if the format has lines.
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    column: int | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Slot:
    """One position of the expanded grid: the text written there and the cell covering it."""

    text: str
    cell: SourceCell | None


def expand(rows: list[list[SourceCell]]) -> list[list[Slot]]:
    """The rectangular grid of ``rows``, spans expanded (every row as wide as the widest)."""
    if len(rows) > MAX_ROWS:
        raise _too_big(
            f"a table has {len(rows)} rows, more than {MAX_ROWS}", f"有表格多达 {len(rows)} 行，超过 {MAX_ROWS} 行"
        )
    taken: dict[tuple[int, int], Slot] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            if cell.column is not None:
                c = cell.column  # a .docx gridBefore can put it anywhere
            while (r, c) in taken:
                c += 1
            if c > MAX_COLUMNS:
                raise _too_big(f"a table row is wider than {MAX_COLUMNS} columns", f"有表格行宽于 {MAX_COLUMNS} 列")
            # A rowspan past the table's end (or HTML's rowspan=0) reaches the last row.
            down = len(rows) - r if cell.rowspan <= 0 else min(cell.rowspan, len(rows) - r)
            across = min(max(cell.colspan, 1), MAX_SPAN)
            if len(taken) + down * across > MAX_CELLS:
                raise _too_big(f"a table has more than {MAX_CELLS} cells", f"有表格超过 {MAX_CELLS} 个单元格")
            for dr in range(down):
                for dc in range(across):
                    first = dr == 0 and dc == 0
                    taken.setdefault((r + dr, c + dc), Slot(cell.text if first else "", cell))
            c += across
            width = max(width, c)
    if len(rows) * width > MAX_CELLS:
        raise _too_big(
            f"a table of {len(rows)} rows × {width} columns has more than {MAX_CELLS} cells",
            f"有表格 {len(rows)} 行 × {width} 列，超过 {MAX_CELLS} 个单元格",
        )
    empty = Slot("", None)
    return [[taken.get((r, c), empty) for c in range(width)] for r in range(len(rows))]


def _too_big(en: str, zh: str) -> ReadError:
    return ReadError(f"{en}; not a report table", zh=f"{zh}，不是年报表格")
