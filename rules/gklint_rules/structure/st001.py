"""A required section (一 to 六) is absent.

缺少必备的部分（一至六）。

## What it does
Checks that each of the six sections of the national format is present: 一、总体情况,
二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、
行政诉讼情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项. Headings are matched
by their words, not their numbering or markdown level, so a heading with a variant wording
still counts (see `nonstandard-heading`); a heading numbered like the missing section but
worded beyond recognition is pointed at. The finding stands where the section should be:
on that heading, else on the next section's heading, else on the last line. Reports for years before 2019 used another
structure and are not checked. In a report that stops part-way (`report-truncated`), the
sections after the cut are that finding's business, not one finding each.

## Why is this bad?
条例 第五十条 lists what an annual report must contain, and the 2021 format
(国办公开办函〔2021〕30号) says the content “不能遗漏”. Reviewers and aggregators find the data
by section; a missing section means that disclosure cannot be assessed.

## Example
```text
二、主动公开政府信息情况
四、政府信息公开行政复议、行政诉讼情况
```

Use instead:
```text
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
```

## References
- 《中华人民共和国政府信息公开条例》第五十条
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

NUMERALS = "一二三四五六"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per absent section, placed where it should have been."""
    if report.year is not None and report.year < 2019:
        return
    present = {s.number for s in report.sections}
    # After the cut of a truncated report nothing is "missing": the file stops there.
    cut = max(present) if report.truncated_at is not None else len(report.section_specs)
    for spec in report.section_specs:
        if spec.number in present or spec.number > cut:
            continue
        numeral = NUMERALS[spec.number - 1]
        message = Text(
            zh=f"缺少第{numeral}部分“{numeral}、{spec.heading}”",
            en=f"section {numeral} (“{spec.heading}”) is missing",
        )
        # A heading numbered like the missing section whose words were not recognised:
        # point at it, so the reviewer sees it is a wording problem, not a lost section.
        stray = next((h for h, s, _ in report.headings if s is None and h.heading.number == spec.number), None)
        if stray is not None:
            message = Text(
                zh=f"{message.zh}：“{numeral}、{stray.heading.text}”未能识别为该部分",
                en=f"{message.en}: “{numeral}、{stray.heading.text}” was not recognised as that section",
            )
            span = stray.heading.span
        else:
            following = [s for s in report.sections if s.number > spec.number]
            span = following[0].heading.span if following else report.end
        yield RULE.finding(
            span,
            message,
            help=Text(
                zh=f"按年报格式补充“{numeral}、{spec.heading}”一节",
                en=f"add the section “{numeral}、{spec.heading}” as the format requires",
            ),
        )


RULE = Rule(code="ST001", name="missing-section", severity=Severity.ERROR, check=check, doc=__doc__)
