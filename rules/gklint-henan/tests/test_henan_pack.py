"""The 河南 pack: installed through the entry point, off until selected, and each rule's pass and fail cases."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

import gklint_henan
from gklint.api import Rule
from gklint.cli import main
from gklint.engine import lint_text
from gklint.plugins import ENTRY_POINT_GROUP, collect_rules, get_plugin_manager, load_rules
from gklint.rules import RuleContext, validate_rule
from gklint.selection import choose

NATIONAL_HEADER = "本年收费金额（单位：万元）"
HENAN_HEADER = "本年收费金额（单位：万元，保留4位小数）"


def report(*, header: str = HENAN_HEADER, fee: str = "0.0380", signed: str = "2025年1月20日") -> str:
    return f"""某某县市场监督管理局2024年政府信息公开工作年度报告
一、总体情况
2024年，本局推进政务公开。
二、主动公开政府信息情况
第二十条第（八）项\t\t\t
信息内容\t{header}\t\t
行政事业性收费\t{fee}\t\t
六、其他需要报告的事项
2024年本局收取信息处理费380元。

某某县市场监督管理局
{signed}
"""


@pytest.fixture(scope="module")
def rules() -> dict[str, Rule]:
    pm, problems = get_plugin_manager(load_entry_points=False)
    pm.register(gklint_henan, name="henan")
    ruleset = collect_rules(pm, problems)
    assert not ruleset.problems
    return {rule.code: rule for rule in ruleset.rules}


def codes(rules: dict[str, Rule], text: str, *, kind: str | None = None) -> list[str]:
    return [f.code for f in lint_text(text, rules.values(), ctx=RuleContext(agency_kind=kind))]


def test_installed_pack_is_found_through_the_entry_point() -> None:
    names = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    assert names.get("henan") == "gklint_henan"
    ruleset = load_rules()
    assert {r.code: r.pack for r in ruleset.rules if r.code.startswith("HA")} == {
        "HA001": "henan", "HA002": "henan", "HA003": "henan"
    }  # fmt: skip
    assert "henan" in ruleset.groups


def test_rules_are_documented(rules: dict[str, Rule]) -> None:
    assert sorted(rules) == ["HA001", "HA002", "HA003"]
    assert all(validate_rule(rule) == [] for rule in rules.values())


def test_henan_report_passes(rules: dict[str, Rule]) -> None:
    assert codes(rules, report()) == []


def test_national_fee_header_is_flagged(rules: dict[str, Rule]) -> None:
    findings = lint_text(report(header=NATIONAL_HEADER), [rules["HA001"]])
    assert [(f.code, f.span.line, f.span.column) for f in findings] == [("HA001", 6, 6)]
    assert findings[0].expected == HENAN_HEADER
    # Half-width brackets and spaces are the same header.
    assert codes(rules, report(header="本年收费金额 (单位:万元,保留4位小数)")) == []


@pytest.mark.parametrize(("fee", "flagged"), [("0.038000001", True), ("1,234.56789", True), ("0.0380", False),
                                              ("12", False), ("/", False), ("", False)])  # fmt: skip
def test_fee_decimals(rules: dict[str, Rule], fee: str, flagged: bool) -> None:
    findings = lint_text(report(fee=fee), [rules["HA002"]])
    assert [f.code for f in findings] == (["HA002"] if flagged else [])
    if flagged:
        assert findings[0].span.line == 7 and findings[0].expected == f"{float(fee.replace(',', '')):.4f}"


def test_late_signature(rules: dict[str, Rule]) -> None:
    late = report(signed="2025年2月10日")
    # The agency name (…局) makes it a department: deadline 2025年1月31日.
    assert codes(rules, late) == ["HA003"]
    finding = lint_text(late, [rules["HA003"]])[0]
    assert (finding.span.line, finding.expected) == (12, "2025年1月31日")
    # A government's own report has until 3月31日.
    assert codes(rules, late, kind="government") == []
    assert codes(rules, report(signed="2025年4月1日"), kind="government") == ["HA003"]
    assert codes(rules, report(signed="2025年1月31日")) == []
    assert codes(rules, report(signed="")) == []


def test_a_year_without_a_calendar_deadline_is_not_a_crash(rules: dict[str, Rule]) -> None:
    """A title's 9999年 (or a configured year of 99999) has no deadline date: no finding, no crash."""
    for year in (9999, 99999):
        found = lint_text(report(signed="2025年2月10日"), [rules["HA003"]], year=year)
        assert [f.code for f in found] == []


def test_installed_pack_is_off_until_selected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Installing the pack (as the README's test command does) changes nothing for other provinces."""
    ruleset = load_rules()
    assert all(rule.opt_in for rule in ruleset.rules if rule.pack == "henan")

    def chosen(**how: Any) -> set[str]:
        return {r.code for r in choose(ruleset, **how) if r.code.startswith("HA")}

    assert chosen() == chosen(select=["ALL"]) == set()
    assert chosen(select=["henan"]) == chosen(extend_select=["HA"]) == {"HA001", "HA002", "HA003"}
    assert chosen(extend_select=["fee-header-without-decimals"]) == {"HA001"}
    assert chosen(packs=["national", "henan"]) == {"HA001", "HA002", "HA003"}
    assert chosen(select=["henan"], ignore=["HA002"]) == {"HA001", "HA003"}

    # A report with the national fee header, as every non-河南 report has it.
    path = tmp_path / "report.txt"
    path.write_text(report(header=NATIONAL_HEADER), encoding="utf-8")

    def codes_checked(*args: str) -> list[str]:
        main(["check", "--format", "json", *args, str(path)])
        return [f["code"] for f in json.loads(capsys.readouterr().out)["findings"]]

    assert "HA001" not in codes_checked("--isolated")
    assert "HA001" in codes_checked("--isolated", "--extend-select", "henan")
    (tmp_path / "gklint.toml").write_text('packs = ["national", "henan"]\n', encoding="utf-8")
    assert "HA001" in codes_checked()
