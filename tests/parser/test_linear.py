"""Line classification is linear in the line's length (issue 12: 40k leading spaces took
minutes while the heading terminals backtracked).

Timed by growth, not by an absolute limit: a line four times as long may take at most
eight times as long (linear takes four, quadratic backtracking sixteen), best of several
runs of each, the short and the long line in turn, so that a busy moment of a shared
machine slows both (it once failed at load 3.5 when each was timed in a block). The time
is the process's CPU time: waiting for a core that other processes hold is not counted
(wall time failed with two benchmark processes on the two cores).
"""

from __future__ import annotations

import time

import pytest

from gklint.parser import line_kind

RUNS = 7
SHORT, LONG = 10_000, 40_000
MAX_GROWTH = 8


def _best(short_line: str, long_line: str) -> tuple[float, float]:
    """The best time of each line, the two timed in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for line, found in zip((short_line, long_line), times, strict=True):
            start = time.process_time()
            line_kind(line)
            found.append(time.process_time() - start)
    return min(times[0]), min(times[1])


# Each tail makes some terminal try (and fail) a match after the run of spaces.
@pytest.mark.parametrize(
    "tail", ["x", "一、x", "（一）x", "1.x", "**x", "#x", "-|x", "第一部分x", "|x|", "一 x", "a  1  x", "a  b  c"]
)
@pytest.mark.parametrize("space", [" ", "\u3000"])
def test_a_long_run_of_leading_spaces_is_classified_in_linear_time(space: str, tail: str) -> None:
    line_kind("warm up")
    short, long = _best(space * SHORT + tail, space * LONG + tail)
    assert long <= MAX_GROWTH * short, f"{SHORT} → {LONG} characters: {short:.4f}s → {long:.4f}s"


# Many cells apart by runs of spaces (or words apart by single ones), the line failing
# only at its end: the row terminals keep no backtracking point per character.
@pytest.mark.parametrize("cell", ["a  ", "1  ", "a ", "1 ", "1\u3000\u3000"])
def test_a_long_row_of_spaced_cells_is_classified_in_linear_time(cell: str) -> None:
    line_kind("warm up")
    short, long = _best(cell * SHORT + "x。", cell * LONG + "x。")
    assert long <= MAX_GROWTH * short, f"{SHORT} → {LONG} cells: {short:.4f}s → {long:.4f}s"


def test_the_pathological_lines_are_still_read_correctly() -> None:
    assert line_kind(" " * SHORT + "一、总体情况") == "heading"
    assert line_kind("\u3000" * SHORT + "（一）主动公开") == "subheading"
    assert line_kind(" " * SHORT + "x") == "paragraph"
