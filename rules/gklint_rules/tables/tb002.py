"""Table 三: （七）总计 is not the sum of the results (一) to (六) in a column.

表三某列（七）总计不等于（一）至（六）各项办理结果之和。

## What it does
For each applicant column of table 三, checks that 本年度办理结果（七）总计 equals
（一）予以公开 + （二）部分公开 + every sub-item of （三）不予公开, （四）无法提供,
（五）不予处理 and （六）其他处理 (in the 2019 format （六） is a single row). The format has
no sub-total rows, so （七） is the only total. The finding sits on the （七）总计 cell and
gives the sum. A column whose result cells are all blank beside a stated total is left to
`blank-cell`.

A cell that breaks this identity and others of table 三 at once (a wrong （七）总计 breaks
its column's balance and its results sum) is reported once, at that cell, with the value
that makes every identity hold and the identities it breaks: by the rule of the sum whose
total it is, else by the first of TB001–TB003 (see `_identities.py`).

When another failing sum that no single cell explains runs through the cell this rule
would correct, the finding states the mismatch without a value: two values worked out
from each other's cells could count the same number twice. Nor does a total that agrees
with its column's balance (20 new applications, a （七）总计 of 20, results adding up to 26):
26 would only move the error into the balance, so the finding names both and no value.

## Why is this bad?
（七）总计 is the number of applications answered this year; if it is not the sum of the
outcomes, either an outcome was not recorded or the total is wrong, and the table's own
balance (`application-balance-mismatch`) cannot be trusted.

## Example
```text
        （一）予以公开		12	…
        （二）部分公开（区分处理的，只计这一情形，不计其他情形）		3	…
        …
        （七）总计		20	…
```

Use instead:
```text
        （七）总计		29	…
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 三
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text
from gklint_rules.tables._helpers import check_sum, n, tables_required
from gklint_rules.tables._identities import diagnose, fix_findings


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per column whose （七）总计 is not the sum of the results."""
    table = report.table3
    if table is None or not tables_required(report):
        return
    grid = table.grid
    parts = [spec.key for spec in grid.rows if spec.result]
    total_row = table.rows.get(grid.total_row or "")
    if total_row is None or any(p not in table.rows for p in parts):
        return
    diagnosis = diagnose(table)
    yield from fix_findings(RULE, table, diagnosis)
    for column, total in total_row.cells.items():
        if diagnosis.is_explained(RULE.code, (column,)):
            continue
        mismatch = check_sum(table, total, [table.get(p, column) for p in parts])
        if mismatch is None:
            continue
        name = total.spec.label
        if diagnosis.contested(total, RULE.code, (column,)):
            # Its row's total does not add up either: a value for this cell and that
            # row's own could contradict each other.
            yield RULE.finding(
                total.span,
                Text(
                    zh=f"（七）总计·{name} 为 {n(total.number)}，而（一）至（六）之和为 {n(mismatch.expected)}；"
                    "（七）总计行的合计也不成立，无法确定哪一格有误，应核对本列各项办理结果与（七）总计",
                    en=f"(七) total / {total.spec.english} is {n(total.number)}, but (一)–(六) add up to {n(mismatch.expected)}; "
                    "the (七) row does not add up either, so which cell is wrong is not known",
                ),
                help=Text(
                    zh="核对本列各项办理结果与（七）总计", en="check the column's outcomes against the (七) total"
                ),
            )
            continue
        broken = diagnosis.breaks(total)
        if broken is not None:
            yield RULE.finding(
                total.span,
                Text(
                    zh=f"（七）总计·{name} 为 {n(total.number)}，而（一）至（六）之和为 {n(mismatch.expected)}；"
                    f"但改为 {n(mismatch.expected)} 后{broken.name.zh}不成立，无法确定哪一格有误，应核对本列各项办理结果",
                    en=f"(七) total / {total.spec.english} is {n(total.number)}, but (一)–(六) add up to {n(mismatch.expected)}; "
                    f"with {n(mismatch.expected)}, {broken.name.en} would not hold, so which cell is wrong is not known",
                ),
                help=Text(
                    zh="核对本列各项办理结果与（七）总计", en="check the column's outcomes against the (七) total"
                ),
            )
            continue
        yield RULE.finding(
            total.span,
            Text(
                zh=f"（七）总计·{name} 应为 {n(mismatch.expected)}（（一）至（六）之和），实为 {n(total.number)}",
                en=f"(七) total / {total.spec.english} should be {n(mismatch.expected)} (sum of (一)–(六)), is {n(total.number)}",
            ),
            help=Text(zh="核对本列各项办理结果与（七）总计", en="check the column's outcomes against the (七) total"),
            expected=n(mismatch.expected),
        )


RULE = Rule(code="TB002", name="results-total-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
