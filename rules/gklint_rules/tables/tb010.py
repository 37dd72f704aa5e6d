"""A cell where a number belongs is blank or holds a placeholder (`/`, `-`, `—`, `无`).

应填数字的单元格为空或填了占位符（/、-、—、无）。

## What it does
Reports blank and placeholder cells in tables 二, 三 and 四, one finding per row, on its
first such cell. For arithmetic they count as 0. When a total is left blank beside
non-zero parts (a row's 总计 in table 三, the （七）总计 of a column, a 总计 of table 四),
the finding is a warning on that cell and gives the sum it should hold.

## Why is this bad?
A blank cell does not say whether nothing happened or the figure is unknown. The format
expects numbers, 0 included; a blank total beside non-zero parts hides the figure readers
look for first.

## Example
```text
        （一）予以公开		258	12			1	1
```

Use instead:
```text
        （一）予以公开		258	12	0	0	1	1	272
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, tables 二–四
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from gklint.api import Finding, Report, Rule, RuleContext, Severity, StatTable, TableCell, Text
from gklint_rules.tables._helpers import n, present


def _parts(table: StatTable, cell: TableCell) -> list[TableCell | None]:
    """The cells a total adds up, empty if ``cell`` is not a total."""
    if table.name == "t3":
        grid = table.grid
        if cell.column == grid.total_column:
            return [table.get(cell.row, c.key) for c in grid.columns if c.applicant]
        if cell.row == grid.total_row:
            return [table.get(r.key, cell.column) for r in grid.rows if r.result]
    if table.name == "t4" and cell.column == table.grid.total_column:
        return [table.get(cell.row, c.key) for c in table.grid.columns if c.key != cell.column]
    return []


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a warning per blank total beside non-zero parts, and one info per row otherwise."""
    for table in present(report):
        for row in table.rows.values():
            if not table.is_readable(row.key):
                continue
            blank: list[TableCell] = []
            for cell in row.cells.values():
                if not cell.value.is_empty:
                    continue
                parts = [p for p in _parts(table, cell) if p is not None]
                total = sum((p.number for p in parts), Decimal(0))
                if parts and total:
                    written = f"为“{cell.value.raw.strip()}”" if cell.value.raw.strip() else "空白"
                    yield replace(
                        RULE.finding(
                            cell.span,
                            Text(
                                zh=f"{table.title} {row.label.spec.label}·{cell.spec.label} {written}，"
                                f"但各分项之和为 {n(total)}",
                                en=f"{table.title_en} {row.label.spec.english} / {cell.spec.english} is blank but its parts add up to "
                                f"{n(total)}",
                            ),
                            help=Text(zh=f"填写总计 {n(total)}", en=f"write the total {n(total)}"),
                            expected=n(total),
                        ),
                        severity=Severity.WARNING,
                    )
                else:
                    blank.append(cell)
            if blank:
                names = "、".join(c.spec.label for c in blank)
                yield RULE.finding(
                    blank[0].span,
                    Text(
                        zh=f"{table.title} {row.label.spec.label} 有{len(blank)}个单元格未填数字（{names}）",
                        en=f"{table.title_en} {row.label.spec.english}: {len(blank)} {'cells hold' if len(blank) > 1 else 'cell holds'} "
                        f"no number ({', '.join(c.spec.english for c in blank)})",
                    ),
                    help=Text(zh="没有发生的填 0", en="write 0 where nothing happened"),
                )


RULE = Rule(code="TB010", name="blank-cell", severity=Severity.INFO, check=check, doc=__doc__)
