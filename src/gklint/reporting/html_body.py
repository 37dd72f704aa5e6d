"""The report's own text as HTML, every finding placed on it.

Prose lines become paragraphs with the flagged characters in ``<mark>``; table rows
become real ``<table>`` rows. Merged cells are rebuilt from the canonical layout (a
merged cell is written once, in its first row and column, with empty fields in the
slots it covers): a cell absorbs the empty slots to its right, and a label also the
empty rows below — the same reading the test builders use to publish .docx and HTML.
A flagged slot is never absorbed, so a blank cell a rule points at stays a cell.

Every highlighted element carries ``data-codes`` (the rule codes, space-separated) and
the messages as its ``title``; the first element of each finding gets the id the
findings table links to. Every string from the report or from a rule is escaped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from gklint.ast import Heading, SubHeading, Title
from gklint.findings import Finding, Severity
from gklint.reporting.layout import Layout, field_of

LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
EXPECTED = {"zh": "应为", "en": "expected"}
LAST_YEAR = {"zh": "上年", "en": "last year"}
_NUMERIC = re.compile(r"[\d.,%\-－]+")
# Markdown marks around a title or heading (`# …`, `## **一、…**`): not shown on the page.
_LEAD = re.compile(r"[ \u3000]*(?:#{1,6}[ \t\u3000]*)?(?:\*\*[ \u3000]*)?")
_TAIL = re.compile(r"(?:[ \u3000]*\*\*)?[ \u3000]*$")
# A sub-heading line longer than this is a paragraph that starts with （一）: not bold.
SHORT_HEADING = 40
SHORT_LEAD = 20  # a sub-heading's words before the paragraph that follows on its line
# Characters of last year's line shown on either side of the compared text.
CONTEXT = 20


def severity_class(severity: Severity) -> str:
    """The CSS class of a severity (never text a plugin controls)."""
    return {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(severity, "info")


def related_line(finding: Finding, lang: str) -> str:
    """For a cross-year finding, last year's place and line with the compared text marked (HTML)."""
    related = finding.related
    if related is None:
        return ""
    span = related.span
    where = f"{escape(related.path)}:{span.line}:{span.column}"
    line = related.line
    if not line:
        return f'<div class="related">{LAST_YEAR[lang]}{"：" if lang == "zh" else ": "}{where}</div>'
    start = min(max(span.column - 1, 0), len(line))
    end = min(span.end_column - 1 if span.end_line == span.line else len(line), len(line))
    end = max(end, start)

    def shown(text: str) -> str:
        return escape(text).replace("\t", " │ ")

    # A long line (a paragraph compared whole) is cut around the compared text.
    before, inside, after = line[:start], line[start:end], line[end:]
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:]
    if len(inside) > 3 * CONTEXT:
        inside = inside[: 3 * CONTEXT] + "…"
    if len(after) > CONTEXT:
        after = after[:CONTEXT] + "…"
    marked = f"{shown(before)}<mark>{shown(inside)}</mark>{shown(after)}"
    said = f"{LAST_YEAR[lang]}（{where}）：" if lang == "zh" else f"{LAST_YEAR[lang]} ({where}): "
    return f'<div class="related">{said}<span class="line">{marked}</span></div>'


def note(finding: Finding, lang: str) -> str:
    """``TB002 错误：message（应为 26）`` as escaped HTML."""
    label = LABELS[lang].get(finding.severity, str(finding.severity))
    value = escape(finding.expected) if finding.expected else ""
    expected = f"（{EXPECTED[lang]} {value}）" if value else ""
    if lang == "en" and value:
        expected = f" ({EXPECTED[lang]} {value})"
    colon = "：" if lang == "zh" else ": "
    return (
        f'<b class="{severity_class(finding.severity)}">{escape(finding.code)} {escape(label)}</b>{colon}'
        f"{escape(finding.message.get(lang))}{expected}"
    )


@dataclass
class _Target:
    """The findings (their numbers in the file) that land on one element."""

    findings: list[int] = field(default_factory=list)


class Body:
    """Renders one report; ``anchors`` maps each finding's number to its element id."""

    def __init__(self, text: str, layout: Layout, findings: Sequence[Finding], prefix: str, lang: str) -> None:
        self.lines = text.split("\n")
        self.layout = layout
        self.findings = findings
        self.prefix = prefix
        self.lang = lang
        self.anchors: dict[int, str] = {}
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)  # (line, field) → findings
        self.prose: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # line → (start, end, finding)
        self.unplaced: list[int] = []
        for number, finding in enumerate(findings):
            if not self._place(number, finding):
                self.unplaced.append(number)

    def _place(self, number: int, finding: Finding) -> bool:
        """Record where the finding shows; False when its span covers no visible text."""
        span, placed = finding.span, False
        for line in range(span.line, min(span.end_line, len(self.lines)) + 1):
            text = self.lines[line - 1]
            start = span.column - 1 if line == span.line else 0
            end = span.end_column - 1 if line == span.end_line else len(text)
            if line in self.layout.rows:
                first, last = field_of(text, start + 1), field_of(text, max(end, start + 1))
                for column in range(first, last + 1):
                    self.cells[(line, column)].append(number)
                placed = True
            elif text.strip():
                self.prose[line].append((start, max(end, start), number))
                placed = True
        return placed

    def render(self) -> str:
        """The report body: title, headings, paragraphs and tables, in order."""
        kinds = self._kinds()
        tables = {table.rows[0].span.line: table for table in self.layout.tables if table.rows}
        out: list[str] = []
        skip_to = 0
        for line, text in enumerate(self.lines, 1):
            if line < skip_to:
                continue
            if line in tables:
                table = tables[line]
                out.append(self._table([row.span.line for row in table.rows]))
                skip_to = table.rows[-1].span.line + 1
            elif text.strip():
                out.append(self._prose(line, text, kinds.get(line, "p")))
        if self.unplaced:
            out.append(self._unplaced())
        return "\n".join(out)

    def _kinds(self) -> dict[int, str]:
        document = self.layout.report.document
        kinds = {node.span.line: "title" for node in document.iter(Title)}
        kinds.update((node.span.line, "h") for node in document.iter(Heading))
        kinds.update((node.span.line, "sub") for node in document.iter(SubHeading))
        return kinds

    def _attributes(self, numbers: Sequence[int], extra_class: str = "") -> str:
        """``id``, ``class``, ``data-codes`` and ``title`` for an element holding these findings."""
        found = [self.findings[n] for n in numbers]
        worst = max(found, key=lambda f: f.severity)
        codes = " ".join(dict.fromkeys(f.code for f in found))
        title = "\n".join(f"{f.code}: {f.message.get(self.lang)}" for f in found)
        ident = ""
        fresh = [n for n in numbers if n not in self.anchors]
        if fresh:
            ident = f"{self.prefix}-f{fresh[0] + 1}"
            for n in fresh:
                self.anchors[n] = ident
            ident = f' id="{ident}"'
        classes = f"hit {severity_class(worst.severity)} {extra_class}".strip()
        return f'{ident} class="{classes}" data-codes="{escape(codes)}" title="{escape(title)}"'

    def _prose(self, line: int, text: str, kind: str) -> str:
        marks = self.prose.get(line, [])
        if kind != "p":
            # A heading's Markdown marks are not shown, unless a finding stands on them.
            lead = _LEAD.match(text)
            tail = _TAIL.search(text)
            a = lead.end() if lead else 0
            b = max(tail.start() if tail else len(text), a)
            if a < b and all(a <= s and e <= b for s, e, _ in marks):
                text, marks = text[a:b], [(s - a, e - a, n) for s, e, n in marks]
        css, cut = "", len(text)
        if kind == "sub":
            # A sub-heading is bold; when a paragraph runs on after it (`（一）存在的问题。…`),
            # only its words up to the first 。 are.
            stop = text.find("。", 0, SHORT_LEAD)
            if 0 <= stop < len(text) - 1 and not any(s <= stop < e - 1 for s, e, _ in marks):
                cut = stop + 1
            elif len(text) <= SHORT_HEADING:
                css = ' class="sub"'
        body = self._marked(text[:cut], [m for m in marks if m[0] < cut])
        if cut < len(text):
            rest = self._marked(text[cut:], [(s - cut, e - cut, n) for s, e, n in marks if s >= cut])
            body = f"<b>{body}</b>{rest}"
        notes = "".join(f"<li>↑ {note(self.findings[n], self.lang)}</li>" for n in dict.fromkeys(n for *_, n in marks))
        tag = {"title": "h3", "h": "h4"}.get(kind, "p")
        notes_html = f'<ul class="notes">{notes}</ul>' if notes else ""
        return f'<{tag} id="{self.prefix}-L{line}"{css}>{body}</{tag}>{notes_html}'

    def _marked(self, text: str, marks: list[tuple[int, int, int]]) -> str:
        """``text`` with each flagged range in a ``<mark>``; overlapping ranges split into pieces."""
        if not marks:
            return escape(text)
        cuts = sorted(
            {0, len(text), *(min(a, len(text)) for a, _, _ in marks), *(min(b, len(text)) for _, b, _ in marks)}
        )
        out = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            # A zero-length finding here (a missing word) shows as a gap before the text.
            empty = [n for s, e, n in marks if s == e == a]
            if empty:
                out.append(f"<mark{self._attributes(empty, 'gap')}> </mark>")
            covering = [n for s, e, n in marks if s <= a and b <= e and s < e]
            piece = escape(text[a:b])
            out.append(f"<mark{self._attributes(covering)}>{piece}</mark>" if covering else piece)
        end = [n for s, e, n in marks if s == e >= len(text)]
        if end:
            out.append(f"<mark{self._attributes(end, 'gap')}> </mark>")
        return "".join(out)

    def _table(self, lines: list[int]) -> str:
        rows = [self.lines[line - 1].split("\t") for line in lines]
        width = max(len(row) for row in rows)
        grid = [row + [""] * (width - len(row)) for row in rows]
        flagged = {(r, c) for r, line in enumerate(lines) for c in range(width) if (line, c + 1) in self.cells}
        html_rows = []
        for r, cells in enumerate(_merge(grid, flagged)):
            line = lines[r]
            tds = []
            for c, height, span_width in cells:
                value = grid[r][c]
                numbers = self.cells.get((line, c + 1), [])
                spans = (f' rowspan="{height}"' if height > 1 else "") + (
                    f' colspan="{span_width}"' if span_width > 1 else ""
                )
                kind = "num" if _NUMERIC.fullmatch(value.strip()) else "lbl"
                if numbers:
                    tds.append(f"<td{spans}{self._attributes(numbers, kind)}>{self._cell(value, numbers)}</td>")
                else:
                    tds.append(f'<td{spans} class="{kind}">{escape(value)}</td>')
            html_rows.append(f'<tr id="{self.prefix}-L{line}">{"".join(tds)}</tr>')
        listed = dict.fromkeys(n for line in lines for c in range(1, width + 1) for n in self.cells.get((line, c), []))
        notes = "".join(f"<li>{note(self.findings[n], self.lang)}</li>" for n in listed)
        aside = f'<ol class="notes">{notes}</ol>' if notes else ""
        return f'<div class="table"><table>{"".join(html_rows)}</table>{aside}</div>'

    def _cell(self, value: str, numbers: Sequence[int]) -> str:
        """A flagged cell: its text, and ``→ expected`` when a finding on it alone knows the value."""
        own = [self.findings[n] for n in numbers if self._single_cell(self.findings[n])]
        expected = next((f.expected for f in sorted(own, key=lambda f: -f.severity) if f.expected), None)
        shown = escape(value) if value.strip() else "&#8203;"
        if expected is None:
            return shown
        return f'<span class="was">{shown}</span>&nbsp;<span class="exp">→&nbsp;{escape(expected)}</span>'

    def _single_cell(self, finding: Finding) -> bool:
        span = finding.span
        if span.end_line != span.line or span.line > len(self.lines):
            return False
        return "\t" not in self.lines[span.line - 1][span.column - 1 : span.end_column - 1]

    def _unplaced(self) -> str:
        items = "".join(
            f"<li><mark{self._attributes([n])}>{note(self.findings[n], self.lang)}</mark></li>" for n in self.unplaced
        )
        return f'<ul class="notes unplaced">{items}</ul>'


def _merge(grid: list[list[str]], flagged: set[tuple[int, int]]) -> list[list[tuple[int, int, int]]]:
    """Per row, the cells that start there: (column, rowspan, colspan).

    A cell takes the empty slots to its right; a label also the empty rows below it,
    except the slots a row's own label takes (its first cell, spread over the label
    columns): ``四、结转下年度继续办理`` is not swallowed by the ``（七）总计`` above it.
    """
    height, width = len(grid), len(grid[0])

    def blank(r: int, c: int) -> bool:
        return not grid[r][c].strip() and (r, c) not in flagged

    labels: set[tuple[int, int]] = set()  # empty slots taken by their own row's label
    for r in range(height):
        first = next((c for c in range(width) if grid[r][c].strip()), None)
        if first is not None and not _NUMERIC.fullmatch(grid[r][first].strip()):
            c = first + 1
            while c < width and blank(r, c):
                labels.add((r, c))
                c += 1
    covered: set[tuple[int, int]] = set()
    out: list[list[tuple[int, int, int]]] = [[] for _ in grid]
    for r in range(height):
        for c in range(width):
            if (r, c) in covered:
                continue
            w = h = 1
            value = grid[r][c].strip()
            if value:
                while c + w < width and blank(r, c + w) and (r, c + w) not in covered:
                    w += 1
                if not _NUMERIC.fullmatch(value):
                    while r + h < height and all(
                        blank(r + h, c + k) and (r + h, c + k) not in covered and (r + h, c + k) not in labels
                        for k in range(w)
                    ):
                        h += 1
            covered.update((r + dr, c + dc) for dr in range(h) for dc in range(w))
            out[r].append((c, h, w))
    return out
