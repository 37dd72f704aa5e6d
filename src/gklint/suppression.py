"""Inline suppression: a comment in the report that silences findings on one line.

In a .txt or .md report it is an HTML comment at the end of a line, ``<!-- gklint:
ignore[DT002, stray-year] -->`` (codes or names, comma-separated; a bare ``gklint: ignore``
silences every rule). At the end of a line of text it covers that line; alone on its line
it covers the next one. In a .docx it is a Word comment (批注) whose text starts with
``gklint: ignore[…]``, covering the paragraph (or table row) it is anchored on.

NOTE: the readers take a text comment out of the canonical text together with the
spaces before it, so rules see exactly the report without it: a comment alone on its
line leaves an empty line (blank lines are nothing to the grammar), and every other
line, column and finding stays where it was. Internal errors (GK000) are never
suppressed. A comment that suppresses nothing is itself a finding, ``unused-suppression``
(GK001), for the codes of rules that ran on the file; a code of a rule that did not run
is not judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from gklint.ast import Span
from gklint.findings import Finding
from gklint.rules import Rule

UNUSED_SUPPRESSION = "GK001"
_NEVER_SUPPRESSED = frozenset({"GK000"})  # internal errors: a bug must always be seen

# The directive inside a comment; words may follow it (a reason: `ignore[DT002] 引用上年文件`).
# A bracket that does not close or lists nothing makes no directive (never a bare one).
_DIRECTIVE = re.compile(r"\s*gklint:\s*ignore(?:\s*\[(?P<rules>[^\]\n]*[^\]\s,，][^\]\n]*)\])?(?!\s*\[)(?=\s|$)")
# An HTML comment holding a directive, from its `<!--` to the end of the line.
_TEXT_COMMENT = re.compile(r"<!--(?P<body>\s*gklint:(?:(?!-->).)*)-->[ \t\u3000]*")
# Spaces before a comment go with it; a TAB stays, as it ends a table cell (left empty).
_SPACES = " \u3000"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment.

    ``span`` is where it stands in the canonical text (a text comment, taken out, is an
    empty span where it began; a Word comment, the first line of its paragraph);
    ``lines`` are the canonical lines whose findings it suppresses; ``rules`` the codes
    and names as written (empty: every rule); ``text`` the directive as written.
    """

    span: Span
    lines: tuple[int, ...]
    rules: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Unused:
    """A suppression comment, or some of the rules it names, that suppressed nothing.

    ``rules`` are the entries that suppressed nothing (empty for a bare comment); ``whole``
    says whether that is all the comment names.
    """

    suppression: Suppression
    rules: tuple[str, ...]
    whole: bool


def directive(text: str) -> tuple[tuple[str, ...], str] | None:
    """The rules a directive at the start of ``text`` names (``()``: all) and the directive
    as written; None if ``text`` does not start with one."""
    match = _DIRECTIVE.match(text)
    if match is None:
        return None
    written = " ".join(match.group(0).split())
    listed = match.group("rules")
    if listed is None:
        return (), written
    return tuple(dict.fromkeys(part.strip() for part in re.split("[,，]", listed) if part.strip())), written


def take_text_comments(text: str) -> tuple[str, tuple[Suppression, ...]]:
    """``text`` without its suppression comments, and the suppressions they make.

    A comment counts only at the end of a line; anywhere else it is left as text.
    """
    if "gklint:" not in text:
        return text, ()
    lines = text.split("\n")
    found: list[Suppression] = []
    offset = 0
    for number, line in enumerate(lines, 1):
        start = line.rfind("<!--") if "gklint:" in line else -1
        match = _TEXT_COMMENT.fullmatch(line, start) if start >= 0 else None
        parsed = directive(match.group("body")) if match else None
        if parsed is not None:
            kept = line[:start].rstrip(_SPACES)
            alone = not kept.strip("\t")
            kept = "" if alone else kept
            at = offset + len(kept)
            span = Span(at, at, number, len(kept) + 1, number, len(kept) + 1)
            rules, written = parsed
            found.append(Suppression(span=span, lines=(number + 1,) if alone else (number,), rules=rules, text=written))
            lines[number - 1] = line = kept
        offset += len(line) + 1
    return "\n".join(lines), tuple(found)


@dataclass(frozen=True, slots=True)
class Outcome:
    """Findings after suppression: those kept, those suppressed, and the comments unused."""

    kept: list[Finding]
    suppressed: list[Finding]
    unused: tuple[Unused, ...]


def apply(findings: Sequence[Finding], suppressions: Iterable[Suppression], ran: Iterable[Rule]) -> Outcome:
    """Suppress ``findings`` by ``suppressions``; ``ran`` are the rules that ran on the file."""
    suppressions = tuple(suppressions)
    if not suppressions:
        return Outcome(list(findings), [], ())
    codes: dict[str, str] = {}  # code, alias (upper case) or name -> code of a rule that ran
    for rule in ran:
        codes.update({key: rule.code for key in (rule.code, *rule.aliases, rule.name.upper())})
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    used: set[tuple[int, str | None]] = set()  # (suppression, code), or code None for a bare one
    for finding in findings:
        hits = [
            (index, None if not s.rules else finding.code)
            for index, s in enumerate(suppressions)
            if finding.span.line in s.lines
            and finding.code not in _NEVER_SUPPRESSED
            and (not s.rules or any(codes.get(r.upper()) == finding.code for r in s.rules))
        ]
        used.update(hits)
        (suppressed if hits else kept).append(replace(finding, suppressed=True) if hits else finding)
    unused = []
    for index, s in enumerate(suppressions):
        if not s.rules:
            if (index, None) not in used:
                unused.append(Unused(s, (), whole=True))
            continue
        idle = tuple(r for r in s.rules if r.upper() in codes and (index, codes[r.upper()]) not in used)
        if idle:
            unused.append(Unused(s, idle, whole=len(idle) == len(s.rules)))
    return Outcome(kept, suppressed, tuple(unused))
