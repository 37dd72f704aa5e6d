"""The HTML page as a browser renders it: every finding is highlighted where it stands.

One page over a small batch — the demo as text and as .docx, last year's demo (so the
cross-year rules fire beside the table, prose and structure rules), and an unreadable
file — rendered once in headless Chromium. Its screenshot and its print-out are kept in
the test artifacts (``$GKLINT_ARTIFACTS``, default build/test-artifacts/). Skipped only
where Chromium is not installed; CI installs it (.ci/run).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gklint.cli import main
from tests.conftest import ROOT
from tests.readers.builders import build_docx
from tests.reporting.chromium import Browser, find_chromium

DEMO = ROOT / "examples" / "demo-2024.txt"
COLOURS = {"error": "rgb(255, 208, 208)", "warning": "rgb(255, 233, 168)", "info": "rgb(216, 236, 255)"}

# For each report section, for each row of its findings table: the element its link
# points at, how it looks, and what the row says.
PROBE = """
Array.from(document.querySelectorAll('section.file')).map(section =>
  Array.from(section.querySelectorAll('table.findings tbody tr')).map(row => {
    const id = row.querySelector('a').getAttribute('href').slice(1);
    const target = document.getElementById(id);
    const style = target && getComputedStyle(target);
    const box = target && target.getBoundingClientRect();
    const holder = target && target.closest('p, h3, h4, li, table');
    const notes = target && target.closest('.table') && target.closest('.table').querySelector('.notes');
    return {
      place: row.cells[0].textContent, code: row.cells[2].textContent, message: row.cells[4].textContent,
      found: !!target, codes: target ? target.dataset.codes.split(' ') : [],
      background: style && style.backgroundColor, visible: !!box && box.width > 0 && box.height > 0,
      tag: target && target.tagName, holder: holder && holder.tagName, text: target && target.textContent,
      title: target && target.title, notes: notes ? notes.textContent : '',
      related: row.querySelector('.related') ? row.querySelector('.related').textContent : null,
    };
  }))
"""
INDEX = """
Array.from(document.querySelectorAll('table.index tbody tr')).map(row =>
  Array.from(row.cells).map(cell => cell.textContent))
"""


def artifacts() -> Path:
    """Where tests leave files for a person to look at (not compared with anything)."""
    path = Path(os.environ.get("GKLINT_ARTIFACTS", ROOT / "build" / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def chromium() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run installs it)")
    return binary


def _flagged(text: str, finding: dict) -> str:
    line = text.split("\n")[finding["line"] - 1]
    end = finding["end_column"] if finding["end_line"] == finding["line"] else len(line) + 1
    return line[finding["column"] - 1 : end - 1]


def test_every_finding_is_highlighted_in_the_rendered_page(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = DEMO.read_text(encoding="utf-8")
    last_year = tmp_path / "demo-2023.txt"
    last_year.write_text(text.replace("2024", "2023"), encoding="utf-8")
    this_year = tmp_path / "demo-2024.txt"
    this_year.write_text(text, encoding="utf-8")
    docx = tmp_path / "demo-2024.docx"
    docx.write_bytes(build_docx(text))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files = [str(p) for p in (last_year, this_year, docx, empty)]
    main(["check", "--isolated", "--format", "json", *files])
    reference = json.loads(capsys.readouterr().out)
    page = tmp_path / "page.html"
    assert main(["check", "--isolated", "--format", "html", "-o", str(page), *files]) == 2
    with Browser(chromium) as browser:
        browser.open(page)
        sections = browser.evaluate(PROBE)
        index = browser.evaluate(INDEX)
        external = browser.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        browser.screenshot(artifacts() / "html-page.png")
        browser.print_pdf(artifacts() / "html-page.pdf")
        browser.emulate_media("print")
        printed = browser.evaluate(
            "[getComputedStyle(document.querySelector('.hit')).printColorAdjust,"
            " getComputedStyle(document.querySelectorAll('section.file')[1]).breakBefore]"
        )
    assert external == []  # self-contained: nothing is fetched
    assert printed == ["exact", "page"]  # highlights print in colour, one report a page

    # The index: one row per report with its agency, year and counts by severity.
    assert [row[0] for row in index] == files
    for row, path in zip(index[:3], files[:3], strict=True):
        mine = [f for f in reference["findings"] if f["path"] == path]
        assert row[1] == "示例市营商环境建设局"
        assert row[2] == Path(path).stem[-4:]
        assert [int(n) for n in row[4:7]] == [
            sum(f["severity"] == s for f in mine) for s in ("error", "warning", "info")
        ]
    assert "无法读取" in index[3][1]

    texts = {path: Path(path).read_text(encoding="utf-8") for path in files[:2]}
    codes = set()
    for section, path in zip(sections, files, strict=True):
        expected = [f for f in reference["findings"] if f["path"] == path]
        assert [row["code"] for row in section] == [f["code"] for f in expected], path
        for row, finding in zip(section, expected, strict=True):
            codes.add(finding["code"])
            assert row["found"] and row["visible"], finding
            assert finding["code"] in row["codes"], finding
            assert finding["message"] in row["title"], finding  # the message on hover
            # The element takes the colour of the worst finding on it: at least this one's.
            assert row["background"] in COLOURS.values(), finding
            if finding["severity"] == "error":
                assert row["background"] == COLOURS["error"], finding
            if finding["source"] is not None:
                assert row["place"] == finding["source"]["description"], finding
            if finding["related"] is not None:
                assert finding["related"]["path"] in row["related"], finding
            if row["tag"] == "TD":
                # A flagged cell: the expected value in it, the message beside its table.
                if finding["expected"]:
                    assert row["text"].endswith(f"→\xa0{finding['expected']}"), finding
                assert finding["message"] in row["notes"], finding
            elif path in texts and finding["end_column"] > finding["column"]:
                # Prose: the flagged characters themselves, inside their paragraph or heading.
                assert row["tag"] == "MARK" and row["holder"] in ("P", "H3", "H4"), finding
                assert _flagged(texts[path], finding).startswith(row["text"]), finding
    # Table cells, prose, structure and last year's comparison are all on the page.
    assert codes >= {"TB001", "DT002", "PR002", "ST003", "TX003", "XY001", "XY002", "XY003"}
    cells = [row for section in sections for row in section if row["code"] == "TB001"]
    assert cells and all(row["tag"] == "TD" for row in cells)
