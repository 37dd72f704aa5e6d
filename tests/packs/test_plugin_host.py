"""The plugin host calls packs through pluggy: specname implementations, one try per
implementation, tracing on standard error, and the table hook."""

from __future__ import annotations

import json
import types

import pytest

from gklint import plugins
from gklint.api import Rule, Severity, hookimpl
from gklint.cli import main
from gklint.plugins import call_each, collect_rules, get_plugin_manager, load_rules
from tests.conftest import corpus_dir

DOC = """Always silent.

## What it does
Nothing.

## Why is this bad?
It is not.

## Example
```text
x
```

Use instead:
```text
x
```

## References
- none
"""


def rule(code: str, name: str) -> Rule:
    return Rule(code=code, name=name, severity=Severity.INFO, check=lambda report, ctx: [], doc=DOC)


def pack(**functions: object) -> types.SimpleNamespace:
    return types.SimpleNamespace(**functions)


def test_an_implementation_under_another_name_is_called() -> None:
    @hookimpl(specname="gklint_rules")
    def our_rules() -> list[Rule]:
        return [rule("QA001", "quiet-rule")]

    pm, _ = get_plugin_manager(load_entry_points=False)
    pm.register(pack(our_rules=our_rules), name="specname")
    ruleset = collect_rules(pm)
    assert [(r.code, r.pack) for r in ruleset.rules] == [("QA001", "specname")]
    assert ruleset.groups == {"specname": frozenset({"specname"})} and not ruleset.problems


def test_each_implementation_has_its_own_try() -> None:
    """A pack whose one implementation raises keeps its other; the other packs are untouched."""

    @hookimpl
    def gklint_rules() -> list[Rule]:
        raise RuntimeError("boom")

    @hookimpl(specname="gklint_rules")
    def more_rules() -> list[Rule]:
        return [rule("QA002", "still-here")]

    pm, _ = get_plugin_manager(load_entry_points=False)
    pm.register(pack(gklint_rules=gklint_rules, more_rules=more_rules), name="half")
    pm.register(pack(gklint_rules=lambda: [rule("QA003", "other-pack")]), name="plain")  # no marker: no hook
    pm.register(pack(gklint_rules=hookimpl(lambda: 42)), name="not_rules")
    ruleset = collect_rules(pm)
    assert [r.code for r in ruleset.rules] == ["QA002"]
    assert ruleset.problems == [
        "rule pack 'half' failed to list its rules: RuntimeError: boom",
        "rule pack 'not_rules': gklint_rules returned int, not rules",
    ]


def test_tracing_shows_every_hook_call_on_standard_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    @hookimpl
    def gklint_rules() -> list[Rule]:
        return [rule("QA004", "traced-rule")]

    monkeypatch.setenv(plugins.TRACE_VARIABLE, "1")
    pm, _ = get_plugin_manager(load_entry_points=False)
    pm.register(pack(gklint_rules=gklint_rules), name="traced")
    collect_rules(pm)
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == "gklint_rules of pack 'traced' [hook]"
    assert lines[1].strip() == "gklint_rules [hook]"
    assert lines[2].strip().startswith("finish gklint_rules --> [[Rule(code='QA004'")
    assert "Always silent" not in err  # the docs are left out of the trace


def test_without_the_variable_nothing_is_traced(capsys: pytest.CaptureFixture[str]) -> None:
    pm, _ = get_plugin_manager(load_entry_points=False)
    pm.register(pack(gklint_rules=hookimpl(lambda: [])), name="quiet")
    results, problems = call_each(pm, "gklint_rules", "failed")
    assert [(r.pack, r.value) for r in results] == [("quiet", [])] and problems == []
    assert capsys.readouterr().err == ""


def test_the_installed_henan_pack_leaves_the_corpus_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's test command installs the 河南 example pack; its rules stay off for the
    Fujian (平潭) reports of the corpus until selected."""
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("no corpus")
    if "henan" not in load_rules().groups:
        pytest.skip("the 河南 example pack is not installed")
    reports = sorted(str(p) for p in (corpus / "real").glob("*pingtan*.txt"))[::6]  # a sample keeps it quick
    assert len(reports) >= 4

    def codes(*options: str) -> set[str]:
        main(["check", "--isolated", "--format", "json", *options, *reports])
        return {f["code"][:2] for f in json.loads(capsys.readouterr().out)["findings"]}

    assert "HA" not in codes()
    assert "HA" in codes("--extend-select", "HA001")
