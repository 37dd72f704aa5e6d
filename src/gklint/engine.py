"""Lint one report: parse, model, run each rule in isolation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from gklint.agency import kind_of
from gklint.findings import Finding, Severity, Text
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.rules import Rule, RuleContext

INTERNAL_ERROR = "GK000"


def lint_report(report: Report, rules: Iterable[Rule], ctx: RuleContext | None = None) -> list[Finding]:
    """Run ``rules`` on a report model; a crashing rule becomes one ``internal-error`` finding."""
    ctx = ctx or RuleContext()
    if ctx.agency_kind is None:
        ctx = replace(ctx, agency_kind=kind_of(report.agency))
    findings: list[Finding] = []
    for rule in rules:
        try:
            found = rule.check(report, ctx)
            if rule.severity_override is not None:
                found = (replace(f, severity=rule.severity_override) if f.code == rule.code else f for f in found)
            findings.extend(found)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not silence the others
            findings.append(_internal_error(report, rule, exc))
    return sorted(findings)


def lint_text(
    text: str,
    rules: Iterable[Rule],
    *,
    year: int | None = None,
    agency: str | None = None,
    ctx: RuleContext | None = None,
) -> list[Finding]:
    """Parse canonical report text and lint it (``year``/``agency`` override the title's)."""
    return lint_report(build_report(parse(text), text, year=year, agency=agency), rules, ctx)


def _internal_error(report: Report, rule: Rule, exc: Exception) -> Finding:
    detail = f"{type(exc).__name__}: {exc}"
    return Finding(
        span=report.anchor,
        code=INTERNAL_ERROR,
        rule="internal-error",
        severity=Severity.ERROR,
        message=Text(
            zh=f"规则 {rule.code}（{rule.name}）运行出错：{detail}",
            en=f"rule {rule.code} ({rule.name}) crashed: {detail}",
        ),
        help=Text(
            zh="这是 gklint 或规则包的缺陷，请报告", en="this is a bug in gklint or the rule pack; please report it"
        ),
    )
