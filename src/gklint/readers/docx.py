"""Word reports (.docx): body paragraphs and tables in order, merged cells expanded.

The archive is checked by `gklint.readers.package` before python-docx opens it.
python-docx then provides the parsed parts; the body is walked directly in XML, because
the reader needs what python-docx's objects hide: content controls (``w:sdt``) holding
paragraphs, tracked insertions, ``gridBefore`` and ``vMerge``.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING

from gklint.ast import Span
from gklint.readers.base import MAX_LINES, Origin, ReadError, SourceDocument
from gklint.readers.canonical import CanonicalText
from gklint.readers.grid import SourceCell, expand
from gklint.readers.numbering import Numbering, W, int_val
from gklint.suppression import Suppression, directive

if TYPE_CHECKING:
    from lxml.etree import _Element

# The total an archive may unpack to, as a multiple of the file size limit (images
# included); the XML parts, which become in-memory trees, get half the file size limit.
UNPACK_FACTOR = 4

# Containers whose children are body content, transparent to the reader.
_TRANSPARENT = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag", f"{W}ins", f"{W}moveTo"}
# Inside a paragraph: deleted text, floating text boxes and drawings are not the line.
_SKIP_IN_PARAGRAPH = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{W}drawing", f"{W}pict", f"{W}object"}
_AC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Where a comment (批注) is anchored: its range's start and end, and its reference mark.
_COMMENT_MARKS = (f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}commentReference")
# Suppression comments by id: the rules each names and the directive as written.
Directives = dict[str, tuple[tuple[str, ...], str]]


def read_docx_bytes(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    """Read a .docx report (``max_bytes`` is the file size limit the unpacked limits derive from)."""
    from gklint.readers.package import check_package

    check_package(data, max_unpacked=UNPACK_FACTOR * max_bytes, max_xml=max_bytes // 2)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, LxmlError, KeyError, ValueError) as exc:
        raise ReadError(f"not a readable Word document: {exc}", zh=f"不是可读取的 Word 文档：{exc}") from None
    try:
        numbering_xml = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]  # an XmlPart
    except KeyError:
        numbering_xml = None
    numbering = Numbering(numbering_xml, document.styles.element)
    try:
        comments = _directives(document.part.part_related_by(RT.COMMENTS))
    except KeyError:
        comments = {}
    out = CanonicalText()
    body = _Body(out, numbering, comments)
    body.read(document.element.body)
    source = out.document(path, "docx")
    return replace(source, suppressions=_suppressions(source, body.anchored, comments))


def _directives(part: object) -> Directives:
    """The comments whose text starts with ``gklint: ignore``: id -> (rules, directive as written)."""
    element = getattr(part, "element", None)
    if element is None:
        return {}
    found = {}
    for comment in element.iter(f"{W}comment"):
        text = "\n".join(paragraph_text(p, line_breaks=False) for p in comment.iter(f"{W}p"))
        parsed = directive(text)
        if parsed is not None and comment.get(f"{W}id") is not None:
            found[comment.get(f"{W}id")] = parsed
    return found


def _suppressions(
    source: SourceDocument, anchored: dict[tuple[int, ...], set[str]], comments: Directives
) -> tuple[Suppression, ...]:
    """Each directive comment as a suppression of the canonical lines of what it is anchored on."""
    lines: dict[str, list[int]] = {}
    for number, origin in sorted(source.locations.items()):
        key = (origin.paragraph,) if origin.paragraph is not None else (origin.table or 0, origin.row or 0)
        for ident in sorted(anchored.get(key, ())):
            lines.setdefault(ident, []).append(number)
    texts = source.text.split("\n")
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    out = []
    for ident, covered in lines.items():
        first = covered[0]
        span = Span(
            starts[first - 1], starts[first - 1] + len(texts[first - 1]), first, 1, first, len(texts[first - 1]) + 1
        )
        rules, written = comments[ident]
        out.append(Suppression(span=span, lines=tuple(covered), rules=rules, text=written))
    return tuple(sorted(out, key=lambda s: s.span))


def paragraph_text(p: _Element, *, line_breaks: bool) -> str:
    """A paragraph's text as displayed: runs, hyperlinks and insertions, not deletions.

    A TAB becomes a space (in canonical text a TAB means a table cell); a line break is
    ``\\n`` in body paragraphs and a space in table cells.
    """
    parts: list[str] = []
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
            parts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append(" ")
        elif tag in (f"{W}br", f"{W}cr"):
            # A page or column break is layout, not a line of the text.
            parts.append("\n" if line_breaks and child.get(f"{W}type") in (None, "textWrapping") else " ")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            stack.append(iter(child))
    return "".join(parts)


class _Body:
    """Walks ``w:body`` in order, counting paragraphs and tables for the source map."""

    def __init__(self, out: CanonicalText, numbering: Numbering, comments: Directives) -> None:
        self.out = out
        self.numbering = numbering
        self.paragraphs = 0
        self.tables = 0
        # Suppression comments: the ids of those known, those whose range is open, and
        # what each is anchored on: (paragraph,) or (table, row) -> comment ids.
        self.comments = comments
        self.open: set[str] = set()
        self.anchored: dict[tuple[int, ...], set[str]] = {}

    def _anchor(self, key: tuple[int, ...], element: _Element) -> None:
        """Note the suppression comments covering ``element``: open ones, and those marked in it."""
        found = set(self.open)
        if self.comments:
            for mark in element.iter(*_COMMENT_MARKS):
                ident = mark.get(f"{W}id")
                if ident in self.comments:
                    found.add(ident)
                    (self.open.add if mark.tag == _COMMENT_MARKS[0] else self.open.discard)(ident)
        if found and key:
            self.anchored[key] = found

    def read(self, body: _Element) -> None:
        stack = [iter(body)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
            elif child.tag == f"{W}p":
                self.paragraphs += 1
                if self.paragraphs > MAX_LINES:
                    raise ReadError(
                        f"the document has more than {MAX_LINES} paragraphs; not a single report",
                        zh=f"文档段落超过 {MAX_LINES} 个，不是单份报告",
                    )
                text = self.numbering.label(child) + paragraph_text(child, line_breaks=True)
                self.out.paragraph(text, Origin(paragraph=self.paragraphs))
                self._anchor((self.paragraphs,), child)
            elif child.tag == f"{W}tbl":
                self.tables += 1
                self._table(child, self.tables)
            elif child.tag in _TRANSPARENT:
                stack.append(iter(child))
            elif child.tag in _COMMENT_MARKS:  # a range starting or ending between paragraphs
                self._anchor((), child)

    def _table(self, tbl: _Element, number: int) -> None:
        rows: list[list[SourceCell]] = []
        for tr in tbl.iter(f"{W}tr"):
            if _owner_table(tr) is not tbl:
                continue  # a row of a table nested in a cell: part of that cell's text
            self._anchor((number, len(rows) + 1), tr)
            column = int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            cells = []
            for tc in tr.iter(f"{W}tc"):
                if _owner_table(tc) is not tbl:
                    continue
                span = int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1)
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                # vMerge without val="restart" continues the cell above: written empty.
                continued = merge is not None and merge.get(f"{W}val") != "restart"
                text = "" if continued else self._cell_text(tc)
                cells.append(SourceCell(text, colspan=span, column=column))
                column += max(span, 1)
            rows.append(cells)
        grid = expand(rows)
        if grid and any(slot.text.strip() for row in grid for slot in row):
            self.out.table(grid, lambda r, row: Origin(table=number, row=r + 1))

    def _cell_text(self, tc: _Element) -> str:
        texts = []
        for p in tc.iter(f"{W}p"):
            label = self.numbering.label(p)
            texts.append(label + paragraph_text(p, line_breaks=False))
        return " ".join(t for t in texts if t.strip())


def _owner_table(el: _Element) -> _Element | None:
    for ancestor in el.iterancestors(f"{W}tbl"):
        return ancestor
    return None
