"""Lexicon packs: phrases added through the ``gklint_lexicon`` hook."""

from __future__ import annotations

from pathlib import Path

import pytest

from gklint.plugins import get_plugin_manager
from gklint.prose import lexicon as lexicon_module
from gklint.prose.lexicon import lexicon, lexicon_problems
from tests.conftest import install_data_packs


def test_the_national_lexicon_names_the_cells_of_the_spec() -> None:
    words = lexicon()
    entry = words.entry_for("上年结转的申请")
    assert entry is not None and entry.readings == (("t3.carried_over",),)
    assert words.column_at_end("法人申请") == "legal"
    assert words.entry_for("天气晴朗") is None
    assert lexicon_problems() == ()


def test_a_pack_adds_phrases_before_the_national_ones_and_a_broken_pack_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = {
        # A topic the lexicon does not know, and a good pack whose implementation has another
        # name (specname=): 遗留申请 is a local wording of 上年结转, and 部分公开 is made to
        # mean either the row alone or with 予以公开.
        "broken_lexicon": (
            "",
            "gklint_lexicon",
            "lexicon_bad.toml",
            '[[entry]]\nphrases = ["x"]\ntopic = "weather"\nreadings = [["t3.granted"]]\n',
        ),
        "henan_lexicon": (
            'specname="gklint_lexicon"',
            "henan_phrases",
            "lexicon_henan.toml",
            '[[entry]]\nphrases = ["遗留申请"]\nreadings = [["t3.carried_over"]]\n\n'
            '[[entry]]\nphrases = ["部分公开"]\nreadings = [["t3.partial"], ["t3.granted", "t3.partial"]]\n\n'
            "[deadlines]\ndepartment = [2, 15]\n",
        ),
    }
    install_data_packs(tmp_path, monkeypatch, packs, "_lexicon")
    lexicon_module._load.cache_clear()
    try:
        words = lexicon()
        carried = words.entry_for("遗留申请")
        assert carried is not None and carried.readings == (("t3.carried_over",),)
        partial = words.entry_for("部分公开")
        assert partial is not None and len(partial.readings) == 2
        assert words.deadlines["department"] == (2, 15) and words.deadlines["government"] == (3, 31)
        [problem] = lexicon_problems()
        assert problem.startswith("lexicon pack 'broken' left out: ValueError") and "weather" in problem
        # The run reports it with the other pack problems (a warning before the findings).
        _, problems = get_plugin_manager()
        assert problem in problems
    finally:
        lexicon_module._load.cache_clear()
