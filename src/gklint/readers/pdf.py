"""PDF reports, through the optional pdfplumber extra (``pip install 'gklint[pdf]'``).

Per page: ruled tables (pdfplumber writes a merged cell once and None in the slots it
covers, which is the canonical layout) and the text lines outside them, in reading
order. Lines wrapped by the page width are joined back into paragraphs; page numbers
are dropped; a table that runs onto the next page continues as the same table.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from gklint.parser import line_kind
from gklint.readers.base import Origin, ReadError, SourceDocument
from gklint.readers.canonical import CanonicalText
from gklint.readers.grid import Slot, SourceCell, expand

INSTALL_HINT = "reading PDF files needs the optional extra: pip install 'gklint[pdf]'"
INSTALL_HINT_ZH = "读取 PDF 文件需要安装可选组件：pip install 'gklint[pdf]'"
# Text extraction costs about a tenth of a second per page; a report has tens of pages.
MAX_PAGES = 500
# Flate-compressed streams may inflate to this many times the file size limit in all, and
# one stream to at most MAX_STREAM bytes: a report's page content is tens of KB, while a
# "PDF bomb" (a few MB of zeros compressed a thousandfold) would fill memory.
UNPACK_FACTOR = 2
MAX_STREAM = 32 << 20
# A line the grammar reads as a heading or sub-heading opens a new paragraph even when
# the previous line was full.
_OPENERS = ("heading", "subheading")
# A running page number: "3", "- 3 -", "第3页", "3/12", "第 3 页 共 12 页".
_PAGE_NUMBER = re.compile(r"^[-—－–\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]|共)?\s*(\d{1,4})?\s*(页)?[-—－–\s]*$")
# Two column edges closer than this (in points) are the same ruling line.
_SAME_EDGE = 2.0
# Page header and footer bands, as a fraction of the page height.
_MARGIN_BAND = 0.08


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    size: float


@dataclass
class _Table:
    """A ruled table: each row's cells as (left edge, text), the column edges, the pages.

    Cells are kept by position, not index: the part of a table on one page only has
    the columns its own cells start at (a label merged across three columns hides two),
    so parts are joined by the union of their column edges.
    """

    page: int
    left: float
    right: float
    rows: list[list[tuple[float, str]]]
    columns: list[float]
    pages: list[int] = field(default_factory=list)  # the page of each row

    def grid(self) -> list[list[str]]:
        """Rows of text with one field per column; slots covered by a merged cell are empty."""
        out = []
        for row in self.rows:
            fields = [""] * len(self.columns)
            for x, text in row:
                fields[min(range(len(self.columns)), key=lambda i: abs(self.columns[i] - x))] = text
            out.append(fields)
        return out


def read_pdf_bytes(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    """Read a PDF report (its compressed streams may inflate to ``UNPACK_FACTOR * max_bytes``)."""
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    except ImportError:
        raise ReadError(INSTALL_HINT, zh=INSTALL_HINT_ZH) from None
    items: list[_Line | _Table] = []
    try:
        with _bounded_inflate(UNPACK_FACTOR * max_bytes), pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(
                    f"{len(pdf.pages)} pages, over the {MAX_PAGES}-page limit for a report",
                    zh=f"共 {len(pdf.pages)} 页，超过年报 {MAX_PAGES} 页的上限",
                )
            for number, page in enumerate(pdf.pages, 1):
                items.extend(_page_items(page, number))
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
        # pdfplumber wraps pdfminer's errors (an encrypted file's included) in an empty one.
        cause = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
        if isinstance(cause, ReadError):
            raise cause from None
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError(
                "the PDF is password-protected; remove the password", zh="PDF 设有密码；请去掉密码"
            ) from None
        reason = cause if isinstance(cause, BaseException) else exc
        raise ReadError(
            f"not a readable PDF ({type(reason).__name__}: {reason})",
            zh=f"不是可读取的 PDF（{type(reason).__name__}：{reason}）",
        ) from None
    if not any(isinstance(item, _Table) or item.text.strip() for item in items):
        raise ReadError(
            "the PDF has no text layer (a scanned document?); gklint cannot check images",
            zh="PDF 没有文字层（扫描件？）；gklint 无法检查图片",
        )
    return _write(items, path)


class _InflateBudget:
    """Stands in for the ``zlib`` module inside pdfminer, inflating within a byte budget."""

    error = zlib.error

    def __init__(self, budget: int) -> None:
        self.left = budget

    def _take(self, inflate: zlib._Decompress, data: bytes) -> bytes:
        limit = min(self.left, MAX_STREAM)
        out = inflate.decompress(data, limit + 1)
        if len(out) > limit:
            raise ReadError(
                "a compressed stream inflates beyond the limit (a PDF bomb?)",
                zh="有压缩流解压后超过上限（疑为 PDF 炸弹）",
            )
        self.left -= len(out)
        return out

    def decompress(self, data: bytes) -> bytes:
        inflate = zlib.decompressobj()
        out = self._take(inflate, data)
        if not inflate.eof:
            raise zlib.error("incomplete or truncated stream")  # as zlib.decompress would
        return out

    def decompressobj(self) -> _BoundedInflate:
        return _BoundedInflate(self)


class _BoundedInflate:
    """A ``zlib.decompressobj`` drawing on an `_InflateBudget` (pdfminer's repair path uses one)."""

    def __init__(self, budget: _InflateBudget) -> None:
        self._budget = budget
        self._inflate = zlib.decompressobj()

    def decompress(self, data: bytes) -> bytes:
        return self._budget._take(self._inflate, data)


@contextmanager
def _bounded_inflate(budget: int) -> Iterator[None]:
    from pdfminer import pdftypes

    pdftypes.zlib = _InflateBudget(budget)  # type: ignore[assignment,attr-defined]
    try:
        yield
    finally:
        pdftypes.zlib = zlib  # type: ignore[attr-defined]  # pdfminer's own `import zlib`


def _page_items(page, number: int) -> list[_Line | _Table]:  # type: ignore[no-untyped-def]  # pdfplumber is untyped
    """The page's lines and tables, top to bottom."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]

    def outside(obj: dict) -> bool:  # type: ignore[type-arg]
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    placed: list[tuple[float, _Line | _Table]] = []
    band = page.height * _MARGIN_BAND
    for line in page.filter(outside).extract_text_lines(return_chars=True):
        text = line["text"]
        in_margin = line["top"] < band or line["bottom"] > page.height - band
        if in_margin and _PAGE_NUMBER.match(text):
            continue
        size = line["chars"][0]["size"] if line["chars"] else 10.0
        placed.append((line["top"], _Line(text, number, line["x0"], line["x1"], size)))
    for table in tables:
        rows = [
            [(box[0], _cell(text)) for box, text in zip(row.cells, texts, strict=True) if box is not None]
            for row, texts in zip(table.rows, table.extract(), strict=True)
        ]
        columns = _edges(x for row in rows for x, _ in row)
        x0, _, x1, _ = table.bbox
        placed.append((table.bbox[1], _Table(number, x0, x1, rows, columns, [number] * len(rows))))
    placed.sort(key=lambda pair: pair[0])
    return [item for _, item in placed]


def _cell(text: str | None) -> str:
    # A cell's wrapped lines join without a space (Chinese), except between Latin words.
    lines = (text or "").split("\n")
    out = lines[0]
    for line in lines[1:]:
        gap = " " if out[-1:].isascii() and out[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum() else ""
        out += gap + line
    return out


def _edges(xs: Iterable[float]) -> list[float]:
    """Distinct column edges, merging those closer than a ruling line's wobble."""
    edges: list[float] = []
    for x in sorted(xs):
        if not edges or x - edges[-1] > _SAME_EDGE:
            edges.append(x)
    return edges


def _join_tables(items: list[_Line | _Table]) -> list[_Line | _Table]:
    """Continue a table on the next page when that page opens with a table of the same width."""
    joined: list[_Line | _Table] = []
    for item in items:
        last = joined[-1] if joined else None
        if (
            isinstance(item, _Table)
            and isinstance(last, _Table)
            and item.page == last.pages[-1] + 1
            and abs(item.left - last.left) <= _SAME_EDGE
            and abs(item.right - last.right) <= _SAME_EDGE
        ):
            skip = 1 if item.rows and [t for _, t in item.rows[0]] == [t for _, t in last.rows[0]] else 0
            last.rows.extend(item.rows[skip:])  # skip a header row repeated on the new page
            last.pages.extend(item.pages[skip:])
            last.columns = _edges(last.columns + item.columns)
        else:
            joined.append(item)
    return joined


def _write(items: list[_Line | _Table], path: str) -> SourceDocument:
    out = CanonicalText()
    margins: dict[int, tuple[float, float]] = {}
    for item in items:
        if isinstance(item, _Line):
            left, right = margins.get(item.page, (item.x0, item.x1))
            margins[item.page] = (min(left, item.x0), max(right, item.x1))
    paragraph: list[_Line] = []

    def flush() -> None:
        if paragraph:
            out.paragraph("".join(line.text for line in paragraph), Origin(page=paragraph[0].page))
            paragraph.clear()

    tables = 0
    for item in _join_tables(items):
        if isinstance(item, _Table):
            flush()
            tables += 1
            grid = expand([[SourceCell(text) for text in row] for row in item.grid()])

            def origin(r: int, row: list[Slot], t: _Table = item, n: int = tables) -> Origin:
                return Origin(page=t.pages[r], table=n, row=r + 1)

            out.table(grid, origin)
        elif paragraph and _continues(paragraph[-1], item, margins):
            paragraph.append(item)
        else:
            flush()
            paragraph.append(item)
    flush()
    return out.document(path, "pdf")


def _continues(prev: _Line, line: _Line, margins: dict[int, tuple[float, float]]) -> bool:
    """Whether ``line`` wraps on from ``prev``: ``prev`` fills the width, ``line`` is not indented."""
    if line.page not in (prev.page, prev.page + 1) or line_kind(line.text) in _OPENERS:
        return False
    _, right = margins[prev.page]
    left, _ = margins[line.page]
    # A wrapped line may stop short of the margin by an unbreakable number ("38.27%").
    return prev.x1 >= right - 4 * prev.size and line.x0 <= left + 0.5 * line.size
