"""``gklint annotate``: one Word comment per finding, anchored on the flagged text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from gklint.cli import main
from gklint.readers import read_path
from tests.conftest import ROOT, corpus_dir
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
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As a reviewer runs it: the corpus as .docx, `gklint annotate` on the folder (the same
    body's consecutive years paired, so the cross-year rules fire too), each copy read back
    and every comment compared with `gklint check --format json` on the same folder."""
    import docx

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for number, report in enumerate(sorted((corpus / "real").glob("*.txt"))):
        # Half with section numbers drawn by Word's list numbering, which no run holds.
        text = report.read_text(encoding="utf-8")
        (drafts / f"{report.stem}.docx").write_bytes(build_docx(text, word_numbering=number % 2 == 1))
    main(["check", "--isolated", "--format", "json", str(drafts)])
    reference = json.loads(capsys.readouterr().out)
    before = {path: path.read_bytes() for path in drafts.iterdir()}
    assert main(["annotate", "--isolated", str(drafts), "-o", str(tmp_path / "annotated")]) == 0
    assert {path: path.read_bytes() for path in drafts.iterdir()} == before  # the drafts are untouched
    checked = commented = 0
    for path in sorted(drafts.iterdir()):
        findings = [f for f in reference["findings"] if f["path"] == str(path)]
        document = docx.Document(str(tmp_path / "annotated" / path.name))
        comments = list(document.comments)
        assert len(comments) == len(findings), path.name
        anchored = _anchored(document)
        lines = read_path(path).text.split("\n")
        for comment, finding in zip(comments, findings, strict=True):
            assert comment.author == "gklint"
            assert comment.text.startswith(f"{finding['code']} ")
            assert finding["message"] in comment.text
            if finding["expected"]:
                assert f"应为：{finding['expected']}" in comment.text
            if finding["help"]:
                assert f"修改建议：{finding['help']}" in comment.text
            if finding["related"]:
                assert f"上年报告对照处：{finding['related']['path']}" in comment.text
            text, start = anchored[str(comment.comment_id)]
            line = lines[finding["line"] - 1]
            end = finding["end_column"] - 1 if finding["end_line"] == finding["line"] else len(line)
            flagged = line[finding["column"] - 1 : end]
            where = finding["source"]
            if flagged.strip() or where is None or where.get("column") is None:
                # A finding across a row's cells stands on the row's label.
                expected = next((f for f in flagged.split("\t") if f.strip()), flagged)
                assert _squash(text) == _squash(expected), (path.name, finding)
            else:
                # A blank cell: the comment is in that grid cell of that table.
                table = document.tables[where["table"] - 1]
                cell = table.cell(where["row"] - 1, where["column"] - 1)._tc
                assert cell in start.iterancestors(f"{W}tc"), (path.name, finding)
            commented += 1
        checked += 1
    # 142 comments on the corpus (the 河南 pack is opt-in, so none of its findings).
    assert checked >= 30 and commented >= 130
    assert {f["code"][:2] for f in reference["findings"]} >= {"ST", "DT", "TX", "TB", "PR", "XY"}


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


def test_cross_year_comments_name_last_years_place_in_either_language(tmp_path: Path) -> None:
    import docx

    text = DEMO.read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "demo-2023.docx").write_bytes(build_docx(text.replace("2024", "2023")))
    (tmp_path / "in" / "demo-2024.docx").write_bytes(build_docx(text))
    for lang, related, expected in (("zh", "上年报告对照处：", "应为："), ("en", "last year's report: ", "expected: ")):
        out = tmp_path / lang
        assert main(["annotate", "--isolated", "--lang", lang, str(tmp_path / "in"), "-o", str(out)]) == 0
        document = docx.Document(str(out / "demo-2024.docx"))
        anchored = _anchored(document)
        cross = [c for c in document.comments if c.text.startswith("XY")]
        assert {c.text[:5] for c in cross} >= {"XY001", "XY002", "XY003"}
        for comment in cross:
            [where] = [p.text for p in comment.paragraphs if p.text.startswith(related)]
            assert "demo-2023.docx" in where
            assert anchored[str(comment.comment_id)][0].strip()  # on the flagged text, not on nothing
        xy002 = next(c for c in cross if c.text.startswith("XY002"))
        assert anchored[str(xy002.comment_id)][0] == "26"  # its cell: 行政规范性文件's 现行有效件数
        assert any(p.text.startswith(expected) for p in xy002.paragraphs)


def test_rules_are_chosen_as_for_check_and_pairing_can_be_turned_off(tmp_path: Path) -> None:
    import docx

    text = DEMO.read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "demo-2023.docx").write_bytes(build_docx(text.replace("2024", "2023")))
    (tmp_path / "in" / "demo-2024.docx").write_bytes(build_docx(text))

    def codes(*options: str) -> set[str]:
        out = tmp_path / "out"
        shutil.rmtree(out, ignore_errors=True)
        assert main(["annotate", "--isolated", *options, str(tmp_path / "in"), "-o", str(out)]) == 0
        return {c.text[:5] for c in docx.Document(str(out / "demo-2024.docx")).comments}

    everything = codes()
    assert {"TB001", "DT002", "XY001"} <= everything
    assert codes("--select", "TB001,stray-year") == {"TB001", "DT002"}
    assert codes("--ignore", "TB") == {c for c in everything if not c.startswith("TB")}
    assert codes("--no-pair") == {c for c in everything if not c.startswith("XY")}
    assert main(["annotate", "--isolated", "--select", "XX999", str(tmp_path / "in"), "-o", str(tmp_path / "x")]) == 2


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
    # The demo with Word's list numbering, and the corpus report with the most findings.
    reports = {"demo": build_docx(DEMO.read_text(encoding="utf-8"), word_numbering=True)}
    folder = corpus_dir()
    if folder is not None:
        reports["shanghai"] = build_docx((folder / "real" / "009-shanghai-bgt-2019.txt").read_text(encoding="utf-8"))
    counts = {}
    for name, data in reports.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
        out = tmp_path / f"{name}-annotated.docx"
        main(["annotate", "--isolated", str(tmp_path / f"{name}.docx"), "-o", str(out)])
        counts[name] = int(re.search(r"(\d+) comment", capsys.readouterr().err).group(1))  # type: ignore[union-attr]
    assert all(count > 5 for count in counts.values())
    # Comments are exported as PDF notes only when LibreOffice has read them.
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    with tempfile.TemporaryDirectory(prefix="gklint-soffice-", ignore_cleanup_errors=True) as profile:
        done = subprocess.run(
            [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", export]
            + ["--outdir", str(tmp_path)]
            + [str(tmp_path / f"{name}-annotated.docx") for name in reports],
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert done.returncode == 0, done.stderr
    assert "Error" not in done.stderr, done.stderr
    for name, count in counts.items():
        notes = _pdf_notes(tmp_path / f"{name}-annotated.pdf")
        assert len(notes) == count, name
        assert all(author.startswith("gklint") for author, _ in notes)


def test_a_failure_on_one_draft_is_reported_and_the_others_are_annotated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gklint.annotate

    (tmp_path / "in").mkdir()
    for name in ("a", "b"):
        (tmp_path / "in" / f"{name}.docx").write_bytes(build_docx(DEMO.read_text(encoding="utf-8")))
    (tmp_path / "in" / "c.docx").write_bytes(b"PK\x03\x04 not a zip")
    real = gklint.annotate.annotate

    def broken(data: bytes, source: object, *args: object, **kwargs: object) -> bytes:
        if source.path.endswith("a.docx"):  # type: ignore[attr-defined]
            raise KeyError("boom")
        return real(data, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gklint.annotate, "annotate", broken)
    assert main(["annotate", "--isolated", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "a.docx: error: internal error: KeyError" in err and "Traceback" not in err
    assert "c.docx: error:" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["b.docx"]
