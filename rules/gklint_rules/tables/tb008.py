"""A row or column that the template requires is absent from a table.

表格缺少格式要求的行或列。

## What it does
Checks tables 二, 三 and 四 against the template they follow (2019 or 2021 format): every
row (25 in table 三 of the 2021 format, 23 in 2019; the rows of each 第二十条 block of table
二; the three groups of table 四) and every column must be there. Consecutive missing rows
are reported together, at the row that follows them. Rows that are present but cannot be
read are `table-unreadable`'s business, and the rows after the cut of a report that stops
inside the table are `report-truncated`'s.

## Why is this bad?
国办公开办函〔2021〕30号 fixes the rows and columns so that every organ reports the same items;
a row left out (for example 规章 by an organ that makes none) hides whether the figure is
zero or was never counted. Write 0 instead.

## Example
```text
第二十条第（一）项
信息内容	本年制发件数	本年废止件数	现行有效件数
行政规范性文件	3	1	26
```

Use instead:
```text
规章	0	0	0
行政规范性文件	3	1	26
```

## References
- 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, tables 二–四
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Span, StatTable, Text
from gklint_rules.tables._helpers import present


def _expected(table: StatTable) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(row key, label) and (header key, label) pairs the template requires."""
    if table.name == "t2":
        rows = [(r.key, r.label) for b in table.blocks for r in b.rows]
        columns = [
            (f"{b.key}.{c.key}", c.label)
            for b in table.blocks
            if any(r.key in table.rows for r in b.rows)
            for c in b.columns
        ]
    elif table.name == "t3":
        rows = [(r.key, r.label) for r in table.grid.rows]
        columns = [(c.key, c.label) for c in table.grid.columns if not c.optional]
    else:
        rows = [(g.key, g.label) for g in table.grid.groups]
        columns = [
            (f"{g}.{c.key}", f"{label}·{c.label}") for g, label in rows if g in table.rows for c in table.grid.columns
        ]
    return rows, columns


def _runs(keys: Sequence[tuple[str, str]], present_keys: set[str]) -> Iterator[tuple[list[str], str | None]]:
    """Runs of consecutive missing items, each with the key of the item that follows it."""
    run: list[str] = []
    for key, label in keys:
        if key in present_keys:
            if run:
                yield run, key
                run = []
        else:
            run.append(label)
    if run:
        yield run, None


def _finding(table: StatTable, labels: list[str], span: Span, what: tuple[str, str]) -> Finding:
    listed = "、".join(f"“{label}”" for label in labels)
    return RULE.finding(
        span,
        Text(zh=f"{table.title}缺少{what[0]}{listed}", en=f"{table.title_en} lacks the {what[1]} {listed}"),
        help=Text(
            zh="按年报格式补齐，没有发生的填 0", en="add it as the format requires; write 0 where nothing happened"
        ),
    )


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per run of missing rows and per missing column of each table."""
    for table in present(report):
        if not table.readable:
            continue
        rows, columns = _expected(table)
        damaged = {key for p in table.problems for key in p.rows}
        end = table.source_rows[-1].span
        # The rows after the cut of a truncated report are report-truncated's business.
        cut = report.truncated_at is not None and end.start <= report.truncated_at.start
        for labels, following in _runs(rows, set(table.rows) | damaged):
            if cut and following is None:
                continue
            span = table.rows[following].label.span if following in table.rows else end
            yield _finding(table, labels, span if following not in damaged else end, ("行", "rows"))
        if not table.rows:
            continue
        header = min((h.span for h in table.headers.values()), default=table.source_rows[0].span)
        for labels, following in _runs(columns, set(table.headers)):
            span = table.headers[following].span if following is not None else header
            yield _finding(table, labels, span, ("列", "columns"))


RULE = Rule(code="TB008", name="missing-table-row", severity=Severity.ERROR, check=check, doc=__doc__)
