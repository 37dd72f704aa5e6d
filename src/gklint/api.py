"""The public API for rule authors: everything a rule pack imports from gklint.

Rules import this module and nothing else from gklint, so the internals can change; the
national rules are held to it by tests/test_api_boundary.py, which also checks that every
public attribute of a class exported here is of an exported (or built-in) type. Table
templates are reached through ``StatTable.grid``/``blocks`` (``GridSpec``, ``BlockSpec``,
``LabelSpec``), the required sections through ``Report.section_specs`` (``SectionSpec``),
the report's own rows behind a table through ``StatTable.source_rows``.
"""

from __future__ import annotations

import pluggy

from gklint.ast import Cell, Document, Heading, Node, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.findings import Finding, Related, Severity, Text
from gklint.model import Marker, Report, ReportSection, YearFound
from gklint.normalize import label as normalize_label
from gklint.prose.lexicon import Entry, Lexicon, lexicon
from gklint.prose.link import CountClaim, NoneClaim, Reading, UpheldClaim, breakdowns
from gklint.prose.nodes import (
    AsOf,
    BookTitle,
    Breakdown,
    Clause,
    Date,
    Group,
    MonthDay,
    Negation,
    Percent,
    Period,
    Prose,
    Quantity,
    Sentence,
    Share,
    Upheld,
    Year,
    YearMonth,
)
from gklint.rules import Previous, Rule, RuleContext
from gklint.suppression import Suppression, Unused
from gklint.tables import Label, Problem, StatTable, TableCell, TableRow, Value, ValueKind, format_number
from gklint.tables.spec import BlockSpec, GridSpec, LabelSpec
from gklint.templates import SectionSpec

hookimpl = pluggy.HookimplMarker("gklint")

__all__ = [
    "AsOf",
    "BlockSpec",
    "BookTitle",
    "Breakdown",
    "Cell",
    "Clause",
    "CountClaim",
    "Date",
    "Document",
    "Entry",
    "Finding",
    "GridSpec",
    "Group",
    "Heading",
    "Label",
    "LabelSpec",
    "Lexicon",
    "Marker",
    "MonthDay",
    "Negation",
    "Node",
    "NoneClaim",
    "Paragraph",
    "Percent",
    "Period",
    "Previous",
    "Problem",
    "Prose",
    "Quantity",
    "Reading",
    "Related",
    "Report",
    "ReportSection",
    "Row",
    "Rule",
    "RuleContext",
    "Section",
    "SectionSpec",
    "Sentence",
    "Severity",
    "Share",
    "Span",
    "StatTable",
    "SubHeading",
    "Suppression",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "Title",
    "Unused",
    "Upheld",
    "UpheldClaim",
    "Value",
    "ValueKind",
    "Year",
    "YearFound",
    "YearMonth",
    "breakdowns",
    "format_number",
    "hookimpl",
    "lexicon",
    "normalize_label",
]
