"""The inline grammar (grammars/inline.lark) read through `gklint.prose.parse_prose`."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from gklint.ast import Span
from gklint.prose.nodes import (
    AsOf,
    BookTitle,
    Breakdown,
    Claim,
    Date,
    Group,
    Negation,
    Percent,
    Period,
    Prose,
    Quantity,
    Share,
    Upheld,
    Year,
    YearMonth,
)
from gklint.prose.parser import parse_prose


def read(text: str) -> Prose:
    return parse_prose(text, Span.of(text, 0, len(text)))


def kinds(text: str, kind: type[Claim]) -> list[str]:
    return [node.text for node in read(text).iter(kind)]


def test_quantities_need_a_measure_word() -> None:
    prose = read("一是全年共收到申请3件，办结两件，十九大精神，第一次会议，每一件都答复。")
    assert [(q.text, q.value, q.unit) for q in prose.iter(Quantity)] == [
        ("3件", Decimal(3), "件"),
        ("两件", Decimal(2), "件"),
    ]


def test_numeral_styles_and_units() -> None:
    prose = read("公开２,６０２条、一百零五项、0.5万元、15人次、二〇二三份、3.6个百分点。")
    assert [(q.value, q.unit) for q in prose.iter(Quantity)] == [
        (Decimal(2602), "条"),
        (Decimal(105), "项"),
        (Decimal("0.5"), "万元"),
        (Decimal(15), "人次"),
        (Decimal(2023), "份"),
        (Decimal("3.6"), "个百分点"),
    ]


def test_approximate_markers() -> None:
    prose = read("近100件，100余件，约20条，超过3000条，5件。")
    assert [q.approximate for q in prose.iter(Quantity)] == ["近", "余", "约", "超过", None]


def test_a_quantity_remembers_where_its_number_stands() -> None:
    text = "共收到申请2,602条。"
    (quantity,) = read(text).iter(Quantity)
    assert text[quantity.number.start : quantity.number.end] == "2,602"


def test_percent_and_share() -> None:
    prose = read("予以公开258件，占33.9%，同比增长5％。")
    assert [s.percent.value for s in prose.iter(Share)] == [Decimal("33.9")]
    # A share holds its percentage; iter(Percent) gives the ones standing alone.
    assert [p.value for p in prose.iter(Percent)] == [Decimal(5)]


def test_years_dates_and_periods() -> None:
    prose = read("统计期限自2021年1月1日起至2021年12月31日止。2021年度，二〇二一年，2020年12月印发。")
    assert [(y.value, y.fiscal) for y in prose.iter(Year)] == [(2021, True), (2021, False)]
    (period,) = prose.iter(Period)
    assert isinstance(period.start, Date) and period.start.date == datetime.date(2021, 1, 1)
    assert isinstance(period.end, Date) and period.end.date == datetime.date(2021, 12, 31)
    assert [(m.year, m.month) for m in prose.iter(YearMonth)] == [(2020, 12)]


def test_as_of_and_titles_keep_their_years() -> None:
    prose = read("截至2021年12月31日，依据《2020年政务公开工作要点》开展工作。")
    (as_of,) = prose.iter(AsOf)
    assert isinstance(as_of.when, Date)
    assert kinds("依据《2020年政务公开工作要点》开展工作。", BookTitle) == ["《2020年政务公开工作要点》"]
    assert kinds("依据《2020年政务公开工作要点》开展工作。", Year) == []


def test_words_that_look_like_claims_are_text() -> None:
    text = "依据《条例》第十条，至关重要，其他事项，占用资源，无法提供。"
    prose = read(text)
    assert list(prose.iter(Quantity)) == []
    assert list(prose.iter(Period)) == []
    assert list(prose.iter(Share)) == []
    assert list(prose.iter(Negation)) == []


def test_breakdown_with_nested_asides() -> None:
    text = "全年共公布政府信息2602条(其中机构职能类信息82条（含图解2条），工作动态类信息2520条)。"
    (breakdown,) = read(text).iter(Breakdown)
    assert breakdown.total is not None and breakdown.total.value == 2602
    assert [p.value for p in breakdown.parts] == [82, 2520]
    assert [g.text for g in breakdown.items if isinstance(g, Group)] == ["（含图解2条）"]


def test_breakdown_total_is_the_last_count_of_its_clause() -> None:
    (breakdown,) = read("新收申请35件，上年结转2件，其中自然人2件。").iter(Breakdown)
    assert breakdown.total is not None and breakdown.total.value == 2


def test_clauses_and_sentences() -> None:
    prose = read("办结32件；结转5件。未发生行政复议。")
    assert [len(s.clauses) for s in prose.sentences] == [2, 1]


def test_negation_and_upheld() -> None:
    assert kinds("本年度未收到政府信息公开申请，没有收费，无行政诉讼。", Negation) == ["未", "没有", "无"]
    assert kinds("行政复议案件均获维持。", Upheld) == ["均获维持"]


def test_an_unclosed_bracket_is_text() -> None:
    prose = read("共收到申请（3件，办结2件）)。")
    assert [q.value for q in prose.iter(Quantity)] == [3, 2]


LINE = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１二三十百千万两零〇年月日度件条%％占其中涉及未无均获维持《》（）()。；，、至起止截 \t")
    )
    | st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),
    max_size=80,
)


def _nodes(prose: Prose) -> list[Claim]:
    return [
        node
        for kind in (Quantity, Percent, Year, Date, Period, Breakdown, Group, BookTitle)
        for node in prose.iter(kind)
    ]


@settings(max_examples=300, deadline=None)
@given(LINE, st.integers(0, 5), st.integers(0, 40))
def test_any_line_parses_and_every_span_slices_back(text: str, line: int, indent: int) -> None:
    report = "\n" * line + " " * indent + text
    span = Span.of(report, line + indent, len(report))
    prose = parse_prose(text, span)
    assert prose.text == text
    for node in [*prose.sentences, *_nodes(prose)]:
        assert report[node.span.start : node.span.end] == node.text
        assert node.span.line == line + 1
        assert node.span.column == node.span.start - line + 1
