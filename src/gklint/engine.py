"""Lint one report: parse, model, run each rule in isolation."""

from __future__ import annotations

from collections.abc import Iterable

from gklint.ast import Span
from gklint.findings import Finding, Severity, Text
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.rules import Rule, RuleContext

INTERNAL_ERROR = "GK000"


def lint_report(report: Report, rules: Iterable[Rule], ctx: RuleContext | None = None) -> list[Finding]:
    """Run ``rules`` on a report model; a crashing rule becomes one ``internal-error`` finding."""
    ctx = ctx or RuleContext()
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(report, ctx))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not silence the others
            findings.append(_internal_error(report, rule, exc))
    return sorted(findings)


def lint_text(
    text: str, rules: Iterable[Rule], *, year: int | None = None, ctx: RuleContext | None = None
) -> list[Finding]:
    """Parse canonical report text and lint it."""
    return lint_report(build_report(parse(text), text, year=year), rules, ctx)


def _internal_error(report: Report, rule: Rule, exc: Exception) -> Finding:
    span = report.document.title.span if report.document.title else Span(0, 0, 1, 1, 1, 1)
    detail = f"{type(exc).__name__}: {exc}"
    return Finding(
        span=span,
        code=INTERNAL_ERROR,
        rule="internal-error",
        severity=Severity.ERROR,
        message=Text(
            zh=f"规则 {rule.code}（{rule.name}）运行出错：{detail}",
            en=f"rule {rule.code} ({rule.name}) crashed: {detail}",
        ),
        help=Text(zh="这是 gklint 或规则包的缺陷，请报告", en="this is a bug in gklint or the rule pack; please report it"),
    )
