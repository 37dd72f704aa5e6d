"""English messages (``--lang en``) name table cells by their English labels, never by key.

Every rule case is run and its English message and help are checked for the canonical
keys of the table templates (``natural_person``, ``results_total``), for Chinese table
names standing in English text (``表三``) and for ``(s)`` plurals.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from gklint.engine import lint_text
from gklint.model import build_report
from gklint.parser import parse
from gklint.plugins import RuleSet
from gklint.rules import Previous, RuleContext
from gklint.tables import templates
from tests.rules.test_rule_cases import _load, _text

KEYS = {key.split(".", 1)[1] for template in templates().values() for key, _ in template.items()}
# Keys that are plain English words are fine in a sentence (`total`, `rules`, `pending`);
# a key with an underscore is never English.
INTERNAL = {key for key in KEYS if "_" in key}
CASES = [(code, case) for code, case in _load() if "findings" in case]


def _findings(code: str, case: dict[str, Any], ruleset: RuleSet) -> list:
    rule = ruleset.lookup(code)
    assert rule is not None
    ctx = None
    if "previous" in case:
        last = case["previous"]
        text = _text(last)
        ctx = RuleContext(previous=Previous(build_report(parse(text), text, year=last.get("year")), "last.txt"))
    return lint_text(_text(case), [rule], year=case.get("year"), ctx=ctx)


def test_internal_keys_are_known() -> None:
    # The check below is only as good as this list.
    assert {"natural_person", "results_total", "ignored_petition", "lit_after_review"} <= INTERNAL


@pytest.mark.parametrize(("code", "case"), CASES, ids=[f"{code}::{case['name']}" for code, case in CASES])
def test_english_message_names_cells_in_english(code: str, case: dict[str, Any], ruleset: RuleSet) -> None:
    for finding in _findings(code, case, ruleset):
        for text in (finding.message.en, finding.help.en if finding.help else ""):
            words = set(re.findall(r"[a-z0-9]+(?:_[a-z0-9]+)+", text))
            assert not words & INTERNAL, text
            assert not re.search(r"表[二三四]", text), text
            assert "(s)" not in text, text


@pytest.mark.parametrize(
    ("code", "name", "english"),
    [
        (
            "TB010",
            "reports_blank_and_placeholder_cells_once_per_row",
            "table 二 normative documents: 2 cells hold no number (repealed this year, in force)",
        ),
        (
            "TB004",
            "fails_when_review_total_is_not_the_sum",
            "administrative review / total should be 2 (upheld + corrected",
        ),
    ],
)
def test_english_wording(code: str, name: str, english: str, ruleset: RuleSet) -> None:
    [case] = [case for c, case in CASES if c == code and case["name"] == name]
    assert english in _findings(code, case, ruleset)[0].message.en
