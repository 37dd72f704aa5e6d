"""Declarative rule packs: rules written in TOML by reviewers who do not write Python.

A pack file has a ``[pack]`` table (``name``, optional ``description``) and one
``[[rule]]`` table per rule with ``code``, ``name``, ``severity``, ``message`` (Chinese;
``message-en`` optional), optional ``help``/``help-en``, ``why``, ``example`` and
``use-instead``, and a ``kind`` with its own keys:

- ``mention``: section ``section`` (1–6) must mention one of the phrases ``any``;
- ``forbid``: none of ``phrases`` may appear (in ``section``, or anywhere if omitted);
- ``heading``: section ``section``'s heading must read exactly ``text``;
- ``cell``: the comparison ``check`` between table cells must hold (`gklint.cellexpr`).

The pack is validated when loaded: every problem is a `ConfigError` naming the file and
the line. A loaded pack is a pluggy plugin like any other; its ``gklint_rules`` hook
returns the rules, so codes are validated and de-duplicated with the installed packs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pluggy

from gklint.ast import Heading, Paragraph, SubHeading, Title
from gklint.cellexpr import Expression, ExpressionError
from gklint.cellexpr import parse as parse_expression
from gklint.config import ConfigError, read_toml
from gklint.findings import Finding, Severity, Text
from gklint.model import Report
from gklint.normalize import label
from gklint.rules import CODE_PATTERN, NAME_PATTERN, Rule, RuleContext

hookimpl = pluggy.HookimplMarker("gklint")

COMMON = {
    "code",
    "name",
    "severity",
    "kind",
    "message",
    "message-en",
    "help",
    "help-en",
    "why",
    "example",
    "use-instead",
}
KINDS: dict[str, tuple[set[str], set[str]]] = {  # kind -> (required keys, optional keys)
    "mention": ({"section", "any"}, set()),
    "forbid": ({"phrases"}, {"section"}),
    "heading": ({"section", "text"}, set()),
    "cell": ({"check"}, set()),
}
_RULE_HEADER = re.compile(r"^\s*\[\[\s*rule\s*\]\]")


@dataclass(frozen=True)
class TomlPack:
    """A loaded declarative pack: a plugin object whose hook returns its rules."""

    name: str
    path: Path
    rules: tuple[Rule, ...]

    @hookimpl
    def gklint_rules(self) -> list[Rule]:
        """The pack's rules."""
        return list(self.rules)


def load_pack(path: Path) -> TomlPack:
    """Read and validate a TOML pack; raises `ConfigError` with the file and line."""
    text, data = read_toml(path, "the rule pack")
    locate = _Locator(path, text)
    unknown = set(data) - {"pack", "rule"}
    if unknown:
        key = sorted(unknown)[0]
        raise locate.error(f"unknown table or key {key!r} (a pack has [pack] and [[rule]])", None, key)
    pack = data.get("pack")
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str) or not pack["name"].strip():
        raise locate.error("the [pack] table needs a name", None, "name")
    if set(pack) - {"name", "description"}:
        raise locate.error(f"unknown key in [pack]: {sorted(set(pack) - {'name', 'description'})[0]!r}", None, "pack")
    rules = data.get("rule", [])
    if not isinstance(rules, list) or not rules:
        raise locate.error("a pack needs at least one [[rule]]", None, "rule")
    built = tuple(_rule(entry, index, locate, pack["name"]) for index, entry in enumerate(rules))
    return TomlPack(pack["name"], path, built)


class _Locator:
    """Turns a problem in the n-th ``[[rule]]`` into an error at the right line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.lines = path, text.splitlines()
        self.starts = [n for n, line in enumerate(self.lines, 1) if _RULE_HEADER.match(line)]

    def error(self, message: str, index: int | None, key: str | None = None) -> ConfigError:
        first, last = 1, len(self.lines)
        if index is not None and index < len(self.starts):
            first = self.starts[index]
            last = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.lines)
        line = first if index is not None else None
        if key is not None:
            pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=|^\s*\[+\s*{re.escape(key)}\s*\]")
            line = next((n for n in range(first, last + 1) if pattern.match(self.lines[n - 1])), line)
        where = f"rule {index + 1}: " if index is not None else ""
        return ConfigError(where + message, self.path, line)


def _rule(entry: dict[str, Any], index: int, locate: _Locator, pack: str) -> Rule:
    def fail(message: str, key: str | None = None) -> ConfigError:
        return locate.error(message, index, key)

    kind = entry.get("kind")
    if kind not in KINDS:
        raise fail(f"kind must be one of {', '.join(KINDS)}, not {kind!r}", "kind")
    required, optional = KINDS[kind]
    for key in sorted(set(entry) - COMMON - required - optional):
        raise fail(f"unknown key {key!r} for a {kind!r} rule", key)
    for key in sorted({"code", "name", "severity", "message"} | required):
        if key not in entry:
            raise fail(f"missing key {key!r}", None)
    for key in sorted(COMMON - {"kind"}):
        if key in entry and not isinstance(entry[key], str):
            raise fail(f"{key} must be a string", key)
    if not CODE_PATTERN.match(entry["code"]):
        raise fail(f"code {entry['code']!r} is not two capitals and three digits (e.g. XC001)", "code")
    if not NAME_PATTERN.match(entry["name"]):
        raise fail(f"name {entry['name']!r} is not kebab-case", "name")
    try:
        severity = Severity.parse(entry["severity"])
    except ValueError as exc:
        raise fail(str(exc), "severity") from None
    if "section" in entry and entry["section"] not in range(1, 7):
        raise fail("section must be a number from 1 to 6", "section")
    for key in ("any", "phrases"):
        if key in entry and not (
            isinstance(entry[key], list) and entry[key] and all(isinstance(p, str) and p for p in entry[key])
        ):
            raise fail(f"{key} must be a non-empty list of phrases", key)
    if kind == "cell":
        try:
            expression = parse_expression(str(entry["check"]))
        except ExpressionError as exc:
            raise fail(f"check: {exc}", "check") from None
        bad = [ref for ref in expression.refs if not _known_cell(ref)]
        if bad:
            raise fail(f"check: unknown table cell {bad[0]!r}", "check")
    message = Text(zh=entry["message"], en=entry.get("message-en", entry["message"]))
    help_text = Text(zh=entry["help"], en=entry.get("help-en", entry["help"])) if "help" in entry else None
    check = _CHECKS[kind](entry, message, help_text)
    return Rule(
        code=entry["code"], name=entry["name"], severity=severity, check=check, doc=_doc(entry, pack), pack=pack
    )


def _known_cell(ref: str) -> bool:
    """Whether ``ref`` names a cell of table 二, 三 or 四 in some template."""
    from gklint.tables.spec import templates  # noqa: PLC0415 - only cell rules need the table templates

    table, row, column = ref.split(".")
    for template in templates().values():
        if table == "t2":
            blocks = [(b.rows, b.columns) for b in template.t2]
        else:
            grid = template.t3 if table == "t3" else template.t4
            blocks = [(grid.rows if table == "t3" else grid.groups, grid.columns)]
        if any(row in {r.key for r in rows} and column in {c.key for c in columns} for rows, columns in blocks):
            return True
    return False


def _doc(entry: dict[str, Any], pack: str) -> str:
    what = {
        "mention": lambda: f"Section {entry['section']} must mention one of: {', '.join(entry['any'])}.",
        "forbid": lambda: f"These phrases must not appear{_where(entry)}: {', '.join(entry['phrases'])}.",
        "heading": lambda: f"The heading of section {entry['section']} must read exactly `{entry['text']}`.",
        "cell": lambda: f"The table cells must satisfy `{entry['check']}`.",
    }[entry["kind"]]()
    example = entry.get("example", "(not given in the pack)")
    use = entry.get("use-instead", "(not given in the pack)")
    return (
        f"{entry['message']}\n\n## What it does\n{what}\n\n## Why is this bad?\n"
        f"{entry.get('why', f'The {pack} rule pack requires it.')}\n\n## Example\n```text\n{example}\n```\n\n"
        f"Use instead:\n```text\n{use}\n```\n\n## References\n- declarative rule pack `{pack}`\n"
    )


def _where(entry: dict[str, Any]) -> str:
    return f" in section {entry['section']}" if "section" in entry else ""


Check = Callable[[Report, RuleContext], Iterator[Finding]]


def _mention(entry: dict[str, Any], message: Text, help_text: Text | None) -> Check:
    phrases = [label(p) for p in entry["any"]]

    def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
        section = report.section(entry["section"])
        if section is not None and not any(p in label(section.text()) for p in phrases):
            yield _finding(entry, section.heading.span, message, help_text)

    return check


def _forbid(entry: dict[str, Any], message: Text, help_text: Text | None) -> Check:
    def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
        lines: tuple[Title | Heading | SubHeading | Paragraph, ...]
        if "section" in entry:
            section = report.section(entry["section"])
            lines = section.prose if section is not None else ()
        else:
            lines = report.prose
        for line in lines:
            for phrase in entry["phrases"]:
                for match in re.finditer(re.escape(phrase), line.text):
                    span = (
                        line.span.sub(match.start(), len(phrase)) if line.span.line == line.span.end_line else line.span
                    )
                    yield _finding(entry, span, message, help_text)

    return check


def _heading(entry: dict[str, Any], message: Text, help_text: Text | None) -> Check:
    def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
        section = report.section(entry["section"])
        if section is not None and label(section.heading.text) != label(entry["text"]):
            yield _finding(entry, section.heading.span, message, help_text, expected=entry["text"])

    return check


def _cell(entry: dict[str, Any], message: Text, help_text: Text | None) -> Check:
    expression: Expression = parse_expression(entry["check"])

    def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
        cells = {ref: _lookup(report, ref) for ref in expression.refs}
        sides = expression.sides(lambda ref: cells[ref].number if cells[ref] is not None else None)
        if sides is None or expression.holds(*sides):
            return  # an absent table or cell is the table rules' finding, not this one's
        first = cells[expression.refs[0]]
        detail = f"（{sides[0]} {expression.op} {sides[1]} 不成立）"
        shown = Text(zh=message.zh + detail, en=f"{message.en} ({sides[0]} {expression.op} {sides[1]} is false)")
        yield _finding(entry, first.span, shown, help_text)

    return check


def _lookup(report: Report, ref: str) -> Any:
    table, row, column = ref.split(".")
    stat = {"t2": report.table2, "t3": report.table3, "t4": report.table4}[table]
    return stat.get(row, column) if stat is not None else None


def _finding(
    entry: dict[str, Any], span: Any, message: Text, help_text: Text | None, expected: str | None = None
) -> Finding:
    return Finding(
        span=span,
        code=entry["code"],
        rule=entry["name"],
        severity=Severity.parse(entry["severity"]),
        message=message,
        help=help_text,
        expected=expected,
    )


_CHECKS: dict[str, Callable[[dict[str, Any], Text, Text | None], Check]] = {
    "mention": _mention,
    "forbid": _forbid,
    "heading": _heading,
    "cell": _cell,
}
