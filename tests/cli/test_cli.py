"""The command line as a user and a script see it: exit codes, output, JSON schema."""

from __future__ import annotations

import codecs
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from gklint.cli import main
from tests.conftest import ROOT, SAMPLES

CLEAN = str(SAMPLES / "clean-2024.txt")
DEMO = str(ROOT / "examples" / "demo-2024.txt")
FINDING_KEYS = {
    "path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "help", "expected",
    "source",  # where in the original .docx/HTML/PDF; null for text files (issue 4)
    "related",  # last year's place for a cross-year finding; null otherwise (issue 10)
    "suppressed",  # silenced by a gklint: ignore comment, shown with --show-suppressed (issue 14)
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, "check", "--format", "json", *argv)
    return code, json.loads(out)


def test_clean_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", CLEAN)
    assert code == 0
    assert "0 个错误" in out


def test_errors_exit_1_and_are_shown_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", DEMO)
    assert code == 1
    assert "demo-2024.txt:3:91: DT001 [错误]" in out
    assert "= 帮助: 统计期限应为2024年1月1日至2024年12月31日" in out


def test_fail_on_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(Path(CLEAN).read_text(encoding="utf-8").replace("2024年本机关未收取信息处理费。", "无。"))
    assert run(capsys, "check", str(report))[0] == 0
    assert run(capsys, "check", "--fail-on", "warning", str(report))[0] == 1


def test_caret_sits_under_the_cjk_span(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", DEMO)
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{DEMO}:76:12: DT002"))
    source, carets = lines[index + 2], lines[index + 3]
    prefix = source[: source.index("2023年")]
    assert carets.index("^") == cell_len(prefix)
    assert carets.strip(" |") == "^" * cell_len("2023年")


def test_english_messages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--lang", "en", DEMO)
    assert "DT001 [error] the statistics period says 2023; the report year is 2024" in out
    assert "Checked 1 file:" in out and "(s)" not in out


def test_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, data = run_json(capsys, DEMO, CLEAN)
    assert code == 1
    assert set(data) == {"findings", "files"}
    assert data["files"] == [
        {
            "path": path,
            "status": "ok",
            "error": None,
            "encoding": "utf-8",
            "year": 2024,
            "year_source": "title",
            "previous": None,
            "previous_candidates": [],
        }
        for path in (DEMO, CLEAN)
    ]
    assert data["findings"]
    for finding in data["findings"]:
        assert set(finding) == FINDING_KEYS
        assert finding["severity"] in ("error", "warning", "info")
        assert all(
            isinstance(finding[k], int) and finding[k] >= 1 for k in ("line", "column", "end_line", "end_column")
        )
        assert isinstance(finding["message"], str) and finding["message"]
        assert finding["help"] is None or isinstance(finding["help"], str)


def test_json_and_text_report_the_same_findings(capsys: pytest.CaptureFixture[str]) -> None:
    _, data = run_json(capsys, DEMO)
    _, out, _ = run(capsys, "check", DEMO)
    heads = [line for line in out.splitlines() if line.startswith(f"{DEMO}:")]
    assert heads == [
        f"{DEMO}:{f['line']}:{f['column']}: {f['code']} "
        + "["
        + {"error": "错误", "warning": "警告", "info": "提示"}[f["severity"]]
        + f"] {f['message']}"
        for f in data["findings"]
    ]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (bytes(range(256)) * 4, "binary"),
        (b"", "empty"),
        (b" \n\r\n\t\n", "empty"),
        (b"\x81\x30\xff\xfe\x00\x00" + bytes(range(128, 256)), "binary"),
    ],
    ids=["binary", "empty", "blank", "nul-after-gb-bytes"],
)
def test_unreadable_file_exits_2_and_others_are_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, why: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    code, data = run_json(capsys, "--lang", "en", str(bad), DEMO)
    assert code == 2
    assert data["files"][0]["status"] == "error" and why in data["files"][0]["error"]
    assert data["files"][1]["status"] == "ok"
    assert {f["path"] for f in data["findings"]} == {DEMO}
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 2 and f"{bad}: 无法读取: " in out and "Traceback" not in out


def test_missing_file_exits_2_with_the_reason_in_either_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "check", str(tmp_path / "nope.txt"))
    assert code == 2 and f"{tmp_path / 'nope.txt'}: 无法读取: 文件不存在" in out
    code, out, _ = run(capsys, "check", "--lang", "en", str(tmp_path / "nope.txt"))
    assert code == 2 and f"{tmp_path / 'nope.txt'}: cannot read: no such file" in out


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_boms(capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str, bom: bytes) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(bom + Path(DEMO).read_text(encoding="utf-8").encode(encoding))
    code, data = run_json(capsys, str(report))
    _, reference = run_json(capsys, DEMO)
    assert code == 1 and data["files"][0]["encoding"].endswith("(BOM)")
    assert [(f["code"], f["line"], f["column"]) for f in data["findings"]] == [
        (f["code"], f["line"], f["column"]) for f in reference["findings"]
    ]


def test_directory_walk_and_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, data = run_json(capsys, str(ROOT / "examples"))
    assert [f["path"] for f in data["files"]] == [DEMO]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(Path(DEMO).read_bytes())))
    code, data = run_json(capsys, "-")
    assert code == 1 and data["files"] == [
        {
            "path": "-",
            "status": "ok",
            "error": None,
            "encoding": "utf-8",
            "year": 2024,
            "year_source": "title",
            "previous": None,
            "previous_candidates": [],
        }
    ]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lint")[0] == 2
    code, _, err = run(capsys, "explain", "no-such-rule")
    assert code == 2 and "unknown rule 'no-such-rule'" in err


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    for code_name in ("ST001", "missing-section", "DT002", "stray-year", "TX003"):
        assert code_name in out
    code, out, _ = run(capsys, "explain", "stray-year")
    assert code == 0 and "DT002 stray-year" in out and "What it does" in out and "References" in out
    assert run(capsys, "explain", "dt002")[1] == out


def test_python_dash_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gklint", "check", "--format", "json", CLEAN],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["status"] == "ok"


def test_walks_skip_hidden_folders_packages_and_project_documents(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = Path(DEMO).read_text(encoding="utf-8")
    for name in (
        "reports/2024.txt",
        "README.md",
        "docs/CHANGELOG.md",
        ".venv/lib/x.txt",
        "node_modules/a/b.md",
        ".draft.txt",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(report, encoding="utf-8")
    _, data = run_json(capsys, "--isolated", str(tmp_path))
    assert [f["path"] for f in data["files"]] == [str(tmp_path / "reports/2024.txt")]
    _, data = run_json(capsys, "--isolated", str(tmp_path / "README.md"))
    assert data["files"][0]["status"] == "ok"  # named on the command line: checked


def test_jobs_give_the_same_output_in_the_same_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for index, name in enumerate(["b.txt", "a.txt", "c/d.txt"] * 3):
        path = tmp_path / f"{index}-{name}" if "/" not in name else tmp_path / f"c{index}" / "d.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Path(DEMO if index % 2 else CLEAN).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    one = run(capsys, "check", "--format", "json", "--isolated", "--jobs", "1", str(tmp_path))
    two = run(capsys, "check", "--format", "json", "--isolated", "--jobs", "2", str(tmp_path))
    assert one == two and one[0] == 2
    assert run(capsys, "check", "--jobs", "0", CLEAN)[0] == 2


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_reader_that_goes_away_ends_the_run_quietly(tmp_path: Path, fmt: str) -> None:
    """`gklint check … | head`: no traceback, no 'cannot write' error, no usage-error exit."""
    for index in range(40):  # far more output than a pipe holds
        (tmp_path / f"r{index:02d}.txt").write_text(Path(DEMO).read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gklint", "check", "--format", fmt, "--no-pair", "--jobs", "1", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    error = proc.stderr.read().decode()
    code = proc.wait(timeout=120)
    assert code in (1, 141), (code, error)
    assert "Traceback" not in error and "cannot write" not in error, error


def test_version_is_what_argparse_would_print(capsys: pytest.CaptureFixture[str]) -> None:
    from gklint import __version__

    assert run(capsys, "--version", "check") == (0, f"gklint {__version__}\n", "")
    assert run(capsys, "--version") == (0, f"gklint {__version__}\n", "")


def test_a_one_report_check_imports_only_what_it_uses() -> None:
    """Start-up (issue 13): no importlib.metadata (the version, entry points), no baseline, and
    no rich console when the output is no terminal."""
    probe = (
        "import sys\nfrom gklint.cli import main\n"
        f"main(['check', '--no-progress', {DEMO!r}])\n"
        "print(sorted(m for m in ('importlib.metadata', 'gklint.baseline', 'rich.console') if m in sys.modules), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr


def test_version_alone_imports_neither_the_command_line_nor_package_metadata() -> None:
    """`gklint --version` (issue 13: ≤ 3× python -c pass) reads the version written in the
    package, loading neither gklint.cli nor importlib.metadata."""
    probe = (
        "import sys, runpy\nsys.argv = ['gklint', '--version']\n"
        "try:\n    runpy.run_module('gklint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('importlib.metadata', 'gklint.cli') if m in sys.modules), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert run.stdout.startswith("gklint "), run.stdout
    assert run.stderr.strip().splitlines()[-1] == "[]", run.stderr
