"""Every layout a report comes in gives the same findings (issue 9).

Each real corpus report is rewritten in the layouts published reports use — headings
written 第一部分, tables as Markdown pipe tables, the title's year in Chinese numerals,
no title line at all — and must give the findings of the original, line numbers aside
(the no-title layout adds the one `report-year-inferred` finding that says where the year
was read). A wrong cell and a wrong 统计期限 planted in a report are found in every layout.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from gklint.engine import lint_report, lint_text
from gklint.findings import Finding
from gklint.model import build_report
from gklint.parser import line_kind, parse
from gklint.plugins import RuleSet
from tests.conftest import corpus_dir

CORPUS = corpus_dir()
REAL = sorted((CORPUS / "real").glob("*.txt")) if CORPUS else []
pytestmark = pytest.mark.skipif(CORPUS is None, reason="corpus not available")

_ENUMERATOR = re.compile(r"^([ \u3000#*]*)([一二三四五六七八九十]{1,3})[ \u3000]*[、，,．.][ \u3000]*")
_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
# Line numbers inside messages (`如第91行`) move with the layout.
_LINE_NUMBER = re.compile(r"第\d+行")


def part_headings(text: str) -> str:
    """``一、总体情况`` → ``第一部分　总体情况`` on every top-level heading line."""
    lines = text.split("\n")
    for section in parse(text).sections:
        index = section.span.line - 1
        lines[index] = _ENUMERATOR.sub(lambda m: f"{m[1]}第{m[2]}部分\u3000", lines[index], count=1)
    return "\n".join(lines)


def pipe_tables(text: str) -> str:
    """TAB tables → Markdown pipe tables, a ``|---|`` rule under each table's first row."""
    out, in_table = [], False
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            in_table = in_table and not line.strip()  # blank lines do not end a table
            continue
        cells = line.split("\t")
        out.append("| " + " | ".join(cells) + " |")
        if not in_table:
            out.append("|" + "---|" * len(cells))
        in_table = True
    return "\n".join(out)


def spaced_tables(text: str) -> str:
    """TAB tables → cells apart by runs of spaces (two or more, ASCII or full-width, varying
    from row to row), merged cells not written, a row that began with one indented."""
    out = []
    for index, line in enumerate(text.split("\n")):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        separator = "\u3000\u3000" if index % 3 == 0 else " " * (2 + index % 4)
        indent = "    " if not line.split("\t", 1)[0].strip() else ""
        out.append(indent + separator.join(cells))
    return "\n".join(out)


def _blank_among_numbers(text: str) -> bool:
    """Whether a row of tables 二–四 leaves a cell blank beside numbers: without TABs its
    numbers cannot be put under their columns (a row left wholly blank can)."""
    report = build_report(parse(text), text)
    for table in (report.table2, report.table3, report.table4):
        for row in table.rows.values() if table else ():
            blank = [c.value.is_empty for c in row.cells.values()]
            if any(blank) and not all(blank):
                return True
    return False


def chinese_year(text: str) -> str:
    """The title's ``2023年`` written ``二〇二三年``."""
    title = parse(text).title
    assert title is not None
    line = title.span.line - 1
    lines = text.split("\n")
    lines[line] = re.sub(r"(?:19|20)\d{2}(?=\s*年)", lambda m: m[0].translate(_DIGITS), lines[line], count=1)
    return "\n".join(lines)


def no_title(text: str) -> str:
    """The report without its title line."""
    title = parse(text).title
    assert title is not None
    lines = text.split("\n")
    del lines[title.span.line - 1]
    return "\n".join(lines)


LAYOUTS: dict[str, Callable[[str], str]] = {
    "part_headings": part_headings,
    "pipe_tables": pipe_tables,
    "spaced_tables": spaced_tables,
    "chinese_year": chinese_year,
    "no_title": no_title,
}


def _lint(text: str, ruleset: RuleSet) -> list[Finding]:
    return lint_text(text, ruleset.rules)


def _summary(findings: list[Finding], *, drop: tuple[str, ...] = ()) -> Counter[tuple[str, str]]:
    return Counter((f.code, _LINE_NUMBER.sub("第N行", f.message.zh)) for f in findings if f.code not in drop)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_a_layout_gives_the_original_findings(path: Path, layout: str, ruleset: RuleSet) -> None:
    text = path.read_text(encoding="utf-8")
    if layout in ("chinese_year", "no_title") and parse(text).title is None:
        pytest.skip("no title line")
    if layout == "spaced_tables" and _blank_among_numbers(text):
        pytest.skip("blank cells among a row's numbers: see test_spaced_rows_with_blank_cells_are_not_guessed")
    original = _lint(text, ruleset)
    rewritten = _lint(LAYOUTS[layout](text), ruleset)
    # Without a title the year is inferred, and gklint says so; what compares with the
    # title (the signature's agency, PR005) has nothing to compare with.
    drop = ("ST005", "PR005") if layout == "no_title" else ()
    assert _summary(rewritten, drop=drop) == _summary(original, drop=drop[1:])
    if layout == "no_title":
        assert [f.code for f in rewritten].count("ST005") == 1


# Every heading style published reports use: the section number and its words, whatever
# the enumerator, the space or punctuation after it, the indentation, bold or Markdown.
HEADINGS = {
    "一、总体情况": 1,
    "一 、总体情况": 1,
    "一、 总体情况": 1,
    "一．总体情况": 1,
    "一,总体情况": 1,
    "一\u3000总体情况": 1,
    "一 总体情况": 1,
    "\u3000\u3000二、主动公开政府信息情况": 2,
    "第一部分\u3000总体情况": 1,
    "第一部分总体情况": 1,
    "第一部分：总体情况": 1,
    "第三章 收到和处理政府信息公开申请情况": 3,
    "**一、总体情况**": 1,
    "**一、**总体情况": 1,
    "**第一章**\u3000总体情况": 1,
    "## 一、总体情况": 1,
    "### **第二部分 主动公开政府信息情况**": 2,
    "# 第六部分\u3000其他需要报告的事项": 6,
    "十一、其他": 11,
}
# Lines that start like a heading and are not one.
NOT_HEADINGS = {
    "一是加强组织领导。": "paragraph",
    "一总体情况": "paragraph",
    "一 2023年": "paragraph",
    "（一）主动公开": "subheading",
    "**（一）主动公开**": "subheading",
    "1. 主动公开": "subheading",
    "2023年1月1日": "paragraph",
}


@pytest.mark.parametrize("line", HEADINGS)
def test_every_heading_style_is_a_section_with_its_number_and_words(line: str) -> None:
    assert line_kind(line) == "heading"
    (section,) = parse(line + "\n正文。\n").sections
    assert section.heading.number == HEADINGS[line]
    words = section.heading.text
    assert words and not words.startswith(("*", " ", "\u3000", "、", "：")) and not words.endswith("*"), words
    assert line.rstrip("*").endswith(words)


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_lines_that_only_look_like_headings_are_not_sections(line: str) -> None:
    assert line_kind(line) == NOT_HEADINGS[line]
    assert not parse(line + "\n").sections


# The title's year in every numeral style, before or after the report's name.
TITLES = {
    "某局2023年政府信息公开工作年度报告": 2023,
    "某局2023 年度政府信息公开工作年度报告": 2023,
    "某局２０２３年度政府信息公开工作年度报告": 2023,
    "某局二〇二三年政府信息公开工作年度报告": 2023,
    "某局二零二三年度政府信息公开工作年度报告": 2023,
    "某局二O二三年政府信息公开工作年度报告": 2023,
    "# **某局二〇二三年度政府信息公开工作年度报告**": 2023,
    "某局政府信息公开工作年度报告（2023年度）": 2023,
    "《某局政府信息公开工作年度报告（二〇二三年）》": 2023,
}


@pytest.mark.parametrize("title", TITLES)
def test_the_title_gives_the_year_and_the_agency_in_any_numeral_style(title: str) -> None:
    text = f"{title}\n一、总体情况\n正文。\n"
    report = build_report(parse(text), text)
    assert (report.year, report.year_source, report.agency) == (TITLES[title], "title", "某局")


def test_spaced_rows_with_blank_cells_are_not_guessed(ruleset: RuleSet) -> None:
    # 上海市人民政府办公厅 2019 leaves cells blank among the numbers of tables 三 and 四:
    # without TABs those rows are ambiguous, and each table gets one table-unreadable
    # warning instead of arithmetic on numbers put under the wrong columns.
    assert CORPUS is not None
    text = (CORPUS / "real" / "009-shanghai-bgt-2019.txt").read_text(encoding="utf-8")
    assert _blank_among_numbers(text)
    original = _lint(text, ruleset)
    spaced = _lint(spaced_tables(text), ruleset)
    tables = ("TB001", "TB002", "TB003", "TB004", "TB007", "TB008", "TB009", "TB010")
    assert [f.code for f in spaced if f.code in tables] == ["TB009", "TB009"]
    assert [f.message.zh[:3] for f in spaced if f.code == "TB009"] == ["表三无", "表四无"]

    # Table 二 and everything outside the tables is read as before.
    def rest(findings: list[Finding]) -> Counter[tuple[str, str]]:
        return _summary([f for f in findings if f.code not in (*tables, "PR001") and not f.message.zh.startswith("表")])

    assert rest(spaced) == rest(original)


# A 2023 report with a 统计期限 sentence, table 三 and a signature date.
PLANTED = "002-pingtan-2023.txt"


@pytest.mark.parametrize("layout", [None, *LAYOUTS])
def test_a_planted_wrong_cell_and_period_are_found_in_every_layout(layout: str | None, ruleset: RuleSet) -> None:
    assert CORPUS is not None
    text = (CORPUS / "real" / PLANTED).read_text(encoding="utf-8")
    report = build_report(parse(text), text)
    assert report.table3 is not None
    cell = report.table3["new_received"]["natural_person"]
    wrong = str(int(cell.number) + 7)
    text = text[: cell.span.start] + wrong + text[cell.span.end :]
    assert "统计期限自2023年1月1日起" in text
    text = text.replace("统计期限自2023年1月1日起", "统计期限自2022年1月1日起", 1)
    planted = LAYOUTS[layout](text) if layout else text
    found = lint_report(build_report(parse(planted), planted), ruleset.rules)
    arithmetic = [f for f in found if f.code in ("TB001", "TB002", "TB003")]
    assert [(f.code, f.expected) for f in arithmetic] == [("TB001", format(cell.number))], arithmetic
    assert [f.message.zh for f in found if f.code == "DT001"] == ["统计期限写的是2022年，报告年度为2023年"]
