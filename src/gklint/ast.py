"""The report AST: frozen dataclasses with source spans.

Nothing here imports lark or rich; the parser builds these nodes, rules read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, TypeVar

if TYPE_CHECKING:
    from gklint.prose.nodes import Prose


class Span(NamedTuple):
    """A region of the canonical report text.

    ``start``/``end`` are 0-based character offsets (end exclusive) into the text the
    parser was given; ``line``/``column`` and ``end_line``/``end_column`` are 1-based and
    counted in characters (not bytes, not terminal cells). ``end_column`` is the column of
    the last character plus one, so a one-character span on column 3 ends on column 4.

    A named tuple: immutable, ordered by position, and cheap to build (a report's table
    cells and prose build hundreds; as frozen dataclasses they cost about 6% of a check).
    """

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span of ``text[start:end]``, computing lines and columns."""
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        end_line = line + text.count("\n", start, end)
        end_column = end - (text.rfind("\n", 0, end) + 1) + 1
        return cls(start, end, line, column, end_line, end_column)

    def sub(self, offset: int, length: int) -> Span:
        """The span of ``length`` characters from ``offset`` inside this single-line span."""
        column = self.column + offset
        return Span(self.start + offset, self.start + offset + length, self.line, column, self.line, column + length)


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """Base of every AST node: just a span."""

    span: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Title(Node):
    """The report's title line, without a leading markdown ``#``."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading(Node):
    """A top-level heading such as ``一、总体情况`` or ``## 四、…``.

    ``numeral`` is the Chinese numeral as written (``四``); ``number`` its value (4);
    ``text`` the words after the enumerator, exactly as written (the span covers just
    these words; the enclosing `Section` span covers the whole line).
    """

    numeral: str
    number: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SubHeading(Node):
    """A line opening with ``（一）``, ``(一)``, ``1.`` or ``1、``; often a whole paragraph.

    ``prose`` is what the line states, as read by the inline grammar (`gklint.prose`).
    """

    marker: str
    text: str
    prose: Prose | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph(Node):
    """Any other non-blank line; ``prose`` is what it states (see `gklint.prose`)."""

    text: str
    prose: Prose | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell(Node):
    """One TAB-separated field of a table row; ``text`` is exactly what stands there."""

    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Row(Node):
    """One line of a table."""

    cells: tuple[Cell, ...]

    @property
    def texts(self) -> tuple[str, ...]:
        """The cell texts, stripped of surrounding whitespace."""
        return tuple(cell.text.strip() for cell in self.cells)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table(Node):
    """A run of TAB-separated lines (blank lines between them do not end it), of Markdown
    pipe rows, or of rows whose cells stand apart by runs of spaces (``spaced``: merged
    cells are not written at all there, so a cell's index is not its column)."""

    rows: tuple[Row, ...]
    spaced: bool = False


Block = SubHeading | Paragraph | Table


@dataclass(frozen=True, slots=True, kw_only=True)
class Section(Node):
    """A top-level heading and the blocks up to the next one."""

    heading: Heading
    blocks: tuple[Block, ...]


N = TypeVar("N", bound=Node)


@dataclass(frozen=True, slots=True, kw_only=True)
class Document(Node):
    """A whole report: title, what precedes the first section, and the sections."""

    title: Title | None
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]

    def iter(self, kind: type[N]) -> Iterator[N]:
        """Yield every node of ``kind`` in document order."""
        if self.title is not None and isinstance(self.title, kind):
            yield self.title
        for block in self.preamble:
            yield from _walk(block, kind)
        for section in self.sections:
            if isinstance(section, kind):
                yield section
            if isinstance(section.heading, kind):
                yield section.heading
            for block in section.blocks:
                yield from _walk(block, kind)


def _walk(node: Node, kind: type[N]) -> Iterator[N]:
    if isinstance(node, kind):
        yield node
    if isinstance(node, Table):
        for row in node.rows:
            if isinstance(row, kind):
                yield row
            for cell in row.cells:
                if isinstance(cell, kind):
                    yield cell
