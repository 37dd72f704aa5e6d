"""What `gklint check` reports on the whole corpus, finding by finding, against the record in
``findings.txt``: a change meant only to be faster (issue 13) or to reorganise the code must
leave it as it is, and a change of what the rules find shows here as a diff to review.

After a change of the findings that is meant, review the diff and write the new record with
``GKLINT_UPDATE_SNAPSHOT=1 python -m pytest tests/corpus/test_snapshot.py``.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from gklint.cli import main

RECORD = Path(__file__).with_name("findings.txt")
FOLDERS = ("real", "partial", "peer")


def _line(finding: dict[str, object]) -> str:
    where = f"{finding['path']}:{finding['line']}:{finding['column']}-{finding['end_line']}:{finding['end_column']}"
    expected = "" if finding["expected"] is None else f" → {finding['expected']}"
    suppressed = " (suppressed)" if finding["suppressed"] else ""
    return f"{where} {finding['code']} {finding['severity']}{suppressed} {finding['message']}{expected}"


def test_the_corpus_findings_are_the_recorded_ones(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(corpus)
    # As a user runs it on the three folders (reports paired with last year's), no config.
    code = main(["check", "--isolated", "--no-progress", "--format", "json", *FOLDERS])
    out = capsys.readouterr().out
    assert code == 1, out[-2000:]
    found = [_line(f) for f in json.loads(out)["findings"]]
    if os.environ.get("GKLINT_UPDATE_SNAPSHOT"):
        RECORD.write_text("".join(f"{line}\n" for line in found), encoding="utf-8")
    recorded = RECORD.read_text(encoding="utf-8").splitlines()
    diff = "\n".join(difflib.unified_diff(recorded, found, "findings.txt", "now", lineterm="", n=0))
    assert found == recorded, f"{len(recorded)} findings recorded, {len(found)} now:\n{diff}"
