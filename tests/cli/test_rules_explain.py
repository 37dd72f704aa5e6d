"""`gklint rules` and `gklint explain` as a reader sees them, piped, in either language."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from gklint.cli import main
from gklint.reporting.ruledoc import join_paragraphs
from tests.conftest import national_ruleset

RULES = national_ruleset().rules


def _run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main([*argv, "--isolated"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("columns", [80, 50, 200])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rules_is_one_line_per_rule_at_any_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int, lang: str
) -> None:
    lines = _run(capsys, monkeypatch, columns, "rules", "--lang", lang).splitlines()
    codes = [line.split()[0] for line in lines[1:]]
    assert codes == sorted(codes) and {r.code for r in RULES} <= set(codes)
    assert all(re.fullmatch(r"[A-Z]{2}\d{3}", code) for code in codes)
    assert all(cell_len(line) <= columns and line == line.rstrip() for line in lines)
    tb001 = next(line for line in lines if line.startswith("TB001"))
    if lang == "zh":
        assert lines[0].startswith("代码") and "错误" in tb001
        assert columns < 80 or "表三某列不平衡" in tb001
    else:
        assert lines[0].startswith("code") and (columns < 80 or "error" in tb001)
        assert columns < 80 or "Table 三 does not balance" in tb001
    if columns >= 200:  # room for every summary in full, and for the pack
        assert all(r.summary_zh if lang == "zh" else r.summary in "\n".join(lines) for r in RULES)
        assert "gklint_rules_tables" in tb001
    else:
        assert any(line.endswith("…") for line in lines)


def test_every_national_rule_has_a_chinese_summary() -> None:
    for rule in RULES:
        assert re.search(r"[\u4e00-\u9fff]", rule.summary_zh), rule.code


def test_explain_in_chinese_and_english(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    zh = _run(capsys, monkeypatch, 80, "explain", "TB001")
    en = _run(capsys, monkeypatch, 80, "explain", "TB001", "--lang", "en")
    assert zh.splitlines()[:3] == [
        "TB001 application-balance-mismatch（错误，规则包 gklint_rules_tables）",
        "表三某列不平衡：第一项 + 第二项 ≠ 第三项（七）总计 + 第四项。",
        "（以下为规则文档，英文）",
    ]
    assert en.splitlines()[:2] == [
        "TB001 application-balance-mismatch (error, pack gklint_rules_tables)",
        "Table 三 does not balance: 第一项 + 第二项 ≠ 第三项（七）总计 + 第四项 in a column.",
    ]
    for out in (zh, en):
        # The docstring wraps the official sentence after 加; no space may appear there.
        assert "“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”" in out.replace("\n", "")
        assert "What it does" in out and "References" in out
        assert all(line == line.rstrip() for line in out.splitlines())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_inserts_no_space_between_chinese_characters(rule) -> None:  # noqa: ANN001 - parametrized Rule
    text = join_paragraphs(rule.doc)
    cjk = r"[\u4e00-\u9fff，。：；、（）“”]"
    # Every pair of Chinese characters a line break separated in the docstring is now adjacent.
    for before, after in re.findall(rf"({cjk})\n\s*({cjk})", rule.doc.split("```")[0]):
        assert before + after in text, (before, after)
    assert not re.search(rf"{cjk} {cjk}", text) or re.search(rf"{cjk} {cjk}", rule.doc)


def test_join_paragraphs_keeps_blocks() -> None:
    doc = "第三项加\n第四项, and\nmore.\n\n- one\n  two\n- 三\n\n```text\n行一\n行二\n```\n## Heading\ntext"
    assert (
        join_paragraphs(doc)
        == "第三项加第四项, and more.\n\n- one two\n- 三\n\n```text\n行一\n行二\n```\n## Heading\ntext"
    )


@pytest.mark.parametrize(
    ("lang", "mark", "hint"),
    [("zh", "［需选用］", "--extend-select henan"), ("en", "[opt-in]", "--extend-select henan")],
)
def test_opt_in_rules_say_so_in_rules_and_explain(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, mark: str, hint: str
) -> None:
    """The 河南 example pack is installed by the test command and opt-in: listed, marked, and
    `explain` says how to turn it on; national rules carry no mark."""
    lines = _run(capsys, monkeypatch, 200, "rules", "--lang", lang).splitlines()
    ha001 = next(line for line in lines if line.startswith("HA001"))
    assert mark in ha001
    assert not any(mark in line for line in lines if line[:2] in {r.code[:2] for r in RULES})
    explained = _run(capsys, monkeypatch, 200, "explain", "HA001", "--lang", lang)
    assert hint in explained.splitlines()[2]
    assert hint not in _run(capsys, monkeypatch, 200, "explain", "TB001", "--lang", lang)
