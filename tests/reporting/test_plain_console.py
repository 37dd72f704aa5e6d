"""Text output without rich: `PlainConsole` writes byte for byte what rich writes where rich
prints no style (standard output that is no terminal), at any width (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from gklint.ast import Span
from gklint.batch import Job, check_paths
from gklint.findings import Finding, Severity, Text
from gklint.project import Options, Project
from gklint.readers.base import SourceDocument
from gklint.reporting.base import summarize
from gklint.reporting.terminal import PlainConsole, TerminalReporter, plain_stdout
from gklint.runner import FileResult
from tests.conftest import ROOT, SAMPLES


def results(tmp_path: Path, lang: str) -> list[FileResult]:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    paths = [str(SAMPLES / "clean-2024.txt"), str(ROOT / "examples" / "demo-2024.txt")]
    project = Project(Options(isolated=True))
    job = Job(options=project.options, lang=lang, max_bytes=1 << 24)
    found = list(check_paths(project, job, [*paths, str(broken)], jobs=1))
    # A message and a source line with TABs and a line break, as a pack could write them.
    text = "标题\n\t表\t中文\t1\n"
    odd = Finding(
        span=Span.of(text, 4, 6),
        code="ZZ001",
        rule="probe",
        severity=Severity.WARNING,
        message=Text(zh="甲\t乙\n丙", en="a\tb\nc"),
    )
    source = SourceDocument(path="odd.txt", text=text, format="text")
    return [*found, FileResult(path="odd\t.txt", findings=[odd], source=source, previous="last\tyear.txt")]


@pytest.mark.parametrize("columns", ["100", "80", "30", "3", "0"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_console_writes_what_rich_writes(
    tmp_path: Path, columns: str, lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    checked = results(tmp_path, lang)
    written = []
    for console in (PlainConsole(), Console(color_system=None)):
        reporter = TerminalReporter(console, lang=lang)
        for result in checked:
            reporter.file(result)
        reporter.finish(summarize(checked), statistics=True)
        written.append(capsys.readouterr().out)
    assert written[0] == written[1]
    assert columns == "0" or "\t" not in written[0] and "odd" in written[0]


def test_rich_is_left_what_it_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert isinstance(plain_stdout(), PlainConsole)  # pytest's captured output is no terminal
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert plain_stdout() is None
