"""Fuzzing the whole check: damaged bytes of real reports as .txt, .html and .docx.

Whatever the bytes, a file ends as findings or a one-line read error: no exception
escapes the readers (an internal error), no rule crashes (GK000), and no file runs into
the time budget.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gklint.plugins import RuleSet
from gklint.runner import check_file, contain
from tests.conftest import SAMPLES
from tests.readers.builders import build_docx, build_html

# A clean report cut to its first sections and tables keeps each example fast.
TEXT = "\n".join((SAMPLES / "clean-2024.txt").read_text(encoding="utf-8").split("\n")[:60]) + "\n"
BUDGET = 10.0


@cache
def original(suffix: str) -> bytes:
    if suffix == ".docx":
        return build_docx(TEXT, word_numbering=True)
    if suffix == ".html":
        return build_html(TEXT)
    return TEXT.encode("utf-8")


# One edit: overwrite, insert or delete a run of bytes, or cut the file there.
EDIT = st.tuples(
    st.sampled_from(["overwrite", "insert", "delete", "truncate"]),
    st.floats(min_value=0, max_value=1),
    st.binary(min_size=1, max_size=16),
)


def damage(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, junk in edits:
        at = int(where * len(out))
        if kind == "overwrite":
            out[at : at + len(junk)] = junk
        elif kind == "insert":
            out[at:at] = junk
        elif kind == "delete":
            del out[at : at + len(junk)]
        else:
            del out[at:]
    return bytes(out)


def damage_docx_part(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    """Damage the XML inside the archive, where a byte-level edit would only break the zip."""
    source = zipfile.ZipFile(io.BytesIO(data))
    member = "word/document.xml" if edits and edits[0][1] < 0.7 else "word/numbering.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            content = source.read(info)
            out.writestr(info.filename, damage(content, edits) if info.filename == member else content)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    suffix=st.sampled_from([".txt", ".html", ".docx"]),
    edits=st.lists(EDIT, min_size=1, max_size=4),
    inside=st.booleans(),
)
def test_damaged_reports_end_in_findings_or_a_read_error(
    ruleset: RuleSet, folder: Path, suffix: str, edits: list[tuple[str, float, bytes]], inside: bool
) -> None:
    data = original(suffix)
    data = damage_docx_part(data, edits) if suffix == ".docx" and inside else damage(data, edits)
    path = folder / f"report{suffix}"
    path.write_bytes(data)

    result = contain(str(path), BUDGET, lambda: check_file(str(path), ruleset.rules))

    assert not result.internal, result.error
    assert result.error is None or "--timeout-per-file" not in result.error.en, result.error
    crashes = [f.message.en for f in result.findings if f.code == "GK000"]
    assert not crashes, crashes
