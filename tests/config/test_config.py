"""Configuration: discovery and precedence, every key, and errors that name file and line."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from gklint.api import Finding, Report, Rule, Severity
from gklint.cli import main
from gklint.config import Config, ConfigError, ConfigFinder, load_config
from gklint.engine import lint_text
from gklint.plugins import RuleSet, collect_rules, get_plugin_manager
from gklint.project import Options, Project
from gklint.rules import RuleContext
from gklint.runner import check_file
from tests.conftest import NATIONAL_PACKS, SAMPLES

CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
# The clean sample with two warnings: TX002 (no fee statement) and DT002 (a stray 2023年).
FLAWED = CLEAN.replace("2024年本机关未收取信息处理费。", "无。").replace(
    "2024年，示例市数据资源管理局深入贯彻", "2023年，示例市数据资源管理局深入贯彻"
)


def national_loader(extra: Sequence[tuple[str, object]]) -> RuleSet:
    """The national packs plus ``extra``, without entry points (installed packs must not matter)."""
    pm, problems = get_plugin_manager(load_entry_points=False)
    for name in NATIONAL_PACKS:
        pm.register(importlib.import_module(name), name=name)
    for name, plugin in extra:
        pm.register(plugin, name=name)
    return collect_rules(pm, problems)


def project(**options: object) -> Project:
    return Project(Options(**options), load=national_loader)  # type: ignore[arg-type]


def codes(
    tmp_path: Path, config_text: str | None, text: str = FLAWED, name: str = "r.txt", **options: object
) -> list[str]:
    """Codes found in ``text`` written to ``tmp_path/name`` with ``gklint.toml`` = config_text."""
    if config_text is not None:
        (tmp_path / "gklint.toml").write_text(config_text, encoding="utf-8")
    report = tmp_path / name
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    plan = project(**options).plan(str(report))
    result = check_file(str(report), list(plan.rules), year=plan.year, agency=plan.agency, ctx=RuleContext())
    return [f"{f.code}:{f.severity}" for f in result.findings]


# --- discovery and precedence -------------------------------------------------------------


def test_closest_config_wins_and_gklint_toml_beats_pyproject(tmp_path: Path) -> None:
    (tmp_path / "gklint.toml").write_text('ignore = ["DT002"]\n')
    sub = tmp_path / "city" / "2024"
    sub.mkdir(parents=True)
    (tmp_path / "city" / "pyproject.toml").write_text('[tool.gklint]\nignore = ["TX002"]\n')
    finder = ConfigFinder()
    assert finder.for_path(str(sub / "r.txt")).path == tmp_path / "city" / "pyproject.toml"
    assert finder.for_path(str(tmp_path / "r.txt")).path == tmp_path / "gklint.toml"
    (tmp_path / "city" / "gklint.toml").write_text('select = ["ST"]\n')
    assert ConfigFinder().for_path(str(sub / "r.txt")).path == tmp_path / "city" / "gklint.toml"


def test_pyproject_without_gklint_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "gklint.toml").write_text('ignore = ["DT002"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert ConfigFinder().for_path(str(tmp_path / "sub" / "r.txt")).path == tmp_path / "gklint.toml"


def test_forced_config_and_isolated(tmp_path: Path) -> None:
    assert codes(tmp_path, 'ignore = ["DT002"]\n') == ["TX002:warning"]
    other = tmp_path / "elsewhere.toml"
    other.write_text('ignore = ["TX002"]\n')
    assert codes(tmp_path, None, config=other) == ["DT002:warning"]
    assert codes(tmp_path, None, isolated=True) == ["DT002:warning", "TX002:warning"]
    assert codes(tmp_path, None, config=other, isolated=True) == ["DT002:warning", "TX002:warning"]


def test_command_line_select_replaces_and_ignore_extends(tmp_path: Path) -> None:
    config = 'select = ["DT"]\n'
    assert codes(tmp_path, config) == ["DT002:warning"]
    assert codes(tmp_path, config, select=("TX",)) == ["TX002:warning"]
    assert codes(tmp_path, config, extend_select=("TX002",)) == ["DT002:warning", "TX002:warning"]
    assert codes(tmp_path, 'extend-select = ["TX002"]\nselect = ["DT"]\n', ignore=("DT002",)) == ["TX002:warning"]


# --- every key ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('select = ["DT002"]', ["DT002:warning"]),
        ('select = ["stray-year"]', ["DT002:warning"]),
        ('select = ["gklint_rules.text"]', ["TX002:warning"]),
        ('select = ["national"]', ["DT002:warning", "TX002:warning"]),
        ('ignore = ["TX"]', ["DT002:warning"]),
        # The more specific selector wins: a code beats the prefix that ignores it.
        ('ignore = ["TX", "DT"]\nextend-select = ["TX002"]', ["TX002:warning"]),
        ('select = ["TX002"]\nignore = ["national"]', ["TX002:warning"]),
        ('select = ["DT002"]\nextend-select = ["missing-fee-statement"]', ["DT002:warning", "TX002:warning"]),
        ('[severity]\nTX002 = "error"', ["DT002:warning", "TX002:error"]),
        ('[severity]\nnational = "info"\nstray-year = "error"', ["DT002:error", "TX002:info"]),
        ('packs = ["gklint_rules.dates"]', ["DT002:warning"]),
        ('packs = ["national"]', ["DT002:warning", "TX002:warning"]),
        ('[per-file-ignores]\n"r.txt" = ["DT002"]', ["TX002:warning"]),
        ('[per-file-ignores]\n"other/*.txt" = ["DT002"]', ["DT002:warning", "TX002:warning"]),
        # The configured year wins over the title's: 2023年 is no longer stray, and the
        # 2024 statistics period becomes wrong, and the signature (2025年1月20日) late.
        ("year = 2023", ["DT001:error", "DT001:error", "TX002:warning", "PR004:warning"]),
    ],
)
def test_keys(tmp_path: Path, config: str, expected: list[str]) -> None:
    assert codes(tmp_path, config + "\n") == expected


def test_per_file_ignores_glob_is_relative_to_the_config(tmp_path: Path) -> None:
    config = '[per-file-ignores]\n"archive/**" = ["TX002"]\n"*.md" = ["DT"]\n'
    assert codes(tmp_path, config, name="archive/2019/r.txt") == ["DT002:warning"]
    assert codes(tmp_path, config, name="new/r.md") == ["TX002:warning"]


def test_per_file_ignores_have_gitignore_semantics(tmp_path: Path) -> None:
    """A `*` stays within its folder (fnmatch's crossed `/`); `**` and `dir/` reach below."""
    config = '[per-file-ignores]\n"reports/*.txt" = ["TX002"]\n"old/" = ["DT002"]\n"/top.txt" = ["TX002"]\n'
    assert codes(tmp_path, config, name="reports/r.txt") == ["DT002:warning"]
    assert codes(tmp_path, config, name="reports/archive/r.txt") == ["DT002:warning", "TX002:warning"]
    assert codes(tmp_path, config, name="reports/old/deep/r.txt") == ["TX002:warning"]
    assert codes(tmp_path, config, name="top.txt") == ["DT002:warning"]
    assert codes(tmp_path, config, name="sub/top.txt") == ["DT002:warning", "TX002:warning"]


def test_agency_and_agency_kind(tmp_path: Path) -> None:
    (tmp_path / "gklint.toml").write_text('agency = "某某县人民政府"\n')
    assert project().plan(str(tmp_path / "r.txt")).agency == "某某县人民政府"
    (tmp_path / "gklint.toml").write_text('agency-kind = "government"\nyear = 2021\n')
    plan = project().plan(str(tmp_path / "r.txt"))
    assert (plan.agency_kind, plan.year) == ("government", 2021)
    assert project(year=2020).plan(str(tmp_path / "r.txt")).year == 2020  # --year wins


@pytest.mark.parametrize(
    ("agency", "kind"),
    [
        ("某某市人民政府", "government"),
        ("某某镇人民政府", "government"),
        ("上海市人民政府办公厅", "department"),
        ("卫辉市科技和工业信息化局", "department"),
        (None, None),
    ],
)
def test_agency_kind_is_inferred_for_rules(agency: str | None, kind: str | None) -> None:
    seen: list[str | None] = []

    def spy(report: Report, ctx: RuleContext) -> list[Finding]:
        seen.append(ctx.agency_kind)
        return []

    rule = Rule(code="ZZ001", name="spy", severity=Severity.INFO, check=spy, doc="Spy.")
    lint_text(CLEAN if agency else "无标题\n", [rule], agency=agency)
    assert seen == [kind]


def test_lang_and_fail_on_come_from_the_current_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.txt").write_text(FLAWED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "r.txt"]) == 0
    (tmp_path / "gklint.toml").write_text('lang = "en"\nfail-on = "warning"\n')
    assert main(["check", "r.txt"]) == 1
    assert "Checked 1 file:" in capsys.readouterr().out
    assert main(["check", "--fail-on", "error", "--lang", "zh", "r.txt"]) == 0
    assert "个警告" in capsys.readouterr().out


def test_gklint_config_shows_settings_and_their_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gklint]\nignore = ["DT002"]\n[tool.gklint.severity]\nTX002 = "error"\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert f"# settings from {tmp_path / 'pyproject.toml'}" in out
    assert 'ignore = ["DT002"]' in out and 'TX002 = "error"' in out
    assert main(["config", "--isolated"]) == 0
    assert "no configuration file" in capsys.readouterr().out


# --- errors name the file and the line ----------------------------------------------------


def error_of(tmp_path: Path, text: str, name: str = "gklint.toml") -> ConfigError:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        project(config=path).plan(str(tmp_path / "r.txt"))
    return info.value


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('select = ["ST"]\n\nignored = ["DT002"]\n', 3, "unknown key 'ignored'"),
        ('select = ["ST"]\nignore = [\n  "DT002",\n  "no-such-rule",\n]\n', 4, "unknown rule or pack 'no-such-rule'"),
        ('[severity]\nST003 = "warning"\nZZ123 = "error"\n', 3, "unknown rule or pack 'ZZ123'"),
        ('[severity]\nST003 = "loud"\n', 2, "unknown severity 'loud'"),
        ('year = "2021"\n', 1, "year must be a year"),
        ('agency-kind = "ministry"\n', 1, '"department" or "government"'),
        ('lang = "fr"\n', 1, "lang must be"),
        ('fail-on = "never"\n', 1, "fail-on must be"),
        ('packs = ["henan-typo"]\n', 1, "unknown rule pack 'henan-typo'"),
        ('packs = ["./missing.toml"]\n', 1, "rule pack file not found"),
        ('select = ["ST"\nignore = []\n', 2, "invalid TOML"),
        ('[per-file-ignores]\n"*.txt" = "DT002"\n', 2, "must be a list of rules"),
        ('[per-file-ignores]\n"!*.txt" = ["DT002"]\n', 2, "names no files"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, text: str, line: int, words: str) -> None:
    error = error_of(tmp_path, text)
    assert words in error.message
    assert str(error).startswith(f"{tmp_path / 'gklint.toml'}:{line}: ")


def test_pyproject_errors_point_into_the_gklint_table(tmp_path: Path) -> None:
    text = '[project]\nselect = 1\n\n[tool.gklint]\nselect = ["ST"]\nselct = ["DT"]\n'
    error = error_of(tmp_path, text, "pyproject.toml")
    assert str(error).startswith(f"{tmp_path / 'pyproject.toml'}:6: unknown key 'selct'")


def test_config_error_exits_2_without_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "gklint.toml").write_text('select = ["ST"]\nbogus = 1\n')
    (tmp_path / "r.txt").write_text(CLEAN, encoding="utf-8")
    assert main(["check", str(tmp_path / "r.txt")]) == 2
    _, err = capsys.readouterr()
    assert f"{tmp_path / 'gklint.toml'}:2: unknown key 'bogus'" in " ".join(err.split())
    assert "Traceback" not in err
    assert main(["check", "--ignore", "NOPE1", str(tmp_path / "r.txt"), "--isolated"]) == 2
    assert "unknown rule or pack 'NOPE1'" in capsys.readouterr().err


def test_defaults_and_a_pyproject_without_gklint_table() -> None:
    config = load_config(SAMPLES.parent.parent / "pyproject.toml")
    assert config.path is not None
    assert (config.select, config.packs, config.lang, config.fail_on) == (None, None, None, None)
    assert Config().ignored_for("r.txt") == ()
