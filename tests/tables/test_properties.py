"""Property tests: a consistent generated table 三/四 in any supported layout gives no
arithmetic finding; changing any one number gives a finding on that cell's row or column."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gklint.engine import lint_report
from gklint.model import Report, build_report
from gklint.parser import parse
from gklint.tables import templates
from tests.conftest import national_ruleset

ARITHMETIC = [r for r in national_ruleset().rules if r.code in ("TB001", "TB002", "TB003", "TB004")]
APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
)
LEGAL = APPLICANTS[1:]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
GROUP_LABELS = {
    "denied": "（三）不予公开",
    "unable": "（四）无法提供",
    "ignored": "（五）不予处理",
    "other": "（六）其他处理",
}


@dataclass(frozen=True)
class Layout:
    """How the generated table is written."""

    template: str
    label_width: int  # 1–3 leading label cells
    subtotal: bool  # an extra 法人小计 column
    header_lines: int  # 2 or 3
    blank_line: bool  # a stray blank line inside table 三
    half_width: bool  # (一) and 1、 instead of （一） and 1.
    label_first: bool  # labels left-aligned with empty cells after them (卫辉), else right-aligned


layouts = st.builds(
    Layout,
    template=st.sampled_from(["2019", "2021"]),
    label_width=st.integers(1, 3),
    subtotal=st.booleans(),
    header_lines=st.sampled_from([2, 3]),
    blank_line=st.booleans(),
    half_width=st.booleans(),
    label_first=st.booleans(),
)


@st.composite
def consistent(draw: st.DrawFn) -> tuple[Layout, dict[str, dict[str, int]], list[list[int]]]:
    layout = draw(layouts)
    grid = templates()[layout.template].t3
    results = [r.key for r in grid.rows if r.result]
    counts = st.integers(0, 30)
    table: dict[str, dict[str, int]] = {r.key: {} for r in grid.rows}
    for column in APPLICANTS:
        for key in results:
            table[key][column] = draw(counts)
        total = sum(table[key][column] for key in results)
        forward, over = draw(counts), draw(st.integers(0, 30))
        over = min(over, total + forward)
        table["results_total"][column] = total
        table["carried_forward"][column] = forward
        table["carried_over"][column] = over
        table["new_received"][column] = total + forward - over
    for row in table.values():
        row["legal_subtotal"] = sum(row[c] for c in LEGAL)
        row["total"] = sum(row[c] for c in APPLICANTS)
    groups = []
    for _ in range(3):
        parts = [draw(counts) for _ in range(4)]
        groups.append([*parts, sum(parts)])
    return layout, table, groups


def _columns(layout: Layout) -> list[str]:
    legal = [*LEGAL, "legal_subtotal"] if layout.subtotal else list(LEGAL)
    return ["natural_person", *legal, "total"]


def _label(text: str, layout: Layout) -> str:
    if layout.half_width:
        text = text.replace("（", "(").replace("）", ")")
        if text[:2] in {f"{d}." for d in "12345678"}:
            text = text[0] + "、" + text[2:]
    return text


def render(layout: Layout, table: dict[str, dict[str, int]], groups: list[list[int]]) -> str:
    grid = templates()[layout.template].t3
    width = layout.label_width
    columns = _columns(layout)
    names = {
        "natural_person": "自然人",
        "commercial_enterprise": "商业企业",
        "research_institution": "科研机构",
        "social_welfare_org": "社会公益组织",
        "legal_service_org": "法律服务机构",
        "other_org": "其他",
        "legal_subtotal": "小计",
        "total": "总计",
    }
    pad = [""] * (width - 1)
    lines = ["某局2024年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    if layout.header_lines == 3:
        lines.append("\t".join([NOTE, *pad, "申请人情况", *[""] * (len(columns) - 1)]))
        lines.append("\t".join(["", *pad, "自然人", "法人或其他组织", *[""] * (len(columns) - 3), "总计"]))
        lines.append("\t".join(["", *pad, "", *[names[c] for c in columns[1:-1]], ""]))
    else:
        lines.append("\t".join([NOTE, *pad, "自然人", "法人或其他组织", *[""] * (len(columns) - 3), "总计"]))
        lines.append("\t".join(["", *pad, "", *[names[c] for c in columns[1:-1]], ""]))
    group = None
    for index, spec in enumerate(grid.rows):
        labels = [_label(spec.label, layout)]
        if spec.group is not None and spec.group != group:
            labels.insert(0, _label(GROUP_LABELS[spec.group], layout))
        group = spec.group
        # One to three label cells; merged cells stay empty, before or after the labels.
        padding = [""] * (width - len(labels[-width:]))
        cells = labels[-width:] + padding if layout.label_first else padding + labels[-width:]
        lines.append("\t".join([*cells, *(str(table[spec.key][c]) for c in columns)]))
        if layout.blank_line and index == 5:
            lines.append("")
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
        "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t" * 5 + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
        "\t".join(str(v) for group_values in groups for v in group_values),
    ]
    return "\n".join(lines) + "\n"


def _report(text: str) -> Report:
    return build_report(parse(text), text)


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(consistent())
def test_consistent_tables_give_no_arithmetic_finding(generated) -> None:  # noqa: ANN001 - hypothesis value
    layout, table, groups = generated
    report = _report(render(layout, table, groups))
    assert report.table3 is not None and not report.table3.problems
    assert len(report.table3.rows) == len(templates()[layout.template].t3.rows)
    assert lint_report(report, ARITHMETIC) == []


@SETTINGS
@given(consistent(), st.data())
def test_changing_one_number_is_found_on_its_row_or_column(generated, data) -> None:  # noqa: ANN001
    layout, table, groups = generated
    in_t4 = data.draw(st.booleans())
    if in_t4:
        group, column = data.draw(st.integers(0, 2)), data.draw(st.integers(0, 4))
        groups = [list(g) for g in groups]
        groups[group][column] += data.draw(st.integers(1, 5))
        report = _report(render(layout, table, groups))
        assert report.table4 is not None
        keys = ("review", "lit_direct", "lit_after_review")
        target_row = keys[group]
        findings = lint_report(report, ARITHMETIC)
        assert any(f.span == report.table4[target_row]["total"].span for f in findings), findings
        return
    row = data.draw(st.sampled_from(sorted(table)))
    column = data.draw(st.sampled_from(_columns(layout)))
    table = {k: dict(v) for k, v in table.items()}
    table[row][column] += data.draw(st.sampled_from([-1, 1, 7]))
    if table[row][column] < 0:
        table[row][column] = 2
    report = _report(render(layout, table, groups))
    t3 = report.table3
    assert t3 is not None
    changed = t3[row][column]
    findings = lint_report(report, ARITHMETIC)
    assert findings
    spans = {f.span for f in findings}
    row_cells = {cell.span for cell in t3[row].cells.values()}
    column_cells = {r[column].span for r in t3.rows.values()}
    assert spans & (row_cells | column_cells), (changed, findings)
