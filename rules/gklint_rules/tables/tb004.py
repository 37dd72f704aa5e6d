"""Table 四: a 总计 is not 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

表四某项总计不等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。

## What it does
For each of the three groups of table 四 (行政复议, 行政诉讼·未经复议直接起诉,
行政诉讼·复议后起诉), checks that 总计 equals the sum of 结果维持, 结果纠正, 其他结果 and
尚未审结. The finding sits on the group's 总计 cell and gives the sum.

## Why is this bad?
Every case is either decided (维持, 纠正, 其他) or still pending, so the four columns must add
up to the total; otherwise cases are missing or counted twice.

## Example
```text
1	2	3	4	99	…
```

Use instead:
```text
1	2	3	4	10	…
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 四
- 《中华人民共和国政府信息公开条例》第五十条(三)
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.tables._helpers import check_sum, n, tables_required


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per group of table 四 whose total is not the sum of its results."""
    table = report.table4
    if table is None or not tables_required(report):
        return
    total_key = table.grid.total_column
    parts = [c.key for c in table.grid.columns if c.key != total_key]
    for row in table.rows.values():
        total = row.get(total_key)
        mismatch = check_sum(table, total, [row.get(k) for k in parts])
        if mismatch is None or total is None:
            continue
        yield RULE.finding(
            total.span,
            Text(
                zh=f"{row.label.spec.label}·总计 应为 {n(mismatch.expected)}（维持 + 纠正 + 其他 + 尚未审结），"
                f"实为 {n(total.number)}",
                en=f"{row.label.spec.english} / total should be {n(mismatch.expected)} (upheld + corrected + other + pending), "
                f"is {n(total.number)}",
            ),
            help=Text(zh="核对表四该组各列与总计", en="check the group's columns against its total"),
            expected=n(mismatch.expected),
        )


RULE = Rule(code="TB004", name="review-litigation-total-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
