"""A self-contained, printable HTML page for reviewers (``--format html``).

For a batch, an index first: one row per report with its agency, year and counts. Then
per report its findings table (where in the original, rule, severity, message, expected
value) and the report itself, tables as tables, with every flagged cell or phrase
highlighted in its severity's colour (see `gklint.reporting.html_body`). No script and
no external asset: the page is one file that opens anywhere and prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from typing import TextIO

from gklint.findings import Severity
from gklint.reporting.base import Summary, counted
from gklint.reporting.html_body import LABELS, Body, related_line, severity_class
from gklint.reporting.layout import Layout, layout_of, place
from gklint.runner import FileResult

WORDS = {
    "zh": {
        "title": "gklint 检查结果",
        "reports": "份报告",
        "index": "报告一览",
        "report": "报告",
        "agency": "机关",
        "year": "年度",
        "template": "格式",
        "status": "状态",
        "unreadable": "无法读取",
        "clean": "未发现问题",
        "findings": "问题清单",
        "text": "报告原文（标出问题所在）",
        "place": "位置",
        "line": "行:列",
        "rule": "规则",
        "severity": "级别",
        "message": "问题",
        "expected": "应为",
        "help": "修改建议",
        "previous": "与上年报告比较：",
        "candidates": "未与上年报告比较，可能的上年报告不止一份：",
        "sep": "，",
    },
    "en": {
        "title": "gklint results",
        "index": "Reports",
        "report": "report",
        "agency": "agency",
        "year": "year",
        "template": "template",
        "status": "status",
        "unreadable": "cannot read",
        "clean": "no findings",
        "findings": "Findings",
        "text": "The report, problems highlighted",
        "place": "place",
        "line": "line:col",
        "rule": "rule",
        "severity": "severity",
        "message": "problem",
        "expected": "expected",
        "help": "fix",
        "previous": "compared with last year's report ",
        "candidates": "not compared with last year: several reports could be it: ",
        "sep": ", ",
    },
}
ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
STYLE = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; margin: 2em;
  color: #222; line-height: 1.6; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; border-bottom: 2px solid #888; margin-top: 2.5em; }
h3 { font-size: 1.1em; text-align: center; } h3.left { text-align: left; } h4 { font-size: 1em; margin: 1.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
td, th { border: 1px solid #bbb; padding: 0.2em 0.5em; vertical-align: top; text-align: left; }
th { background: #eee; }
.findings td.sev, .findings td.place, .index td.n { white-space: nowrap; }
.related { font-size: 0.85em; color: #555; } .related .line { color: #222; } .index td.n { text-align: right; }
.meta { color: #555; }
.report p { margin: 0.3em 0; } .report p.sub { font-weight: bold; }
.table { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.table table td { font-size: 0.9em; } .table td.num { text-align: right; }
.notes { font-size: 0.9em; margin: 0.2em 0 0.8em; padding-left: 1.5em; max-width: 36em; }
.table .notes { flex: 1 1 20em; margin-top: 0.5em; }
.hit.error { background: #ffd0d0; outline: 2px solid #c00; }
.hit.warning { background: #ffe9a8; outline: 2px solid #b80; }
.hit.info { background: #d8ecff; outline: 1px solid #58a; }
mark.hit { color: inherit; outline-width: 1px; } mark.gap { padding: 0 0.3em; }
.was { text-decoration: line-through; } .exp { font-weight: bold; white-space: nowrap; }
b.error, td.error.sev { color: #b00; } b.warning, td.warning.sev { color: #8a5a00; } b.info, td.info.sev { color: #05a; }
a { color: #05a; }
@media print {
  body { margin: 0; } section.file { break-before: page; } section.file:first-of-type { break-before: auto; }
  tr, .notes li { break-inside: avoid; } a { color: inherit; text-decoration: none; }
  .findings td.place { white-space: normal; }
  .hit { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _counts(result: FileResult) -> Counter[Severity]:
    return Counter(f.severity for f in result.findings)


def _index(results: Sequence[FileResult], layouts: Sequence[Layout | None], lang: str) -> str:
    words, labels = WORDS[lang], LABELS[lang]
    head = "".join(f"<th>{escape(words[k])}</th>" for k in ("report", "agency", "year", "template")) + "".join(
        f"<th>{labels[s]}</th>" for s in ORDER
    )
    rows = []
    for number, (result, layout) in enumerate(zip(results, layouts, strict=True), 1):
        link = f'<a href="#r{number}">{escape(result.path)}</a>'
        if layout is None:
            error = escape(result.error.get(lang)) if result.error else ""
            rows.append(f'<tr><td>{link}</td><td colspan="6" class="error">{words["unreadable"]}: {error}</td></tr>')
            continue
        counts = _counts(result)
        cells = [
            link,
            escape(layout.agency or ""),
            str(layout.year or ""),
            escape(layout.template(lang)),
        ] + [f"{counts[s]}" for s in ORDER]
        tds = "".join(f'<td class="n">{c}</td>' if i >= 4 else f"<td>{c}</td>" for i, c in enumerate(cells))
        rows.append(f"<tr>{tds}</tr>")
    return f'<h2>{words["index"]}</h2><table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _findings_table(result: FileResult, layout: Layout | None, body: Body, lang: str) -> str:
    words, labels = WORDS[lang], LABELS[lang]
    head = "".join(f"<th>{words[k]}</th>" for k in ("place", "line", "rule", "severity", "message", "expected"))
    rows = []
    for number, f in enumerate(result.findings):
        anchor = body.anchors.get(number, "")
        rule = (
            f'<span title="{escape(f.rule)}">{escape(f.code)}</span>'
            if lang == "zh"
            else f"{escape(f.code)} {escape(f.rule)}"
        )
        help_text = f"<br><small>{words['help']}：{escape(f.help.get(lang))}</small>" if f.help else ""
        severity = severity_class(f.severity)
        rows.append(
            f'<tr class="{severity}"><td class="place">{escape(place(result, layout, f, lang))}</td>'
            f'<td><a href="#{anchor}">{f.span.line}:{f.span.column}</a></td><td>{rule}</td>'
            f'<td class="sev {severity}">{labels.get(f.severity, severity)}</td>'
            f"<td>{escape(f.message.get(lang))}{help_text}{related_line(f, lang)}</td>"
            f"<td>{escape(f.expected or '')}</td></tr>"
        )
    return (
        f'<h3 class="left">{words["findings"]}</h3><table class="findings"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _file(result: FileResult, layout: Layout | None, number: int, lang: str) -> str:
    words, labels = WORDS[lang], LABELS[lang]
    parts = [f'<section class="file" id="r{number}"><h2>{escape(result.path)}</h2>']
    if layout is None or result.source is None:
        error = escape(result.error.get(lang)) if result.error else ""
        parts.append(f'<p class="error">{words["unreadable"]}: {error}</p></section>')
        return "".join(parts)
    counts = _counts(result)
    facts = [escape(x) for x in (layout.agency or "", str(layout.year or ""), layout.template(lang)) if x]
    tally = words["sep"].join(f"{labels[s]} {counts[s]}" for s in ORDER)
    parts.append(f'<p class="meta">{" · ".join([*facts, tally])}</p>')
    if result.previous is not None:
        parts.append(f'<p class="meta">{words["previous"]}{escape(result.previous)}</p>')
    elif result.candidates:
        parts.append(f'<p class="meta">{words["candidates"]}{escape(", ".join(result.candidates))}</p>')
    body = Body(result.source.text, layout, result.findings, f"r{number}", lang)
    text = body.render()  # before the findings table: it assigns the ids the table links to
    if result.findings:
        parts.append(_findings_table(result, layout, body, lang))
    else:
        parts.append(f"<p>{words['clean']}</p>")
    parts.append(f'<h3 class="left">{words["text"]}</h3><div class="report">{text}</div></section>')
    return "\n".join(parts)


def _reports(files: int, lang: str) -> str:
    """``3 份报告``, ``1 report``."""
    return counted(files, "report") if lang == "en" else f"{files} {WORDS['zh']['reports']}"


def write_html(
    results: Sequence[FileResult], summary: Summary, out: TextIO, *, lang: str, year: int | None = None
) -> None:
    """Write the whole page (``year`` is ``--year``, shown instead of the titles' years)."""
    words, labels = WORDS[lang], LABELS[lang]
    layouts = [layout_of(result, year=year) for result in results]
    counts = words["sep"].join(f"{labels[s]} {summary.by_severity.get(s, 0)}" for s in ORDER)
    unreadable = f"{words['sep']}{words['unreadable']} {summary.unreadable}" if summary.unreadable else ""
    out.write(
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{words['title']}</title><style>{STYLE}</style></head><body>\n"
        f"<h1>{words['title']}</h1><p>{_reports(summary.files, lang)} · {counts}{unreadable}</p>\n"
    )
    if len(results) > 1:
        out.write(_index(results, layouts, lang) + "\n")
    for number, (result, layout) in enumerate(zip(results, layouts, strict=True), 1):
        out.write(_file(result, layout, number, lang) + "\n")
    out.write("</body></html>\n")
