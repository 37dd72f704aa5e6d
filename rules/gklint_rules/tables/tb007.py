"""A statistical table (二, 三 or 四) is absent.

缺少统计表（表二、表三或表四）。

## What it does
Checks that a report in the 2019 or 2021 format contains table 二 (主动公开政府信息情况),
table 三 (收到和处理政府信息公开申请情况) and table 四 (政府信息公开行政复议、行政诉讼情况) as
text. The finding sits on the heading of the section that should hold the table. Reports
for years before 2019 used other statistics tables and are not checked; in a report that
stops part-way, the tables from its last section on are `report-truncated`'s business.

## Why is this bad?
The tables are the core of the format: 国办公开办函〔2021〕30号 fixes their rows and columns
so that reports can be compared and added up. A table published only as a picture cannot be
read, searched or checked.

## Example
```text
三、收到和处理政府信息公开申请情况
（见下图）
```

Use instead:
```text
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：…）	…	申请人情况	…
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
- 《中华人民共和国政府信息公开条例》第五十条
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.tables._helpers import tables_required

TABLES = (
    ("table2", 2, "表二", "主动公开政府信息情况"),
    ("table3", 3, "表三", "收到和处理政府信息公开申请情况"),
    ("table4", 4, "表四", "政府信息公开行政复议、行政诉讼情况"),
)


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per required table that is not in the report."""
    if not tables_required(report):
        return
    # A truncated report's tables from its last section on were cut away (report-truncated).
    cut = max(s.number for s in report.sections) if report.truncated_at is not None else None
    found = {"table2": report.table2, "table3": report.table3, "table4": report.table4}
    for attribute, number, title, subject in TABLES:
        if found[attribute] is not None or (cut is not None and number >= cut):
            continue
        section = report.section(number)
        span = section.heading.span if section is not None else report.end
        yield RULE.finding(
            span,
            Text(zh=f"缺少{title}（{subject}）", en=f"table {title[-1]} ({subject}) is missing"),
            help=Text(
                zh="按年报格式以文字表格发布该表；若表格以图片发布，请同时提供文字版",
                en="publish the table as text, as the format requires; if it was published as a picture, "
                "add a text version",
            ),
        )


RULE = Rule(code="TB007", name="missing-table", severity=Severity.ERROR, check=check, doc=__doc__)
