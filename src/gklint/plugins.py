"""The plugin host: loads rule packs one by one and collects their rules."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib.metadata import entry_points

import pluggy

from gklint import hookspecs
from gklint.prose.lexicon import lexicon_problems
from gklint.rules import Rule, validate_rule
from gklint.tables.spec import template_problems

ENTRY_POINT_GROUP = "gklint"
# The selector naming every built-in pack at once (their entry-point names also work).
NATIONAL = "national"
NATIONAL_MODULE = "gklint_rules"


@dataclass
class RuleSet:
    """The rules of a run, and the problems met while loading packs.

    ``groups`` maps each name that selects packs to the packs it means: every pack's own
    name, and ``national`` for the built-in packs.
    """

    rules: list[Rule] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    groups: dict[str, frozenset[str]] = field(default_factory=dict)

    def lookup(self, key: str) -> Rule | None:
        """A rule by code, alias or name (case-insensitive for codes)."""
        for rule in self.rules:
            if key.upper() in (rule.code, *rule.aliases) or key == rule.name:
                return rule
        return None


def get_plugin_manager(*, load_entry_points: bool = True) -> tuple[pluggy.PluginManager, list[str]]:
    """A plugin manager with the hookspecs, and the load problems met.

    Each entry point is loaded in its own ``try``: a pack that fails to import is
    reported by name and the others still load.
    """
    pm = pluggy.PluginManager("gklint")
    pm.add_hookspecs(hookspecs)
    problems: list[str] = []
    if load_entry_points:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            try:
                plugin = ep.load()
                if pm.get_plugin(ep.name) is None:
                    pm.register(plugin, name=ep.name)
            except KeyboardInterrupt:
                raise
            # BaseException: a pack calling sys.exit() while importing must not end the run.
            except BaseException as exc:  # noqa: BLE001 - any failure of a pack must not stop the run
                dist = f" ({ep.dist.name} {ep.dist.version})" if ep.dist else ""
                problems.append(f"rule pack {ep.name!r}{dist} failed to load: {type(exc).__name__}: {exc}")
        problems.extend(template_problems())
        problems.extend(lexicon_problems())
    # check_pending stops at the first misspelled hook; drop that pack and look again.
    while True:
        try:
            pm.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            problems.append(f"rule pack {pm.get_name(exc.plugin)!r} has a hook gklint does not know: {exc}")
            pm.unregister(exc.plugin)
    if os.environ.get("GKLINT_TRACE_PLUGINS"):
        pm.trace.root.setwriter(print)
        pm.enable_tracing()
    return pm, problems


def collect_rules(pm: pluggy.PluginManager, problems: list[str] | None = None) -> RuleSet:
    """Call every pack's ``gklint_rules`` (each in its own try) and validate the rules."""
    result = RuleSet(problems=list(problems or []))
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for name, plugin in pm.list_name_plugin():
        impl = getattr(plugin, "gklint_rules", None)
        if impl is None:
            continue
        result.groups[name] = frozenset({name})
        if getattr(plugin, "__name__", "").split(".")[0] == NATIONAL_MODULE:
            result.groups[NATIONAL] = result.groups.get(NATIONAL, frozenset()) | {name}
        try:
            rules = list(impl())
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - isolate a broken pack (sys.exit() included)
            result.problems.append(f"rule pack {name!r} failed to list its rules: {type(exc).__name__}: {exc}")
            continue
        for rule in rules:
            rule = replace(rule, pack=rule.pack or name)
            bad = validate_rule(rule)
            if bad:
                result.problems.append(f"rule {rule.code} of pack {name!r} rejected: {'; '.join(bad)}")
                continue
            if rule.code in codes or rule.name in names:
                other = codes.get(rule.code) or names.get(rule.name)
                result.problems.append(
                    f"rule {rule.code} ({rule.name}) of pack {name!r} rejected: "
                    f"its code or name is already used by pack {other!r}"
                )
                continue
            codes[rule.code] = names[rule.name] = name
            result.rules.append(rule)
    result.rules.sort(key=lambda r: r.code)
    return result


def load_rules(extra: Sequence[tuple[str, object]] = ()) -> RuleSet:
    """All rules of all installed packs, plus ``extra`` packs given as (name, plugin)."""
    pm, problems = get_plugin_manager()
    for name, plugin in extra:
        if pm.get_plugin(name) is not None:
            problems.append(f"rule pack {name!r} rejected: an installed pack has that name")
            continue
        pm.register(plugin, name=name)
    return collect_rules(pm, problems)
