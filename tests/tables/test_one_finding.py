"""Property test (issue 9): one wrong cell in a consistent table 三 is one finding, at
that cell, whose expected value makes every identity hold again — not one finding per
identity it breaks, and never two fixes that contradict each other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gklint.engine import lint_report
from gklint.findings import Finding
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.tables import templates
from tests.tables.test_properties import APPLICANTS, ARITHMETIC, SETTINGS, Layout, _columns, consistent, render
from tests.test_layouts import pipe_tables, spaced_tables

# The table as TAB rows, as a Markdown pipe table, or with cells apart by runs of spaces.
SYNTAXES = {"tab": lambda text: text, "pipe": pipe_tables, "spaced": spaced_tables}


@SETTINGS
@given(consistent(), st.sampled_from(sorted(SYNTAXES)), st.data())
def test_one_perturbed_cell_is_one_finding_whose_value_restores_every_identity(generated, syntax, data) -> None:  # noqa: ANN001
    layout, table, groups = generated
    row = data.draw(st.sampled_from(sorted(table)))
    column = data.draw(st.sampled_from(_columns(layout)))
    original = table[row][column]
    delta = data.draw(st.sampled_from([-3, -1, 1, 2, 7]).filter(lambda d: original + d >= 0))
    table = {k: dict(v) for k, v in table.items()}
    table[row][column] = original + delta
    text = SYNTAXES[syntax](render(layout, table, groups))
    report = build_report(parse(text), text)
    assert report.table3 is not None
    findings = lint_report(report, ARITHMETIC)
    assert len(findings) == 1, findings
    (finding,) = findings
    assert finding.span == report.table3[row][column].span
    assert finding.expected == str(original)
    # The suggested value, written in, leaves no arithmetic finding at all.
    table[row][column] = original
    fixed = SYNTAXES[syntax](render(layout, table, groups))
    assert lint_report(build_report(parse(fixed), fixed), ARITHMETIC) == []


# ---------------------------------------------------------------- several wrong cells

LAYOUT = Layout(
    "2021", label_width=2, subtotal=False, header_lines=3, blank_line=False, half_width=False, label_first=False
)
GROUPS = [[0, 0, 0, 0, 0]] * 3


def _table(counts: dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """A consistent table 三 whose results are ``counts`` ((row, column) → n), nothing carried."""
    grid = templates()["2021"].t3
    table = {r.key: dict.fromkeys(_columns(LAYOUT), 0) for r in grid.rows}
    for (row, column), value in counts.items():
        table[row][column] = value
    results = [r.key for r in grid.rows if r.result]
    for column in APPLICANTS:
        table["results_total"][column] = sum(table[k][column] for k in results)
        table["new_received"][column] = table["results_total"][column]
    for row in table.values():
        row["total"] = sum(row[c] for c in APPLICANTS)
    return table


def _lint(table: dict[str, dict[str, int]]) -> tuple[Report, list[Finding]]:
    text = render(LAYOUT, table, GROUPS)
    report = build_report(parse(text), text)
    return report, lint_report(report, ARITHMETIC)


def test_a_total_row_left_at_zero_is_one_finding_per_cell_and_no_balance_fix() -> None:
    table = _table({("granted", "natural_person"): 1, ("granted", "other_org"): 1})
    for column in _columns(LAYOUT):
        table["results_total"][column] = 0
    report, findings = _lint(table)
    t3 = report.table3
    assert t3 is not None
    # The three wrong （七）总计 cells, each with its sum; the balance they also break is not
    # reported again with a 结转下年度 that would count the same numbers twice.
    expected = {
        (t3["results_total"][c].span, v) for c, v in [("natural_person", "1"), ("other_org", "1"), ("total", "2")]
    }
    assert {(f.span, f.expected) for f in findings} == expected
    assert {f.code for f in findings} == {"TB002"}


def test_two_cells_that_would_each_explain_a_column_are_not_guessed() -> None:
    # 028-pingtan-haitan: the 总计 column left at 0, and the 自然人 results one more than
    # a （七）总计 that balances the column: either of two result cells could be the one.
    table = _table({("unable_not_held", "natural_person"): 1, ("other_no_correction", "natural_person"): 1})
    table["results_total"]["natural_person"] = 1
    table["new_received"]["natural_person"] = 1
    for row in table.values():
        row["total"] = 0
    report, findings = _lint(table)
    t3 = report.table3
    assert t3 is not None
    guessed = {t3[r]["natural_person"].span for r in ("unable_not_held", "other_no_correction")}
    assert not [f for f in findings if f.span in guessed]
    # The 自然人 column's sum is reported without a value: the （七）总计 row fails too.
    (column,) = [f for f in findings if f.code == "TB002"]
    assert column.span == t3["results_total"]["natural_person"].span and column.expected is None


@SETTINGS
@given(consistent(), st.data())
def test_the_values_proposed_for_two_wrong_cells_never_contradict(generated, data) -> None:  # noqa: ANN001
    layout, table, groups = generated
    table = {k: dict(v) for k, v in table.items()}
    for _ in range(2):
        row = data.draw(st.sampled_from(sorted(table)))
        column = data.draw(st.sampled_from(_columns(layout)))
        table[row][column] += data.draw(st.sampled_from([1, 2, 5]))
    text = render(layout, table, groups)
    report = build_report(parse(text), text)
    findings = [f for f in lint_report(report, ARITHMETIC) if f.expected is not None and f.code != "TB004"]
    # Every proposed value written in at once: no cell that was given a value is flagged again.
    for finding in sorted(findings, key=lambda f: f.span.start, reverse=True):
        text = text[: finding.span.start] + finding.expected + text[finding.span.end :]
    again = lint_report(build_report(parse(text), text), ARITHMETIC)
    fixed = {(f.span.line, f.span.column) for f in findings}
    assert not [f for f in again if (f.span.line, f.span.column) in fixed], (findings, again)
