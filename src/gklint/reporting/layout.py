"""What the page and spreadsheet reporters need beyond the findings: the report's
agency, year and template, its tables row by row, and a place name for every finding.

The reporters re-parse the canonical text (parsing is cheap; the table recognition
rules need is not repeated). A text file has no reader-made source map, so its table
cells are named here from the canonical layout, the same way the .docx reader counts
tables: ``表3 第5行 第2列`` is the third table's fifth row, second column.
"""

from __future__ import annotations

from dataclasses import dataclass

from gklint.ast import Span, Table
from gklint.findings import Finding
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.readers.locate import locate
from gklint.runner import FileResult

TEMPLATE_NAMES = {
    "zh": {"2021": "2021年版", "2019": "2019年试行版", "legacy": "2019年以前旧版"},
    "en": {"2021": "2021", "2019": "2019 (trial)", "legacy": "pre-2019"},
}


@dataclass(frozen=True, slots=True)
class RowPlace:
    """A canonical line that is a table row: which table (1-based, in document order) and row."""

    table: int
    row: int


@dataclass(frozen=True)
class Layout:
    """One checked report as the reporters see it."""

    report: Report
    tables: tuple[Table, ...]
    rows: dict[int, RowPlace]  # canonical line number → its table row

    @property
    def agency(self) -> str | None:
        """The issuing agency (from the title, or ``--agency``/config)."""
        return self.report.agency

    @property
    def year(self) -> int | None:
        """The report year (from the title, or ``--year``/config)."""
        return self.report.year

    def template(self, lang: str) -> str:
        """The template the report follows, named for people; empty when unknown."""
        template = self.report.template
        return TEMPLATE_NAMES[lang].get(template, template) if template else ""


def layout_of(result: FileResult, *, year: int | None = None) -> Layout | None:
    """The layout of a checked file; None when it could not be read."""
    if result.source is None:
        return None
    text = result.source.text
    document = parse(text)
    tables = tuple(document.iter(Table))
    rows = {row.span.line: RowPlace(t, r) for t, table in enumerate(tables, 1) for r, row in enumerate(table.rows, 1)}
    return Layout(build_report(document, text, year=year), tables, rows)


def field_of(line: str, column: int) -> int:
    """The 1-based TAB-separated field of a table row that 1-based ``column`` lies in."""
    return line.count("\t", 0, max(column - 1, 0)) + 1


def place(result: FileResult, layout: Layout | None, finding: Finding, lang: str) -> str:
    """Where ``finding`` is in the original: the reader's source map for .docx, HTML and
    PDF (``表3 第5行 第2列``, ``第18段``, ``第3页``), else the text file's own line and, in a
    table, the cell."""
    zh = lang != "en"
    where = locate(result.source, finding.span)
    if where is not None:
        return where.describe(lang)
    span = finding.span
    line = f"第{span.line}行" if zh else f"line {span.line}"
    row = layout.rows.get(span.line) if layout is not None else None
    if row is None or result.source is None:
        return line
    text = result.source.text.split("\n")[span.line - 1]
    cell = _single_field(text, span)
    parts = [f"表{row.table}", f"第{row.row}行"] if zh else [f"table {row.table}", f"row {row.row}"]
    if cell is not None:
        parts.append(f"第{cell}列" if zh else f"column {cell}")
    return f"{' '.join(parts)}（{line}）" if zh else f"{', '.join(parts)} ({line})"


def _single_field(line: str, span: Span) -> int | None:
    """The field a one-line span lies in, None when it crosses a TAB (the whole row)."""
    if span.end_line != span.line:
        return None
    start, end = span.column - 1, span.end_column - 1
    return None if "\t" in line[start:end] else field_of(line, span.column)
