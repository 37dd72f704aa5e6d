"""Every rule is documented the same way, tested by a case file, and named by its code."""

from __future__ import annotations

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
