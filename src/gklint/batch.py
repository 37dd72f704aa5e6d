"""Checking many files: in this process, or spread over worker processes for a big batch.

Results come back in the order of the paths either way, so output does not depend on
``--jobs``. Each worker builds its own `Project` from the same options (rules hold
functions and TOML packs closures, which are rebuilt rather than pickled).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gklint.project import Options, Project
from gklint.rules import RuleContext
from gklint.runner import FileResult, check_file

# Below this many files, starting workers costs more than it saves.
PARALLEL_FROM = 64


@dataclass(frozen=True)
class Job:
    """What every file of a run is checked with, besides its configuration."""

    options: Options
    lang: str
    max_bytes: int


def check_one(project: Project, job: Job, path: str, stdin: bytes | None = None) -> FileResult:
    """Check one file with the rules and settings its configuration gives it."""
    plan = project.plan(path)
    return check_file(
        path,
        list(plan.rules),
        year=plan.year,
        agency=plan.agency,
        ctx=RuleContext(lang=job.lang, agency_kind=plan.agency_kind),
        stdin=stdin,
        max_bytes=job.max_bytes,
    )


def default_jobs(count: int) -> int:
    """Workers for ``count`` files when ``--jobs`` is not given: one per core for a big batch."""
    return (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


def check_paths(
    project: Project, job: Job, paths: Sequence[str], *, jobs: int, stdin: bytes | None = None
) -> Iterator[FileResult]:
    """Results for ``paths``, in order; standard input is always read in this process."""
    if jobs <= 1 or "-" in paths:
        for path in paths:
            yield check_one(project, job, path, stdin)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - multiprocessing is slow to import

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(job,)) as pool:
        yield from pool.map(_check_in_worker, paths, chunksize=8)


_worker: tuple[Project, Job] | None = None


def _start_worker(job: Job) -> None:
    global _worker  # noqa: PLW0603 - one project per worker process, built once
    _worker = (Project(job.options), job)


def _check_in_worker(path: str) -> FileResult:
    assert _worker is not None, "worker not initialised"
    project, job = _worker
    return check_one(project, job, path)
