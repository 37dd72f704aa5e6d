"""Find tables 二, 三 and 四 in the AST and map their rows and columns to canonical keys.

Matching is by label, never by position alone: a row is identified by its label cells
(one to three, merged cells written once), a column by its header label, and the value
cells of a row are the run after its labels that lines up with the recognised columns
(leading and trailing empty cells left by merged cells are skipped). What cannot be read
is recorded as a `Problem`, so the arithmetic rules skip it instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from gklint.ast import Block, Cell, Document, Paragraph, Row, Span, Table
from gklint.findings import Text
from gklint.tables.model import Label, Problem, StatTable, TableCell, TableRow, Tables
from gklint.tables.spec import BlockSpec, GridSpec, LabelSpec, TemplateSpec, best_match, fold, templates
from gklint.tables.values import Value, ValueKind, parse_value

_ARTICLE_ITEM = re.compile(r"第二十条第\(([一二三四五六七八九十]{1,3})\)项")
_TEMPLATE_ITEM = re.compile(r"第二十条第[（(]([一二三四五六七八九十]{1,3})[)）]项")
_DECIMALS = re.compile(r"保留(\d+)位小数")
_INFO_HEADER = "信息内容"
# A count above this, alone in a row that should hold several numbers, is digits run together.
_RUN_TOGETHER_DIGITS = 6


def recognize(document: Document, preferred: str | None = None) -> Tables:
    """The statistical tables of a document, each read with the template that fits it best.

    ``preferred`` (the report's template) breaks ties between templates.
    """
    tables = tuple(document.iter(Table))
    if not tables:
        return Tables(None, None, None)
    blocks = _block_order(document)
    found = {}
    for name, read in (("t2", _read_t2), ("t3", _read_t3), ("t4", _read_t4)):
        results = [read(tables, spec, blocks) for spec in templates().values()]
        scored = [(score, spec.name == preferred, spec.name, table) for score, spec, table in results if table]
        found[name] = max(scored, key=lambda s: s[:3])[3] if scored else None
    return Tables(found["t2"], found["t3"], found["t4"])


# ---------------------------------------------------------------------------- rows and values


@dataclass(slots=True)
class _Builder:
    """Collects what one table yields while its rows are read."""

    name: str
    template: TemplateSpec
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


def _values(row: Row) -> list[Value]:
    return [parse_value(cell.text) for cell in row.cells]


def _label_cells(row: Row, values: Sequence[Value]) -> list[Cell]:
    """The text cells before the first number or placeholder: the row's label(s)."""
    labels = []
    for cell, value in zip(row.cells, values, strict=True):
        if value.kind in (ValueKind.NUMBER, ValueKind.PLACEHOLDER):
            break
        if value.kind is ValueKind.TEXT:
            labels.append(cell)
    return labels


def _window(
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
    fits = [
        k
        for k in range(first, len(values) - count + 1)
        if all(values[j].kind is ValueKind.BLANK for j in (*range(first, k), *range(k + count, len(values))))
    ]
    if not fits:
        return -1, "many"
    return (start if start in fits else fits[0]), None


def _row_problem(row: Row, key: str, label: str, shape: str, *, spaced: bool = False) -> Problem:
    if spaced:
        # Cells apart by spaces: a blank cell takes no place, so the numbers cannot be
        # put under their columns.
        filled, _, count = shape.partition("/")
        if count:
            zh = f"单元格以空格分隔，空白单元格不占位置：{filled}个数字对应{count}列，无法确定各数字所在的列"
            en = f"cells apart by spaces, where a blank cell takes no place: {filled} number(s) for {count} columns"
        else:
            zh = "单元格以空格分隔，数字比列数多，无法确定各数字所在的列"
            en = "cells apart by spaces: more numbers than columns"
    elif shape == "many":
        zh, en = "数字比列数多，单元格可能错位", "more numbers than columns: cells are misplaced"
    else:
        filled, count = shape.split("/")
        zh = f"只有{filled}个数字对应{count}列（行不完整，或数字连在了一起）"
        en = f"{filled} number(s) for {count} columns (the row is cut short or its numbers ran together)"
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


def _lead(cell: Cell) -> int:
    return len(cell.text) - len(cell.text.lstrip())


def _cell_span(cell: Cell) -> Span:
    """The span of the text inside a cell (without surrounding spaces)."""
    return cell.span.sub(_lead(cell), len(cell.text.strip()))


def _read_row(
    builder: _Builder,
    row: Row,
    key: str,
    label: Label,
    columns: Sequence[tuple[int, LabelSpec]],
    prefix: str,
) -> None:
    """Read the values of a recognised row under ``columns`` (cell index, column spec)."""
    if key in builder.rows:
        return
    values = _values(row)
    label_index = next((i for i, c in enumerate(row.cells) if c.span.start == label.span.start - _lead(c)), -1)
    spaced = builder.spaced(row)
    if spaced and all(v.kind is ValueKind.TEXT for v in values):
        # A row of a space-separated table written as its label alone: its cells are
        # blank, as the TAB row `label<TAB><TAB>…` is (blank-cell's business).
        end = row.cells[-1].span.sub(len(row.cells[-1].text), 0)
        row = Row(span=row.span, cells=(*row.cells, *(Cell(span=end, text="") for _ in columns)))
        values = _values(row)
    start, shape = _window(row, values, len(columns), columns[0][0] if columns else None, label_index)
    if shape is not None:
        builder.problems.append(_row_problem(row, key, label.text, shape, spaced=spaced))
        return
    placed = [(row.cells[start + i], values[start + i], spec) for i, (_, spec) in enumerate(columns)]
    problem = _run_together(row, key, label.text, placed)
    if problem is not None:
        builder.problems.append(problem)
    cells = {
        spec.key: TableCell(
            key=f"{prefix}.{key}.{spec.key}", row=key, column=spec.key, value=value, span=_cell_span(cell), spec=spec
        )
        for cell, value, spec in placed
    }
    builder.rows[key] = TableRow(key=key, label=label, line=row.span, cells=cells)


def _match(specs: Iterable[LabelSpec], cell: Cell, prefix: str) -> Label | None:
    found = best_match(specs, cell.text)
    if not found:
        return None
    spec, standard = found[0]
    return Label(f"{prefix}.{spec.key}", cell.text.strip(), _cell_span(cell), standard, spec)


def _block_order(document: Document) -> list[Block]:
    blocks: list[Block] = list(document.preamble)
    for section in document.sections:
        blocks.extend(section.blocks)
    return blocks


def _following_paragraph(blocks: Sequence[Block], table: Table) -> Paragraph | None:
    index = next((i for i, b in enumerate(blocks) if b is table), -1)
    after = blocks[index + 1] if 0 <= index < len(blocks) - 1 else None
    return after if isinstance(after, Paragraph) else None


# ---------------------------------------------------------------------------- table 三


def _t3_row(grid: GridSpec, labels: Sequence[Cell], group: str | None) -> tuple[Label | None, str | None]:
    """The row a line's label cells name, and the group context they leave."""
    found = None
    for cell in labels:
        group_label = _match(grid.groups, cell, "t3")
        if group_label is not None:
            group = group_label.spec.key
        candidates = [
            Label(f"t3.{spec.key}", cell.text.strip(), _cell_span(cell), standard, spec)
            for spec, standard in best_match(grid.rows, cell.text)
        ]
        if candidates:
            found = next((c for c in candidates if c.spec.group == group), candidates[0])
            if found.spec.group is None and group_label is None:
                group = None
    return found, group


def _read_t3(
    tables: Sequence[Table], template: TemplateSpec, blocks: Sequence[Block]
) -> tuple[int, TemplateSpec, StatTable | None]:
    grid = template.t3
    builder = _Builder("t3", template)
    found: list[tuple[Row, Label]] = []
    headers: list[Row] = []
    for table in tables:
        rows, group = [], None
        for row in table.rows:
            values = _values(row)
            label, group = _t3_row(grid, _label_cells(row, values), group)
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
        return 0, template, None
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
            _read_row(builder, row, label.spec.key, label, columns, "t3")
    score = len({label.spec.key for _, label in found})
    return score, template, builder.build()


def _grid_columns(
    builder: _Builder, grid: GridSpec, headers: Sequence[Row], prefix: str, *, spaced: bool = False
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
            label = _match(grid.columns, cell, prefix)
            if label is not None and label.spec.key not in columns:
                columns[label.spec.key] = (index, label.spec)
                builder.headers[label.spec.key] = label
    if spaced:
        order = [c.key for c in grid.columns]
        return sorted(columns.values(), key=lambda c: order.index(c[1].key))
    return sorted(columns.values(), key=lambda c: c[0])


# ---------------------------------------------------------------------------- table 四


def _read_t4(
    tables: Sequence[Table], template: TemplateSpec, blocks: Sequence[Block]
) -> tuple[int, TemplateSpec, StatTable | None]:
    grid = template.t4
    builder = _Builder("t4", template)
    leaves: list[tuple[int, Label]] = []
    groups: list[tuple[int, Label]] = []
    data: list[Row] = []
    for table in tables:
        table_leaves, table_groups, table_data = [], [], []
        for row in table.rows:
            values = _values(row)
            texts = [(i, c) for i, (c, v) in enumerate(zip(row.cells, values, strict=True)) if v.kind is ValueKind.TEXT]
            if not texts:
                if any(not v.is_empty for v in values):
                    table_data.append(row)
                continue
            for index, cell in texts:
                group = _match(grid.groups, cell, "t4")
                leaf = _match(grid.columns, cell, "t4") if group is None else None
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
        return 0, template, None
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
        owner = max((g for g in groups if g[0] <= index), key=lambda g: g[0], default=None)
        if owner is None:
            continue
        key = f"{owner[1].spec.key}.{leaf.spec.key}"
        if key not in builder.headers:
            builder.headers[key] = Label(f"t4.{key}", leaf.text, leaf.span, leaf.standard, leaf.spec)
            columns.append((index, leaf.spec, owner[1]))
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
        after = _following_paragraph(blocks, builder.fragments[-1])
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
    return score, template, builder.build()


def _read_t4_row(builder: _Builder, row: Row, columns: Sequence[tuple[int, LabelSpec, Label]]) -> None:
    values = _values(row)
    start, shape = _window(row, values, len(columns), columns[0][0])
    group_keys = tuple(dict.fromkeys(owner.spec.key for _, _, owner in columns))
    if shape is not None:
        problem = _row_problem(row, "*", "表四", shape, spaced=builder.spaced(row))
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
                key=f"t4.{group}.{spec.key}", row=group, column=spec.key, value=value, span=_cell_span(cell), spec=spec
            )
            for (cell, value, spec), (_, _, o) in zip(placed, columns, strict=True)
            if o.spec.key == group
        }
        builder.rows[group] = TableRow(key=group, label=owner, line=row.span, cells=cells)


# ---------------------------------------------------------------------------- table 二


def _t2_block(template: TemplateSpec, cell: Cell) -> BlockSpec | None:
    match = _ARTICLE_ITEM.search(fold(cell.text))
    if match is None:
        return None
    return next((b for b in template.t2 if _block_item(b) == match.group(1)), None)


def _block_item(block: BlockSpec) -> str:
    match = _TEMPLATE_ITEM.search(block.title)
    return match.group(1) if match else ""


def _read_t2(
    tables: Sequence[Table], template: TemplateSpec, blocks: Sequence[Block]
) -> tuple[int, TemplateSpec, StatTable | None]:
    builder = _Builder("t2", template)
    found: list[tuple[Row, BlockSpec, Label, Row | None]] = []
    for table in tables:
        header: Row | None = None
        block: BlockSpec | None = None
        rows = []
        for row in table.rows:
            labels = _label_cells(row, _values(row))
            if not labels:
                continue
            titled = _t2_block(template, labels[0])
            if titled is not None:
                block, header = titled, None
                continue
            if fold(labels[0].text) == _INFO_HEADER:
                header = row
                continue
            for candidate in ([block] if block else []) + [b for b in template.t2 if b is not block]:
                label = _match(candidate.rows, labels[-1], "t2")
                if label is not None:
                    rows.append((row, candidate, label, header))
                    break
        if rows:
            builder.fragments.append(table)
            found.extend(rows)
    if not found:
        return 0, template, None
    score = 0
    for row, block, label, header in found:
        columns = []
        if header is not None:
            for index, cell in enumerate(header.cells[1:], start=1):
                column = _match(block.columns, cell, "t2")
                if column is None:
                    continue
                columns.append((index, column.spec))
                key = f"{block.key}.{column.spec.key}"
                builder.headers.setdefault(key, column)
                decimals = _DECIMALS.search(fold(cell.text))
                if decimals:
                    builder.decimals[key] = int(decimals.group(1))
        if not columns:
            builder.problems.append(
                Problem(
                    row.span,
                    Text(
                        zh=f"“{label.text}”行上方没有可识别的表头", en=f"row “{label.text}” has no recognisable header"
                    ),
                    (label.spec.key,),
                )
            )
            continue
        score += len(columns) + (1 if label.standard else 0)
        _read_row(builder, row, label.spec.key, label, columns, "t2")
    return score, template, builder.build()
