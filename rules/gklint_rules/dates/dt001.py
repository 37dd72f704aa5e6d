"""The statistics period names another year than the report year.

统计期限写的年份不是报告年度。

## What it does
Finds the sentence that states the period the figures cover (`本报告中所列数据的统计期限
自2021年1月1日起至2021年12月31日止`, `统计时限为…至…`) and checks that both dates fall in the
report year (from the title, or `--year`).

## Why is this bad?
The annual report covers one calendar year (条例 第四十九条: “上一年度”). A period naming
another year is either last year's sentence pasted in, or a report that counts the wrong
year; either way every table is in doubt.

## Example
```text
2021年政府信息公开工作年度报告
本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。
```

Use instead:
```text
本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。
```

## References
- 《中华人民共和国政府信息公开条例》第四十九条
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

_DATE = r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?"
PERIOD = re.compile(r"(?:统计|数据|期限|时限|期间).{0,24}?" + _DATE + r".{0,6}?(?:至|到|—|–|-|~|～)\s*" + _DATE)


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each year of a period sentence that is not the report year."""
    if report.year is None:
        return
    for line in report.prose:
        for match in PERIOD.finditer(line.text):
            for group in (1, 2):
                year = int(match.group(group))
                if year == report.year:
                    continue
                yield RULE.finding(
                    line.span.sub(match.start(group), 4),
                    Text(
                        zh=f"统计期限写的是{year}年，报告年度为{report.year}年",
                        en=f"the statistics period says {year}; the report year is {report.year}",
                    ),
                    help=Text(
                        zh=f"统计期限应为{report.year}年1月1日至{report.year}年12月31日",
                        en=f"the period should run from {report.year}-01-01 to {report.year}-12-31",
                    ),
                    expected=report.year,
                )


RULE = Rule(code="DT001", name="wrong-statistics-period", severity=Severity.ERROR, check=check, doc=__doc__)
