"""The report year cannot be determined, so the checks that need it were not made.

无法确定报告年度，需要年度的检查未进行。

## What it does
Reports a report for which neither `--year` nor `year =` in the configuration gives a
year, the title names none, and the body gives no year to infer it from (see
`report-year-inferred`). The checks that depend on the year — the 统计期限
(`wrong-statistics-period`), an earlier year pasted in (`stray-year`), the template in
force (`outdated-template`), deadlines of rule packs — are then not made, and this
finding says so instead of letting them switch off silently.

## Why is this bad?
A report must say which year it covers (条例 第四十九条: 每年1月31日前公布本行政机关的
上一年度政府信息公开工作年度报告); a reader, and gklint, cannot check a period or a
template without it.

## Example
```text
政府信息公开工作年度报告
一、总体情况
```

Use instead:
```text
某某局2023年政府信息公开工作年度报告
一、总体情况
```

## References
- 《中华人民共和国政府信息公开条例》第四十九条、第五十条
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding when no year was found anywhere."""
    if report.year is not None:
        return
    yield RULE.finding(
        report.anchor,
        Text(
            zh="无法确定报告年度（标题、统计期限、正文和落款日期均未写明），依赖年度的检查未执行",
            en="the report year cannot be determined (not in the title, the statistics period, the body or the "
            "signature date); the checks that need it were not made",
        ),
        help=Text(
            zh="用 --year 2023 或在配置文件中写 year = 2023 指定报告年度，或在标题中写明年度",
            en="give the year with --year 2023 or `year = 2023` in the configuration, or put it in the title",
        ),
    )


RULE = Rule(code="ST006", name="report-year-unknown", severity=Severity.WARNING, check=check, doc=__doc__)
