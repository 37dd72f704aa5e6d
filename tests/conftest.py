"""Shared fixtures: rules come from packs registered explicitly, never from entry points,
so that packs installed on the machine cannot change test results."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from gklint.plugins import RuleSet, collect_rules, get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
# The national packs, as pyproject.toml registers them under the `gklint` entry points.
NATIONAL_PACKS = ("gklint_rules.structure", "gklint_rules.dates", "gklint_rules.text", "gklint_rules.tables")


def national_ruleset() -> RuleSet:
    """The built-in rules, loaded the way a run loads them but without entry points."""
    pm, problems = get_plugin_manager(load_entry_points=False)
    for name in NATIONAL_PACKS:
        pm.register(importlib.import_module(name), name=name)
    return collect_rules(pm, problems)


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    """All national rules."""
    result = national_ruleset()
    assert not result.problems, result.problems
    return result


@pytest.fixture(scope="session")
def clean_text() -> str:
    """A complete, consistent 2021-template report with no finding at all."""
    return (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
