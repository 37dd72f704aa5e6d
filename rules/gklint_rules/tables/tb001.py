"""Table 三 does not balance: 第一项 + 第二项 ≠ 第三项（七）总计 + 第四项 in a column.

表三某列不平衡：第一项 + 第二项 ≠ 第三项（七）总计 + 第四项。

## What it does
For each applicant column of table 三 (自然人 … 其他, and 总计), checks the identity the
table header states: 本年新收 + 上年结转 = 本年度办理结果（七）总计 + 结转下年度继续办理.
The finding sits on the 结转下年度继续办理 cell of the column (on （七）总计 when the
carry-forward would have to be negative) and gives the value that would make the column
balance; a blank （七）总计 is left to `blank-cell`. Blank and placeholder cells count as 0; a column whose
cells cannot be read (see `table-unreadable`) is not checked.

A cell that breaks this identity and others of table 三 at once (a wrong （七）总计 breaks
its column's balance and its results sum) is reported once, at that cell, with the value
that makes every identity hold and the identities it breaks: by the rule of the sum whose
total it is, else by the first of TB001–TB003 (see `_identities.py`).

When another failing sum that no single cell explains runs through the cell this rule
would correct, the finding states the mismatch without a value: two values worked out
from each other's cells could count the same number twice. In particular, a column whose （七）总计 is itself not the
sum of its results gets no value for 结转下年度 (see `results-total-mismatch`). Nor does a
cell whose value would break another identity that holds: a （七）总计 that agrees with the
sum of its results gets no value from the balance, which then says which cells to check.

## Why is this bad?
The header of table 三 itself says “本列数据的勾稽关系为：第一项加第二项之和，等于第三项加
第四项之和”. A column that does not balance means applications were lost or counted twice:
the report is “发布内容不准确” in the words of 国办公开办函〔2021〕30号.

## Example
```text
一、本年新收政府信息公开申请数量			30	…
二、上年结转政府信息公开申请数量			2	…
        （七）总计		29	…
四、结转下年度继续办理			1	…
```

Use instead:
```text
四、结转下年度继续办理			3	…
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, table 三 header
- 国办公开办函〔2019〕60号 (the 2019 format has the same header note)
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Text, ValueKind
from gklint_rules.tables._helpers import n, tables_required
from gklint_rules.tables._identities import balance_fix, diagnose, fix_findings

ROWS = ("new_received", "carried_over", "results_total", "carried_forward")


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per column of table 三 that does not balance."""
    table = report.table3
    if table is None or not tables_required(report) or not all(table.is_readable(r) for r in ROWS):
        return
    diagnosis = diagnose(table)
    yield from fix_findings(RULE, table, diagnosis)
    new, over, done, forward = (table[r] for r in ROWS)
    for column, cell in forward.cells.items():
        if diagnosis.is_explained(RULE.code, (column,)):
            continue
        cells = [row.get(column) for row in (new, over, done)]
        if any(c is None or c.value.kind is ValueKind.TEXT for c in cells) or cell.value.kind is ValueKind.TEXT:
            continue
        a, b, c = (x.number for x in cells)  # type: ignore[union-attr]
        if cells[2].value.is_empty and a + b:  # type: ignore[union-attr]
            continue  # a blank （七）总计 is blank-cell's finding, not a wrong sum
        if a + b == c + cell.number:
            continue
        name = cell.spec.label
        zh = (
            f"表三{name}列不平衡：第一项 + 第二项 = {n(a)} + {n(b)} = {n(a + b)}，"
            f"第三项（七）总计 + 第四项 = {n(c)} + {n(cell.number)} = {n(c + cell.number)}"
        )
        en = (
            f"table 三, column {cell.spec.english}: new + carried over = {n(a)} + {n(b)} = {n(a + b)}, "
            f"but (七) total + carried forward = {n(c)} + {n(cell.number)} = {n(c + cell.number)}"
        )
        if diagnosis.fails_alone("TB002", (column,)):
            # （七）总计 is itself off its sum: a value for 结转下年度 worked out from it
            # would count the same number twice with results-total-mismatch's fix.
            yield RULE.finding(
                cells[2].span,  # type: ignore[union-attr]
                Text(
                    zh=f"{zh}；本列（七）总计本身也不等于（一）至（六）之和，应先核对（七）总计",
                    en=f"{en}; the column's (七) total is itself not the sum of (一)–(六): check it first",
                ),
                help=_HELP,
            )
            continue
        target, expected = balance_fix(*cells, cell)  # type: ignore[arg-type]
        row = "四、结转下年度继续办理" if target is cell else "（七）总计"
        if diagnosis.contested(target, RULE.code, (column,)):  # type: ignore[arg-type]
            # Its row's total does not add up either: a value worked out here could
            # contradict the one row-total-mismatch gives.
            yield RULE.finding(
                cell.span,
                Text(
                    zh=f"{zh}；{row}所在行的合计也不成立，无法确定哪一格有误，应逐项核对本列",
                    en=f"{en}; the {table.english(target.row)} row does not add up either, so which cell is wrong is not known",  # type: ignore[union-attr],
                ),
                help=_HELP,
            )
            continue
        broken = diagnosis.breaks(target)
        if broken is not None:
            yield RULE.finding(
                cell.span,
                Text(
                    zh=f"{zh}；但{row}·{name} 改为 {n(expected)} 后{broken.name.zh}不成立，无法确定哪一格有误，应逐项核对本列",
                    en=f"{en}; with {table.english(target.row)} at {n(expected)}, {broken.name.en} would not hold, "
                    "so which cell is wrong is not known",
                ),
                help=_HELP,
            )
            continue
        yield RULE.finding(
            target.span,  # type: ignore[union-attr]
            Text(
                zh=f"{zh}；{row}·{name} 应为 {n(expected)}，实为 {n(target.number)}",  # type: ignore[union-attr]
                en=f"{en}; {table.english(target.row)} should be {n(expected)}, is {n(target.number)}",  # type: ignore[union-attr]
            ),
            help=_HELP,
            expected=n(expected),
        )


_HELP = Text(
    zh="核对本列：本年新收 + 上年结转 应等于 办理结果总计 + 结转下年度",
    en="check the column: new + carried over must equal results total + carried forward",
)


RULE = Rule(code="TB001", name="application-balance-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
