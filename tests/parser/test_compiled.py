"""The line grammar on lark-cython reads every report exactly as lark's pure-Python parser does.

gklint parses with lark-cython where it is installed (`gklint.grammars.COMPILED`) and with
lark's own parser elsewhere; a difference would make findings depend on the machine.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Lark

from gklint import grammars
from gklint.parser import _lark
from gklint.readers import read_path

pytestmark = pytest.mark.skipif(grammars.compiled_plugins() is None, reason="lark-cython is not installed")

# Lines of every kind the grammar tells apart, so generated reports reach all its rules.
_LINES = [
    "一、总体情况",
    "（一）主动公开情况",
    "第一部分 概述",
    "信息内容\t本年制发件数\t本年废止件数",
    "规章\t0\t0",
    "| 规章 | 0 | 0 |",
    "|---|---|---|",
    "规章  0  0  0",
    "三、收到和处理政府信息公开申请情况",
    "本年共收到申请3件。",
    "",
    "  ",
]


def _read(lark: Lark, text: str) -> tuple[str, list[tuple[object, ...]]]:
    """The tree's shape and every token with its positions (the spans are made of them)."""
    tree = lark.parse(text)
    tokens = [(t.type, t.value, t.start_pos, t.end_pos, t.line, t.column) for t in tree.scan_values(lambda _: True)]
    return str(tree), tokens


def _both(text: str) -> tuple[object, object]:
    return _read(_lark(), text), _read(grammars.load("annual_report", compiled=False), text)


def test_the_line_grammar_runs_on_lark_cython() -> None:
    assert "lark_cython" in type(_lark().parser.parser).__module__


def test_every_corpus_report_parses_identically(corpus: Path) -> None:
    paths = [p for p in sorted(corpus.rglob("*")) if p.is_file() and p.suffix in {".txt", ".md", ".html", ".docx"}]
    assert len(paths) > 50
    for path in paths:
        compiled, pure = _both(read_path(path).text + "\n")
        assert compiled == pure, path


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=30).map(lambda lines: "\n".join(lines) + "\n"))
def test_generated_reports_parse_identically(text: str) -> None:
    compiled, pure = _both(text)
    assert compiled == pure
