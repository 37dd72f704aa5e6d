"""A self-contained HTML page for reviewers: per report, the findings, then the report's
text with every flagged place highlighted and the finding written under its line."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from typing import TextIO

from gklint.findings import Finding, Severity
from gklint.reporting.base import Summary
from gklint.runner import FileResult

LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
WORDS = {
    "zh": {
        "title": "gklint 检查结果",
        "unreadable": "无法读取",
        "clean": "未发现问题",
        "help": "帮助",
        "files": "个文件",
    },
    "en": {
        "title": "gklint results",
        "unreadable": "cannot read",
        "clean": "no findings",
        "help": "help",
        "files": "file(s)",
    },
}
STYLE = """
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h2 { font-size: 1.1em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
td, th { border: 1px solid #ddd; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
pre { background: #fafafa; border: 1px solid #eee; padding: 0.5em; white-space: pre-wrap; line-height: 1.5; }
.ln { color: #999; user-select: none; display: inline-block; width: 3.5em; }
.tab { color: #bbb; }
mark.error { background: #fdd; } mark.warning { background: #ffe9a8; } mark.info { background: #d8ecff; }
.note { display: block; margin-left: 3.5em; font-size: 0.9em; }
td.sev { white-space: nowrap; }
.error { color: #b00; } .warning { color: #8a5a00; } .info { color: #05a; }
"""


def _line_html(line: str, marks: list[tuple[int, int, Severity]]) -> str:
    """One line with its flagged character ranges wrapped in <mark> (overlaps merged, worst wins)."""
    worst: list[Severity | None] = [None] * (len(line) + 1)
    for start, end, severity in marks:
        for i in range(start, max(end, start + 1)):
            if i < len(worst) and (worst[i] is None or severity > worst[i]):  # type: ignore[operator]
                worst[i] = severity
    out, i = [], 0
    while i < len(line):
        j = i
        while j < len(line) and worst[j] == worst[i]:
            j += 1
        text = html.escape(line[i:j]).replace("\t", '<span class="tab"> ┆ </span>')
        out.append(f'<mark class="{worst[i]}">{text}</mark>' if worst[i] is not None else text)
        i = j
    if worst[len(line)] is not None:  # a zero-length span at the end of the line (an empty last cell)
        out.append(f'<mark class="{worst[len(line)]}"> </mark>')
    return "".join(out)


def _file(result: FileResult, index: int, lang: str) -> str:
    words, labels = WORDS[lang], LABELS[lang]
    parts = [f"<section><h2>{html.escape(result.path)}</h2>"]
    if result.error is not None:
        return parts[0] + f'<p class="error">{words["unreadable"]}: {html.escape(result.error.get(lang))}</p></section>'
    if not result.findings:
        return parts[0] + f"<p>{words['clean']}</p></section>"
    parts.append("<table>")
    for f in result.findings:
        help_text = f"<br>{words['help']}: {html.escape(f.help.get(lang))}" if f.help else ""
        parts.append(
            f'<tr><td><a href="#f{index}-L{f.span.line}">{f.span.line}:{f.span.column}</a></td>'
            f'<td>{f.code} {f.rule}</td><td class="sev {f.severity}">{labels[f.severity]}</td>'
            f"<td>{html.escape(f.message.get(lang))}{help_text}</td></tr>"
        )
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for f in result.findings:
        by_line[f.span.line].append(f)
    lines = result.source.text.split("\n") if result.source else []
    text = []
    for number, line in enumerate(lines, 1):
        here = by_line.get(number, [])
        marks = [
            (f.span.column - 1, f.span.end_column - 1 if f.span.end_line == number else len(line), f.severity)
            for f in here
        ]
        # Notes are blocks that end the line themselves; a newline after them would add a blank line.
        notes = "".join(
            f'<span class="note {f.severity}">↑ {f.code} {labels[f.severity]}: {html.escape(f.message.get(lang))}</span>'
            for f in here
        )
        text.append(
            f'<span id="f{index}-L{number}"><span class="ln">{number}</span>{_line_html(line, marks)}</span>'
            + (notes or "\n")
        )
    parts.append("</table><pre>" + "".join(text) + "</pre></section>")
    return "\n".join(parts)


def write_html(results: Sequence[FileResult], summary: Summary, out: TextIO, *, lang: str) -> None:
    """Write the whole page."""
    words, labels = WORDS[lang], LABELS[lang]
    counts = "，".join(f"{labels[s]} {summary.by_severity[s]}" for s in sorted(Severity, reverse=True))
    out.write(
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{words['title']}</title><style>{STYLE}</style></head><body>\n"
        f"<h1>{words['title']}</h1><p>{summary.files} {words['files']} · {counts}</p>\n"
    )
    for index, result in enumerate(results, 1):
        out.write(_file(result, index, lang) + "\n")
    out.write("</body></html>\n")
