"""The signature names another body than the title, or misspells it.

落款机关与标题中的机关不一致，或名称有错字。

## What it does
Compares the body's name in the closing signature (the line above the date at the end of
the report) with the body the title names. An abbreviation of the same name is fine: the
signature's characters appear in the title's name in order (`市科工信局` for
`卫辉市科技和工业信息化局`), or the signature contains the title's name (`…管理委员会`
under a title of `平潭综合实验区`). Any other name is flagged: a different body
(`国有资产管理局` under a title of `投资促进局`) or a misspelling (`财政全融局` for
`财政金融局`).

## Why is this bad?
A report signed by another body is the mark of a report copied from another body's
(跨部门照搬, 内容雷同), and a misspelt name is an error on the report's most visible line.

## Example
```text
平潭综合实验区财政金融局2021年度政府信息公开工作年度报告
…
平潭综合实验区财政全融局
2022年1月13日
```

Use instead:
```text
平潭综合实验区财政金融局
2022年1月13日
```

## References
- 国办公开办函〔2021〕30号 (“内容雷同、敷衍塞责”)
- Domain spec §6.3, agency abbreviations
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.prose._signature import signature

# What a body's name ends with; a line that ends otherwise is not a signature.
SUFFIXES = (
    "局",
    "委",
    "办",
    "会",
    "府",
    "室",
    "中心",
    "院",
    "所",
    "处",
    "站",
    "队",
    "部",
    "厅",
    "街道",
    "办事处",
    "组",
)
SPACES = " \u3000*#"


def _abbreviates(short: str, full: str) -> bool:
    """Whether every character of ``short`` appears in ``full`` in order."""
    rest = iter(full)
    return all(char in rest for char in short)


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at a signature that names another body than the title."""
    found = signature(report)
    agency = (report.agency or "").replace(" ", "").replace("\u3000", "")
    if found is None or found.name is None or not agency:
        return
    line = found.name
    name = line.text.strip(SPACES)
    compact = name.replace(" ", "").replace("\u3000", "")
    if not compact.endswith(SUFFIXES) or agency in compact or _abbreviates(compact, agency):
        return
    start = line.text.index(name)
    yield RULE.finding(
        line.span.sub(start, len(name)),
        Text(
            zh=f"落款单位“{name}”与标题中的“{agency}”不一致",
            en=f"the report is signed by “{name}” but its title names “{agency}”",
        ),
        help=Text(
            zh="落款应为发布年报的机关名称；若沿用了其他单位的报告，请核对全文",
            en="sign with the name of the body that publishes the report; if the text was copied, check all of it",
        ),
        expected=agency,
    )


RULE = Rule(code="PR005", name="agency-name-mismatch", severity=Severity.WARNING, check=check, doc=__doc__)
