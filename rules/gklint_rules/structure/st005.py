"""The title gives no report year; gklint inferred it from the body.

标题未写报告年度，gklint 从正文推断了年度。

## What it does
When the title (and `--year` or `year =` in the configuration) gives no report year —
no title line at all, or one without a year — gklint reads it from the report itself:
the opening's own name for the report (`现公布…2023年政府信息公开工作年度报告`), the
year the body most often states (`2023年度`, `2023年，…`), the signature date (a report
signed in the first half of a year is for the year before) and the 统计期限 sentence. The
year with most of these behind it wins, the 统计期限 counting last so that a wrong period
is still checked against the others. This finding says which year was used and where it
was read, so the year rules (`wrong-statistics-period`, `outdated-template`, …) never run
on a guess the user cannot see.

## Why is this bad?
The format's title is `XX（机关）20XX年政府信息公开工作年度报告`; a report whose title
lacks the year cannot be filed or compared by year without reading it, and a wrong guess
would make every year rule misfire.

## Example
```text
政府信息公开工作年度报告
```

Use instead:
```text
某某局2023年政府信息公开工作年度报告
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

SOURCES = {
    "preamble": ("开头对本报告的称述", "the opening's name for the report"),
    "body": ("正文中的年度表述", "the body's statements of the year"),
    "signature": ("落款日期", "the signature date"),
    "period": ("统计期限", "the statistics period"),
}


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding when the year was inferred, at the place it was read."""
    found = report.year_found
    if found is None or found.source not in SOURCES or found.span is None:
        return
    zh, en = SOURCES[found.source]
    yield RULE.finding(
        found.span,
        Text(
            zh=f"标题未写明报告年度，按{zh}推定为{found.year}年",
            en=f"the title gives no report year; {found.year} was read from {en}",
        ),
        help=Text(
            zh=f"在标题中写明年度（如“…{found.year}年政府信息公开工作年度报告”），或用 --year 或配置 year = 指定",
            en="put the year in the title, or give it with --year or `year =` in the configuration",
        ),
        expected=str(found.year),
    )


RULE = Rule(code="ST005", name="report-year-inferred", severity=Severity.INFO, check=check, doc=__doc__)
