"""Find tables 二, 三 and 四 in the AST and map their rows and columns to canonical keys.

Matching is by label, never by position alone (`gklint.tables.rows`); each table is read
by its own module (`t2`, `t3`, `t4`) with every template, and the template that fits best
is kept.
"""

from __future__ import annotations

from gklint.ast import Block, Document, Table
from gklint.tables import t2, t3, t4
from gklint.tables.model import StatTable, Tables
from gklint.tables.rows import Layout
from gklint.tables.spec import templates


def recognize(document: Document, preferred: str | None = None) -> Tables:
    """The statistical tables of a document, each read with the template that fits it best.

    ``preferred`` (the report's template) breaks ties between templates.
    """
    tables = tuple(document.iter(Table))
    if not tables:
        return Tables(None, None, None)
    layout = Layout(tables, _block_order(document))
    # The report's own template first: another is read only if it could score higher
    # (a tie goes to the report's template), which a complete table leaves no room for.
    ordered = sorted(templates().values(), key=lambda spec: spec.name != preferred)
    found = {}
    for name, read, bound in (("t2", t2.read, None), ("t3", t3.read, t3.bound), ("t4", t4.read, t4.bound)):
        scored: list[tuple[int, bool, str, StatTable]] = []
        for spec in ordered:
            # Skipped when even its highest score would lose to the best so far.
            if (
                scored
                and bound is not None
                and (bound(spec), spec.name == preferred, spec.name) < max(s[:3] for s in scored)
            ):
                continue
            score, table = read(layout, spec)
            if table:
                scored.append((score, spec.name == preferred, spec.name, table))
        found[name] = max(scored, key=lambda s: s[:3])[3] if scored else None
    return Tables(found["t2"], found["t3"], found["t4"])


def _block_order(document: Document) -> list[Block]:
    blocks: list[Block] = list(document.preamble)
    for section in document.sections:
        blocks.extend(section.blocks)
    return blocks
