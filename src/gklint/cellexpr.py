"""A tiny, safe language for comparisons between table cells (no ``eval``).

    comparison := sum OP sum          OP: <= >= < > == != (= and ≤ ≥ ≠ also accepted)
    sum        := term (("+" | "-") term)*
    term       := NUMBER | REF | "(" sum ")" | "-" term
    REF        := t2|t3|t4 "." row "." column      e.g. t3.new_received.total

Numbers are decimals. References use the canonical keys of the table model.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<ref>t[234](?:\.[a-z][a-z0-9_]*){2})|(?P<op><=|>=|==|!=|[<>=≤≥≠+\-()]))"
)
_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<=": operator.le, "≤": operator.le, ">=": operator.ge, "≥": operator.ge, "<": operator.lt, ">": operator.gt,
    "==": operator.eq, "=": operator.eq, "!=": operator.ne, "≠": operator.ne,
}  # fmt: skip


class ExpressionError(ValueError):
    """An expression that does not parse; the message says where."""


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed comparison: ``left OP right``, each side a tree of tuples."""

    source: str
    left: object
    op: str
    right: object

    @property
    def refs(self) -> tuple[str, ...]:
        """The cell references, in order of appearance."""
        return tuple(_refs(self.left)) + tuple(_refs(self.right))

    def sides(self, cell: Callable[[str], Decimal | None]) -> tuple[Decimal, Decimal] | None:
        """Both sides' values, or None when a referenced cell is absent."""
        left, right = _value(self.left, cell), _value(self.right, cell)
        return None if left is None or right is None else (left, right)

    def holds(self, left: Decimal, right: Decimal) -> bool:
        """Whether ``left OP right``."""
        return _COMPARE[self.op](left, right)


def parse(source: str) -> Expression:
    """Parse ``source``; raises `ExpressionError` naming the offending position."""
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(source.rstrip()):
        match = _TOKEN.match(source, pos)
        if match is None or match.end() == pos:
            raise ExpressionError(f"cannot read {source[pos:].strip()!r} (column {pos + 1})")
        kind = match.lastgroup or "op"
        tokens.append((kind, match.group(kind), match.start(kind) + 1))
        pos = match.end()
    parser = _Parser(tokens, source)
    left = parser.sum()
    op = parser.take("op")
    if op not in _COMPARE:
        raise ExpressionError(f"expected a comparison (<=, >=, <, >, ==, !=), found {op or 'the end'!r}")
    right = parser.sum()
    if parser.index < len(tokens):
        raise ExpressionError(f"unexpected {tokens[parser.index][1]!r} (column {tokens[parser.index][2]})")
    return Expression(source, left, op, right)


# Bounds that keep parsing and evaluation (both recursive) far from Python's recursion
# limit: a real check nests a few parentheses and adds a few dozen cells.
MAX_NESTING = 50
MAX_OPERANDS = 500


class _Parser:
    def __init__(self, tokens: list[tuple[str, str, int]], source: str) -> None:
        self.tokens, self.source, self.index = tokens, source, 0
        self.depth = self.operands = 0

    def peek(self) -> str | None:
        return self.tokens[self.index][1] if self.index < len(self.tokens) else None

    def take(self, kind: str | None = None) -> str | None:
        if self.index >= len(self.tokens) or (kind and self.tokens[self.index][0] != kind):
            return None
        self.index += 1
        return self.tokens[self.index - 1][1]

    def sum(self) -> object:
        node = self.term()
        while self.peek() in ("+", "-"):
            node = (self.take(), node, self.term())
        return node

    def term(self) -> object:
        if self.index >= len(self.tokens):
            raise ExpressionError("the expression ends too early")
        kind, text, column = self.tokens[self.index]
        self.index += 1
        self.operands += 1
        if self.operands > MAX_OPERANDS:
            raise ExpressionError(f"more than {MAX_OPERANDS} operands")
        if kind == "num":
            return Decimal(text)
        if kind == "ref":
            return ("ref", text)
        if text in ("-", "("):
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise ExpressionError(f"nested more than {MAX_NESTING} deep (column {column})")
            node = ("neg", self.term()) if text == "-" else self.sum()
            self.depth -= 1
            if text == "(" and self.take("op") != ")":
                raise ExpressionError(f"missing ')' for the '(' at column {column}")
            return node
        raise ExpressionError(f"unexpected {text!r} (column {column})")


def _refs(node: object) -> list[str]:
    if isinstance(node, tuple):
        return [node[1]] if node[0] == "ref" else [r for child in node[1:] for r in _refs(child)]
    return []


def _value(node: object, cell: Callable[[str], Decimal | None]) -> Decimal | None:
    if isinstance(node, Decimal):
        return node
    assert isinstance(node, tuple)
    if node[0] == "ref":
        return cell(node[1])
    if node[0] == "neg":
        inner = _value(node[1], cell)
        return None if inner is None else -inner
    left, right = _value(node[1], cell), _value(node[2], cell)
    if left is None or right is None:
        return None
    return left + right if node[0] == "+" else left - right
