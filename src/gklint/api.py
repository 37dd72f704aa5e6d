"""The public API for rule authors: everything a rule pack imports from gklint.

Rules import this module and nothing else from gklint, so the internals can change.
"""

from __future__ import annotations

import pluggy

from gklint.ast import Cell, Document, Heading, Node, Paragraph, Row, Section, Span, SubHeading, Table, Title
from gklint.findings import Finding, Severity, Text
from gklint.model import Marker, Report, ReportSection
from gklint.normalize import label as normalize_label
from gklint.rules import Rule, RuleContext

hookimpl = pluggy.HookimplMarker("gklint")

__all__ = [
    "Cell",
    "Document",
    "Finding",
    "Heading",
    "Marker",
    "Node",
    "Paragraph",
    "Report",
    "ReportSection",
    "Row",
    "Rule",
    "RuleContext",
    "Section",
    "Severity",
    "Span",
    "SubHeading",
    "Table",
    "Text",
    "Title",
    "hookimpl",
    "normalize_label",
]
