"""What reading tables 二, 三 and 四 shares: the cells of a row, its labels, and where its values stand.

A row is identified by its label cells (one to three, merged cells written once), a
column by its header label, and the value cells of a row are the run after its labels
that lines up with the recognised columns (leading and trailing empty cells left by
merged cells are skipped). What cannot be read is recorded as a `Problem`, so the
arithmetic rules skip it instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gklint.ast import Block, Cell, Row, Span, Table
from gklint.findings import Text
from gklint.tables.model import Label, Problem, StatTable, TableCell, TableRow
from gklint.tables.spec import LabelSpec, TemplateSpec, best_match
from gklint.tables.values import Value, ValueKind, parse_value

# A count above this, alone in a row that should hold several numbers, is digits run together.
_RUN_TOGETHER_DIGITS = 6


class Layout:
    """A document's tables and blocks as every template's reading sees them.

    Each row's values and label cells are read once here, not once per table and template.
    """

    __slots__ = ("tables", "blocks", "_rows")

    def __init__(self, tables: tuple[Table, ...], blocks: list[Block]) -> None:
        self.tables = tables
        self.blocks = blocks
        # Keyed by identity: the document holds its rows for as long as this layout lives.
        self._rows: dict[int, tuple[tuple[Value, ...], tuple[Cell, ...]]] = {}

    def _read(self, row: Row) -> tuple[tuple[Value, ...], tuple[Cell, ...]]:
        found = self._rows.get(id(row))
        if found is None:
            values = tuple(row_values(row))
            found = self._rows[id(row)] = (values, tuple(label_cells(row, values)))
        return found

    def values(self, row: Row) -> tuple[Value, ...]:
        """Each cell of ``row`` read as a value (`parse_value`)."""
        return self._read(row)[0]

    def labels(self, row: Row) -> tuple[Cell, ...]:
        """The label cells of ``row`` (`label_cells`)."""
        return self._read(row)[1]


@dataclass(slots=True)
class Builder:
    """Collects what one table yields while its rows are read."""

    name: str
    template: TemplateSpec
    layout: Layout
    fragments: list[Table] = field(default_factory=list)
    rows: dict[str, TableRow] = field(default_factory=dict)
    headers: dict[str, Label] = field(default_factory=dict)
    groups: list[Label] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    decimals: dict[str, int] = field(default_factory=dict)

    def spaced(self, row: Row) -> bool:
        """Whether the row is one of a table of space-separated cells (see `ast.Table`)."""
        return any(row in t.rows for t in self.fragments if t.spaced)

    def build(self) -> StatTable:
        problems = self.problems
        row_problems = [p for p in problems if p.rows]
        # Most rows damaged means the layout itself was not understood: say it once.
        if len(row_problems) > max(2, (len(self.rows) + len(row_problems)) // 2):
            problems = [
                Problem(
                    self.fragments[0].span,
                    Text(
                        zh=f"多数行无法读取（如第{row_problems[0].span.line}行：{row_problems[0].reason.zh}）",
                        en=f"most rows cannot be read (e.g. line {row_problems[0].span.line}: "
                        f"{row_problems[0].reason.en})",
                    ),
                )
            ]
        return StatTable(
            name=self.name,
            template=self.template,
            fragments=tuple(self.fragments),
            rows=dict(self.rows),
            headers=dict(self.headers),
            groups=tuple(self.groups),
            problems=tuple(problems),
            decimals=dict(self.decimals),
        )


def row_values(row: Row) -> list[Value]:
    """Each cell of ``row`` read as a value."""
    return [parse_value(cell.text) for cell in row.cells]


def label_cells(row: Row, values: Sequence[Value]) -> list[Cell]:
    """The text cells before the first number or placeholder: the row's label(s)."""
    labels = []
    for cell, value in zip(row.cells, values, strict=True):
        if value.kind in (ValueKind.NUMBER, ValueKind.PLACEHOLDER):
            break
        if value.kind is ValueKind.TEXT:
            labels.append(cell)
    return labels


def window(
    row: Row, values: Sequence[Value], count: int, start: int | None, label_index: int = -1
) -> tuple[int, str | None]:
    """Where the ``count`` value cells of ``row`` begin, or why they cannot be found.

    The values follow the last label cell; extra cells on either side must be empty
    (merged cells written once). When several placements fit, the one under the header
    (``start``, the first column's cell index) wins.
    """
    area = max(1, len(values) - count)
    last_label = max((i for i in range(min(area, len(values))) if values[i].kind is ValueKind.TEXT), default=-1)
    first = max(last_label, label_index) + 1
    available = len(values) - first
    if available < count:
        filled = sum(1 for v in values[first:] if not v.is_empty)
        return -1, f"{filled}/{count}"
    # A placement k fits when the cells from `first` to k and those after k + count are all
    # blank: k runs from past the blanks ending the row to the end of those after `first`.
    leading = 0
    while first + leading < len(values) and values[first + leading].kind is ValueKind.BLANK:
        leading += 1
    trailing = 0
    while trailing < available and values[len(values) - 1 - trailing].kind is ValueKind.BLANK:
        trailing += 1
    lowest, highest = max(first, len(values) - count - trailing), min(first + leading, len(values) - count)
    if lowest > highest:
        return -1, "many"
    return (start if start is not None and lowest <= start <= highest else lowest), None


def row_problem(row: Row, key: str, label: str, shape: str, *, spaced: bool = False) -> Problem:
    numbers = "number" if shape.startswith("1/") else "numbers"  # `1 number`, `2 numbers`
    if spaced:
        # Cells apart by spaces: a blank cell takes no place, so the numbers cannot be
        # put under their columns.
        filled, _, count = shape.partition("/")
        if count:
            zh = f"单元格以空格分隔，空白单元格不占位置：{filled}个数字对应{count}列，无法确定各数字所在的列"
            en = f"cells apart by spaces, where a blank cell takes no place: {filled} {numbers} for {count} columns"
        else:
            zh = "单元格以空格分隔，数字比列数多，无法确定各数字所在的列"
            en = "cells apart by spaces: more numbers than columns"
    elif shape == "many":
        zh, en = "数字比列数多，单元格可能错位", "more numbers than columns: cells are misplaced"
    else:
        filled, count = shape.split("/")
        zh = f"只有{filled}个数字对应{count}列（行不完整，或数字连在了一起）"
        en = f"{filled} {numbers} for {count} columns (the row is cut short or its numbers ran together)"
    return Problem(row.span, Text(zh=f"“{label}”行{zh}", en=f"row “{label}”: {en}"), (key,))


def _run_together(row: Row, key: str, label: str, cells: Sequence[tuple[Cell, Value, LabelSpec]]) -> Problem | None:
    """A row whose digits were not split into cells (`0124`, or one long number alone)."""
    filled = [(cell, value, spec) for cell, value, spec in cells if not value.is_empty]
    suspect = next((v for _, v, _ in filled if v.leading_zero), None)
    if suspect is None and len(cells) > 1 and len(filled) == 1 and filled[0][0] is cells[0][0]:
        value, spec = filled[0][1], filled[0][2]
        invalid = value.kind is ValueKind.TEXT or (spec.kind == "count" and not value.is_count)
        if invalid or len(value.digits) > _RUN_TOGETHER_DIGITS:
            suspect = value
    if suspect is None:
        return None
    return Problem(
        row.span,
        Text(
            zh=f"“{label}”行的“{suspect.raw.strip()}”像是几个数字连在了一起",
            en=f"row “{label}”: “{suspect.raw.strip()}” looks like several numbers run together",
        ),
        (key,),
    )


def lead(cell: Cell) -> int:
    """How many spaces open the cell's text."""
    return len(cell.text) - len(cell.text.lstrip())


def cell_span(cell: Cell) -> Span:
    """The span of the text inside a cell (without surrounding spaces)."""
    stripped = cell.text.strip()
    if len(stripped) == len(cell.text) == cell.span.end - cell.span.start:
        return cell.span  # nothing to strip (most cells): no new span to build
    return cell.span.sub(lead(cell), len(stripped))


def read_row(
    builder: Builder,
    row: Row,
    key: str,
    label: Label,
    columns: Sequence[tuple[int, LabelSpec]],
    prefix: str,
) -> None:
    """Read the values of a recognised row under ``columns`` (cell index, column spec)."""
    if key in builder.rows:
        return
    values: Sequence[Value] = builder.layout.values(row)
    label_index = next((i for i, c in enumerate(row.cells) if c.span.start == label.span.start - lead(c)), -1)
    spaced = builder.spaced(row)
    if spaced and all(v.kind is ValueKind.TEXT for v in values):
        # A row of a space-separated table written as its label alone: its cells are
        # blank, as the TAB row `label<TAB><TAB>…` is (blank-cell's business).
        end = row.cells[-1].span.sub(len(row.cells[-1].text), 0)
        row = Row(span=row.span, cells=(*row.cells, *(Cell(span=end, text="") for _ in columns)))
        values = row_values(row)
    start, shape = window(row, values, len(columns), columns[0][0] if columns else None, label_index)
    if shape is not None:
        builder.problems.append(row_problem(row, key, label.text, shape, spaced=spaced))
        return
    placed = [(row.cells[start + i], values[start + i], spec) for i, (_, spec) in enumerate(columns)]
    problem = _run_together(row, key, label.text, placed)
    if problem is not None:
        builder.problems.append(problem)
    cells = {
        spec.key: TableCell(
            key=f"{prefix}.{key}.{spec.key}", row=key, column=spec.key, value=value, span=cell_span(cell), spec=spec
        )
        for cell, value, spec in placed
    }
    builder.rows[key] = TableRow(key=key, label=label, line=row.span, cells=cells)


def match_label(specs: Iterable[LabelSpec], cell: Cell, prefix: str) -> Label | None:
    """The label ``cell`` is, as the first item of ``specs`` it names (keyed ``<prefix>.<item>``)."""
    found = best_match(specs, cell.text)
    if not found:
        return None
    spec, standard = found[0]
    return Label(f"{prefix}.{spec.key}", cell.text.strip(), cell_span(cell), standard, spec)
