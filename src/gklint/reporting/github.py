"""GitHub Actions workflow commands: each finding becomes an annotation on the report's line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from gklint.findings import Severity
from gklint.runner import FileResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """Escape a message as GitHub's workflow-command parser requires."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: Sequence[FileResult], out: TextIO, *, lang: str) -> None:
    """One ``::error file=…,line=…::message`` line per finding, and per unreadable file."""
    for result in results:
        if result.error is not None:
            out.write(f"::error file={_property(result.path)},title=gklint::{_data(result.error.get(lang))}\n")
        for f in result.findings:
            span = f.span
            where = f"line={span.line},col={span.column},endLine={span.end_line},endColumn={span.end_column}"
            message = f.message.get(lang) + (f"（{f.help.get(lang)}）" if f.help else "")
            out.write(
                f"::{COMMANDS[f.severity]} file={_property(result.path)},{where},"
                f"title={_property(f'{f.code} {f.rule}')}::{_data(message)}\n"
            )
