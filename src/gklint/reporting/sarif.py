"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning and the like).

Columns are counted in characters, which SARIF calls ``unicodeCodePoints``; files that
could not be read are tool notifications, so a dashboard shows them instead of a clean run.
A file's ``uri`` is percent-encoded (a space, CJK or ``#`` in a name is not valid in a URI)
and relative to ``%SRCROOT%``, the working directory, given in ``originalUriBaseIds``; a
file outside it gets an absolute ``file:`` URI. Each rule carries its documentation as
``help``: plain text in ``text``, Markdown in ``markdown``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from gklint import __version__
from gklint.ast import Span
from gklint.findings import Finding, Severity
from gklint.reporting.ruledoc import body, join_paragraphs, summary
from gklint.rules import Rule
from gklint.runner import FileResult

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
STDIN = "-"
_URL = re.compile(r"https?://[^\s<>()`\"]+[^\s<>()`\".,;:]")
_HEADING = re.compile(r"^#+\s*", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def plain_text(markdown: str) -> str:
    """The Markdown of a rule's docs as plain text: no heading marks, fences or backticks."""
    lines = []
    fenced = False
    for line in markdown.split("\n"):
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        lines.append("    " + line if fenced and line.strip() else line)
    text = _HEADING.sub("", "\n".join(lines))
    return _LINK.sub(r"\1 (\2)", text).replace("`", "")


def _section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next heading ("" if there is none)."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^#|\Z)", markdown, re.MULTILINE | re.DOTALL)
    return found.group(1).strip() if found else ""


def help_uri(rule: Rule) -> str | None:
    """The first web address in the docs' References, if the rule's docs give one."""
    doc = rule.doc
    references = doc[doc.find("## References") :] if "## References" in doc else ""
    found = _URL.search(references)
    return found.group(0) if found else None


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    docs = join_paragraphs(body(rule))
    short = summary(rule, lang)
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": plain_text(_section(docs, "What it does")) or rule.summary},
        "help": {"text": f"{short}\n\n{plain_text(docs)}", "markdown": f"{short}\n\n{docs}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"pack": rule.pack},
    }
    uri = help_uri(rule)
    if uri is not None:
        descriptor["helpUri"] = uri
    return descriptor


def artifact_location(path: str, root: Path) -> dict[str, Any]:
    """Where ``path`` is: percent-encoded and relative to ``%SRCROOT%`` (``root``) if below it."""
    if path == STDIN:
        return {"description": {"text": "standard input"}}
    absolute = Path(path).absolute()
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _region(span: Span) -> dict[str, int]:
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
    }


def _result(result: FileResult, f: Finding, index: Mapping[str, int], root: Path, lang: str) -> dict[str, Any]:
    record: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message.get(lang) + (f"（{f.help.get(lang)}）" if f.help else "")},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(result.path, root), "region": _region(f.span)}}
        ],
    }
    if f.code in index:
        record["ruleIndex"] = index[f.code]
    if f.related is not None:
        # Last year's report, which a cross-year finding compares this one with.
        record["relatedLocations"] = [
            {
                "id": 1,
                "physicalLocation": {
                    "artifactLocation": artifact_location(f.related.path, root),
                    "region": _region(f.related.span),
                },
                "message": {"text": "上年报告" if lang == "zh" else "last year's report"},
            }
        ]
    if f.expected is not None:
        record["properties"] = {"expected": f.expected}
    return record


def write_sarif(results: Sequence[FileResult], rules: Mapping[str, Rule], out: TextIO, *, lang: str) -> None:
    """Write one SARIF log with one run; ``rules`` describes the codes that may appear."""
    root = Path.cwd()
    used = sorted({f.code for r in results for f in r.findings})
    index = {code: i for i, code in enumerate(c for c in used if c in rules)}
    findings = [_result(result, f, index, root, lang) for result in results for f in result.findings]
    unreadable = [
        {"level": "error", "message": {"text": f"{r.path}: {r.error.get(lang)}"}}
        for r in results
        if r.error is not None
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gklint",
                        "version": __version__,
                        "rules": [_rule(rules[code], lang) for code in index],
                    }
                },
                # A directory's URI ends in / so that relative URIs resolve inside it.
                "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": findings,
                "invocations": [{"executionSuccessful": not unreadable, "toolExecutionNotifications": unreadable}],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
