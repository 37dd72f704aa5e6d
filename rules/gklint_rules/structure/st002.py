"""The six sections are out of order, or one appears twice.

六个部分顺序错乱，或有部分重复出现。

## What it does
Follows the recognised sections (by their words, not their numbering) through the report
and flags a section that comes after a later one (四 after 五) or that appears a second
time.

## Why is this bad?
The national format fixes the order 一→六. Readers and the 政务公开办's comparisons rely
on it; a swapped or duplicated section usually means parts were pasted from another
report or from last year's.

## Example
```text
三、收到和处理政府信息公开申请情况
五、存在的主要问题及改进情况
四、政府信息公开行政复议、行政诉讼情况
```

Use instead:
```text
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

NUMERALS = "一二三四五六"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each heading that breaks the order or repeats a section."""
    if report.year is not None and report.year < 2019:
        return
    seen: set[int] = set()
    highest = 0
    for section in report.sections:
        numeral = NUMERALS[section.number - 1]
        if section.number in seen:
            yield RULE.finding(
                section.heading.span,
                Text(zh=f"第{numeral}部分重复出现", en=f"section {numeral} appears a second time"),
                help=Text(zh="删除或合并重复的部分", en="remove or merge the repeated section"),
            )
        elif section.number < highest:
            later = NUMERALS[highest - 1]
            yield RULE.finding(
                section.heading.span,
                Text(
                    zh=f"第{numeral}部分出现在第{later}部分之后",
                    en=f"section {numeral} comes after section {later}",
                ),
                help=Text(zh="按一至六的顺序排列各部分", en="put the sections in the order 一 to 六"),
            )
        seen.add(section.number)
        highest = max(highest, section.number)


RULE = Rule(code="ST002", name="section-out-of-order", severity=Severity.ERROR, check=check, doc=__doc__)
