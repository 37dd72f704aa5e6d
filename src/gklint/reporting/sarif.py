"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub code scanning and the like).

Columns are counted in characters, which SARIF calls ``unicodeCodePoints``; files that
could not be read are tool notifications, so a dashboard shows them instead of a clean run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from gklint import __version__
from gklint.findings import Severity
from gklint.rules import Rule
from gklint.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"pack": rule.pack},
    }


def write_sarif(results: Sequence[FileResult], rules: Mapping[str, Rule], out: TextIO, *, lang: str) -> None:
    """Write one SARIF log with one run; ``rules`` describes the codes that may appear."""
    used = sorted({f.code for r in results for f in r.findings})
    index = {code: i for i, code in enumerate(c for c in used if c in rules)}
    findings = []
    for result in results:
        for f in result.findings:
            record: dict[str, Any] = {
                "ruleId": f.code,
                "level": LEVELS[f.severity],
                "message": {"text": f.message.get(lang) + (f"（{f.help.get(lang)}）" if f.help else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": result.path},
                            "region": {
                                "startLine": f.span.line,
                                "startColumn": f.span.column,
                                "endLine": f.span.end_line,
                                "endColumn": f.span.end_column,
                            },
                        }
                    }
                ],
            }
            if f.code in index:
                record["ruleIndex"] = index[f.code]
            if f.expected is not None:
                record["properties"] = {"expected": f.expected}
            findings.append(record)
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
                        "rules": [_rule(rules[code]) for code in index],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": findings,
                "invocations": [{"executionSuccessful": not unreadable, "toolExecutionNotifications": unreadable}],
            }
        ],
    }
    json.dump(log, out, ensure_ascii=False, indent=2)
    out.write("\n")
