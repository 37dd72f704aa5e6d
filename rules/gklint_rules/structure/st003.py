"""A section heading matches the standard wording only loosely.

部分标题与标准写法只是大致相符。

## What it does
Flags a top-level heading that gklint recognised as one of the six sections by its key
words, but whose wording differs from the national format (e.g. `五、存在问题及改进情况`
for `五、存在的主要问题及改进情况`, or `其它需要报告事项`). Numbering, markdown marks,
bold and full/half-width punctuation are ignored. Reports for years before 2019 used
another structure and are not checked.

## Why is this bad?
It is not wrong in substance, but the format gives the exact headings; uniform headings
make reports comparable and searchable, and reviewers ask for them (“格式规范”).

## Example
```text
六、其它需要报告事项
```

Use instead:
```text
六、其他需要报告的事项
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》
- 怀化市政务公开办 2021 年报通知：“格式规范”
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text

NUMERALS = "一二三四五六"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per loosely matched heading."""
    if report.year is not None and report.year < 2019:
        return
    for section in report.sections:
        if section.standard:
            continue
        numeral = NUMERALS[section.number - 1]
        standard = f"{numeral}、{section.spec.heading}"
        yield RULE.finding(
            section.heading.span,
            Text(
                zh=f"标题“{section.heading.text}”与规范表述“{standard}”不一致",
                en=f"heading “{section.heading.text}” differs from the standard wording “{standard}”",
            ),
            help=Text(zh=f"改为“{standard}”", en=f"write “{standard}”"),
            expected=standard,
        )


RULE = Rule(code="ST003", name="nonstandard-heading", severity=Severity.INFO, check=check, doc=__doc__)
