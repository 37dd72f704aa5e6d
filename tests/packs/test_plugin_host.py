"""The plugin host calls packs through pluggy: specname implementations, one try per
implementation, tracing on standard error, and the table hook."""

from __future__ import annotations

import json
import types
import zipfile
from pathlib import Path

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


def test_entry_points_are_the_ones_importlib_metadata_finds() -> None:
    from importlib.metadata import entry_points

    for group in (plugins.ENTRY_POINT_GROUP, "console_scripts", "pytest11"):
        ours = [(ep.name, ep.value) for ep in plugins.entry_points(group)]
        assert ours == [(ep.name, ep.value) for ep in entry_points(group=group)], group
    assert len(plugins.entry_points(plugins.ENTRY_POINT_GROUP)) >= 7  # the national packs at least


def test_entry_points_read_as_importlib_metadata_reads_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import entry_points

    first, second = tmp_path / "first", tmp_path / "second"
    for folder, dist, text in (
        (
            first,
            "Demo_Pack-1.0.dist-info",
            "# a comment\n[other]\nx = no\n[gklint]\n  demo = demo_mod:hooks.inner [x]\n",
        ),
        (first, "plain-2.0.egg-info", "[gklint]\nplain=plain_mod\n"),
        (second, "demo.pack-3.0.dist-info", "[gklint]\nshadowed = shadowed_mod\n"),  # the same name: hidden
        (second, "later-1.0.dist-info", None),  # no entry_points.txt
    ):
        (folder / dist).mkdir(parents=True)
        if text is not None:
            (folder / dist / "entry_points.txt").write_text(text, encoding="utf-8")
    (first / "Demo_Pack-1.0.dist-info" / "METADATA").write_text("Name: Demo_Pack\nVersion: 1.0\n", encoding="utf-8")
    (first / "demo_mod.py").write_text("class hooks:\n    inner = 'found'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(second))
    monkeypatch.syspath_prepend(str(first))

    ours = plugins.entry_points(plugins.ENTRY_POINT_GROUP)
    assert [(ep.name, ep.value) for ep in ours] == [
        (ep.name, ep.value) for ep in entry_points(group=plugins.ENTRY_POINT_GROUP)
    ]
    assert [ep.name for ep in ours][:2] == ["demo", "plain"]
    assert ours[0].load() == "found"
    dist = ours[0].dist
    assert dist is not None and (dist.name, dist.version) == ("Demo_Pack", "1.0")  # named when it fails to load


def test_a_zip_on_sys_path_is_left_to_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "packs.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped-1.0.dist-info/entry_points.txt", "[gklint]\nzipped = zipped_mod\n")
        z.writestr("zipped-1.0.dist-info/METADATA", "Name: zipped\nVersion: 1.0\n")
    monkeypatch.syspath_prepend(str(archive))
    assert [ep.name for ep in plugins.entry_points(plugins.ENTRY_POINT_GROUP)][0] == "zipped"
