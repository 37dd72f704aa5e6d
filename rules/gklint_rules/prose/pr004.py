"""The report is signed before its year ended, or after the publication deadline.

报告落款日期早于报告年度结束，或晚于发布期限。

## What it does
Reads the closing date of the report (the date on a line of its own at the very end,
under the body's name) and checks it against the report year: a report on year R is
written once R is over, so a date on or before R年12月31日 is an error (usually last
year's signature, or a typo in the year). A date after the legal publication deadline —
(R+1)年1月31日 for a department, 3月31日 for a 人民政府's own report (条例 第四十九条) — is a
warning; when the kind of body is unknown, the later deadline is used. A province pack can
set other deadlines in its lexicon (`[deadlines]`).

## Why is this bad?
A report dated before the end of the year it reports on cannot hold that year's figures;
a late one breaks 条例 第四十九条, which evaluators list first among the problems they find
(“年度报告发布不及时”).

## Example
```text
苏平片区管理局2019年政府信息公开工作年度报告
…
苏平片区管理局
2019年1月3日
```

Use instead:
```text
苏平片区管理局
2020年1月3日
```

## References
- 《中华人民共和国政府信息公开条例》第四十九条
- 国办公开办函〔2021〕30号 (“不按时发布”)
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text, lexicon
from gklint_rules.prose._signature import signature

KIND_ZH = {"department": "部门", "government": "人民政府"}
KIND_EN = {"department": "a department", "government": "a people's government"}


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding when the closing date is before the year's end or after the deadline."""
    found = signature(report)
    if found is None or report.year is None or found.date.date is None:
        return
    signed, year = found.date.date, report.year
    if signed <= datetime.date(year, 12, 31):
        yield RULE.finding(
            found.date.span,
            Text(
                zh=f"{year}年度报告的落款日期“{found.date.text}”早于该年度结束",
                en=f"a {year} report dated {signed.isoformat()}, before the year it reports on ended",
            ),
            help=Text(
                zh=f"落款日期应在{year + 1}年1月1日之后（发布日期）",
                en=f"the date is the day of publication, after {year + 1}-01-01",
            ),
        )
        return
    deadlines = lexicon().deadlines
    kind = ctx.agency_kind if ctx.agency_kind in deadlines else None
    month, day = deadlines[kind] if kind is not None else max(deadlines.values())
    deadline = datetime.date(year + 1, month, day)
    if signed > deadline:
        who_zh = KIND_ZH.get(kind or "", "")
        who_en = KIND_EN.get(kind or "", "any body")
        finding = RULE.finding(
            found.date.span,
            Text(
                zh=f"落款日期“{found.date.text}”晚于{who_zh}年报的发布期限{year + 1}年{month}月{day}日",
                en=f"dated {signed.isoformat()}, after the deadline for {who_en}, {deadline.isoformat()}",
            ),
            help=Text(
                zh="年度报告应在期限内发布（条例第四十九条）",
                en="publish the report by the deadline (条例 article 49)",
            ),
            expected=f"{year + 1}年{month}月{day}日",
        )
        yield dataclasses.replace(finding, severity=Severity.WARNING)


RULE = Rule(code="PR004", name="signature-date", severity=Severity.ERROR, check=check, doc=__doc__)
