"""What a line of prose states: frozen nodes built by the inline grammar, each with a span.

A `Prose` is the parse of one paragraph or sub-heading line: sentences (ended by 。), their
clauses (separated by ；) and, in each clause, the items the grammar recognised — counts,
percentages, dates, enumerations and so on — with plain text left as it is (the text of any
node is a slice of the line: ``prose.text[node.span.start - prose.span.start:…]``, or its
``text`` field). Nothing here imports lark.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from gklint.ast import Span

# Measure words of counts of things (applications, documents, cases); amounts of money and
# people are other dimensions and are never added to them.
COUNT_UNITS = frozenset({"件", "条", "项", "个", "份", "篇", "起", "家", "次"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """Base of every inline node: its span and the text it covers."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity(Claim):
    """A number with its measure word: ``3件``, ``两件``, ``近100条``, ``0.5万元``.

    ``approximate`` holds the marker (``近``, ``约``, ``余``, ``多``…) when the number is
    not exact; ``number`` is the span of the digits alone (where a finding points).
    """

    value: Decimal
    unit: str
    approximate: str | None
    number: Span

    @property
    def is_count(self) -> bool:
        """Whether this counts things (件, 条, 项…), as opposed to money or people."""
        return self.unit in COUNT_UNITS


@dataclass(frozen=True, slots=True, kw_only=True)
class Percent(Claim):
    """A percentage: ``51.85%`` (``value`` is 51.85)."""

    value: Decimal


@dataclass(frozen=True, slots=True, kw_only=True)
class Share(Claim):
    """``占51.85%``: the share of the count stated just before it."""

    percent: Percent


@dataclass(frozen=True, slots=True, kw_only=True)
class Year(Claim):
    """A year: ``2021年``, ``2021年度`` (``fiscal``), ``二〇二一年``; ``year`` spans the digits."""

    value: int
    fiscal: bool
    year: Span


@dataclass(frozen=True, slots=True, kw_only=True)
class Date(Claim):
    """A calendar date: ``2021年1月1日`` (``date`` is None for 2月30日 and the like)."""

    year: int
    month: int
    day: int

    @property
    def date(self) -> datetime.date | None:
        """The date, None if it does not exist."""
        try:
            return datetime.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True, kw_only=True)
class YearMonth(Claim):
    """A month of a year: ``2020年12月`` (in ``2020年12月印发``)."""

    year: int
    month: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthDay(Claim):
    """A date without its year: ``12月31日`` (in ``至12月31日``)."""

    month: int
    day: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Period(Claim):
    """``自2021年1月1日起至2021年12月31日止``, ``2019年至2021年``."""

    start: Date | Year | YearMonth
    end: Date | Year | YearMonth | MonthDay


@dataclass(frozen=True, slots=True, kw_only=True)
class AsOf(Claim):
    """``截至2021年12月31日``: a point in time a count refers to."""

    when: Date | Year | MonthDay


@dataclass(frozen=True, slots=True, kw_only=True)
class Negation(Claim):
    """``未``, ``没有``, ``无``: the clause states that something did not happen."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Upheld(Claim):
    """``均获维持``: every review or lawsuit ended with the decision upheld."""


@dataclass(frozen=True, slots=True, kw_only=True)
class BookTitle(Claim):
    """A ``《title》``: a document's name, whose years and numbers are its own."""


Item = Quantity | Percent | Share | Year | Date | YearMonth | MonthDay | Period | AsOf | Negation | Upheld | BookTitle


@dataclass(frozen=True, slots=True, kw_only=True)
class Group(Claim):
    """A parenthesised aside (``（含上年度结转申请18件）``), itself a small paragraph."""

    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Breakdown(Claim):
    """An enumeration: ``其中A 82条，B 80条…`` up to the end of its clause.

    ``total`` is the count the enumeration breaks down — the last count before it in the
    clause, or the count just before the group that holds it (``2602条(其中…)``) — and
    ``items`` are what follows the marker, parts and asides alike.
    """

    marker: str
    total: Quantity | None
    items: tuple[Item | Group, ...]

    @property
    def parts(self) -> tuple[Quantity, ...]:
        """The counts listed at the enumeration's own level (nested asides counted once, in their part)."""
        return tuple(item for item in self.items if isinstance(item, Quantity))


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause(Claim):
    """A run of a sentence up to ``；``: items in order, then an enumeration if any."""

    items: tuple[Item | Group, ...]
    breakdown: Breakdown | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence(Claim):
    """A sentence, ended by ``。`` (or the end of the line), as its clauses."""

    clauses: tuple[Clause, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Prose(Claim):
    """One line of prose as read by the inline grammar."""

    sentences: tuple[Sentence, ...]
    # Every node of the line in order, walked on the first `iter`: the prose rules ask for
    # several kinds of each line, and a walk of the tree costs more than a pass over a list.
    _nodes: tuple[Claim, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def iter(self, kind: type[C]) -> Iterator[C]:
        """Every node of ``kind`` in the line, in order (asides and enumerations included)."""
        nodes = self._nodes
        if nodes is None:
            nodes = tuple(node for sentence in self.sentences for node in _walk_sentence(sentence))
            object.__setattr__(self, "_nodes", nodes)
        return (node for node in nodes if isinstance(node, kind))


C = TypeVar("C", bound=Claim)


def _walk_sentence(sentence: Sentence) -> Iterator[Claim]:
    yield sentence
    for clause in sentence.clauses:
        yield clause
        items: list[Item | Group | Breakdown] = list(clause.items)
        if clause.breakdown is not None:
            items.append(clause.breakdown)
            items.extend(clause.breakdown.items)
        for item in items:
            yield from _walk_item(item)


def _walk_item(item: Item | Group | Breakdown) -> Iterator[Claim]:
    yield item
    if isinstance(item, Group):
        for inner in item.sentences:
            yield from _walk_sentence(inner)
    elif isinstance(item, Period):
        yield from _walk_item(item.start)
        yield from _walk_item(item.end)
    elif isinstance(item, AsOf):
        yield from _walk_item(item.when)
