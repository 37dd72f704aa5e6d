"""Cell values: numbers in their written forms, blanks and placeholders kept apart from 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gklint.tables.values import ValueKind, format_number, parse_value


@pytest.mark.parametrize(
    ("raw", "number"),
    [("0", 0), ("26", 26), ("１２３", 123), ("1,234", 1234), ("1 234", 1234), (" 7 ", 7), ("5件", 5)],
)
def test_counts(raw: str, number: int) -> None:
    value = parse_value(raw)
    assert value.kind is ValueKind.NUMBER and value.number == number and value.is_count


@pytest.mark.parametrize("raw", ["", "  ", "\u3000", "&nbsp;"])
def test_blanks(raw: str) -> None:
    value = parse_value(raw)
    assert value.kind is ValueKind.BLANK and value.is_empty and value.amount == 0 and value.number is None


@pytest.mark.parametrize("raw", ["/", "／", "-", "－", "—", "——", "无"])
def test_placeholders_are_not_zero(raw: str) -> None:
    value = parse_value(raw)
    assert value.kind is ValueKind.PLACEHOLDER and value.number is None and value.amount == 0


def test_signs_decimals_units_and_notes() -> None:
    assert parse_value("-18").number == -18 and parse_value("-18").sign == "-"
    assert parse_value("+1036").number == 1036 and not parse_value("+1036").is_count
    fee = parse_value("0.0150")
    assert fee.number == Decimal("0.0150") and fee.decimals == 4 and not fee.is_count
    assert parse_value("251000元").unit == "元" and parse_value("0万元").unit == "万元"
    assert parse_value("22（其中修订 16 件）").number == 22


def test_run_together_digits_and_text() -> None:
    assert parse_value("0124").leading_zero and not parse_value("0").leading_zero
    assert parse_value("约3").kind is ValueKind.TEXT and not parse_value("约3").is_empty


def test_format_number() -> None:
    assert format_number(Decimal("26")) == "26" and format_number(Decimal("0.0150")) == "0.015"
