"""Property tests of the prose rules: a paragraph that states the counts of a generated
consistent table 三 gives no ``prose-table-mismatch``, and changing any one stated count
gives exactly one, on that number; a stated total with its parts is checked the same way
by ``stated-total-mismatch``."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gklint.engine import lint_text
from tests.conftest import SAMPLES, national_ruleset

RULES = {r.code: r for r in national_ruleset().rules if r.code in ("PR001", "PR002")}
SAMPLE = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
LINES = SAMPLE.split("\n")
APPLICANTS = 6
# Table 三 of the sample: one line per template row, its last seven cells the six applicant
# columns and 总计, in the 2021 template's row order.
ROWS = [i for i, line in enumerate(LINES) if line.count("\t") == 9 and line.split("\t")[-1].isdigit()]
RESULT_ROWS = ROWS[2:-2]
DENIED = ROWS[4:12]
# The paragraph of the sample that states the application counts.
PARAGRAPH = next(i for i, line in enumerate(LINES) if line.startswith("（二）依申请公开"))


@st.composite
def tables(draw: st.DrawFn) -> dict[int, list[int]]:
    """Sample line → its seven numbers, for a table 三 whose identities all hold."""
    counts = st.integers(0, 12)
    cells: dict[int, list[int]] = {row: [] for row in ROWS}
    for _ in range(APPLICANTS):
        results = [draw(counts) for _ in RESULT_ROWS]
        forward = draw(counts)
        total = sum(results)
        over = draw(st.integers(0, total + forward))
        column = [total + forward - over, over, *results, total, forward]
        for row, value in zip(ROWS, column, strict=True):
            cells[row].append(value)
    for values in cells.values():
        values.append(sum(values))
    return cells


def statements(cells: dict[int, list[int]]) -> list[tuple[str, int, str]]:
    """(words before, count, words after) of the paragraph, in order."""
    new, over, granted = cells[ROWS[0]], cells[ROWS[1]], cells[ROWS[2]]
    results, forward = cells[ROWS[-2]], cells[ROWS[-1]]
    denied = sum(cells[row][-1] for row in DENIED)
    return [
        ("（二）依申请公开。全年新收政府信息公开申请", new[-1], "件，"),
        ("其中自然人申请", new[0], "件；"),
        ("上年结转", over[-1], "件；"),
        ("办结", results[-1], "件，"),
        ("其中予以公开", granted[-1], "件、"),
        ("不予公开", denied, "件；"),
        ("结转下年度继续办理", forward[-1], "件。"),
    ]


def report(cells: dict[int, list[int]], said: list[tuple[str, int, str]]) -> tuple[str, list[int]]:
    """The sample with the table's numbers and a paragraph saying ``said``; where each count stands."""
    lines = list(LINES)
    for row, values in cells.items():
        labels = lines[row].split("\t")[:-7]
        lines[row] = "\t".join([*labels, *map(str, values)])
    paragraph, columns = "", []
    for before, count, after in said:
        columns.append(len(paragraph) + len(before) + 1)
        paragraph += f"{before}{count}{after}"
    lines[PARAGRAPH] = paragraph
    return "\n".join(lines), columns


def findings(text: str, code: str) -> list[tuple[int, int]]:
    return [(f.span.line, f.span.column) for f in lint_text(text, [RULES[code]])]


@settings(max_examples=60, deadline=None)
@given(tables())
def test_a_paragraph_agreeing_with_the_table_gives_no_finding(cells: dict[int, list[int]]) -> None:
    text, _ = report(cells, statements(cells))
    assert findings(text, "PR001") == []
    assert findings(text, "PR002") == []


@settings(max_examples=80, deadline=None)
@given(tables(), st.data())
def test_one_changed_count_gives_one_finding_on_it(cells: dict[int, list[int]], data: st.DataObject) -> None:
    said = statements(cells)
    index = data.draw(st.integers(0, len(said) - 1))
    before, count, after = said[index]
    wrong = data.draw(st.integers(0, count + 20).filter(lambda v: v != count))
    # The value must not be another reasonable reading of the phrase (新收 may include the
    # carried-over applications, 办结 may be stated as 新收 + 上年结转).
    new, over = cells[ROWS[0]], cells[ROWS[1]]
    assume(wrong not in (new[-1] + over[-1], new[0] + over[0]))
    said[index] = (before, wrong, after)
    text, columns = report(cells, said)
    assert findings(text, "PR001") == [(PARAGRAPH + 1, columns[index])]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=2, max_size=6), st.integers(-30, 30), st.booleans())
def test_a_stated_total_is_the_sum_of_its_parts(parts: list[int], error: int, catch_all: bool) -> None:
    total = sum(parts) + error
    assume(total >= 0)
    names = [f"第{i + 1}类信息" for i in range(len(parts))]
    if catch_all:
        names[-1] = "其他信息"
    listed = "，".join(f"{name}{count}条" for name, count in zip(names, parts, strict=True))
    line = f"全年共公布政府信息{total}条（其中{listed}）。"
    text = f"某区2024年政府信息公开工作年度报告\n一、总体情况\n{line}\n"
    # Parts adding up to more than the total are wrong; so are parts that fall short when the
    # list ends with a catch-all (其他…) and so claims to be complete.
    wrong = error < 0 or (error > 0 and catch_all)
    assert findings(text, "PR002") == ([(3, 10)] if wrong else [])
