"""Declarative TOML packs: the example pack fires, and invalid packs are rejected by line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gklint.cellexpr import ExpressionError, parse
from gklint.cli import main
from gklint.config import ConfigError
from gklint.engine import lint_text
from gklint.project import Options, Project
from gklint.tomlpack import load_pack
from tests.config.test_config import national_loader
from tests.conftest import ROOT, SAMPLES

EXAMPLE = ROOT / "examples" / "packs" / "city-extra.toml"
CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
WORK_POINTS = "2024年本机关未收取信息处理费。"


def findings(text: str) -> list[tuple[str, int]]:
    pack = load_pack(EXAMPLE)
    return [(f.code, f.span.line) for f in lint_text(text, pack.rules)]


def test_example_pack_loads_and_documents_its_rules() -> None:
    pack = load_pack(EXAMPLE)
    assert pack.name == "example-city"
    assert [r.code for r in pack.rules] == ["XC001", "XC002", "XC003", "XC004"]
    assert all(r.pack == "example-city" for r in pack.rules)
    assert "## What it does" in pack.rules[0].doc and "政务公开工作要点" in pack.rules[0].doc


def test_mention_rule() -> None:
    assert ("XC001", 82) in findings(CLEAN)
    assert "XC001" not in {
        c for c, _ in findings(CLEAN.replace(WORK_POINTS, WORK_POINTS + "全面落实年度政务公开工作要点。"))
    }


def test_forbid_rule() -> None:
    text = CLEAN.replace("全面推进政务公开工作。", "全面推进政务公开工作，取得了一定成效。")
    assert ("XC002", 7) in findings(text)
    assert "XC002" not in {c for c, _ in findings(CLEAN)}


def test_heading_rule() -> None:
    assert "XC003" not in {c for c, _ in findings(CLEAN)}
    text = CLEAN.replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况")
    assert "XC003" in {c for c, _ in findings(text)}


def test_cell_rule() -> None:
    assert "XC004" not in {c for c, _ in findings(CLEAN)}
    row = next(line for line in CLEAN.splitlines() if line.startswith("四、结转下年度继续办理"))
    broken = row.rsplit("\t", 1)[0] + "\t99"
    result = lint_text(CLEAN.replace(row, broken), load_pack(EXAMPLE).rules)
    cell = [f for f in result if f.code == "XC004"]
    assert len(cell) == 1 and "99 <= 37" in cell[0].message.zh


def test_configured_pack_runs_and_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "ours.toml").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "gklint.toml").write_text('packs = ["rules/ours.toml"]\nselect = ["example-city"]\n')
    plan = Project(Options(), load=national_loader).plan(str(tmp_path / "r.txt"))
    assert [r.code for r in plan.rules] == ["XC001", "XC002", "XC003", "XC004"]
    # Naming installed packs restricts the installed ones, not the TOML packs listed beside them.
    (tmp_path / "gklint.toml").write_text('packs = ["gklint_rules.text", "rules/ours.toml"]\n')
    plan = Project(Options(), load=national_loader).plan(str(tmp_path / "r.txt"))
    assert [r.code for r in plan.rules] == ["TX001", "TX002", "TX003", "XC001", "XC002", "XC003", "XC004"]
    (tmp_path / "gklint.toml").write_text('packs = ["rules/ours.toml"]\nselect = ["example-city"]\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "160")  # room for the pack column beside the summaries
    assert main(["rules"]) == 0
    listed = capsys.readouterr().out
    assert "example-city" in listed and "XC001" in listed
    assert main(["explain", "XC001"]) == 0
    assert "政务公开工作要点" in capsys.readouterr().out
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", "--fail-on", "warning", "r.txt"]) == 1
    assert "XC001" in capsys.readouterr().out


RULE = """[pack]
name = "bad"

[[rule]]
code = "XC001"
name = "ok-rule"
severity = "warning"
kind = "mention"
section = 6
any = ["工作要点"]
message = "m"
"""


@pytest.mark.parametrize(
    ("second_rule", "line", "words"),
    [
        (
            'code = "X1"\nname = "r"\nseverity = "info"\nkind = "forbid"\nphrases = ["a"]\nmessage = "m"',
            14,
            "code 'X1'",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "loud"\nkind = "forbid"\nphrases = ["a"]\nmessage = "m"',
            16,
            "unknown severity",
        ),
        ('code = "XC002"\nname = "r"\nseverity = "info"\nkind = "mentions"\nmessage = "m"', 17, "kind must be one of"),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "forbid"\nphrase = ["a"]\nmessage = "m"',
            18,
            "unknown key 'phrase'",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "heading"\nsection = 9\ntext = "x"\nmessage = "m"',
            18,
            "section must be",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "cell"\ncheck = "t3.new_received.total <="\nmessage = "m"',
            18,
            "ends too early",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "cell"\ncheck = "t3.no_such_row.total <= 1"\nmessage = "m"',
            18,
            "unknown table cell",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "forbid"\nphrases = ["a"]',
            13,
            "missing key 'message'",
        ),
        (
            'code = "XC002"\nname = "r"\nseverity = "info"\nkind = "forbid"\nphrases = ["a"\nmessage = "m"',
            19,
            "invalid TOML",
        ),
    ],
)
def test_invalid_pack_is_rejected_with_the_line(tmp_path: Path, second_rule: str, line: int, words: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(f"{RULE}\n[[rule]]\n{second_rule}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert words in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: "), str(info.value)


def test_invalid_pack_in_config_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.toml").write_text(RULE.replace('severity = "warning"', 'severity = "fatal"'), encoding="utf-8")
    (tmp_path / "gklint.toml").write_text('packs = ["bad.toml"]\n')
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    assert f"{tmp_path / 'bad.toml'}:7: rule 1: unknown severity 'fatal'" in " ".join(capsys.readouterr().err.split())


@pytest.mark.parametrize(
    ("source", "values", "holds"),
    [
        ("t3.a.b + t3.c.d == 5", {"t3.a.b": 2, "t3.c.d": 3}, True),
        ("t3.a.b - (t3.c.d + 1) >= -2", {"t3.a.b": 2, "t3.c.d": 3}, True),
        ("t3.a.b ≤ 1.5", {"t3.a.b": 2}, False),
        ("t3.a.b = t3.c.d", {"t3.a.b": 2, "t3.c.d": 2}, True),
    ],
)
def test_expressions(source: str, values: dict[str, int], holds: bool) -> None:
    expression = parse(source)
    sides = expression.sides(lambda ref: Decimal(values[ref]))
    assert sides is not None and expression.holds(*sides) is holds


@pytest.mark.parametrize("source", ["__import__('os')", "t3.a.b", "t3.a.b <= (1", "1 < 2 < 3", "t3.a.b * 2 < 1"])
def test_bad_expressions(source: str) -> None:
    with pytest.raises(ExpressionError):
        parse(source)


def test_absent_cell_is_not_evaluated() -> None:
    assert parse("t3.a.b < 1").sides(lambda ref: None) is None
