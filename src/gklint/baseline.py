"""Baselines: record today's findings, then hide them so only new problems show.

A finding is recognised by a fingerprint that survives edits elsewhere in the report:
the file's path (relative to the baseline file's directory), the rule code, and a hash of
the normalised flagged text together with the normalised line it stands on. Line numbers
are left out on purpose, so inserting lines above a finding does not revive it. Each
fingerprint keeps a count, so a rule flagging the same text twice is hidden twice, and a
third occurrence shows.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from gklint.findings import Finding

VERSION = 1
_SPACE = re.compile(r"\s+")

Fingerprint = tuple[str, str, str]  # (path, code, hash)


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names the file."""


def _normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def _path_key(path: str, root: Path) -> str:
    if path == "-":
        return path
    return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()


def fingerprint(path: str, finding: Finding, text: str, root: Path) -> Fingerprint:
    """The fingerprint of ``finding`` in the canonical ``text`` of the file at ``path``."""
    span = finding.span
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    digest = hashlib.sha256(f"{_normal(text[span.start : span.end])}\n{_normal(line)}".encode()).hexdigest()
    return _path_key(path, root), finding.code, digest[:16]


@dataclass(frozen=True)
class Baseline:
    """Fingerprints and how many findings each may hide; ``root`` is the file's directory."""

    root: Path
    counts: Counter[Fingerprint]

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline written by `write_baseline`."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            counts = Counter({(e["path"], e["code"], e["hash"]): int(e["count"]) for e in data["findings"]})
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise BaselineError(f"{path}: not a gklint baseline ({type(exc).__name__}: {str(exc)[:200]})") from None
        return cls(path.resolve().parent, counts)

    def hide(self, path: str, findings: Sequence[Finding], text: str) -> list[Finding]:
        """The findings of one file that the baseline does not account for."""
        left = Counter({k: v for k, v in self.counts.items() if k[0] == _path_key(path, self.root)})
        shown = []
        for finding in findings:
            key = fingerprint(path, finding, text, self.root)
            if left[key] > 0:
                left[key] -= 1
            else:
                shown.append(finding)
        return shown


def check_target(target: Path, checked: Iterable[str]) -> None:
    """Refuse, before checking anything, a baseline file that writing would destroy or fail on.

    gklint never modifies the reports it checks, so the target may be neither one of
    them nor any existing file other than a gklint baseline; its folder must exist.
    """
    for path in checked:
        if path != "-" and os.path.exists(path) and target.exists() and os.path.samefile(path, target):
            raise BaselineError(f"{target}: is a report being checked; write the baseline to another file")
    if target.exists():
        try:
            with target.open("rb") as handle:
                head = handle.read(64)
        except OSError as exc:
            raise BaselineError(f"{target}: cannot write the baseline: {exc.strerror or exc}") from None
        if not re.match(rb'\{\s*"gklint-baseline"', head):
            raise BaselineError(f"{target}: exists and is not a gklint baseline; refusing to overwrite it")
    elif not target.resolve().parent.is_dir():
        raise BaselineError(f"{target}: cannot write the baseline: folder {target.parent} does not exist")


def write_baseline(target: Path, files: Iterable[tuple[str, Sequence[Finding], str]]) -> int:
    """Record the findings of ``(path, findings, text)`` triples; return how many.

    Raises BaselineError when the file cannot be written (`check_target` catches the
    usual causes before a run).
    """
    root = target.resolve().parent
    counts: Counter[Fingerprint] = Counter()
    for path, findings, text in files:
        counts.update(fingerprint(path, f, text, root) for f in findings)
    entries = [{"path": p, "code": c, "hash": h, "count": n} for (p, c, h), n in sorted(counts.items())]
    body = {"gklint-baseline": VERSION, "findings": entries}
    try:
        target.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{target}: cannot write the baseline: {exc.strerror or exc}") from None
    return sum(counts.values())
