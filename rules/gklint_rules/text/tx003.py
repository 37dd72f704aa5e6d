"""Section 五 says nothing about how last year's problems were rectified.

## What it does
Checks that section 五 (存在的主要问题及改进情况) refers to the previous year's problems
and their rectification: a sentence naming the previous year (`上年度`, `上一年度`,
`去年`, or the year itself) together with what was done about its problems (`整改`,
`落实`, `改进`, `解决`, `问题`). Improvement plans for next year alone do not count.

## Why is this bad?
Evaluators expect section 五 to close the loop on last year's report (上一年度问题的整改
情况); local guidance (固镇, 2024) tells units to analyse problems and state measures “逐条”
and not “敷衍应对”. A 五 that lists generic problems and plans only is the typical
perfunctory section.

## Example
```text
五、存在的主要问题及改进情况
（一）存在的主要问题。一是公开内容有待充实完善。
（二）整改措施。下一步，我局将……
```

Use instead:
```text
五、存在的主要问题及改进情况
（一）上年度问题整改情况。针对上年度报告提出的公开内容不够充实的问题，已于……完成整改。
（二）存在的主要问题和改进措施。……
```

## References
- 《中华人民共和国政府信息公开条例》第五十条第（四）项
- 固镇县 2023年度年报编制部署会（2024-01-10）
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

CLAUSE = re.compile(r"[^。；;\n]+")
LAST_YEAR = ("上年", "上一年", "去年", "前一年", "往年", "以往")
DEALT_WITH = ("整改", "落实", "改进", "解决", "问题")


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at section 五's heading when no clause links last year to a fix."""
    section = report.section(5)
    if section is None or report.template == "legacy":
        return
    previous = re.compile(rf"{report.year - 1}\s*年") if report.year is not None else None
    for clause in CLAUSE.findall(section.text()):
        names_last_year = any(w in clause for w in LAST_YEAR) or (previous is not None and previous.search(clause))
        if names_last_year and any(w in clause for w in DEALT_WITH):
            return
    yield RULE.finding(
        section.heading.span,
        Text(
            zh="第五部分未说明上一年度存在问题的整改情况",
            en="section 五 says nothing about how last year's problems were rectified",
        ),
        help=Text(
            zh="补充上年度报告所列问题的整改落实情况",
            en="add how the problems listed in last year's report were rectified",
        ),
    )


RULE = Rule(code="TX003", name="missing-rectification", severity=Severity.WARNING, check=check, doc=__doc__)
