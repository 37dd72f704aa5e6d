"""Pairing: which report of a run is last year's report of which.

A report continues last year's, and the cross-year rules (pack ``years``) compare the
two. A report's predecessor is, in order of precedence:

1. the file named by ``--previous LAST`` (one checked file) or by the configuration's
   ``[previous]`` table;
2. in a run over several files (unless ``--no-pair``), the one report of the same body
   (the agency name, normalised) for the year before. When the run holds several such
   reports, the one in the same directory is taken; if that still leaves more than one,
   the report is not paired and the run says so.

Files are then checked in *units*: a chain of one body's years is checked in one
process, each file right after its predecessor, so the predecessor's model is at hand
and no file is read or modelled twice for pairing. A predecessor named explicitly but
not itself checked in the run is read only as a reference.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from gklint import normalize
from gklint.model import build_report
from gklint.parser import line_kind, parse

# The title and the preamble lines the model reads a year from come before the first
# top-level heading, among the first lines; parsing only those keeps identification cheap.
_HEAD_LINES = 30
# Lines are cut to this many characters before parsing: a title is shorter, and the text
# of a long preamble paragraph (its prose is parsed too) says nothing pairing needs.
_LINE_CHARS = 100


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Identity(NamedTuple):
    """Whose report a file is and for which year."""

    body: str
    year: int


def body_key(agency: str) -> str:
    """The agency name as pairing compares it (width, spaces and quotes folded)."""
    return normalize.label(agency)


def identify(text: str, *, year: int | None = None, agency: str | None = None) -> Identity | None:
    """The body and year of a report's canonical text, as the model reads them from its title.

    ``year``/``agency`` are the configured overrides. None when either is unknown.
    """
    head = _preamble(text)
    report = build_report(parse(head), head, year=year, agency=agency)
    if report.year is None or not report.agency:
        return None
    return Identity(body_key(report.agency), report.year)


def _preamble(text: str) -> str:
    """The lines before the first top-level heading (at most `_HEAD_LINES`, each cut short)."""
    lines = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    for index, line in enumerate(lines):
        if line.strip() and line_kind(line) == "heading":
            lines = lines[:index]
            break
    return "\n".join(line[:_LINE_CHARS] for line in lines)


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Pairing(NamedTuple):
    """The predecessors of a run's files.

    ``previous`` maps a file's index in the run to its predecessor's path; ``ambiguous``
    maps an unpaired file's index to the files that could each have been its predecessor.
    """

    previous: Mapping[int, str]
    ambiguous: Mapping[int, tuple[str, ...]]


def pair(
    paths: Sequence[str], identities: Sequence[Identity | None], explicit: Mapping[int, str] | None = None
) -> Pairing:
    """Each file's predecessor: ``explicit`` ones first, then the same body's previous year."""
    by_key: dict[Identity, list[int]] = {}
    for index, identity in enumerate(identities):
        if identity is not None:
            by_key.setdefault(identity, []).append(index)
    previous: dict[int, str] = dict(explicit or {})
    ambiguous: dict[int, tuple[str, ...]] = {}
    for index, identity in enumerate(identities):
        if identity is None or index in previous:
            continue
        candidates = by_key.get(Identity(identity.body, identity.year - 1), [])
        if len(candidates) > 1:
            here = os.path.dirname(paths[index])
            nearby = [c for c in candidates if os.path.dirname(paths[c]) == here]
            if len(nearby) != 1:
                ambiguous[index] = tuple(paths[c] for c in (nearby or candidates))
                continue
            candidates = nearby
        if candidates:
            previous[index] = paths[candidates[0]]
    return Pairing(previous=previous, ambiguous=ambiguous)


@dataclass(frozen=True, slots=True)
class Step:
    """One file of a unit: check ``path`` (the run's file ``index``), comparing it with ``previous``.

    ``keep`` says a later step of the unit compares with this file, so its model must be
    kept until then; ``candidates`` are the reports that made pairing it ambiguous.
    """

    index: int
    path: str
    previous: str | None = None
    keep: bool = False
    candidates: tuple[str, ...] = ()


def units(paths: Sequence[str], found: Pairing) -> list[tuple[Step, ...]]:
    """The run split into units, ordered by their first file; a predecessor checked in
    the run comes before its successor in the same unit.

    A predecessor that is not among ``paths`` is a reference the unit reads itself. A
    cycle (configured by hand: A's previous is B and B's is A) is broken by dropping the
    link that closes it.
    """
    previous = found.previous
    position: dict[str, int] = {}
    for index, path in enumerate(paths):
        position.setdefault(path, index)
    parent: dict[int, int] = {}
    for index in sorted(previous):
        other = position.get(previous[index])
        if other is None or other == index:
            continue
        walk, seen = other, {index}
        while walk in parent and walk not in seen:
            seen.add(walk)
            walk = parent[walk]
        if walk not in seen:
            parent[index] = other

    def root(index: int) -> tuple[int, int]:
        depth = 0
        while index in parent:
            index, depth = parent[index], depth + 1
        return index, depth

    groups: dict[int, list[tuple[int, int]]] = {}
    for index in range(len(paths)):
        top, depth = root(index)
        groups.setdefault(top, []).append((depth, index))
    parents = set(parent.values())
    out = []
    for members in groups.values():
        members.sort()
        steps = tuple(
            Step(
                index=i,
                path=paths[i],
                previous=previous.get(i) if previous.get(i) != paths[i] else None,
                keep=i in parents,
                candidates=found.ambiguous.get(i, ()),
            )
            for _, i in members
        )
        out.append(steps)
    out.sort(key=lambda steps: min(s.index for s in steps))
    return out
