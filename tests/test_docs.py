"""Every rule is documented the same way, tested by a case file, and named by its code."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from gklint.rules import DOC_HEADINGS, validate_rule
from tests.conftest import national_ruleset

RULES = national_ruleset().rules
CASES = Path(__file__).parent / "rules" / "cases"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata_and_docs(rule) -> None:  # noqa: ANN001 - parametrized Rule
    assert validate_rule(rule) == []
    positions = [rule.doc.index(h) for h in DOC_HEADINGS]
    assert positions == sorted(positions)
    assert rule.summary and not rule.summary.startswith("#")
    assert (CASES / f"{rule.code}.yml").is_file()
    module = inspect.getmodule(rule.check)
    assert module is not None and Path(module.__file__).stem == rule.code.lower()  # type: ignore[arg-type]
    assert module.__doc__ == rule.doc


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_hookspecs_are_documented() -> None:
    hookspecs = importlib.import_module("gklint.hookspecs")
    hooks = [getattr(hookspecs, n) for n in dir(hookspecs) if n.startswith("gklint_")]
    assert hooks and all(inspect.getdoc(h) for h in hooks)


def test_rule_packs_import_only_the_public_api() -> None:
    """Rules see gklint through gklint.api alone, so the internals can change freely."""
    root = Path(__file__).resolve().parent.parent / "rules"
    for module in root.rglob("*.py"):
        if "tests" in module.parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name == "gklint.api" or not (name == "gklint" or name.startswith("gklint.")), (module, name)
                assert name not in ("lark", "rich") and not name.startswith(("lark.", "rich.")), (module, name)
