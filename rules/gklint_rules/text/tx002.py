"""Section 六 does not state the 信息处理费 collected.

第六部分未说明收取信息处理费的情况。

## What it does
For reports of 2021 and later, checks that section 六 (其他需要报告的事项) states the
information-processing fee (信息处理费) charged under 国办函〔2020〕109号: an amount
(`收取信息处理费380元`) or an explicit none (`未收取信息处理费`, `无收取信息处理费情况`). A
mention of the fee rules without saying what was collected does not count, nor does a
bare `无。`.

## Why is this bad?
Since 2021 every report in the national format states the fee in section 六; a report
that omits it is incomplete (不全面), and the fee is one of the few figures the public can
check against applications (table 三, 其他处理 2).

## Example
```text
六、其他需要报告的事项
无。
```

Use instead:
```text
六、其他需要报告的事项
2021年本单位未收取信息处理费。
```

## References
- 《中华人民共和国政府信息公开条例》第四十二条
- 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

FEE = re.compile(r"处理费|收费")
# Titles of documents and 文号 hold digits that are not amounts.
REFERENCES = re.compile(r"《[^》]*》|[〔\[［(（]?\d{4}[〕\]］)）]\s*\d+\s*号")
STATED = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|元)|未|无|没有|不涉及|零")
CLAUSE = re.compile(r"[^。；;\n]+")
FIRST_YEAR = 2021


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at section 六's heading when no clause states the fee."""
    section = report.section(6)
    year = report.year if report.year is not None else (FIRST_YEAR if report.template == "2021" else None)
    if section is None or year is None or year < FIRST_YEAR:
        return
    for clause in CLAUSE.findall(section.text()):
        plain = REFERENCES.sub("", clause)
        if FEE.search(plain) and STATED.search(plain):
            return
    yield RULE.finding(
        section.heading.span,
        Text(zh="第六部分未说明信息处理费的收取情况", en="section 六 does not state the 信息处理费 collected"),
        help=Text(
            zh="写明本年收取的信息处理费金额，或写明“未收取信息处理费”",
            en="state the amount of 信息处理费 collected this year, or that none was (未收取信息处理费)",
        ),
    )


RULE = Rule(code="TX002", name="missing-fee-statement", severity=Severity.WARNING, check=check, doc=__doc__)
