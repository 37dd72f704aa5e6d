"""Check files: read, parse, model, lint; one result per file, errors contained."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from gklint.budget import FileOverBudget, time_budget
from gklint.engine import lint_suppressed
from gklint.findings import Finding, Text
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.readers import DEFAULT_MAX_BYTES, ReadError, SourceDocument, read_path, read_stdin_bytes, supported
from gklint.rules import Rule, RuleContext


@dataclass
class FileResult:
    """What checking one file produced: findings, or the reason it could not be checked."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by comments in the report
    error: Text | None = None  # why the file could not be read or checked
    source: SourceDocument | None = None
    internal: bool = False  # the error is a failure of gklint itself, not of the file
    previous: str | None = None  # last year's report it was compared with (`gklint.pairing`)
    candidates: tuple[str, ...] = ()  # when not paired because several reports could be last year's
    year: int | None = None  # the report year the rules used
    year_source: str | None = None  # where it was read (`Report.year_source`)
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


def expand_paths(
    paths: Iterable[str], *, include: Sequence[str] = (), exclude: Sequence[str] = (), follow_links: bool = False
) -> Iterator[str]:
    """Files to check: files as given, directories walked for supported extensions (sorted).

    ``include``/``exclude`` globs filter the walked files only (a file named on the
    command line is always checked); a glob matches the path below the walked directory
    or the file name, so ``*.docx`` and ``drafts/*`` both work. Walks skip
    `SKIPPED_DIRS` and `SKIPPED_FILES`, and pick up regular files only: symbolic links
    (to files or folders) unless ``follow_links``, FIFOs, sockets and devices are passed
    over. A folder the walk cannot list (no permission, a path too long) is yielded as a
    path to check, so that checking it reports why instead of skipping it silently.
    A file is yielded once, however often it is named or reached (`_first_time`).
    """
    seen: set[str] = set()
    for path in _walked(paths, include=include, exclude=exclude, follow_links=follow_links):
        if _first_time(path, seen):
            yield path


def _first_time(path: str, seen: set[str]) -> bool:
    """Whether ``path`` is new to ``seen``: the same path written another way (``./r.txt``,
    ``r.txt`` again, or reached by a directory's walk) is not. A symbolic link keeps its
    own name: followed (``--follow-links``), it is checked as the file it is named as."""
    key = path if path == "-" else os.path.abspath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walked(
    paths: Iterable[str], *, include: Sequence[str], exclude: Sequence[str], follow_links: bool
) -> Iterator[str]:
    for raw in paths:
        top = Path(raw)
        if raw == "-" or not top.is_dir():
            yield raw
            continue
        found: list[str] = []
        walk = os.walk(top, onerror=partial(_unlisted, found), followlinks=follow_links)
        seen: set[tuple[int, int]] = set()
        for folder, dirs, files in walk:
            if follow_links and not _first_visit(folder, seen):
                dirs[:] = []  # a link back up the tree: walked already
                continue
            dirs[:] = [d for d in dirs if not _matches((d,), SKIPPED_DIRS)]
            for name in files:
                path = Path(folder, name)
                names = (path.relative_to(top).as_posix(), name)
                if not supported(path) or _matches((name,), SKIPPED_FILES):
                    continue
                if (not include or _matches(names, include)) and not _matches(names, exclude):
                    if _regular(path, follow_links):
                        found.append(str(path))
        yield from sorted(found)


def _unlisted(found: list[str], exc: OSError) -> None:
    found.append(str(exc.filename))


def _first_visit(folder: str, seen: set[tuple[int, int]]) -> bool:
    try:
        info = os.stat(folder)
    except OSError:
        return True  # listing it will fail and report why
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _regular(path: Path, follow_links: bool) -> bool:
    """Whether a walk should open ``path``: a regular file, not reached through a link."""
    try:
        info = os.stat(path) if follow_links else os.lstat(path)
    except OSError:
        return True  # reading it reports the problem (a path too long, a vanished file)
    return stat.S_ISREG(info.st_mode)


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
    stdin_name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FileResult:
    """Check one file (``-`` with ``stdin`` bytes for standard input, reported as ``stdin_name`` if given)."""
    name = stdin_name if path == "-" and stdin_name is not None else path
    try:
        source = (
            read_stdin_bytes(stdin or b"", max_bytes=max_bytes, name=stdin_name)
            if path == "-"
            else read_path(Path(path), max_bytes=max_bytes)
        )
    except ReadError as exc:
        return FileResult(path=name, error=exc.text)
    report = build_report(parse(source.text), source.text, year=year, agency=agency)
    outcome = lint_suppressed(report, rules, ctx, source.suppressions)
    previous = ctx.previous.path if ctx is not None and ctx.previous is not None else None
    return FileResult(
        path=name,
        findings=outcome.kept,
        suppressed=outcome.suppressed,
        source=source,
        previous=previous,
        year=report.year,
        year_source=report.year_source,
        report=report,
    )


def read_reference(
    path: str, *, year: int | None = None, agency: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Report | None:
    """The model of a report read only to compare another with (last year's); None if unreadable."""
    try:
        source = read_path(Path(path), max_bytes=max_bytes)
    except ReadError:
        return None
    return build_report(parse(source.text), source.text, year=year, agency=agency)


def contain(path: str, timeout: float | None, check: Callable[[], FileResult]) -> FileResult:
    """Run one file's ``check`` within ``timeout`` seconds: whatever happens, a result.

    Running over time is an error for that file (like an unreadable file); an exception
    that escapes the readers' and the rules' own handling is an internal error for that
    file. Either way the other files are still checked and reported.
    """
    try:
        with time_budget(timeout, lambda: FileOverBudget(timeout or 0)):
            return check()
    except FileOverBudget as exc:
        return FileResult(
            path=path,
            error=Text(
                zh=f"检查超过 {exc.seconds:g} 秒，已停止（--timeout-per-file）",
                en=f"checking took over {exc.seconds:g} s and was stopped (--timeout-per-file)",
            ),
        )
    except Exception as raised:  # noqa: BLE001 - the last line of defence for one file
        failure = _unwrapped(raised)
        if isinstance(failure, MemoryError):
            # The file's content asked for more memory than the process may have (a
            # limit on address space, or the machine's): a property of the file.
            return FileResult(
                path=path,
                error=Text(zh="检查该文件时内存不足，已停止", en="checking ran out of memory and was stopped"),
            )
        # One line, however the library formats its message.
        detail = f"{type(failure).__name__}: {' '.join(str(failure).split())[:300]}"
        return FileResult(
            path=path,
            internal=True,
            error=Text(
                zh=f"gklint 内部错误（{detail}）；这是 gklint 的缺陷，请报告",
                en=f"internal error ({detail}); this is a bug in gklint, please report it",
            ),
        )


def _unwrapped(exc: BaseException) -> BaseException:
    """The exception lark's transformers wrapped (`VisitError`), else ``exc`` itself."""
    for _ in range(10):
        inner = getattr(exc, "orig_exc", None)
        if not isinstance(inner, BaseException):
            break
        exc = inner
    return exc
