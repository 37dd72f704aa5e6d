"""Machine-readable output: one JSON object for the whole run (schema in the README).

It is written as the run goes (`JsonWriter`): a file's findings as soon as it is checked,
so a run's memory does not grow with its findings; only each file's entry of ``files``
(a few lines of text) waits for the end.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Sequence
from typing import IO, Any, TextIO

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


def file_record(r: FileResult, lang: str) -> dict[str, Any]:
    """A file's entry of ``files``: whether and how it was read and checked."""
    return {
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


def write_json(results: Sequence[FileResult], out: TextIO, *, lang: str) -> None:
    """Write ``{"findings": [...], "files": [...]}``."""
    writer = JsonWriter(out, lang=lang)
    for result in results:
        writer.file(result)
    writer.finish()


class JsonWriter:
    """Writes the JSON object file by file; the bytes are json.dump's with ``indent=2``."""

    def __init__(self, out: TextIO, *, lang: str) -> None:
        self.out, self._lang = out, lang
        self._findings = 0
        # The ``files`` entries are written last, after every finding: kept until then in a
        # temporary file past 1 MB, so a run of any size holds none of them in memory.
        self._files: IO[str] = tempfile.SpooledTemporaryFile(max_size=1 << 20, mode="w+", encoding="utf-8")
        self._entries = 0
        out.write('{\n  "findings": [')

    def file(self, result: FileResult) -> None:
        """Write the file's findings; keep its entry of ``files`` for the end."""
        for record in finding_records([result], self._lang):
            self.out.write((",\n" if self._findings else "\n") + _nested(record))
            self._findings += 1
        self._files.write((",\n" if self._entries else "\n") + _nested(file_record(result, self._lang)))
        self._entries += 1

    def finish(self) -> None:
        """Close ``findings`` and write ``files``."""
        out = self.out
        out.write("\n  ]" if self._findings else "]")
        out.write(',\n  "files": [')
        self._files.seek(0)
        shutil.copyfileobj(self._files, out)
        self._files.close()
        out.write("\n  ]" if self._entries else "]")
        out.write("\n}\n")


def _nested(record: dict[str, Any]) -> str:
    """``record`` as json.dump with ``indent=2`` writes it as an item of a list in the top object."""
    # A JSON string never holds a raw line break, so every line is one of the structure's.
    return "    " + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")
