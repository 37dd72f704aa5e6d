"""Lexicon packs: phrases added through the ``gklint_lexicon`` entry-point group."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from gklint.plugins import get_plugin_manager
from gklint.prose import lexicon as lexicon_module
from gklint.prose.lexicon import ENTRY_POINT_GROUP, lexicon, lexicon_problems


def test_the_national_lexicon_names_the_cells_of_the_spec() -> None:
    words = lexicon()
    assert words.entry_for("上年结转的申请") is not None
    assert words.entry_for("上年结转的申请").readings == (("t3.carried_over",),)  # type: ignore[union-attr]
    assert words.column_at_end("法人申请") == "legal"
    assert words.entry_for("天气晴朗") is None
    assert lexicon_problems() == ()


def test_a_pack_adds_phrases_before_the_national_ones_and_a_broken_pack_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, broken = tmp_path / "good_lexicon", tmp_path / "broken_lexicon"
    for package in (good, broken):
        package.mkdir()
        (package / "__init__.py").write_text("")
    # 遗留申请 is a 河南-style wording of 上年结转; 部分公开 is made to mean both result rows.
    (good / "lexicon_henan.toml").write_text(
        '[[entry]]\nphrases = ["遗留申请"]\nreadings = [["t3.carried_over"]]\n\n'
        '[[entry]]\nphrases = ["部分公开"]\nreadings = [["t3.partial"], ["t3.granted", "t3.partial"]]\n',
        encoding="utf-8",
    )
    (broken / "lexicon_bad.toml").write_text(
        '[[entry]]\nphrases = ["x"]\ntopic = "weather"\nreadings = [["t3.granted"]]\n', encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [
        metadata.EntryPoint(name="broken", value="broken_lexicon", group=ENTRY_POINT_GROUP),
        metadata.EntryPoint(name="henan", value="good_lexicon", group=ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(
        lexicon_module.metadata, "entry_points", lambda group: points if group == ENTRY_POINT_GROUP else []
    )
    lexicon_module._load.cache_clear()
    try:
        words = lexicon()
        assert words.entry_for("遗留申请").readings == (("t3.carried_over",),)  # type: ignore[union-attr]
        assert len(words.entry_for("部分公开").readings) == 2  # type: ignore[union-attr]
        [problem] = lexicon_problems()
        assert problem.startswith("lexicon pack 'broken' left out: ValueError") and "weather" in problem
        # The run reports it with the other pack problems (a warning before the findings).
        _, problems = get_plugin_manager()
        assert problem in problems
    finally:
        lexicon_module._load.cache_clear()
