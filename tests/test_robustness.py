"""No rule crashes on any report, however damaged: generated documents mix real headings,
table rows of real labels with junk cells, and prose with years and placeholders."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gklint.engine import lint_text
from gklint.plugins import RuleSet
from tests.conftest import SAMPLES

CLEAN_LINES = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").split("\n")
CELL = st.sampled_from(["", "0", "12", "-3", "1.5", "/", "—", "无", "１２", "1,234", "3件", "0124", "x", "2.5万元"])
TABLE_ROW = st.builds(
    lambda line, cells: "\t".join([*line.split("\t")[:3], *cells]),
    st.sampled_from([line for line in CLEAN_LINES if "\t" in line]),
    st.lists(CELL, max_size=12),
)
PROSE = st.sampled_from(
    [
        "2023年，我局工作取得新进展。",
        "统计期限自2019年1月1日起至2020年12月31日止。",
        "现将20XX年度报告如下。",
        "2024年本机关未收取信息处理费。",
        "针对上年度问题已整改。",
        "",
    ]
)
LINE = st.one_of(st.sampled_from(CLEAN_LINES), TABLE_ROW, PROSE, st.text(max_size=20))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=60), st.sampled_from([None, 2018, 2020, 2024]))
def test_no_rule_crashes_on_any_report(ruleset: RuleSet, lines: list[str], year: int | None) -> None:
    findings = lint_text("\n".join(lines), ruleset.rules, year=year)
    crashes = [f.message.en for f in findings if f.code == "GK000"]
    assert not crashes, crashes
