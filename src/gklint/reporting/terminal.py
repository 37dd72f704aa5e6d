"""Terminal diagnostics in the style of rustc and ruff, rendered with rich.

This is the only module that imports rich's console machinery. Caret underlines are
measured in terminal cells (CJK characters are two cells wide), and a table row's TABs
are drawn as `` ┆ `` so columns stay visible.

Output that rich would print without any style (standard output that is no terminal,
nothing forcing colour) is written by `PlainConsole` instead, as rich would write it:
rich's import costs a tenth of a one-report check (issue 13).
"""

from __future__ import annotations

import builtins
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO, cast

from rich.cells import cell_len

from gklint.findings import Finding, Severity
from gklint.readers.locate import locate
from gklint.reporting.base import Summary, counted
from gklint.runner import FileResult

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text as RichText

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
TAB = " ┆ "
# Report text and plugin messages reach the terminal: a control character (ESC starts the
# sequences that move the cursor or clear the screen) is shown as its Unicode picture, ␛,
# and C1 controls and bidirectional overrides as �. One character for one keeps columns.
_VISIBLE = {
    **{code: 0x2400 + code for code in range(0x20) if chr(code) not in "\t\n"},
    0x7F: 0x2421,
    **{code: 0xFFFD for code in range(0x80, 0xA0)},
    **{code: 0xFFFD for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}


def visible(text: str) -> str:
    """``text`` with control characters made harmless and visible (see `_VISIBLE`)."""
    return text.translate(_VISIBLE)


# Room for the source line in a snippet; longer lines are cut around the span. On a
# narrower terminal the room shrinks to what fits beside the gutter, so a wide line never
# wraps under it (the parts keep their proportions: before the span, the span, after it).
MAX_BEFORE, MAX_SPAN, WIDTH = 34, 60, 96
MIN_WIDTH = 20


def _cut_left(text: str, limit: int) -> str:
    """The end of ``text`` that fits in ``limit`` cells, with an ellipsis if cut."""
    if cell_len(text) <= limit:
        return text
    out = ""
    for char in reversed(text):
        if cell_len(out) + cell_len(char) > limit - 1:
            break
        out = char + out
    return "…" + out


def _cut_right(text: str, limit: int) -> str:
    """The start of ``text`` that fits in ``limit`` cells, with an ellipsis if cut."""
    if cell_len(text) <= limit:
        return text
    out = ""
    for char in text:
        if cell_len(out) + cell_len(char) > limit - 1:
            break
        out += char
    return out + "…"


def snippet(line: str, start_column: int, end_column: int, width: int = WIDTH) -> tuple[str, str]:
    """The line to show and the caret line beneath it (columns are 1-based characters).

    The shown line takes at most ``width`` terminal cells (CJK characters count two).
    """
    width = max(min(width, WIDTH), MIN_WIDTH)
    start = max(start_column - 1, 0)
    end = max(end_column - 1, start)
    before = line[:start].replace("\t", TAB)
    if cell_len(line.replace("\t", TAB)) > width:  # a line that fits is shown whole: a row keeps its label
        before = _cut_left(before, MAX_BEFORE * width // WIDTH)
    span = _cut_right(line[start:end].replace("\t", TAB), MAX_SPAN * width // WIDTH)
    after = _cut_right(line[end:].replace("\t", TAB), max(width - cell_len(before) - cell_len(span), 1))
    return before + span + after, " " * cell_len(before) + "^" * max(cell_len(span), 1)


# A line of output: the style of the whole line and its parts, each (text, style); "" is
# no style. Built without rich; `_rich` turns it into the rich Text a rich console prints.
Line = tuple[str, Sequence[tuple[str, str]]]


def _rich(line: Line) -> RichText:
    from rich.text import Text as RichText  # noqa: PLC0415 - rich's console is loaded already

    style, parts = line
    text = RichText(style=style)
    for part, part_style in parts:
        text.append(part, style=part_style)
    return text


class PlainConsole:
    """Standard output written as rich writes it where it prints no style (see `plain_stdout`).

    Text is written as it is, its TABs expanded as rich expands them; a line printed
    without soft wrap that is wider than the console is handed to rich, which breaks it.
    """

    @property
    def file(self) -> TextIO:
        # A progress bar on a terminal stands in for sys.stdout meanwhile; rich writes past it.
        return cast(TextIO, getattr(sys.stdout, "rich_proxied_file", sys.stdout))

    @property
    def width(self) -> int:
        """rich's width for a console that is no terminal (`rich.console.Console.size`)."""
        width = 0
        for descriptor in (0, 1, 2):
            try:
                width = os.get_terminal_size(descriptor).columns
                break
            except (AttributeError, ValueError, OSError):
                continue
        columns = os.environ.get("COLUMNS")
        return int(columns) if columns is not None and columns.isdigit() else width or 80

    def print(self, lines: Sequence[Line] = (), *, soft_wrap: bool) -> None:
        """Print ``lines`` (none: an empty line) as `rich.console.Console.print` would."""
        width = self.width
        if width < 1:  # rich renders nothing on a console less than a cell wide
            return
        texts = [_expand_tabs("".join(part for part, _ in parts)) for _, parts in lines]
        if not soft_wrap and any(cell_len(line) > width for text in texts for line in text.split("\n")):
            from rich.console import Console  # noqa: PLC0415 - only to break a line too wide

            for line in lines:
                Console().print(_rich(line))
            return
        try:
            self.file.write("\n".join(texts) + "\n")
            self.file.flush()
        except BrokenPipeError:
            # What rich does (`Console.on_broken_pipe`), so `gklint check … | head` ends alike.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(1) from None


def _expand_tabs(text: str, size: int = 8) -> str:
    """Each TAB as the spaces to the next tab stop, counted in cells (`rich.text.Text.expand_tabs`)."""
    if "\t" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        *before, last = line.split("\t")
        out = ""
        for part in before:
            out += part
            out += " " * (size - cell_len(out) % size)
        lines.append(out + last)
    return "\n".join(lines)


def plain_stdout() -> PlainConsole | None:
    """A `PlainConsole` where rich would print to standard output without any style, else None.

    rich styles its output for a terminal, with FORCE_COLOR or TTY_COMPATIBLE set and in
    Jupyter, and writes to Windows' console its own way; each of those is left to rich.
    """
    forced = "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ
    if forced or os.name != "posix" or hasattr(builtins, "get_ipython") or sys.stdout.isatty():
        return None
    return PlainConsole()


class TerminalReporter:
    """Prints each finding with its source line, then a summary."""

    def __init__(self, console: Console | PlainConsole, *, lang: str = "zh") -> None:
        self.console = console
        self.lang = lang

    def file(self, result: FileResult) -> None:
        """Print one file's findings, or why it could not be read."""
        if not result.ok:
            failed = ("检查失败", "check failed") if result.internal else ("无法读取", "cannot read")
            self._show(
                (
                    "",
                    [
                        (visible(result.path), "bold"),
                        (": ", ""),
                        (failed[self.lang == "en"], "bold red"),
                        (f": {visible(result.error.get(self.lang)) if result.error else ''}", ""),
                    ],
                ),
                soft_wrap=True,
            )
            return
        self._pairing(result)
        lines = result.source.text.split("\n") if result.source else []
        # NOTE: a file's findings are printed in one call: rich's print costs more than the
        # rendering, and a batch prints thousands of lines (issue 13).
        out: list[Line] = []
        for finding in result.findings:
            where = locate(result.source, finding.span)
            self._finding(out, result.path, finding, lines, where.describe(self.lang) if where else None)
        self._print(out)

    def _finding(
        self, out: list[Line], path: str, finding: Finding, lines: Sequence[str], where: str | None = None
    ) -> None:
        """Add a finding's lines to ``out``."""
        span = finding.span
        head = [(f"{visible(path)}:{span.line}:{span.column}: ", "bold")]
        # A .docx, HTML or PDF line number means little to its reader; say where in the original.
        if where:
            head.append((f"{visible(where)}: ", "bold magenta"))
        head.append((f"{finding.code} ", "bold"))
        head.append((f"[{LABELS[self.lang][finding.severity]}]", STYLES[finding.severity]))
        if finding.suppressed:  # shown with --show-suppressed only
            head.append((" [已抑制]" if self.lang == "zh" else " [suppressed]", "dim"))
        head.append((f" {visible(finding.message.get(self.lang))}", ""))
        out.append(("", head))
        if 0 < span.line <= len(lines):
            gutter = " " * len(str(span.line))
            end_column = span.end_column if span.end_line == span.line else len(lines[span.line - 1]) + 1
            shown, carets = snippet(visible(lines[span.line - 1]), span.column, end_column, self._room(span.line))
            # The gutter line alone is printed with soft wrap off: on a console too narrow
            # for it, it wraps, so it is printed on its own there.
            if len(gutter) + 2 > self.console.width:
                self._print(out)
                self._show(("blue", [(f"{gutter} |", "")]), soft_wrap=False)
            else:
                out.append(("blue", [(f"{gutter} |", "")]))
            out.append(("blue", [(f"{span.line} | ", ""), (shown, "")]))
            out.append(("blue", [(f"{gutter} | ", ""), (carets, STYLES[finding.severity])]))
        if finding.related is not None:
            out += self._related(finding)
        if finding.help:
            label = "帮助" if self.lang == "zh" else "help"
            out.append(("green", [(f"  = {label}: {visible(finding.help.get(self.lang))}", "")]))
        out.append(("", []))  # the blank line after a finding

    def _print(self, lines: list[Line]) -> None:
        """Print ``lines`` (soft-wrapped: never broken at the console's width) and forget them."""
        if lines:
            if isinstance(self.console, PlainConsole):
                self.console.print(lines, soft_wrap=True)
            else:
                from rich.text import Text as RichText  # noqa: PLC0415 - rich's console is loaded already

                self.console.print(RichText("\n").join(map(_rich, lines)), soft_wrap=True)
            lines.clear()

    def _show(self, line: Line | None, *, soft_wrap: bool) -> None:
        """Print one line (None: an empty one, as ``console.print()`` prints it)."""
        if isinstance(self.console, PlainConsole):
            self.console.print([] if line is None else [line], soft_wrap=soft_wrap)
        elif line is None:
            self.console.print()
        else:
            self.console.print(_rich(line), soft_wrap=soft_wrap)

    def _pairing(self, result: FileResult) -> None:
        """Say which report of last year this one was compared with (or why none was)."""
        if result.previous is not None:
            said = ("与上年报告比较：", "compared with last year's report ")[self.lang == "en"]
            told = said + visible(result.previous)
        elif result.candidates:
            said = (
                "未与上年报告比较，可能的上年报告不止一份：",
                "not compared with last year: several reports could be it: ",
            )[self.lang == "en"]
            told = said + visible(", ".join(result.candidates))
        else:
            return
        self._show(("bold", [(f"{visible(result.path)}: ", ""), (told, "dim")]), soft_wrap=True)

    def _room(self, line: int) -> int:
        """Cells left for a snippet beside the gutter ``NN | `` on this console."""
        return self.console.width - len(str(line)) - 3

    def _related(self, finding: Finding) -> list[Line]:
        """Last year's line a cross-year finding compares with, under this year's."""
        related = finding.related
        assert related is not None
        span = related.span
        gutter = " " * len(str(span.line))
        label = ("上年", "last year")[self.lang == "en"]
        where = f"{gutter}--> {label}: {visible(related.path)}:{span.line}:{span.column}"
        out: list[Line] = [("blue", [(where, "")])]
        if related.line:
            end_column = span.end_column if span.end_line == span.line else len(related.line) + 1
            shown, carets = snippet(visible(related.line), span.column, end_column, self._room(span.line))
            out.append(("blue", [(f"{span.line} | ", ""), (shown, "")]))
            out.append(("blue", [(f"{gutter} | ", ""), (carets, "bold blue")]))
        return out

    def finish(self, summary: Summary, *, statistics: bool = False) -> None:
        """Print the run's totals (and counts per rule with ``statistics``)."""
        if statistics and summary.by_rule:
            for rule, count in summary.by_rule.items():
                self._show(("", [(f"{count:6d}  {visible(rule)}", "")]), soft_wrap=False)
            self._show(None, soft_wrap=False)
        counts = summary.by_severity
        if self.lang == "zh":
            text = (
                f"检查了 {summary.files} 个文件：{counts[Severity.ERROR]} 个错误，"
                f"{counts[Severity.WARNING]} 个警告，{counts[Severity.INFO]} 个提示"
            )
            if summary.unreadable:
                text += f"；{summary.unreadable} 个文件无法读取"
            if summary.internal:
                text += f"；{summary.internal} 个文件检查时 gklint 内部出错"
        else:
            text = (
                f"Checked {counted(summary.files, 'file')}: {counted(counts[Severity.ERROR], 'error')}, "
                f"{counted(counts[Severity.WARNING], 'warning')}, {counts[Severity.INFO]} info"
            )
            if summary.unreadable:
                text += f"; {counted(summary.unreadable, 'file')} could not be read"
            if summary.internal:
                text += f"; gklint failed on {counted(summary.internal, 'file')}"
        style = "bold red" if counts[Severity.ERROR] or summary.unreadable or summary.internal else "bold green"
        self._show((style, [(text, "")]), soft_wrap=False)
