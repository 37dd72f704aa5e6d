"""Check files: read, parse, model, lint; one result per file, errors contained."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gklint.engine import lint_report
from gklint.findings import Finding, Text
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.readers import DEFAULT_MAX_BYTES, ReadError, SourceDocument, read_path, read_stdin_bytes, supported
from gklint.rules import Rule, RuleContext


@dataclass
class FileResult:
    """What checking one file produced: findings, or the reason it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: Text | None = None  # why the file could not be read
    source: SourceDocument | None = None
    previous: str | None = None  # last year's report it was compared with (`gklint.pairing`)
    candidates: tuple[str, ...] = ()  # when not paired because several reports could be last year's
    # The model, for a successor checked next in the same process; never sent between processes.
    report: Report | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """Whether the file was read and checked."""
        return self.error is None


# Never reports, but common beside them in a repository: hidden folders (.git, .venv),
# installed packages, and the usual project documents. Walks skip them (as ruff skips
# .git and node_modules); a file named on the command line is still checked.
SKIPPED_DIRS = (".*", "node_modules", "__pycache__", "site-packages", "venv")
SKIPPED_FILES = (
    ".*", "README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "NOTICE*",
    "AUTHORS*", "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "SOURCES*",
)  # fmt: skip


def expand_paths(paths: Iterable[str], *, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    """Files to check: files as given, directories walked for supported extensions (sorted).

    ``include``/``exclude`` globs filter the walked files only (a file named on the
    command line is always checked); a glob matches the path below the walked directory
    or the file name, so ``*.docx`` and ``drafts/*`` both work. Walks skip
    `SKIPPED_DIRS` and `SKIPPED_FILES`.
    """
    for raw in paths:
        top = Path(raw)
        if raw == "-" or not top.is_dir():
            yield raw
            continue
        found = []
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not _matches((d,), SKIPPED_DIRS)]
            for name in files:
                path = Path(folder, name)
                names = (path.relative_to(top).as_posix(), name)
                if not supported(path) or _matches((name,), SKIPPED_FILES):
                    continue
                if (not include or _matches(names, include)) and not _matches(names, exclude):
                    found.append(str(path))
        yield from sorted(found)


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
        return FileResult(path=path, error=exc.text)
    report = build_report(parse(source.text), source.text, year=year, agency=agency)
    findings = lint_report(report, rules, ctx)
    previous = ctx.previous.path if ctx is not None and ctx.previous is not None else None
    return FileResult(path=path, findings=findings, source=source, previous=previous, report=report)


def read_reference(
    path: str, *, year: int | None = None, agency: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report | None:
    """The model of a report read only to compare another with (last year's); None if unreadable."""
    try:
        source = read_path(Path(path), max_bytes=max_bytes)
    except ReadError:
        return None
    return build_report(parse(source.text), source.text, year=year, agency=agency)
