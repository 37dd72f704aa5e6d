"""The HTML page as a browser renders it: every finding is highlighted where it stands.

One page over a small batch (the demo as text and as .docx, and an unreadable file),
rendered once in headless Chromium. Its screenshot is kept in the test artifacts
(``$GKLINT_ARTIFACTS``, default build/test-artifacts/). Skipped only where Chromium is
not installed; CI installs it (.ci/run).
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

# For each row of each findings table: the element its link points at, and how it looks.
PROBE = """
Array.from(document.querySelectorAll('table.findings tbody tr')).map(row => {
  const id = row.querySelector('a').getAttribute('href').slice(1);
  const target = document.getElementById(id);
  const style = target && getComputedStyle(target);
  const box = target && target.getBoundingClientRect();
  return {
    code: row.cells[2].textContent, severity: row.className, found: !!target,
    codes: target ? target.dataset.codes.split(' ') : [], background: style && style.backgroundColor,
    visible: !!box && box.width > 0 && box.height > 0, tag: target && target.tagName,
  };
})
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


def test_every_finding_is_highlighted_in_the_rendered_page(
    chromium: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = tmp_path / "demo-2024.docx"
    docx.write_bytes(build_docx(DEMO.read_text(encoding="utf-8")))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    files = [str(DEMO), str(docx), str(empty)]
    main(["check", "--isolated", "--format", "json", *files])
    expected = json.loads(capsys.readouterr().out)["findings"]
    page = tmp_path / "page.html"
    assert main(["check", "--isolated", "--format", "html", "-o", str(page), *files]) == 2
    with Browser(chromium) as browser:
        browser.open(page)
        rows = browser.evaluate(PROBE)
        index = browser.evaluate("document.querySelectorAll('table.index tbody tr').length")
        browser.screenshot(artifacts() / "html-page.png")
    assert index == 3
    assert [row["code"] for row in rows] == [f["code"] for f in expected]
    assert {f["code"] for f in expected} >= {"TB001", "DT002", "TX003"}  # cells and prose both
    for row, finding in zip(rows, expected, strict=True):
        assert row["found"] and row["visible"], finding
        assert finding["code"] in row["codes"], finding
        # The element takes the colour of the worst finding on it: at least this one's.
        assert row["background"] in COLOURS.values(), finding
        if finding["severity"] == "error":
            assert row["background"] == COLOURS["error"], finding
    cells = [row for row in rows if row["code"] == "TB001"]
    assert cells and all(row["tag"] == "TD" for row in cells)
