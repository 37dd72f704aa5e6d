"""The report model: what the AST means (year, agency, the six sections, the template).

Rules read reports through this model; it is derived once per document.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from gklint import normalize
from gklint.ast import Block, Cell, Document, Heading, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.prose.link import Claim, link
from gklint.tables import StatTable, Tables, recognize
from gklint.templates import SectionSpec, structure

# `2021年`, `2021年度`; the year must be followed by 年 so 文号 like 〔2021〕 are not taken.
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_REPORT_LINE = re.compile(r"((?:19|20)\d{2})\s*年度?.{0,30}?(?:年度报告|年报|工作报告)")
# Headings this long are prose that happens to start with an enumerator.
_MAX_HEADING = 30
# The signature block: agency name, then the date on a line of its own, at the very end.
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_SIGNATURE_LINES = 3
# Years written in Chinese numerals (二〇二三年, with 〇 often typed as the letter O) or
# full-width digits read as 2023年; the mapping keeps every character in place, so spans
# found in the mapped text hold.
_YEAR_DIGITS = str.maketrans("〇○零OＯ一二三四五六七八九０１２３４５６７８９", "000001234567890123456789")
# Without a year in the title: the 统计期限 sentence, the body's `2023年度` statements and
# the signature date (a report is signed in the first half of the year after).
_PERIOD_YEAR = re.compile(r"(?:统计|数据).{0,24}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
# `2023年度`, `2023年，…`, and the year's last day as a cut-off (`截止2023年12月31日`), not
# as the end of a period (`…起至2022年12月31日止` is the 统计期限's own witness).
_BODY_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年(?:度|[，,]|(?:(?<=截至\d{4}年)|(?<![至到—–~～-]\d{4}年))\s*12\s*月\s*31\s*日?(?!\d))"
)
_SIGNED_BY_MONTH = 6
_LAST_SECTION = 6
# What ends a report's last line: a full stop (or the like), or a signature date (日).
_SENTENCE_ENDS = ("。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "”", "」", "）", ")", "日")
# What converters and editors leave where they cut a text.
_EXCERPT = re.compile(r"未完|待续|节选|摘录|以下(?:省|从)?略|此处省略|截断|[（(]略[)）]|(?:……|\.\.\.)$")

TEMPLATES = ("2021", "2019", "legacy")


@dataclass(frozen=True, slots=True)
class Marker:
    """A label found in the report that belongs to one template."""

    template: str
    label: str
    span: Span


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A canonical section (1–6) and the document sections it spans.

    ``parts`` is the heading's own section followed by any non-canonical top-level
    sections up to the next canonical heading (a stray ``一、…`` line inside section 二
    does not end section 二).
    """

    number: int
    spec: SectionSpec
    parts: tuple[Section, ...]
    standard: bool

    @property
    def heading(self) -> Heading:
        """The canonical heading."""
        return self.parts[0].heading

    @property
    def blocks(self) -> tuple[Block | Heading, ...]:
        """Every block of the section, inner top-level headings included, in order."""
        out: list[Block | Heading] = []
        for index, part in enumerate(self.parts):
            if index:
                out.append(part.heading)
            out.extend(part.blocks)
        return tuple(out)

    @property
    def prose(self) -> tuple[SubHeading | Paragraph | Heading, ...]:
        """The lines of text (no tables)."""
        return tuple(b for b in self.blocks if not isinstance(b, Table))

    @property
    def tables(self) -> tuple[Table, ...]:
        """The tables of the section."""
        return tuple(b for b in self.blocks if isinstance(b, Table))

    def text(self) -> str:
        """The prose, one line per block (the heading excluded)."""
        return "\n".join(b.text for b in self.prose)


@dataclass(frozen=True, slots=True)
class YearFound:
    """The report year and where it was read (``span`` None for ``--year``/``year =``)."""

    year: int
    source: str
    span: Span | None


@dataclass(frozen=True)
class Report:
    """A parsed report and what gklint recognised in it."""

    document: Document
    text: str
    year_override: int | None = None
    agency_override: str | None = None

    @cached_property
    def title_year(self) -> tuple[int, Span] | None:
        """The report year as written in the title, in any numeral style: ``2023年度``,
        ``２０２３年``, ``二〇二３年度``."""
        title = self.document.title
        if title is None:
            return None
        text = title.text.translate(_YEAR_DIGITS)
        match = _REPORT_LINE.search(text) or _YEAR.search(text)
        return (int(match.group(1)), title.span.sub(match.start(1), 4)) if match else None

    @cached_property
    def year_found(self) -> YearFound | None:
        """The report year and where it was read: ``--year``/``year =``, else the title, else
        inferred from the body (see `infer_year`); None when nothing gives it."""
        if self.year_override is not None:
            return YearFound(self.year_override, "option", None)
        if self.title_year is not None:
            return YearFound(self.title_year[0], "title", self.title_year[1])
        return self.inferred_year

    @cached_property
    def inferred_year(self) -> YearFound | None:
        """The year the body points to when the title gives none.

        Four witnesses, one vote each: the opening's own name for the report (``现公布…
        2023年政府信息公开工作年度报告``), the year the body most often calls ``20XX年度`` (or opens a sentence with, ``2022年，``,
        or ends on, ``截止2023年12月31日``),
        the signature date (a report signed by June is for the year before) and the
        统计期限 sentence (its 1月1日). The year with most votes wins; on a tie they count
        in that order, the period last, so that a wrong 统计期限 does not set the year it
        is checked against.
        """
        votes: list[YearFound] = []
        lines = [n for n in self.prose if n is not self.document.title]
        for opening in [b for b in self.document.preamble[:5] if isinstance(b, Paragraph)]:
            match = _REPORT_LINE.search(opening.text.translate(_YEAR_DIGITS))
            if match:
                votes.append(YearFound(int(match.group(1)), "preamble", opening.span.sub(match.start(1), 4)))
                break
        period = next(((n, m) for n in lines for m in [_PERIOD_YEAR.search(n.text.translate(_YEAR_DIGITS))] if m), None)
        body: dict[int, list[Span]] = {}
        for node in lines:
            for match in _BODY_YEAR.finditer(node.text.translate(_YEAR_DIGITS)):
                body.setdefault(int(match.group(1)), []).append(node.span.sub(match.start(1), 4))
        if body:
            counts = sorted(((len(spans), year) for year, spans in body.items()), reverse=True)
            if len(counts) == 1 or counts[0][0] > counts[1][0]:
                votes.append(YearFound(counts[0][1], "body", body[counts[0][1]][0]))
        if self.signed_on is not None:
            date, span = self.signed_on
            votes.append(YearFound(date.year - 1 if date.month <= _SIGNED_BY_MONTH else date.year, "signature", span))
        if period is not None:
            node, match = period
            votes.append(YearFound(int(match.group(1)), "period", node.span.sub(match.start(1), 4)))
        if not votes:
            return None
        tally = {v.year: sum(1 for w in votes if w.year == v.year) for v in votes}
        return max(votes, key=lambda v: tally[v.year])  # max keeps the first of equals

    @property
    def year(self) -> int | None:
        """The report year: ``--year`` if given, else from the title, else inferred."""
        return self.year_found.year if self.year_found else None

    @property
    def year_source(self) -> str | None:
        """Where the year was read: ``option``, ``title``, or inferred from the ``preamble``,
        the ``body``, the ``signature`` or the ``period``."""
        return self.year_found.source if self.year_found else None

    @cached_property
    def agency(self) -> str | None:
        """The issuing agency: the configured one, else the title's words before the year."""
        if self.agency_override is not None:
            return self.agency_override
        if self.document.title is None or self.title_year is None:
            return None
        title = self.document.title
        head = title.text[: self.title_year[1].start - title.span.start]
        # `某局政府信息公开工作年度报告（2023年度）`: the name stops where the report's does.
        head = head.split("政府信息公开", 1)[0].strip(" \u3000《（(")
        return head or None

    @cached_property
    def headings(self) -> tuple[tuple[Section, SectionSpec | None, bool], ...]:
        """Every top-level section with the canonical section it matches and whether exactly."""
        specs = structure().sections
        out = []
        for section in self.document.sections:
            text = section.heading.text
            spec = next((s for s in specs if s.matches_exactly(text)), None)
            exact = spec is not None
            if spec is None and len(normalize.label(text)) <= _MAX_HEADING:
                # Later sections first: legacy "因政府信息公开申请行政复议…" names 申请 too.
                spec = next((s for s in reversed(specs) if s.matches_fuzzily(text)), None)
            out.append((section, spec, exact))
        return tuple(out)

    @cached_property
    def sections(self) -> tuple[ReportSection, ...]:
        """The canonical sections found, in document order (a repeated one appears twice)."""
        out: list[ReportSection] = []
        for section, spec, exact in self.headings:
            if spec is not None:
                out.append(ReportSection(spec.number, spec, (section,), exact))
            elif out:
                last = out[-1]
                out[-1] = ReportSection(last.number, last.spec, (*last.parts, section), last.standard)
        return tuple(out)

    @cached_property
    def truncated_at(self) -> Span | None:
        """Where the report stops part-way, or None for a report that runs to its end.

        A report is cut when sections are missing after the last one present and the text
        stops where no report ends: inside a table (a report of the six-section format ends
        with 六 and a signature, never with a table), on a heading, on an unfinished sentence, or at an excerpt
        marker a converter left (``（未完）``, ``节选``, ``以下略``).
        """
        # The pre-2019 structure ended with a 统计表 after its last section.
        if not self.sections or max(s.number for s in self.sections) >= _LAST_SECTION or self.template == "legacy":
            return None
        last = self.document.sections[-1]
        block = last.blocks[-1] if last.blocks else last.heading
        if isinstance(block, Table):
            return block.rows[-1].span
        text = block.text.rstrip(" \u3000*")
        if isinstance(block, Heading) or _EXCERPT.search(text) or not text.endswith(_SENTENCE_ENDS):
            return block.span
        return None

    @property
    def section_specs(self) -> tuple[SectionSpec, ...]:
        """The six sections the national format requires, in order (data, see gklint/data)."""
        return structure().sections

    @cached_property
    def anchor(self) -> Span:
        """Where a finding about the whole report points: the title, else the first line."""
        if self.document.title is not None:
            return self.document.title.span
        first = next(iter(self.prose), None)
        return first.span if first is not None else Span(0, 0, 1, 1, 1, 1)

    @cached_property
    def end(self) -> Span:
        """The report's last line, where a finding about something missing at the end points."""
        lines = [*(n.span for n in self.prose), *(r.span for r in self.document.iter(Row))]
        return max(lines, default=self.anchor)

    @cached_property
    def prose(self) -> tuple[Title | Heading | SubHeading | Paragraph, ...]:
        """Every line of text outside tables, title and headings included, in order."""
        doc = self.document
        lines: list[Title | Heading | SubHeading | Paragraph] = [doc.title] if doc.title else []
        lines += [b for b in doc.preamble if not isinstance(b, Table)]
        for section in doc.sections:
            lines.append(section.heading)
            lines += [b for b in section.blocks if not isinstance(b, Table)]
        return tuple(lines)

    @cached_property
    def signed_on(self) -> tuple[datetime.date, Span] | None:
        """The signing date: a line that is only a date (``2025年1月20日``) among the last lines.

        Reports end with the agency's name and this date; it is the best publication date
        the text itself carries (portals keep 发布日期 outside the report).
        """
        for node in reversed(self.prose[-_SIGNATURE_LINES:]):
            match = _DATE_LINE.match(unicodedata.normalize("NFKC", node.text))
            if match:
                try:
                    return datetime.date(*map(int, match.groups())), node.span
                except ValueError:  # 2月30日: not a date, so not a signature
                    return None
        return None

    def section(self, number: int) -> ReportSection | None:
        """The first canonical section with this number, if present."""
        return next((s for s in self.sections if s.number == number), None)

    @cached_property
    def markers(self) -> tuple[Marker, ...]:
        """Template markers found in table cells and in headings, in document order.

        Whole top-level headings of an old structure count only when no newer template's
        table label is present.
        """
        spec = structure()
        places: list[tuple[str, Span, dict[str, tuple[str, ...]]]] = [
            (c.text, c.span, spec.markers) for c in self.document.iter(Cell)
        ]
        headings = [s.heading for s in self.document.sections] + list(self.document.iter(SubHeading))
        places += [(h.text, h.span, spec.heading_markers) for h in headings if len(h.text) <= _MAX_HEADING]
        found = []
        # The markers a text holds, by text: a table repeats its cells' texts (0, 1, 是), and
        # searching every marker in each cell was the model's hot spot.
        named: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        for text, span, markers in places:
            key = (text, markers is spec.markers)
            hits = named.get(key)
            if hits is None:
                folded = normalize.label(text)
                hits = named[key] = [(t, m) for t, labels in markers.items() for m in labels if folded and m in folded]
            found += [Marker(t, m, span) for t, m in hits]
        if not any(m.template in ("2019", "2021") for m in found):
            for section in self.document.sections:
                folded = normalize.label(section.heading.text)
                found += [
                    Marker(t, folded, section.heading.span)
                    for t, whole in spec.section_markers.items()
                    if folded in whole
                ]
        return tuple(sorted(found, key=lambda m: m.span))

    @cached_property
    def template(self) -> str | None:
        """The template in use: ``"2021"``, ``"2019"``, ``"legacy"`` or None if unknown.

        The newest template with any marker wins; mixing is a rule's business.
        """
        kinds = {m.template for m in self.markers}
        return next((t for t in TEMPLATES if t in kinds), None)

    @cached_property
    def tables(self) -> Tables:
        """Tables 二, 三 and 四 mapped to canonical keys (see `gklint.tables`)."""
        return recognize(self.document, self.template)

    @cached_property
    def table2(self) -> StatTable | None:
        """Table 二 (主动公开), e.g. ``report.table2["licensing"]["decisions"]``; None if absent."""
        return self.tables.t2

    @cached_property
    def table3(self) -> StatTable | None:
        """Table 三 (依申请), e.g. ``report.table3["new_received"]["total"]``; None if absent."""
        return self.tables.t3

    @cached_property
    def table4(self) -> StatTable | None:
        """Table 四 (复议、诉讼), e.g. ``report.table4["review"]["total"]``; None if absent."""
        return self.tables.t4

    @cached_property
    def claims(self) -> tuple[Claim, ...]:
        """What the prose states about tables 三 and 四, read with the lexicon: counts
        (`CountClaim`), statements of none (`NoneClaim`) and 均获维持 (`UpheldClaim`)."""
        return link([n for n in self.prose if isinstance(n, Paragraph | SubHeading)], self.year)


def build_report(document: Document, text: str, *, year: int | None = None, agency: str | None = None) -> Report:
    """The model of a parsed document."""
    return Report(document=document, text=text, year_override=year, agency_override=agency)
