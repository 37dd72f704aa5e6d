"""The 行政事业性收费 amount has more decimals than allowed, or a unit other than 万元.

行政事业性收费金额的小数位数超出要求，或单位不是万元。

## What it does
Checks the 本年收费金额 cell of table 二 (2021 format, 第二十条第（八）项): the header gives
the unit 万元, so a unit written in the cell must be 万元; and where the header says how many
decimals to keep (`保留4位小数`, a provincial variant), the amount may not have more.

## Why is this bad?
An amount in 元 under a 万元 header overstates the fee ten thousand times; extra decimals
show the figure was not rounded as the province asked, which makes reports incomparable.

## Example
```text
信息内容	本年收费金额（单位：万元，保留4位小数）
行政事业性收费	0.01234
```

Use instead:
```text
行政事业性收费	0.0123
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 二
- 《中华人民共和国政府信息公开条例》第二十条(八)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text, format_number
from gklint_rules.tables._helpers import tables_required


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding for a fee amount in a wrong unit or with too many decimals."""
    table = report.table2
    if table is None or not tables_required(report):
        return
    for key, header in table.headers.items():
        block, _, column = key.partition(".")
        if header.spec.kind != "amount" or header.spec.unit is None:
            continue
        for row in table.rows.values():
            cell = row.get(column)
            if cell is None or cell.spec is not header.spec or not cell.value.is_number:
                continue
            value, unit = cell.value, header.spec.unit
            if value.unit is not None and value.unit != unit:
                yield RULE.finding(
                    cell.span,
                    Text(
                        zh=f"表二 {header.text} 的单位是{unit}，单元格写的是“{value.raw.strip()}”",
                        en=f"table 二: the header's unit is {unit}, the cell says “{value.raw.strip()}”",
                    ),
                    help=Text(zh=f"换算为{unit}，只填数字", en=f"convert to {unit} and write the number only"),
                )
            allowed = table.decimals.get(key)
            if allowed is not None and value.decimals > allowed and value.number is not None:
                rounded = value.number.quantize(Decimal(1).scaleb(-allowed), rounding=ROUND_HALF_UP)
                yield RULE.finding(
                    cell.span,
                    Text(
                        zh=f"表二 行政事业性收费 金额应保留{allowed}位小数（{format_number(rounded)}），"
                        f"实为 {value.raw.strip()}",
                        en=f"table 二: the fee should have {allowed} decimals ({format_number(rounded)}), "
                        f"is {value.raw.strip()}",
                    ),
                    help=Text(zh="按表头要求的小数位数填写", en="round as the header asks"),
                    expected=f"{rounded:f}",
                )


RULE = Rule(code="TB006", name="fee-precision", severity=Severity.WARNING, check=check, doc=__doc__)
