"""A table cell holds something other than the number the template requires.

表格单元格填写的不是格式要求的数字。

## What it does
Checks every value cell of tables 二, 三 and 四: counts must be non-negative integers with
no sign (`+3`, `-1`, `2.5` and words are not counts); the 2019 format's 本年增/减 column may
carry a sign but no decimals; amounts must be non-negative numbers. Blank cells and
placeholders such as `/` or `无` are `blank-cell`'s business; thousands separators,
full-width digits and a unit after the number are accepted. Rows that cannot be read at all
are reported by `table-unreadable` instead.

## Why is this bad?
The tables are statistics: a count of applications or decisions is a whole number of
cases. Anything else cannot be added up, so the 勾稽关系 cannot be checked, and aggregators
that collect the tables cannot use the value.

## Example
```text
行政许可	约150
```

Use instead:
```text
行政许可	150
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, tables 二–四
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, TableCell, Text, ValueKind
from gklint_rules.tables._helpers import present

KINDS = {
    "count": ("非负整数", "a non-negative integer"),
    "signed": ("整数", "an integer"),
    "amount": ("非负数", "a non-negative number"),
}


def _valid(cell: TableCell) -> bool:
    value = cell.value
    if value.kind is not ValueKind.NUMBER:
        return value.is_empty
    if cell.spec.kind == "signed":
        return not value.decimals
    if cell.spec.kind == "amount":
        return value.sign != "-"
    return value.is_count


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per cell whose content is not the number its column requires."""
    for table in present(report):
        for cell in table.cells():
            if _valid(cell) or not table.is_readable(cell.row):
                continue
            zh, en = KINDS.get(cell.spec.kind, KINDS["count"])
            yield RULE.finding(
                cell.span,
                Text(
                    zh=f"{table.title} {table[cell.row].label.spec.label}·{cell.spec.label} 应为{zh}，实为“{cell.value.raw.strip()}”",
                    en=f"{table.title_en} {table.english(cell.row)} / {cell.spec.english} should be {en}, is “{cell.value.raw.strip()}”",
                ),
                help=Text(zh="只填写数字", en="write the number only"),
            )


RULE = Rule(code="TB005", name="invalid-count", severity=Severity.ERROR, check=check, doc=__doc__)
