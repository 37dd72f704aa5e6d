"""A table is present but its numbers cannot be read, so its checks were not made.

表格存在但其中的数字无法读取，相关检查未进行。

## What it does
Reports the parts of tables 二, 三 and 四 that gklint found but could not read: a row with
fewer numbers than columns or digits run together in one cell (`000000` for six cells), a
header whose columns cannot be identified, a table 四 with no line of numbers, a row of
cells apart by spaces that leaves a cell blank among its numbers (without TABs a blank
cell takes no place, so its numbers cannot be put under their columns). When most rows
of a table cannot be read, that is said once for the table. The
arithmetic rules (`application-balance-mismatch`, `results-total-mismatch`,
`row-total-mismatch`, `review-litigation-total-mismatch`) skip what is reported here
instead of reporting a mismatch that may not exist. The row a truncated file stops in is
left to `report-truncated`.

## Why is this bad?
A table that cannot be read cannot be checked or aggregated. It usually comes from a
conversion (PDF to text, a table pasted without cell borders) that ran the numbers
together; the published figures may be right, but nobody can tell.

## Example
```text
四、结转下年度继续办理			000000
```

Use instead:
```text
四、结转下年度继续办理			0	0	0	0	0	0	0
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, tables 二–四
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.tables._helpers import present


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per unreadable part of a table."""
    for table in present(report):
        for problem in table.problems:
            if problem.span == report.truncated_at:
                continue  # the row the file stops in: report-truncated says so
            yield RULE.finding(
                problem.span,
                Text(
                    zh=f"{table.title}无法完整读取：{problem.reason.zh}；涉及的勾稽关系未检查",
                    en=f"{table.title_en} cannot be fully read: {problem.reason.en}; the checks involving it were skipped",
                ),
                help=Text(
                    zh="把每个数字放在自己的单元格里，表格以文字而非图片发布",
                    en="put each number in its own cell and publish the table as text, not as a picture",
                ),
            )


RULE = Rule(code="TB009", name="table-unreadable", severity=Severity.WARNING, check=check, doc=__doc__)
