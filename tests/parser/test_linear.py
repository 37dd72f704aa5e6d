"""Line classification is linear in the line's length (issue 12: 40k leading spaces took
minutes while the heading terminals backtracked).

Timed by growth, not by an absolute limit: a line four times as long may take at most
eight times as long (linear takes four, quadratic backtracking sixteen), best of several
runs, so that a busy machine does not make the test flaky.
"""

from __future__ import annotations

import time

import pytest

from gklint.parser import line_kind

RUNS = 5
SHORT, LONG = 10_000, 40_000
MAX_GROWTH = 8


def _best(line: str) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        line_kind(line)
        times.append(time.perf_counter() - start)
    return min(times)


# Each tail makes some terminal try (and fail) a match after the run of spaces.
@pytest.mark.parametrize(
    "tail", ["x", "一、x", "（一）x", "1.x", "**x", "#x", "-|x", "第一部分x", "|x|", "一 x", "a  1  x", "a  b  c"]
)
@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_a_long_run_of_leading_spaces_is_classified_in_linear_time(space: str, tail: str) -> None:
    line_kind("warm up")
    short, long = _best(space * SHORT + tail), _best(space * LONG + tail)
    assert long <= MAX_GROWTH * short, f"{SHORT} → {LONG} characters: {short:.4f}s → {long:.4f}s"


# Many cells apart by runs of spaces (or words apart by single ones), the line failing
# only at its end: the row terminals keep no backtracking point per character.
@pytest.mark.parametrize("cell", ["a  ", "1  ", "a ", "1 ", "1\u3000\u3000"])
def test_a_long_row_of_spaced_cells_is_classified_in_linear_time(cell: str) -> None:
    line_kind("warm up")
    short, long = _best(cell * SHORT + "x。"), _best(cell * LONG + "x。")
    assert long <= MAX_GROWTH * short, f"{SHORT} → {LONG} cells: {short:.4f}s → {long:.4f}s"


def test_the_pathological_lines_are_still_read_correctly() -> None:
    assert line_kind(" " * SHORT + "一、总体情况") == "heading"
    assert line_kind("\u3000" * SHORT + "（一）主动公开") == "subheading"
    assert line_kind(" " * SHORT + "x") == "paragraph"
