"""Shared by the similarity rules: report prose as compared across years.

Numbers and years are masked (``2023年`` and ``二〇二三年`` alike), and the sentences every
report shares — the 条例 citation, the 统计期限 sentence, the contact line, table headers
written as text — are dropped, so what remains is what the body wrote this year.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gklint.api import Paragraph, Report, ReportSection, Span, SubHeading

# Digits (full-width ones are half-width after NFKC) with decimals, and years in Chinese numerals.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|[〇○零一二三四五六七八九]{4}(?=年)")
# The figures of a passage: numbers not followed by 年 (years differ every year anyway).
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*(?![\d.,]|\s*年)")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"[^。！？；;!?]+[。！？；;!?]?")
# A sentence is boilerplate when it matches one of these: every report says it.
_BOILERPLATE = re.compile(
    r"政府信息公开条例.{0,40}(?:编制|要求|规定)|年度报告.{0,20}(?:编制|组成|公布)|统计(?:期限|时限|期间)"
    r"|有任何疑问|如有疑问|电子版|下载|联系(?:电话|方式|地址)|邮编|电子邮箱|传真"
)
# Column and row labels of tables 二–四: a line holding two of them is a table header as text.
_TABLE_WORDS = (
    "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年新制作数量",
    "对外公开总数量", "申请人情况", "本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量",
    "结果维持", "结果纠正", "尚未审结", "其他结果", "总计",
)  # fmt: skip


def mask(text: str) -> str:
    """``text`` with numbers and years replaced by ``#`` and without spaces, for comparison."""
    return _NUMBER.sub("#", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def own_text(text: str) -> str:
    """The text without its boilerplate sentences, or nothing for a table header as text."""
    if sum(word in text for word in _TABLE_WORDS) >= 2:
        return ""
    return "".join(s for s in _SENTENCE.findall(text) if not _BOILERPLATE.search(s))


def figures(text: str) -> tuple[str, ...]:
    """The numbers ``mask`` hides, years aside, in order."""
    return tuple(_FIGURE.findall(unicodedata.normalize("NFKC", text)))


# One number in every 16 characters or more: the passage reports figures in a fixed frame.
DATA_DENSITY = 1 / 16


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph's own words (masked), the figures masked in them, and where it is."""

    words: str
    figures: tuple[str, ...]
    span: Span

    @property
    def is_data(self) -> bool:
        """Mostly figures (a category list with counts): a table written as text."""
        return len(self.figures) >= DATA_DENSITY * len(self.words)


# A sub-heading line this long carries text (`（一）主动公开。全年…`), not just a title.
_TITLE_MAX = 30


def passages(section: ReportSection) -> list[Passage]:
    """The section's paragraphs, and sub-headings that carry text, with their own words."""
    out = []
    for block in section.prose:
        if isinstance(block, Paragraph | SubHeading):
            text = own_text(block.text)
            words = mask(text)
            if words and (isinstance(block, Paragraph) or len(words) > _TITLE_MAX):
                out.append(Passage(words, figures(text), block.span))
    return out


def paired_sections(this: Report, last: Report) -> list[tuple[ReportSection, ReportSection]]:
    """This year's canonical sections with last year's section of the same number."""
    return [
        (section, other)
        for section in this.sections
        if (other := last.section(section.number)) is not None and this.section(section.number) is section
    ]
