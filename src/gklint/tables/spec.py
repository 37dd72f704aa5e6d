"""The statistical-table templates as data (``gklint/data/tables_*.toml``).

Each file defines a template's tables 二, 三 and 四 with canonical keys. A province pack
returns its own ``tables_*.toml`` files from its ``gklint_tables`` hook: a file with
``template = "…"`` adds a whole template, a file with ``extends = "2021"`` and a
``[variants]`` table (``"t3.denied_law_forbidden" = ["…"]``) adds accepted wordings to an
existing one.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from gklint import normalize
from gklint.templates import load_data

# `(一)` `一、` `1.` at the start of a folded label.
_ENUMERATOR = re.compile(r"^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}\.)")
_PARENTHESES = re.compile(r"\([^()]*\)")
_MIN_BARE = 4
# A label this similar to a template wording (after folding) is that item, written
# nonstandardly: published tables drop or swap a character (`本年废止件`, `不再受理`).
_SIMILAR = 0.8
_MIN_SIMILAR = 5


# NOTE: bare and _ratio are cached (fold is too, through normalize.label): recognition
# compares every label of a report with every wording of the templates, and the same few
# hundred strings recur.
def fold(text: str) -> str:
    """A label folded for comparison: brackets, digits, quotes, enumerators and spaces unified."""
    return normalize.label(text)


@lru_cache(maxsize=16384)
def bare(text: str) -> str:
    """A folded label without its enumerator and explanatory parentheses."""
    folded = _ENUMERATOR.sub("", fold(text))
    previous = None
    while previous != folded:
        previous, folded = folded, _PARENTHESES.sub("", folded)
    return folded


@dataclass(frozen=True, slots=True)
class LabelSpec:
    """A row, column or group of a template, with the wordings that name it.

    ``kind`` is ``count``, ``signed`` or ``amount`` for value columns; ``unit`` the unit
    the header names. The flags tell the rules what the item is: ``group`` (the parent
    group of a row), ``result`` (a component of 三(七)总计), ``applicant``/``legal`` (table
    三's applicant and 法人 columns), ``subtotal``, ``optional``. ``en`` names the item in
    English messages; a pack's template may lack it, and then `english` is the template
    wording.
    """

    key: str
    label: str
    standard: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    kind: str = "count"
    unit: str | None = None
    group: str | None = None
    result: bool = False
    applicant: bool = False
    legal: bool = False
    subtotal: bool = False
    optional: bool = False
    en: str = ""

    @property
    def english(self) -> str:
        """The item's name in English messages (the template wording if it has none)."""
        return self.en or self.label

    def match(self, text: str) -> bool | None:
        """True if ``text`` names this item in a standard wording, False if only in a
        variant, None if not at all."""
        folded, stripped = fold(text), bare(text)
        for wordings, standard in (((self.label, *self.standard), True), (self.variants, False)):
            if any(folded == fold(w) for w in wordings):
                return standard
            # Without enumerator and notes, only words long enough to be unambiguous:
            # a header `总计` or `其他` is not the row `（七）总计` or `3.其他`.
            if len(stripped) >= _MIN_BARE and any(stripped == bare(w) for w in wordings):
                return standard
        return None

    def similarity(self, text: str) -> float:
        """How close ``text`` is to this item's wordings (0–1), for labels that match none."""
        stripped = bare(text)
        if len(stripped) < _MIN_SIMILAR:
            return 0.0
        wordings = (self.label, *self.standard, *self.variants)
        return max(_ratio(stripped, bare(w)) for w in wordings)


@lru_cache(maxsize=65536)
def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def best_match(specs: Iterable[LabelSpec], text: str) -> list[tuple[LabelSpec, bool]]:
    """The items ``text`` names, with whether in a standard wording.

    Exact matches (after folding) first; failing those, the single most similar item
    above the threshold, as a nonstandard wording.
    """
    if not isinstance(specs, tuple):
        return list(_Matcher(tuple(specs)).find(text))
    return list(_matcher(specs).find(text))


# NOTE: the matchers are keyed on the identity of a spec tuple, not on its value: a
# template's tuples live as long as the process, and hashing one (every wording of every
# item) on each lookup cost more than the lookup itself.
_MATCHERS: dict[int, _Matcher] = {}
_MAX_MATCHERS = 256  # templates hold a few dozen tuples; tests build more
_MAX_RESULTS = 8192  # distinct label texts remembered per tuple: bounded memory on any batch


def _matcher(specs: tuple[LabelSpec, ...]) -> _Matcher:
    found = _MATCHERS.get(id(specs))
    if found is None or found.specs is not specs:
        if len(_MATCHERS) >= _MAX_MATCHERS:
            _MATCHERS.clear()
        found = _MATCHERS[id(specs)] = _Matcher(specs)  # holds ``specs``: its id is not reused meanwhile
    return found


class _Matcher:
    """`best_match` over one tuple of items: their wordings folded once, results remembered."""

    __slots__ = ("specs", "_exact", "_similar", "_results")

    def __init__(self, specs: tuple[LabelSpec, ...]) -> None:
        self.specs = specs
        # Per item: (folded, bare) standard wordings, then variants — `LabelSpec.match`.
        self._exact = [
            (
                spec,
                (
                    ({fold(w) for w in (spec.label, *spec.standard)}, {bare(w) for w in (spec.label, *spec.standard)}),
                    ({fold(w) for w in spec.variants}, {bare(w) for w in spec.variants}),
                ),
            )
            for spec in specs
        ]
        # Per item: its bare wordings — `LabelSpec.similarity`.
        self._similar = [(spec, [bare(w) for w in (spec.label, *spec.standard, *spec.variants)]) for spec in specs]
        self._results: dict[str, tuple[tuple[LabelSpec, bool], ...]] = {}

    def find(self, text: str) -> tuple[tuple[LabelSpec, bool], ...]:
        found = self._results.get(text)
        if found is None:
            if len(self._results) >= _MAX_RESULTS:
                self._results.clear()
            found = self._results[text] = self._find(text)
        return found

    def _find(self, text: str) -> tuple[tuple[LabelSpec, bool], ...]:
        folded, stripped = fold(text), bare(text)
        exact = []
        for spec, groups in self._exact:
            for (folded_wordings, bare_wordings), standard in zip(groups, (True, False), strict=True):
                # As `LabelSpec.match`: bare words only when long enough to be unambiguous.
                if folded in folded_wordings or (len(stripped) >= _MIN_BARE and stripped in bare_wordings):
                    exact.append((spec, standard))
                    break
        if exact:
            return tuple(exact)
        if len(stripped) < _MIN_SIMILAR:
            return ()
        # The first most similar item, as `max` over `LabelSpec.similarity` finds it, but a
        # full ratio is computed only for wordings whose upper bound reaches the threshold:
        # an item below it cannot be the answer, and one above it is scored exactly.
        best, best_score = None, 0.0
        for spec, wordings in self._similar:
            score = max((_ratio(stripped, w) for w in wordings if _bound(stripped, w) >= _SIMILAR), default=0.0)
            if score > best_score:
                best, best_score = spec, score
        return ((best, False),) if best is not None and best_score >= _SIMILAR else ()


def _bound(a: str, b: str) -> float:
    """An upper bound of ``_ratio(a, b)``: difflib's ``real_quick_ratio`` (lengths only)."""
    total = len(a) + len(b)
    return 2.0 * min(len(a), len(b)) / total if total else 1.0


@dataclass(frozen=True, slots=True)
class BlockSpec:
    """One block of table 二: a 第二十条 item with its own header and rows."""

    key: str
    title: str
    columns: tuple[LabelSpec, ...]
    rows: tuple[LabelSpec, ...]
    en: str = ""


@dataclass(frozen=True, slots=True)
class GridSpec:
    """Table 三 or 四: rows (for 四, the three groups of one data line) by columns."""

    columns: tuple[LabelSpec, ...]
    rows: tuple[LabelSpec, ...]
    groups: tuple[LabelSpec, ...]
    spanning: tuple[str, ...]
    total_column: str
    total_row: str | None = None

    def column(self, key: str) -> LabelSpec:
        """The column with this key."""
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True, slots=True)
class TemplateSpec:
    """Tables 二, 三 and 四 of one template."""

    name: str
    t2: tuple[BlockSpec, ...]
    t3: GridSpec
    t4: GridSpec

    def items(self) -> Iterator[tuple[str, LabelSpec]]:
        """Every row, column and group with its canonical key prefix (``t3.granted``)."""
        for block in self.t2:
            for spec in (*block.rows, *block.columns):
                yield f"t2.{spec.key}", spec
        for table, grid in (("t3", self.t3), ("t4", self.t4)):
            for spec in (*grid.rows, *grid.columns, *grid.groups):
                yield f"{table}.{spec.key}", spec


def _label(data: dict[str, Any]) -> LabelSpec:
    return LabelSpec(
        key=data["key"],
        label=data["label"],
        standard=tuple(data.get("standard", ())),
        variants=tuple(data.get("variants", ())),
        kind=data.get("kind", "count"),
        unit=data.get("unit"),
        group=data.get("group"),
        result=data.get("result", False),
        applicant=data.get("applicant", False),
        legal=data.get("legal", False),
        subtotal=data.get("subtotal", False),
        optional=data.get("optional", False),
        en=data.get("en", ""),
    )


def _grid(data: dict[str, Any]) -> GridSpec:
    return GridSpec(
        columns=tuple(_label(c) for c in data["columns"]),
        rows=tuple(_label(r) for r in data.get("row", ())),
        groups=tuple(_label(g) for g in data.get("groups", ())),
        spanning=tuple(fold(s) for s in data.get("spanning", ())),
        total_column=data["total_column"],
        total_row=data.get("total_row"),
    )


def build_template(data: dict[str, Any]) -> TemplateSpec:
    """A template from the parsed TOML of a ``tables_*.toml`` file."""
    blocks = tuple(
        BlockSpec(
            key=b["key"],
            title=b["title"],
            columns=tuple(_label(c) for c in b["columns"]),
            rows=tuple(_label(r) for r in b["rows"]),
            en=b.get("en", ""),
        )
        for b in data["t2"]["block"]
    )
    return TemplateSpec(name=data["template"], t2=blocks, t3=_grid(data["t3"]), t4=_grid(data["t4"]))


def add_variants(template: TemplateSpec, variants: dict[str, list[str]]) -> TemplateSpec:
    """The template with extra accepted wordings, keyed ``t3.<row>``, ``t2.<column>``…"""

    def extend(prefix: str, specs: tuple[LabelSpec, ...]) -> tuple[LabelSpec, ...]:
        return tuple(replace(s, variants=(*s.variants, *variants.get(f"{prefix}.{s.key}", ()))) for s in specs)

    t2 = tuple(replace(b, rows=extend("t2", b.rows), columns=extend("t2", b.columns)) for b in template.t2)
    grids = {
        name: replace(
            grid,
            rows=extend(name, grid.rows),
            columns=extend(name, grid.columns),
            groups=extend(name, grid.groups),
        )
        for name, grid in (("t3", template.t3), ("t4", template.t4))
    }
    return replace(template, t2=t2, t3=grids["t3"], t4=grids["t4"])


def merge(files: Iterable[dict[str, Any]]) -> dict[str, TemplateSpec]:
    """Templates from parsed data files: whole templates first, then the variants added to them."""
    files = list(files)
    templates = {d["template"]: build_template(d) for d in files if "template" in d}
    for data in files:
        if "extends" in data:
            base = templates[data["extends"]]
            templates[base.name] = add_variants(base, data.get("variants", {}))
    return templates


def _is_table_file(name: str) -> bool:
    return name.startswith("tables_") and name.endswith(".toml")


def templates() -> dict[str, TemplateSpec]:
    """The built-in templates plus those and the variants that installed packs add.

    Read once per process. The national templates come first, so a pack's variants apply
    to them.
    """
    return _load()[0]


def template_problems() -> tuple[str, ...]:
    """Why a table pack was left out (it failed to import, parse or apply), one line each."""
    return _load()[1]


@cache
def _load() -> tuple[dict[str, TemplateSpec], tuple[str, ...]]:
    names = sorted(e.name for e in resources.files("gklint").joinpath("data").iterdir() if _is_table_file(e.name))
    files = [load_data(name) for name in names]
    # Imported here: the plugin host imports this module for `template_problems`.
    from gklint.plugins import data_packs

    files, problems = data_packs(
        "gklint_tables", "table", files, lambda pack, path: tomllib.loads(path.read_text(encoding="utf-8")), merge
    )
    return merge(files), tuple(problems)
