"""A row or column label of a table matches the template only in a variant wording.

表格的行或列标签只与格式的变体写法相符。

## What it does
Reports table labels that gklint recognised through an accepted variant or a near match
rather than the template wording: `2.其他法律法规禁止公开` for `2.其他法律行政法规禁止公开`,
`规范性文件` in the 2021 table 二, `本年废止件` for `本年废止件数`. Differences in brackets,
enumerators (`1.`/`1．`/`1、`), quotes and spaces are not reported.

## Why is this bad?
The wording of the labels is fixed by the format; a changed label can change the meaning
(第十四条 says “法律、行政法规”, not “法律法规”) and makes automatic collection of the
tables harder.

## Example
```text
                2.其他法律法规禁止公开	0	…
```

Use instead:
```text
                2.其他法律行政法规禁止公开	0	…
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
- 《中华人民共和国政府信息公开条例》第十四条
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.tables._helpers import present


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per label written in a nonstandard wording."""
    for table in present(report):
        for label in table.labels():
            if label.standard:
                continue
            yield RULE.finding(
                label.span,
                Text(
                    zh=f"{table.title}标签“{label.text}”不是年报格式的标准写法，应为“{label.spec.label}”",
                    en=f"{table.title_en} label “{label.text}” is not the format's wording “{label.spec.label}”",
                ),
                help=Text(zh="使用年报格式规定的标签", en="use the label the format prescribes"),
                expected=label.spec.label,
            )


RULE = Rule(code="TB011", name="nonstandard-label", severity=Severity.INFO, check=check, doc=__doc__)
