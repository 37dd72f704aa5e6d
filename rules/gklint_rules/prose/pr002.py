"""A stated total is not the sum of the parts listed with it, or a share is not their ratio.

正文所述合计不等于同时列出的各分项之和，或占比不等于其比值。

## What it does
Checks the enumerations of the prose against their own totals: `共公布政府信息2602条(其中
A 82条，B 80条，…)` must add up to 2602. The parts are the counts listed after `其中` (or
`涉及`) in the same measure word; a count inside a nested aside is part of the item it
explains and is not counted again. The list may go on in the following clauses of the
sentence (`其中：予以公开42件；不予公开5件；…`): any such reading that adds up is fine. The
rule flags a list whose parts add up to more than the total, and a list that ends with a
catch-all (`其他…`) — so it claims to be complete — whose parts add up to less.

It also checks shares: `予以公开258件，占33.9%` must be 258 divided by the total being
broken down, or by an earlier count of the paragraph (rounded or cut to the decimals
shown). Approximate counts (`近100件`) are not checked.

## Why is this bad?
A total that its own parts contradict is a wrong number the reader can see without the
tables; it usually means a part was edited and the total was not (“数据失准”).

## Example
```text
全年共公布政府信息2602条(其中机构职能类信息82条，政策、规范性文件类信息80条，…，其他应主动公开政府信息1053条)
```
(the parts add up to 2603)

Use instead:
```text
全年共公布政府信息2603条(其中机构职能类信息82条，政策、规范性文件类信息80条，…，其他应主动公开政府信息1053条)
```

## References
- 国办公开办函〔2021〕30号 (“发布内容不准确”)
- 广东省 2010 年度报告通报: “出现了数据失准等一些不应有的错漏”
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from gklint.api import (
    Breakdown,
    Clause,
    Finding,
    Paragraph,
    Prose,
    Quantity,
    Report,
    Rule,
    RuleContext,
    Severity,
    Share,
    SubHeading,
    Text,
    breakdowns,
    format_number,
)

# Measure words that count the same kind of thing (a list in 件 may be stated in 份).
FAMILIES = ({"件", "条", "项", "个", "份", "篇", "起", "家", "宗", "例"}, {"次"}, {"人", "名"}, {"人次"})
CATCH_ALL = ("其他", "其它")


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at each total its parts contradict and each share that is not their ratio."""
    for line in report.prose:
        if isinstance(line, Paragraph | SubHeading) and line.prose is not None:
            for breakdown, following in breakdowns(line.prose):
                yield from _total(breakdown, following)
            yield from _shares(line.prose)


def _family(unit: str) -> int | None:
    return next((index for index, family in enumerate(FAMILIES) if unit in family), None)


def _total(breakdown: Breakdown, following: Sequence[Clause]) -> Iterator[Finding]:
    total = breakdown.total
    assert total is not None
    family = _family(total.unit)
    if family is None or total.approximate:
        return
    parts = [q for q in breakdown.parts if _family(q.unit) == family]
    if len(parts) < 2 or any(q.approximate for q in parts) or any(q.unit != total.unit for q in parts):
        return
    stated = sum((q.value for q in parts), Decimal(0))
    readings = [stated]
    for clause in following:
        if clause.breakdown is not None:
            break
        readings.append(readings[-1] + sum((q.value for q in _counts(clause.items, total.unit)), Decimal(0)))
    if total.value in readings:
        return
    last = parts[-1]
    before = breakdown.text[: last.span.start - breakdown.span.start]
    label = before[max(before.rfind(p) for p in "，,、：:；") + 1 :]
    complete = any(word in label for word in CATCH_ALL)
    if stated < total.value and not complete:
        return
    listed = "+".join(format_number(q.value) for q in parts)
    yield RULE.finding(
        total.number,
        Text(
            zh=f"“{total.text}”与所列各项之和不符：{listed}={format_number(stated)}",
            en=f"the stated total {total.text} is not the sum of the parts listed with it: {listed} = {format_number(stated)}",
        ),
        help=Text(
            zh="核对总数与分项，修正其中错误的数字",
            en="check the total and its parts and correct the wrong number",
        ),
        expected=format_number(stated),
    )


def _counts(items: Sequence[object], unit: str) -> list[Quantity]:
    return [i for i in items if isinstance(i, Quantity) and i.unit == unit and not i.approximate]


def _shares(prose: Prose) -> Iterator[Finding]:
    earlier: list[Quantity] = []
    totals = {id(b): b.total for b, _ in breakdowns(prose)}
    for clause in prose.iter(Clause):
        owner = None
        if clause.breakdown is not None and clause.breakdown.total is not None:
            owner = totals.get(id(clause.breakdown))
        runs: list[Sequence[object]] = [clause.items]
        if clause.breakdown is not None:
            runs.append(clause.breakdown.items)
        for run in runs:
            for index, item in enumerate(run):
                if isinstance(item, Quantity):
                    earlier.append(item)
                elif isinstance(item, Share) and index and isinstance(run[index - 1], Quantity):
                    yield from _share(run[index - 1], item, owner, earlier)


def _share(count: Quantity, share: Share, owner: Quantity | None, earlier: list[Quantity]) -> Iterator[Finding]:
    family = _family(count.unit)
    if family is None or count.approximate or share.percent.value > 100:
        return
    bases = [q for q in earlier if q is not count and _family(q.unit) == family and q.value >= count.value > 0]
    bases = [q for q in bases if not q.approximate and q.value > 0]
    if owner is not None and owner not in bases and owner.value > 0:
        bases.append(owner)
    if not bases:
        return
    shown = share.percent.value
    decimals = -shown.as_tuple().exponent if shown.as_tuple().exponent < 0 else 0  # type: ignore[operator]
    tolerance = Decimal(1).scaleb(-decimals)
    if any(abs(count.value * 100 / base.value - shown) < tolerance for base in bases):
        return
    base = owner if owner is not None else bases[-1]
    ratio = (count.value * 100 / base.value).quantize(tolerance)
    yield RULE.finding(
        share.percent.span,
        Text(
            zh=f"“{count.text}，{share.text}”与其基数不符：{format_number(count.value)}÷{format_number(base.value)}={ratio}%",
            en=f"the share {share.text} of {count.text} does not match: {format_number(count.value)} / {format_number(base.value)} = {ratio}%",
        ),
        help=Text(
            zh="按所列数字重新计算百分比",
            en="recompute the percentage from the counts stated",
        ),
        expected=f"{ratio}%",
    )


RULE = Rule(code="PR002", name="stated-total-mismatch", severity=Severity.ERROR, check=check, doc=__doc__)
