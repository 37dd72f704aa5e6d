"""Table 三 (依申请公开): rows named by their labels under the group they follow, columns by the header."""

from __future__ import annotations

from collections.abc import Sequence

from gklint.ast import Cell, Row
from gklint.findings import Text
from gklint.tables.model import Label, Problem, StatTable
from gklint.tables.rows import Builder, Layout, cell_span, match_label, read_row
from gklint.tables.spec import GridSpec, LabelSpec, TemplateSpec, best_match, fold


def bound(template: TemplateSpec) -> int:
    """The highest score `read` can give: each row of the template found."""
    return len(template.t3.rows)


def _t3_row(grid: GridSpec, labels: Sequence[Cell], group: str | None) -> tuple[Label | None, str | None]:
    """The row a line's label cells name, and the group context they leave."""
    found = None
    for cell in labels:
        group_label = match_label(grid.groups, cell, "t3")
        if group_label is not None:
            group = group_label.spec.key
        candidates = [
            Label(f"t3.{spec.key}", cell.text.strip(), cell_span(cell), standard, spec)
            for spec, standard in best_match(grid.rows, cell.text)
        ]
        if candidates:
            found = next((c for c in candidates if c.spec.group == group), candidates[0])
            if found.spec.group is None and group_label is None:
                group = None
    return found, group


def read(layout: Layout, template: TemplateSpec) -> tuple[int, StatTable | None]:
    """Table 三 as ``template`` reads it, and how well it fits: the number of its rows found."""
    grid = template.t3
    builder = Builder("t3", template, layout)
    found: list[tuple[Row, Label]] = []
    headers: list[Row] = []
    for table in layout.tables:
        rows, group = [], None
        for row in table.rows:
            label, group = _t3_row(grid, layout.labels(row), group)
            if label is not None:
                rows.append((row, label))
        if not rows:
            continue
        builder.fragments.append(table)
        first = rows[0][0]
        if not found:
            headers = list(table.rows[: table.rows.index(first)])
        found.extend(rows)
    if not found:
        return 0, None
    columns = _grid_columns(builder, grid, headers, "t3", spaced=builder.fragments[0].spaced)
    if not columns:
        span = headers[0].span if headers else builder.fragments[0].span
        builder.problems.append(
            Problem(
                span,
                Text(zh="表头中找不到申请人各列（自然人、商业企业……总计）", en="no applicant column headers found"),
            )
        )
    else:
        for row, label in found:
            read_row(builder, row, label.spec.key, label, columns, "t3")
    score = len({label.spec.key for _, label in found})
    return score, builder.build()


def _grid_columns(
    builder: Builder, grid: GridSpec, headers: Sequence[Row], prefix: str, *, spaced: bool = False
) -> list[tuple[int, LabelSpec]]:
    """Columns named in the header rows, in cell order (spanning labels skipped).

    In a table of space-separated cells a merged header cell is not written at all, so
    a cell's index says nothing across header rows: the columns found are taken in the
    format's order, and a row whose numbers do not fill them exactly is not read.
    """
    columns: dict[str, tuple[int, LabelSpec]] = {}
    for row in headers:
        for index, cell in enumerate(row.cells):
            folded = fold(cell.text)
            if not folded or any(s in folded for s in grid.spanning):
                continue
            label = match_label(grid.columns, cell, prefix)
            if label is not None and label.spec.key not in columns:
                columns[label.spec.key] = (index, label.spec)
                builder.headers[label.spec.key] = label
    if spaced:
        order = [c.key for c in grid.columns]
        return sorted(columns.values(), key=lambda c: order.index(c[1].key))
    return sorted(columns.values(), key=lambda c: c[0])
