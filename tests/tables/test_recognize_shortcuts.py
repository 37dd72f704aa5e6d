"""The shortcuts of table recognition give what the exhaustive reading gives (issue 13).

`best_match` remembers results per spec tuple and skips difflib ratios that cannot reach
the threshold; `recognize` reads the report's own template first and skips a template
that cannot score higher. Both are compared here with the plain computation on every
table of the corpus (and on labels with a character changed, which take the similarity
path), so a shortcut that changes a result fails.
"""

from __future__ import annotations

import pytest

from gklint.ast import Cell, Document, Table
from gklint.model import build_report
from gklint.parser import parse
from gklint.readers import read_path
from gklint.tables import t2, t3, t4
from gklint.tables.recognize import recognize
from gklint.tables.rows import Layout
from gklint.tables.spec import LabelSpec, best_match, templates
from tests.conftest import corpus_dir

CORPUS = corpus_dir()
REPORTS = sorted(p for d in ("real", "partial", "peer") for p in (CORPUS / d).glob("*.txt")) if CORPUS else []


def _documents() -> list[tuple[str, Document, str | None]]:
    found = []
    for path in REPORTS:
        text = read_path(path).text
        report = build_report(parse(text), text)
        found.append((path.name, report.document, report.template))
    return found


def _reference_match(specs: tuple[LabelSpec, ...], text: str) -> list[tuple[LabelSpec, bool]]:
    """`best_match` as first written: every item's `match`, else the most similar by `similarity`."""
    exact = [(spec, standard) for spec in specs if (standard := spec.match(text)) is not None]
    if exact:
        return exact
    score, spec = max(((s.similarity(text), s) for s in specs), key=lambda s: s[0], default=(0.0, None))
    return [(spec, False)] if spec is not None and score >= 0.8 else []


def _spec_tuples() -> list[tuple[LabelSpec, ...]]:
    tuples = []
    for template in templates().values():
        tuples += [block.rows for block in template.t2] + [block.columns for block in template.t2]
        for grid in (template.t3, template.t4):
            tuples += [grid.rows, grid.columns, grid.groups]
    return [t for t in tuples if t]


@pytest.fixture(scope="module")
def documents() -> list[tuple[str, Document, str | None]]:
    if not REPORTS:
        pytest.skip("corpus not found; set GKLINT_CORPUS to require it")
    return _documents()


def test_best_match_is_the_exhaustive_match(documents: list[tuple[str, Document, str | None]]) -> None:
    texts = {cell.text for _, document, _ in documents for cell in document.iter(Cell)}
    # A character dropped or changed: labels that only the similarity ratio can place.
    labels = sorted(t for t in texts if 5 <= len(t.strip()) <= 40)
    texts |= {t[:i] + t[i + 1 :] for t in labels for i in (1, len(t) // 2)}
    texts |= {t[:i] + "的" + t[i + 1 :] for t in labels for i in (2, len(t) - 2)}
    similar = 0
    for specs in _spec_tuples():
        for text in sorted(texts):
            expected = _reference_match(specs, text)
            assert best_match(specs, text) == expected, (text, [s.key for s in specs])
            similar += len(expected) == 1 and expected[0][1] is False and specs[0].match(text) is None
    assert similar > 50  # the similarity path was exercised, not only exact matches


def test_recognize_is_the_best_of_every_template(documents: list[tuple[str, Document, str | None]]) -> None:
    read_some = 0
    for name, document, preferred in documents:
        tables = tuple(document.iter(Table))
        if not tables:
            continue
        layout = Layout(tables, [*document.preamble, *(b for s in document.sections for b in s.blocks)])
        found = recognize(document, preferred)
        for table, read in (("t2", t2.read), ("t3", t3.read), ("t4", t4.read)):
            results = [(read(layout, spec), spec.name) for spec in templates().values()]
            scored = [(score, spec == preferred, spec, stat) for (score, stat), spec in results if stat]
            expected = max(scored, key=lambda s: s[:3])[3] if scored else None
            assert getattr(found, table) == expected, (name, table)
            read_some += expected is not None
    assert read_some > 100
