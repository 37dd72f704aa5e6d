"""The report stops part-way: the file holds only its beginning.

报告中途截断：文件只有报告的开头部分。

## What it does
Flags a report whose sections stop before 六 and whose text stops where no report ends:
inside a table, on a heading, on an unfinished sentence, or at a marker that converters
and editors leave where they cut (`（未完）`, `节选`, `以下略`, a trailing `……`). One
finding stands at the cut; the sections and tables after it are then not reported
missing one by one (`missing-section`, `missing-table`, `missing-table-row` and
`table-unreadable` leave the remainder to this finding), while everything before the cut
is checked as usual. Reports in the pre-2019 structure, which ended with a 统计表, are not
checked.

## Why is this bad?
A truncated file is usually a conversion or download that failed, not the published
report; checking it section by section would bury the one thing to fix — get the whole
file — under a finding per missing part.

## Example
```text
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量			3	0	0	0	0	0	3
三、本年度
```

Use instead: the complete report, through 六、其他需要报告的事项 and its signature.

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

NUMERALS = "一二三四五六"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding at the cut of a truncated report."""
    span = report.truncated_at
    if span is None:
        return
    last = max(s.number for s in report.sections)
    missing = f"{NUMERALS[last]}至六" if last < len(NUMERALS) - 1 else "六"
    yield RULE.finding(
        span,
        Text(
            zh=f"报告在此中断：第{NUMERALS[last - 1]}部分之后的内容（第{missing}部分）缺失，文件不完整",
            en=f"the report stops here: everything after section {NUMERALS[last - 1]} (sections {missing}) "
            "is missing; the file is incomplete",
        ),
        help=Text(
            zh="检查文件是否在转换、下载或复制时被截断，换用完整的报告后重新检查",
            en="check whether the file was cut short when it was converted, downloaded or copied; check the "
            "complete report",
        ),
    )


RULE = Rule(code="ST007", name="report-truncated", severity=Severity.WARNING, check=check, doc=__doc__)
