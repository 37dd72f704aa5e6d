"""Table 二 (主动公开): one block per 第二十条 item, each with its header row and rows."""

from __future__ import annotations

import re

from gklint.ast import Cell, Row
from gklint.findings import Text
from gklint.tables.model import Label, Problem, StatTable
from gklint.tables.rows import Builder, Layout, match_label, read_row
from gklint.tables.spec import BlockSpec, TemplateSpec, fold

_ARTICLE_ITEM = re.compile(r"第二十条第\(([一二三四五六七八九十]{1,3})\)项")
_TEMPLATE_ITEM = re.compile(r"第二十条第[（(]([一二三四五六七八九十]{1,3})[)）]项")
_DECIMALS = re.compile(r"保留(\d+)位小数")
_INFO_HEADER = "信息内容"


def _t2_block(template: TemplateSpec, cell: Cell) -> BlockSpec | None:
    match = _ARTICLE_ITEM.search(fold(cell.text))
    if match is None:
        return None
    return next((b for b in template.t2 if _block_item(b) == match.group(1)), None)


def _block_item(block: BlockSpec) -> str:
    match = _TEMPLATE_ITEM.search(block.title)
    return match.group(1) if match else ""


def read(layout: Layout, template: TemplateSpec) -> tuple[int, StatTable | None]:
    """Table 二 as ``template`` reads it, and how well it fits: the columns of its rows, and their standard labels."""
    builder = Builder("t2", template, layout)
    found: list[tuple[Row, BlockSpec, Label, Row | None]] = []
    for table in layout.tables:
        header: Row | None = None
        block: BlockSpec | None = None
        rows = []
        for row in table.rows:
            labels = layout.labels(row)
            if not labels:
                continue
            titled = _t2_block(template, labels[0])
            if titled is not None:
                block, header = titled, None
                continue
            if fold(labels[0].text) == _INFO_HEADER:
                header = row
                continue
            for candidate in ([block] if block else []) + [b for b in template.t2 if b is not block]:
                label = match_label(candidate.rows, labels[-1], "t2")
                if label is not None:
                    rows.append((row, candidate, label, header))
                    break
        if rows:
            builder.fragments.append(table)
            found.extend(rows)
    if not found:
        return 0, None
    score = 0
    for row, block, label, header in found:
        columns = []
        if header is not None:
            for index, cell in enumerate(header.cells[1:], start=1):
                column = match_label(block.columns, cell, "t2")
                if column is None:
                    continue
                columns.append((index, column.spec))
                key = f"{block.key}.{column.spec.key}"
                builder.headers.setdefault(key, column)
                decimals = _DECIMALS.search(fold(cell.text))
                if decimals:
                    builder.decimals[key] = int(decimals.group(1))
        if not columns:
            builder.problems.append(
                Problem(
                    row.span,
                    Text(
                        zh=f"“{label.text}”行上方没有可识别的表头", en=f"row “{label.text}” has no recognisable header"
                    ),
                    (label.spec.key,),
                )
            )
            continue
        score += len(columns) + (1 if label.standard else 0)
        read_row(builder, row, label.spec.key, label, columns, "t2")
    return score, builder.build()
