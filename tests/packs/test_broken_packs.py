"""A broken pack is reported by name and the other packs still run.

Entry points are faked (``gklint.plugins.entry_points`` patched), so no package is
installed for these tests.
"""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from gklint import plugins
from gklint.cli import main

GOOD = '''
from gklint.api import Rule, Severity, hookimpl

def check(report, ctx):
    return []

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

@hookimpl
def gklint_rules():
    return [Rule(code="{code}", name="{name}", severity=Severity.INFO, check=check, doc=DOC)]
'''

PACKS = {
    "good_pack": GOOD.format(code="GP001", name="good-rule"),
    "import_error_pack": "import gklint_no_such_module\n",
    "duplicate_pack": GOOD.format(code="ST001", name="another-missing-section"),
    "typo_pack": "from gklint.api import hookimpl\n\n@hookimpl\ndef gklint_rule():\n    return []\n",
    "crashing_pack": "from gklint.api import hookimpl\n\n@hookimpl\ndef gklint_rules():\n    raise RuntimeError('boom')\n",
}


@pytest.fixture
def fake_entry_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for module, source in PACKS.items():
        (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [EntryPoint(name=f"national_{n}", value=f"gklint_rules.{n}", group=plugins.ENTRY_POINT_GROUP)
              for n in ("structure", "dates", "text")]  # fmt: skip
    points += [EntryPoint(name=m.removesuffix("_pack"), value=m, group=plugins.ENTRY_POINT_GROUP) for m in PACKS]
    monkeypatch.setattr(plugins, "entry_points", lambda group: points if group == plugins.ENTRY_POINT_GROUP else [])


@pytest.mark.usefixtures("fake_entry_points")
def test_each_broken_pack_is_named_and_the_others_still_load() -> None:
    ruleset = plugins.load_rules()
    problems = "\n".join(ruleset.problems)
    assert "rule pack 'import_error' failed to load: ModuleNotFoundError" in problems
    assert "rule pack 'typo' has a hook gklint does not know" in problems and "gklint_rule" in problems
    assert "rule ST001 (another-missing-section) of pack 'duplicate' rejected" in problems
    assert "national_structure" in problems  # the pack already holding ST001
    assert "rule pack 'crashing' failed to list its rules: RuntimeError: boom" in problems
    codes = {rule.code: rule.pack for rule in ruleset.rules}
    assert codes["GP001"] == "good" and codes["ST001"] == "national_structure" and "DT002" in codes


@pytest.mark.usefixtures("fake_entry_points")
def test_cli_warns_and_still_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Path(__file__).parents[1] / "samples" / "clean-2024.txt"
    assert main(["check", "--isolated", str(report)]) == 0
    out, err = capsys.readouterr()
    assert "0 个错误" in out
    for name in ("import_error", "typo", "duplicate", "crashing"):
        assert f"'{name}'" in err
    assert main(["rules", "--isolated"]) == 0
    out = capsys.readouterr().out
    assert "GP001" in out and "good" in out
