"""Unit behaviour of the readers: encodings, spans, Word numbering, HTML body, walking, locations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gklint.ast import Span
from gklint.cli import main
from gklint.readers import read_path
from gklint.readers.grid import SourceCell, expand
from gklint.readers.locate import locate
from gklint.readers.numbering import FORMATS
from gklint.runner import expand_paths
from tests.readers.builders import build_docx, build_html

REPORT = "# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度工作正常开展。\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", "\ufeff".encode() + REPORT.encode()),
        ("gb18030", REPORT.encode("gb18030")),
        ("utf-16", REPORT.encode("utf-16")),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    assert read_path(path).text.lstrip("\ufeff") == REPORT


@pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312", "gb18030"])
def test_html_meta_charset(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(build_html(REPORT, charset=charset))
    source = read_path(path)
    assert "一、总体情况" in source.text.split("\n")
    assert "首页" not in source.text and "索引号" not in source.text and "版权所有" not in source.text


def test_html_mislabelled_charset_is_detected(tmp_path: Path) -> None:
    """Sites do declare utf-8 and serve GBK; the declaration loses to the bytes."""
    path = tmp_path / "page.html"
    path.write_bytes(build_html(REPORT, charset="utf-8").decode().encode("gb18030"))
    assert "本年度工作正常开展。" in read_path(path).text


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(build_html(REPORT).decode().encode("utf-16"))
    assert "本年度工作正常开展。" in read_path(path).text


def test_html_spans_nbsp_and_br(tmp_path: Path) -> None:
    page = """<html><body><p>一、总体情况</p><p>二、主动公开</p><table>
    <tr><td rowspan="2">信息内容</td><td colspan="2">本年新<br>制作数量</td></tr>
    <tr><td>&nbsp;</td><td>3</td></tr>
    <tr><td>规章</td><td>1</td><td>2</td></tr></table></body></html>"""
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    rows = [line.split("\t") for line in read_path(path).text.split("\n") if "\t" in line]
    assert rows == [["信息内容", "本年新 制作数量", ""], ["", "", "3"], ["规章", "1", "2"]]


def test_grid_expansion_places_cells_around_spans() -> None:
    grid = expand([[SourceCell("a", rowspan=2), SourceCell("b", colspan=2)], [SourceCell("c"), SourceCell("d")]])
    assert [[slot.text for slot in row] for row in grid] == [["a", "b", ""], ["", "c", "d"]]


def test_grid_expansion_clamps_hostile_spans() -> None:
    grid = expand([[SourceCell("a", rowspan=10**9, colspan=10**9)], [SourceCell("b")]])
    assert len(grid) == 2 and len(grid[0]) == 1001


@pytest.mark.parametrize(
    ("fmt", "values"),
    [
        ("chineseCounting", {1: "一", 10: "十", 11: "十一", 20: "二十", 21: "二十一"}),
        ("chineseLegalSimplified", {3: "叁", 12: "拾贰"}),
        ("decimalEnclosedCircle", {1: "①"}),
        ("upperRoman", {4: "IV", 9: "IX"}),
        ("lowerLetter", {1: "a", 27: "aa"}),
    ],
)
def test_numbering_formats(fmt: str, values: dict[int, str]) -> None:
    assert {n: FORMATS[fmt](n) for n in values} == values


def test_walk_picks_every_format_and_filters(tmp_path: Path) -> None:
    for name in ("a.txt", "b.docx", "c.htm", "d.pdf", "e.doc", "f.png", "drafts/g.docx"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    walked = lambda **kw: [Path(p).relative_to(tmp_path).as_posix() for p in expand_paths([str(tmp_path)], **kw)]  # noqa: E731
    assert walked() == ["a.txt", "b.docx", "c.htm", "d.pdf", "drafts/g.docx"]
    assert walked(include=["*.docx"]) == ["b.docx", "drafts/g.docx"]
    assert walked(exclude=["drafts/*", "*.pdf"]) == ["a.txt", "b.docx", "c.htm"]


def test_docx_location_of_a_table_cell(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(build_docx((corpus / "real/002-pingtan-2023.txt").read_text(encoding="utf-8")))
    source = read_path(path)
    lines = source.text.split("\n")
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("一、本年新收"))
    line = lines[number - 1]
    start = sum(len(line) + 1 for line in lines[: number - 1]) + line.rindex("\t") + 1
    where = locate(source, Span.of(source.text, start, start + 2))
    assert where is not None and where.describe() == "表2 第4行 第10列"
    whole_row = locate(source, Span.of(source.text, start - line.rindex("\t") - 1, start + 2))
    assert whole_row is not None and whole_row.describe() == "表2 第4行"
    assert where.as_dict() == {"table": 2, "row": 4, "column": 10, "description": "表2 第4行 第10列"}


def test_json_source_is_null_for_text_and_set_for_docx(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = corpus / "real/002-pingtan-2023.txt"
    docx = tmp_path / "report.docx"
    docx.write_bytes(build_docx(text.read_text(encoding="utf-8")))
    main(["check", "--format", "json", "--isolated", str(text), str(docx)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {f["source"] is None for f in findings if f["path"] == str(text)} == {True}
    sources = [f["source"] for f in findings if f["path"] == str(docx)]
    assert sources and all(s and s["description"] for s in sources)


def test_max_file_size_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode() * 2000)
    assert main(["check", "--isolated", "--lang", "en", "--max-file-size", "0.05", str(path)]) == 2
    assert "over the 0.05 MB limit" in capsys.readouterr().out
    assert main(["check", "--isolated", "--max-file-size", "0.05", str(path)]) == 2
    assert "超过 0.05 MB 的上限" in capsys.readouterr().out
