"""Shared by plan-year and stray-year: whether a year is the date of a plan."""

from __future__ import annotations

import re

from gklint.api import Clause, Year

# After the year, within a few words: 将 (will), 计划/拟/打算 (plan to), or a plan's heading.
_PLAN = re.compile(
    r"^(?:度)?[，,\s]*(?:[^，,。；;]{0,8}?(?:将|计划|拟|打算)|(?:工作)?(?:计划|打算|思路|安排|改进措施))"
)


def is_plan(year: Year, clause: Clause) -> bool:
    """Whether ``year`` opens a statement of what will be done (``2022年，我局将…``)."""
    after = clause.text[year.span.end - clause.span.start :]
    return _PLAN.match(after) is not None and not after.lstrip("，, ").startswith(("将近", "将会议"))
