"""HTML report pages (.html/.htm): find the report body, expand tables, map lines back.

Parsed with lxml's libxml2 HTML parser: it is fast, gives every element its source line,
and stops at 256 levels of nesting instead of recursing without bound (a hostile page
nested a million deep is refused, not parsed).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from gklint.parser import line_kind
from gklint.readers.base import Origin, ReadError, SourceDocument
from gklint.readers.canonical import CanonicalText, clean_line
from gklint.readers.grid import SourceCell, expand
from gklint.readers.text import decode

if TYPE_CHECKING:
    from lxml.etree import _Element

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312">;
# browsers look in the first 1024 bytes, CMS pages often put it later in a long <head>.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_META_WINDOW = 8192
# GB18030 is a superset of GB2312 and GBK, and pages labelled gb2312 routinely use GBK
# characters; decoding as the superset loses nothing.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"}
# Python codecs that a label can name but that are not a page's character set.
_NOT_CHARSETS = {"undefined", "unicode-escape", "raw-unicode-escape", "punycode", "idna"}

# Elements that never hold report text.
_SKIP = {
    "script", "style", "noscript", "template", "head", "title", "nav", "iframe", "object",
    "embed", "svg", "button", "select", "option", "input", "textarea", "map",
}  # fmt: skip
# Elements that end a line before and after them.
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "section", "article", "main", "blockquote", "pre", "center", "address", "figure",
    "figcaption", "hr", "br", "tr", "td", "th", "caption", "table", "form", "fieldset",
    "header", "footer", "aside",
}  # fmt: skip
_TITLE_WORDS = ("报告", "年报")
_MAX_TITLE = 80
# A page's metadata box (索引号, 发布机构, 成文日期 …) is a table, but not part of the report.
_METADATA_WORDS = ("索引号", "发布机构", "发文机关", "成文日期", "主题分类")


def read_html_bytes(data: bytes, path: str) -> SourceDocument:
    """Read an HTML page holding a report."""
    from lxml import etree

    text, encoding = decode_html(data)
    # Handing lxml UTF-8 bytes with an explicit encoding makes it ignore the page's own
    # <meta charset> (already honoured above) and accept an XML declaration.
    parser = etree.HTMLParser(encoding="utf-8", no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.Error as exc:
        raise ReadError(f"cannot parse HTML: {exc}", zh=f"无法解析 HTML：{exc}") from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise ReadError(
            "HTML is nested too deeply (over 255 levels) to be a report page",
            zh="HTML 嵌套过深（超过 255 层），不像年报页面",
        )
    if root is None:
        raise ReadError("no HTML content", zh="没有 HTML 内容")
    body = report_body(root)
    out = CanonicalText()
    title = _page_title(root, body)
    if title:
        out.paragraph(title[0], Origin(line=title[1]))
    _Emitter(out, root.getroottree()).run(body)
    return out.document(path, "html", encoding)


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page: a BOM, then ``<meta charset>``, then the text reader's detection."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = _META_CHARSET.search(data[:_META_WINDOW])
        if match:
            label = match.group(1).decode("ascii").lower()
            encoding = "gb18030" if label in _GB_FAMILY else label
            try:
                if codecs.lookup(encoding).name not in _NOT_CHARSETS:
                    return data.decode(encoding), f"{encoding} (meta charset {label})"
            except (LookupError, UnicodeError):
                pass  # a wrong or unknown label: sites do mislabel; detect instead
    return decode(data)


def report_body(root: _Element) -> _Element:
    """The element holding the report, without the site's navigation and footer.

    The report is the smallest element containing its section headings (一、… 六、)
    and the text around them: navigation, footers and the 索引号 box sit outside it. A
    page without such a heading falls back to the element with the most paragraph
    text of its own.
    """
    anchors = [el for el in _blocks(root) if _is_heading(el)]
    if anchors:
        return _common_ancestor(anchors)
    scores: dict[_Element, int] = {}
    for el in _blocks(root):
        parent = el.getparent()
        if parent is not None and el.tag in ("p", "br", "div", "span", "font"):
            scores[parent] = scores.get(parent, 0) + len((el.text or "") + (el.tail or ""))
    if scores:
        return max(scores, key=scores.__getitem__)
    body = root.find("body")
    return body if body is not None else root


def _blocks(root: _Element) -> Iterator[_Element]:
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag not in _SKIP:
            yield el


def _is_heading(el: _Element) -> bool:
    """A line of its own (a block without blocks inside) reading like ``一、总体情况``."""
    if el.tag not in _BLOCK:
        return False
    text = clean_line(_prefix(el, 200))
    # The grammar's own definition of a heading (一、…, 第一部分…), as the parser will read it.
    if len(text) > 40 or line_kind(text) != "heading":
        return False
    return not any(isinstance(d.tag, str) and d.tag in _BLOCK and d.tag != "br" for d in el.iterdescendants())


def _prefix(el: _Element, limit: int) -> str:
    """The start of an element's text, stopping early: big containers are never headings."""
    out = ""
    for piece in el.itertext():
        out += piece
        if len(out) > limit:
            break
    return out


def _text(el: _Element) -> str:
    return "".join(el.itertext())


def _common_ancestor(elements: list[_Element]) -> _Element:
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(el): index for index, el in enumerate(chain)}
    best = 0
    for el in elements[1:]:
        for candidate in (el, *el.iterancestors()):
            if id(candidate) in depth:
                best = max(best, depth[id(candidate)])
                break
    # A heading that is itself the common ancestor (a page with one heading) would drop
    # the text around it: go one up.
    common = chain[best]
    return common.getparent() if common in elements and common.getparent() is not None else common


def _page_title(root: _Element, body: _Element) -> tuple[str, int | None] | None:
    """The report title and its source line, when the body does not open with one.

    CMS pages put the title in an ``<h1>`` (or a ``…title…`` element) above the body and
    the 索引号 box; failing that, the ``<title>`` without the site name.
    """
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag not in _SKIP and clean_line(el.text or ""):
            first = clean_line(_prefix(el, 2 * _MAX_TITLE))
            if len(first) <= _MAX_TITLE and any(word in first for word in _TITLE_WORDS):
                return None
            break
    found: tuple[str, int | None] | None = None
    enclosing = set(body.iterancestors())
    for el in root.iter():
        if el is body:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP or el in enclosing:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        text = clean_line(_prefix(el, 2 * _MAX_TITLE))
        if len(text) > _MAX_TITLE or not any(w in text for w in _TITLE_WORDS):
            continue
        if el.tag in ("h1", "h2", "h3") or "title" in marks:
            found = (text, el.sourceline)
    if found is None:
        tag = root.find(".//title")
        text = clean_line(_text(tag) if tag is not None else "")
        parts = [p for p in re.split(r"\s*[_|\-–—]+\s*", text) if any(w in p for w in _TITLE_WORDS)]
        if parts:
            found = (parts[0], tag.sourceline if tag is not None else None)
    return found


def _is_data_table(table: _Element) -> bool:
    # A table holding another table lays out the page; its cells are read as blocks.
    return table.find(".//table") is None


def _is_metadata_table(table: _Element) -> bool:
    text = _text(table)
    return sum(word in text for word in _METADATA_WORDS) >= 2


def cell_text(cell: _Element) -> str:
    """A cell's text: inline elements joined as written, ``<br>`` and blocks as spaces."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(cell, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            if el is not cell and (not isinstance(el.tag, str) or el.tag in _SKIP):
                walker.skip_subtree()
                continue
            if el.tag in _BLOCK:
                parts.append(" ")
            parts.append(el.text or "")
        else:
            if el.tag in _BLOCK:
                parts.append(" ")
            if el is not cell:
                parts.append(el.tail or "")
    return "".join(parts)


def _span(value: str | None) -> int:
    # Seven digits are plenty: `expand` caps a span at MAX_SPAN.
    match = re.match(r"\s*(\d{1,7})", value or "")
    return int(match.group(1)) if match else 1


class _Emitter:
    """Walks the report body in document order, writing lines and tables."""

    def __init__(self, out: CanonicalText, tree: object) -> None:
        self.out = out
        self.tree = tree
        self.buffer: list[str] = []
        self.origin: Origin | None = None
        self.tables = 0

    def _add(self, text: str | None, el: _Element) -> None:
        if text and text.strip():
            if self.origin is None:
                self.origin = Origin(line=el.sourceline, element=self.tree.getpath(el))  # type: ignore[attr-defined]
            self.buffer.append(text)
        elif text and self.buffer:
            self.buffer.append(" ")

    def _flush(self) -> None:
        if self.buffer and self.origin is not None:
            self.out.paragraph("".join(self.buffer), self.origin)
        self.buffer, self.origin = [], None

    def run(self, body: _Element) -> None:
        from lxml import etree

        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            tag = el.tag if isinstance(el.tag, str) else None
            if event == "start":
                if tag is None or tag in _SKIP:
                    walker.skip_subtree()
                    continue
                if tag in _BLOCK:
                    self._flush()
                if tag == "table" and _is_data_table(el):
                    walker.skip_subtree()
                    if not _is_metadata_table(el):
                        self._table(el)
                    continue
                self._add(el.text, el)
            else:
                if tag in _BLOCK:
                    self._flush()
                if el is not body:
                    parent = el.getparent()
                    self._add(el.tail, parent if parent is not None else el)
        self._flush()

    def _table(self, table: _Element) -> None:
        rows = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        cells = [
            [
                SourceCell(cell_text(td), _span(td.get("colspan")), _span(td.get("rowspan")), line=td.sourceline)
                for td in tr.xpath("./td | ./th")
            ]
            for tr in rows
        ]
        grid = expand(cells)
        if not grid or not any(slot.text.strip() for row in grid for slot in row):
            return
        self.tables += 1
        number = self.tables
        self.out.table(
            grid,
            lambda r, row: Origin(
                table=number,
                row=r + 1,
                line=rows[r].sourceline,
                element=self.tree.getpath(rows[r]),  # type: ignore[attr-defined]
                cell_lines=tuple(slot.cell.line if slot.cell else None for slot in row),
            ),
        )
