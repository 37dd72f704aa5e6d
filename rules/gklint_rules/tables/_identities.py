"""Table 三's identities together: one wrong cell is one finding, not one per identity.

`application-balance-mismatch` (TB001), `results-total-mismatch` (TB002) and
`row-total-mismatch` (TB003) check identities that share cells: a wrong （七）总计 cell
breaks its column's balance, its column's results sum and its row's sum at once. Checked
one by one they give three findings with different fixes, and two of them may fix the
same error twice. `diagnose` looks at every judged identity at once and finds the fewest
cells (one, else two) whose changed values make every identity hold; each such cell is
one finding, made by the rule of the sum whose total it is (else by the first rule, by
code, whose identity it breaks), naming every identity it breaks.

Two cells that would each explain some of the same failures make the choice a guess
(two result cells of a column, each in a row whose total is off): neither is named. When
no one cell or pair explains the failures, the totals may be what is wrong (a whole
（七）总计 row left at 0): if setting every failing sum's total to its sum makes every
identity hold, those totals are the findings, and the balance they also break is not
reported again with a fix of its own that would count the same number twice.

Failures nothing explains stay with their own rule, which proposes a value for a cell only
when no other unexplained failure runs through that cell (`Diagnosis.contested`): two such
values could together count the same number twice. Nor when the values the rules would
propose, written in together, leave failing an identity through that cell that no other
proposed value runs through (`Diagnosis.breaks`): in a column whose results add up to more than its （七）总计 while the
total still agrees with the balance (006-pingtan-2020: 20 new, 20 in total, results adding
up to 26), a total of 26 would only move the error into the balance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import combinations

from gklint.api import Finding, Rule, StatTable, TableCell, Text, ValueKind, format_number

BALANCE_ROWS = ("new_received", "carried_over", "results_total", "carried_forward")


@dataclass(frozen=True, slots=True)
class Identity:
    """``sum(plus) - sum(minus) = 0``; ``key`` names it within its rule.

    ``residual`` (how far it is from holding, 0 when it holds) and ``signs`` (+1 or -1 by
    cell key) are worked out once, by `_identity`: the search for a pair of cells asks
    them of every identity for every pair of candidate cells.
    """

    code: str
    key: tuple[str, ...]
    name: Text
    plus: tuple[TableCell, ...]
    minus: tuple[TableCell, ...]
    residual: Decimal = field(compare=False)
    signs: dict[str, int] = field(compare=False, repr=False)

    def coefficient(self, cell: TableCell) -> int:
        """+1, -1, or 0 when the cell is not part of the identity."""
        return self.signs.get(cell.key, 0)


def _identity(
    code: str, key: tuple[str, ...], name: Text, plus: tuple[TableCell, ...], minus: tuple[TableCell, ...]
) -> Identity:
    residual = sum((c.number for c in plus), Decimal(0)) - sum((c.number for c in minus), Decimal(0))
    signs = {**{c.key: -1 for c in minus}, **{c.key: 1 for c in plus}}
    return Identity(code, key, name, plus, minus, residual, signs)


@dataclass(frozen=True, slots=True)
class Fix:
    """A cell whose value ``expected`` makes every identity hold; ``breaks`` are those it fails."""

    cell: TableCell
    expected: Decimal
    breaks: tuple[Identity, ...]

    @property
    def code(self) -> str:
        """The rule that reports it: the rule of a sum whose total the cell is (a wrong
        total is that sum's problem), else the first, by code, of those it breaks."""
        totals = [i.code for i in self.breaks if i.code != "TB001" and self.cell in i.minus]
        return min(totals or [i.code for i in self.breaks])


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """The cells that explain the failures, and the failures no cell explains."""

    fixes: tuple[Fix, ...]
    explained: frozenset[tuple[str, tuple[str, ...]]]
    judged: tuple[Identity, ...] = ()
    # By cell key: an identity that the values proposed for the unexplained failures,
    # written in together, leave failing through that cell.
    unsound: dict[str, Identity] = field(default_factory=dict, compare=False)

    def breaks(self, cell: TableCell) -> Identity | None:
        """The identity through ``cell`` that fails once every value the rules propose for
        the failures no `Fix` explains is written in; None when they all hold then."""
        return self.unsound.get(cell.key)

    def is_explained(self, code: str, key: tuple[str, ...]) -> bool:
        """Whether the failure of this identity is reported as part of a `Fix`."""
        return (code, key) in self.explained

    def fails_alone(self, code: str, key: tuple[str, ...]) -> bool:
        """Whether this identity fails and no `Fix` explains it (its rule reports it)."""
        return (code, key) not in self.explained and any(
            i.code == code and i.key == key and i.residual for i in self.judged
        )

    def contested(self, cell: TableCell, code: str, key: tuple[str, ...]) -> bool:
        """Whether another failing sum (TB002, TB003) that no `Fix` explains runs through
        ``cell``: its rule works out its value from this cell, so a value proposed for the
        cell by the rule of ``code``/``key`` could contradict that rule's."""
        return any(
            i.residual and i.code != "TB001" and (i.code, i.key) != (code, key) and i.coefficient(cell)
            for i in self.judged
            if (i.code, i.key) not in self.explained
        )


def _judged(table: StatTable, cells: list[TableCell | None]) -> bool:
    """Whether an identity over ``cells`` can be judged (as `check_sum` judges a sum)."""
    if any(c is None for c in cells):
        return False
    return all(table.is_readable(c.row) and c.value.kind is not ValueKind.TEXT for c in cells)  # type: ignore[union-attr]


def identities(table: StatTable) -> Iterator[Identity]:
    """Every identity of table 三 that can be judged, holding or not."""
    grid = table.grid
    if all(table.is_readable(r) for r in BALANCE_ROWS):
        new, over, done, forward = (table[r] for r in BALANCE_ROWS)
        for column, cell in forward.cells.items():
            cells = [new.get(column), over.get(column), done.get(column), cell]
            if not _judged(table, cells):
                continue
            a, b, c, d = cells
            if c.value.is_empty and a.number + b.number:  # type: ignore[union-attr]
                continue  # a blank （七）总计 is blank-cell's finding, not a wrong sum
            label = cell.spec.label
            yield _identity(
                "TB001",
                (column,),
                Text(
                    zh=f"{label}列的平衡（第一项 + 第二项 = 第三项 + 第四项）",
                    en=f"the balance of column {cell.spec.english}",
                ),
                (a, b),  # type: ignore[arg-type]
                (c, d),  # type: ignore[arg-type]
            )
    parts = [spec.key for spec in grid.rows if spec.result]
    total_row = table.rows.get(grid.total_row or "")
    if total_row is not None and all(p in table.rows for p in parts):
        for column, total in total_row.cells.items():
            cells = [table.get(p, column) for p in parts]
            if _judged(table, [total, *cells]) and not _blank_breakdown(total, cells):  # type: ignore[arg-type]
                yield _identity(
                    "TB002",
                    (column,),
                    Text(
                        zh=f"（七）总计·{total.spec.label} =（一）至（六）之和", en=f"(七) total / {total.spec.english}"
                    ),
                    tuple(cells),  # type: ignore[arg-type]
                    (total,),
                )
    applicants = [c.key for c in grid.columns if c.applicant]
    legal = [c.key for c in grid.columns if c.legal]
    sums = [(grid.total_column, applicants, "总计 = 六类申请人之和")]
    sums += [(c.key, legal, "小计 = 五类法人或其他组织之和") for c in grid.columns if c.subtotal]
    for row in table.rows.values():
        for key, part_keys, what in sums:
            total = row.get(key)
            cells = [row.get(k) for k in part_keys]
            if total is None or not _judged(table, [total, *cells]) or _blank_breakdown(total, cells):  # type: ignore[arg-type]
                continue
            yield _identity(
                "TB003",
                (row.key, key),
                Text(
                    zh=f"{row.label.spec.label}行的{what}",
                    en=f"the {total.spec.english} of row {row.label.spec.english}",
                ),
                tuple(cells),  # type: ignore[arg-type]
                (total,),
            )


def _blank_breakdown(total: TableCell, parts: list[TableCell]) -> bool:
    """A blank total, or parts all blank beside a stated total: blank-cell's business."""
    return total.value.is_empty or all(p.value.is_empty for p in parts)


# TB001, TB002 and TB003 each ask for the diagnosis of the same table, one after another:
# the last is kept, with its table (held, so that its id cannot be another table's).
_last: tuple[StatTable, Diagnosis] | None = None


def diagnose(table: StatTable) -> Diagnosis:
    """The fewest cells (one each, else a pair) that explain the failing identities."""
    global _last  # noqa: PLW0603 - a cache of one
    if _last is None or _last[0] is not table:
        _last = (table, _diagnose(table))
    return _last[1]


def _diagnose(table: StatTable) -> Diagnosis:
    judged = list(identities(table))
    failing = [i for i in judged if i.residual]
    if not failing:
        return Diagnosis((), frozenset(), tuple(judged))
    through: dict[str, list[Identity]] = {}
    cells: dict[str, TableCell] = {}
    for identity in judged:
        for cell in (*identity.plus, *identity.minus):
            through.setdefault(cell.key, []).append(identity)
            cells[cell.key] = cell
    candidates = sorted({c.key for i in failing for c in (*i.plus, *i.minus)})
    fixes: list[Fix] = []
    # One cell alone: every identity through it asks the same change of it.
    singles = [fix for key in candidates if (fix := _single(cells[key], through[key])) is not None]
    for fix in singles:
        ids = {id(i) for i in fix.breaks}
        # Another cell that would explain any of the same failures makes the choice a
        # guess (two result cells of a column, each in a row whose total is off): the
        # failures then stay with their own rules.
        if any(f is not fix and ids & {id(i) for i in f.breaks} for f in singles):
            continue
        fixes.append(fix)
    covered = {id(i) for f in fixes for i in f.breaks}
    rest = [i for i in failing if id(i) not in covered]
    if rest:
        fixes += _pair(rest, cells, through)
    covered = {id(i) for f in fixes for i in f.breaks}
    rest = [i for i in failing if id(i) not in covered]
    if rest:
        fixes += _totals(rest, judged, fixes, through)
    explained = frozenset((i.code, i.key) for f in fixes for i in f.breaks)
    diagnosis = Diagnosis(tuple(fixes), explained, tuple(judged))
    return replace(diagnosis, unsound=_unsound(diagnosis, through))


def balance_fix(new: TableCell, over: TableCell, done: TableCell, forward: TableCell) -> tuple[TableCell, Decimal]:
    """The cell and value that mend a column's balance (新收 + 上年结转 = （七）总计 + 结转下年度):
    结转下年度 is the remainder, unless that would be negative; then （七）总计 is the one off."""
    remainder = new.number + over.number - done.number
    return (forward, remainder) if remainder >= 0 else (done, new.number + over.number - forward.number)


def _unsound(diagnosis: Diagnosis, through: dict[str, list[Identity]]) -> dict[str, Identity]:
    """Write in at once the value each rule proposes for a failure no fix explains (the sum
    for a total, `balance_fix` for a balance); by cell, an identity through it that fails then."""
    changes: dict[str, Decimal] = {}
    for identity in diagnosis.judged:
        code, key = identity.code, identity.key
        if not identity.residual or diagnosis.is_explained(code, key):
            continue
        if code == "TB001":
            if diagnosis.fails_alone("TB002", key):
                continue  # the balance rule then proposes nothing (its total is off itself)
            new, over = identity.plus
            done, forward = identity.minus
            cell, value = balance_fix(new, over, done, forward)
        else:
            (cell,) = identity.minus
            value = cell.number + identity.residual
        if not diagnosis.contested(cell, code, key):
            changes.setdefault(cell.key, value)  # a second, different value fails below

    def value_of(cell: TableCell) -> Decimal:
        return changes.get(cell.key, cell.number)

    unsound: dict[str, Identity] = {}
    for cell_key in changes:
        for identity in through[cell_key]:
            others = [c for c in (*identity.plus, *identity.minus) if c.key in changes and c.key != cell_key]
            # An identity that other proposed values run through as well fails on what
            # they leave unresolved (a column left at 0 beside another wrong cell), not on
            # this value: only one the value alone changes can condemn it.
            if others:
                continue
            if sum(map(value_of, identity.plus), Decimal(0)) != sum(map(value_of, identity.minus), Decimal(0)):
                unsound[cell_key] = identity
                break
    return unsound


def _totals(
    failing: list[Identity], judged: list[Identity], fixes: list[Fix], through: dict[str, list[Identity]]
) -> list[Fix]:
    """Every failing sum's total set to its sum at once (a （七）总计 row left at 0), when
    that, with the fixes already found, makes every identity hold; else none."""
    changes: dict[str, Decimal] = {f.cell.key: f.expected for f in fixes}
    totals: dict[str, TableCell] = {}
    for identity in failing:
        if identity.code == "TB001":
            continue  # a balance names no total of its own; it must come out right
        (total,) = identity.minus
        expected = sum((c.number for c in identity.plus), Decimal(0))
        if changes.get(total.key, expected) != expected or total.key in {f.cell.key for f in fixes}:
            return []
        changes[total.key] = expected
        totals[total.key] = total

    def value(cell: TableCell) -> Decimal:
        return changes.get(cell.key, cell.number)

    for identity in judged:
        if sum(map(value, identity.plus), Decimal(0)) != sum(map(value, identity.minus), Decimal(0)):
            return []
    found = [
        Fix(cell, changes[key], tuple(i for i in through[key] if i.residual)) for key, cell in sorted(totals.items())
    ]
    # Totals that each break only their own sum are what the rules report anyway.
    return found if any(len(f.breaks) > 1 for f in found) else []


def _single(cell: TableCell, through: list[Identity]) -> Fix | None:
    deltas = {-i.residual * i.coefficient(cell) for i in through}
    if len(deltas) != 1:
        return None
    (delta,) = deltas
    if not delta or cell.number + delta < 0:
        return None
    return Fix(cell, cell.number + delta, tuple(i for i in through if i.residual))


def _pair(failing: list[Identity], cells: dict[str, TableCell], through: dict[str, list[Identity]]) -> list[Fix]:
    """Two cells that together explain ``failing`` (a number written in the wrong column):
    the one pair that does, or none when no pair or several pairs would."""
    candidates = sorted({c.key for i in failing for c in (*i.plus, *i.minus)})
    found: list[list[Fix]] = []
    for first, second in combinations(candidates, 2):
        one, two = cells[first], cells[second]
        touched = {id(i): i for i in (*through[first], *through[second])}
        if any(id(i) not in touched for i in failing):
            continue
        solved = _solve(one, two, list(touched.values()))
        if solved is not None:
            found.append(
                [Fix(cell, cell.number + d, tuple(i for i in through[cell.key] if i.residual)) for cell, d in solved]
            )
            if len(found) > 1:
                return []
    return found[0] if found else []


def _solve(one: TableCell, two: TableCell, equations: list[Identity]) -> list[tuple[TableCell, Decimal]] | None:
    """Changes ``d1``, ``d2`` (both non-zero) with ``c1·d1 + c2·d2 = -residual`` for every
    identity, the values staying ≥ 0; None when there are none or not one."""
    # Identities through one cell only fix its change; they must agree.
    alone_one = {-i.residual * i.coefficient(one) for i in equations if i.coefficient(one) and not i.coefficient(two)}
    alone_two = {-i.residual * i.coefficient(two) for i in equations if i.coefficient(two) and not i.coefficient(one)}
    if len(alone_one) > 1 or len(alone_two) > 1:
        return None
    d1 = next(iter(alone_one), None)
    d2 = next(iter(alone_two), None)
    for i in equations:
        a, b, r = i.coefficient(one), i.coefficient(two), -i.residual
        if a and b:
            if d1 is None and d2 is not None:
                d1 = (r - b * d2) * a
            elif d2 is None and d1 is not None:
                d2 = (r - a * d1) * b
    if d1 is None or d2 is None or not d1 or not d2:
        return None
    if any(i.coefficient(one) * d1 + i.coefficient(two) * d2 != -i.residual for i in equations):
        return None
    if one.number + d1 < 0 or two.number + d2 < 0:
        return None
    return [(one, d1), (two, d2)]


def fix_findings(rule: Rule, table: StatTable, diagnosis: Diagnosis) -> Iterator[Finding]:
    """One finding per `Fix` that ``rule`` reports, at the cell, naming what it breaks."""
    for fix in diagnosis.fixes:
        if fix.code != rule.code:
            continue
        cell, expected = fix.cell, format_number(fix.expected)
        row = table.rows[cell.row].label.spec.label
        zh_names = "、".join(i.name.zh for i in fix.breaks)
        en_names = ", ".join(i.name.en for i in fix.breaks)
        actual = format_number(cell.number)
        message = Text(
            zh=f"表三“{row}”·{cell.spec.label} 应为 {expected}，实为 {actual}："
            f"这一个数使{zh_names}不成立，改为 {expected} 后都成立",
            en=f"table 三, {table.english(cell.row)} / {cell.spec.english} should be {expected}, is {actual}: "
            f"this one cell breaks {en_names}; with {expected} they all hold",
        )
        yield rule.finding(
            cell.span,
            message,
            help=Text(
                zh="核对该单元格；表三的各项勾稽关系都指向它",
                en="check this cell: every identity of table 三 that fails points at it",
            ),
            expected=expected,
        )
