"""An earlier year stands where the report year is meant.

## What it does
In sections 一 (总体情况) and 五 (问题及改进), and in the opening paragraphs, flags a year
before the report year used as the time of this year's work, e.g. a 2021 report whose
五 says `2020年，市科工信局政务公开工作…取得了新进展`. It leaves alone the legitimate uses
of an earlier year: comparisons (`较2020年`, `与上年相比`, `同比`), carry-overs and
rectification of last year's problems (`上年结转`, `2020年度…问题整改`), periods (`2019年
以来`, `截至2020年底`, `2019—2021年`), dates (`2020年12月印发`), titles of documents in
《》, 文号 like `〔2020〕`, and later years (plans).

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

from gklint.api import Finding, Heading, Paragraph, Report, Rule, RuleContext, Severity, SubHeading, Text

# A year as the time of an action: not a date (followed by a month), not inside a range.
YEAR = re.compile(r"(?<![\d〔\[［(（])((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)(度)?")
# Words just before the year that make it a comparison, a start point or a reference.
BEFORE = re.compile(r"(较|比|与|同|自|从|截至|截止|至|到|于|—|–|-|~|～|、|和|及)\s*(上年|上一年)?\s*$")
# Words just after 年 that make the year a start point, an end point or a range bound.
AFTER = re.compile(r"^\s*(以来|起|开始|底|末|初|前|之前|相比|同期|—|–|-|~|～|至|到|、|和|及|以前)")
# A clause that talks about last year on purpose.
CLAUSE_WORDS = (
    *("上年", "上一年", "去年", "结转", "整改", "改进", "问题"),
    *("相比", "同比", "对比", "增长", "下降", "减少", "增加", "持平"),
)
CLAUSE_END = re.compile(r"[。；;！!？?\n]")
SECTIONS = (1, 5)


def _in_book_title(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside 《…》 (a document title, whose year is its own)."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _clause(text: str, pos: int) -> str:
    starts = [m.end() for m in CLAUSE_END.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    end_match = CLAUSE_END.search(text, pos)
    return text[start : end_match.start() if end_match else len(text)]


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each earlier year used as the time of this year's work."""
    if report.year is None:
        return
    lines: list[Paragraph | SubHeading | Heading] = [
        b for b in report.document.preamble if isinstance(b, Paragraph | SubHeading)
    ]
    for number in SECTIONS:
        section = report.section(number)
        if section is not None:
            lines.extend(section.prose)
    for line in lines:
        text = line.text
        for match in YEAR.finditer(text):
            year = int(match.group(1))
            if year >= report.year:
                continue
            before, after = text[max(0, match.start() - 6) : match.start()], text[match.end() :]
            if BEFORE.search(before) or AFTER.match(after) or _in_book_title(text, match.start()):
                continue
            if any(word in _clause(text, match.start()) for word in CLAUSE_WORDS):
                continue
            yield RULE.finding(
                line.span.sub(match.start(1), match.end() - match.start(1)),
                Text(
                    zh=f"{report.year}年度报告中出现“{match.group(0)}”，疑为沿用上年文字",
                    en=f"“{match.group(0)}” in a {report.year} report: last year's text pasted in?",
                ),
                help=Text(
                    zh=f"若指本年度工作，应写“{report.year}年”",
                    en=f"if this year's work is meant, write “{report.year}年”",
                ),
                expected=f"{report.year}年",
            )


RULE = Rule(code="DT002", name="stray-year", severity=Severity.WARNING, check=check, doc=__doc__)
