"""Template text was left unfilled.

模板文字未填写。

## What it does
Flags the marks of a model report that was not filled in: `20XX年`, `201x年`, `XX局`,
`××`, `XXX`, `（单位名称）`/`（填写…）`, and a count with its number missing
(`共主动公开条`). Both prose and table cells are checked.

## Why is this bad?
A published report with placeholders is visibly unfinished and its statements are
empty; model reports with `现将我局201x年度…` circulate on document-sharing sites and get
copied as they are.

## Example
```text
现将我局20XX年度政府信息公开工作年度报告如下
```

Use instead:
```text
现将我局2021年度政府信息公开工作年度报告如下
```

## References
- 国办公开办函〔2021〕30号, “(四)明确责任”: 发布内容不准确不全面
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gklint.api import Cell, Finding, Report, Rule, RuleContext, Severity, Text

PLACEHOLDER = re.compile(
    r"(?:19|20)[0-9Xx×＊*]?[XxＸｘ×＊*]{1,2}\s*年"  # 20XX年, 201x年
    r"|(?<![A-Za-zＡ-Ｚａ-ｚ])[XＸ×]{2,}(?![A-Za-zＡ-Ｚａ-ｚ])"  # XX局, ××, XXX
    r"|[（(]\s*(?:单位|机关|部门|机构)名称\s*[)）]"  # （单位名称）
    r"|[（(【\[]\s*(?:填写|请填|此处填)[^)）】\]]{0,20}[)）】\]]"  # （填写…）
    r"|(?:共|累计|合计)(?:主动)?(?:公开|发布|收到|受理|办理|答复)(?:政府)?(?:信息)?(?:公开)?(?:申请)?(?:条|件|项|次)(?![目款例数])"
)


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per placeholder, in prose lines and table cells."""
    nodes = [*report.prose, *report.document.iter(Cell)]
    for node in nodes:
        for match in PLACEHOLDER.finditer(node.text):
            yield RULE.finding(
                node.span.sub(match.start(), match.end() - match.start()),
                Text(zh=f"模板占位文字未填写：“{match.group(0)}”", en=f"unfilled template text: “{match.group(0)}”"),
                help=Text(zh="填入实际的年份、名称或数量", en="fill in the actual year, name or number"),
            )


RULE = Rule(code="TX001", name="placeholder-text", severity=Severity.ERROR, check=check, doc=__doc__)
