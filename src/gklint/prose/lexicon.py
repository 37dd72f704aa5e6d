"""The lexicon: which phrases of the prose name which table cells (``data/lexicon.toml``).

A province pack adds phrases without a rule: its ``gklint_lexicon`` hook returns
``lexicon_*.toml`` files with ``[[entry]]`` tables (tried before the national ones, so a
pack can make a phrase mean something more specific) and ``[columns]``/``[topics]`` lists
(added to the national ones). A pack that fails to load is left out and named in
`lexicon_problems`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

TOPICS = ("application", "disclosure")


@dataclass(frozen=True, slots=True)
class Entry:
    """Phrases that name one thing, what the sentence must be about, and the sums it may mean."""

    phrases: tuple[str, ...]
    topic: str
    readings: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Entries in the order they are tried, the measure words of the counts they name, the
    applicant columns, and the topic words."""

    entries: tuple[Entry, ...]
    units: frozenset[str]
    columns: tuple[tuple[str, tuple[str, ...]], ...]
    column_trailing: tuple[str, ...]
    topics: dict[str, tuple[str, ...]]
    english: dict[str, str]
    deadlines: dict[str, tuple[int, int]]
    # Every phrase with its entry, in the entries' order: one flat loop per label (a
    # generator per entry cost four times as much, once per count of the prose).
    _phrases: tuple[tuple[str, Entry], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_phrases", tuple((p, e) for e in self.entries for p in e.phrases))

    def entry_for(self, label: str) -> Entry | None:
        """The first entry one of whose phrases ``label`` contains."""
        for phrase, entry in self._phrases:
            if phrase in label:
                return entry
        return None

    def column_at_end(self, label: str) -> str | None:
        """The applicant column named at the very end of ``label`` (``…法人申请`` → ``legal``)."""
        stem = label.rstrip(" \u3000")
        for word in self.column_trailing:
            if stem.endswith(word):
                stem = stem[: -len(word)]
                break
        for column, words in self.columns:
            if stem.endswith(words):
                return column
        return None


def _parse(data: dict[str, Any], where: str) -> tuple[list[Entry], dict[str, list[str]], dict[str, list[str]]]:
    entries = []
    for raw in data.get("entry", []):
        topic = raw.get("topic", "application")
        if topic not in TOPICS:
            raise ValueError(f"{where}: unknown topic {topic!r} (expected one of {', '.join(TOPICS)})")
        readings = tuple(tuple(str(r) for r in reading) for reading in raw["readings"])
        if not readings or not all(readings):
            raise ValueError(f"{where}: an entry needs at least one non-empty reading")
        entries.append(Entry(tuple(str(p) for p in raw["phrases"]), topic, readings))
    columns = {str(k): [str(w) for w in v] for k, v in data.get("columns", {}).items()}
    topics = {str(k): [str(w) for w in v] for k, v in data.get("topics", {}).items()}
    return entries, columns, topics


def _merge(files: list[tuple[str, dict[str, Any]]]) -> Lexicon:
    """Packs' entries first (most specific), then the national ones; lists add up."""
    entries: list[Entry] = []
    units: set[str] = set()
    columns: dict[str, list[str]] = {}
    topics: dict[str, list[str]] = {}
    english: dict[str, str] = {}
    deadlines: dict[str, tuple[int, int]] = {}
    for where, data in reversed(files):
        for kind, (month, day) in data.get("deadlines", {}).items():
            deadlines.setdefault(str(kind), (int(month), int(day)))
        english = {**{str(k): str(v) for k, v in data.get("english", {}).items()}, **english}
        more, cols, tops = _parse(data, where)
        entries += more
        units.update(str(u) for u in data.get("units", []))
        for key, words in cols.items():
            columns.setdefault(key, []).extend(words)
        for key, words in tops.items():
            topics.setdefault(key, []).extend(words)
    trailing = tuple(columns.pop("trailing", []))
    return Lexicon(
        entries=tuple(entries),
        units=frozenset(units),
        columns=tuple((k, tuple(v)) for k, v in columns.items()),
        column_trailing=trailing,
        topics={k: tuple(v) for k, v in topics.items()},
        english=english,
        deadlines=deadlines,
    )


@cache
def _load() -> tuple[Lexicon, tuple[str, ...]]:
    national = resources.files("gklint").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    files = [("gklint/data/lexicon.toml", tomllib.loads(national))]
    # Imported here: the plugin host imports this module for `lexicon_problems`.
    from gklint.plugins import data_packs

    def read(pack: str, path: Traversable) -> tuple[str, dict[str, Any]]:
        return f"{pack}/{path.name}", tomllib.loads(path.read_text(encoding="utf-8"))

    files, problems = data_packs("gklint_lexicon", "lexicon", files, read, _merge)
    return _merge(files), tuple(problems)


def lexicon() -> Lexicon:
    """The national lexicon with what installed packs add (read once per process)."""
    return _load()[0]


def lexicon_problems() -> tuple[str, ...]:
    """Why a lexicon pack was left out, one line each."""
    return _load()[1]
