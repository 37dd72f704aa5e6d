"""Shared fixtures: rules come from packs registered explicitly, never from entry points,
so that packs installed on the machine cannot change test results."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from gklint.ast import Span
from gklint.plugins import RuleSet, collect_rules, get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
# The national packs, as pyproject.toml registers them under the `gklint` entry points.
# A one-character span at the start of a report, for findings built by hand.
SPAN_PROBE = Span(0, 1, 1, 1, 1, 2)
NATIONAL_PACKS = (
    "gklint_rules.structure",
    "gklint_rules.dates",
    "gklint_rules.text",
    "gklint_rules.prose",
    "gklint_rules.tables",
    "gklint_rules.years",
    "gklint_rules.suppression",
)


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


def corpus_dir() -> Path | None:
    """The real-report corpus: ``$GKLINT_CORPUS`` (relative to the repository root; CI sets
    it), else ../shared/corpus, else None to skip.

    With the variable set, a missing corpus fails instead of skipping: CI must not go
    green by testing nothing.
    """
    configured = os.environ.get("GKLINT_CORPUS")
    path = (ROOT / configured) if configured else ROOT.parent / "shared" / "corpus"
    if path.is_dir():
        return path
    if configured:
        pytest.fail(f"GKLINT_CORPUS={configured} but {path} is not a directory")
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder (skips the test when it is absent and not required)."""
    path = corpus_dir()
    if path is None:
        pytest.skip("corpus not found; set GKLINT_CORPUS to require it")
    return path


DATA_PACK = """
from importlib.resources import files

from gklint.api import hookimpl


@hookimpl({marker})
def {function}():
    return [files(__name__) / "{file}"]
"""


def install_data_packs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, packs: dict[str, tuple[str, str, str, str | None]], suffix: str
) -> None:
    """Make ``packs`` the installed packs: each a package named by its key, whose hook
    ``function`` (with hookimpl arguments ``marker``) returns its data ``file`` holding
    ``text``, or raises when ``text`` is None; its pack name is the key without ``suffix``."""
    from importlib import metadata

    from gklint import plugins

    for name, (marker, function, file, text) in packs.items():
        package = tmp_path / name
        package.mkdir()
        source = DATA_PACK.format(marker=marker, function=function, file=file)
        if text is None:
            source = source.replace("return [", "raise RuntimeError('no files') or [")
        else:
            (package / file).write_text(text, encoding="utf-8")
        (package / "__init__.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [metadata.EntryPoint(name=n.removesuffix(suffix), value=n, group=plugins.ENTRY_POINT_GROUP) for n in packs]
    monkeypatch.setattr(plugins, "entry_points", lambda group: points if group == plugins.ENTRY_POINT_GROUP else [])
