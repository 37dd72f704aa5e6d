"""Issue 12 outside the readers: walks, time budgets, exit codes, plugins, terminal output,
baselines and configuration, each ending in findings or a one-line error, never a
traceback or a hang. (Hostile file contents: tests/readers/test_hostile.py.)"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from gklint import runner
from gklint.budget import FileOverBudget, time_budget
from gklint.cli import main
from gklint.engine import lint_report, lint_text
from gklint.findings import Finding, Severity, Text
from gklint.model import build_report
from gklint.parser import parse
from gklint.readers import SourceDocument
from gklint.reporting.terminal import TerminalReporter
from gklint.rules import Rule
from gklint.runner import FileResult, check_file, contain, expand_paths
from tests.conftest import ROOT, SAMPLES, SPAN_PROBE

CLEAN = SAMPLES / "clean-2024.txt"
DEMO = ROOT / "examples" / "demo-2024.txt"


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", "--lang", "en", "--isolated", *argv])
    return code, json.loads(capsys.readouterr().out)


def _statuses(report: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {Path(entry["path"]).name: entry["status"] for entry in report["files"]}


# ---------------------------------------------------------------- exit codes, per-file containment


@pytest.fixture
def sabotaged_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser fails on a report containing CRASH and crawls on one containing SLOW."""

    def parse_or_fail(text: str) -> object:
        if "CRASH" in text:
            raise RuntimeError("simulated bug")
        if "SLOW" in text:
            time.sleep(30)
        return parse(text)

    monkeypatch.setattr(runner, "parse", parse_or_fail)


@pytest.mark.usefixtures("sabotaged_parser")
def test_an_internal_error_is_exit_3_and_every_other_file_is_still_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-crash.txt").write_text(CLEAN.read_text(encoding="utf-8") + "\nCRASH\n", encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01")

    code, report = _json(capsys, str(tmp_path))

    assert code == 3
    assert _statuses(report) == {"a-crash.txt": "internal-error", "b-good.txt": "ok", "c-binary.txt": "error"}
    crash = next(entry for entry in report["files"] if entry["status"] == "internal-error")
    assert "RuntimeError: simulated bug" in crash["error"]
    assert any(f["path"].endswith("b-good.txt") for f in report["findings"])
    # The text output says so in one line per file, and in the summary.
    assert main(["check", "--isolated", "--lang", "en", str(tmp_path)]) == 3
    out = capsys.readouterr().out
    assert "a-crash.txt: check failed: internal error (RuntimeError: simulated bug)" in out
    assert "gklint failed on 1 file" in " ".join(out.split())  # the summary may wrap at 80 columns
    assert "Traceback" not in out


@pytest.mark.usefixtures("sabotaged_parser")
def test_a_file_over_its_time_budget_is_an_error_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-slow.txt").write_text(CLEAN.read_text(encoding="utf-8") + "\nSLOW\n", encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    start = time.monotonic()

    code, report = _json(capsys, "--timeout-per-file", "0.5", str(tmp_path))

    assert time.monotonic() - start < 10
    assert code == 2
    assert _statuses(report) == {"a-slow.txt": "error", "b-good.txt": "ok"}
    assert "took over 0.5 s" in report["files"][0]["error"]


def test_an_unexpected_exception_anywhere_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("gklint.cli.summarize", lambda results: 1 / 0)
    assert main(["check", "--isolated", str(CLEAN)]) == 3
    err = capsys.readouterr().err
    assert err.strip() == (
        "gklint: internal error: ZeroDivisionError: division by zero; this is a bug in gklint, please report it"
    )


def test_budgets_nest_and_disarm() -> None:
    with time_budget(5, lambda: FileOverBudget(5)):
        with pytest.raises(FileOverBudget), time_budget(0.05, lambda: FileOverBudget(0.05)):
            time.sleep(2)
        time.sleep(0.1)  # the inner budget is gone; the outer one is far away
    result = contain("x.txt", 0.05, lambda: (time.sleep(2), FileResult("x.txt"))[1])
    assert result.error is not None and "0.05 s" in result.error.en and not result.internal


# ---------------------------------------------------------------- plugins


def _rule(code: str, check: object) -> Rule:
    return Rule(code=code, name=f"rule-{code.lower()}", severity=Severity.WARNING, check=check, doc="")  # type: ignore[arg-type]


def _finding(code: str) -> Finding:
    return Finding(span=SPAN_PROBE, code=code, rule="r", severity=Severity.WARNING, message=Text(zh="m", en="m"))


def _loops(report: object, ctx: object) -> Iterator[Finding]:
    while True:
        pass
    yield  # pragma: no cover - makes this a generator, as rules often are


def test_a_rule_returning_junk_hanging_or_exiting_is_that_rules_error_and_the_others_run() -> None:
    rules = [
        _rule("XA001", lambda report, ctx: [_finding("XA001"), "not a finding"]),
        _rule("XA002", lambda report, ctx: sys.exit(0)),
        _rule("XA003", _loops),
        _rule("XA004", lambda report, ctx: [Finding(span=None, code="XA004", rule="r", severity=1, message="m")]),  # type: ignore[arg-type]
        _rule("XA005", lambda report, ctx: [_finding("XA005")]),
    ]
    text = CLEAN.read_text(encoding="utf-8")
    start = time.monotonic()

    found = lint_report(build_report(parse(text), text), rules, rule_budget=0.3)

    assert time.monotonic() - start < 5
    messages = sorted(f.message.en for f in found if f.code == "GK000")
    assert [f.code for f in found if f.code != "GK000"] == ["XA005"]
    assert messages == [
        "rule XA001 (rule-xa001) crashed: TypeError: the rule returned a str, not a Finding",
        "rule XA002 (rule-xa002) crashed: SystemExit: 0",
        "rule XA003 (rule-xa003) ran over 0.3 s and was stopped",
        "rule XA004 (rule-xa004) crashed: TypeError: the rule returned a Finding whose span is a NoneType",
    ]


# ---------------------------------------------------------------- walks


def _deep_folder(top: Path) -> None:
    """A folder nested past PATH_MAX (4096) with a report at the bottom, built with *at() calls."""
    fd = os.open(top, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(18):
            os.mkdir("d" * 250, dir_fd=fd)
            inner = os.open("d" * 250, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
        report = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(report, CLEAN.read_bytes())
        os.close(report)
    finally:
        os.close(fd)


def test_walks_open_regular_files_only_and_report_what_they_cannot_list(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("root:x:0:0\n", encoding="utf-8")
    top = tmp_path / "reports"
    top.mkdir()
    (top / "a.txt").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (top / "passwd.txt").symlink_to(outside / "secret.txt")
    (top / "linked").symlink_to(outside)
    (top / "loop").symlink_to(top)
    os.mkfifo(top / "fifo.txt")
    _deep_folder(top)

    walked = list(expand_paths([str(top)]))
    followed = list(expand_paths([str(top)], follow_links=True))

    assert [Path(p).name for p in walked if len(p) < 4096] == ["a.txt"]
    [deep] = [p for p in walked if len(p) >= 4096]
    assert set(map(os.path.basename, followed)) >= {"a.txt", "passwd.txt", "secret.txt"}
    assert "fifo.txt" not in map(os.path.basename, followed)
    # The folder past PATH_MAX is reported, not skipped; a FIFO named on the command line
    # is refused at once instead of waiting for a writer.
    assert "File name too long" in check_file(deep, []).error.en  # type: ignore[union-attr]
    assert check_file(str(top / "fifo.txt"), []).error.en == "not a regular file (a FIFO, socket or device)"  # type: ignore[union-attr]


# ---------------------------------------------------------------- terminal output


def test_control_characters_in_report_text_never_reach_the_terminal() -> None:
    text = "某局\x1b[2J\x1b[H检查了 1 个文件：0 个错误\x07\n"
    buffer = io.StringIO()
    reporter = TerminalReporter(Console(file=buffer, width=100, color_system=None), lang="en")
    finding = Finding(
        span=SPAN_PROBE, code="XX001", rule="r", severity=Severity.ERROR, message=Text(zh="\x1b]0;x\x07", en="\x1b[31m")
    )
    reporter.file(FileResult(path="evil\x1b[1A.txt", findings=[finding], source=SourceDocument("-", text, "text")))
    shown = buffer.getvalue()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "evil␛[1A.txt:1:1" in shown
    assert "某局␛[2J␛[H检查了" in shown


# ---------------------------------------------------------------- baselines, configuration, options


def test_write_baseline_never_destroys_a_file_and_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(DEMO.read_text(encoding="utf-8"), encoding="utf-8")
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": 1}', encoding="utf-8")
    for target, words in (
        (tmp_path / "missing" / "b.json", "does not exist"),
        (report, "is a report being checked"),
        (notes, "is not a gklint baseline"),
    ):
        assert main(["check", "--isolated", "--write-baseline", str(target), str(report)]) == 2
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1, err
    assert report.read_text(encoding="utf-8") == DEMO.read_text(encoding="utf-8")
    assert notes.read_text(encoding="utf-8") == '{"mine": 1}'


def test_deeply_nested_configuration_baseline_and_check_are_clear_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "b.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["check", "--isolated", "--baseline", str(baseline), str(report)]) == 2
    assert "not a gklint baseline (RecursionError" in capsys.readouterr().err

    config = tmp_path / "deep.toml"
    config.write_text("select = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    assert main(["check", "--config", str(config), str(report)]) == 2
    assert "invalid TOML: nested too deeply" in capsys.readouterr().err

    pack = tmp_path / "pack.toml"
    check = "(" * 2000 + "t3.new_received.total" + ")" * 2000 + " <= 1"
    pack.write_text(
        f'[pack]\nname = "deep"\n[[rule]]\ncode = "XD001"\nname = "deep"\nseverity = "info"\nkind = "cell"\n'
        f'check = "{check}"\nmessage = "m"\n',
        encoding="utf-8",
    )
    config.write_text('packs = ["pack.toml"]\n', encoding="utf-8")
    assert main(["check", "--config", str(config), str(report)]) == 2
    assert "nested more than 50 deep" in capsys.readouterr().err


def test_a_year_without_a_calendar_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--isolated", "--year", "99999", str(CLEAN)]) == 2
    assert "not a report year (1990 to 2100): '99999'" in capsys.readouterr().err


def test_standard_input_obeys_the_size_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * (3 << 20))))
    code, report = _json(capsys, "--max-file-size", "1", "-")
    assert code == 2
    assert report["files"][0]["error"] == "standard input is over the 1 MB limit (--max-file-size)"


def test_cells_of_thousands_of_digits_crash_no_rule(ruleset: object) -> None:
    huge = "9" * 5000
    text = "\n".join(
        "\t".join(huge if cell.strip().isdigit() else cell for cell in line.split("\t"))
        for line in CLEAN.read_text(encoding="utf-8").split("\n")
    )
    found = lint_text(text, ruleset.rules)  # type: ignore[attr-defined]
    assert not [f.message.en for f in found if f.code == "GK000"]


# ---------------------------------------------------------------- the temp folder


def test_a_run_leaves_an_empty_temp_folder_empty(tmp_path: Path) -> None:
    """Nothing is read from or written to $TMPDIR (lark's cache lived there), in one
    process or with worker processes."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (reports / name).write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    for extra in ([], ["--jobs", "2"]):
        run = subprocess.run(
            [sys.executable, "-m", "gklint", "check", "--isolated", "--format", "json", *extra, str(reports)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert run.returncode == 0, run.stderr
        assert list(temp.iterdir()) == []
    # Nor is anything there opened: a planted pickle (lark's cache) is never read.
    (temp / ".lark_cache_planted.tmp").write_bytes(b"planted")
    probe = (
        "import os, sys\n"
        "opened = []\n"
        "sys.addaudithook(lambda event, args: event == 'open' and str(args[0]).startswith(os.environ['TMPDIR'])"
        " and opened.append(args[0]))\n"
        "from gklint.cli import main\n"
        "main(['check', '--isolated', '--format', 'json', sys.argv[1]])\n"
        "print(opened, file=sys.stderr)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(reports)], capture_output=True, text=True, env=env, timeout=60
    )
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr


def test_a_pack_calling_sys_exit_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from importlib.metadata import EntryPoint

    from gklint import plugins

    (tmp_path / "exit_on_import.py").write_text("import sys\nsys.exit(0)\n", encoding="utf-8")
    (tmp_path / "exit_on_listing.py").write_text(
        "import sys\nfrom gklint.api import hookimpl\n\n@hookimpl\ndef gklint_rules():\n    sys.exit(0)\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [
        EntryPoint(name="structure", value="gklint_rules.structure", group=plugins.ENTRY_POINT_GROUP),
        EntryPoint(name="on_import", value="exit_on_import", group=plugins.ENTRY_POINT_GROUP),
        EntryPoint(name="on_listing", value="exit_on_listing", group=plugins.ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(plugins, "entry_points", lambda group: points if group == plugins.ENTRY_POINT_GROUP else [])

    assert main(["check", "--isolated", "--lang", "en", str(DEMO)]) == 0
    out, err = capsys.readouterr()
    assert "rule pack 'on_import' failed to load: SystemExit: 0" in err
    assert "rule pack 'on_listing' failed to list its rules: SystemExit: 0" in err
    assert "Checked 1 file:" in out


# ---------------------------------------------------------------- bounds at the readers' boundary


def test_memory_exhaustion_is_an_error_of_the_file_in_one_line() -> None:
    from lark.exceptions import VisitError

    def out_of_memory() -> FileResult:
        raise VisitError("subheading", None, MemoryError())  # as lark wraps a transformer's failure

    def multi_line() -> FileResult:
        raise VisitError("subheading", None, ValueError("first\n\nsecond"))

    result = contain("x.txt", None, out_of_memory)
    assert not result.internal and result.error is not None
    assert result.error.en == "checking ran out of memory and was stopped"
    result = contain("x.txt", None, multi_line)
    assert result.internal and result.error is not None
    assert result.error.en == "internal error (ValueError: first second); this is a bug in gklint, please report it"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("一、总体情况\n" * 60_000, "the text has 60001 lines, more than 50000"),
        ("项目" + "\t1" * 210_000 + "\n", "its tables have more than 200000 cells"),
    ],
)
def test_a_file_of_more_lines_or_cells_than_a_report_is_refused(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    result = check_file(str(path), [])
    assert result.error is not None and words in result.error.en, result.error


# ---------------------------------------------------------------- prose: linear in a paragraph's length

PROSE_RUNS = ["1,234条", "1,234,", "其中、1件", "（", "《", "其中", "、", "1" * 10, "一" * 10, "第一", "2023年"]


def _prose_seconds(ruleset: object, run: str, count: int) -> float:
    text = "# 某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n" + run * count + "\n"
    times = []
    for _ in range(3):
        # CPU time: a wait for a core other processes hold is not the paragraph's cost.
        start = time.process_time()
        lint_text(text, ruleset.rules)  # type: ignore[attr-defined]
        times.append(time.process_time() - start)
    return min(times)


@pytest.mark.parametrize("run", PROSE_RUNS)
def test_a_pathological_paragraph_is_checked_in_linear_time(ruleset: object, run: str) -> None:
    """A paragraph four times as long takes at most eight times as long, not sixteen (timed by growth).

    The bound leaves room for a loaded machine (linear is ×4, quadratic ×16)."""
    short, long = _prose_seconds(ruleset, run, 2_000), _prose_seconds(ruleset, run, 8_000)
    assert long <= 8 * short, f"{run!r} × 2000 → 8000: {short:.4f}s → {long:.4f}s"
