"""Inline suppression comments (issue 14): in text reports, in Word comments, and unused ones."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gklint.engine import lint_text
from gklint.plugins import RuleSet
from gklint.readers import read_path
from gklint.runner import FileResult, check_file
from gklint.suppression import take_text_comments
from tests.conftest import ROOT, corpus_dir

DEMO = ROOT / "examples" / "demo-2024.txt"
# Every layout (the excerpts and peer reports: spaced, pipe and unsplit tables, PDF and HTML
# extracts) and a fifth of the real reports, most of which share one layout.
CORPUS = sorted(corpus_dir().glob("p*/*.txt")) + sorted(corpus_dir().glob("real/*.txt"))[::5] if corpus_dir() else []
NOBODY = "<!-- gklint: ignore[ZZ999] -->"  # names no rule: suppresses nothing, is not judged


def _check(path: Path, ruleset: RuleSet) -> FileResult:
    result = check_file(str(path), ruleset.rules)
    assert result.ok, result.error
    return result


def _places(findings: list) -> list[tuple[int, int, str, str]]:
    return [(f.span.line, f.span.column, f.code, f.message.zh) for f in findings]


@pytest.mark.parametrize("name", [p.name for p in CORPUS])
def test_comments_change_no_other_finding(name: str, ruleset: RuleSet, tmp_path: Path) -> None:
    """A comment at the end of every line and alone on every blank line: the same findings, in
    the same places (a comment line is no paragraph, no line or column moves)."""
    original = next(p for p in CORPUS if p.name == name)
    lines = original.read_text(encoding="utf-8").split("\n")
    commented = tmp_path / name
    commented.write_text("\n".join(f"{line}  {NOBODY}" if line.strip() else NOBODY for line in lines), "utf-8")
    before, after = _check(original, ruleset), _check(commented, ruleset)
    assert _places(after.findings) == _places(before.findings)
    assert after.source is not None and before.source is not None
    assert after.source.text.split("\n") == [line if line.strip() else "" for line in before.source.text.split("\n")]


@pytest.mark.parametrize("name", [p.name for p in CORPUS][::4])
def test_naming_each_finding_suppresses_all_of_them(name: str, ruleset: RuleSet, tmp_path: Path) -> None:
    original = next(p for p in CORPUS if p.name == name)
    before = _check(original, ruleset)
    lines = original.read_text(encoding="utf-8").split("\n")
    for finding in before.findings:
        codes = sorted({f.code for f in before.findings if f.span.line == finding.span.line})
        lines[finding.span.line - 1] = (
            lines[finding.span.line - 1].split(" <!--")[0] + f" <!-- gklint: ignore[{','.join(codes)}] -->"
        )
    commented = tmp_path / name
    commented.write_text("\n".join(lines), "utf-8")
    after = _check(commented, ruleset)
    assert after.findings == []
    assert _places(after.suppressed) == _places(before.findings)
    assert all(f.suppressed for f in after.suppressed)


def test_text_comments_are_taken_out_in_place() -> None:
    text, found = take_text_comments(
        "标题\n正文。 <!-- gklint: ignore[DT002, stray-year] 引用 -->\n  <!--gklint:ignore-->\n下一行\n"
    )
    assert text == "标题\n正文。\n\n下一行\n"
    assert [(s.lines, s.rules, s.text, s.span.line, s.span.column) for s in found] == [
        ((2,), ("DT002", "stray-year"), "gklint: ignore[DT002, stray-year]", 2, 4),
        ((4,), (), "gklint:ignore", 3, 1),
    ]
    # Not a directive: in the middle of a line, a misspelling, an empty or unclosed list.
    for line in (
        "a <!-- gklint: ignore --> b",
        "a <!-- gklint: ignores -->",
        "a <!-- gklint: ignore[] -->",
        "a <!-- gklint: ignore[DT002 -->",
    ):
        assert take_text_comments(line) == (line, ())


def test_idle_codes_are_named_and_used_ones_are_not(ruleset: RuleSet) -> None:
    rules = [ruleset.lookup(code) for code in ("DT002", "TB001", "GK001")]
    findings = lint_text(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n2020年，我局主动公开信息120条。<!-- gklint: ignore[DT002, TB001] -->\n",
        rules,  # type: ignore[arg-type]
    )
    assert [(f.code, f.span.line, f.message.en) for f in findings] == [
        ("GK001", 3, 'TB001 in suppression comment "gklint: ignore[DT002, TB001]" suppresses nothing')
    ]


def test_internal_errors_are_never_suppressed(ruleset: RuleSet) -> None:
    from dataclasses import replace

    def crash(report: object, ctx: object) -> list:
        raise RuntimeError("boom")

    broken = replace(ruleset.lookup("DT002"), check=crash)  # type: ignore[type-var]
    findings = lint_text("某局2021年政府信息公开工作年度报告 <!-- gklint: ignore -->\n一、总体情况\n", [broken])
    assert [f.code for f in findings] == ["GK000"]


def _docx_with_comments(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("某局2021年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    stray = document.add_paragraph("2020年，我局主动公开信息120条。")
    document.add_comment(stray.runs, text="gklint: ignore[stray-year] 引用上年原文", author="审核人")
    other = document.add_paragraph("2020年，我局新收申请5件。")
    document.add_comment(other.runs, text="请核对", author="审核人")  # an ordinary comment
    idle = document.add_paragraph("我局新增公开栏目3个。")
    document.add_comment(idle.runs, text="gklint: ignore", author="审核人")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "2020年数"
    table.cell(1, 0).text, table.cell(1, 1).text = "件数", "2020年"
    document.add_comment(table.cell(1, 1).paragraphs[0].runs, text="gklint: ignore[DT002]", author="审核人")
    path = tmp_path / "report.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_word_comments_suppress_their_paragraph_or_row(tmp_path: Path, ruleset: RuleSet) -> None:
    path = _docx_with_comments(tmp_path)
    source = read_path(path)
    lines = source.text.split("\n")
    assert not any("gklint" in line for line in lines)  # a Word comment is not body text
    assert [(s.rules, [lines[n - 1] for n in s.lines]) for s in source.suppressions] == [
        (("stray-year",), ["2020年，我局主动公开信息120条。"]),
        ((), ["我局新增公开栏目3个。"]),
        (("DT002",), ["件数\t2020年"]),
    ]
    rules = [ruleset.lookup(code) for code in ("DT002", "GK001")]
    result = check_file(str(path), rules)  # type: ignore[arg-type]
    assert [(f.code, lines[f.span.line - 1]) for f in result.findings] == [
        ("DT002", "2020年，我局新收申请5件。"),
        ("GK001", "我局新增公开栏目3个。"),
        ("GK001", "件数\t2020年"),  # DT002 does not read tables
    ]
    assert [lines[f.span.line - 1] for f in result.suppressed] == ["2020年，我局主动公开信息120条。"]


def test_a_word_comment_over_several_paragraphs_covers_each(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    first = document.add_paragraph("甲")
    document.add_paragraph("乙")
    last = document.add_paragraph("丙")
    document.add_paragraph("丁")
    document.add_comment([first.runs[0], last.runs[0]], text="gklint: ignore[DT002]", author="审核人")
    path = tmp_path / "range.docx"
    document.save(str(path))
    assert [s.lines for s in read_path(path).suppressions] == [(1, 2, 3)]
