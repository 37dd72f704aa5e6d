"""Build .docx, HTML and PDF reports from canonical corpus text, the way they are published.

Merged cells are reconstructed from the canonical layout (a merged cell is written once,
in its first row and column, with empty fields in the slots it covers): a non-empty
cell absorbs the empty cells to its right, and a non-numeric cell also the empty rows
below it. Any such choice reads back to the same canonical row, which is the point.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass

_HEADING = re.compile(r"^#{1,6}\s*")
_NUMBERED = re.compile(r"^([一二三四五六七八九十]{1,3})、(.*)$")
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Block:
    """A paragraph (``rows`` empty) or a table (``rows`` padded to one width)."""

    text: str = ""
    heading: int = 0  # markdown heading level, 0 for a plain paragraph
    rows: tuple[tuple[str, ...], ...] = ()


def blocks(text: str) -> list[Block]:
    """The paragraphs and tables of canonical text (blank lines inside a table ignored)."""
    out: list[Block] = []
    table: list[list[str]] = []

    def close() -> None:
        if table:
            width = max(len(row) for row in table)
            out.append(Block(rows=tuple(tuple(row + [""] * (width - len(row))) for row in table)))
            table.clear()

    for line in text.split("\n"):
        if "\t" in line and line.strip():
            table.append(line.split("\t"))
        elif line.strip():
            close()
            level = len(line) - len(line.lstrip("#")) if line.startswith("#") else 0
            out.append(Block(text=_HEADING.sub("", line), heading=level))
    close()
    return out


def merges(rows: tuple[tuple[str, ...], ...]) -> list[tuple[int, int, int, int]]:
    """(row, column, height, width) of every cell, merged cells spanning their empty slots."""
    covered: set[tuple[int, int]] = set()
    cells = []
    height, width = len(rows), len(rows[0])
    for r in range(height):
        for c in range(width):
            if (r, c) in covered:
                continue
            w = h = 1
            if rows[r][c]:
                while c + w < width and not rows[r][c + w] and (r, c + w) not in covered:
                    w += 1
                numeric = re.fullmatch(r"[\d.,%-]+", rows[r][c]) is not None
                while (
                    not numeric
                    and r + h < height
                    and all(not rows[r + h][c + k] and (r + h, c + k) not in covered for k in range(w))
                ):
                    h += 1
            covered.update((r + dr, c + dc) for dr in range(h) for dc in range(w))
            cells.append((r, c, h, w))
    return cells


def _numbered_headings(items: list[Block]) -> bool:
    """Whether the top-level headings read 一、二、三… in order, so Word numbering reproduces them."""
    numerals = [m.group(1) for b in items if b.heading and (m := _NUMBERED.match(b.text))]
    return bool(numerals) and numerals == list(_NUMERALS[: len(numerals)])


def build_docx(text: str, *, word_numbering: bool = False) -> bytes:
    """A .docx with real tables (gridSpan/vMerge merges); with ``word_numbering`` the
    section numbers 一、二、… come from a Word list, not from the paragraph text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    items = blocks(text)
    num_id = None
    if word_numbering and _numbered_headings(items):
        numbering = document.part.numbering_part.element
        numbering.append(
            parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/>'
                "</w:lvl></w:abstractNum>"
            )
        )
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
        num_id = "90"
    for block in items:
        if block.rows:
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            # Fetched once: table.cell() rebuilds the whole grid on every call.
            grid = [row.cells for row in table.rows]
            for r, c, h, w in merges(block.rows):
                cell = grid[r][c]
                if h > 1 or w > 1:
                    cell = cell.merge(grid[r + h - 1][c + w - 1])
                cell.text = block.rows[r][c]
        elif block.heading == 1:
            document.add_heading(block.text, level=0)
        elif block.heading:
            match = _NUMBERED.match(block.text)
            if num_id and match:
                paragraph = document.add_heading(match.group(2), level=1)
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
                )
            else:
                document.add_heading(block.text, level=min(block.heading, 9))
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def build_html(text: str, *, charset: str = "utf-8") -> bytes:
    """A government-site page: navigation, an 索引号 box, the title in an <h1> outside the
    content, tables with rowspan/colspan, &nbsp; in empty cells, <br> in split headers."""
    items = blocks(text)
    title = next((b.text for b in items if b.heading == 1), "")
    body = []
    table_rows: list[str] = []
    for block in items:
        if block.heading == 1:
            continue
        if block.rows:
            table_rows = []
            starts = {(r, c): (h, w) for r, c, h, w in merges(block.rows)}
            for r, row in enumerate(block.rows):
                cells = []
                for c, value in enumerate(row):
                    if (r, c) not in starts:
                        continue
                    h, w = starts[r, c]
                    spans = (f' rowspan="{h}"' if h > 1 else "") + (f' colspan="{w}"' if w > 1 else "")
                    # A header split by a line break keeps a space in the corpus ("商业 企业").
                    content = "<br>".join(html.escape(part) for part in value.split(" ")) if value else "&nbsp;"
                    cells.append(f'<td{spans}><p align="center">{content}</p></td>')
                table_rows.append("<tr>" + "".join(cells) + "</tr>")
            body.append('<table border="1" cellspacing="0"><tbody>\n' + "\n".join(table_rows) + "\n</tbody></table>")
        elif block.heading:
            body.append(f"<p><strong>{html.escape(block.text)}</strong></p>")
        else:
            body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;{html.escape(block.text)}</p>')
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_政府信息公开年报_某某人民政府门户网站</title>
<script>var nav = "一、二、三、";</script><style>.nav {{ color: red }}</style></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hd/">互动交流</a></li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<table class="xxgk-meta"><tr><td>索引号：</td><td>123/2024-00001</td><td>发布机构：</td><td>某某办公室</td></tr>
<tr><td>成文日期：</td><td>2024-01-20</td><td>主题分类：</td><td>其他</td></tr></table>
<h1 class="article-title">{html.escape(title)}</h1>
<div class="article-content" id="zoom">
{chr(10).join(body)}
</div>
<div class="footer"><p>主办：某某人民政府办公室 版权所有</p><p>网站标识码：1234567890</p></div>
</body></html>
"""
    return page.encode(charset)


def build_pdf(text: str) -> bytes:
    """A PDF as an office would print one: indented paragraphs wrapped at the margin,
    ruled tables with spanned cells, long tables running onto the next page, page numbers.

    The CJK font is reportlab's built-in CID font STSong-Light (no font file needed);
    pdfplumber maps its glyphs back to Unicode through the UniGB-UCS2-H CMap.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=17, firstLineIndent=22, wordWrap="CJK")
    heading = ParagraphStyle("heading", parent=body, firstLineIndent=0, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, firstLineIndent=0, fontSize=15, leading=22, alignment=1)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7, leading=9, wordWrap="CJK")
    story: list[object] = []
    for block in blocks(text):
        if block.rows:
            width = len(block.rows[0])
            data = [[Paragraph(html.escape(value), cell) for value in row] for row in block.rows]
            spans = [("SPAN", (c, r), (c + w - 1, r + h - 1)) for r, c, h, w in merges(block.rows) if h > 1 or w > 1]
            # Columns as wide as their longest unspanned text, so table 三 fits on one page
            # (reportlab cannot split a table inside a row span).
            longest = [max([len(row[c]) for row in block.rows if row[c]] + [2]) for c in range(width)]
            longest = [min(max(n, 4), 24) for n in longest]
            table = Table(data, colWidths=[(A4[0] - 100) * n / sum(longest) for n in longest])
            padding = [(f"{side}PADDING", (0, 0), (-1, -1), 2) for side in ("LEFT", "RIGHT", "TOP", "BOTTOM")]
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *padding, *spans]))
            story += [Spacer(1, 6), table, Spacer(1, 6)]
        else:
            style = title if block.heading == 1 else heading if block.heading else body
            story.append(Paragraph(html.escape(block.text), style))

    def page_number(canvas, document) -> None:  # type: ignore[no-untyped-def]  # reportlab callback
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=60, bottomMargin=60).build(
        story, onFirstPage=page_number, onLaterPages=page_number
    )
    return buffer.getvalue()
