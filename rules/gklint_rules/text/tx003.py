"""Section 五 does not mention last year's problems or how they were rectified.

第五部分未提及上年度存在的问题及整改情况。

## What it does
Looks in section 五 (存在的主要问题及改进情况) for any account of the previous year's
problems, however worded: a sentence that names the previous year (`上年度`, `上一年度`,
`去年`, `前期`, or the year itself, in Arabic or Chinese numerals) together with its
problems or what was done about them (`问题`, `整改`, `落实`, `改进`, `解决`), or a
sentence that reports rectification as done (`已整改`, `整改到位`, `完成整改`,
`整改完毕`) — not a promise of it (`我局将…做到整改到位`). When there is none, it says so
once, at the section's heading. Plans for next year and this year's problems alone do not
count.

This is information, not a warning: the official template asks section 五 for the main
problems and the improvements, and evaluators' expectation that it also closes the loop
on last year's problems (上一年度问题的整改情况) is practice, not the template's
wording. Most published reports do not do it; the finding tells the reviewer that this
one does not either. With last year's report at hand (`--previous`, or a batch holding
both years), `rectification-unlinked` checks the problems last year actually listed.

## Why is this bad?
Evaluators expect section 五 to close the loop on last year's report; local guidance
(固镇, 2024) tells units to analyse problems and state measures “逐条” and not “敷衍应对”.
A 五 that lists generic problems and plans only is the typical perfunctory section.

## Example
```text
五、存在的主要问题及改进情况
（一）存在的主要问题。一是公开内容有待充实完善。
（二）整改措施。下一步，我局将……
```

Use instead:
```text
五、存在的主要问题及改进情况
（一）上年度问题整改情况。针对上年度报告提出的公开内容不够充实的问题，已于……完成整改。
（二）存在的主要问题和改进措施。……
```

## References
- 《中华人民共和国政府信息公开条例》第五十条第（四）项
- 固镇县 2023年度年报编制部署会（2024-01-10）
"""

from __future__ import annotations

from collections.abc import Iterator

from gklint.api import Finding, Paragraph, Report, Rule, RuleContext, Sentence, Severity, SubHeading, Text, Year

LAST_YEAR = ("上年", "上一年", "去年", "前一年", "往年", "以往", "前期", "上期", "上轮", "上一轮")
DEALT_WITH = ("整改", "落实", "改进", "解决", "问题", "不足", "短板")
# Rectification reported as done is about problems found before this report.
DONE = (
    "已整改",
    "已完成整改",
    "整改到位",
    "完成整改",
    "整改完毕",
    "整改完成",
    "已全部整改",
    "已逐项整改",
    "已落实整改",
)


# ... unless the sentence promises it (`我局将…做到发现问题及时整改到位`): that is a plan.
INTENT = ("将", "确保", "做到", "力争", "计划", "拟")


def _accounts_for_last_year(sentence: Sentence, last: int | None) -> bool:
    text = sentence.text
    if any(word in text for word in DONE) and not any(word in text for word in INTENT):
        return True
    if not any(word in text for word in DEALT_WITH):
        return False
    if any(word in text for word in LAST_YEAR):
        return True
    return last is not None and any(
        isinstance(item, Year) and item.value == last for clause in sentence.clauses for item in clause.items
    )


def check(report: Report, ctx: RuleContext) -> Iterator[Finding]:
    """Yield a finding at section 五's heading when no sentence accounts for last year's problems."""
    section = report.section(5)
    if section is None or report.template == "legacy":
        return
    last = report.year - 1 if report.year is not None else None
    for line in section.prose:
        if isinstance(line, Paragraph | SubHeading) and line.prose is not None:
            if any(_accounts_for_last_year(sentence, last) for sentence in line.prose.sentences):
                return
    yield RULE.finding(
        section.heading.span,
        Text(
            zh="第五部分未提及上一年度的问题及其整改情况（未见“上年度”“去年”或上年年份与“问题”“整改”等的表述）",
            en="section 五 does not mention last year's problems or their rectification "
            "(no 上年度, 去年 or last year's number together with 问题, 整改 or the like)",
        ),
        help=Text(
            zh="补充上年度报告所列问题的整改落实情况，如“（一）上年度问题整改情况”",
            en="add how the problems listed in last year's report were rectified, e.g. a part “（一）上年度问题整改情况”",
        ),
    )


RULE = Rule(code="TX003", name="missing-rectification", severity=Severity.INFO, check=check, doc=__doc__)
