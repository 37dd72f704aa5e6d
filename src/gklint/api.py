"""The public API for rule authors: everything a rule pack imports from gklint.

Rules import this module and nothing else from gklint, so the internals can change.
"""

from __future__ import annotations

import pluggy

from gklint.ast import Cell, Document, Heading, Node, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.findings import Finding, Related, Severity, Text
from gklint.model import Marker, Report, ReportSection
from gklint.normalize import label as normalize_label
from gklint.rules import Previous, Rule, RuleContext
from gklint.tables import Label, Problem, StatTable, TableCell, TableRow, Value, ValueKind, format_number

hookimpl = pluggy.HookimplMarker("gklint")

__all__ = [
    "Cell",
    "Document",
    "Finding",
    "Heading",
    "Label",
    "Marker",
    "Node",
    "Paragraph",
    "Previous",
    "Problem",
    "Related",
    "Report",
    "ReportSection",
    "Row",
    "Rule",
    "RuleContext",
    "Section",
    "Severity",
    "Span",
    "StatTable",
    "SubHeading",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "Title",
    "Value",
    "ValueKind",
    "format_number",
    "hookimpl",
    "normalize_label",
]
