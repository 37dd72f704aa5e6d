"""Property test (issue 9): one wrong cell in a consistent table 三 is one finding, at
that cell, whose expected value makes every identity hold again — not one finding per
identity it breaks, and never two fixes that contradict each other."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gklint.engine import lint_report
from gklint.model import build_report
from gklint.parser import parse
from tests.tables.test_properties import ARITHMETIC, SETTINGS, _columns, consistent, render


@SETTINGS
@given(consistent(), st.data())
def test_one_perturbed_cell_is_one_finding_whose_value_restores_every_identity(generated, data) -> None:  # noqa: ANN001
    layout, table, groups = generated
    row = data.draw(st.sampled_from(sorted(table)))
    column = data.draw(st.sampled_from(_columns(layout)))
    original = table[row][column]
    delta = data.draw(st.sampled_from([-3, -1, 1, 2, 7]).filter(lambda d: original + d >= 0))
    table = {k: dict(v) for k, v in table.items()}
    table[row][column] = original + delta
    text = render(layout, table, groups)
    report = build_report(parse(text), text)
    assert report.table3 is not None
    findings = lint_report(report, ARITHMETIC)
    assert len(findings) == 1, findings
    (finding,) = findings
    assert finding.span == report.table3[row][column].span
    assert finding.expected == str(original)
    # The suggested value, written in, leaves no arithmetic finding at all.
    table[row][column] = original
    fixed = render(layout, table, groups)
    assert lint_report(build_report(parse(fixed), fixed), ARITHMETIC) == []
