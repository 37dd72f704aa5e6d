"""Statistical tables 二, 三 and 四: templates as data, recognition, and the table model.

`recognize` maps a document's tables to canonical keys (see ``gklint/data/tables_*.toml``);
`gklint.model.Report` exposes the result as ``report.table2``/``table3``/``table4``.
"""

from gklint.tables.model import Label, Problem, StatTable, TableCell, TableRow, Tables
from gklint.tables.recognize import recognize
from gklint.tables.spec import LabelSpec, TemplateSpec, templates
from gklint.tables.values import Value, ValueKind, format_number, parse_value

__all__ = [
    "Label",
    "LabelSpec",
    "Problem",
    "StatTable",
    "TableCell",
    "TableRow",
    "Tables",
    "TemplateSpec",
    "Value",
    "ValueKind",
    "format_number",
    "parse_value",
    "recognize",
    "templates",
]
