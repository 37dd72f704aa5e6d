"""Text output on a narrow terminal: snippets are cut to fit beside the gutter, never wrapped."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from gklint.ast import Span
from gklint.findings import Finding, Severity, Text
from gklint.readers.base import SourceDocument
from gklint.reporting.terminal import TerminalReporter, snippet
from gklint.runner import FileResult

ROW = (
    "三、本年度办理结果\t（三）不予公开\t1.属于国家秘密"
    + "\t0" * 7
    + "\t（本行数字为依申请公开的办理结果说明文字）" * 3
)
PROSE = "说明" * 60 + "2020年" + "其他" * 60


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140])
def test_no_snippet_line_is_wider_than_the_terminal(width: int) -> None:
    text = "\n" * 120 + ROW + "\n" + PROSE + "\n"
    row_start = text.index(ROW)
    findings = [
        Finding(
            span=Span.of(text, row_start + ROW.index("1.属于"), row_start + ROW.index("1.属于") + 9),
            code="ZZ001",
            rule="probe",
            severity=Severity.ERROR,
            message=Text(zh="问题", en="x"),
        ),
        Finding(
            span=Span.of(text, text.index("2020年"), text.index("2020年") + 5),
            code="ZZ002",
            rule="probe",
            severity=Severity.WARNING,
            message=Text(zh="问题", en="x"),
        ),
    ]
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None)
    source = SourceDocument(path="r.txt", text=text, format="text")
    TerminalReporter(console).file(FileResult(path="r.txt", findings=findings, source=source))
    snippets = [line for line in out.getvalue().splitlines() if " | " in line]
    assert len(snippets) == 4  # the source line and its carets, twice
    for line in snippets:
        assert cell_len(line) <= max(width, 20 + len("122 | ")), line
    assert any("1.属于" in line for line in snippets) and any("2020年" in line for line in snippets)


def test_the_carets_stay_under_the_span_when_cut() -> None:
    shown, carets = snippet(PROSE, PROSE.index("2020年") + 1, PROSE.index("2020年") + 6, width=50)
    assert cell_len(shown) <= 50
    assert shown[len(shown[: shown.index("2020年")]) :].startswith("2020年")
    assert carets == " " * cell_len(shown[: shown.index("2020年")]) + "^" * cell_len("2020年")
