"""The HTML page's structure, read with lxml (the rendered page is tested in test_browser)."""

from __future__ import annotations

import io
from pathlib import Path

from lxml import html as lxml_html

from gklint.ast import Span
from gklint.findings import Finding, Severity, Text
from gklint.readers.base import SourceDocument
from gklint.reporting.base import summarize
from gklint.reporting.html import write_html
from gklint.reporting.html_body import _merge
from gklint.runner import FileResult

HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>&amp;"\''
REPORT = (
    "某局2024年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "本年度共公开信息12条。\n"
    "\n"
    "信息内容\t本年新制作数量\t本年新公开数量\n"
    "规章\t3\t\n"
    "行政规范性文件\t5\t4\n"
)


def _page(results: list[FileResult], lang: str = "zh") -> lxml_html.HtmlElement:
    out = io.StringIO()
    write_html(results, summarize(results), out, lang=lang)
    return lxml_html.fromstring(out.getvalue())


def _result(findings: list[Finding], text: str = REPORT, path: str = "r.txt") -> FileResult:
    return FileResult(path=path, findings=findings, source=SourceDocument(path=path, text=text, format="text"))


def _finding(text: str, start: int, end: int, code: str = "ZZ001", **fields: object) -> Finding:
    values: dict = {"rule": "probe", "severity": Severity.ERROR, "message": Text(zh="问题", en="problem")}
    values.update(fields)
    return Finding(span=Span.of(text, start, end), code=code, **values)


def test_every_field_is_escaped_plugin_ones_included() -> None:
    prose = REPORT.index("12条")
    finding = _finding(
        REPORT,
        prose,
        prose + 2,
        code=f"ZZ{HOSTILE}",
        rule=f"rule-{HOSTILE}",
        message=Text(zh=f"消息{HOSTILE}", en=f"message{HOSTILE}"),
        help=Text(zh=f"帮助{HOSTILE}", en=f"help{HOSTILE}"),
        expected=f"26{HOSTILE}",
    )
    cell = REPORT.index("5\t4")
    on_cell = _finding(
        REPORT, cell, cell + 1, code=f"C{HOSTILE}", message=Text(zh=HOSTILE, en=HOSTILE), expected=HOSTILE
    )
    text = REPORT + HOSTILE + "\n"
    for lang in ("zh", "en"):
        page = _page([_result([finding, on_cell], text=text, path=f"a{HOSTILE}.txt")], lang)
        assert not page.xpath("//img | //script | //*[starts-with(name(), 'x')]")
        assert not [a for el in page.iter() for a in el.attrib if a.startswith("on")]
        content = page.text_content()
        for piece in (
            f"ZZ{HOSTILE}",
            f"26{HOSTILE}",
            f"a{HOSTILE}.txt",
            f"消息{HOSTILE}" if lang == "zh" else f"message{HOSTILE}",
        ):
            assert piece in content, piece
        [hit] = page.xpath("//td[contains(@class, 'hit')]")
        assert hit.get("data-codes") == f"C{HOSTILE}"
        assert HOSTILE in hit.get("title")


def test_findings_table_has_a_header_and_links_to_highlighted_places() -> None:
    blank = REPORT.index("3\t\n") + 2
    findings = [
        _finding(REPORT, REPORT.index("12条"), REPORT.index("12条") + 2, code="AA001", severity=Severity.WARNING),
        _finding(REPORT, blank, blank, code="BB002", expected="0"),
        _finding(REPORT, REPORT.index("5\t4"), REPORT.index("5\t4") + 1, code="CC003", expected="7"),
    ]
    page = _page([_result(findings)])
    assert page.xpath("//table[@class='findings']/thead/tr/th/text()") == [
        "位置",
        "行:列",
        "规则",
        "级别",
        "问题",
        "应为",
    ]
    rows = page.xpath("//table[@class='findings']/tbody/tr")
    assert len(rows) == 3
    assert [r.xpath("string(td[1])") for r in rows] == ["第3行", "表1 第2行 第3列（第6行）", "表1 第3行 第2列（第7行）"]
    for row, finding in zip(rows, findings, strict=True):
        [target] = page.xpath(f"//*[@id='{row.xpath('string(td[2]/a/@href)')[1:]}']")
        assert finding.code in target.get("data-codes").split()
        assert "hit" in target.get("class")
    # A blank cell a rule points at stays a cell of its own; the expected value is shown in it.
    [blank_cell] = page.xpath("//td[@data-codes='BB002']")
    assert blank_cell.get("colspan") is None
    assert blank_cell.text_content().replace("\u200b", "").strip() == "→\xa00"
    assert page.xpath("string(//td[@data-codes='CC003'])") == "5\xa0→\xa07"
    assert page.xpath("//mark[@data-codes='AA001']/text()") == ["12"]


def test_batch_has_an_index_with_one_row_per_report() -> None:
    unreadable = FileResult(path="bad.txt", error=Text(zh="文件为空", en="empty file"))
    page = _page([_result([]), unreadable, _result([_finding(REPORT, 0, 2)], path="b.txt")])
    rows = page.xpath("//table[@class='index']/tbody/tr")
    assert [r.xpath("string(td[1])") for r in rows] == ["r.txt", "bad.txt", "b.txt"]
    assert rows[0].xpath("td/text()")[:2] == ["某局", "2024"]
    assert [r.xpath("string(td[5])") for r in (rows[0], rows[2])] == ["0", "1"]
    assert "无法读取: 文件为空" in rows[1].text_content()
    assert page.xpath("//section[@id='r2']//p[@class='error']/text()") == ["无法读取: 文件为空"]
    assert len(_page([_result([])]).xpath("//table[@class='index']")) == 0


def test_merged_cells_are_rebuilt_from_the_canonical_layout() -> None:
    grid = [
        ["", "", "申请人", "", "总计"],
        ["", "", "自然人", "法人", ""],
        ["一、新收", "", "3", "4", "7"],
        ["三、结果", "（一）公开", "1", "1", "2"],
        ["", "（二）不公开", "", "2", "2"],
        ["", "（七）总计", "", "4", "4"],
        ["四、结转", "", "", "1", "1"],
    ]
    cells = _merge(grid, flagged={(4, 2)})
    # (column, rowspan, colspan) of the cells starting in each row
    assert cells[0] == [(0, 1, 1), (1, 1, 1), (2, 1, 2), (4, 2, 1)]  # 申请人 over two columns, 总计 two rows
    assert cells[2] == [(0, 1, 2), (2, 1, 1), (3, 1, 1), (4, 1, 1)]  # the row label spans the blank column
    assert cells[3][0] == (0, 3, 1)  # 三、结果 spans its three rows
    assert cells[4] == [(1, 1, 1), (2, 1, 1), (3, 1, 1), (4, 1, 1)]  # the flagged blank stays a cell
    # A row's own label spreads over the label columns; the label above does not swallow them.
    assert cells[5][0] == (1, 1, 2)
    assert cells[6][0] == (0, 1, 3)


def test_source_places_come_from_the_reader_for_word_files(tmp_path: Path) -> None:
    from gklint.readers import read_path
    from tests.readers.builders import build_docx

    path = tmp_path / "r.docx"
    path.write_bytes(build_docx(REPORT))
    source = read_path(path)
    cell = source.text.index("5\t4")
    result = FileResult(path=str(path), findings=[_finding(source.text, cell, cell + 1)], source=source)
    page = _page([result], lang="en")
    assert page.xpath("string(//table[@class='findings']/tbody/tr/td[1])") == "table 1, row 3, column 2"
    assert page.xpath("//table[@class='findings']/thead/tr/th/text()")[0] == "place"


def test_headings_lose_their_markdown_and_a_run_on_sub_heading_is_bold_up_to_its_full_stop() -> None:
    text = (
        "# 某局2024年政府信息公开工作年度报告\n"
        "## **一、总体情况**\n"
        "（一）存在的主要问题。2023年，部分栏目更新不够及时。\n"
        "（二）改进措施\n"
    )
    year = text.index("2023年")
    findings = [_finding(text, year, year + 5, code="DT002"), _finding(text, 0, 1, code="MD001")]
    page = _page([_result(findings, text=text)])
    assert page.xpath("string(//div[@class='report']/h4)") == "一、总体情况"
    [run_on, short] = page.xpath("//div[@class='report']/p")
    assert run_on.xpath("string(b)") == "（一）存在的主要问题。"
    [mark] = run_on.xpath("mark[@data-codes='DT002']")
    assert mark.text == "2023年" and mark.get("id")  # still highlighted, still the link's target
    assert short.get("class") == "sub" and short.text == "（二）改进措施"
    # A finding on the Markdown mark itself keeps the line as written.
    assert page.xpath("string(//div[@class='report']/h3)").startswith("# 某局")


def test_a_cross_year_finding_shows_last_years_place_and_line() -> None:
    from dataclasses import replace

    from gklint.findings import Related

    last = "行政规范性文件\t77\t132\t470"
    cell = REPORT.index("5\t4") + 2
    related = Related(path=f"a{HOSTILE}.txt", span=Span(0, 0, 34, 16, 34, 19), line=last)
    finding = _finding(REPORT, cell, cell + 1, code="XY002", severity=Severity.INFO, related=related)
    result = replace(_result([finding]), previous=f"a{HOSTILE}.txt")
    for lang, said, compared in (
        ("zh", f"上年（a{HOSTILE}.txt:34:16）：", f"与上年报告比较：a{HOSTILE}.txt"),
        ("en", f"last year (a{HOSTILE}.txt:34:16): ", f"compared with last year's report a{HOSTILE}.txt"),
    ):
        page = _page([result], lang)
        [div] = page.xpath("//table[@class='findings']//div[@class='related']")
        assert div.text_content() == said + "行政规范性文件 │ 77 │ 132 │ 470"
        assert div.xpath("string(.//mark)") == "470"
        assert compared in page.xpath("//p[@class='meta']/text()")
        assert not page.xpath("//img | //script")
