"""Table 三: a row's 总计 is not the sum of the six applicant columns.

表三某行的总计不等于六类申请人各列之和。

## What it does
For every row of table 三, checks that 总计 equals 自然人 + 商业企业 + 科研机构 +
社会公益组织 + 法律服务机构 + 其他. Where a report adds a 法人或其他组织 小计 column, that
column must also be the sum of the five 法人 columns. The finding sits on the total cell
and gives the sum. A blank 总计, or a row whose applicant cells are all blank, is left to
`blank-cell`.

A cell that breaks this identity and others of table 三 at once (a wrong （七）总计 breaks
its column's balance and its results sum) is reported once, at that cell, with the value
that makes every identity hold and the identities it breaks: by the rule of the sum whose
total it is, else by the first of TB001–TB003 (see `_identities.py`).

When another failing sum that no single cell explains runs through the total (the
（七）总计·总计 cell, when the 总计 column's results do not add up either), the finding
states the mismatch without a value: two values worked out from each other's cells could
count the same number twice. Nor does a total whose new value would break another identity
that holds (its column's sum, or the balance), and that no other proposed value mends.

## Why is this bad?
The applicant columns split the same applications by who asked; a 总计 that differs from
their sum means a number was mistyped or a column was left out.

## Example
```text
        （一）予以公开		12	1	0	0	0	0	12
```

Use instead:
```text
        （一）予以公开		12	1	0	0	0	0	13
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
    """Yield one finding per row whose total (or 法人 sub-total) is not its columns' sum."""
    table = report.table3
    if table is None or not tables_required(report):
        return
    grid = table.grid
    applicants = [c.key for c in grid.columns if c.applicant]
    legal = [c.key for c in grid.columns if c.legal]
    subtotals = [c.key for c in grid.columns if c.subtotal]
    diagnosis = diagnose(table)
    yield from fix_findings(RULE, table, diagnosis)
    for row in table.rows.values():
        checks = [(grid.total_column, applicants, "六类申请人", "the six applicant columns")]
        checks += [(key, legal, "五类法人或其他组织", "the five legal-person columns") for key in subtotals]
        for total_key, part_keys, zh, en in checks:
            total = row.get(total_key)
            mismatch = check_sum(table, total, [row.get(k) for k in part_keys])
            if mismatch is None or total is None or diagnosis.is_explained(RULE.code, (row.key, total_key)):
                continue
            if diagnosis.contested(total, RULE.code, (row.key, total_key)):
                # Its column's sum fails too: a value for this cell and that sum's own
                # could contradict each other.
                yield RULE.finding(
                    total.span,
                    Text(
                        zh=f"{row.label.spec.label}·{total.spec.label} 为 {n(total.number)}，而{zh}之和为 "
                        f"{n(mismatch.expected)}；本列的合计也不成立，无法确定哪一格有误，应核对本行各列与总计",
                        en=f"{row.label.spec.english} / {total.spec.english} is {n(total.number)}, but {en} add up to {n(mismatch.expected)}; "
                        "its column does not add up either, so which cell is wrong is not known",
                    ),
                    help=Text(zh="核对本行各列与总计", en="check the row's columns against its total"),
                )
                continue
            broken = diagnosis.breaks(total)
            if broken is not None:
                yield RULE.finding(
                    total.span,
                    Text(
                        zh=f"{row.label.spec.label}·{total.spec.label} 为 {n(total.number)}，而{zh}之和为 "
                        f"{n(mismatch.expected)}；但改为 {n(mismatch.expected)} 后{broken.name.zh}不成立，"
                        "无法确定哪一格有误，应核对本行各列",
                        en=f"{row.label.spec.english} / {total.spec.english} is {n(total.number)}, but {en} add up to {n(mismatch.expected)}; "
                        f"with {n(mismatch.expected)}, {broken.name.en} would not hold, so which cell is wrong is not known",
                    ),
                    help=Text(zh="核对本行各列与总计", en="check the row's columns against its total"),
                )
                continue
            yield RULE.finding(
                total.span,
                Text(
                    zh=f"{row.label.spec.label}·{total.spec.label} 应为 {n(mismatch.expected)}（{zh}之和），"
                    f"实为 {n(total.number)}",
                    en=f"{row.label.spec.english} / {total.spec.english} should be {n(mismatch.expected)} (sum of {en}), is {n(total.number)}",
                ),
                help=Text(zh="核对本行各列与总计", en="check the row's columns against its total"),
                expected=n(mismatch.expected),
            )


RULE = Rule(code="TB003", name="row-total-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
