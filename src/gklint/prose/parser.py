"""Read a line of prose with the inline grammar (``grammars/inline.lark``) into `Prose`.

Never raises: a line the grammar cannot read as a whole (an unclosed bracket) is read with
that bracket taken as text, and a line that still fails becomes one sentence of plain text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from lark import Lark, Transformer
from lark.exceptions import LarkError

from gklint import grammars
from gklint.ast import Span
from gklint.grammars import Terminal
from gklint.prose import numerals
from gklint.prose.nodes import (
    AsOf,
    BookTitle,
    Breakdown,
    Claim,
    Clause,
    Date,
    Group,
    Item,
    MonthDay,
    Negation,
    Percent,
    Period,
    Prose,
    Quantity,
    Sentence,
    Share,
    Upheld,
    Year,
    YearMonth,
)

_OPENING = "（("
# Only the brackets are visited: a line is mostly other characters.
_BRACKET = re.compile("[（()）]")
# Where an unmatched bracket stood: a character no terminal but CHAR takes, same length.
_NEUTRAL = "\ufffc"


@cache
def _lark() -> Lark:
    # NOTE: the transformer runs inside the LALR parser (no parse tree is built), which
    # makes reading prose about twice as fast; it is told each line before parsing it.
    return grammars.load("inline", transformer=ToProse())


def parse_prose(text: str, span: Span) -> Prose:
    """The claims of one line of prose; ``span`` is the line's span in the report."""
    return read_with(_lark(), text, span)


def read_with(lark: Lark, text: str, span: Span) -> Prose:
    """`parse_prose` on a given parser of the inline grammar, built with `ToProse`."""
    builder = lark.options.transformer
    assert isinstance(builder, ToProse)
    builder.start_line(text, span)
    try:
        prose = lark.parse(_balance(text))
    except LarkError:
        return plain_prose(text, span)
    assert isinstance(prose, Prose)
    return prose


def plain_prose(text: str, span: Span) -> Prose:
    """``text`` as one sentence of plain text, stating nothing (a line the grammar cannot read)."""
    whole = Clause(span=span, text=text, items=(), breakdown=None)
    return Prose(span=span, text=text, sentences=(Sentence(span=span, text=text, clauses=(whole,)),))


def _balance(text: str) -> str:
    """``text`` with every bracket that has no partner replaced by a neutral character."""
    stack: list[int] = []
    unmatched: list[int] = []
    for match in _BRACKET.finditer(text):
        if match.group() in _OPENING:
            stack.append(match.start())
        elif stack:
            stack.pop()
        else:
            unmatched.append(match.start())
    unmatched += stack
    if not unmatched:
        return text
    chars = list(text)
    for index in unmatched:
        chars[index] = _NEUTRAL
    return "".join(chars)


Child = Terminal | Claim


class _Run(list[Any]):
    """The children of an inlined left-recursive rule (``_items: _items? (quantity | …)``), kept in
    one list: lark splices an inlined rule's result into its parent through ``children``,
    and each further reduction appends to it, so a run of n items costs n appends."""

    @property
    def children(self) -> _Run:
        return self


class ToProse(Transformer[Terminal, Prose]):
    """Builds the nodes of `gklint.prose.nodes`; one method per grammar rule, named identically.

    A node's span runs from its first child to its last (tokens and nodes alike). An empty
    sentence or clause (`。。`) is None.
    """

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._span = Span(0, 0, 1, 1, 1, 1)

    def start_line(self, text: str, span: Span) -> None:
        """Prepare for the line ``text`` at ``span``."""
        self._text, self._span = text, span

    def _extent(self, children: Sequence[Child]) -> tuple[Span, str]:
        first, last = children[0], children[-1]
        start = first.span.start - self._span.start if isinstance(first, Claim) else first.start_pos
        end = last.span.end - self._span.start if isinstance(last, Claim) else last.end_pos
        assert start is not None and end is not None
        return self._span.sub(start, end - start), self._text[start:end]

    def _of_token(self, token: Terminal) -> Span:
        assert token.start_pos is not None and token.end_pos is not None
        return self._span.sub(token.start_pos, token.end_pos - token.start_pos)

    # ------------------------------------------------------------ structure
    def start(self, children: list[Sentence | Terminal | None]) -> Prose:
        sentences = tuple(c for c in children if isinstance(c, Sentence))
        return Prose(span=self._span, text=self._text, sentences=sentences)

    def _sentences(self, children: list[Any]) -> _Run:
        """A run of an inlined repetition (sentences, items), extended by one reduction."""
        return children if isinstance(children, _Run) else _Run(children)

    _items = _parts = _sentences

    def sentence(self, children: list[Clause | Terminal | None]) -> Sentence | None:
        clauses = tuple(c for c in children if isinstance(c, Clause))
        if not clauses:
            return None
        span, text = self._extent(clauses)
        return Sentence(span=span, text=text, clauses=clauses)

    def clause(self, children: list[Item | Group | Breakdown | Terminal]) -> Clause | None:
        if not children:
            return None
        span, text = self._extent(children)
        items: list[Item | Group] = []
        breakdown = None
        for child in children:
            if not isinstance(child, Claim):  # text: most children
                continue
            if isinstance(child, Breakdown):
                total = next((i for i in reversed(items) if isinstance(i, Quantity)), None)
                breakdown = dataclasses.replace(child, total=total)
            elif isinstance(child, Group):
                items.append(_with_total(child, items[-1] if items else None))
            else:
                items.append(child)
        return Clause(span=span, text=text, items=tuple(items), breakdown=breakdown)

    def breakdown(self, children: list[Terminal | Item | Group]) -> Breakdown:
        span, text = self._extent(children)
        marker, items = children[0], tuple(c for c in children[1:] if isinstance(c, Claim))
        assert not isinstance(marker, Claim)
        return Breakdown(span=span, text=text, marker=marker.value, total=None, items=items)

    def group(self, children: list[Sentence | Terminal | None]) -> Group:
        opening, closing = children[0], children[-1]
        assert opening is not None and closing is not None
        span, text = self._extent((opening, closing))
        return Group(span=span, text=text, sentences=tuple(c for c in children if isinstance(c, Sentence)))

    # ------------------------------------------------------------ numbers
    def quantity(self, children: list[Terminal]) -> Quantity:
        span, text = self._extent(children)
        by_type = {token.type: token for token in children}
        number = by_type["NUMBER"]
        approximate = by_type.get("APPROX") or by_type.get("MORE")
        return Quantity(
            span=span,
            text=text,
            value=numerals.value(number.value),
            unit=by_type["UNIT"].value.strip(),
            approximate=approximate.value if approximate is not None else None,
            number=self._of_token(number),
        )

    def percent(self, children: list[Terminal]) -> Percent:
        span, text = self._extent(children)
        return Percent(span=span, text=text, value=numerals.value(children[0].value))

    def share(self, children: list[Terminal | Percent]) -> Share:
        span, text = self._extent(children)
        percent = children[-1]
        assert isinstance(percent, Percent)
        return Share(span=span, text=text, percent=percent)

    # ------------------------------------------------------------ time
    def year(self, children: list[Terminal]) -> Year:
        span, text = self._extent(children)
        digits = children[0]
        return Year(
            span=span,
            text=text,
            value=int(numerals.value(digits.value)),
            fiscal=children[-1].type == "YEAR_SUFFIX",
            year=self._of_token(digits),
        )

    def date(self, children: list[Terminal]) -> Date:
        span, text = self._extent(children)
        year, month, day = (int(numerals.value(c.value)) for c in children if c.type in ("YEAR", "MONTH", "DAY"))
        return Date(span=span, text=text, year=year, month=month, day=day)

    def year_month(self, children: list[Terminal]) -> YearMonth:
        span, text = self._extent(children)
        year, month = (int(numerals.value(c.value)) for c in children if c.type in ("YEAR", "MONTH_ALONE"))
        return YearMonth(span=span, text=text, year=year, month=month)

    def month_day(self, children: list[Terminal]) -> MonthDay:
        span, text = self._extent(children)
        month, day = (int(numerals.value(c.value)) for c in children if c.type in ("MONTH", "DAY"))
        return MonthDay(span=span, text=text, month=month, day=day)

    def period(self, children: Sequence[Terminal | Date | Year | YearMonth | MonthDay]) -> Period:
        span, text = self._extent(children)
        ends = [c for c in children if isinstance(c, Claim)]
        start, end = ends[0], ends[-1]
        assert isinstance(start, Date | Year | YearMonth) and isinstance(end, Claim)
        return Period(span=span, text=text, start=start, end=end)

    def as_of(self, children: Sequence[Terminal | Date | Year | MonthDay]) -> AsOf:
        span, text = self._extent(children)
        when = children[-1]
        assert isinstance(when, Claim)
        return AsOf(span=span, text=text, when=when)

    # ------------------------------------------------------------ statements
    def negation(self, children: list[Terminal]) -> Negation:
        span, text = self._extent(children)
        return Negation(span=span, text=text)

    def upheld(self, children: list[Terminal]) -> Upheld:
        span, text = self._extent(children)
        return Upheld(span=span, text=text)

    def title(self, children: list[Terminal]) -> BookTitle:
        span, text = self._extent(children)
        return BookTitle(span=span, text=text)


def _with_total(group: Group, before: Item | Group | None) -> Group:
    """``group`` with the count just before it as the total of an enumeration that opens it."""
    if not isinstance(before, Quantity) or not group.sentences:
        return group
    first = group.sentences[0]
    clause = first.clauses[0]
    if clause.breakdown is None or clause.breakdown.total is not None:
        return group
    clause = dataclasses.replace(clause, breakdown=dataclasses.replace(clause.breakdown, total=before))
    first = dataclasses.replace(first, clauses=(clause, *first.clauses[1:]))
    return dataclasses.replace(group, sentences=(first, *group.sentences[1:]))
