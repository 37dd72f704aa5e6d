"""A corpus report converted to .docx or HTML, as published, gives the same tables and
the same findings as its text version.

The comparison is generic on purpose (all rules that exist, whatever they flag): each
finding is keyed by code, message, the flagged text and, inside a table, its table,
row and cell index, so it keeps holding as rules are added.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gklint.ast import Table
from gklint.findings import Finding
from gklint.parser import parse
from gklint.plugins import RuleSet
from gklint.readers import SourceDocument
from gklint.runner import FileResult, check_file
from tests.readers.builders import build_docx, build_html, build_pdf

# Reports whose tables have merged cells (row and column spans), in three layouts.
REPORTS = ["real/002-pingtan-2023.txt", "real/000-weihui-kgxj-2021.txt", "real/009-shanghai-bgt-2019.txt"]
CONVERSIONS = {
    "docx": lambda text: build_docx(text),
    "docx-word-numbering": lambda text: build_docx(text, word_numbering=True),
    "html-utf8": lambda text: build_html(text),
    "html-gbk": lambda text: build_html(text, charset="gbk"),
    "pdf": lambda text: build_pdf(text),
}
SUFFIX = {"docx": ".docx", "docx-word-numbering": ".docx", "html-utf8": ".html", "html-gbk": ".htm", "pdf": ".pdf"}


def _squash(text: str) -> str:
    # A header split by <br> or a Word line break may differ in spacing only.
    return re.sub(r"\s+", "", text)


def tables(source: SourceDocument) -> list[list[list[str]]]:
    return [[[_squash(c.text) for c in row.cells] for row in t.rows] for t in parse(source.text).iter(Table)]


def finding_keys(source: SourceDocument, findings: list[Finding]) -> list[tuple[object, ...]]:
    """Findings without line numbers: code, message, flagged text, (table, row, cell)."""
    document_tables = list(parse(source.text).iter(Table))
    keys = []
    for finding in findings:
        place = None
        start = finding.span.start
        for t, table in enumerate(document_tables):
            for r, row in enumerate(table.rows):
                if row.span.start <= start <= row.span.end:
                    cell = next(i for i, c in enumerate(row.cells) if c.span.start <= start <= c.span.end)
                    place = (t, r, cell)
        flagged = _squash(source.text[finding.span.start : finding.span.end])
        keys.append((finding.code, _squash(finding.message.zh), flagged, place))
    return sorted(keys, key=repr)


@pytest.fixture(scope="module")
def text_results(ruleset: RuleSet) -> dict[str, FileResult]:
    """The text version's result per report, computed once for all its conversions."""
    return {}


@pytest.mark.parametrize("conversion", CONVERSIONS)
@pytest.mark.parametrize("name", REPORTS)
def test_converted_report_matches_text(
    corpus: Path, name: str, conversion: str, ruleset: RuleSet, text_results: dict[str, FileResult], tmp_path: Path
) -> None:
    original = corpus / name
    converted = tmp_path / (original.stem + SUFFIX[conversion])
    converted.write_bytes(CONVERSIONS[conversion](original.read_text(encoding="utf-8")))

    if name not in text_results:
        text_results[name] = check_file(str(original), ruleset.rules)
    expected = text_results[name]
    actual = check_file(str(converted), ruleset.rules)

    assert actual.ok, actual.error
    assert expected.source is not None and actual.source is not None
    assert tables(actual.source) == tables(expected.source)
    assert finding_keys(actual.source, actual.findings) == finding_keys(expected.source, expected.findings)


def test_word_numbering_supplies_the_section_numbers(corpus: Path, tmp_path: Path) -> None:
    """The headings' 一、二、… exist only in numbering.xml, and still reach the canonical text."""
    import zipfile

    text = (corpus / REPORTS[0]).read_text(encoding="utf-8")
    path = tmp_path / "numbered.docx"
    path.write_bytes(build_docx(text, word_numbering=True))
    body = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "一、总体情况" not in body and "总体情况" in body

    result = check_file(str(path), [])

    assert result.source is not None
    lines = result.source.text.split("\n")
    assert "一、总体情况" in lines and "六、其他需要报告的事项" in lines
