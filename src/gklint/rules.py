"""Rule metadata records and the context a rule runs in."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gklint.ast import Span
from gklint.findings import Finding, Related, Severity, Text

if TYPE_CHECKING:
    from gklint.model import Report
    from gklint.suppression import Unused

CODE_PATTERN = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")  # a Chinese summary is written in Han characters
DOC_HEADINGS = ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## References")


@dataclass(frozen=True, slots=True)
class Previous:
    """Last year's report of the same body, which the cross-year rules compare a report with.

    ``path`` is the file it was read from, as the run names it.
    """

    report: Report
    path: str

    def place(self, span: Span) -> Related:
        """A place in last year's report, for a finding's ``related``."""
        lines = self.report.text.split("\n")
        line = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
        return Related(path=self.path, span=span, line=line)


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What a rule may know besides the report: the run's options.

    ``agency_kind`` is ``"department"`` (局、委、办… report by 1月31日, 条例 第四十九条第一款)
    or ``"government"`` (a 人民政府's own report: by 3月31日, and 监督保障 must cover
    工作考核、社会评议和责任追究); the configuration sets it, else the engine infers it
    from the agency name (`gklint.agency.kind_of`), and None means unknown.

    ``previous`` is last year's report when the run paired one with this report
    (`gklint.pairing`); rules about one report never look at it.

    ``unused_suppressions`` are the report's suppression comments that suppressed
    nothing, given only to ``unused-suppression``, which runs after every other rule.
    """

    lang: str = "zh"
    agency_kind: str | None = None
    previous: Previous | None = None
    unused_suppressions: tuple[Unused, ...] = ()


CheckFunction = Callable[["Report", RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A rule: a check function plus its frozen metadata.

    ``doc`` is the rule module's docstring, whose first line is the summary shown by
    ``gklint rules --lang en`` and whose body is what ``gklint explain`` prints. Its second
    paragraph, when one line of Chinese before the first heading, is the Chinese summary
    (``gklint rules``, the default language).
    """

    code: str
    name: str
    severity: Severity
    check: CheckFunction = field(repr=False)
    doc: str = field(repr=False)  # pages long: a traced hook call shows the rules without it
    aliases: tuple[str, ...] = ()
    pack: str = ""
    # Off until selected by its code, a prefix, its name or its pack (not by `ALL`), or
    # until its pack is named in `packs`: a province's rules do not apply to other reports.
    opt_in: bool = False
    # Set by configuration (`[severity]`): then every finding of the rule gets it, even one
    # the rule raised above its default (a blank 总计 beside non-zero parts).
    severity_override: Severity | None = None

    @property
    def summary(self) -> str:
        """First line of the docs."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    @property
    def summary_zh(self) -> str:
        """The Chinese summary: the docs' second paragraph if it is one line of Chinese, else ""."""
        paragraphs = self.doc.strip().split("\n#", 1)[0].split("\n\n")
        second = paragraphs[1].strip() if len(paragraphs) > 1 else ""
        # More Han characters than Latin letters: an English paragraph naming 表三 is not it.
        chinese = len(_HAN.findall(second)) > len(re.findall(r"[A-Za-z]", second))
        return second if "\n" not in second and chinese else ""

    def finding(
        self,
        span: Span,
        message: Text,
        *,
        help: Text | None = None,  # noqa: A002 - the field is called help in every output format
        expected: object | None = None,
        related: Related | None = None,
    ) -> Finding:
        """A finding of this rule at ``span``, with the rule's code and default severity."""
        return Finding(
            span=span,
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            help=help,
            expected=None if expected is None else str(expected),
            related=related,
        )


def validate_rule(rule: Rule) -> list[str]:
    """Problems with a rule's metadata (empty if it is well-formed)."""
    problems = []
    if not CODE_PATTERN.match(rule.code):
        problems.append(f"code {rule.code!r} is not two capitals and three digits")
    if not NAME_PATTERN.match(rule.name):
        problems.append(f"name {rule.name!r} is not kebab-case")
    position = 0
    for heading in DOC_HEADINGS:
        found = rule.doc.find(heading, position)
        if found < 0:
            problems.append(f"docs lack {heading!r} (in this order)")
        else:
            position = found
    return problems
