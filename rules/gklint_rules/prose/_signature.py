"""Shared by signature-date and agency-name-mismatch: the report's closing signature."""

from __future__ import annotations

from dataclasses import dataclass

from gklint.api import Date, Paragraph, Report, SubHeading

# The signature is among the last lines: the body's name, then the date on a line of its own.
_LAST_LINES = 3
_MAX_NAME = 40
_DECORATION = " \u3000*#"


@dataclass(frozen=True, slots=True)
class Signature:
    """The closing date line and, when it stands just above, the body's name."""

    date: Date
    name: Paragraph | None


def signature(report: Report) -> Signature | None:
    """The signature block, if the report ends with one."""
    lines = report.prose[-_LAST_LINES:]
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not isinstance(line, Paragraph | SubHeading) or line.prose is None:
            continue
        dates = list(line.prose.iter(Date))
        if len(dates) == 1 and dates[0].text == line.text.strip(_DECORATION):
            above = lines[index - 1] if index else None
            named = isinstance(above, Paragraph) and len(above.text.strip(_DECORATION)) <= _MAX_NAME
            name = above if named and "。" not in above.text else None  # type: ignore[union-attr]
            return Signature(dates[0], name)  # type: ignore[arg-type]
    return None
