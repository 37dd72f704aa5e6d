"""What runs on each checked file: its configuration, its packs and its rules.

Command-line options win over the configuration file: ``--select`` replaces the file's
``select``, while ``--extend-select`` and ``--ignore`` add to the file's lists (as in ruff).
Rule sets are built once per distinct set of TOML packs, and each configuration's
selectors are validated once, against the rules it can see.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from gklint.config import Config, ConfigError, ConfigFinder
from gklint.plugins import RuleSet, load_rules
from gklint.rules import Rule
from gklint.selection import choose, unknown_selectors

if TYPE_CHECKING:
    from gklint.tomlpack import TomlPack

# Builds the rule set from the installed packs plus extra (name, plugin) packs.
Loader = Callable[[Sequence[tuple[str, object]]], RuleSet]


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Options(NamedTuple):
    """Settings given on the command line."""

    config: Path | None = None
    isolated: bool = False
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    year: int | None = None


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Plan(NamedTuple):
    """How to check one file."""

    config: Config
    rules: tuple[Rule, ...]
    year: int | None
    agency: str | None
    agency_kind: str | None


class Project:
    """Resolves and caches configurations, rule sets and selections for a run."""

    def __init__(self, options: Options | None = None, *, load: Loader = load_rules) -> None:
        self.options = options or Options()
        self.finder = ConfigFinder(forced=self.options.config, isolated=self.options.isolated)
        self.problems: list[str] = []
        self._load = load
        self._rulesets: dict[tuple[Path, ...], RuleSet] = {}
        self._toml_names: dict[tuple[Path, ...], tuple[str, ...]] = {}
        self._validated: set[Config] = set()
        cli = (*(self.options.select or ()), *self.options.extend_select, *self.options.ignore)
        self._cli_selectors = cli

    def config_for(self, path: str) -> Config:
        """The configuration that applies to ``path`` (``-`` and ``.`` mean the current directory)."""
        return self.finder.for_path(path)

    def ruleset(self, config: Config) -> RuleSet:
        """Every rule ``config`` can see: installed packs plus its TOML packs."""
        key = config.toml_packs
        if key not in self._rulesets:
            packs = _toml_packs(key)
            ruleset = self._load([(pack.name, pack) for pack in packs])
            self._toml_names[key] = tuple(pack.name for pack in packs)
            self.problems.extend(p for p in ruleset.problems if p not in self.problems)
            self._rulesets[key] = ruleset
        return self._rulesets[key]

    def plan(self, path: str) -> Plan:
        """The rules and settings for one checked file."""
        config = self.config_for(path)
        ruleset = self.ruleset(config)
        self._validate(config, ruleset)
        opts = self.options
        rules = choose(
            ruleset,
            select=opts.select if opts.select is not None else config.select,
            extend_select=(*config.extend_select, *opts.extend_select),
            ignore=(*config.ignore, *opts.ignore, *config.ignored_for(path)),
            severity=config.severity,
            # The TOML packs a file lists are on even when it also names installed packs.
            packs=None if config.packs is None else (*config.packs, *self._toml_names[config.toml_packs]),
        )
        year = opts.year if opts.year is not None else config.year
        return Plan(config, tuple(rules), year, config.agency, config.agency_kind)

    def _validate(self, config: Config, ruleset: RuleSet) -> None:
        if config in self._validated:
            return
        for name in config.packs or ():
            if name not in ruleset.groups:
                known = ", ".join(sorted(ruleset.groups))
                raise config.error(f"unknown rule pack {name!r} (known: {known})", value=name)
        for key, selectors in (
            ("select", config.select or ()),
            ("extend-select", config.extend_select),
            ("ignore", config.ignore),
            ("severity", [s for s, _ in config.severity]),
            ("per-file-ignores", [s for _, group in config.per_file_ignores for s in group]),
        ):
            for selector in unknown_selectors(ruleset, selectors):
                raise config.error(f"{key}: unknown rule or pack {selector!r}", value=selector, key=selector)
        for selector in unknown_selectors(ruleset, self._cli_selectors):
            raise ConfigError(f"unknown rule or pack {selector!r} on the command line; `gklint rules` lists them")
        self._validated.add(config)


def _toml_packs(paths: Sequence[Path]) -> list[TomlPack]:
    if not paths:
        return []
    from gklint.tomlpack import load_pack  # noqa: PLC0415 - most runs configure no TOML pack

    return [load_pack(path) for path in paths]
