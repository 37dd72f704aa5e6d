"""Parse canonical report text into the AST (`gklint.ast`).

The Lark LALR grammar lives in ``grammars/annual_report.lark`` (shipped inside the
package); a separate Transformer pass turns the parse tree into frozen dataclasses, each
with a `Span` copied once from the token positions.
"""

from __future__ import annotations

import re

from lark import Lark, Token, Transformer

from gklint import grammars
from gklint.ast import Block, Cell, Document, Heading, Paragraph, Row, Section, Span, SubHeading, Table, Title

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Markdown marks, bold and indentation that may wrap an enumerator: `## **一、总体情况**`.
_DECORATION = re.compile(r"^[ \u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \u3000]*")
_HEADING = re.compile(r"(?P<numeral>[一二三四五六七八九十]{1,3})[ \u3000]*[、，,．.][ \u3000]*(?P<text>.*)")
_SUBHEADING = re.compile(
    r"(?P<marker>[（(][ \u3000]*[一二三四五六七八九十0-9０-９]{1,3}[ \u3000]*[)）]|[0-9０-９]{1,2}[.．、])[ \u3000]*(?P<text>.*)"
)
_TITLE_WORDS = ("报告", "年报", "政府信息公开")


def numeral_value(numeral: str) -> int:
    """Value of a Chinese numeral from 一 to 九十九 (``十一`` = 11, ``二十`` = 20)."""
    if "十" not in numeral:
        return _NUMERALS.get(numeral, 0)
    tens, _, units = numeral.partition("十")
    return (_NUMERALS.get(tens, 0) if tens else 1) * 10 + (_NUMERALS.get(units, 0) if units else 0)


def _lark() -> Lark:
    # NOTE: the parser ships pre-built inside the package (gklint.grammars), never in a
    # cache file in $TMPDIR: lark unpickles its cache without checking who wrote it.
    return grammars.load("annual_report")


class _ToAst(Transformer[Token, Document]):
    """Builds AST nodes; one method per grammar rule, named identically."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def _line(self, token: Token) -> tuple[str, Span]:
        """The token's line without its line end, and that line's span."""
        start = token.start_pos
        assert start is not None and token.line is not None and token.column is not None
        raw = str(token).rstrip("\n").rstrip("\r")
        end = start + len(raw)
        return raw, Span(start, end, token.line, token.column, token.line, token.column + len(raw))

    def paragraph(self, children: list[Token]) -> Paragraph:
        raw, span = self._line(children[0])
        return Paragraph(span=span, text=raw)

    def subheading(self, children: list[Token]) -> SubHeading:
        raw, span = self._line(children[0])
        match = _SUBHEADING.match(raw, _DECORATION.match(raw).end())  # type: ignore[union-attr]
        assert match is not None  # the grammar's SUBHEADING guarantees the shape
        return SubHeading(span=span, marker=match["marker"], text=raw)

    def table(self, children: list[Token]) -> Table:
        rows = []
        for token in children:
            raw, span = self._line(token)
            cells, offset = [], 0
            for field in raw.split("\t"):
                cells.append(Cell(span=span.sub(offset, len(field)), text=field))
                offset += len(field) + 1
            rows.append(Row(span=span, cells=tuple(cells)))
        first, last = rows[0].span, rows[-1].span
        span = Span(first.start, last.end, first.line, first.column, last.end_line, last.end_column)
        return Table(span=span, rows=tuple(rows))

    def section(self, children: list[Token | Block]) -> Section:
        token, *blocks = children
        assert isinstance(token, Token)
        raw, span = self._line(token)
        match = _HEADING.match(raw, _DECORATION.match(raw).end())  # type: ignore[union-attr]
        assert match is not None  # the grammar's HEADING guarantees the shape
        words = raw[: match.end("text")].rstrip(" \u3000\t*")[match.start("text") :]
        heading = Heading(
            span=span.sub(match.start("text"), len(words)),
            numeral=match["numeral"],
            number=numeral_value(match["numeral"]),
            text=words,
        )
        end = blocks[-1].span if blocks else span  # type: ignore[union-attr]
        whole = Span(span.start, end.end, span.line, span.column, end.end_line, end.end_column)
        return Section(span=whole, heading=heading, blocks=tuple(blocks))  # type: ignore[arg-type]

    def start(self, children: list[Block | Section]) -> Document:
        preamble = [c for c in children if not isinstance(c, Section)]
        sections = tuple(c for c in children if isinstance(c, Section))
        title = None
        # The title is the first preamble line that names the report; a leading `# ` is
        # markdown, not part of the title.
        for index, block in enumerate(preamble[:3]):
            if isinstance(block, Paragraph) and any(w in block.text for w in _TITLE_WORDS):
                lead = _DECORATION.match(block.text).end()  # type: ignore[union-attr]
                words = block.text[lead:].rstrip(" \u3000*")
                title = Title(span=block.span.sub(lead, len(words)), text=words)
                del preamble[index]
                break
        return Document(
            span=Span.of(self._text, 0, len(self._text)),
            title=title,
            preamble=tuple(preamble),  # type: ignore[arg-type]
            sections=sections,
        )


def parse(text: str) -> Document:
    """Parse canonical report text (LF line ends) into a `Document`.

    Never raises on any text: unrecognised lines become paragraphs.
    """
    # Every grammar terminal ends with a newline; the sentinel is outside all spans.
    tree = _lark().parse(text + "\n")
    return _ToAst(text).transform(tree)
