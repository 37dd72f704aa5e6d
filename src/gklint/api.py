"""The public API for rule authors: everything a rule pack imports from gklint.

Rules import this module and nothing else from gklint, so the internals can change.
"""

from __future__ import annotations

import pluggy

from gklint.ast import Cell, Document, Heading, Node, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.findings import Finding, Related, Severity, Text
from gklint.model import Marker, Report, ReportSection
from gklint.normalize import label as normalize_label
from gklint.prose.lexicon import Lexicon, lexicon
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
)
from gklint.rules import Previous, Rule, RuleContext
from gklint.tables import Label, Problem, StatTable, TableCell, TableRow, Value, ValueKind, format_number

hookimpl = pluggy.HookimplMarker("gklint")

__all__ = [
    "AsOf",
    "BookTitle",
    "Breakdown",
    "Cell",
    "Clause",
    "CountClaim",
    "Date",
    "Document",
    "Finding",
    "Group",
    "Heading",
    "Label",
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
    "Sentence",
    "Severity",
    "Share",
    "Span",
    "StatTable",
    "SubHeading",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "Title",
    "Upheld",
    "UpheldClaim",
    "Value",
    "ValueKind",
    "Year",
    "breakdowns",
    "format_number",
    "hookimpl",
    "lexicon",
    "normalize_label",
]
