"""This year's 上年结转 is not last year's 结转下年度继续办理.

本年的“上年结转”不等于上年报告的“结转下年度继续办理”。

## What it does
Compares, column by column, row 二、上年结转政府信息公开申请数量 of this year's table 三 with
row 四、结转下年度继续办理 of last year's report of the same body (the 2019 and the 2021
table alike, and across them). The finding stands on this year's cell and names last
year's value, cell and file. A 总计 (or 法人 小计) column that differs only because its
parts do is not reported again. Runs only when the report is paired with last year's
(see pairing in the README); a cell holding text is skipped.

## Why is this bad?
The applications carried over into this year are, by definition, those last year's
report said it carried forward. When the two differ, one of the reports is wrong, or a
correction was made after publication without being explained; a reviewer should see
both numbers. It is a warning, not an error, because such corrections do happen.

## Example
```text
（2023年报告）四、结转下年度继续办理			1	0	0	0	0	0	1
（2024年报告）二、上年结转政府信息公开申请数量			0	0	0	0	0	0	0
```

Use instead:
```text
（2024年报告）二、上年结转政府信息公开申请数量			1	0	0	0	0	0	1
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 三 rows 二 and 四
- 国办公开办函〔2019〕60号 (the same rows in the 2019 format)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gklint.api import (
    Finding,
    Report,
    Rule,
    RuleContext,
    Severity,
    StatTable,
    TableCell,
    Text,
    ValueKind,
    format_number,
)

THIS_ROW, LAST_ROW = "carried_over", "carried_forward"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per column whose 上年结转 differs from last year's 结转下年度."""
    if ctx.previous is None:
        return
    this, last = report.table3, ctx.previous.report.table3
    if this is None or last is None or not this.is_readable(THIS_ROW) or not last.is_readable(LAST_ROW):
        return
    pairs = {}
    for column, cell in this[THIS_ROW].cells.items():
        other = last[LAST_ROW].get(column)
        if other is not None and ValueKind.TEXT not in (cell.value.kind, other.value.kind):
            pairs[column] = (cell, other)
    differ = {column for column, (cell, other) in pairs.items() if cell.number != other.number}
    for column in sorted(differ, key=lambda c: pairs[c][0].span):
        cell, other = pairs[column]
        if _follows_from_parts(this, column, differ, pairs):
            continue
        name = cell.spec.label
        yield RULE.finding(
            cell.span,
            Text(
                zh=f"上年结转·{name} 为 {format_number(cell.number)}，"
                f"而上年报告（{ctx.previous.path}）的结转下年度继续办理·{name} 为 {format_number(other.number)}",
                en=f"carried over from last year, column {cell.spec.english}, is {format_number(cell.number)}, but last "
                f"year's report ({ctx.previous.path}) carried forward {format_number(other.number)}",
            ),
            help=Text(
                zh="核对两年的表三；如上年数据发布后有更正，在报告中说明",
                en="check table 三 of both years; if last year's figure was corrected after publication, say so",
            ),
            expected=format_number(other.number),
            related=ctx.previous.place(other.span),
        )


def _follows_from_parts(
    table: StatTable, column: str, differ: set[str], pairs: dict[str, tuple[TableCell, TableCell]]
) -> bool:
    """Whether a total column differs only by its parts' differences (reported on the parts)."""
    spec = pairs[column][0].spec
    if column == table.grid.total_column:
        parts = [c for c, (cell, _) in pairs.items() if cell.spec.applicant]
    elif spec.subtotal:
        parts = [c for c, (cell, _) in pairs.items() if cell.spec.legal]
    else:
        return False
    if not differ.intersection(parts):
        return False
    delta = sum((pairs[c][0].number - pairs[c][1].number for c in parts), Decimal(0))
    cell, other = pairs[column]
    return cell.number - other.number == delta


RULE = Rule(code="XY001", name="carry-over-mismatch", severity=Severity.WARNING, check=check, doc=__doc__)
