"""What every reader returns, and the errors it may raise."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from gklint.findings import Text
from gklint.suppression import Suppression

# Sizes are shown in MB of 2**20 bytes, as --max-file-size takes them.
MB = 1 << 20
DEFAULT_MAX_BYTES = 50 * MB
# Canonical lines a report may have. A real one has a few hundred (the longest of the
# corpus 170); a file of 50,000 short heading-like lines already takes seconds and a few
# hundred MB to check, and a million of them would exhaust memory, while fitting in a
# small .txt or a .docx of empty list paragraphs (the .docx reader stops counting
# body paragraphs there, before rendering them all).
MAX_LINES = 50_000
# Table cells (TAB-separated fields) in all: the national tables have about 1,000; each
# costs about 1.5 KB to check, so a file may not ask for more than a few hundred MB.
MAX_CELLS = 200_000


class ReadError(Exception):
    """A file could not be turned into report text; the message says why, in plain words.

    ``str(error)`` is the English message; ``error.text`` holds both languages for the
    reporters (``--lang``).
    """

    def __init__(self, en: str, *, zh: str) -> None:
        super().__init__(en)
        self.text = Text(zh=zh, en=en)


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where one canonical line came from in the original document.

    Only the fields that make sense for the format are set. For a table row, the
    canonical line's N-th TAB-separated field is grid column N of that row (readers
    expand merged cells into the full grid), so one origin per line is enough to
    place every cell.
    """

    paragraph: int | None = None  # .docx: body paragraph, 1-based, empty ones counted
    table: int | None = None  # table number in the document, 1-based
    row: int | None = None  # grid row of that table, 1-based
    page: int | None = None  # PDF page, 1-based
    line: int | None = None  # HTML: source line of the element
    element: str | None = None  # HTML: element path (XPath)
    cell_lines: tuple[int | None, ...] = ()  # HTML: source line of each grid cell


@dataclass(frozen=True)
class SourceDocument:
    """A report as canonical text.

    ``text`` has LF line ends only. ``locations`` maps a canonical line number (1-based)
    to where that line came from in the original, for formats whose positions are not
    plain lines (a .docx paragraph, a table cell, a PDF page); it is empty for text
    files, where canonical lines and columns are the file's own.

    ``suppressions`` are the report's ``gklint: ignore`` comments (`gklint.suppression`);
    a text file's are no longer in ``text``.
    """

    path: str
    text: str
    format: str
    encoding: str | None = None
    locations: dict[int, Origin] = field(default_factory=dict)
    suppressions: tuple[Suppression, ...] = ()


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` before reading them whole.

    Only a regular file is read: a FIFO, socket or device is refused without waiting on
    it (opened non-blocking, then checked).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(info.st_mode):
                raise ReadError(
                    "not a regular file (a FIFO, socket or device)", zh="不是普通文件（管道、套接字或设备）"
                )
            if info.st_size > max_bytes:
                size = info.st_size
                raise ReadError(
                    f"file is {size / MB:.3g} MB, over the {max_bytes / MB:.3g} MB limit (--max-file-size)",
                    zh=f"文件大小 {size / MB:.3g} MB，超过 {max_bytes / MB:.3g} MB 的上限（--max-file-size）",
                )
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        problem = _listing_problem(path)
        raise ReadError(
            f"a directory that cannot be listed: {problem}", zh=f"无法列出该目录的内容：{problem}"
        ) from None
    except FileNotFoundError:
        raise ReadError("no such file", zh="文件不存在") from None
    except PermissionError:
        raise ReadError("permission denied", zh="没有读取权限") from None
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}", zh=f"读取失败：{exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise ReadError(
            f"file is over the {max_bytes / MB:.3g} MB limit (--max-file-size)",
            zh=f"文件超过 {max_bytes / MB:.3g} MB 的上限（--max-file-size）",
        )
    return data


def _listing_problem(path: Path) -> str:
    # Directories are walked, so one reaches the reader only when the walk could not list it.
    try:
        os.listdir(path)
    except OSError as exc:
        return exc.strerror or str(exc)
    return "it changed while being checked"
