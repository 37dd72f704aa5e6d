"""Machine-readable output: one JSON object for the whole run (schema in the README)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from gklint.readers.locate import locate
from gklint.runner import FileResult


def finding_records(results: Sequence[FileResult], lang: str) -> list[dict[str, Any]]:
    """One flat record per finding, in file then position order."""
    records = []
    for result in results:
        for f in result.findings:
            where = locate(result.source, f.span)
            record: dict[str, Any] = {
                "path": result.path,
                "line": f.span.line,
                "column": f.span.column,
                # Where the finding is in the original .docx/HTML/PDF; null for text files.
                "source": where.as_dict(lang) if where else None,
                "end_line": f.span.end_line,
                "end_column": f.span.end_column,
                "code": f.code,
                "rule": f.rule,
                "severity": str(f.severity),
                "message": f.message.get(lang),
                "help": f.help.get(lang) if f.help else None,
                "expected": f.expected,
                # Silenced by a gklint: ignore comment (listed with --show-suppressed only).
                "suppressed": f.suppressed,
                # The place in last year's report a cross-year finding compares with.
                "related": (
                    {
                        "path": f.related.path,
                        "line": f.related.span.line,
                        "column": f.related.span.column,
                        "end_line": f.related.span.end_line,
                        "end_column": f.related.span.end_column,
                    }
                    if f.related
                    else None
                ),
            }
            records.append(record)
    return records


def write_json(results: Sequence[FileResult], out: TextIO, *, lang: str) -> None:
    """Write ``{"findings": [...], "files": [...]}``."""
    files = [
        {
            "path": r.path,
            "status": "ok" if r.ok else "internal-error" if r.internal else "error",
            "error": r.error.get(lang) if r.error else None,
            "encoding": r.source.encoding if r.source else None,
            # The report year the rules used and where it was read (option, title, or inferred
            # from the preamble, body, signature or period; see report-year-inferred).
            "year": r.year,
            "year_source": r.year_source,
            # Last year's report it was compared with; the candidates when several could be.
            "previous": r.previous,
            "previous_candidates": list(r.candidates),
        }
        for r in results
    ]
    json.dump({"findings": finding_records(results, lang), "files": files}, out, ensure_ascii=False, indent=2)
    out.write("\n")
