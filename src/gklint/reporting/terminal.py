"""Terminal diagnostics in the style of rustc and ruff, rendered with rich.

This is the only module that imports rich's console machinery. Caret underlines are
measured in terminal cells (CJK characters are two cells wide), and a table row's TABs
are drawn as `` ┆ `` so columns stay visible.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text as RichText

from gklint.findings import Finding, Severity
from gklint.readers.locate import locate
from gklint.reporting.base import Summary, counted
from gklint.runner import FileResult

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


class TerminalReporter:
    """Prints each finding with its source line, then a summary."""

    def __init__(self, console: Console, *, lang: str = "zh") -> None:
        self.console = console
        self.lang = lang

    def file(self, result: FileResult) -> None:
        """Print one file's findings, or why it could not be read."""
        if not result.ok:
            line = RichText()
            line.append(visible(result.path), style="bold")
            line.append(": ")
            failed = ("检查失败", "check failed") if result.internal else ("无法读取", "cannot read")
            line.append(failed[self.lang == "en"], style="bold red")
            line.append(f": {visible(result.error.get(self.lang)) if result.error else ''}")
            self.console.print(line, soft_wrap=True)
            return
        self._pairing(result)
        lines = result.source.text.split("\n") if result.source else []
        # NOTE: a file's findings are printed in one call: rich's print costs more than the
        # rendering, and a batch prints thousands of lines (issue 13).
        out: list[RichText] = []
        for finding in result.findings:
            where = locate(result.source, finding.span)
            self._finding(out, result.path, finding, lines, where.describe(self.lang) if where else None)
        self._print(out)

    def _finding(
        self, out: list[RichText], path: str, finding: Finding, lines: Sequence[str], where: str | None = None
    ) -> None:
        """Add a finding's lines to ``out``."""
        span = finding.span
        head = RichText()
        head.append(f"{visible(path)}:{span.line}:{span.column}: ", style="bold")
        # A .docx, HTML or PDF line number means little to its reader; say where in the original.
        if where:
            head.append(f"{visible(where)}: ", style="bold magenta")
        head.append(f"{finding.code} ", style="bold")
        head.append(f"[{LABELS[self.lang][finding.severity]}]", style=STYLES[finding.severity])
        if finding.suppressed:  # shown with --show-suppressed only
            head.append(" [已抑制]" if self.lang == "zh" else " [suppressed]", style="dim")
        head.append(f" {visible(finding.message.get(self.lang))}")
        out.append(head)
        if 0 < span.line <= len(lines):
            gutter = " " * len(str(span.line))
            end_column = span.end_column if span.end_line == span.line else len(lines[span.line - 1]) + 1
            shown, carets = snippet(visible(lines[span.line - 1]), span.column, end_column, self._room(span.line))
            # The gutter line alone is printed with soft wrap off: on a console too narrow
            # for it, it wraps, so it is printed on its own there.
            if len(gutter) + 2 > self.console.width:
                self._print(out)
                self.console.print(RichText(f"{gutter} |", style="blue"))
            else:
                out.append(RichText(f"{gutter} |", style="blue"))
            body = RichText(f"{span.line} | ", style="blue")
            body.append(shown)
            marks = RichText(f"{gutter} | ", style="blue")
            marks.append(carets, style=STYLES[finding.severity])
            out += [body, marks]
        if finding.related is not None:
            out += self._related(finding)
        if finding.help:
            label = "帮助" if self.lang == "zh" else "help"
            out.append(RichText(f"  = {label}: {visible(finding.help.get(self.lang))}", style="green"))
        out.append(RichText())  # the blank line after a finding

    def _print(self, lines: list[RichText]) -> None:
        """Print ``lines`` (soft-wrapped: never broken at the console's width) and forget them."""
        if lines:
            self.console.print(RichText("\n").join(lines), soft_wrap=True)
            lines.clear()

    def _pairing(self, result: FileResult) -> None:
        """Say which report of last year this one was compared with (or why none was)."""
        if result.previous is not None:
            said = ("与上年报告比较：", "compared with last year's report ")[self.lang == "en"]
            line = RichText(f"{visible(result.path)}: ", style="bold")
            line.append(said + visible(result.previous), style="dim")
        elif result.candidates:
            said = (
                "未与上年报告比较，可能的上年报告不止一份：",
                "not compared with last year: several reports could be it: ",
            )[self.lang == "en"]
            line = RichText(f"{visible(result.path)}: ", style="bold")
            line.append(said + visible(", ".join(result.candidates)), style="dim")
        else:
            return
        self.console.print(line, soft_wrap=True)

    def _room(self, line: int) -> int:
        """Cells left for a snippet beside the gutter ``NN | `` on this console."""
        return self.console.width - len(str(line)) - 3

    def _related(self, finding: Finding) -> list[RichText]:
        """Last year's line a cross-year finding compares with, under this year's."""
        related = finding.related
        assert related is not None
        span = related.span
        gutter = " " * len(str(span.line))
        label = ("上年", "last year")[self.lang == "en"]
        where = f"{gutter}--> {label}: {visible(related.path)}:{span.line}:{span.column}"
        out = [RichText(where, style="blue")]
        if related.line:
            end_column = span.end_column if span.end_line == span.line else len(related.line) + 1
            shown, carets = snippet(visible(related.line), span.column, end_column, self._room(span.line))
            body = RichText(f"{span.line} | ", style="blue")
            body.append(shown)
            marks = RichText(f"{gutter} | ", style="blue")
            marks.append(carets, style="bold blue")
            out += [body, marks]
        return out

    def finish(self, summary: Summary, *, statistics: bool = False) -> None:
        """Print the run's totals (and counts per rule with ``statistics``)."""
        if statistics and summary.by_rule:
            for rule, count in summary.by_rule.items():
                self.console.print(RichText(f"{count:6d}  {visible(rule)}"))
            self.console.print()
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
        self.console.print(RichText(text, style=style))
