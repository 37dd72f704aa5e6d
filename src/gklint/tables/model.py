"""The recognised statistical tables: cells by canonical key, each with its source span.

Rules read ``report.table3["new_received"]["total"]``; they never walk raw rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from gklint.ast import Row, Span, Table
from gklint.findings import Text
from gklint.tables.spec import BlockSpec, GridSpec, LabelSpec, TemplateSpec
from gklint.tables.values import Value

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_NAMES_EN = {"t2": "table 二", "t3": "table 三", "t4": "table 四"}
_ZERO = Decimal(0)


class TableCell(NamedTuple):
    """One value cell: ``key`` is canonical (``t3.new_received.natural_person``).

    ``span`` is the cell's span in the source; a blank cell has a zero-length span at its
    position. ``spec`` is the column's template entry (kind and unit). A named tuple, as
    `Label` and `Span` are: a report's tables build a few hundred of each, for every
    template they are read with, and a frozen dataclass costs three times as much to build.
    """

    key: str
    row: str
    column: str
    value: Value
    span: Span
    spec: LabelSpec

    @property
    def number(self) -> Decimal:
        """The value for arithmetic (blank and placeholders count as 0)."""
        # `Value.amount`, inlined: the identity rules read it a few hundred times a report.
        number = self.value.number
        return number if number is not None else _ZERO


class Label(NamedTuple):
    """A row, column or group label as the report writes it, and what it was matched to."""

    key: str
    text: str
    span: Span
    standard: bool
    spec: LabelSpec


@dataclass(frozen=True, slots=True)
class TableRow:
    """A recognised row: its label and its cells by column key (read-only mapping)."""

    key: str
    label: Label
    line: Span
    cells: Mapping[str, TableCell]

    def __getitem__(self, column: str) -> TableCell:
        return self.cells[column]

    def get(self, column: str) -> TableCell | None:
        """The cell of ``column``, None if the table has no such column."""
        return self.cells.get(column)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why part of a table cannot be read; ``rows`` empty means the whole table."""

    span: Span
    reason: Text
    rows: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatTable:
    """A statistical table (``t2``, ``t3`` or ``t4``) as recognised in one report.

    ``rows`` maps row keys to rows; for table 四 the rows are the groups ``review``,
    ``lit_direct`` and ``lit_after_review``. ``headers`` maps column keys to their header
    labels (``<block>.<column>`` in table 二, ``<group>.<column>`` in table 四).
    ``fragments`` are the AST tables it was read from (converters split tables).
    ``decimals`` maps a header key to the decimals its header allows (``保留4位小数``).
    """

    name: str
    template: TemplateSpec
    fragments: tuple[Table, ...]
    rows: Mapping[str, TableRow]
    headers: Mapping[str, Label]
    groups: tuple[Label, ...]
    problems: tuple[Problem, ...]
    decimals: Mapping[str, int]
    # The rows the problems name, or None when one of them is the whole table's: asked for
    # each identity a rule checks, so worked out once (see `is_readable`).
    _damaged: frozenset[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        whole = any(not p.rows for p in self.problems)
        damaged = None if whole else frozenset(row for p in self.problems for row in p.rows)
        object.__setattr__(self, "_damaged", damaged)

    def __getitem__(self, row: str) -> TableRow:
        return self.rows[row]

    def get(self, row: str, column: str) -> TableCell | None:
        """The cell at ``row``/``column``, None if either is absent."""
        found = self.rows.get(row)
        return found.get(column) if found is not None else None

    @property
    def title(self) -> str:
        """The table's name in messages (``表三``)."""
        return TABLE_NAMES[self.name]

    @property
    def title_en(self) -> str:
        """The table's name in English messages (``table 三``)."""
        return TABLE_NAMES_EN[self.name]

    def english(self, key: str) -> str:
        """The English name of a row, column or group key of this table (``natural persons``).

        From the template's ``en`` labels, so an English message never shows an internal
        key; a key the template lacks is returned as it is.
        """
        if self.name == "t2":
            specs = [s for block in self.template.t2 for s in (*block.rows, *block.columns)]
        else:
            grid = self.template.t3 if self.name == "t3" else self.template.t4
            specs = [*grid.rows, *grid.columns, *grid.groups]
        return next((s.english for s in specs if s.key == key), key)

    @property
    def grid(self) -> GridSpec:
        """Table 三's or 四's template: its rows (四: groups), columns and totals."""
        if self.name == "t2":
            raise ValueError("table 二 is made of blocks: read `blocks`")
        return self.template.t3 if self.name == "t3" else self.template.t4

    @property
    def blocks(self) -> tuple[BlockSpec, ...]:
        """Table 二's template: its blocks (第二十条 items), each with rows and columns; empty for 三 and 四."""
        return self.template.t2 if self.name == "t2" else ()

    @property
    def source_rows(self) -> tuple[Row, ...]:
        """The report's rows the table was read from, in order (a table split by a page
        break included), each with its cells and their spans."""
        return tuple(row for fragment in self.fragments for row in fragment.rows)

    @property
    def span(self) -> Span:
        """From the first fragment's start to the last one's end."""
        first, last = self.fragments[0].span, self.fragments[-1].span
        return Span(first.start, last.end, first.line, first.column, last.end_line, last.end_column)

    @property
    def readable(self) -> bool:
        """False when the whole table could not be read."""
        return self._damaged is not None

    def is_readable(self, row: str) -> bool:
        """Whether ``row`` was read (present and not damaged)."""
        return row in self.rows and self._damaged is not None and row not in self._damaged

    def labels(self) -> Iterator[Label]:
        """Every row, column and group label found, in source order."""
        found = [r.label for r in self.rows.values()] + list(self.headers.values()) + list(self.groups)
        yield from sorted(found, key=lambda label: label.span)

    def cells(self) -> Iterator[TableCell]:
        """Every value cell, in source order."""
        found = [cell for row in self.rows.values() for cell in row.cells.values()]
        yield from sorted(found, key=lambda cell: cell.span)


@dataclass(frozen=True, slots=True)
class Tables:
    """The three statistical tables of a report; None where a table was not found."""

    t2: StatTable | None
    t3: StatTable | None
    t4: StatTable | None
