"""现行有效件数 does not follow from last year's count plus 本年制发 minus 本年废止.

现行有效件数不等于上年件数加本年制发件数减本年废止件数。

## What it does
For the rows 规章 and 行政规范性文件 of table 二 (第二十条第（一）项), compares this year's
现行有效件数 with last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数. Both
reports must use the 2021 table (the 2019 table's 对外公开总数量 is another quantity).
The finding stands on this year's 现行有效件数 and names last year's cell and file. Rows
with a blank or text cell among the four are skipped.

## Why is this bad?
The count of documents in force moves by what was issued and what was repealed. When it
does not, the difference has to be explained: documents that expired without being
repealed (有效期届满), a clean-up of the list, or a wrong figure in one of the two years.
It is information for the reviewer, not an error: expiry is legitimate and the format
has no row for it.

## Example
```text
（2022年报告）行政规范性文件	88	55	698
（2023年报告）行政规范性文件	77	132	470
```
698 + 77 − 132 = 643, not 470.

Use instead:
```text
（2023年报告）行政规范性文件	77	132	643
```
or explain in the text how 228 documents ceased to be in force otherwise (e.g. 有效期届满).

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 二 第二十条第（一）项
- 《中华人民共和国政府信息公开条例》第二十条第（一）项
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text, ValueKind, format_number

ROWS = ("rules", "normative_documents")


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per row whose 现行有效件数 is not last year's + 制发 − 废止."""
    if ctx.previous is None:
        return
    this, last = report.table2, ctx.previous.report.table2
    if this is None or last is None:
        return
    for row in ROWS:
        if not (this.is_readable(row) and last.is_readable(row)):
            continue
        issued, repealed, in_force = (this.get(row, c) for c in ("issued", "repealed", "in_force"))
        before = last.get(row, "in_force")
        cells = (issued, repealed, in_force, before)
        if any(c is None or c.value.kind is not ValueKind.NUMBER for c in cells):
            continue
        expected = before.number + issued.number - repealed.number  # type: ignore[union-attr]
        if in_force.number == expected:  # type: ignore[union-attr]
            continue
        name = this[row].label.spec.label
        a, b, c = (format_number(x.number) for x in (before, issued, repealed))  # type: ignore[union-attr]
        yield RULE.finding(
            in_force.span,  # type: ignore[union-attr]
            Text(
                zh=f"{name}现行有效件数为 {format_number(in_force.number)}，"  # type: ignore[union-attr]
                f"而上年报告（{ctx.previous.path}）的 {a} + 本年制发 {b} − 本年废止 {c} = {format_number(expected)}",
                en=f"{this[row].label.spec.english}: in force {format_number(in_force.number)}, but last year's report "  # type: ignore[union-attr]
                f"({ctx.previous.path}) had {a} in force, + {b} issued − {c} repealed = {format_number(expected)}",
            ),
            help=Text(
                zh="核对两年的现行有效件数；如有文件因有效期届满等原因失效，在报告中说明",
                en="check the in-force counts of both years; if documents expired or were cleaned up, say so",
            ),
            expected=format_number(expected),
            related=ctx.previous.place(before.span),  # type: ignore[union-attr]
        )


RULE = Rule(code="XY002", name="valid-count-discontinuity", severity=Severity.INFO, check=check, doc=__doc__)
