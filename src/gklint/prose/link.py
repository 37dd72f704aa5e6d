"""Prose claims linked to table cells: what the counts and statements of the prose say
about tables 三 and 四, read with the lexicon (``data/lexicon.toml``).

A count's *label* is the words before it in its clause (from the previous count, or the
last ``，``/``：``) and the words just after it up to the next punctuation (``70件申请``,
``1件结转下年度``). The lexicon turns a label into *readings* — the sums of cells the count
may reasonably mean — and a rule flags the count only when no reading agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from gklint.ast import Paragraph, SubHeading
from gklint.prose.lexicon import Entry, Lexicon, lexicon
from gklint.prose.nodes import (
    BookTitle,
    Breakdown,
    Clause,
    Group,
    Item,
    Negation,
    Percent,
    Prose,
    Quantity,
    Sentence,
    Share,
    Upheld,
    Year,
)
from gklint.tables import StatTable, TableCell, ValueKind

# An explanatory note in a template label: `（二）部分公开（区分处理的，只计这一情形…）`.
_NOTE = re.compile(r"(?<=.)[（(][^（）()]*[)）]$")
# Where a label is cut: a count's own words start after the last of these.
_PAUSES = "，,：:"
# Words that make a count something other than this year's figure.
_NOT_THIS_YEAR = ("较", "同比", "比上年", "上年同期", "累计", "以来", "增长", "下降", "减少", "增加", "环比")
# Rows that count every application of the year: a part of an enumeration named by them
# is a subset, not the row.
_WHOLE = {"t3.results_total", "t3.new_received"}
# Words of a negated outcome: the cases were not lost (结果纠正 is 0), not absent.
_LOST = ("纠错", "纠正", "败诉", "撤销", "确认违法")


# 结转下年度 as table 三's balance gives it: 新收 + 上年结转 − (七)总计.
_BALANCE = (("t3.new_received", 1), ("t3.carried_over", 1), ("t3.results_total", -1))


@dataclass(frozen=True, slots=True)
class Reading:
    """One sum of cells a claim may mean: rows (or groups) of one table, in one column.

    ``rows`` are canonical keys such as ``t3.new_received``, ``t3.denied`` (a group: the sum
    of its rows) or ``t4.review``; ``column`` is ``total``, an applicant column or ``legal``
    (the five 法人或其他组织 columns together).
    """

    rows: tuple[str, ...]
    column: str = "total"

    def cells(self, t3: StatTable | None, t4: StatTable | None) -> tuple[TableCell, ...] | None:
        """The cells this reading adds up, None if any is missing or unreadable."""
        out: list[TableCell] = []
        for key in self.rows:
            name, _, row = key.partition(".")
            table = t3 if name == "t3" else t4 if name == "t4" else None
            if table is None:
                return None
            grid = table.template.t3 if name == "t3" else table.template.t4
            # A row (table 四's rows are its groups), or a table 三 group: the sum of its rows.
            is_row = row in table.rows or any(s.key == row for s in grid.rows)
            members = [row] if is_row else [s.key for s in grid.rows if s.group == row]
            if not members:
                return None
            for member in members:
                found = self._row_cells(table, member) if table.is_readable(member) else None
                if found is None:
                    return None
                out.extend(found)
        return tuple(out)

    def _row_cells(self, table: StatTable, row: str) -> list[TableCell] | None:
        cells = table.rows[row].cells
        if self.column == "legal":
            picked = [c for c in cells.values() if c.spec.legal]
        else:
            picked = [cells[self.column]] if self.column in cells else []
        if not picked or any(c.value.kind is ValueKind.TEXT for c in picked):
            return None
        return picked

    def values(self, t3: StatTable | None, t4: StatTable | None) -> tuple[Decimal, ...]:
        """What the reading adds up to: the sum of its cells and, for a 总计 column, the sum
        of the parts beside each 总计 (when a total cell is wrong, the table rules say so;
        the prose that agrees with the parts is not wrong too). Empty if it cannot be read."""
        cells = self.cells(t3, t4)
        if cells is None:
            return ()
        found = [sum((c.number for c in cells), Decimal(0))]
        if self.column == "total":
            parts = Decimal(0)
            for cell in cells:
                table = t3 if cell.key.startswith("t3.") else t4
                assert table is not None
                beside = table.rows[cell.row].cells.values()
                kept = [c for c in beside if c.column != "total" and not c.spec.subtotal]
                parts += sum((c.number for c in kept if c.value.kind is not ValueKind.TEXT), Decimal(0))
            if all(c.value.is_empty for c in cells):
                return (parts,)  # 总计 left blank (上海 2019): the parts are what the table says
            if parts != found[0]:
                found.append(parts)
        balanced = self._balanced(t3, t4)
        if balanced is not None and balanced not in found:
            found.append(balanced)
        return tuple(found)

    def _balanced(self, t3: StatTable | None, t4: StatTable | None) -> Decimal | None:
        """For 结转下年度继续办理, what table 三's balance gives it: 新收 + 上年结转 − (七)总计.

        It is the remainder an agency works out last, the figure most often left wrong in the
        table while the prose has it right; when the cell breaks the balance, the table rules
        say so, and the prose that agrees with the balance is not wrong too. The other rows of
        the balance get no such reading: prose stating 0 received against a table of 3 received
        and 0 answered (021-pingtan-jingfaju) is a contradiction the reviewer must see.
        """
        if self.rows != ("t3.carried_forward",):
            return None
        total = Decimal(0)
        for key, sign in _BALANCE:
            cells = Reading((key,), self.column).cells(t3, t4)
            if cells is None:
                return None
            total += sign * sum((c.number for c in cells), Decimal(0))
        return total

    def describe(self, t3: StatTable | None, t4: StatTable | None, lang: str) -> str:
        """The cells as a message names them: ``表三“一、本年新收政府信息公开申请数量”（总计）``.

        Chinese names are the template's labels, English ones the lexicon's ``[english]``.
        """
        english = lexicon().english
        table_name, names, column_zh = "", [], {"legal": "法人或其他组织"}.get(self.column, self.column)
        for key in self.rows:
            name, _, row = key.partition(".")
            table = t3 if name == "t3" else t4
            table_name = {"t3": "表三", "t4": "表四"}.get(name, name)
            spec = None
            if table is not None:
                grid = table.template.t3 if name == "t3" else table.template.t4
                spec = next((s for s in (*grid.rows, *grid.groups) if s.key == row), None)
                column_zh = next((c.label for c in grid.columns if c.key == self.column), column_zh)
            names.append(english.get(row, row) if lang == "en" or spec is None else _NOTE.sub("", spec.label))
        if lang == "en":
            number = {"表三": "table 3", "表四": "table 4"}.get(table_name, table_name)
            return f"{number} {' + '.join(names)} ({english.get(self.column, self.column)})"
        return f"{table_name}{'+'.join(f'“{n}”' for n in names)}（{column_zh}）"


@dataclass(frozen=True, slots=True)
class CountClaim:
    """A count of the prose that names table cells: ``共收到政府信息公开申请3件``."""

    quantity: Quantity
    label: str
    readings: tuple[Reading, ...]
    line: Paragraph | SubHeading


@dataclass(frozen=True, slots=True)
class NoneClaim:
    """A statement that there was none: ``未收到政府信息公开申请`` (every reading is 0)."""

    negation: Negation
    scope: str
    readings: tuple[Reading, ...]
    line: Paragraph | SubHeading


@dataclass(frozen=True, slots=True)
class UpheldClaim:
    """``均获维持``: the named groups of table 四 had no result but 维持."""

    upheld: Upheld
    groups: tuple[str, ...]
    line: Paragraph | SubHeading


Claim = CountClaim | NoneClaim | UpheldClaim


def link(lines: Sequence[Paragraph | SubHeading], year: int | None) -> tuple[Claim, ...]:
    """The claims of ``lines`` that name cells of tables 三 and 四."""
    words = lexicon()
    out: list[Claim] = []
    for line in lines:
        if line.prose is not None:
            topic = _Topic()
            for sentence in line.prose.sentences:
                out.extend(_Sentence(words, line, line.prose, sentence, year, topic).claims())
    return tuple(out)


class _Topic:
    """Whether a paragraph has begun to talk about applications (its later sentences go on:
    `…均在法定期限内予以答复。予以公开及部分公开258件`)."""

    applications = False


class _Sentence:
    """Reads one top-level sentence (its asides included) with the lexicon."""

    def __init__(
        self,
        words: Lexicon,
        line: Paragraph | SubHeading,
        prose: Prose,
        sentence: Sentence,
        year: int | None,
        topic: _Topic,
    ):
        self.words, self.line, self.prose, self.sentence, self.year, self.topic = (
            words,
            line,
            prose,
            sentence,
            year,
            topic,
        )
        self.disclosure = any(w in sentence.text for w in words.topics.get("disclosure", ()))
        self.earlier_year = False

    def _slice(self, start: int, end: int) -> str:
        base = self.prose.span.start
        return self.prose.text[start - base : end - base]

    def claims(self) -> Iterator[Claim]:
        yield from self._sentence(self.sentence)

    def _sentence(self, sentence: Sentence) -> Iterator[Claim]:
        for clause in sentence.clauses:
            yield from self._clause(clause)

    def _clause(self, clause: Clause) -> Iterator[Claim]:
        yield from self._run(clause.items, clause.span.start, clause.span.end, None)
        if clause.breakdown is not None:
            breakdown = clause.breakdown
            total = self._entry_of(breakdown.total) if breakdown.total is not None else None
            start = breakdown.span.start + len(breakdown.marker)
            yield from self._run(breakdown.items, start, breakdown.span.end, total)

    def _run(self, items: Sequence[Item | Group], start: int, end: int, parent: Entry | None) -> Iterator[Claim]:
        """Claims of a run of items whose text spans ``start``–``end``."""
        anchor = start
        for index, item in enumerate(items):
            if isinstance(item, Year) and self.year is not None and item.value < self.year:
                self.earlier_year = True
            if isinstance(item, Group):
                for inner in item.sentences:
                    for clause in inner.clauses:
                        # A parenthesised enumeration breaks down the count just before it.
                        yield from self._clause(clause)
                anchor = item.span.end
            elif isinstance(item, Quantity):
                # A 《title》 is words of the label (`72件申请按照《条例》顺延到下年度答复`).
                # (Indexed, not sliced: a copy of the rest per quantity is quadratic in a long run.)
                following = next(
                    (items[j].span.start for j in range(index + 1, len(items)) if not isinstance(items[j], BookTitle)),
                    end,
                )
                claim = self._count(item, anchor, following, parent)
                if claim is not None:
                    yield claim
                anchor = item.span.end
            elif isinstance(item, Share | Percent):
                anchor = item.span.end
            elif isinstance(item, Negation):
                none = self._none(item, end)
                if none is not None:
                    yield none
            elif isinstance(item, Upheld):
                groups = tuple(
                    group
                    for group, word in (("review", "复议"), ("lit_direct", "诉讼"), ("lit_after_review", "诉讼"))
                    if word in self.sentence.text
                )
                if groups and self.disclosure:
                    yield UpheldClaim(item, groups, self.line)

    def _label(self, quantity: Quantity, anchor: int, following: int) -> tuple[str, str]:
        """The words before ``quantity`` (cut at the last pause) and just after it."""
        before = self._slice(anchor, quantity.span.start)
        cut = max(before.rfind(p) for p in _PAUSES)
        before = before[cut + 1 :].lstrip("、；; \u3000")
        after = self._slice(quantity.span.end, following)
        stop = min((i for i in (after.find(p) for p in _PAUSES + "、") if i >= 0), default=len(after))
        return before, after[:stop]

    def _topic_holds(self, entry: Entry, label: str) -> bool:
        if entry.topic == "disclosure":
            return self.disclosure
        cleaned = label
        for phrase in self.words.topics.get("application_false", ()):
            cleaned = cleaned.replace(phrase, "")
        if any(w in cleaned for w in self.words.topics.get("application", ())):
            self.topic.applications = True
        return self.topic.applications

    def _entry_of(self, quantity: Quantity) -> Entry | None:
        """The entry a count's label names, if its topic holds (also sets the sentence's topic)."""
        before, after = self._label(quantity, self.sentence.span.start, quantity.span.end)
        entry = self.words.entry_for(before + after)
        return entry if entry is not None and self._topic_holds(entry, before + after) else None

    def _count(self, quantity: Quantity, anchor: int, following: int, parent: Entry | None) -> CountClaim | None:
        before, after = self._label(quantity, anchor, following)
        label = before + after
        entry = self.words.entry_for(label)
        topical = entry is not None and self._topic_holds(entry, label)
        if entry is None or not topical:
            # Still learn the topic from a label the lexicon does not know (`申请3件`).
            self._topic_holds(Entry((), "application", ()), label)
        if quantity.unit not in self.words.units or quantity.approximate or self.earlier_year:
            return None
        if any(word in label for word in _NOT_THIS_YEAR):
            return None
        column = self.words.column_at_end(before)
        if entry is not None and topical:
            readings = entry.readings
        elif column is not None and parent is not None:
            readings = parent.readings
        else:
            return None
        if parent is not None and entry is parent and column is None:
            return None  # a part named like its total: a breakdown the lexicon does not know
        if parent is not None and column is None and all(set(r) & _WHOLE for r in readings):
            # A part worded as a whole (`受理19件，其中11件办结，8件申请人撤销`): the 11
            # are some of the 19, and table 三 counts the withdrawn ones as results too.
            return None
        if column is not None and any(not r[0].startswith("t3.") for r in readings):
            return None
        return CountClaim(
            quantity=quantity,
            label=label,
            readings=tuple(Reading(tuple(rows), column or "total") for rows in readings),
            line=self.line,
        )

    def _none(self, negation: Negation, end: int) -> NoneClaim | None:
        if negation.text == "尚未":  # 尚未审结: pending, not none
            return None
        scope = self._slice(negation.span.end, end)
        stop = min((i for i in (scope.find(p) for p in _PAUSES) if i >= 0), default=len(scope))
        scope = scope[:stop]
        readings: list[Reading] = []
        # `未被复议机关纠错`, `未发生…行政诉讼败诉`: no case was lost, not no case at all.
        column = "corrected" if any(w in scope for w in _LOST) else "total"
        if self.disclosure and "复议" in scope:
            readings.append(Reading(("t4.review",), column))
        if self.disclosure and "诉讼" in scope:
            readings.append(Reading(("t4.lit_direct", "t4.lit_after_review"), column))
        if not readings and "申请" in scope and any(w in scope for w in ("收到", "接到", "受理", "接收")):
            readings.append(Reading(("t3.new_received",)))
        if not readings or self.earlier_year:
            return None
        return NoneClaim(negation=negation, scope=scope, readings=tuple(readings), line=self.line)


def breakdowns(prose: Prose) -> Iterator[tuple[Breakdown, tuple[Clause, ...]]]:
    """Every enumeration with a total, and the clauses after it in its sentence."""
    for sentence in prose.iter(Sentence):
        for index, clause in enumerate(sentence.clauses):
            if clause.breakdown is not None and clause.breakdown.total is not None:
                yield clause.breakdown, sentence.clauses[index + 1 :]
