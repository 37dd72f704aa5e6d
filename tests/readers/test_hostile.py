"""Hostile and broken inputs end as a clear per-file error, fast, in bounded memory.

Each run is ``gklint check`` in a child process under a 1.5 GB address-space limit (the
acceptance bound: an allocation past it fails instead of swapping the machine), so that
its peak memory can be measured on its own (lxml and zlib allocate outside
tracemalloc's view).
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from gklint.cli import main
from tests.readers.builders import build_docx

SMALL_REPORT = "# 某局2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度工作正常开展。\n"
# A zip member of zeros: a few hundred KB on disk, 256 MB inflated.
BOMB_MB = 256
# Generous: a normal run of one file peaks near 100 MB; inflating the bomb would pass 256.
MAX_RSS_MB = 200
MAX_SECONDS = 5.0


def _docx_with(member: str, payload: bytes | None = None, *, zeros_mb: int = 0, base: bytes | None = None) -> bytes:
    """The small report as .docx (or ``base``), with ``member`` replaced by ``payload`` or by zeros."""
    original = zipfile.ZipFile(io.BytesIO(base or build_docx(SMALL_REPORT)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in original.infolist():
            if info.filename != member:
                out.writestr(info.filename, original.read(info))
        if payload is not None:
            out.writestr(member, payload)
        else:
            with out.open(member, "w", force_zip64=True) as stream:
                chunk = bytes(1 << 20)
                for _ in range(zeros_mb):
                    stream.write(chunk)
    return buffer.getvalue()


def _lie_about_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the central directory so ``member`` declares ``size`` bytes uncompressed."""
    name = member.encode()
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            break
        at += 4
    # Uncompressed size at offset 24 of a central directory header (0xFFFFFFFF: see zip64 extra).
    extra_length = struct.unpack_from("<H", data, at + 30)[0]
    extra = bytearray(data[at + 46 + name_length : at + 46 + name_length + extra_length])
    patched = bytearray(data)
    if struct.unpack_from("<I", data, at + 24)[0] == 0xFFFFFFFF:
        # zip64 extra field (id 1): uncompressed size first, then compressed size.
        struct.pack_into("<Q", extra, 4, size)
        patched[at + 46 + name_length : at + 46 + name_length + extra_length] = extra
    else:
        struct.pack_into("<I", patched, at + 24, size)
    return bytes(patched)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE w:document [' + "".join(entities) + "]>\n"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def _hostile(kind: str, tmp_path: Path) -> Path:
    if kind == "zip-bomb":
        path = tmp_path / "bomb.docx"
        path.write_bytes(_docx_with("word/media/zeros.bin", zeros_mb=BOMB_MB))
    elif kind == "zip-bomb-lying-sizes":
        path = tmp_path / "liar.docx"
        data = _docx_with("word/media/zeros.bin", zeros_mb=BOMB_MB)
        path.write_bytes(_lie_about_size(data, "word/media/zeros.bin", 1000))
    elif kind == "entity-expansion":
        path = tmp_path / "laughs.docx"
        path.write_bytes(_docx_with("word/document.xml", _billion_laughs()))
    elif kind == "truncated":
        path = tmp_path / "truncated.docx"
        data = build_docx(SMALL_REPORT)
        path.write_bytes(data[: len(data) // 2])
    elif kind == "encrypted":
        path = tmp_path / "protected.docx"
        path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(4096))
    elif kind == "60mb-text":
        path = tmp_path / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(60 * (1 << 20))
    elif kind == "deep-html":
        path = tmp_path / "deep.html"
        depth = 100_000
        path.write_text("<html><body>" + "<div>" * depth + "一、总体情况" + "</div>" * depth + "</body></html>")
    else:
        raise AssertionError(kind)
    return path


EXPECTED = {
    "zip-bomb": "zip bomb",
    "zip-bomb-lying-sizes": "damaged",
    "entity-expansion": "DTD",
    "truncated": "damaged or truncated",
    "encrypted": "encrypted (password-protected) .docx or a legacy",
    "60mb-text": "over the 50 MB limit",
    "deep-html": "nested too deeply",
}
# The acceptance bound for every hostile case (a normal run maps about 300 MB).
ADDRESS_SPACE = 1536 << 20
_CHILD = r"""
import json, re, resource, sys, time
from pathlib import Path
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from gklint.cli import main
start = time.perf_counter()
code = main(["check", "--format", "json", "--lang", "en", "--isolated", "--timeout-per-file", "20", *sys.argv[2:]])
seconds = time.perf_counter() - start
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across fork and exec, so a child of a big
# pytest process would report the parent's memory.
peak_kb = int(re.search(r"VmHWM:\s+(\d+)", Path("/proc/self/status").read_text())[1])
print(json.dumps({"code": code, "seconds": seconds, "rss_mb": peak_kb / 1024}), file=sys.stderr)
"""


@pytest.mark.parametrize("kind", EXPECTED)
def test_hostile_input_is_a_clear_error_fast_and_small(kind: str, tmp_path: Path) -> None:
    path = _hostile(kind, tmp_path)
    run = _child(path)
    assert "Traceback" not in run.stderr, run.stderr
    report = json.loads(run.stdout)
    stats = json.loads(run.stderr.strip().splitlines()[-1])
    [entry] = report["files"]
    assert entry["status"] == "error"
    assert EXPECTED[kind] in entry["error"], entry["error"]
    assert stats["code"] == 2
    assert stats["seconds"] < MAX_SECONDS, stats
    assert stats["rss_mb"] < MAX_RSS_MB, stats


def _child(*paths: Path) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-c", _CHILD, str(ADDRESS_SPACE), *map(str, paths)]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, env=os.environ)


# ---------------------------------------------------------------- the cases of issue 12
# Each is one file of a batch: its expected status, and a phrase of its error message.
SPACED_REPORT = SMALL_REPORT + "\n项目\t数量\n本年新增\t3\n"


def _numbered_docx(*, ilvl: str = "0", start: str = "1") -> bytes:
    data = build_docx(SMALL_REPORT, word_numbering=True)
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    level = '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    assert numbering.count(level) == 1
    hostile = f'<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
    return _docx_with("word/numbering.xml", numbering.replace(level, hostile).encode(), base=data)


def _long_labels_docx() -> bytes:
    """A level drawing "%2" fifty times from 32767 in lowerLetter (1,261 letters each):
    without a bound, 60 KB of paragraphs alternating levels render gigabytes of labels."""
    data = build_docx(SMALL_REPORT, word_numbering=True)
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    levels = (
        '<w:abstractNum w:abstractNumId="77">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="32767"/><w:numFmt w:val="lowerLetter"/>'
        f'<w:lvlText w:val="{"%2" * 50}"/></w:lvl></w:abstractNum><w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>'
    )
    numbering = numbering.replace("</w:numbering>", levels + "</w:numbering>")
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    item = '<w:p><w:pPr><w:numPr><w:ilvl w:val="{}"/><w:numId w:val="77"/></w:numPr></w:pPr></w:p>'
    document = document.replace("</w:body>", (item.format(0) + item.format(1)) * 1000 + "</w:body>")
    data = _docx_with("word/numbering.xml", numbering.encode(), base=data)
    return _docx_with("word/document.xml", document.encode(), base=data)


def _table_docx(edit: object) -> bytes:
    data = build_docx(SPACED_REPORT)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return _docx_with("word/document.xml", edit(document).encode(), base=data)  # type: ignore[operator]


def _grid_before(document: str) -> str:
    assert "<w:tr>" in document
    return document.replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="100000000"/></w:trPr>', 1)


def _empty_rows(document: str) -> str:
    wide = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>'
    return document.replace("</w:body>", f"<w:tbl>{wide}{'<w:tr/>' * 20_000}</w:tbl></w:body>")


def _html(body: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><h1>某局2023年政府信息公开工作年度报告</h1>{body}</body></html>".encode()


def _pdf_bomb() -> bytes:
    """One page whose content stream inflates to 64 MB of zeros (64 KB on disk)."""
    inflate = zlib.compressobj(9)
    stream = b"".join(inflate.compress(bytes(1 << 20)) for _ in range(64)) + inflate.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("user", "owner"))
    page.drawString(100, 700, "report")
    page.showPage()
    page.save()
    return buffer.getvalue()


ISSUE_CASES = {
    # name: (builder, expected status, phrase of the error or None)
    "numbering-ilvl-abc.docx": (lambda: _numbered_docx(ilvl="abc"), "ok", None),
    "numbering-start-huge.docx": (lambda: _numbered_docx(start="1" + "0" * 300), "error", "301-digit number"),
    "numbering-start-2600000000.docx": (lambda: _numbered_docx(start="2600000000"), "error", "outside Word's range"),
    "numbering-labels-long.docx": (_long_labels_docx, "error", "a list label renders to 250 characters"),
    "heading-lines.txt": (lambda: ("一、总体情况\n（一）主动公开\n" * 40_000).encode(), "error", "more than 50000"),
    "paragraphs.docx": (
        lambda: _table_docx(lambda document: document.replace("</w:body>", "<w:p/>" * 60_000 + "</w:body>")),
        "error",
        "more than 50000 paragraphs",
    ),
    "grid-before.docx": (lambda: _table_docx(_grid_before), "error", "wider than 1000 columns"),
    "empty-rows.docx": (lambda: _table_docx(_empty_rows), "error", "20001 rows"),
    "undefined-charset.html": (
        lambda: _html("<h2>一、总体情况</h2><p>本年度工作正常开展。</p>", '<meta charset="undefined">'),
        "ok",
        None,
    ),
    "colspan-rows.html": (
        lambda: _html('<table><tr><td colspan="1000">x</td></tr>' + "<tr></tr>" * 20_000 + "</table>"),
        "error",
        "rows, more than",
    ),
    "bomb.pdf": (_pdf_bomb, "error", "PDF bomb"),
    "encrypted.pdf": (_encrypted_pdf, "error", "password-protected"),
}


def test_every_hostile_file_of_a_batch_ends_in_a_result_and_the_others_are_reported(tmp_path: Path) -> None:
    """The cases of issue 12 in one run: each file gets its own result, the run stays
    within the address-space limit and seconds, and the good file's findings are there."""
    for name, (build, _, _) in ISSUE_CASES.items():
        (tmp_path / name).write_bytes(build())  # type: ignore[operator]
    (tmp_path / "good.txt").write_text(SMALL_REPORT, encoding="utf-8")

    run = _child(tmp_path)

    assert "Traceback" not in run.stderr, run.stderr
    report = json.loads(run.stdout)
    stats = json.loads(run.stderr.strip().splitlines()[-1])
    files = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert set(files) == {*ISSUE_CASES, "good.txt"}
    for name, (_, status, phrase) in ISSUE_CASES.items():
        assert files[name]["status"] == status, (name, files[name])
        if phrase is not None:
            assert phrase in files[name]["error"], (name, files[name]["error"])
    assert any(f["path"].endswith("good.txt") for f in report["findings"])
    assert stats["code"] == 2
    assert stats["seconds"] < 4 * MAX_SECONDS, stats
    assert stats["rss_mb"] < MAX_RSS_MB, stats


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 2 for the unreadable file; the good one is still checked and reported."""
    good = tmp_path / "good.docx"
    good.write_bytes(build_docx(SMALL_REPORT))
    _hostile("truncated", tmp_path)
    _hostile("entity-expansion", tmp_path)

    code = main(["check", "--format", "json", "--isolated", str(tmp_path)])

    report = json.loads(capsys.readouterr().out)
    status = {Path(entry["path"]).name: entry["status"] for entry in report["files"]}
    assert status == {"good.docx": "ok", "truncated.docx": "error", "laughs.docx": "error"}
    assert any(f["path"].endswith("good.docx") for f in report["findings"])
    assert code == 2


def test_hostile_cases_are_quick_to_build(tmp_path: Path) -> None:
    """The bomb must stay small on disk, or the test suite itself would be the problem."""
    start = time.perf_counter()
    bomb = _hostile("zip-bomb", tmp_path)
    assert bomb.stat().st_size < 2 * (1 << 20)
    assert time.perf_counter() - start < 3
