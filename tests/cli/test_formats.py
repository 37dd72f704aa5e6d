"""SARIF and GitHub-annotation output carry the same findings as JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from gklint.cli import main
from gklint.findings import Finding, Severity, Text
from gklint.reporting.github import write_github
from gklint.runner import FileResult
from tests.conftest import ROOT, SPAN_PROBE

DEMO = str(ROOT / "examples" / "demo-2024.txt")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", "--isolated", *argv])
    return code, capsys.readouterr().out


def test_sarif_has_every_finding_with_its_rule(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, reference = _run(capsys, "--format", "json", DEMO)
    findings = json.loads(reference)["findings"]
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out = _run(capsys, "--format", "sarif", DEMO, str(bad))
    assert code == 2
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        (f["code"], f["line"]) for f in findings
    ]
    for result, finding in zip(results, findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startColumn"], region["endColumn"]) == (finding["column"], finding["end_column"])
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding["severity"]]
        assert result["message"]["text"].startswith(finding["message"])
    assert run["columnKind"] == "unicodeCodePoints"
    [invocation] = run["invocations"]
    assert not invocation["executionSuccessful"]
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == f"{bad}: 文件为空"


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    _, reference = _run(capsys, "--format", "json", DEMO)
    findings = json.loads(reference)["findings"]
    code, out = _run(capsys, "--format", "github", DEMO)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(findings)
    first = findings[0]
    assert lines[0].startswith(
        f"::error file={DEMO},line={first['line']},col={first['column']},endLine={first['end_line']},"
        f"endColumn={first['end_column']},title={first['code']} {first['rule']}::{first['message']}"
    )


def test_github_escapes_what_its_parser_would_misread(capsys: pytest.CaptureFixture[str]) -> None:
    finding = Finding(
        span=SPAN_PROBE,
        code="ZZ001",
        rule="probe",
        severity=Severity.INFO,
        message=Text(zh="100%\n第二行", en="x"),
    )
    out = io.StringIO()
    write_github([FileResult(path="a,b:c.txt", findings=[finding])], out, lang="zh")
    assert out.getvalue() == (
        "::notice file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=2,title=ZZ001 probe::100%25%0A第二行\n"
    )


def test_html_page_marks_every_finding_and_escapes_the_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(Path(DEMO).read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    _, reference = _run(capsys, "--format", "json", str(report))
    findings = json.loads(reference)["findings"]
    code, out = _run(capsys, "--format", "html", str(report), str(bad))
    assert code == 2
    page = lxml_html.fromstring(out)
    assert not page.xpath("//script")
    assert "<script>alert(1)</script>" in page.text_content()
    rows = page.xpath("//section[@id='r1']//table[@class='findings']/tbody/tr")
    assert len(rows) == len(findings)
    for row, finding in zip(rows, findings, strict=True):
        assert row.xpath("string(td[2])") == f"{finding['line']}:{finding['column']}"
        [target] = page.xpath(f"//*[@id='{row.xpath('string(td[2]/a/@href)')[1:]}']")
        assert finding["code"] in target.get("data-codes").split()
    assert "无法读取: 文件为空" in page.xpath("string(//section[@id='r2'])")


def test_output_file_and_xlsx_needs_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, reference = _run(capsys, "--format", "json", DEMO)
    written = tmp_path / "out.json"
    assert _run(capsys, "--format", "json", "-o", str(written), DEMO) == (1, "")
    assert written.read_text(encoding="utf-8") == reference
    code = main(["check", "--isolated", "--format", "xlsx", DEMO])
    assert code == 2
    assert "-o FILE.xlsx" in capsys.readouterr().err
    code = main(["check", "--isolated", "--format", "xlsx", "-o", str(tmp_path / "missing" / "x.xlsx"), DEMO])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err
