"""``gklint annotate``: a copy of a Word draft with one comment (批注) per finding.

Each comment is anchored on the flagged text in the original: the number in its table
cell, the stray year in its sentence, the heading (or title) of a report missing a part.
Findings carry positions in the canonical text; the reader's source map
(`gklint.readers.base.Origin`) names the body paragraph or the table grid cell, and this
module walks the document body in the reader's order to find that element, then maps the
canonical characters back to the runs that hold them (the reader collapses spaces and
prefixes Word's list numbering, which no run holds). Runs are split so the comment
covers exactly the flagged characters. When the element's text does not read back to the
canonical line (a layout the reader interprets differently), the comment covers the
whole paragraph or cell rather than a guess.

The input is never modified: the document is parsed from its bytes and written elsewhere.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gklint.findings import Finding, Severity
from gklint.readers.base import Origin, SourceDocument
from gklint.readers.numbering import Numbering, W, int_val

if TYPE_CHECKING:
    from lxml.etree import _Element

AUTHOR, INITIALS = "gklint", "GK"
LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
WORDS = {
    "zh": {"expected": "应为：", "help": "修改建议：", "related": "上年报告对照处：", "line": "第{}行"},
    "en": {"expected": "expected: ", "help": "fix: ", "related": "last year's report: ", "line": "line {}"},
}
RELATED_TEXT = 40  # characters of last year's compared text quoted in the comment

# The reader's walk (gklint.readers.docx): containers it looks through, elements it skips.
_TRANSPARENT = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}
_SKIP_IN_PARAGRAPH = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}drawing", f"{W}pict", f"{W}object"}
_AC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What canonical.clean_line collapses; a mismatch only costs precision (checked by comparing texts).
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2002-\u200b\ufeff]")
_TRIM = " \u3000"
# Characters XML 1.0 cannot hold (a message may quote a report's control characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class _Char:
    """One displayed character and the run child it comes from (None: Word's numbering, a joint)."""

    char: str
    child: _Element | None = None
    offset: int = 0


class _Body:
    """The document's paragraphs and table cells, numbered as the reader numbers them."""

    def __init__(self, body: _Element, numbering: Numbering) -> None:
        self.numbering = numbering
        self.labels: dict[_Element, str] = {}
        self.paragraphs: dict[int, _Element] = {}
        self.cells: dict[tuple[int, int, int], _Element] = {}  # (table, grid row, grid column) → w:tc
        self.starts: set[tuple[int, int, int]] = set()  # slots where a cell's text is written
        stack = [iter(body)]
        tables = 0
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif child.tag == f"{W}p":
                self.labels[child] = numbering.label(child)  # in order: the counters are replayed
                self.paragraphs[len(self.paragraphs) + 1] = child
            elif child.tag == f"{W}tbl":
                tables += 1
                self._table(child, tables)
            elif child.tag in _TRANSPARENT:
                stack.append(iter(child))

    def _table(self, tbl: _Element, number: int) -> None:
        row = 0
        above: dict[int, _Element] = {}  # grid column → the cell a vertical merge continues
        for tr in tbl.iter(f"{W}tr"):
            if _owner(tr) is not tbl:
                continue
            row += 1
            column = int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            for tc in tr.iter(f"{W}tc"):
                if _owner(tc) is not tbl:
                    continue
                span = max(int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1), 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                shown = tc  # a continued cell shows the one it continues: the comment goes there
                if merge is None or merge.get(f"{W}val") == "restart":
                    self.starts.add((number, row, column + 1))
                    for p in tc.iter(f"{W}p"):
                        self.labels[p] = self.numbering.label(p)
                    above[column] = tc
                else:
                    shown = above.get(column, tc)
                for c in range(column, column + span):
                    self.cells[(number, row, c + 1)] = shown
                column += span

    def paragraph_chars(self, p: _Element, *, line_breaks: bool) -> list[_Char]:
        """The paragraph as the reader reads it, label first, each character with its run child."""
        chars = [_Char(ch) for ch in self.labels.get(p, "")] + _chars(p, line_breaks=line_breaks)
        return chars

    def cell_chars(self, tc: _Element) -> list[_Char]:
        """The cell's paragraphs joined by spaces, as the reader joins them."""
        out: list[_Char] = []
        for p in tc.iter(f"{W}p"):
            chars = self.paragraph_chars(p, line_breaks=False)
            if "".join(c.char for c in chars).strip():
                if out:
                    out.append(_Char(" "))
                out.extend(chars)
        return out


def _owner(el: _Element) -> _Element | None:
    return next(el.iterancestors(f"{W}tbl"), None)


def _chars(p: _Element, *, line_breaks: bool) -> list[_Char]:
    """The reader's ``paragraph_text``, character by character with where each comes from."""
    out: list[_Char] = []
    stack = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if tag in _SKIP_IN_PARAGRAPH or tag == _AC_FALLBACK or not isinstance(tag, str):
            continue
        if tag == f"{W}t":
            out += [_Char(ch, child, i) for i, ch in enumerate(child.text or "")]
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append(_Char(" ", child))
        elif tag in (f"{W}br", f"{W}cr"):
            out.append(_Char("\n" if line_breaks and child.get(f"{W}type") in (None, "textWrapping") else " ", child))
        elif tag == f"{W}noBreakHyphen":
            out.append(_Char("-", child))
        else:
            stack.append(iter(child))
    return out


def _clean(chars: Sequence[_Char]) -> tuple[str, list[int]]:
    """`clean_line` over ``chars``: the text, and for each of its characters the index in ``chars``."""
    text: list[str] = []
    where: list[int] = []
    for i, c in enumerate(chars):
        if _SPACE.fullmatch(c.char):
            if text and text[-1] == " ":
                continue
            text.append(" ")
        else:
            text.append(c.char)
        where.append(i)
    start, end = 0, len(text)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return "".join(text[start:end]), where[start:end]


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a comment goes: an element, and the characters of it (None: all of it)."""

    element: _Element
    chars: list[_Char] | None


def _place(body: _Body, source: SourceDocument, lines: list[str], finding: Finding) -> _Place | None:
    span = finding.span
    number = span.line
    while number > 0 and number not in source.locations:
        number -= 1  # a blank line: the element before it
    if number == 0:
        return None
    origin = source.locations[number]
    line = lines[number - 1] if number <= len(lines) else ""
    start, end = (span.column - 1, span.end_column - 1 if span.end_line == number else len(line))
    if number != span.line:
        start, end = 0, len(line)
    if origin.table is not None and origin.row is not None:
        return _cell_place(body, origin, line, start, end)
    if origin.paragraph is None or origin.paragraph not in body.paragraphs:
        return None
    p = body.paragraphs[origin.paragraph]
    pieces = _pieces(body.paragraph_chars(p, line_breaks=True))
    # The paragraph's k-th canonical line is its k-th non-empty piece (hard line breaks split it).
    siblings = [n for n, o in source.locations.items() if o == origin]
    k = sorted(siblings).index(number)
    if k >= len(pieces) or pieces[k][0] != line:
        return _Place(p, None)
    return _Place(p, _select(pieces[k], start, end))


def _pieces(chars: list[_Char]) -> list[tuple[str, list[_Char]]]:
    """The non-empty cleaned lines of a paragraph split at its line breaks."""
    out: list[tuple[str, list[_Char]]] = []
    piece: list[_Char] = []
    for c in [*chars, _Char("\n")]:
        if c.char == "\n":
            text, where = _clean(piece)
            if text:
                out.append((text, [piece[i] for i in where]))
            piece = []
        else:
            piece.append(c)
    return out


def _select(piece: tuple[str, list[_Char]], start: int, end: int) -> list[_Char] | None:
    """The run characters of ``piece`` between canonical columns; None if none is in a run."""
    text, chars = piece
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return [c for c in chars[start:end] if c.child is not None] or None


def _cell_place(body: _Body, origin: Origin, line: str, start: int, end: int) -> _Place | None:
    fields = line.split("\t")
    bounds, offset = [], 0
    for text in fields:
        bounds.append((offset, offset + len(text)))
        offset += len(text) + 1
    touched = [i for i, (a, b) in enumerate(bounds) if (start < b and end > a) or a <= start <= b and start == end]
    if not touched:
        touched = [min(line.count("\t", 0, start), len(fields) - 1)]
    if len(touched) > 1:
        # A finding on a whole row stands on its label (the first cell with text).
        touched = [next((i for i in touched if fields[i].strip()), touched[0])]
        start, end = bounds[touched[0]]
    field = touched[0]
    key = (origin.table, origin.row, field + 1)
    tc = body.cells.get(key)  # type: ignore[arg-type]
    if tc is None:
        return None
    a, b = bounds[field]
    if key not in body.starts or start == end:
        return _Place(tc, None)
    text, where = _clean(body.cell_chars(tc))
    chars = body.cell_chars(tc)
    if text != fields[field]:
        return _Place(tc, None)
    return _Place(tc, _select((text, [chars[i] for i in where]), start - a, end - a))


def _text_length(child: _Element) -> int:
    return len(child.text or "") if child.tag == f"{W}t" else 1


def _content(run: _Element) -> list[_Element]:
    return [c for c in run if c.tag != f"{W}rPr"]


def _preserve(t: _Element) -> None:
    if t.tag == f"{W}t":
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _split(child: _Element, offset: int) -> tuple[_Element | None, _Element | None]:
    """Split ``child``'s run before character ``offset`` of ``child``: (left run, right run).

    Either side is None when the cut falls at the run's start or end (no split needed).
    """
    run = child.getparent()
    assert run is not None
    content = _content(run)
    i = content.index(child)
    if offset >= _text_length(child):
        if i + 1 == len(content):
            return run, None
        child, offset, i = content[i + 1], 0, i + 1
    if offset == 0 and i == 0:
        return None, run
    right = copy.deepcopy(run)
    right_content = _content(right)
    for c in right_content[:i]:
        right.remove(c)
    for c in content[i + 1 :]:
        run.remove(c)
    if offset:
        right_content[i].text = (child.text or "")[offset:]
        child.text = (child.text or "")[:offset]
        _preserve(child)
        _preserve(right_content[i])
    else:
        run.remove(child)
    run.addnext(right)
    return run, right


def _runs(place: _Place) -> list[_Element]:
    """The first and last run the comment covers, splitting runs at the flagged characters."""
    chars = place.chars
    if chars and all(c.child is not None and c.child.getparent() is not None for c in chars):
        first, last = chars[0], chars[-1]
        if all(c.child.getparent().tag == f"{W}r" for c in (first, last)):  # type: ignore[union-attr]
            same = first.child.getparent() is last.child.getparent()  # type: ignore[union-attr]
            left_of_end, _ = _split(last.child, last.offset + 1)
            _, start_run = _split(first.child, first.offset)
            assert left_of_end is not None and start_run is not None
            return [start_run, start_run if same else left_of_end]
    runs = [r for r in place.element.iter(f"{W}r") if any(c.tag == f"{W}t" and c.text for c in r)]
    if runs:
        return [runs[0], runs[-1]]
    # An empty cell or paragraph: an empty run to hang the comment on.
    p = place.element if place.element.tag == f"{W}p" else next(place.element.iter(f"{W}p"))
    from docx.oxml import OxmlElement

    run = OxmlElement("w:r")
    p.append(run)
    return [run, run]


def comment_text(finding: Finding, lang: str) -> list[str]:
    """The comment's paragraphs: the message, the expected value, the fix."""
    label = LABELS[lang].get(finding.severity, str(finding.severity))
    colon = "：" if lang == "zh" else ": "
    out = [f"{finding.code} {label}{colon}{finding.message.get(lang)}"]
    if finding.expected:
        out.append(WORDS[lang]["expected"] + finding.expected)
    if finding.help:
        out.append(WORDS[lang]["help"] + finding.help.get(lang))
    if finding.related is not None:
        out.append(_related(finding, lang))
    return [_NOT_XML.sub("\ufffd", text) for text in out]


def _related(finding: Finding, lang: str) -> str:
    """Last year's place a cross-year finding compares with, and the text there."""
    related = finding.related
    assert related is not None
    span = related.span
    text = f"{WORDS[lang]['related']}{related.path} {WORDS[lang]['line'].format(span.line)}"
    end = span.end_column - 1 if span.end_line == span.line else len(related.line)
    quoted = " ".join(related.line[span.column - 1 : end].split())
    if quoted:
        quoted = quoted if len(quoted) <= RELATED_TEXT else quoted[:RELATED_TEXT] + "…"
        text += f"“{quoted}”" if lang == "zh" else f" “{quoted}”"
    return text


def annotate(data: bytes, source: SourceDocument, findings: Sequence[Finding], *, lang: str) -> bytes:
    """The .docx ``data`` with one comment per finding (``source`` is what the reader made of it)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    try:
        numbering_xml = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]  # an XmlPart
    except KeyError:
        numbering_xml = None
    body = _Body(document.element.body, Numbering(numbering_xml, document.styles.element))
    lines = source.text.split("\n")
    fallback = next(iter([*body.paragraphs.values(), *body.cells.values()]))
    for finding in findings:
        place = _place(body, source, lines, finding) or _Place(fallback, None)
        first, last = _runs(place)
        paragraphs = comment_text(finding, lang)
        comment = document.add_comment(
            [Run(first, None), Run(last, None)],  # type: ignore[arg-type]
            text=paragraphs[0],
            author=AUTHOR,
            initials=INITIALS,
        )
        for text in paragraphs[1:]:
            comment.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class AnnotateError(Exception):
    """A report that cannot be annotated; the message says why (the caller names the file).

    ``internal`` is true when gklint itself failed on it (a bug: exit status 3).
    """

    def __init__(self, message: str, *, internal: bool = False) -> None:
        super().__init__(message)
        self.internal = internal


def write_annotated(path: str, source: SourceDocument, findings: Sequence[Finding], out: Path, *, lang: str) -> int:
    """Write the annotated copy of the .docx at ``path`` to ``out``; the number of comments."""
    if Path(path).suffix.lower() != ".docx" or source.format != "docx":
        raise AnnotateError(
            "annotate writes comments into Word documents (.docx); `gklint check --format html` shows other formats"
        )
    if out.exists() and out.resolve() == Path(path).resolve():
        raise AnnotateError("the output would overwrite the report itself; name another file with -o")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise AnnotateError(f"cannot read the report: {exc.strerror or exc}") from None
    try:
        annotated = annotate(data, source, findings, lang=lang)
    except Exception as exc:  # noqa: BLE001 - one file's failure is reported; the others are annotated
        detail = f"{type(exc).__name__}: {str(exc)[:300]}"
        raise AnnotateError(f"internal error: {detail}; this is a bug in gklint", internal=True) from None
    try:
        out.write_bytes(annotated)
    except OSError as exc:
        raise AnnotateError(f"cannot write {out}: {exc.strerror or exc}") from None
    return len(findings)
