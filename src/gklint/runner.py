"""Check files: read, parse, model, lint; one result per file, errors contained."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gklint.engine import lint_text
from gklint.findings import Finding
from gklint.readers import DEFAULT_MAX_BYTES, ReadError, SourceDocument, read_path, read_stdin_bytes, supported
from gklint.rules import Rule, RuleContext


@dataclass
class FileResult:
    """What checking one file produced: findings, or the reason it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    source: SourceDocument | None = None

    @property
    def ok(self) -> bool:
        """Whether the file was read and checked."""
        return self.error is None


def expand_paths(paths: Iterable[str], *, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files to check: files as given, directories walked for supported extensions (sorted).

    ``include``/``exclude`` globs filter the walked files only (a file named on the
    command line is always checked); a glob matches the path below the walked directory
    or the file name, so ``*.docx`` and ``drafts/*`` both work.
    """
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = []
            for p in path.rglob("*"):
                names = (p.relative_to(path).as_posix(), p.name)
                if not p.is_file() or not supported(p):
                    continue
                if include and not _matches(names, include):
                    continue
                if not _matches(names, exclude):
                    found.append(str(p))
            yield from sorted(found)
        else:
            yield raw


def _matches(names: tuple[str, ...], globs: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, glob) for name in names for glob in globs)


def check_file(
    path: str,
    rules: list[Rule],
    *,
    year: int | None = None,
    agency: str | None = None,
    ctx: RuleContext | None = None,
    stdin: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FileResult:
    """Check one file (``-`` with ``stdin`` bytes for standard input)."""
    try:
        source = read_stdin_bytes(stdin or b"") if path == "-" else read_path(Path(path), max_bytes=max_bytes)
    except ReadError as exc:
        return FileResult(path=path, error=str(exc))
    findings = lint_text(source.text, rules, year=year, agency=agency, ctx=ctx)
    return FileResult(path=path, findings=findings, source=source)
