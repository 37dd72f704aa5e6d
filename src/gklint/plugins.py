"""The plugin host: loads rule packs one by one and collects what their hooks return.

Every hook is called through pluggy (``pm.hook.<name>``), one implementation at a time,
so a pack that raises is named and left out while the others still count, an
implementation registered under another name (``@hookimpl(specname=…)``) is called like
any other, and ``GKLINT_TRACE_PLUGINS=1`` shows each call on standard error.
"""

from __future__ import annotations

import functools
import importlib
import importlib.machinery
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol, TypeVar, cast

import pluggy

from gklint import hookspecs
from gklint.prose.lexicon import lexicon_problems
from gklint.rules import Rule, validate_rule
from gklint.tables.spec import template_problems

if TYPE_CHECKING:
    from importlib.metadata import Distribution
    from importlib.resources.abc import Traversable

    class EntryPoint(Protocol):
        """What the host uses of an entry point (`importlib.metadata.EntryPoint` has it too)."""

        @property
        def name(self) -> str: ...

        @property
        def dist(self) -> Distribution | None: ...

        def load(self) -> object: ...


ENTRY_POINT_GROUP = "gklint"
T = TypeVar("T")
# The selector naming every built-in pack at once (their entry-point names also work).
NATIONAL = "national"
NATIONAL_MODULE = "gklint_rules"
TRACE_VARIABLE = "GKLINT_TRACE_PLUGINS"


class _Declared:
    """An entry point read from an installed distribution's ``entry_points.txt``.

    A plain class: a dataclass costs 2% of Python's start-up to create (issue 13).
    """

    __slots__ = ("info", "name", "value")
    # `importlib.metadata.EntryPoint.pattern`: ``module``, ``module:attr.attr``, extras ignored.
    _PATTERN = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")

    def __init__(self, name: str, value: str, info: str) -> None:
        self.name = name
        self.value = value
        self.info = info  # the distribution's .dist-info (or .egg-info) directory

    @property
    def dist(self) -> Distribution:
        # Only a pack that failed to load is named with its distribution's name and version.
        from importlib.metadata import PathDistribution  # noqa: PLC0415

        return PathDistribution(Path(self.info))

    def load(self) -> object:
        match = self._PATTERN.match(self.value)
        if match is None:
            raise ValueError(f"not an entry point: {self.value!r}")
        found: object = importlib.import_module(match["module"])
        for attr in filter(None, (match["attr"] or "").split(".")):
            found = getattr(found, attr)
        return found


def entry_points(group: str) -> Sequence[EntryPoint]:
    """The installed entry points of ``group``, in the order `importlib.metadata.entry_points` gives them."""
    return _entry_points(tuple(sys.path), group)


@functools.lru_cache(maxsize=4)
def _entry_points(path: tuple[str, ...], group: str) -> tuple[EntryPoint, ...]:
    # NOTE: importing importlib.metadata, and its scan of every distribution, took a tenth of
    # a one-report check, three times over (issue 13). The same search is done here: the
    # distributions in the directories of sys.path, the first of each name, their
    # entry_points.txt. What it does not cover — a zip file or an egg on sys.path, or an
    # import hook that provides distributions — is left to importlib.metadata.
    found: list[EntryPoint] = []
    seen: set[str] = set()
    hooks = [f for f in sys.meta_path if hasattr(f, "find_distributions")]
    if hooks != [importlib.machinery.PathFinder] or any(root.lower().endswith(".egg") for root in path):
        return _from_metadata(group)
    for root in path:
        try:
            children = os.listdir(root or ".")
        except NotADirectoryError:  # a zip file
            return _from_metadata(group)
        except OSError:
            continue
        for child in children:
            low = child.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            # The distribution's name as importlib.metadata reads it from the directory's.
            key = re.sub(r"[-_.]+", "-", low.rpartition(".")[0].partition("-")[0]).replace("-", "_")
            if key in seen:  # shadowed by a distribution earlier on sys.path
                continue
            seen.add(key)
            info = os.path.join(root, child)
            try:
                with open(os.path.join(info, "entry_points.txt"), encoding="utf-8") as file:
                    text = file.read()
            except OSError:  # no entry points (importlib.metadata ignores the same errors)
                continue
            found += [_Declared(name, value, info) for name, value in _declared(text, group)]
    return tuple(found)


def _declared(text: str, group: str) -> Iterator[tuple[str, str]]:
    """(name, value) of ``group``'s lines in an ``entry_points.txt`` (`importlib.metadata.Sectioned`)."""
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, _, value = line.partition("=")
            yield name.strip(), value.strip()


def _from_metadata(group: str) -> tuple[EntryPoint, ...]:
    from importlib.metadata import entry_points as installed  # noqa: PLC0415 - see `_entry_points`

    return tuple(installed(group=group))


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
    reported by name and the others still load. With the entry points come the problems
    of the table and lexicon data packs add.
    """
    pm, problems = _manager(load_entry_points=load_entry_points)
    if load_entry_points:
        problems.extend(template_problems())
        problems.extend(lexicon_problems())
    return pm, problems


def _manager(*, load_entry_points: bool) -> tuple[pluggy.PluginManager, list[str]]:
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
    # check_pending stops at the first misspelled hook; drop that pack and look again.
    while True:
        try:
            pm.check_pending()
            break
        except pluggy.PluginValidationError as exc:
            problems.append(f"rule pack {pm.get_name(exc.plugin)!r} has a hook gklint does not know: {exc}")
            pm.unregister(exc.plugin)
    if os.environ.get(TRACE_VARIABLE):
        # Standard error: the trace must not mix into JSON or SARIF on standard output.
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm, problems


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class HookResult(NamedTuple):
    """What one implementation of a hook returned, and the pack it belongs to."""

    pack: str
    value: object


def call_each(pm: pluggy.PluginManager, name: str, failure: str) -> tuple[list[HookResult], list[str]]:
    """Call every implementation of hook ``name`` on its own, in registration order.

    Returns the results and, one line each, the implementations that failed (``rule pack
    'x' {failure}: …``).
    """
    hook: pluggy.HookCaller = getattr(pm.hook, name)
    results: list[HookResult] = []
    problems: list[str] = []
    trace = pm.trace.root.get("hook")
    for impl in hook.get_hookimpls():
        pack = impl.plugin_name
        trace(f"{name} of pack {pack!r}")
        if impl.wrapper or impl.hookwrapper:
            problems.append(
                f"rule pack {pack!r}: {impl.function.__name__} is a hook wrapper, which gklint does not call"
            )
            continue
        try:
            # NOTE: pluggy has no public way to call one implementation (subset_hook_caller
            # keeps every plugin whose implementation uses specname=), so this runs what
            # `pm.hook.<name>()` runs — the manager's traced executor — on one implementation.
            # Not firstresult: a list of the non-None results.
            returned = cast(list[object], hook._hookexec(hook.name, [impl], {}, False))
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # noqa: BLE001 - isolate a broken pack (sys.exit() included)
            problems.append(f"rule pack {pack!r} {failure}: {type(exc).__name__}: {exc}")
            continue
        # pluggy leaves out a None result: an implementation that returned nothing.
        for value in returned:
            results.append(HookResult(pack, value))
    return results, problems


def collect_rules(pm: pluggy.PluginManager, problems: list[str] | None = None) -> RuleSet:
    """Call every pack's ``gklint_rules`` (each implementation in its own try) and validate the rules."""
    result = RuleSet(problems=list(problems or []))
    for impl in pm.hook.gklint_rules.get_hookimpls():
        name = impl.plugin_name
        result.groups[name] = frozenset({name})
        if getattr(impl.plugin, "__name__", "").split(".")[0] == NATIONAL_MODULE:
            result.groups[NATIONAL] = result.groups.get(NATIONAL, frozenset()) | {name}
    returned, failed = call_each(pm, "gklint_rules", "failed to list its rules")
    result.problems.extend(failed)
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for item in returned:
        name = item.pack
        if not isinstance(item.value, Iterable) or isinstance(item.value, str):
            result.problems.append(f"rule pack {name!r}: gklint_rules returned {type(item.value).__name__}, not rules")
            continue
        for rule in list(item.value):
            if not isinstance(rule, Rule):
                result.problems.append(f"rule pack {name!r}: gklint_rules returned {type(rule).__name__}, not a Rule")
                continue
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


def data_packs(
    hook: str, what: str, base: list[T], read: Callable[[str, Traversable], T], trial: Callable[[list[T]], object]
) -> tuple[list[T], list[str]]:
    """``base`` and the data files each installed pack's ``hook`` returns (``gklint_tables``,
    ``gklint_lexicon``), each file ``read(pack, file)``, and why a pack was left out.

    Each pack is on trial: its files are kept only when they read and ``trial`` accepts
    ``base`` with them (and the packs kept before), so one broken pack never takes the
    national data, and every rule built on it, down with it. A pack that fails to load is
    already reported with the rule packs; only its hook's and its files' failures are
    returned here.
    """
    pm, _ = _manager(load_entry_points=True)
    returned, problems = call_each(pm, hook, f"failed to list its {what} files")
    files = list(base)
    for item in returned:
        if not isinstance(item.value, Sequence) or isinstance(item.value, str):
            problems.append(f"{what} pack {item.pack!r}: {hook} returned {type(item.value).__name__}, not files")
            continue
        try:
            extra = [read(item.pack, path) for path in item.value]
            trial([*files, *extra])
        except Exception as exc:  # noqa: BLE001 - any failure of a pack is reported, not raised
            problems.append(f"{what} pack {item.pack!r} left out: {type(exc).__name__}: {exc}")
            continue
        files.extend(extra)
    return files, problems


def load_rules(extra: Sequence[tuple[str, object]] = ()) -> RuleSet:
    """All rules of all installed packs, plus ``extra`` packs given as (name, plugin)."""
    pm, problems = get_plugin_manager()
    for name, plugin in extra:
        if pm.get_plugin(name) is not None:
            problems.append(f"rule pack {name!r} rejected: an installed pack has that name")
            continue
        pm.register(plugin, name=name)
    return collect_rules(pm, problems)
