"""SARIF output validates against the official SARIF 2.1.0 schema, and its URIs resolve.

The schema is vendored (tests/reporting/schemas/, with its origin); gklint's own JSON has
no schema, so only SARIF is validated.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import jsonschema
import pytest

from gklint.cli import main
from gklint.reporting.sarif import help_uri, plain_text
from tests.conftest import ROOT, national_ruleset

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
DEMO = ROOT / "examples" / "demo-2024.txt"


@cache
def _validator() -> jsonschema.Draft4Validator:
    checker = jsonschema.FormatChecker()
    # Without rfc3986-validator, jsonschema skips the URI formats and a raw path passes.
    assert "uri-reference" in checker.checkers, "install the test extra (rfc3986-validator)"
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")), format_checker=checker)


def _errors(log: dict[str, Any]) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(log)]


def _sarif(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    main(["check", "--isolated", "--format", "sarif", *argv])
    return json.loads(capsys.readouterr().out)


def _file_of(location: dict[str, Any], bases: dict[str, Any]) -> Path:
    """The file a SARIF artifactLocation names, resolved as a SARIF consumer resolves it."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = urljoin(bases[location["uriBaseId"]]["uri"], uri)
    parsed = urlparse(uri)
    assert parsed.scheme == "file" and not parsed.fragment and not parsed.query, uri
    return Path(url2pathname(parsed.path))


def test_uris_are_percent_encoded_relative_to_srcroot(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    work, outside = tmp_path / "work", tmp_path / "other place"
    (work / "dir with space").mkdir(parents=True)
    outside.mkdir()
    inside = work / "dir with space" / "报告 #1.txt"
    far = outside / "年报%.txt"
    for target in (inside, far):
        shutil.copy(DEMO, target)
    (work / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(work)
    log = _sarif(capsys, "dir with space/报告 #1.txt", str(far), "empty.txt")
    assert _errors(log) == []
    [run] = log["runs"]
    bases = run["originalUriBaseIds"]
    assert bases == {"%SRCROOT%": {"uri": work.as_uri() + "/"}}
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert {"uri": "dir%20with%20space/%E6%8A%A5%E5%91%8A%20%231.txt", "uriBaseId": "%SRCROOT%"} in locations
    assert {_file_of(loc, bases) for loc in locations} == {inside, far}
    assert not run["invocations"][0]["executionSuccessful"]


def test_rules_carry_their_docs_as_plain_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    log = _sarif(capsys, str(DEMO))
    assert _errors(log) == []
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        for text in (rule["shortDescription"]["text"], rule["fullDescription"]["text"], rule["help"]["text"]):
            assert "```" not in text and "## " not in text and "`" not in text, (rule["id"], text)
        assert "## What it does" in rule["help"]["markdown"] and "## Example" in rule["help"]["markdown"]
        assert "What it does" in rule["help"]["text"]
    tb001 = next(r for r in rules if r["id"] == "TB001")
    assert tb001["shortDescription"]["text"] == "表三某列不平衡：第一项 + 第二项 ≠ 第三项（七）总计 + 第四项。"
    # The docstring wraps between two Chinese characters; the help must not put a space there.
    for text in (tb001["help"]["markdown"], tb001["help"]["text"]):
        assert "第一项加第二项之和，等于第三项加第四项之和" in text
    english = _sarif(capsys, "--lang", "en", str(DEMO))["runs"][0]["tool"]["driver"]["rules"]
    assert next(r for r in english if r["id"] == "TB001")["shortDescription"]["text"].startswith("Table 三 does")


def test_the_schema_check_can_fail(capsys: pytest.CaptureFixture[str]) -> None:
    log = _sarif(capsys, str(DEMO))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    location["uri"] = "dir with space/报告 #1.txt"  # the raw path gklint used to write
    log["runs"][0]["tool"]["driver"]["rules"][0]["help"] = "no object"
    assert len(_errors(log)) == 2


def test_plain_text_drops_markdown() -> None:
    assert plain_text("## Example\nsee `x` and [the format](https://example.org/f)\n```text\n行\n```") == (
        "Example\nsee x and the format (https://example.org/f)\n    行"
    )


def test_the_corpus_sarif_validates(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, corpus: Path
) -> None:
    monkeypatch.chdir(corpus)
    stream = io.StringIO()
    monkeypatch.setattr("sys.stdout", stream)
    main(["check", "--isolated", "--format", "sarif", "real", "partial", "peer"])
    log = json.loads(stream.getvalue())
    assert _errors(log) == []
    [run] = log["runs"]
    assert len(run["results"]) > 300
    bases = run["originalUriBaseIds"]
    for result in run["results"]:
        places = [result["locations"][0], *result.get("relatedLocations", [])]
        for place in places:
            assert _file_of(place["physicalLocation"]["artifactLocation"], bases).is_file()
    assert any("relatedLocations" in r for r in run["results"])  # cross-year findings of paired reports


def test_help_uri_is_the_first_web_address_of_the_references() -> None:
    tb001 = national_ruleset().lookup("TB001")
    assert tb001 is not None and help_uri(tb001) is None  # the national docs cite documents, not pages
    cited = replace(tb001, doc=tb001.doc.rstrip() + "\n- <https://example.org/format.html>, the format\n")
    assert help_uri(cited) == "https://example.org/format.html"
