"""Section 五's plans are dated with the report year (or earlier) instead of the next year.

第五部分的改进计划标注为报告年度（或更早），而非下一年度。

## What it does
In section 五 (存在的主要问题及改进情况), flags a year no later than the report year that
opens a plan: `2021年，我局将…`, `2021年工作计划` in a 2021 report. The report is written
after the year it covers, so the improvements it announces are for the next year. Years
that describe this year's work (`2021年，我局…取得了新进展`) are left alone.

## Why is this bad?
A plan dated with the year that has already ended is either last year's section 五
pasted in (内容雷同) or a slip that tells the reader the promised work is already over; the
2021 format asks section 五 for the improvements the body will make.

## Example
```text
某局2021年度政府信息公开工作年度报告
五、存在的主要问题及改进情况
（二）改进措施。2021年，我局将进一步完善信息发布审核机制。
```

Use instead:
```text
（二）改进措施。2022年，我局将进一步完善信息发布审核机制。
```

## References
- 国办公开办函〔2021〕30号, section 五 “存在的主要问题及改进情况”
- Domain spec §4.6, year rules
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Clause, Finding, Paragraph, Report, Rule, RuleContext, Severity, SubHeading, Text, Year
from gklint_rules.prose._plans import is_plan


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each plan of section 五 dated no later than the report year."""
    section = report.section(5)
    if section is None or report.year is None:
        return
    following = report.year + 1
    for line in section.prose:
        if not isinstance(line, Paragraph | SubHeading) or line.prose is None:
            continue
        for clause in line.prose.iter(Clause):
            for item in clause.items:
                if isinstance(item, Year) and item.value <= report.year and is_plan(item, clause):
                    yield RULE.finding(
                        item.year,
                        Text(
                            zh=f"{report.year}年度报告的改进计划署为“{item.text}”，应为下一年度{following}年",
                            en=f"the plans of a {report.year} report are dated “{item.text}”: they are for {following}",
                        ),
                        help=Text(
                            zh=f"改为“{following}年”；若整段沿用上年文字，请按本年度情况重写",
                            en=f"write “{following}年”; if the paragraph is last year's, rewrite it for this year",
                        ),
                        expected=str(following),
                    )


RULE = Rule(code="PR003", name="plan-year", severity=Severity.WARNING, check=check, doc=__doc__)
