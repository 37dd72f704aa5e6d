"""Table 二's fee column does not say 保留4位小数.

表二收费金额列的表头未注明“保留4位小数”。

## What it does
Checks that the fee column of table 二 (第二十条第（八）项) is headed
`本年收费金额（单位：万元，保留4位小数）`, the wording of the 河南 version of the 2021 format,
rather than the national `本年收费金额（单位：万元）`. Full- and half-width brackets and
spaces do not matter.

## Why is this bad?
Fees are small sums in 万元: without a fixed number of decimals a fee of 380元 appears as
`0.04`, `0.038` or `0`, and provincial totals cannot be added up. The 河南 template fixes
four decimals (0.0380) and says so in the header, so a report using the national header
has not followed the provincial template.

## Example
```text
信息内容	本年收费金额（单位：万元）
行政事业性收费	0.04
```

Use instead:
```text
信息内容	本年收费金额（单位：万元，保留4位小数）
行政事业性收费	0.0380
```

## References
- 卫辉市科技和工业信息化局2021年政府信息公开工作年度报告 (a 河南 report using this header)
- The provincial notice that introduced the wording is not verified; hence a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text, normalize_label
from gklint_henan.fees import fee_columns

EXPECTED = "本年收费金额（单位：万元，保留4位小数）"


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each fee header that is not the 河南 wording."""
    for column in fee_columns(report):
        if normalize_label(column.header.text) != normalize_label(EXPECTED):
            yield RULE.finding(
                column.header.span,
                Text(
                    zh=f"收费金额表头应为“{EXPECTED}”（河南格式）",
                    en=f"the fee column should be headed “{EXPECTED}” (河南 format)",
                ),
                help=Text(zh="按河南省年报格式修改表头，金额保留4位小数", en="use the 河南 header; give 4 decimals"),
                expected=EXPECTED,
            )


RULE = Rule(
    code="HA001", name="fee-header-without-decimals", severity=Severity.WARNING, check=check, doc=__doc__, opt_in=True
)
