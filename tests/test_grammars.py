"""The shipped parsers (gklint.grammars) are current for every grammar, and behave as built ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from lark import Lark
from lark.exceptions import LarkError

from gklint import grammars
from tests.conftest import SAMPLES

TEXTS = [
    (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8") + "\n",
    "一、总体情况\n\n（一）主动公开\n本年度2024年新增1,234条。\n项目\t本年新制作\t本年新公开\n",
    "",
]


@pytest.mark.parametrize("name", grammars.names())
def test_every_grammar_ships_a_current_parser(name: str) -> None:
    found = grammars.shipped(name)
    assert found is not None, f"src/gklint/grammars/_{name}.py is missing: run `python -m gklint.grammars`"
    assert found[0] == grammars.fingerprint(name), f"_{name}.py is stale: run `python -m gklint.grammars`"


@pytest.mark.parametrize("name", grammars.names())
def test_the_shipped_parser_parses_as_the_grammar_does(name: str) -> None:
    shipped, built = Lark.load(grammars.shipped(name)[1]), grammars.build(name)  # type: ignore[index]
    for text in TEXTS:
        outcomes = []
        for parser in (shipped, built):
            try:
                outcomes.append(parser.parse(text))
            except LarkError as exc:
                outcomes.append(type(exc))
        assert outcomes[0] == outcomes[1]


def test_regenerating_has_nothing_to_do() -> None:
    assert grammars.regenerate(check=True) == []


def test_a_grammar_is_fingerprinted_with_the_grammars_it_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "main.lark").write_text("%import .shared (WORD)\n%import common.NUMBER\nstart: WORD NUMBER\n")
    (tmp_path / "shared.lark").write_text("WORD: /\\w+/\n")
    (tmp_path / "other.lark").write_text('start: "x"\n')
    monkeypatch.setattr(grammars, "HERE", tmp_path)
    assert [p.name for p in grammars.sources("main")] == ["main.lark", "shared.lark"]
    before = grammars.fingerprint("main")
    (tmp_path / "other.lark").write_text('start: "y"\n')
    assert grammars.fingerprint("main") == before
    (tmp_path / "shared.lark").write_text("WORD: /[a-z]+/\n")
    assert grammars.fingerprint("main") != before


def test_a_stale_module_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A grammar edited without regenerating is built from its source, never served stale."""
    name = grammars.names()[0]
    built = grammars.build(name)
    monkeypatch.setattr(grammars, "fingerprint", lambda name: "edited")
    monkeypatch.setattr(grammars, "build", lambda name, **runtime: built)
    assert grammars.load.__wrapped__(name) is built


@pytest.mark.parametrize("compiled", [True, False], ids=["lark-cython", "lark"])
@pytest.mark.parametrize("name", grammars.names())
def test_a_loaded_parser_reduces_by_the_rules_its_callbacks_hold(name: str, compiled: bool) -> None:
    """`load` makes rules compare by identity: that holds only while every rule of the parse
    table is the very object the callbacks are keyed by (a lark that copied them would make
    every reduction a KeyError)."""
    parser = grammars.load.__wrapped__(name, compiled=compiled)
    keys = {id(key) for key in parser._callbacks}
    table = parser.parser.parser._parse_table
    reduced = [arg for state in table.states.values() for action, arg in state.values() if action.name == "Reduce"]
    assert reduced
    assert all(id(rule) in keys and type(rule).__name__ == "_Rule" for rule in reduced)
