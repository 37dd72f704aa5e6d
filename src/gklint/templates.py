"""The national template as data: loads ``gklint/data/*.toml`` once."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from gklint import normalize


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One of the six required sections."""

    number: int
    heading: str
    standard: tuple[str, ...]
    keywords: tuple[tuple[str, ...], ...]

    def matches_exactly(self, heading: str) -> bool:
        """Whether ``heading`` is a standard wording of this section."""
        folded = normalize.label(heading)
        return any(folded == normalize.label(h) for h in (self.heading, *self.standard))

    def matches_fuzzily(self, heading: str) -> bool:
        """Whether ``heading`` carries the keywords of this section."""
        folded = normalize.label(heading)
        return any(all(word in folded for word in words) for words in self.keywords)


@dataclass(frozen=True, slots=True)
class Structure:
    """Sections and template markers of the national format."""

    sections: tuple[SectionSpec, ...]
    markers: dict[str, tuple[str, ...]]
    heading_markers: dict[str, tuple[str, ...]]
    section_markers: dict[str, tuple[str, ...]]


def load_data(name: str) -> dict[str, Any]:
    """Parse a TOML data file shipped in ``gklint/data``."""
    return tomllib.loads(resources.files("gklint").joinpath("data", name).read_text(encoding="utf-8"))


@cache
def structure() -> Structure:
    """The national structure (cached: it is read once per process)."""
    data = load_data("structure.toml")
    sections = tuple(
        SectionSpec(
            number=s["number"],
            heading=s["heading"],
            standard=tuple(s["standard"]),
            keywords=tuple(tuple(k) for k in s["keywords"]),
        )
        for s in data["section"]
    )
    return Structure(
        sections=sections,
        markers=_folded(data["markers"]),
        heading_markers=_folded(data["heading_markers"]),
        section_markers=_folded(data["section_markers"]),
    )


def _folded(markers: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {kind: tuple(normalize.label(m) for m in labels) for kind, labels in markers.items()}
