"""Truncated reports (issue 9): the partial corpus files that stop part-way give one
`report-truncated` warning at the cut, no finding per section or table cut away, and still
the findings about what is there."""

from __future__ import annotations

import pytest

from gklint.engine import lint_text
from gklint.plugins import RuleSet
from tests.conftest import corpus_dir
from tests.test_layouts import LAYOUTS

CORPUS = corpus_dir()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="corpus not available")
# The excerpts: each stops inside table 三 (line of the cut).
CUT = {
    "002-shenzhen-longgang-qzfgzbm-2024-excerpt.txt": 37,
    "003-changchun-styjrswj-2023-excerpt.txt": 33,
    "004-qu-tongjiju-2023-excerpt.txt": 38,
}
REMAINDER = ("ST001", "TB007")


@pytest.mark.parametrize("name", sorted(CUT))
def test_a_cut_report_gets_one_warning_for_the_missing_remainder(name: str, ruleset: RuleSet) -> None:
    assert CORPUS is not None
    text = (CORPUS / "partial" / name).read_text(encoding="utf-8")
    findings = lint_text(text, ruleset.rules)
    truncated = [f for f in findings if f.code == "ST007"]
    assert [f.span.line for f in truncated] == [CUT[name]]
    assert not [f for f in findings if f.code in REMAINDER]
    # Nothing else points at the cut: the cut row is not "unreadable", the rows after it
    # are not "missing".
    assert not [f for f in findings if f.code in ("TB008", "TB009") and f.span.line >= CUT[name]]


@pytest.mark.parametrize("layout", ["part_headings", "pipe_tables", "spaced_tables"])
@pytest.mark.parametrize("name", sorted(CUT))
def test_a_cut_report_gets_one_warning_in_every_layout(name: str, layout: str, ruleset: RuleSet) -> None:
    assert CORPUS is not None
    text = LAYOUTS[layout]((CORPUS / "partial" / name).read_text(encoding="utf-8"))
    codes = [f.code for f in lint_text(text, ruleset.rules)]
    assert codes.count("ST007") == 1
    assert not [c for c in codes if c in (*REMAINDER, "TB008")]


def test_what_is_there_is_still_checked(ruleset: RuleSet) -> None:
    assert CORPUS is not None
    text = (CORPUS / "partial" / "004-qu-tongjiju-2023-excerpt.txt").read_text(encoding="utf-8")
    codes = [f.code for f in lint_text(text, ruleset.rules)]
    # Table 二's 规章 row and table 三's first rows are blank: still reported.
    assert codes.count("TB010") >= 3


def test_complete_reports_are_never_truncated(ruleset: RuleSet) -> None:
    assert CORPUS is not None
    for path in sorted((CORPUS / "real").glob("*.txt")):
        findings = lint_text(path.read_text(encoding="utf-8"), ruleset.rules)
        assert not [f for f in findings if f.code == "ST007"], path.name
