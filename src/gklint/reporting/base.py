"""What every reporter shares: the run summary and the exit code it implies."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from gklint.findings import Severity
from gklint.runner import FileResult

EXIT_OK, EXIT_FINDINGS, EXIT_TROUBLE, EXIT_INTERNAL = 0, 1, 2, 3


# A NamedTuple, not a dataclass: a frozen dataclass costs 2% of Python's start-up to create (issue 13).
class Summary(NamedTuple):
    """Counts over a whole run."""

    files: int
    unreadable: int
    by_severity: dict[Severity, int]
    by_rule: dict[str, int]
    internal: int = 0  # files gklint itself failed on (not counted as unreadable)

    def exit_code(self, fail_on: Severity = Severity.ERROR) -> int:
        """3 if gklint failed on a file, else 2 if a file could not be read, else 1 if a
        finding reaches ``fail_on``, else 0."""
        if self.internal:
            return EXIT_INTERNAL
        if self.unreadable:
            return EXIT_TROUBLE
        if any(count for severity, count in self.by_severity.items() if severity >= fail_on):
            return EXIT_FINDINGS
        return EXIT_OK

    def plus(self, other: Summary) -> Summary:
        """The counts over the files of both: a run keeps its summary so, not its results."""
        rules = Counter(self.by_rule)
        rules.update(other.by_rule)
        return Summary(
            files=self.files + other.files,
            unreadable=self.unreadable + other.unreadable,
            internal=self.internal + other.internal,
            by_severity={s: self.by_severity.get(s, 0) + other.by_severity.get(s, 0) for s in Severity},
            by_rule=dict(sorted(rules.items())),
        )


def counted(number: int, noun: str) -> str:
    """``1 file``, ``2 files``: a count with its English noun in the right number."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def summarize(results: Sequence[FileResult]) -> Summary:
    """Count findings by severity and by rule."""
    severities: Counter[Severity] = Counter()
    rules: Counter[str] = Counter()
    for result in results:
        for finding in result.findings:
            if finding.suppressed:  # listed with --show-suppressed, never counted
                continue
            severities[finding.severity] += 1
            rules[f"{finding.code} {finding.rule}"] += 1
    return Summary(
        files=len(results),
        unreadable=sum(1 for r in results if not r.ok and not r.internal),
        internal=sum(1 for r in results if r.internal),
        by_severity={s: severities.get(s, 0) for s in Severity},
        by_rule=dict(sorted(rules.items())),
    )
