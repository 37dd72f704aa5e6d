"""The fee in table 二 has more than 4 decimals.

表二的收费金额超过4位小数。

## What it does
Reads the value of the fee column of table 二 (`行政事业性收费`, in 万元) and flags it when
it has more than four digits after the decimal point. Blank cells and placeholders
(`/`, `—`, `无`) and values with fewer decimals pass; whether the value is a valid number
at all is the national table rules' business.

## Why is this bad?
The 河南 header says `保留4位小数`: 万元 to four decimals is exact to the yuan. More
decimals mean a unit mix-up (元 entered as 万元 and divided twice) or a spreadsheet's
floating-point residue pasted in (`0.038000000001`).

## Example
```text
信息内容	本年收费金额（单位：万元，保留4位小数）
行政事业性收费	0.038000001
```

Use instead:
```text
信息内容	本年收费金额（单位：万元，保留4位小数）
行政事业性收费	0.0380
```

## References
- 国家 format: 第二十条第（八）项 本年收费金额（单位：万元）
- 河南 variant: `（单位：万元，保留4位小数）` (spec §2.3; provincial source not verified)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_henan.fees import fee_columns

DECIMALS = 4
NUMBER = re.compile(r"^[+-]?\d[\d,]*(?:\.(\d+))?$")


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each fee value with more than four decimals."""
    for column in fee_columns(report):
        if column.value is None:
            continue
        text = unicodedata.normalize("NFKC", column.value.text).strip()
        match = NUMBER.match(text)
        if match and match.group(1) and len(match.group(1)) > DECIMALS:
            rounded = Decimal(text.replace(",", "")).quantize(Decimal(1).scaleb(-DECIMALS))
            yield RULE.finding(
                column.value.span,
                Text(
                    zh=f"收费金额“{text}”超过{DECIMALS}位小数",
                    en=f"the fee “{text}” has more than {DECIMALS} decimals",
                ),
                help=Text(zh=f"保留{DECIMALS}位小数，如 {rounded}", en=f"give {DECIMALS} decimals, e.g. {rounded}"),
                expected=rounded,
            )


RULE = Rule(code="HA002", name="fee-too-many-decimals", severity=Severity.ERROR, check=check, doc=__doc__, opt_in=True)
