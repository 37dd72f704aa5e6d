"""The PDF reader: pages in the source map, tables joined across pages, the [pdf] extra."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gklint.cli import main
from gklint.readers import ReadError, read_path
from tests.readers.builders import build_pdf

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def pingtan_pdf(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "002-pingtan-2023.pdf"
    path.write_bytes(build_pdf((corpus / "real/002-pingtan-2023.txt").read_text(encoding="utf-8")))
    return path


def test_a_table_broken_across_pages_is_one_table(pingtan_pdf: Path) -> None:
    """Table 三 starts on one page and ends on the next: one table, rows numbered on."""
    source = read_path(pingtan_pdf)
    rows = {line: o for line, o in source.locations.items() if o.table == 2}
    assert len({o.page for o in rows.values()}) == 2
    assert [o.row for o in rows.values()] == list(range(1, len(rows) + 1))
    widths = {source.text.split("\n")[line - 1].count("\t") for line in rows}
    assert widths == {9}  # ten columns throughout, also on the page where spans hide two


def test_findings_name_the_page(pingtan_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--isolated", str(pingtan_pdf)])
    heads = [line for line in capsys.readouterr().out.splitlines() if line.startswith(str(pingtan_pdf))]
    assert heads and all(": 第" in head and "页" in head for head in heads)


def test_without_the_extra_the_error_says_what_to_install(
    pingtan_pdf: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # makes `import pdfplumber` fail

    with pytest.raises(ReadError, match=r"pip install 'gklint\[pdf\]'"):
        read_path(pingtan_pdf)
    assert main(["check", "--isolated", str(pingtan_pdf)]) == 2
    assert "pip install 'gklint[pdf]'" in capsys.readouterr().out


def test_a_pdf_without_text_is_a_clear_error(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 400, fill=1)  # an "image" of the report: no text layer
    page.save()
    with pytest.raises(ReadError, match="no text layer"):
        read_path(path)


def test_a_damaged_pdf_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    with pytest.raises(ReadError, match="not a readable PDF"):
        read_path(path)
