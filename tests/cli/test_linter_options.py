"""The options a ruff user expects of `gklint check` (issue 14 point 2), and --show-suppressed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gklint.cli import main
from tests.conftest import ROOT

DEMO = ROOT / "examples" / "demo-2024.txt"
SUMMARY = "检查了 1 个文件"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("flag", ["-o", "--output", "--output-file"])
def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, flag: str) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "check", "--format", "json", flag, str(target), str(DEMO))
    assert (code, out) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_exit_zero_forgives_findings_not_unreadable_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "check", "--exit-zero", str(DEMO))
    assert code == 0 and "DT001" in out
    assert run(capsys, "check", "--exit-zero", str(tmp_path / "missing.txt"))[0] == 2


def test_quiet_prints_the_findings_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", "-q", "--statistics", str(DEMO))
    assert code == 1 and "demo-2024.txt:3:91: DT001" in out
    assert SUMMARY not in out and "DT002 stray-year" not in out and err == ""  # nor --statistics
    assert SUMMARY in run(capsys, "check", "--statistics", str(DEMO))[1]
    target = tmp_path / "out.txt"
    run(capsys, "check", "--quiet", "-o", str(target), str(DEMO))
    assert "DT001" in target.read_text(encoding="utf-8") and SUMMARY not in target.read_text(encoding="utf-8")


def test_stdin_filename_names_the_report_and_picks_its_configuration(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "gklint.toml").write_text('[per-file-ignores]\n"reports/*.txt" = ["DT001"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    findings = {}
    for name in ("reports/demo.txt", "reports/archive/demo.txt"):
        stdin(monkeypatch, DEMO.read_bytes())
        code, out, _ = run(capsys, "check", "--format", "json", "--stdin-filename", name)  # no PATH: stdin
        records = json.loads(out)["findings"]
        assert {r["path"] for r in records} == {name}
        findings[name] = {r["code"] for r in records}
    # gitignore semantics: reports/*.txt does not reach into reports/archive/.
    assert "DT001" not in findings["reports/demo.txt"] and "DT001" in findings["reports/archive/demo.txt"]
    stdin(monkeypatch, b"")
    code, out, _ = run(capsys, "check", "--stdin-filename", "draft.txt", "-")
    assert code == 2 and "draft.txt: 无法读取: 文件为空" in out


def test_stdin_filename_extension_picks_the_reader(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.readers.builders import build_docx

    stdin(monkeypatch, build_docx(DEMO.read_text(encoding="utf-8")))
    code, out, _ = run(capsys, "check", "--format", "json", "--stdin-filename", "draft.docx", "-")
    records = json.loads(out)["findings"]
    assert records and all(r["path"] == "draft.docx" and r["source"] for r in records)


def test_stdin_filename_needs_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--stdin-filename", "x.txt", str(DEMO))
    assert code == 2 and "give - as a PATH" in err
    assert run(capsys, "check")[0] == 2


def test_show_files_lists_each_file_once_and_checks_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("x", encoding="utf-8")
    a = str(tmp_path / "a.txt")
    code, out, _ = run(capsys, "check", "--show-files", a, str(tmp_path), os.path.join(str(tmp_path), ".", "a.txt"))
    assert code == 0
    assert out.split() == [a, str(tmp_path / "sub" / "b.md")]


def test_a_file_named_twice_is_checked_once(capsys: pytest.CaptureFixture[str]) -> None:
    again = os.path.join(str(DEMO.parent), ".", DEMO.name)
    code, out, _ = run(capsys, "check", "--format", "json", str(DEMO), str(DEMO), str(DEMO.parent), again)
    data = json.loads(out)
    assert [f["path"] for f in data["files"]] == [str(DEMO)]
    assert len(data["findings"]) == len({(f["line"], f["column"], f["code"]) for f in data["findings"]})


def test_show_suppressed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = DEMO.read_text(encoding="utf-8").split("\n")
    lines[2] += "  <!-- gklint: ignore[DT001] -->"
    report = tmp_path / "r.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(report))
    assert "DT001" not in out
    shown_code, shown, _ = run(capsys, "check", "--show-suppressed", str(report))
    assert "r.txt:3:91: DT001 [错误] [已抑制]" in shown
    assert shown_code == code and shown.splitlines()[-1] == out.splitlines()[-1]  # not counted
    records = json.loads(run(capsys, "check", "--format", "json", "--show-suppressed", str(report))[1])["findings"]
    assert [(r["code"], r["suppressed"]) for r in records if r["suppressed"]] == [("DT001", True)]
    assert run(capsys, "check", "--format", "sarif", "--show-suppressed", str(report))[0] == 2


def test_shell_completion(tmp_path: Path) -> None:
    """argcomplete completes options and rule selectors (codes, names, packs)."""
    found = {}
    for line in ("gklint check --show-", "gklint explain stray", "gklint check --select DT001,stray"):
        target = tmp_path / "completions"
        env = {
            **os.environ,
            "_ARGCOMPLETE": "1",
            "COMP_LINE": line,
            "COMP_POINT": str(len(line)),
            "_ARGCOMPLETE_STDOUT_FILENAME": str(target),
        }
        code = "import sys; from gklint.cli import main; sys.exit(main())"
        subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60, stdin=subprocess.DEVNULL)
        found[line] = set(target.read_text(encoding="utf-8").replace("\v", " ").split())
    assert found["gklint check --show-"] == {"--show-files", "--show-suppressed"}
    assert found["gklint explain stray"] == {"stray-year"}
    assert found["gklint check --select DT001,stray"] == {"DT001,stray-year"}
