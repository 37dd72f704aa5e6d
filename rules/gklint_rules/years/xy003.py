"""A section or a long paragraph is nearly the same as in last year's report.

某一部分或较长段落与上年报告几乎相同。

## What it does
Compares each section of the report with the section of the same number in last year's
report of the same body, once numbers and years are masked (`2023年` and `2024年`, `12条`
and `15条` read the same) and the sentences every report shares are left out: the
条例 citation, the 统计期限 sentence, the contact line, table headers written as text.
A section of at least 100 such characters (lists of figures aside) that is 90% or more
the same as last year's is reported on its heading; otherwise a paragraph of at least 150 characters that is
95% or more the same as one of last year's is reported on the paragraph, unless it is
mostly figures (a category list with counts, one number in every 16 characters) and its
figures changed: that is a table written as text, updated. The finding
names last year's file and section and the similarity (rapidfuzz's normalised Indel
similarity). Runs only when the report is paired with last year's.

## Why is this bad?
A report is the account of one year's work. Text carried over from last year with only
the numbers and years changed is what 国办公开办函〔2021〕30号 calls 内容雷同 and threatens
with accountability under 条例 第四十七条; evaluators single it out (“部分年报与去年的重复率
竟达90%”). Descriptions that really did not change can say so briefly.

## Example
```text
（2011年报告）一、概述 推进政府信息公开工作是平潭县贯彻实施《条例》…2011年全县政府信息公开工作…
（2012年报告）一、概述 推进政府信息公开工作是平潭县贯彻实施《条例》…2012年全县政府信息公开工作…
```

Use instead:
```text
（2012年报告）一、概述 2012年，县政府信息公开工作重点做了三件事：……（本年的工作和变化）
```

## References
- 国办公开办函〔2021〕30号, 一（四）明确责任: “内容雷同、敷衍塞责”
- 《中华人民共和国政府信息公开条例》第四十七条
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Report, Rule, RuleContext, Severity, Span, Text
from gklint_rules.years._text import Passage, paired_sections, passages

SECTION_MIN, SECTION_SIMILARITY = 100, 90.0
PARAGRAPH_MIN, PARAGRAPH_SIMILARITY = 150, 95.0


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield one finding per copied section, or per copied long paragraph of another section."""
    if ctx.previous is None:
        return
    # Imported here: only a report paired with last year's needs it (a single check
    # would pay rapidfuzz's import, about 5% of its start-up).
    from rapidfuzz import fuzz, process  # noqa: PLC0415

    last = ctx.previous.report
    before = {id(section): passages(section) for section in last.sections}
    earlier = [(section, p) for section in last.sections for p in before[id(section)]]
    choices = [p.words for _, p in earlier]
    for section, other in paired_sections(report, last):
        mine = passages(section)
        words = _prose(mine)
        if len(words) >= SECTION_MIN:
            similarity = fuzz.ratio(words, _prose(before[id(other)]))
            if similarity >= SECTION_SIMILARITY:
                where = f"第{section.heading.numeral}部分"
                name = f"{other.heading.numeral}、{other.heading.text}"
                yield _finding(ctx, section.heading.span, other.heading.span, where, name, similarity)
                continue
        for passage in mine:
            if len(passage.words) < PARAGRAPH_MIN or not choices:
                continue
            match = process.extractOne(passage.words, choices, scorer=fuzz.ratio, score_cutoff=PARAGRAPH_SIMILARITY)
            if match is not None:
                _, similarity, index = match
                there, copied = earlier[index]
                if passage.is_data and passage.figures != copied.figures:
                    continue  # the same frame with this year's figures: a table written as text
                name = f"{there.heading.numeral}、{there.heading.text}"
                yield _finding(ctx, passage.span, copied.span, "本段", name, similarity)


def _prose(passages: list[Passage]) -> str:
    """A section's own words for comparison as a whole; lists of figures are compared one by one."""
    return "".join(p.words for p in passages if not p.is_data)


def _finding(ctx: RuleContext, span: Span, there: Span, what: str, section: str, similarity: float) -> Finding:
    assert ctx.previous is not None
    percent = int(similarity)
    return RULE.finding(
        span,
        Text(
            zh=f"{what}与上年报告（{ctx.previous.path}）“{section}”的文字相似度为 {percent}%（数字和年份不计）",
            en=f"{'this section' if what != '本段' else 'this paragraph'} is {percent}% the same as "
            f"“{section}” in last year's report ({ctx.previous.path}), numbers and years aside",
        ),
        help=Text(
            zh="写本年度的工作和变化，不沿用上年文字；确未变化的内容可简要说明",
            en="describe this year's work and what changed instead of reusing last year's text",
        ),
        related=ctx.previous.place(there),
    )


RULE = Rule(code="XY003", name="copied-from-previous-year", severity=Severity.WARNING, check=check, doc=__doc__)
