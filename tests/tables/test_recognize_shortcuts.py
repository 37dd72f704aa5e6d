"""The shortcuts of table recognition give what the exhaustive reading gives (issue 13).

`best_match` remembers results per spec tuple and skips difflib ratios that cannot reach
the threshold; `recognize` reads the report's own template first and skips a template
that cannot score higher; `window` finds a row's placements from its blank ends. Both are compared here with the plain computation on every
table of the corpus (and on labels with a character changed, which take the similarity
path), so a shortcut that changes a result fails.
"""

from __future__ import annotations

import itertools

import pytest

from gklint.ast import Cell, Document, Row, Span, Table
from gklint.model import build_report
from gklint.parser import parse
from gklint.readers import read_path
from gklint.tables import t2, t3, t4
from gklint.tables.recognize import recognize
from gklint.tables.rows import Layout, window
from gklint.tables.spec import LabelSpec, best_match, templates
from gklint.tables.values import Value, ValueKind, parse_value
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


def _reference_window(values: list[Value], count: int, start: int | None, label_index: int) -> tuple[int, str | None]:
    """`window` as first written: every placement tried."""
    area = max(1, len(values) - count)
    last_label = max((i for i in range(min(area, len(values))) if values[i].kind is ValueKind.TEXT), default=-1)
    first = max(last_label, label_index) + 1
    if len(values) - first < count:
        return -1, f"{sum(1 for v in values[first:] if not v.is_empty)}/{count}"
    fits = [
        k
        for k in range(first, len(values) - count + 1)
        if all(values[j].kind is ValueKind.BLANK for j in (*range(first, k), *range(k + count, len(values))))
    ]
    return ((start if start in fits else fits[0]), None) if fits else (-1, "many")


def test_window_is_the_exhaustive_placement() -> None:
    kinds = [parse_value(raw) for raw in ("", "3", "/", "某项")]  # blank, number, placeholder, text
    row = Row(span=Span(0, 0, 1, 1, 1, 1), cells=())
    for values in itertools.chain.from_iterable(itertools.product(kinds, repeat=n) for n in range(6)):
        for count in range(4):
            for start in (None, 1, 3):
                for label_index in (-1, 1):
                    got = window(row, list(values), count, start, label_index)
                    assert got == _reference_window(list(values), count, start, label_index)
