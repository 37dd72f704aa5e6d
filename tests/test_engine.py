"""The engine isolates rules: a crashing rule becomes one internal-error finding."""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity
from gklint.engine import lint_text
from gklint.plugins import RuleSet


def crash(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    raise ZeroDivisionError("boom")


CRASHING = Rule(code="ZZ999", name="always-crashes", severity=Severity.ERROR, check=crash, doc="Crashes.")


def test_crashing_rule_is_reported_and_others_still_run(ruleset: RuleSet) -> None:
    text = "某局2021年政府信息公开工作年度报告\n本报告统计时限为2020年1月1日至2021年12月31日。\n"
    findings = lint_text(text, [CRASHING, *ruleset.rules])
    internal = [f for f in findings if f.code == "GK000"]
    assert len(internal) == 1
    assert "ZZ999" in internal[0].message.zh and "always-crashes" in internal[0].message.en
    assert "ZeroDivisionError: boom" in internal[0].message.en
    assert "DT001" in {f.code for f in findings}


def test_findings_are_sorted_and_deterministic(ruleset: RuleSet, clean_text: str) -> None:
    text = clean_text.replace("2024年本机关未收取信息处理费。", "无。").replace("统计期限自2024年", "统计期限自2023年")
    first = lint_text(text, ruleset.rules)
    assert first == sorted(first) and first == lint_text(text, ruleset.rules)
    assert [f.code for f in first] == ["DT001", "TX002"]
