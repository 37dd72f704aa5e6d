"""Property tests for the arithmetic cross-year rules: a finding exactly when the numbers
disagree, on this year's cell, with the value that would agree."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gklint.engine import lint_report
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.rules import Previous, RuleContext
from tests.conftest import SAMPLES, national_ruleset

CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
RULES = {r.code: r for r in national_ruleset().rules if r.code in ("XY001", "XY002")}
OVER = "二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2"
FORWARD = "四、结转下年度继续办理\t\t\t3\t1\t0\t0\t1\t0\t5"
IN_FORCE = "行政规范性文件\t3\t1\t26"
COLUMNS = 6  # 自然人 … 其他; 总计 follows


def model(text: str) -> Report:
    return build_report(parse(text), text)


def row(label: str, numbers: list[int]) -> str:
    return label + "\t\t\t" + "\t".join(map(str, [*numbers, sum(numbers)]))


def run(code: str, this: str, last: str) -> list:
    ctx = RuleContext(previous=Previous(model(last), "last.txt"))
    return lint_report(model(this), [RULES[code]], ctx)


counts = st.lists(st.integers(0, 500), min_size=COLUMNS, max_size=COLUMNS)


@settings(max_examples=60, deadline=None)
@given(counts, counts)
def test_carry_over_is_flagged_on_each_applicant_column_that_differs(over: list[int], forward: list[int]) -> None:
    this = CLEAN.replace(OVER, row("二、上年结转政府信息公开申请数量", over))
    last = CLEAN.replace(FORWARD, row("四、结转下年度继续办理", forward))
    found = run("XY001", this, last)
    differ = [i for i in range(COLUMNS) if over[i] != forward[i]]
    # The 总计 column differs exactly by its parts' differences, so it is never reported again.
    assert len(found) == len(differ)
    table = model(this).table3
    assert table is not None
    cells = list(table["carried_over"].cells.values())
    assert [f.span for f in found] == [cells[i].span for i in differ]
    assert [f.expected for f in found] == [str(forward[i]) for i in differ]


@settings(max_examples=30, deadline=None)
@given(counts, st.integers(-50, 50).filter(bool))
def test_a_total_off_on_its_own_is_flagged(numbers: list[int], error: int) -> None:
    total = sum(numbers) + error
    written = "二、上年结转政府信息公开申请数量\t\t\t" + "\t".join(map(str, numbers)) + f"\t{max(total, 0)}"
    this = CLEAN.replace(OVER, written)
    last = CLEAN.replace(FORWARD, row("四、结转下年度继续办理", numbers))
    found = run("XY001", this, last)
    assert [f.expected for f in found] == ([] if max(total, 0) == sum(numbers) else [str(sum(numbers))])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 5000), st.integers(0, 500), st.integers(0, 500), st.integers(0, 6000))
def test_in_force_is_flagged_exactly_when_it_does_not_follow(before: int, issued: int, repealed: int, now: int) -> None:
    this = CLEAN.replace(IN_FORCE, f"行政规范性文件\t{issued}\t{repealed}\t{now}")
    last = CLEAN.replace(IN_FORCE, f"行政规范性文件\t0\t0\t{before}")
    found = run("XY002", this, last)
    expected = before + issued - repealed
    assert [f.expected for f in found] == ([] if now == expected else [str(expected)])
    if found:
        assert found[0].span.line == 24 and found[0].related is not None and found[0].related.span.line == 24
