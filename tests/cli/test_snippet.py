"""The source line and caret under a finding, measured in terminal cells."""

from __future__ import annotations

from rich.cells import cell_len

from gklint.reporting.terminal import MAX_BEFORE, WIDTH, snippet


def test_a_short_table_row_is_shown_whole_with_tabs_drawn() -> None:
    line = "\t（七）总计\t\t20\t0\t21"
    shown, carets = snippet(line, 14, 16)  # the cell "21" is characters 14-15
    assert shown == " ┆ （七）总计 ┆  ┆ 20 ┆ 0 ┆ 21"
    assert carets == " " * cell_len(" ┆ （七）总计 ┆  ┆ 20 ┆ 0 ┆ ") + "^^"


def test_a_long_line_is_cut_around_the_span() -> None:
    line = "说" * 80 + "2020年" + "明" * 80
    shown, carets = snippet(line, 81, 86)
    assert shown.startswith("…") and shown.endswith("…")
    assert cell_len(shown) <= WIDTH + cell_len("2020年") + 1
    prefix = shown[: shown.index("2020年")]
    assert cell_len(prefix) <= MAX_BEFORE
    assert carets == " " * cell_len(prefix) + "^" * cell_len("2020年")


def test_an_empty_span_still_gets_one_caret() -> None:
    shown, carets = snippet("规章\t\t0", 4, 4)
    assert shown == "规章 ┆  ┆ 0" and carets == " " * cell_len("规章 ┆ ") + "^"
