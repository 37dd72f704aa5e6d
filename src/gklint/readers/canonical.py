"""Build canonical report text line by line, remembering where each line came from.

Every non-text reader writes through `CanonicalText`, so the layout rules live in one
place: one paragraph per line, no TAB outside table rows (a TAB would turn a paragraph
into a table row for the grammar), table rows as TAB-separated grid fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gklint.readers.base import Origin, ReadError, SourceDocument
from gklint.readers.grid import Slot

# Whitespace that a browser or Word renders as one space; U+3000 is kept inside a line
# (Chinese indentation and spacing are content) but trimmed at its ends.
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002-\u200b\ufeff]+")
_TRIM = " \u3000"


def clean_line(text: str) -> str:
    """One line of prose: runs of whitespace become one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip(_TRIM)


class CanonicalText:
    """Accumulates canonical lines and each line's `Origin`."""

    def __init__(self) -> None:
        self._lines: list[str] = []
        self._origins: dict[int, Origin] = {}

    def paragraph(self, text: str, origin: Origin) -> None:
        """Add prose; each ``\\n`` in ``text`` (a hard line break) starts a new line."""
        for piece in text.split("\n"):
            line = clean_line(piece)
            if line:
                self._lines.append(line)
                self._origins[len(self._lines)] = origin

    def table(self, grid: list[list[Slot]], origin: Callable[[int, list[Slot]], Origin]) -> None:
        """Add a table; ``origin(r, row)`` gives the origin of grid row ``r`` (0-based).

        A one-column table is a text box, not a statistics table: its cells become
        paragraphs, since a row without a TAB could not be a table row anyway.
        """
        if grid and len(grid[0]) == 1:
            for r, row in enumerate(grid):
                self.paragraph(row[0].text, origin(r, row))
            return
        self._lines.append("")
        for r, row in enumerate(grid):
            self._lines.append("\t".join(clean_line(slot.text) for slot in row))
            self._origins[len(self._lines)] = origin(r, row)
        self._lines.append("")

    def document(self, path: str, format: str, encoding: str | None = None) -> SourceDocument:
        """The finished `SourceDocument`; a document without any text is an error."""
        if not any(line.strip() for line in self._lines):
            raise ReadError("no text found in the document", zh="文档中没有文字")
        return SourceDocument(
            path=path, text="\n".join(self._lines) + "\n", format=format, encoding=encoding, locations=self._origins
        )
