"""Findings: the small immutable records rules produce; rendering lives in `gklint.reporting`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from gklint.ast import Span


class Severity(enum.IntEnum):
    """How serious a finding is; ordered, so ``--fail-on`` is a comparison."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> Severity:
        """``"error"`` → `Severity.ERROR`; raises ValueError naming the valid choices."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (expected error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Text:
    """A message in Chinese, with its English rendering for ``--lang en``."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang`` (``zh`` or ``en``)."""
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True, slots=True)
class Related:
    """A second place a finding refers to, in another report (last year's, for pair rules).

    ``line`` is that report's source line, so a reporter can show it without reading the
    other file again (it may have been read in another worker process).
    """

    path: str
    span: Span
    line: str = ""


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class Finding:
    """One problem found in one report.

    Ordered by position then code (as yamllint's LintProblem). Findings carry no path:
    the engine returns them per document and reporters pair them with the file.
    """

    span: Span
    code: str
    rule: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: Text = field(compare=False)
    help: Text | None = field(default=None, compare=False)
    # The value that would make the check hold (arithmetic rules), for machine output.
    expected: str | None = field(default=None, compare=False)
    # The place in last year's report a cross-year finding compares this one with.
    related: Related | None = field(default=None, compare=False)
    # Silenced by a suppression comment in the report (`gklint.suppression`); such a finding
    # is shown only with --show-suppressed and never counts towards the exit code.
    suppressed: bool = field(default=False, compare=False)
