"""The inline grammar on lark-cython reads every line exactly as lark's pure-Python parser does.

gklint parses prose with lark-cython where it is installed (`gklint.grammars.COMPILED`) and
with lark's own parser elsewhere; a difference would make findings depend on the machine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gklint import grammars
from gklint.ast import Paragraph, Span, SubHeading
from gklint.parser import parse
from gklint.prose.nodes import Prose
from gklint.prose.parser import ToProse, _lark, parse_prose, read_with
from gklint.readers import read_path

pytestmark = pytest.mark.skipif(grammars.compiled_plugins() is None, reason="lark-cython is not installed")

# Words and characters the grammar has terminals for, so generated lines reach its rules.
_PIECES = [
    *"0123456789０１２３４５６７８９〇零一二两三四五六七八九十百千万",
    *"件条项次个份篇年月日度余多近约共其中、，。；：%％（）()《》",
    "人次",
    "万元",
    "自",
    "起至",
    "止",
    "截至",
    "未收到",
    "申请",
    "均获维持",
    "无",
    "占",
    "比",
    "其中",
    "政府信息",
    "行政复议",
]


@pytest.fixture(scope="module")
def both() -> Callable[[str], tuple[Prose, Prose]]:
    """Parses a line with lark-cython (gklint's default) and with lark's pure-Python parser."""
    pure = grammars.load("inline", compiled=False, transformer=ToProse())

    def parse_twice(text: str) -> tuple[Prose, Prose]:
        span = Span.of(text, 0, len(text))
        return parse_prose(text, span), read_with(pure, text, span)

    return parse_twice


def test_the_prose_runs_on_lark_cython() -> None:
    lark = _lark()
    assert "lark_cython" in type(lark.parser.parser).__module__


def _prose_lines(corpus: Path) -> Iterator[str]:
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".md", ".html", ".docx"}:
            document = parse(read_path(path).text)
            yield from (node.text for node in document.iter(Paragraph))
            yield from (node.text for node in document.iter(SubHeading))


def test_every_corpus_line_parses_identically(corpus: Path, both: Callable[[str], tuple[Prose, Prose]]) -> None:
    lines = list(_prose_lines(corpus))
    assert len(lines) > 500
    for text in lines:
        compiled, pure = both(text)
        assert compiled == pure, text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_generated_lines_parse_identically(both: Callable[[str], tuple[Prose, Prose]], text: str) -> None:
    compiled, pure = both(text)
    assert compiled == pure
