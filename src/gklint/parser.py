"""Parse canonical report text into the AST (`gklint.ast`).

The Lark LALR grammar lives in ``grammars/annual_report.lark`` (shipped inside the
package, run on lark-cython where it is installed: `gklint.grammars.COMPILED`); a separate
Transformer pass turns the parse tree into frozen dataclasses, each with a `Span` copied
once from the token positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any, cast

from lark import Lark, Transformer, Tree

from gklint import grammars
from gklint.ast import Block, Cell, Document, Heading, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.grammars import Terminal
from gklint.prose.parser import parse_prose

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Markdown marks, bold and indentation before a title: `# **某某局2023年…报告**`.
_DECORATION = re.compile(r"^[ \u3000]*(?:#{1,6}[ \t]*)?(?:\*\*)?[ \u3000]*")
_TITLE_WORDS = ("报告", "年报", "政府信息公开")
# A title is a line of its own: short, and not a sentence (`本报告根据…编制。` is not one).
_MAX_TITLE = 80


# The grammar's rows of space-separated cells; a cell is what stands between runs of two
# or more spaces (the grammar matched the row, this only cuts it up, as TABs and pipes are).
_SPACED = ("NUMBER_ROW", "SPACE_ROW")
# A line of text inside such a table is one of its rows when it is this short.
_MAX_LABEL_LINE = 40
_SPACED_CELL = re.compile(r"[^ \u3000](?:[^ \u3000]|[ \u3000](?=[^ \u3000]))*")

# Closing bold and spaces after a heading's words are not part of them.
_TRAILING = " \u3000\t*"


def _is_title(text: str) -> bool:
    sentence = text.rstrip(" \u3000*").endswith("。")
    return len(text) <= _MAX_TITLE and not sentence and any(w in text for w in _TITLE_WORDS)


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


class _ToAst(Transformer[Terminal, Document]):
    """Builds AST nodes; one method per grammar rule, named identically."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def _line(self, token: Terminal) -> tuple[str, Span]:
        """The token's line without its line end, and that line's span."""
        start = token.start_pos
        assert start is not None and token.line is not None and token.column is not None
        raw = str(token).rstrip("\n").rstrip("\r")
        end = start + len(raw)
        return raw, Span(start, end, token.line, token.column, token.line, token.column + len(raw))

    def paragraph(self, children: list[Terminal]) -> Paragraph:
        raw, span = self._line(children[0])
        return Paragraph(span=span, text=raw, prose=parse_prose(raw, span))

    def heading(self, children: list[Terminal]) -> tuple[Heading, Span]:
        """The heading node (its span covers the words) and the span of its whole line."""
        first, words = children[0], children[-1]
        numeral = next(c for c in children if c.type in ("NUMERAL", "ORDINAL_NUMERAL"))
        raw, words_span = self._line(words)
        text = raw.rstrip(_TRAILING)
        start = first.start_pos
        assert start is not None and first.column is not None
        line = Span(start, words_span.end, words_span.line, first.column, words_span.line, words_span.end_column)
        node = Heading(
            span=words_span.sub(0, len(text)), numeral=str(numeral), number=numeral_value(str(numeral)), text=text
        )
        return node, line

    def subheading(self, children: list[Terminal]) -> SubHeading:
        first, marker, words = children[0], children[-2], children[-1]
        _, words_span = self._line(words)
        start = first.start_pos
        assert start is not None and first.column is not None
        span = Span(start, words_span.end, words_span.line, first.column, words_span.line, words_span.end_column)
        text = self._text[start : words_span.end]
        return SubHeading(span=span, marker=str(marker), text=text, prose=parse_prose(text, span))

    def table(self, children: list[Terminal]) -> list[Table | Paragraph | _SpacedRun]:
        """The table; rows of space-separated cells are left as a `_SpacedRun` for
        `_settle`, which sees the lines around them."""
        out: list[Table | Paragraph | _SpacedRun] = []
        for spaced, group in groupby(children, key=lambda t: t.type in _SPACED):
            tokens = list(group)
            if spaced:
                out.append(_SpacedRun(tokens, [self._row(t) for t in tokens]))
                continue
            rows = [self._row(token) for token in tokens if token.type != "PIPE_RULE"]
            if not rows:  # a lone `|---|` line: text, not a table
                out.append(self.paragraph(tokens[:1]))
                continue
            out.append(Table(span=_cover(rows), rows=tuple(rows)))
        return out

    def _settle(self, children: list[Any]) -> list[Any]:
        """The blocks, with every run of space-separated rows decided.

        Such a run is a table when it has two rows or more and a row of numbers among
        them; a short line of text standing between two of its rows (`2.其他法律行政法规禁止
        公开` with its cells blank, `第二十条第（五）项`) is a one-cell row of it, as it is
        in a TAB table. Any other run is read as the lines of text it is.
        """
        blocks = _flat(children)
        out: list[Any] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if not isinstance(block, _SpacedRun):
                out.append(block)
                continue
            runs: list[_SpacedRun | Paragraph | SubHeading] = [block]
            between: list[Paragraph | SubHeading] = []
            rows = list(block.rows)
            while index < len(blocks):
                nxt = blocks[index]
                if isinstance(nxt, _SpacedRun):
                    rows += [_one_cell_row(line) for line in between] + nxt.rows
                    runs += [*between, nxt]
                    between = []
                elif isinstance(nxt, Paragraph | SubHeading) and _is_label_line(nxt.text):
                    between.append(nxt)
                else:
                    break
                index += 1
            index -= len(between)  # lines after the last run are not the table's
            tokens = [t for run in runs if isinstance(run, _SpacedRun) for t in run.tokens]
            if len(tokens) >= 2 and any(t.type == "NUMBER_ROW" for t in tokens):
                out.append(Table(span=_cover(rows), rows=tuple(rows), spaced=True))
                continue
            for run in runs:
                out += [self.paragraph([t]) for t in run.tokens] if isinstance(run, _SpacedRun) else [run]
        return out

    def _row(self, token: Terminal) -> Row:
        """A TAB row split at its TABs; a pipe row at its pipes, outer pipes not in any cell;
        a space-separated row at its runs of two or more spaces, its indentation in no cell."""
        raw, span = self._line(token)
        if token.type in _SPACED:
            cells = [Cell(span=span.sub(m.start(), m.end() - m.start()), text=m[0]) for m in _SPACED_CELL.finditer(raw)]
            return Row(span=span, cells=tuple(cells))
        separator, offset, inner = "\t", 0, raw
        if token.type == "PIPE_ROW":
            separator = "|"
            stripped = raw.strip()
            offset = raw.index(stripped) + stripped.startswith("|")
            inner = raw[offset : raw.index(stripped) + len(stripped) - stripped.endswith("|")]
        cells = []
        for field in inner.split(separator):
            cells.append(Cell(span=span.sub(offset, len(field)), text=field))
            offset += len(field) + 1
        return Row(span=span, cells=tuple(cells))

    def section(self, children: list[tuple[Heading, Span] | Block | list[Table | Paragraph]]) -> Section:
        (heading, span), *blocks = self._settle(children)
        end = blocks[-1].span if blocks else span
        whole = Span(span.start, end.end, span.line, span.column, end.end_line, end.end_column)
        return Section(span=whole, heading=heading, blocks=tuple(blocks))

    def start(self, children: list[Block | Section | list[Table | Paragraph]]) -> Document:
        flat = self._settle(children)
        preamble = [c for c in flat if not isinstance(c, Section)]
        sections = tuple(c for c in flat if isinstance(c, Section))
        title = None
        # The title is the first preamble line that names the report; a leading `# ` is
        # markdown, not part of the title.
        for index, block in enumerate(preamble[:3]):
            if isinstance(block, Paragraph) and _is_title(block.text):
                lead = _DECORATION.match(block.text).end()  # type: ignore[union-attr]
                words = block.text[lead:].rstrip(" \u3000*")
                title = Title(span=block.span.sub(lead, len(words)), text=words)
                del preamble[index]
                break
        return Document(
            span=Span.of(self._text, 0, len(self._text)),
            title=title,
            preamble=tuple(preamble),
            sections=sections,
        )


@dataclass(slots=True)
class _SpacedRun:
    """Rows of space-separated cells, not yet known to be a table (see `_ToAst._settle`)."""

    tokens: list[Terminal]
    rows: list[Row]


def _cover(rows: list[Row]) -> Span:
    first, last = rows[0].span, rows[-1].span
    return Span(first.start, last.end, first.line, first.column, last.end_line, last.end_column)


def _is_label_line(text: str) -> bool:
    """A line short enough to be a table row's label alone, and not a sentence."""
    words = text.strip(" \u3000")
    return 0 < len(words) <= _MAX_LABEL_LINE and not words.endswith(("。", "；", "：", ":")) and "  " not in words


def _one_cell_row(line: Paragraph | SubHeading) -> Row:
    """A line of text standing in a table of space-separated cells, as its one-cell row."""
    lead = len(line.text) - len(line.text.lstrip(" \u3000"))
    words = line.text.strip(" \u3000")
    return Row(span=line.span, cells=(Cell(span=line.span.sub(lead, len(words)), text=words),))


def _flat(children: list[Any]) -> list[Any]:
    """The children with the blocks a `table` rule gave (a list) in their place."""
    return [block for child in children for block in (child if isinstance(child, list) else [child])]


def parse(text: str) -> Document:
    """Parse canonical report text (LF line ends) into a `Document`.

    Never raises on any text: unrecognised lines become paragraphs.
    """
    # Every grammar terminal ends with a newline; the sentinel is outside all spans.
    tree = _lark().parse(text + "\n")
    # lark types the leaves as its own Token; on lark-cython they are that parser's tokens.
    return _ToAst(text).transform(cast("Tree[Terminal]", tree))


def line_kind(line: str) -> str:
    """What the grammar reads one line as: ``heading`` (一、 … , 第一部分), ``subheading``,
    ``table``, ``paragraph`` or ``blank``.

    The readers ask this instead of keeping their own copy of what a heading looks like.
    """
    first = line.split("\n", 1)[0]
    tree = _lark().parse(first + "\n")
    if not tree.children:
        return "blank"
    node = tree.children[0]
    assert isinstance(node, Tree)
    if node.data == "table" and all(not isinstance(t, Tree) and t.type in _SPACED for t in node.children):
        return "paragraph"  # one row of space-separated cells is no table (see `_ToAst.table`)
    return "heading" if node.data == "section" else str(node.data)
