"""Baselines hide recorded findings by fingerprint, not by line, and count duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gklint.baseline import Baseline, BaselineError, write_baseline
from gklint.cli import main
from gklint.engine import lint_text
from gklint.plugins import RuleSet
from tests.conftest import SAMPLES

CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
# Two warnings: a stray 2023年 in section 一 (DT002) and no fee statement in 六 (TX002).
FLAWED = CLEAN.replace("2024年本机关未收取信息处理费。", "无。").replace(
    "2024年，示例市数据资源管理局深入贯彻", "2023年，示例市数据资源管理局深入贯彻"
)


def recorded(tmp_path: Path, text: str, ruleset: RuleSet) -> Baseline:
    target = tmp_path / "baseline.json"
    write_baseline(target, [(str(tmp_path / "r.txt"), lint_text(text, ruleset.rules), text)])
    return Baseline.load(target)


def shown(baseline: Baseline, tmp_path: Path, text: str, ruleset: RuleSet) -> list[str]:
    return [f.code for f in baseline.hide(str(tmp_path / "r.txt"), lint_text(text, ruleset.rules), text)]


def test_recorded_findings_are_hidden_after_lines_are_inserted_above(tmp_path: Path, ruleset: RuleSet) -> None:
    baseline = recorded(tmp_path, FLAWED, ruleset)
    assert shown(baseline, tmp_path, FLAWED, ruleset) == []
    moved = FLAWED.replace("## 一、总体情况\n", "## 一、总体情况\n\n新增一段说明。\n另一段说明。\n")
    assert [f.span.line for f in lint_text(moved, ruleset.rules)] != [
        f.span.line for f in lint_text(FLAWED, ruleset.rules)
    ]
    assert shown(baseline, tmp_path, moved, ruleset) == []


def test_a_new_problem_shows(tmp_path: Path, ruleset: RuleSet) -> None:
    baseline = recorded(tmp_path, FLAWED, ruleset)
    worse = FLAWED.replace("统计期限自2024年1月1日", "统计期限自2023年1月1日")
    assert shown(baseline, tmp_path, worse, ruleset) == ["DT001"]
    # Editing the flagged line makes it a new finding: the old text no longer stands there.
    edited = FLAWED.replace("2023年，示例市数据资源管理局深入贯彻", "2022年，示例市数据资源管理局深入贯彻")
    assert shown(baseline, tmp_path, edited, ruleset) == ["DT002"]


def test_counts_per_fingerprint(tmp_path: Path, ruleset: RuleSet) -> None:
    line = "（三）政府信息管理。落实公开属性源头认定和保密审查制度，2019年以来累计清理规范性文件86件。"
    stray = "（六）其他。2023年，示例市完成工作。"
    once = FLAWED.replace(line, f"{line}\n{stray}")
    baseline = recorded(tmp_path, once, ruleset)
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"r.txt"}  # relative to the baseline file
    twice = once.replace(stray, f"{stray}\n{stray}")
    assert shown(baseline, tmp_path, twice, ruleset) == ["DT002"]


def test_other_files_are_not_hidden(tmp_path: Path, ruleset: RuleSet) -> None:
    baseline = recorded(tmp_path, FLAWED, ruleset)
    other = str(tmp_path / "other.txt")
    assert [f.code for f in baseline.hide(other, lint_text(FLAWED, ruleset.rules), FLAWED)] == ["DT002", "TX002"]


def test_cli_write_then_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(FLAWED, encoding="utf-8")
    assert main(["check", "--isolated", "--select", "national", "--write-baseline", "base.json", "r.txt"]) == 0
    assert "recorded 2 finding(s)" in capsys.readouterr().err
    assert (
        main(
            ["check", "--isolated", "--select", "national", "--fail-on", "warning", "--baseline", "base.json", "r.txt"]
        )
        == 0
    )
    assert "0 个警告" in capsys.readouterr().out
    (tmp_path / "r.txt").write_text("前言\n" + FLAWED.replace("统计期限自2024年", "统计期限自2023年"), encoding="utf-8")
    assert (
        main(["check", "--isolated", "--select", "national", "--baseline", "base.json", "--statistics", "r.txt"]) == 1
    )
    out = capsys.readouterr().out
    assert "DT001" in out and "DT002" not in out and "TX002" not in out


def test_bad_baseline_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.json").write_text("{}")
    with pytest.raises(BaselineError, match="not a gklint baseline"):
        Baseline.load(tmp_path / "bad.json")
    assert (
        main(
            [
                "check",
                "--isolated",
                "--select",
                "national",
                "--baseline",
                str(tmp_path / "bad.json"),
                str(SAMPLES / "clean-2024.txt"),
            ]
        )
        == 2
    )
    assert "bad.json" in capsys.readouterr().err
