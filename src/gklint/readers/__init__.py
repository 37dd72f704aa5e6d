"""Readers: bytes of a file → canonical report text (+ where each line came from).

One reader per format; `read_path` picks by extension. Every failure is a `ReadError`
naming the problem (the caller names the file), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from gklint.readers.base import DEFAULT_MAX_BYTES, ReadError, SourceDocument, read_bytes
from gklint.readers.text import read_text_bytes

SUFFIXES = {".txt": read_text_bytes, ".md": read_text_bytes, ".markdown": read_text_bytes}


def supported(path: Path) -> bool:
    """Whether a directory walk should pick up this file."""
    return path.suffix.lower() in SUFFIXES


def read_path(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a report file of any supported format."""
    reader = SUFFIXES.get(path.suffix.lower(), read_text_bytes)
    return reader(read_bytes(path, max_bytes), str(path))


def read_stdin_bytes(data: bytes) -> SourceDocument:
    """Read a report given on standard input (always treated as text)."""
    return read_text_bytes(data, "-")


__all__ = ["DEFAULT_MAX_BYTES", "ReadError", "SourceDocument", "read_path", "read_stdin_bytes", "supported"]
