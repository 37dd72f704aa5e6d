"""Lint one report: parse, model, run each rule in isolation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from gklint.agency import kind_of
from gklint.ast import Span
from gklint.budget import FileOverBudget, RuleOverBudget, time_budget
from gklint.findings import Finding, Severity, Text
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.rules import Rule, RuleContext
from gklint.suppression import UNUSED_SUPPRESSION, Outcome, Suppression, apply, take_text_comments

INTERNAL_ERROR = "GK000"
# Seconds one rule may take on one report: a real report takes a rule milliseconds, so
# only a rule that hangs (a loop, a runaway regular expression) ever meets it.
RULE_BUDGET = 10.0


def lint_report(
    report: Report, rules: Iterable[Rule], ctx: RuleContext | None = None, *, rule_budget: float | None = RULE_BUDGET
) -> list[Finding]:
    """Run ``rules`` on a report model, each in isolation.

    A rule that raises (anything but KeyboardInterrupt, SystemExit included), returns
    something other than findings, or runs over ``rule_budget`` seconds becomes one
    ``internal-error`` finding, and the other rules still run.
    """
    ctx = ctx or RuleContext()
    if ctx.agency_kind is None:
        ctx = replace(ctx, agency_kind=kind_of(report.agency))
    findings: list[Finding] = []
    for rule in rules:
        try:
            with time_budget(rule_budget, lambda: RuleOverBudget(rule_budget or 0)):
                found = _checked(rule.check(report, ctx))
        except (KeyboardInterrupt, FileOverBudget):
            raise
        except BaseException as exc:  # noqa: BLE001 - one broken rule must not silence the others
            findings.append(_internal_error(report, rule, exc))
            continue
        if rule.severity_override is not None:
            found = [replace(f, severity=rule.severity_override) if f.code == rule.code else f for f in found]
        findings.extend(found)
    # One problem, one finding: a rule that meets the same thing twice (a period sentence
    # repeated in a paragraph) reports it once. Findings are equal on place, code and text.
    unique = {(f.span, f.code, f.message): f for f in reversed(findings)}
    return sorted(unique.values())


def lint_suppressed(
    report: Report, rules: Iterable[Rule], ctx: RuleContext | None = None, suppressions: Sequence[Suppression] = ()
) -> Outcome:
    """`lint_report`, then the report's suppression comments applied (`gklint.suppression`).

    ``unused-suppression`` runs last, told which comments suppressed nothing.
    """
    rules = list(rules)
    judges = [rule for rule in rules if rule.code == UNUSED_SUPPRESSION]
    others = [rule for rule in rules if rule.code != UNUSED_SUPPRESSION]
    outcome = apply(lint_report(report, others, ctx), suppressions, others)
    if judges and outcome.unused:
        ctx = replace(ctx or RuleContext(), unused_suppressions=outcome.unused)
        outcome = replace(outcome, kept=sorted([*outcome.kept, *lint_report(report, judges, ctx)]))
    return outcome


def _checked(found: Iterable[Finding]) -> list[Finding]:
    """A rule's findings, all of them evaluated (a generator runs here, inside the budget)."""
    out = list(found)
    for item in out:
        if not isinstance(item, Finding):
            raise TypeError(f"the rule returned a {type(item).__name__}, not a Finding")
        # Reporters sort, colour and translate findings: the fields they use must be sound.
        for name, kind in (("span", Span), ("code", str), ("severity", Severity), ("message", Text)):
            if not isinstance(getattr(item, name), kind):
                raise TypeError(f"the rule returned a Finding whose {name} is a {type(getattr(item, name)).__name__}")
    return out


def lint_text(
    text: str,
    rules: Iterable[Rule],
    *,
    year: int | None = None,
    agency: str | None = None,
    ctx: RuleContext | None = None,
) -> list[Finding]:
    """Parse report text and lint it (``year``/``agency`` override the title's).

    Suppression comments in the text apply as in a .txt report; the findings they
    suppress are left out.
    """
    text, suppressions = take_text_comments(text)
    return lint_suppressed(build_report(parse(text), text, year=year, agency=agency), rules, ctx, suppressions).kept


def _internal_error(report: Report, rule: Rule, exc: BaseException) -> Finding:
    detail = f"{type(exc).__name__}: {exc}"
    message = Text(
        zh=f"规则 {rule.code}（{rule.name}）运行出错：{detail}", en=f"rule {rule.code} ({rule.name}) crashed: {detail}"
    )
    if isinstance(exc, RuleOverBudget):
        message = Text(
            zh=f"规则 {rule.code}（{rule.name}）运行超过 {exc.seconds:g} 秒，已停止",
            en=f"rule {rule.code} ({rule.name}) ran over {exc.seconds:g} s and was stopped",
        )
    return Finding(
        span=report.anchor,
        code=INTERNAL_ERROR,
        rule="internal-error",
        severity=Severity.ERROR,
        message=message,
        help=Text(
            zh="这是 gklint 或规则包的缺陷，请报告", en="this is a bug in gklint or the rule pack; please report it"
        ),
    )
