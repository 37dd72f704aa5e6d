"""Readers: bytes of a file → canonical report text (+ where each line came from).

One reader per format; `read_path` picks by extension. Every failure is a `ReadError`
naming the problem (the caller names the file), never a traceback: what a reader or its
parsing library raises on a damaged file becomes one at this boundary (`_guarded`),
with the exception's class in the message. The reader modules
import their parsing libraries (lxml, python-docx, pdfplumber) only when called, so
checking a .txt file never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gklint.readers.base import (
    DEFAULT_MAX_BYTES,
    MAX_CELLS,
    MAX_LINES,
    MB,
    Origin,
    ReadError,
    SourceDocument,
    read_bytes,
)
from gklint.readers.text import read_text_bytes

Reader = Callable[[bytes, str, int], SourceDocument]


def _text(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    return read_text_bytes(data, path)


# Each reader module is imported when a file of its type is read (start-up, issue 13).
def _html(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    from gklint.readers.html import read_html_bytes  # noqa: PLC0415

    return read_html_bytes(data, path)


def _docx(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    from gklint.readers.docx import read_docx_bytes  # noqa: PLC0415

    return read_docx_bytes(data, path, max_bytes)


def _pdf(data: bytes, path: str, max_bytes: int) -> SourceDocument:
    from gklint.readers.pdf import read_pdf_bytes  # noqa: PLC0415

    return read_pdf_bytes(data, path, max_bytes)


# The extensions a directory walk picks up, and the reader for each.
SUFFIXES: dict[str, Reader] = {
    ".txt": _text,
    ".md": _text,
    ".markdown": _text,
    ".html": _html,
    ".htm": _html,
    ".shtml": _html,
    ".docx": _docx,
    ".pdf": _pdf,
}
# Named explicitly, a legacy .doc goes to the .docx reader, which explains that it
# cannot read it; a directory walk skips it.
_EXPLICIT_ONLY: dict[str, Reader] = {".doc": _docx}


def supported(path: Path) -> bool:
    """Whether a directory walk should pick up this file."""
    return path.suffix.lower() in SUFFIXES


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a report file of any supported format; unknown extensions are read as text."""
    suffix = path.suffix.lower()
    reader = SUFFIXES.get(suffix) or _EXPLICIT_ONLY.get(suffix) or _text
    data = read_bytes(path, max_bytes)
    return _guarded(lambda: reader(data, str(path), max_bytes))


def read_stdin_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> SourceDocument:
    """Read a report given on standard input: as text, or as the format of ``name``'s
    extension (``--stdin-filename report.docx``).

    ``data`` is what was read, at most ``max_bytes + 1`` bytes: one more means too big.
    """
    if len(data) > max_bytes:
        raise ReadError(
            f"standard input is over the {max_bytes / MB:.3g} MB limit (--max-file-size)",
            zh=f"标准输入超过 {max_bytes / MB:.3g} MB 的上限（--max-file-size）",
        )
    suffix = Path(name).suffix.lower() if name else ""
    reader = SUFFIXES.get(suffix) or _EXPLICIT_ONLY.get(suffix) or _text
    return _guarded(lambda: reader(data, name or "-", max_bytes))


def _guarded(read: Callable[[], SourceDocument]) -> SourceDocument:
    try:
        source = read()
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("reading it ran out of memory", zh="读取时内存不足") from None
    except Exception as exc:  # noqa: BLE001 - a damaged file can make a parsing library raise anything
        detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}".rstrip(": ")
        raise ReadError(f"damaged or unsupported content ({detail})", zh=f"内容损坏或无法识别（{detail}）") from None
    lines = source.text.count("\n") + 1
    if lines > MAX_LINES:
        raise ReadError(
            f"the text has {lines} lines, more than {MAX_LINES}; not a single report",
            zh=f"文本多达 {lines} 行，超过 {MAX_LINES} 行，不是单份报告",
        )
    cells = source.text.count("\t")
    if cells > MAX_CELLS:
        raise ReadError(
            f"its tables have more than {MAX_CELLS} cells; not a single report",
            zh=f"其表格单元格超过 {MAX_CELLS} 个，不是单份报告",
        )
    return source


__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_CELLS",
    "MAX_LINES",
    "Origin",
    "ReadError",
    "SourceDocument",
    "read_path",
    "read_stdin_bytes",
    "supported",
]
