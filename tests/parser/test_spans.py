"""Span invariants of the AST, on real reports and on generated text (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gklint.ast import Cell, Document, Heading, Node, Paragraph, Row, Span, SubHeading, Table, Title
from gklint.parser import parse
from tests.conftest import SAMPLES


def leaves(doc: Document) -> list[Node]:
    """Every node whose text must slice back out of the source."""
    return [*doc.iter(Title), *doc.iter(Heading), *doc.iter(SubHeading), *doc.iter(Paragraph), *doc.iter(Cell)]


def assert_spans_ok(text: str, doc: Document) -> None:
    lines = text.split("\n")
    for node in leaves(doc):
        span = node.span
        assert text[span.start : span.end] == node.text, (node, text[span.start : span.end])
        # Line/column agree with the offsets, in characters.
        assert span == Span.of(text, span.start, span.end)
        assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == node.text
    for section in doc.sections:
        assert section.span.start <= section.heading.span.start <= section.heading.span.end <= section.span.end
        for block in section.blocks:
            assert section.span.start <= block.span.start <= block.span.end <= section.span.end
    for table in doc.iter(Table):
        for row in table.rows:
            assert table.span.start <= row.span.start <= row.span.end <= table.span.end
            # Cells tile the row: joined by the TABs between them they are the row; a pipe
            # row's cells are what stands between its outer pipes.
            line = text[row.span.start : row.span.end]
            if table.spaced:
                # Cells apart by runs of two or more spaces; the indentation is in none.
                assert [c.text for c in row.cells] == re.split(r"[ \u3000]{2,}", line.strip(" \u3000"))
            elif "\t" in line:
                assert "\t".join(c.text for c in row.cells) == line
            else:
                assert "|".join(c.text for c in row.cells) == line.strip().removeprefix("|").removesuffix("|")
    starts = [n.span.start for n in leaves(doc) if not isinstance(n, Cell)]
    assert len(starts) == len(set(starts)), "two line nodes start at the same place"


def test_clean_sample_spans() -> None:
    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    doc = parse(text)
    assert_spans_ok(text, doc)
    assert doc.title is not None and doc.title.text == "示例市数据资源管理局2024年政府信息公开工作年度报告"
    assert [s.heading.number for s in doc.sections] == [1, 2, 3, 4, 5, 6]
    assert len(list(doc.iter(Table))) == 3


LINE_PARTS = st.sampled_from(
    [
        "一、",
        "## 二、",
        "（三）",
        "(1)",
        "1.",
        "1、",
        "\t",
        "  ",
        "\u3000",
        "**",
        "第二部分",
        "|",
        "|---|",
        " | ",
        "#",
        "总体情况",
        "2021年",
        "0",
        "，",
        "x",
    ]
)
LINE = st.lists(LINE_PARTS | st.text(max_size=5), max_size=8).map("".join)
LINE_END = st.sampled_from(["\n", "\n\n", "\r\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(LINE, LINE_END), max_size=12).map(lambda ls: "".join(a + b for a, b in ls)))
@example("一、总体情况\n\t\t\n二、\n")
@example("# \n")
@example("信息内容  本年制发件数\n　规章　　0  1 \n2.其他\n  （七）总计  5\n")
def test_any_assembled_report_parses_losslessly(text: str) -> None:
    assert_spans_ok(text, parse(text))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_at_all_parses(text: str) -> None:
    assert_spans_ok(text, parse(text))


def test_heading_forms() -> None:
    doc = parse("## **四、政府信息公开行政复议、行政诉讼情况**\n三．收到\n")
    first, second = doc.sections
    assert (first.heading.numeral, first.heading.number) == ("四", 4)
    assert first.heading.text == "政府信息公开行政复议、行政诉讼情况"
    assert second.heading.text == "收到"


def test_rows_of_cells_apart_by_spaces_are_a_table_only_with_numbers_and_two_rows() -> None:
    doc = parse(
        "二、主动公开\n信息内容  本年制发件数  现行有效件数\n规章\u3000\u30000   3\n行政规范性文件\n"
        "联系人  张三  李四\n电话  0591\n"
    )
    (section,) = doc.sections
    table, *rest = section.blocks
    assert isinstance(table, Table) and table.spaced
    # The label alone between two rows is a one-cell row (its cells blank), as in a TAB table.
    assert [r.texts for r in table.rows] == [
        ("信息内容", "本年制发件数", "现行有效件数"),
        ("规章", "0", "3"),
        ("行政规范性文件",),
        ("联系人", "张三", "李四"),
        ("电话", "0591"),
    ]
    assert not rest
    # No row of numbers, or one row alone: lines of text.
    for text in ("联系人  张三  李四\n地址  某路  1号\n", "一、本年新收政府信息公开申请数量  5  1\n"):
        assert not list(parse(text).iter(Table)), text
    assert [type(b).__name__ for b in parse("（一）主动公开  一  二\n正文\n").preamble] == ["SubHeading", "Paragraph"]


def test_table_rows_split_on_tabs_and_blank_lines_do_not_end_a_table() -> None:
    doc = parse("三、申请\n\t\t0\t1\n\n\ta\t2\n正文\n")
    (table,) = doc.iter(Table)
    assert [r.texts for r in table.rows] == [("", "", "0", "1"), ("", "a", "2")]
    assert isinstance(table.rows[0], Row)
