"""The single driver for rule case files: ``tests/rules/cases/<CODE>.yml``.

A case file names its rule and lists cases. A case gives the report as ``text`` (or
``file``, relative to the repository root), optionally ``year`` (as ``--year``), and the
``findings`` of that rule it must produce: each ``{line, column}`` and optionally
``message`` (a substring of the Chinese message), ``expected`` and ``severity``. No ``findings`` key
means the rule must stay silent. ``edit`` applies ``[old, new]`` replacements to the
text first, so a fail case can be the clean sample with one mistake. ``previous`` is last
year's report for the cross-year rules, given the same way (``text`` or ``file``, ``edit``,
``year``); the findings' ``related`` line is then checked when a case gives it. ``with``
lists rules (codes) that run beside the tested one in a case without findings, for a rule
about the others' findings (unused-suppression); only the tested rule's findings count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from gklint.engine import lint_text
from gklint.model import build_report
from gklint.parser import parse
from gklint.plugins import RuleSet
from gklint.rules import Previous, RuleContext
from tests.conftest import ROOT, national_ruleset

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict[str, Any]]]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["rule"] == path.stem, f"{path.name} names rule {data['rule']}"
        for case in data["cases"]:
            params.append((data["rule"], case))
    return params


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "case" in metafunc.fixturenames:
        params = _load()
        metafunc.parametrize(("code", "case"), params, ids=[f"{code}::{case['name']}" for code, case in params])


def _text(case: dict[str, Any]) -> str:
    text = case["text"] if "text" in case else (ROOT / case["file"]).read_text(encoding="utf-8")
    for old, new in case.get("edit", []):
        assert old in text, f"edit target {old!r} not in the case text"
        text = text.replace(old, new)
    return text


def test_case(code: str, case: dict[str, Any], ruleset: RuleSet) -> None:
    rule = ruleset.lookup(code)
    assert rule is not None, f"no rule {code}"
    ctx = None
    if "previous" in case:
        last = case["previous"]
        text = _text(last)
        ctx = RuleContext(previous=Previous(build_report(parse(text), text, year=last.get("year")), "last.txt"))
    beside = [ruleset.lookup(other) for other in case.get("with", [])]
    assert None not in beside and not (beside and case.get("findings")), case["with"]
    findings = lint_text(_text(case), [rule, *beside], year=case.get("year"), ctx=ctx)  # type: ignore[list-item]
    if beside:
        findings = [f for f in findings if f.code == code]
    assert all(f.code == code for f in findings), [f.code for f in findings]
    expected = case.get("findings", [])
    assert [(f.span.line, f.span.column) for f in findings] == [(e["line"], e["column"]) for e in expected], [
        (f.span.line, f.span.column, f.message.zh) for f in findings
    ]
    for finding, want in zip(findings, expected, strict=True):
        if "message" in want:
            assert want["message"] in finding.message.zh, finding.message.zh
        if "expected" in want:
            # `expected: null`: the finding must propose no value.
            assert finding.expected == (None if want["expected"] is None else str(want["expected"]))
        if "severity" in want:
            assert str(finding.severity) == want["severity"]
        if "related" in want:
            assert finding.related is not None and finding.related.span.line == want["related"]


def test_every_rule_has_pass_and_fail_cases() -> None:
    covered: dict[str, set[bool]] = {}
    for code, case in _load():
        covered.setdefault(code, set()).add(bool(case.get("findings")))
    for rule in national_ruleset().rules:
        assert covered.get(rule.code) == {True, False}, f"{rule.code} needs a pass case and a fail case"
