"""JSON written file by file is byte for byte the one object json.dump wrote (issue 13).

`JsonWriter` writes each file's findings as the file is checked, so a run keeps no result;
its output must stay the single ``json.dump(..., indent=2)`` of the README's schema.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gklint.batch import Job, check_paths
from gklint.cli import main
from gklint.findings import Text
from gklint.project import Options, Project
from gklint.reporting.base import summarize
from gklint.reporting.json import file_record, finding_records, write_json
from gklint.runner import FileResult
from tests.conftest import ROOT, corpus_dir

DEMO = str(ROOT / "examples" / "demo-2024.txt")
CORPUS = corpus_dir()


def _dumped(results: list[FileResult], lang: str) -> str:
    """The output as it was written before streaming: one json.dump of the whole object."""
    whole = {"findings": finding_records(results, lang), "files": [file_record(r, lang) for r in results]}
    return json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def _results(paths: list[str], lang: str = "zh") -> list[FileResult]:
    project = Project(Options(isolated=True))
    return list(check_paths(project, Job(options=project.options, lang=lang, max_bytes=1 << 24), paths, jobs=1))


def _written(results: list[FileResult], lang: str) -> str:
    out = io.StringIO()
    write_json(results, out, lang=lang)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_streamed_json_is_the_dumped_object(tmp_path: Path, lang: str) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("（空）\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [DEMO, str(clean), str(empty)]
    if CORPUS is not None:
        paths += [str(p) for p in sorted((CORPUS / "real").glob("*.txt"))[:12]]
    results = _results(paths, lang)
    assert sum(len(r.findings) for r in results) > 20 and any(r.error for r in results)
    for chosen in (results, results[1:3], results[2:3], []):  # with and without findings, none at all
        assert _written(chosen, lang) == _dumped(chosen, lang)


def test_the_command_streams_the_same_bytes_to_stdout_and_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    argv = ["check", "--isolated", "--format", "json", DEMO, str(empty)]
    assert main(argv) == 2
    printed = capsys.readouterr().out
    assert printed == _dumped(_results([DEMO, str(empty)]), "zh")
    target = tmp_path / "out.json"
    assert main([*argv, "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == printed


def test_a_summary_kept_file_by_file_is_the_summary_of_all(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths = [DEMO, str(empty)] + ([str(p) for p in sorted((CORPUS / "real").glob("*.txt"))[:8]] if CORPUS else [])
    results = _results(paths)
    kept = summarize([])
    for result in results:
        kept = kept.plus(summarize([result]))
    assert kept == summarize(results)
    assert kept.unreadable == 1 and len(kept.by_rule) > 3


def test_the_files_entries_of_a_long_run_are_written_after_the_findings() -> None:
    # Past a megabyte the entries wait in a temporary file: the bytes are the same.
    results = _results([DEMO])
    results += [
        FileResult(path=f"reports/{i:05d}-不存在.txt", error=Text(zh="无法读取", en="missing")) for i in range(6000)
    ]
    written = _written(results, "zh")
    assert len(written) - written.index('"files": [') > 1 << 20  # more than the spool keeps in memory
    assert written == _dumped(results, "zh")
