"""Rule selection: which rules run on a file, and at what severity.

A selector is ``ALL``, a rule code (or alias), a rule name, a code prefix (``ST``,
``DT00``) or a pack name (an entry-point name, a TOML pack's name, or ``national`` for
the built-in packs). As in ruff, when a rule is both selected and ignored the more
specific selector wins (a code beats a prefix, a longer prefix beats a shorter one, a
prefix beats a pack); on a tie, ignore wins. Severity overrides use the same selectors
and the same precedence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from gklint.findings import Severity
from gklint.plugins import RuleSet
from gklint.rules import Rule

ALL = "ALL"
_EXACT = 10


def specificity(ruleset: RuleSet, selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more), or None if not at all."""
    upper = selector.upper()
    if upper in (rule.code, *rule.aliases) or selector == rule.name:
        return _EXACT
    if upper != ALL and len(upper) < len(rule.code) and rule.code.startswith(upper) and upper[:2].isalpha():
        return 1 + len(upper)
    if rule.pack in ruleset.groups.get(selector, ()):
        return 1
    if upper == ALL:
        return 0
    return None


def unknown_selectors(ruleset: RuleSet, selectors: Iterable[str]) -> list[str]:
    """The selectors that name no rule and no pack of ``ruleset``."""
    return [
        s
        for s in selectors
        if s.upper() != ALL
        and s not in ruleset.groups
        and not any(specificity(ruleset, s, rule) is not None for rule in ruleset.rules)
    ]


def _best(ruleset: RuleSet, selectors: Iterable[str], rule: Rule) -> int:
    scores = [specificity(ruleset, s, rule) for s in selectors]
    return max((s for s in scores if s is not None), default=-1)


def choose(
    ruleset: RuleSet,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[tuple[str, Severity]] = (),
    packs: Sequence[str] | None = None,
) -> list[Rule]:
    """The rules that run, with severity overrides applied (``select`` None means all).

    ``packs`` (pack or group names) restricts the candidates before selection. An opt-in
    rule runs only when a selector names it more specifically than ``ALL`` or ``packs``
    names its pack.
    """
    allowed = None if packs is None else {p for name in packs for p in ruleset.groups.get(name, ())}
    chosen = []
    for rule in ruleset.rules:
        if allowed is not None and rule.pack not in allowed:
            continue
        on = _best(ruleset, (*(select if select is not None else (ALL,)), *extend_select), rule)
        off = _best(ruleset, ignore, rule)
        if rule.opt_in and on == 0 and allowed is None:
            continue
        if on < 0 or off >= on:
            continue
        override = _override(ruleset, severity, rule)
        chosen.append(rule if override is None else replace(rule, severity_override=override))
    return chosen


def _override(ruleset: RuleSet, severity: Sequence[tuple[str, Severity]], rule: Rule) -> Severity | None:
    best, level = -1, None
    for selector, value in severity:
        score = specificity(ruleset, selector, rule)
        if score is not None and score >= best:  # later entries win ties, as in a TOML table read top-down
            best, level = score, value
    return level
