"""The report was signed after its publication deadline.

报告落款日期晚于发布期限。

## What it does
Compares the signing date at the end of the report (the date line under the agency's
name, `2025年1月20日`) with the deadline for the report year R: a department's report by
R+1年1月31日, a 人民政府's own report by R+1年3月31日. Whether the agency is a department or
a government comes from the configuration (`agency-kind`) or, failing that, from the
agency name in the title. Reports without a signing date are not checked.

## Why is this bad?
不按时发布 is the first failure the 2021 format names as grounds for accountability
(条例 第四十七条), and evaluators list late reports first. A report signed after the
deadline cannot have been published on time.

## Example
```text
某某县市场监督管理局2024年政府信息公开工作年度报告
……
某某县市场监督管理局
2025年2月10日
```

Use instead:
```text
某某县市场监督管理局
2025年1月20日
```

## References
- 《中华人民共和国政府信息公开条例》第四十九条
- `DEADLINES` below is where a stricter 河南 date belongs once the provincial notice is
  confirmed (local notices may set earlier dates, e.g. 怀化 1月28日; the 河南 one is not
  verified, so the pack applies the 条例's dates).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

# agency kind -> (month, day) of the year after the report year
DEADLINES = {"department": (1, 31), "government": (3, 31)}


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at the signing date when it is after the deadline."""
    signed = report.signed_on
    if signed is None or report.year is None or ctx.agency_kind not in DEADLINES:
        return
    if not datetime.MINYEAR <= report.year + 1 <= datetime.MAXYEAR:
        return  # no calendar date (a title's 9999年, or a configured year of 99999)
    date, span = signed
    deadline = datetime.date(report.year + 1, *DEADLINES[ctx.agency_kind])
    if date > deadline:
        who = {"department": "部门", "government": "人民政府"}[ctx.agency_kind]
        yield RULE.finding(
            span,
            Text(
                zh=f"落款日期{date:%Y年%-m月%-d日}晚于{who}年报的发布期限{deadline:%Y年%-m月%-d日}",
                en=f"signed on {date.isoformat()}, after the {ctx.agency_kind} deadline {deadline.isoformat()}",
            ),
            help=Text(zh="按期限发布年报；若落款日期有误请更正", en="publish by the deadline, or correct the date"),
            expected=f"{deadline:%Y年%-m月%-d日}",
        )


RULE = Rule(code="HA003", name="published-late", severity=Severity.ERROR, check=check, doc=__doc__, opt_in=True)
