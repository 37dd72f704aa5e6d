"""A count or a statement of none in the prose contradicts tables 三 or 四.

正文中的件数或“无”的表述与表三、表四不一致。

## What it does
Reads the counts the prose states about applications, reviews and lawsuits (`共收到政府信息
公开申请3件`, `予以公开及部分公开258件`, `法人申请1件`, `行政复议1起`) and its statements
of none (`未收到政府信息公开申请`, `未发生…行政复议和行政诉讼`) and of outcome (`均获维持`),
and compares them with the cells of tables 三 and 四 they name. Which phrase names which
cell is data (the lexicon, `gklint/data/lexicon.toml`; packs can add phrases).

A count is flagged only when no reasonable reading agrees with the table: `受理N件` and
`收到N件` may include 上年结转, `办结N件` may be stated as 新收 + 上年结转, `无法提供N件` next
to `不掌握` may be the first item alone, and a 总计 cell that is itself wrong (see
`row-total-mismatch`) does not make the prose that agrees with its parts wrong. Counts in
a sentence about an earlier year, comparisons (`较…增长`), approximate counts (`近100件`),
and counts of documents released on application (`依申请公开信息46条`) are not read. The
finding stands on the number in the prose and names the cell and its value.

## Why is this bad?
The prose is what readers quote; when it says 0 applications and the table says 3, one of
them is false, and the report is “发布内容不准确” (国办公开办函〔2021〕30号). Reviewers check
the text against the tables by hand and still miss it.

## Example
```text
2023年，共收到政府信息公开申请0条。
…
一、本年新收政府信息公开申请数量			3	0	0	0	0	0	3
```

Use instead:
```text
2023年，共收到政府信息公开申请3条。
```

## References
- 国办公开办函〔2021〕30号 (“发布内容不准确”)
- Domain spec §4.7, text-vs-table rules
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gklint.api import (
    CountClaim,
    Finding,
    NoneClaim,
    Reading,
    Report,
    Rule,
    RuleContext,
    Severity,
    Text,
    UpheldClaim,
    format_number,
)

NOT_UPHELD = {"corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结"}
NOT_UPHELD_EN = {"corrected": "corrected", "other": "other results", "pending": "pending"}
GROUPS = {"review": "行政复议", "lit_direct": "未经复议直接起诉", "lit_after_review": "复议后起诉"}
GROUPS_EN = {"review": "reviews", "lit_direct": "lawsuits without review", "lit_after_review": "lawsuits after review"}


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each count or statement the tables contradict."""
    for claim in report.claims:
        if isinstance(claim, CountClaim):
            yield from _count(report, claim)
        elif isinstance(claim, NoneClaim):
            yield from _none(report, claim)
        else:
            yield from _upheld(report, claim)


def _readable(report: Report, readings: tuple[Reading, ...]) -> list[tuple[Reading, tuple[Decimal, ...]]]:
    found = [(reading, reading.values(report.table3, report.table4)) for reading in readings]
    return [(reading, values) for reading, values in found if values]


def _count(report: Report, claim: CountClaim) -> Iterator[Finding]:
    known = _readable(report, claim.readings)
    stated = claim.quantity.value
    if not known or any(stated in values for _, values in known):
        return
    reading, values = known[0]
    value = format_number(values[0])
    zh_cell = reading.describe(report.table3, report.table4, "zh")
    en_cell = reading.describe(report.table3, report.table4, "en")
    zh_quote = f"“{claim.label}{claim.quantity.text}”" if claim.label else f"“{claim.quantity.text}”"
    yield RULE.finding(
        claim.quantity.number,
        Text(
            zh=f"正文称{zh_quote}，但{zh_cell}为{value}",
            en=f"the prose states {format_number(stated)} ({claim.quantity.text}) but {en_cell} is {value}",
        ),
        help=Text(
            zh=f"核对正文与表格，二者应一致（按表格应为{value}）",
            en=f"check the prose against the table; they must agree (the table gives {value})",
        ),
        expected=value,
    )


def _none(report: Report, claim: NoneClaim) -> Iterator[Finding]:
    for reading, values in _readable(report, claim.readings):
        if Decimal(0) in values:
            continue
        value = format_number(values[0])
        zh_cell = reading.describe(report.table3, report.table4, "zh")
        en_cell = reading.describe(report.table3, report.table4, "en")
        yield RULE.finding(
            claim.negation.span,
            Text(
                zh=f"正文称“{claim.negation.text}{claim.scope}”，但{zh_cell}为{value}",
                en=f"the prose says there were none ({claim.negation.text}{claim.scope}) but {en_cell} is {value}",
            ),
            help=Text(
                zh="核对正文与表格，二者应一致",
                en="check the prose against the table; they must agree",
            ),
            expected=value,
        )


def _upheld(report: Report, claim: UpheldClaim) -> Iterator[Finding]:
    table = report.table4
    if table is None:
        return
    zh_parts, en_parts = [], []
    for group in claim.groups:
        if not table.is_readable(group):
            return
        for column, zh_name in NOT_UPHELD.items():
            cell = table.get(group, column)
            if cell is not None and cell.number:
                zh_parts.append(f"{GROUPS[group]}{zh_name}{format_number(cell.number)}件")
                en_parts.append(f"{GROUPS_EN[group]} {NOT_UPHELD_EN[column]}: {format_number(cell.number)}")
    if zh_parts:
        yield RULE.finding(
            claim.upheld.span,
            Text(
                zh=f"正文称“{claim.upheld.text}”，但表四中{'、'.join(zh_parts)}",
                en=f"the prose says all were upheld ({claim.upheld.text}) but table 4 has {'; '.join(en_parts)}",
            ),
            help=Text(
                zh="如实表述复议、诉讼结果（如“结果维持X件、尚未审结X件”）",
                en="state the outcomes as they are (e.g. so many upheld, so many pending)",
            ),
        )


RULE = Rule(code="PR001", name="prose-table-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
