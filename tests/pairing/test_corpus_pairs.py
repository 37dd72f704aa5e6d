"""The cross-year rules on the real series in the corpus (平潭 2014–2025, the 2011/2012 county reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gklint.batch import Job, check_paths
from gklint.engine import lint_report
from gklint.findings import Finding
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.plugins import RuleSet
from gklint.project import Options, Project
from gklint.readers import DEFAULT_MAX_BYTES
from gklint.rules import Previous, RuleContext

# The 平潭综合实验区's own reports, oldest first.
PINGTAN = ("015", "016", "013", "010", "007", "008", "006", "005", "004", "002", "003", "001")
# From 2018→2019 on the series is written afresh every year.
CLEAN_FROM = "007"


def real(corpus: Path, number: str) -> Path:
    (path,) = (corpus / "real").glob(f"{number}-*.txt")
    return path


def model(path: Path, text: str | None = None) -> Report:
    text = path.read_text(encoding="utf-8") if text is None else text
    return build_report(parse(text), text)


def compare(ruleset: RuleSet, this: Report, last: Report, *codes: str) -> list[Finding]:
    rules = [r for r in ruleset.rules if r.code in codes]
    return lint_report(this, rules, RuleContext(previous=Previous(last, "last.txt")))


def test_the_pasted_sections_of_2012_are_found(corpus: Path, ruleset: RuleSet) -> None:
    last, this = (model(real(corpus, n)) for n in ("012", "014"))
    found = compare(ruleset, this, last, "XY003")
    assert [(f.span.line, f.message.zh[:4]) for f in found] == [(5, "第一部分"), (9, "第二部分"), (37, "第四部分")]
    assert all(f.related is not None and f.related.span.line == f.span.line for f in found)


def consecutive(corpus: Path, start: str) -> list[tuple[Path, Path]]:
    series = PINGTAN[PINGTAN.index(start) :]
    return [(real(corpus, a), real(corpus, b)) for a, b in zip(series, series[1:], strict=False)]


def test_consecutive_clean_pingtan_reports_agree(corpus: Path, ruleset: RuleSet) -> None:
    pairs = consecutive(corpus, CLEAN_FROM)
    assert len(pairs) == 7
    for last, this in pairs:
        assert compare(ruleset, model(this), model(last), "XY001", "XY003") == [], this.name


def test_the_in_force_count_breaks_three_years_running(corpus: Path, ruleset: RuleSet) -> None:
    found = {
        this.name: [f.expected for f in compare(ruleset, model(this), model(last), "XY002")]
        for last, this in consecutive(corpus, "005")
    }
    assert found == {
        "004-pingtan-2022.txt": [],
        "002-pingtan-2023.txt": ["643"],
        "003-pingtan-2024.txt": ["499"],
        "001-pingtan-2025.txt": ["453"],
    }


def test_one_changed_carry_over_cell_gives_exactly_one_finding(corpus: Path, ruleset: RuleSet) -> None:
    last_path, this_path = real(corpus, "005"), real(corpus, "004")
    text = this_path.read_text(encoding="utf-8")
    # 上年结转 自然人 1 → 2, and the table kept consistent: 71 + 2 = 72 + 1.
    for old, new in (
        (
            "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1",
            "二、上年结转政府信息公开申请数量\t\t\t2\t0\t0\t0\t0\t0\t2",
        ),
        ("四、结转下年度继续办理\t\t\t0\t0\t0\t0\t0\t0\t0", "四、结转下年度继续办理\t\t\t1\t0\t0\t0\t0\t0\t1"),
    ):
        assert text.count(old) == 1
        text = text.replace(old, new)
    this, last = model(this_path, text), model(last_path)
    assert [f for f in lint_report(this, ruleset.rules) if f.code.startswith("TB")] == []
    (finding,) = compare(ruleset, this, last, "XY001")
    cell = this.table3["carried_over"]["natural_person"]  # type: ignore[index]
    assert finding.span == cell.span and finding.expected == "1"
    assert finding.related is not None
    assert finding.related.span == last.table3["carried_forward"]["natural_person"].span  # type: ignore[index]


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_corpus_pairs_each_report_with_its_own_predecessor(corpus: Path, jobs: int) -> None:
    paths = sorted(str(p) for folder in ("real", "partial") for p in (corpus / folder).glob("*.txt"))
    project = Project(Options(isolated=True))
    job = Job(options=project.options, lang="zh", max_bytes=DEFAULT_MAX_BYTES)
    results = check_paths(project, job, paths, jobs=jobs)
    found = {r.path: r.previous for r in results if r.previous}
    series = [*zip(PINGTAN[1:], PINGTAN, strict=False), ("014", "012")]
    assert found == {str(real(corpus, this)): str(real(corpus, last)) for this, last in series}
