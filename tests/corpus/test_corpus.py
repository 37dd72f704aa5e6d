"""Every report of the real corpus is checked as a user would check it, with the
acceptance outcomes of the core issue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gklint.plugins import RuleSet
from gklint.runner import FileResult, check_file
from tests.conftest import corpus_dir

FILES = sorted(p.relative_to(corpus_dir()).as_posix() for p in corpus_dir().glob("*/*.txt")) if corpus_dir() else []
LEGACY = [f for f in FILES if f.endswith("-old.txt")]
TEMPLATE_2019 = ["real/006-pingtan-2020.txt", "real/008-pingtan-2019.txt", "real/009-shanghai-bgt-2019.txt"]
WEIHUI = "real/000-weihui-kgxj-2021.txt"


def run(corpus: Path, name: str, ruleset: RuleSet, year: int | None = None) -> FileResult:
    result = check_file(str(corpus / name), ruleset.rules, year=year)
    assert result.ok, result.error
    return result


def test_the_corpus_is_there(corpus: Path) -> None:
    assert len(FILES) >= 50, FILES


@pytest.mark.parametrize("name", FILES)
def test_every_report_is_checked_without_internal_error(corpus: Path, name: str, ruleset: RuleSet) -> None:
    result = run(corpus, name, ruleset)
    assert not [f for f in result.findings if f.code == "GK000"], [f.message.zh for f in result.findings]


def test_weihui_stray_year_and_structure(corpus: Path, ruleset: RuleSet) -> None:
    result = run(corpus, WEIHUI, ruleset)
    lines = result.source.text.split("\n")  # type: ignore[union-attr]
    stray = [f for f in result.findings if f.rule == "stray-year"]
    assert len(stray) == 1
    assert lines[stray[0].span.line - 1].startswith("(一) 存在的主要问题。2020年")
    assert lines[stray[0].span.line - 1][stray[0].span.column - 1 :].startswith("2020年")
    rules = {f.rule for f in result.findings}
    assert not rules & {"missing-section", "section-out-of-order", "outdated-template"}
    assert "missing-rectification" in rules


@pytest.mark.parametrize("name", TEMPLATE_2019)
def test_2019_template_reports_are_not_outdated(corpus: Path, name: str, ruleset: RuleSet) -> None:
    result = run(corpus, name, ruleset)
    assert not [f for f in result.findings if f.rule == "outdated-template"]


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_reports_are_outdated_for_2019_and_later(corpus: Path, name: str, ruleset: RuleSet) -> None:
    own_year = run(corpus, name, ruleset)
    assert not [f for f in own_year.findings if f.rule in ("outdated-template", "missing-section")]
    as_2021 = run(corpus, name, ruleset, year=2021)
    assert "missing-section" in {f.rule for f in as_2021.findings}


@pytest.mark.parametrize("name", LEGACY)
def test_legacy_reports_would_be_outdated_for_2021(corpus: Path, name: str, ruleset: RuleSet) -> None:
    result = run(corpus, name, ruleset, year=2021)
    assert "outdated-template" in {f.rule for f in result.findings}


def test_section_three_deleted_and_four_five_swapped(corpus: Path, ruleset: RuleSet, tmp_path: Path) -> None:
    text = (corpus / "real/002-pingtan-2023.txt").read_text(encoding="utf-8")
    deleted = tmp_path / "deleted.txt"
    deleted.write_text(text.replace("## 三、收到和处理政府信息公开申请情况\n", ""), encoding="utf-8")
    missing = [f for f in check_file(str(deleted), ruleset.rules).findings if f.rule == "missing-section"]
    assert [f.message.zh for f in missing] == ["缺少第三部分“三、收到和处理政府信息公开申请情况”"]

    four = text.index("## 四、")
    five = text.index("## 五、")
    six = text.index("## 六、")
    swapped = tmp_path / "swapped.txt"
    swapped.write_text(text[:four] + text[five:six] + text[four:five] + text[six:], encoding="utf-8")
    rules = [f.rule for f in check_file(str(swapped), ruleset.rules).findings]
    assert "section-out-of-order" in rules and "missing-section" not in rules


def test_gb18030_copy_gives_the_same_findings(corpus: Path, ruleset: RuleSet, tmp_path: Path) -> None:
    original = run(corpus, WEIHUI, ruleset)
    copy = tmp_path / "weihui-gb.txt"
    copy.write_bytes((corpus / WEIHUI).read_text(encoding="utf-8").encode("gb18030"))
    converted = check_file(str(copy), ruleset.rules)
    assert converted.ok and converted.source is not None and converted.source.encoding == "gb18030"
    assert [(f.code, f.span.line, f.span.column) for f in converted.findings] == [
        (f.code, f.span.line, f.span.column) for f in original.findings
    ]


def test_crlf_copy_keeps_lines_and_columns(corpus: Path, ruleset: RuleSet, tmp_path: Path) -> None:
    original = run(corpus, WEIHUI, ruleset)
    copy = tmp_path / "weihui-crlf.txt"
    shutil.copy(corpus / WEIHUI, copy)
    copy.write_bytes(copy.read_bytes().replace(b"\n", b"\r\n"))
    assert [(f.code, f.span.line, f.span.column) for f in check_file(str(copy), ruleset.rules).findings] == [
        (f.code, f.span.line, f.span.column) for f in original.findings
    ]
