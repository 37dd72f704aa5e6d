"""The Excel workbook: one summary row per report, one row per finding, text kept as text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gklint.ast import Span
from gklint.cli import main
from gklint.findings import Finding, Severity, Text
from gklint.readers.base import SourceDocument
from gklint.reporting.xlsx import write_xlsx
from gklint.runner import FileResult


def test_corpus_gives_a_row_per_report_and_per_finding(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(corpus / "real")
    main(["check", "--isolated", "--format", "json", folder])
    reference = json.loads(capsys.readouterr().out)
    target = tmp_path / "summary.xlsx"
    assert main(["check", "--isolated", "--format", "xlsx", "-o", str(target), folder]) == 1
    assert capsys.readouterr().out == ""
    book = load_workbook(target)
    assert book.sheetnames == ["汇总", "问题清单"]
    summary, findings = book["汇总"], book["问题清单"]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[0] == ("文件", "机关", "年度", "格式", "错误", "警告", "提示", "无法读取")
    assert [r[0] for r in rows[1:]] == [f["path"] for f in reference["files"]]
    for row in rows[1:]:
        mine = [f for f in reference["findings"] if f["path"] == row[0]]
        assert row[4:7] == tuple(sum(f["severity"] == s for f in mine) for s in ("error", "warning", "info"))
    assert any(r[1] and r[2] for r in rows[1:])  # agency and year read from the titles
    listed = list(findings.iter_rows(values_only=True))
    assert listed[0] == ("文件", "位置", "行", "列", "代码", "规则", "级别", "问题", "应为", "修改建议", "上年对照")
    assert [(r[0], r[2], r[3], r[4], r[7]) for r in listed[1:]] == [
        (f["path"], f["line"], f["column"], f["code"], f["message"]) for f in reference["findings"]
    ]
    for sheet in (summary, findings):
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
    # A column of Chinese messages is sized by display width (two cells a character), capped.
    assert findings.column_dimensions["H"].width == 62
    assert summary.column_dimensions["C"].width == 6


def test_text_stays_text(tmp_path: Path) -> None:
    text = "=1+2 某局2024年政府信息公开工作年度报告\n"
    finding = Finding(
        span=Span.of(text, 0, 4),
        code="ZZ001",
        rule="probe",
        severity=Severity.WARNING,
        message=Text(zh='=HYPERLINK("http://x","点")\x1b[2J', en="x"),
        expected="=SUM(A1:A9)",
    )
    source = SourceDocument(path="a.txt", text=text, format="text")
    target = tmp_path / "x.xlsx"
    write_xlsx([FileResult(path="=a.txt", findings=[finding], source=source)], target, lang="zh")
    book = load_workbook(target)
    [row] = list(book["问题清单"].iter_rows(min_row=2))
    assert [c.data_type for c in row[:1] + row[7:9]] == ["s", "s", "s"]
    assert row[0].value == "=a.txt"
    assert row[7].value == '=HYPERLINK("http://x","点")\ufffd[2J'
    assert row[8].value == "=SUM(A1:A9)"
    assert book["汇总"]["A2"].value == "=a.txt"


def test_an_unreadable_report_has_its_row_and_english_headers_follow_lang(tmp_path: Path) -> None:
    target = tmp_path / "en.xlsx"
    unreadable = FileResult(path="bad.txt", error=Text(zh="文件为空", en="empty file"))
    write_xlsx([unreadable], target, lang="en")
    book = load_workbook(target)
    assert book.sheetnames == ["summary", "findings"]
    assert list(book["summary"].iter_rows(values_only=True)) == [
        ("file", "agency", "year", "template", "errors", "warnings", "infos", "unreadable"),
        ("bad.txt", None, None, None, 0, 0, 0, "empty file"),
    ]
    assert list(book["findings"].iter_rows(min_row=2, values_only=True)) == []
