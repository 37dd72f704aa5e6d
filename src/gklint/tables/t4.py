"""Table 四 (行政复议、行政诉讼): the groups and their result columns in the header, one row of numbers."""

from __future__ import annotations

from collections.abc import Sequence

from gklint.ast import Block, Paragraph, Row, Table
from gklint.findings import Text
from gklint.tables.model import Label, Problem, StatTable, TableCell, TableRow
from gklint.tables.rows import Builder, Layout, cell_span, match_label, row_problem, window
from gklint.tables.spec import LabelSpec, TemplateSpec
from gklint.tables.values import ValueKind


def bound(template: TemplateSpec) -> int:
    """The highest score `read` can give: each result column under each group, and the groups."""
    return len(template.t4.groups) * len(template.t4.columns) + 1


def read(layout: Layout, template: TemplateSpec) -> tuple[int, StatTable | None]:
    """Table 四 as ``template`` reads it, and how well it fits: its columns found, and one for the groups."""
    grid = template.t4
    builder = Builder("t4", template, layout)
    leaves: list[tuple[int, Label]] = []
    groups: list[tuple[int, Label]] = []
    data: list[Row] = []
    for table in layout.tables:
        table_leaves, table_groups, table_data = [], [], []
        for row in table.rows:
            values = layout.values(row)
            texts = [(i, c) for i, (c, v) in enumerate(zip(row.cells, values, strict=True)) if v.kind is ValueKind.TEXT]
            if not texts:
                if any(not v.is_empty for v in values):
                    table_data.append(row)
                continue
            for index, cell in texts:
                group = match_label(grid.groups, cell, "t4")
                leaf = match_label(grid.columns, cell, "t4") if group is None else None
                if group is not None:
                    table_groups.append((index, group))
                elif leaf is not None:
                    table_leaves.append((index, leaf))
        # 表四 is the table whose header names 行政复议 and the result columns.
        if not (table_groups and table_leaves) and not (len(table_leaves) >= len(grid.columns) and not groups):
            continue
        builder.fragments.append(table)
        leaves.extend(table_leaves)
        groups.extend(table_groups)
        data.extend(table_data)
    if not builder.fragments:
        return 0, None
    builder.groups.extend(label for _, label in groups)
    columns: list[tuple[int, LabelSpec, Label]] = []
    if all(t.spaced for t in builder.fragments):
        # Merged header cells are not written in a table of space-separated cells: the
        # result columns belong to the groups in reading order, as many to each as the
        # format has, or to none when they do not divide evenly.
        owners = list({label.spec.key: label for _, label in groups}.values())
        width = len(grid.columns)
        if len(leaves) == width * len(owners):
            for index, (_, leaf) in enumerate(leaves):
                owner = owners[index // width]
                key = f"{owner.spec.key}.{leaf.spec.key}"
                if key in builder.headers:
                    columns = []
                    break
                builder.headers[key] = Label(f"t4.{key}", leaf.text, leaf.span, leaf.standard, leaf.spec)
                columns.append((index, leaf.spec, owner))
        if not columns:
            builder.headers.clear()
    for index, leaf in leaves if not any(t.spaced for t in builder.fragments) else []:
        nearest = max((g for g in groups if g[0] <= index), key=lambda g: g[0], default=None)
        if nearest is None:
            continue
        key = f"{nearest[1].spec.key}.{leaf.spec.key}"
        if key not in builder.headers:
            builder.headers[key] = Label(f"t4.{key}", leaf.text, leaf.span, leaf.standard, leaf.spec)
            columns.append((index, leaf.spec, nearest[1]))
    columns.sort(key=lambda c: c[0])
    first = builder.fragments[0]
    if not columns:
        builder.problems.append(
            Problem(
                first.span,
                Text(zh="表头中找不到行政复议、行政诉讼的分组", en="the header names no 行政复议/行政诉讼 groups"),
            )
        )
    elif not data:
        after = _following_paragraph(layout.blocks, builder.fragments[-1])
        digits = after is not None and after.text.strip().isdigit()
        builder.problems.append(
            Problem(
                after.span if digits and after is not None else first.span,
                Text(
                    zh="没有数字行" + ("：表后一行的数字连在了一起，未分到各单元格" if digits else ""),
                    en="no row of numbers" + (": the line after it holds the digits run together" if digits else ""),
                ),
            )
        )
    else:
        _read_t4_row(builder, data[0], columns)
    score = len(columns) + (1 if groups else 0)
    return score, builder.build()


def _read_t4_row(builder: Builder, row: Row, columns: Sequence[tuple[int, LabelSpec, Label]]) -> None:
    values = builder.layout.values(row)
    start, shape = window(row, values, len(columns), columns[0][0])
    group_keys = tuple(dict.fromkeys(owner.spec.key for _, _, owner in columns))
    if shape is not None:
        problem = row_problem(row, "*", "表四", shape, spaced=builder.spaced(row))
        builder.problems.append(Problem(problem.span, problem.reason, group_keys))
        return
    placed = [(row.cells[start + i], values[start + i], spec) for i, (_, spec, _) in enumerate(columns)]
    leading = next((v for _, v, _ in placed if v.leading_zero), None)
    if leading is not None:
        builder.problems.append(
            Problem(
                row.span,
                Text(
                    zh=f"“{leading.raw.strip()}”像是几个数字连在了一起",
                    en=f"“{leading.raw.strip()}” looks like several numbers run together",
                ),
                group_keys,
            )
        )
    for group in group_keys:
        owner = next(o for _, _, o in columns if o.spec.key == group)
        cells = {
            spec.key: TableCell(
                key=f"t4.{group}.{spec.key}", row=group, column=spec.key, value=value, span=cell_span(cell), spec=spec
            )
            for (cell, value, spec), (_, _, o) in zip(placed, columns, strict=True)
            if o.spec.key == group
        }
        builder.rows[group] = TableRow(key=group, label=owner, line=row.span, cells=cells)


def _following_paragraph(blocks: Sequence[Block], table: Table) -> Paragraph | None:
    index = next((i for i, b in enumerate(blocks) if b is table), -1)
    after = blocks[index + 1] if 0 <= index < len(blocks) - 1 else None
    return after if isinstance(after, Paragraph) else None
