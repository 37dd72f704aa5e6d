"""Map a span of canonical text back to the original document, in the source's own terms.

Findings carry canonical positions; a reviewer holding the .docx needs "表3 第5行 第2列"
or "第12段", the reader of a PDF a page. Reporters call `locate` with the
`SourceDocument` they were given.
"""

from __future__ import annotations

from typing import NamedTuple

from gklint.ast import Span
from gklint.readers.base import Origin, SourceDocument


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Location(NamedTuple):
    """Where a span lies in the original: the line's `Origin`, plus the table cell if one."""

    origin: Origin
    column: int | None  # grid column (1-based) when the span lies inside one table cell

    def describe(self, lang: str = "zh") -> str:
        """``表3 第5行 第2列``, ``第12段``, ``第2页 …``; in English with ``lang="en"``."""
        o = self.origin
        zh = lang != "en"
        parts = []
        if o.page is not None:
            parts.append(f"第{o.page}页" if zh else f"page {o.page}")
        if o.table is not None:
            parts.append(f"表{o.table}" if zh else f"table {o.table}")
            if o.row is not None:
                parts.append(f"第{o.row}行" if zh else f"row {o.row}")
            if self.column is not None:
                parts.append(f"第{self.column}列" if zh else f"column {self.column}")
        if o.paragraph is not None:
            parts.append(f"第{o.paragraph}段" if zh else f"paragraph {o.paragraph}")
        line = self.source_line
        if line is not None:
            text = f"源码第{line}行" if zh else f"source line {line}"
            parts.append(f"（{text}）" if parts and zh else f"({text})" if parts else text)
        return " ".join(parts) if zh else ", ".join(parts).replace(", (", " (")

    @property
    def source_line(self) -> int | None:
        """The HTML source line of the cell (if known) or else of the element."""
        o = self.origin
        if self.column is not None and self.column <= len(o.cell_lines):
            return o.cell_lines[self.column - 1] or o.line
        return o.line

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        """The JSON ``source`` object: the fields that apply, and the description."""
        o = self.origin
        fields: dict[str, object] = {
            "page": o.page,
            "paragraph": o.paragraph,
            "table": o.table,
            "row": o.row,
            "column": self.column,
            "line": self.source_line,
            "element": o.element,
        }
        record = {key: value for key, value in fields.items() if value is not None}
        record["description"] = self.describe(lang)
        return record


def locate(source: SourceDocument | None, span: Span) -> Location | None:
    """The original location of ``span``; None for text files (their lines are the source)."""
    if source is None or not source.locations:
        return None
    origin = source.locations.get(span.line)
    if origin is None:
        return None
    column = None
    if origin.table is not None:
        line_start = span.start - (span.column - 1)
        line_end = source.text.find("\n", line_start)
        line = source.text[line_start : line_end if line_end >= 0 else len(source.text)]
        start = span.column - 1
        end = span.end_column - 1 if span.end_line == span.line else len(line)
        # Only a span inside one field names a cell; a span across TABs is the whole row.
        if "\t" not in line[start:end]:
            column = line.count("\t", 0, start) + 1
    return Location(origin, column)
