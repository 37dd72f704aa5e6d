"""An Excel workbook for auditors who check a whole archive (``--format xlsx -o FILE``).

Sheet 汇总 has one row per report (file, agency, year, template, counts by severity,
why it could not be read); sheet 问题清单 one row per finding (file, place in the
original, line and column, code, rule, severity, message, expected value, fix, and
for a cross-year finding the place in last year's report it compares with). Both
have a frozen header row, filters, and column widths measured in display cells, so
Chinese text (two cells a character) fits. Text is always stored as text: a report or
rule string that starts with ``=`` never becomes a formula.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gklint.findings import Finding, Severity
from gklint.reporting.layout import layout_of, place
from gklint.runner import FileResult

HEADERS = {
    "zh": {
        "summary": ("文件", "机关", "年度", "格式", "错误", "警告", "提示", "无法读取"),
        "findings": ("文件", "位置", "行", "列", "代码", "规则", "级别", "问题", "应为", "修改建议", "上年对照"),
    },
    "en": {
        "summary": ("file", "agency", "year", "template", "errors", "warnings", "infos", "unreadable"),
        "findings": (
            "file",
            "place",
            "line",
            "column",
            "code",
            "rule",
            "severity",
            "message",
            "expected",
            "help",
            "last year",
        ),
    },
}
SHEETS = {"zh": ("汇总", "问题清单"), "en": ("summary", "findings")}
LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Wider columns wrap instead: a message may run to a hundred characters.
MAX_WIDTH = 60


def write_xlsx(results: Sequence[FileResult], path: Path, *, lang: str, year: int | None = None) -> None:
    """Write the workbook to ``path`` (``year`` is ``--year``); OSError if it cannot be written."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title, findings_title = SHEETS[lang]
    findings = workbook.create_sheet(findings_title)
    summary_rows: list[list[Any]] = []
    finding_rows: list[list[Any]] = []
    labels = LABELS[lang]
    for result in results:
        layout = layout_of(result, year=year)
        counts = Counter(f.severity for f in result.findings)
        summary_rows.append(
            [
                result.path,
                layout.agency if layout else None,
                layout.year if layout else None,
                layout.template(lang) if layout else None,
                *(counts[s] for s in ORDER),
                result.error.get(lang) if result.error else None,
            ]
        )
        for f in result.findings:
            finding_rows.append(
                [
                    result.path,
                    place(result, layout, f, lang),
                    f.span.line,
                    f.span.column,
                    f.code,
                    f.rule,
                    labels.get(f.severity, str(f.severity)),
                    f.message.get(lang),
                    f.expected,
                    f.help.get(lang) if f.help else None,
                    _related(f),
                ]
            )
    _fill(summary, HEADERS[lang]["summary"], summary_rows)
    _fill(findings, HEADERS[lang]["findings"], finding_rows)
    workbook.save(path)


def _related(finding: Finding) -> str | None:
    """``path:line:column`` of the place in last year's report a cross-year finding compares with."""
    related = finding.related
    return None if related is None else f"{related.path}:{related.span.line}:{related.span.column}"


def _fill(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    widths = [_width(h) for h in headers]
    for column, header in enumerate(headers, 1):
        cell = sheet.cell(row=1, column=column, value=header)
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            if value is None:
                continue
            cell = sheet.cell(row=r, column=column)
            if isinstance(value, str):
                # Control characters are not allowed in the file format; a report may hold them.
                value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                cell.value = value
                cell.data_type = "s"  # never a formula, whatever the text starts with
                if _width(value) > MAX_WIDTH:
                    cell.alignment = wrap
            else:
                cell.value = value
            widths[column - 1] = max(widths[column - 1], _width(str(value)))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 2)}"


def _width(text: str) -> int:
    """Display cells: East Asian wide and fullwidth characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
