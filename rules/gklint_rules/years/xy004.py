"""The problems last year's section 五 listed are not taken up in this year's section 五.

上年报告第五部分列出的问题，本年第五部分未提及。

## What it does
Reads the problems in last year's section 五 (存在的主要问题及改进情况): its text before the
improvement measures (改进措施, 下一步, 将采取…), split into phrases at 一是/二是, （一）,
1., commas and semicolons, leaving out framing (“取得了一定成绩，但仍存在以下不足”) and any
paragraph on the rectification of the year before. The report is flagged, on this year's
section 五, when this year's section 五 neither refers to last year's problems or their
rectification (上年度…问题, 整改情况…) nor takes up any of those phrases in similar words
(rapidfuzz ``partial_ratio`` of at least 60 against this year's section, numbers and
years masked). Runs only when the report is paired with last year's and both have a
section 五 with text.

## Why is this bad?
Section 五 is where a body says what went wrong and what it will do about it; next
year's report is where it says whether it did. Evaluators expect the previous year's
problems and their rectification (上一年度问题整改情况) to be reported, and local guidance
asks for problems to be analysed “逐条” rather than restated in general terms. This is
a hint for the reviewer (the national format's wording of the requirement is not
settled), so it is information, not a warning.

## Example
```text
（2022年报告）五、…一是重大行政决策预公开程度需进一步加强；二是部分重点领域信息公开深度不足。
（2023年报告）五、…存在的问题主要有：一是部分栏目存在信息噪音；二是开拓创新不够有力。
```

Use instead:
```text
（2023年报告）五、（一）上年度问题整改情况：针对重大行政决策预公开程度不足的问题，……
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, section 五
- 《中华人民共和国政府信息公开条例》第五十条
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Finding, Report, ReportSection, Rule, RuleContext, Severity, Text
from gklint_rules.years._text import mask

MIN_SIMILARITY = 60.0
# Where the problems end and the measures begin.
_MEASURES = re.compile(
    r"改进措施|整改措施|下一步|将(?:采取|从|重点)|加以改进|改进如下|改进方向|努力方向|工作打算|的改进|以下.{0,6}方面.{0,6}改进"
)
# Problems are compared phrase by phrase: 一是…, （一）…, 1.…, and the clauses between commas.
_ITEM_SPLIT = re.compile(r"[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[；;。:：，,！!？?]")
# Framing rather than a problem: “工作取得了一定成绩，但仍存在以下不足”.
_FRAMING = re.compile(r"取得|存在.{0,4}(?:问题|不足)|仍[在有]不足|以下|如下|主要有|方面")
# This year's 五 speaking of last year's problems or of rectification.
_REFERENCE = re.compile(r"(?:上一?年度?|去年|上年).{0,20}(?:问题|不足|整改)|整改(?:情况|落实|完成)|已整改|落实整改")
_MIN_ITEM = 6


def problems(section: ReportSection) -> list[str]:
    """The problems a section 五 lists, masked, in order."""
    # A paragraph on the rectification of the year before is not one of this year's problems.
    lines = (block.text for block in section.prose if block is not section.heading)
    text = "".join(line for line in lines if not _REFERENCE.search(mask(line)))
    cut = _MEASURES.search(text)
    head = text[: cut.start()] if cut else text
    items = (mask(part) for part in _ITEM_SPLIT.split(head))
    return [item for item in items if len(item) >= _MIN_ITEM and not _FRAMING.search(item)]


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding when none of last year's problems is taken up this year."""
    if ctx.previous is None:
        return
    # Imported here: only a report paired with last year's needs it (a single check
    # would pay rapidfuzz's import, about 5% of its start-up).
    from rapidfuzz import fuzz  # noqa: PLC0415

    this, last = report.section(5), ctx.previous.report.section(5)
    if this is None or last is None:
        return
    listed = problems(last)
    text = mask("".join(block.text for block in this.prose))
    if not listed or not text or _REFERENCE.search(text):
        return
    if any(fuzz.partial_ratio(item, text) >= MIN_SIMILARITY for item in listed):
        return
    example = listed[0] if len(listed[0]) <= 30 else listed[0][:29] + "…"
    yield RULE.finding(
        this.heading.span,
        Text(
            zh=f"上年报告（{ctx.previous.path}）第五部分列出的 {len(listed)} 项问题（如“{example}”）"
            "在本部分既未提及，也未说明整改情况",
            en=f"none of the {len(listed)} problems listed in section 五 of last year's report "
            f"({ctx.previous.path}) is taken up here, nor is their rectification reported",
        ),
        help=Text(
            zh="说明上年度所列问题的整改情况，再列本年度的问题和改进措施",
            en="report how last year's problems were dealt with before listing this year's",
        ),
        related=ctx.previous.place(last.heading.span),
    )


RULE = Rule(code="XY004", name="rectification-unlinked", severity=Severity.INFO, check=check, doc=__doc__)
