"""An earlier year stands where the report year is meant.

应写报告年度之处出现了更早的年份（疑为沿用上年文字）。

## What it does
In sections 一 (总体情况) and 五 (问题及改进), and in the opening paragraphs, flags a year
before the report year used as the time of this year's work, e.g. a 2021 report whose
五 says `2020年，市科工信局政务公开工作…取得了新进展`. The years are those the inline grammar
reads in the prose, so dates (`2020年12月印发`, `2020年1月1日`), periods (`2019年至2021年`,
`截至2020年底`), titles of documents in 《》 and 文号 like `〔2020〕` are never taken for
the year of an action. It also leaves alone the legitimate uses of an earlier year:
comparisons (`较2020年`, `与2020年相比`, `同比`), carry-overs and rectification of last
year's problems (`上年结转`, `2020年度…问题整改`), starting points (`2019年以来`), last
year's accounts published this year (`2020年度部门决算`, `2020年度政府信息公开工作年度报告`),
and later years. An earlier year that opens a plan (`2020年，我局将…`) is `plan-year`'s.

## Why is this bad?
It is the typical symptom of last year's text pasted into this year's report (内容雷同,
照搬照抄), which the 2021 format names as grounds for accountability (条例 第四十七条).
The sentence then reports the wrong year's work.

## Example
```text
卫辉市科技和工业信息化局2021年政府信息公开工作年度报告
(一) 存在的主要问题。2020年，市科工信局政务公开工作…取得了新进展
```

Use instead:
```text
(一) 存在的主要问题。2021年，市科工信局政务公开工作…取得了新进展
```

## References
- 国办公开办函〔2021〕30号, “(四)明确责任”: 内容雷同、敷衍塞责
- 《中华人民共和国政府信息公开条例》第四十七条
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Clause, Finding, Paragraph, Report, Rule, RuleContext, Severity, SubHeading, Text, Year
from gklint_rules.prose._plans import is_plan

# Words just before the year that make it a comparison, a start point or a reference.
BEFORE = re.compile(r"(较|比|与|同|自|从|截至|截止|至|到|于|—|–|-|~|～|、|和|及)\s*(上年|上一年)?\s*$")
# Words just after the year: a start or end point, or what was published of that year.
AFTER = re.compile(
    r"^\s*(以来|起|开始|底|末|初|前|之前|相比|同期|—|–|-|~|～|至|到|、|和|及|以前"
    r"|部门决算|决算|部门预算|预算|财政|绩效|政府信息公开工作年度报告|年度报告|年报|工作要点|考核|评估|评议)"
)
# A clause that talks about last year on purpose.
CLAUSE_WORDS = (
    *("上年", "上一年", "去年", "结转", "整改", "改进", "问题"),
    *("相比", "同比", "对比", "增长", "下降", "减少", "增加", "持平"),
)
SECTIONS = (1, 5)


def _lines(report: Report) -> Iterator[Paragraph | SubHeading]:
    yield from (b for b in report.document.preamble if isinstance(b, Paragraph | SubHeading))
    for number in SECTIONS:
        section = report.section(number)
        if section is not None:
            yield from (b for b in section.prose if isinstance(b, Paragraph | SubHeading))


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each earlier year used as the time of this year's work."""
    if report.year is None:
        return
    for line in _lines(report):
        if line.prose is None:
            continue
        for clause in line.prose.iter(Clause):
            for item in clause.items:
                if isinstance(item, Year) and item.value < report.year and not _excused(item, clause):
                    yield RULE.finding(
                        item.span,
                        Text(
                            zh=f"{report.year}年度报告中出现“{item.text}”，疑为沿用上年文字",
                            en=f"“{item.text}” in a {report.year} report: last year's text pasted in?",
                        ),
                        help=Text(
                            zh=f"若指本年度工作，应写“{report.year}年”",
                            en=f"if this year's work is meant, write “{report.year}年”",
                        ),
                        expected=f"{report.year}年",
                    )


def _excused(year: Year, clause: Clause) -> bool:
    """Whether the context makes an earlier year legitimate."""
    offset = year.span.start - clause.span.start
    before, after = clause.text[max(0, offset - 6) : offset], clause.text[offset + len(year.text) :]
    if BEFORE.search(before) or AFTER.match(after) or is_plan(year, clause):
        return True
    return any(word in clause.text for word in CLAUSE_WORDS)


RULE = Rule(code="DT002", name="stray-year", severity=Severity.WARNING, check=check, doc=__doc__)
