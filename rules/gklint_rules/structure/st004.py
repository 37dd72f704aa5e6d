"""The report uses an outdated template for its year.

报告使用了与其年度不相符的旧格式。

## What it does
Looks for labels that only an older format has: for a report of 2021 or later, the
2019 (试行) table labels such as `本年新制作数量`, `对外公开总数量`, `上一年项目数量`,
`本年增/减` or the `政府集中采购` block; for a report of 2019 or later, the pre-2019
structure, such as a `收费及减免情况` section, old table labels like `同意公开答复数`, or —
when no table of a newer format is present — old section headings read whole (`概述`,
`依申请公开政府信息和不予公开政府信息的情况`).

## Why is this bad?
Each report year has one required format: 2019 and 2020 the 试行 format of
国办公开办函〔2019〕60号, 2021 on the format of 国办公开办函〔2021〕30号. A report in the
old format lacks rows the new one requires (e.g. the three kinds of 其他处理) and cannot be
aggregated with the others; 怀化 and 固镇 notices name it as a defect.

## Example
```text
二、主动公开政府信息情况
信息内容	本年新制作数量	本年新公开数量	对外公开总数量
```

Use instead:
```text
二、主动公开政府信息情况
信息内容	本年制发件数	本年废止件数	现行有效件数
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
- 国办公开办函〔2019〕60号《关于政府信息公开工作年度报告有关事项的通知》
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

# Which markers are outdated from which report year on.
OUTDATED_FROM = {"2019": 2021, "legacy": 2019}
NAMES = {"2019": ("2019年试行格式", "the 2019 trial format"), "legacy": ("2019年以前的旧格式", "the pre-2019 format")}


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per outdated template, at its first marker."""
    if report.year is None:
        return
    for template, since in OUTDATED_FROM.items():
        if report.year < since:
            continue
        marker = next((m for m in report.markers if m.template == template), None)
        if marker is None:
            continue
        zh, en = NAMES[template]
        yield RULE.finding(
            marker.span,
            Text(
                zh=f"{report.year}年度报告使用了{zh}（“{marker.label}”）",
                en=f"a {report.year} report uses {en} (“{marker.label}”)",
            ),
            help=Text(
                zh="按国办公开办函〔2021〕30号的年报格式重新编制",
                en="use the format of 国办公开办函〔2021〕30号",
            ),
        )


RULE = Rule(code="ST004", name="outdated-template", severity=Severity.ERROR, check=check, doc=__doc__)
