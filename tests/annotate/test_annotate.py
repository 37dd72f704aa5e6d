"""``gklint annotate``: one Word comment per finding, anchored on the flagged text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from gklint.cli import main
from gklint.engine import lint_text
from gklint.plugins import RuleSet
from gklint.readers import read_path
from gklint.readers.locate import locate
from tests.conftest import ROOT
from tests.readers.builders import build_docx

DEMO = ROOT / "examples" / "demo-2024.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _anchored(document: object) -> dict[str, tuple[str, object]]:
    """Comment id → (the text between its range marks, the element its range starts in)."""
    body = document.element.body  # type: ignore[attr-defined]
    texts: dict[str, list[str]] = {}
    starts: dict[str, object] = {}
    open_ids: set[str] = set()
    for el in body.iter():
        if el.tag == f"{W}commentRangeStart":
            ident = el.get(f"{W}id")
            open_ids.add(ident)
            texts[ident] = []
            starts[ident] = el
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for ident in open_ids:
                texts[ident].append(el.text or "")
    return {ident: ("".join(parts), starts[ident]) for ident, parts in texts.items()}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_corpus_as_word_gets_one_comment_per_finding_on_the_flagged_text(
    corpus: Path, ruleset: RuleSet, tmp_path: Path
) -> None:
    import docx

    from gklint.annotate import annotate

    checked = commented = 0
    for report in sorted((corpus / "real").glob("*.txt")):
        path = tmp_path / f"{report.stem}.docx"
        # Half with section numbers drawn by Word's list numbering, which no run holds.
        path.write_bytes(build_docx(report.read_text(encoding="utf-8"), word_numbering=checked % 2 == 1))
        source = read_path(path)
        findings = lint_text(source.text, ruleset.rules)
        document = docx.Document(io.BytesIO(annotate(path.read_bytes(), source, findings, lang="zh")))
        comments = list(document.comments)
        assert len(comments) == len(findings), report.name
        anchored = _anchored(document)
        lines = source.text.split("\n")
        for comment, finding in zip(comments, findings, strict=True):
            assert comment.author == "gklint"
            assert comment.text.startswith(f"{finding.code} ")
            if finding.expected:
                assert f"应为：{finding.expected}" in comment.text
            text, start = anchored[str(comment.comment_id)]
            span = finding.span
            line = lines[span.line - 1]
            flagged = line[span.column - 1 : span.end_column - 1 if span.end_line == span.line else len(line)]
            where = locate(source, span)
            if flagged.strip() or where is None or where.column is None:
                # A finding across a row's cells stands on the row's label.
                expected = next((f for f in flagged.split("\t") if f.strip()), flagged)
                assert _squash(text) == _squash(expected), (report.name, finding)
            else:
                # A blank cell: the comment is in that grid cell of that table.
                table = document.tables[where.origin.table - 1]
                cell = table.cell(where.origin.row - 1, where.column - 1)._tc
                assert cell in start.iterancestors(f"{W}tc"), (report.name, finding)
            commented += 1
        checked += 1
    assert checked >= 30 and commented >= 100


def test_the_report_is_untouched_and_other_formats_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "demo.docx"
    report.write_bytes(build_docx(DEMO.read_text(encoding="utf-8")))
    before = report.read_bytes()
    out = tmp_path / "out.docx"
    assert main(["annotate", "--isolated", str(report), "-o", str(out)]) == 0
    assert report.read_bytes() == before
    assert "comment(s) →" in capsys.readouterr().err
    assert main(["annotate", "--isolated", str(report), "-o", str(report)]) == 2
    assert "overwrite the report itself" in capsys.readouterr().err
    assert report.read_bytes() == before
    assert main(["annotate", "--isolated", str(DEMO), "-o", str(tmp_path / "x.docx")]) == 2
    assert "Word documents (.docx)" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
    # A directory of reports goes to a directory of copies with the same names.
    (tmp_path / "in").mkdir()
    shutil.copy(report, tmp_path / "in" / "a.docx")
    shutil.copy(report, tmp_path / "in" / "b.docx")
    assert main(["annotate", "--isolated", "--lang", "en", str(tmp_path / "in"), "-o", str(tmp_path / "copies")]) == 0
    assert sorted(p.name for p in (tmp_path / "copies").iterdir()) == ["a.docx", "b.docx"]


def _pdf_notes(pdf: Path) -> list[tuple[str, str]]:
    """(author, text) of every note annotation in a PDF."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    def decode(value: object) -> str:
        raw = resolve1(value) or b""
        return raw.decode("utf-16") if raw[:2] == b"\xfe\xff" else raw.decode("latin-1")

    notes = []
    with pdf.open("rb") as handle:
        for page in PDFPage.create_pages(PDFDocument(PDFParser(handle))):
            for annotation in resolve1(page.annots) or []:
                annotation = resolve1(annotation)
                if annotation.get("Contents"):
                    notes.append((decode(annotation.get("T")), decode(annotation["Contents"])))
    return notes


def test_libreoffice_opens_the_copy_with_every_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-writer-nogui; .ci/run installs it)")
    report = tmp_path / "demo.docx"
    report.write_bytes(build_docx(DEMO.read_text(encoding="utf-8"), word_numbering=True))
    out = tmp_path / "demo-annotated.docx"
    main(["annotate", "--isolated", str(report), "-o", str(out)])
    count = int(re.search(r"(\d+) comment", capsys.readouterr().err).group(1))  # type: ignore[union-attr]
    assert count > 5
    # Comments are exported as PDF notes only when LibreOffice has read them.
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    with tempfile.TemporaryDirectory(prefix="gklint-soffice-", ignore_cleanup_errors=True) as profile:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", export]
            + ["--outdir", str(tmp_path), str(out)],
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    notes = _pdf_notes(tmp_path / "demo-annotated.pdf")
    assert len(notes) == count
    assert all(author.startswith("gklint") for author, _ in notes)
