"""Checking many files: in this process, or spread over worker processes for a big batch.

Results come back in the order of the paths either way, so output does not depend on
``--jobs``. Each worker builds its own `Project` from the same options (rules hold
functions and TOML packs closures, which are rebuilt rather than pickled). Files are
checked in units (`gklint.pairing`): a report and last year's go to the same process, the
older first, so its model is reused for the comparison.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from gklint import pairing
from gklint.budget import FileOverBudget, time_budget
from gklint.model import Report
from gklint.project import Options, Project
from gklint.readers import read_path
from gklint.rules import Previous, RuleContext
from gklint.runner import FileResult, check_file, contain, read_reference

# Below this many files, starting workers costs more than it saves.
PARALLEL_FROM = 64


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Job(NamedTuple):
    """What every file of a run is checked with, besides its configuration."""

    options: Options
    lang: str
    max_bytes: int
    timeout: float | None = None  # --timeout-per-file: seconds for one file
    pair: bool = True  # pair the same body's consecutive years automatically (not --no-pair)
    previous: str | None = None  # --previous: the predecessor of the one checked file
    stdin_name: str | None = None  # --stdin-filename: what standard input (-) is reported as


def check_one(
    project: Project, job: Job, path: str, stdin: bytes | None = None, previous: Previous | None = None
) -> FileResult:
    """Check one file with the rules and settings its configuration gives it."""
    name = job.stdin_name if path == "-" and job.stdin_name is not None else path
    plan = project.plan(name)
    return contain(
        name,
        job.timeout,
        lambda: check_file(
            path,
            list(plan.rules),
            year=plan.year,
            agency=plan.agency,
            ctx=RuleContext(lang=job.lang, agency_kind=plan.agency_kind, previous=previous),
            stdin=stdin,
            stdin_name=job.stdin_name,
            max_bytes=job.max_bytes,
        ),
    )


def explicit_previous(project: Project, job: Job, paths: Sequence[str]) -> dict[int, str]:
    """Predecessors named by ``--previous`` or by the configuration's ``[previous]``."""
    found = {}
    for index, path in enumerate(paths):
        named = job.previous if job.previous is not None else project.plan(path).config.previous_for(path)
        if named is not None:
            found[index] = str(named)
    return found


def identify(project: Project, job: Job, path: str) -> pairing.Identity | None:
    """Whose report ``path`` is and for which year; None if unknown or unreadable (the check says why)."""
    if path == "-":
        return None
    plan = project.plan(path)
    try:
        with time_budget(job.timeout, lambda: FileOverBudget(job.timeout or 0)):
            text = read_path(Path(path), max_bytes=job.max_bytes).text
            return pairing.identify(text, year=plan.year, agency=plan.agency)
    except (Exception, FileOverBudget):  # noqa: BLE001 - the file is then checked unpaired, and its check says what is wrong
        return None


def _reference(project: Project, job: Job, path: str) -> Report | None:
    """Last year's report read only for comparison, within the file time budget; None if it cannot be."""
    plan = project.plan(path)
    try:
        with time_budget(job.timeout, lambda: FileOverBudget(job.timeout or 0)):
            return read_reference(path, year=plan.year, agency=plan.agency, max_bytes=job.max_bytes)
    except (Exception, FileOverBudget):  # noqa: BLE001 - the report is then checked unpaired
        return None


def check_unit(
    project: Project, job: Job, unit: Iterable[pairing.Step], stdin: bytes | None = None
) -> list[tuple[int, FileResult]]:
    """Check a unit's files in order, each compared with its predecessor's model."""
    kept: dict[str, Report] = {}
    out = []
    for step in unit:
        path = step.path
        previous = None
        if step.previous is not None:
            report = kept.get(step.previous) or _reference(project, job, step.previous)
            previous = Previous(report, step.previous) if report is not None else None
        result = check_one(project, job, path, stdin, previous)
        if step.keep and result.report is not None:
            kept[path] = result.report
        out.append((step.index, replace(result, report=None, candidates=step.candidates)))
    return out


def plan_units(
    project: Project, job: Job, paths: Sequence[str], identities: Sequence[pairing.Identity | None]
) -> list[tuple[pairing.Step, ...]]:
    """The run's units (`gklint.pairing.units`) from the files' identities."""
    return pairing.units(paths, pairing.pair(paths, identities, explicit_previous(project, job, paths)))


def _in_order(done: Iterable[list[tuple[int, FileResult]]]) -> Iterator[FileResult]:
    """Results in the order of the run's paths, from units finished in the order of their first file."""
    waiting: dict[int, FileResult] = {}
    following = 0
    for results in done:
        waiting.update(results)
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def default_jobs(count: int) -> int:
    """Workers for ``count`` files when ``--jobs`` is not given: one per core for a big batch."""
    return (os.cpu_count() or 1) if count >= PARALLEL_FROM else 1


def check_paths(
    project: Project, job: Job, paths: Sequence[str], *, jobs: int, stdin: bytes | None = None
) -> Iterator[FileResult]:
    """Results for ``paths``, in order; standard input is always read in this process."""
    pair = job.pair and len(paths) > 1
    if jobs <= 1 or "-" in paths:
        identities = [identify(project, job, path) if pair else None for path in paths]
        units = plan_units(project, job, paths, identities)
        yield from _in_order(check_unit(project, job, unit, stdin) for unit in units)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - multiprocessing is slow to import

    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(job,)) as pool:
        identities = list(pool.map(_identify_in_worker, paths, chunksize=32)) if pair else [None] * len(paths)
        units = plan_units(project, job, paths, identities)
        yield from _in_order(pool.map(_check_in_worker, units, chunksize=8))


_worker: tuple[Project, Job] | None = None


def _start_worker(job: Job) -> None:
    global _worker  # noqa: PLW0603 - one project per worker process, built once
    _worker = (Project(job.options), job)


def _identify_in_worker(path: str) -> pairing.Identity | None:
    assert _worker is not None, "worker not initialised"
    project, job = _worker
    return identify(project, job, path)


def _check_in_worker(unit: tuple[pairing.Step, ...]) -> list[tuple[int, FileResult]]:
    assert _worker is not None, "worker not initialised"
    project, job = _worker
    return check_unit(project, job, unit)
