"""What kind of organ issued a report, guessed from its name.

条例 第四十九条 gives a department (局、委、办、中心…) until 1月31日 and a county-level-or-above
government's own report until 3月31日, and 第五十条(四) asks only governments for
工作考核、社会评议和责任追究. A government's own report is titled with the government's name
(`某某市人民政府`, `某某镇人民政府`). Its 办公室/办公厅 is a department filing its own report
under 第四十九条第一款 (上海市人民政府办公厅 published its 2019 report on 2020-01-31), so a name
that merely contains 人民政府 is a department. Configuration (``agency-kind``) overrides the guess.
"""

from __future__ import annotations

import re

DEPARTMENT = "department"
GOVERNMENT = "government"
KINDS = (DEPARTMENT, GOVERNMENT)

# 人民政府 at the end of the name, perhaps followed by 本级 or 门户网站-style decoration in brackets.
_GOVERNMENT = re.compile(r"人民政府(?:本级)?\s*(?:[（(][^）)]*[）)])?$")


def kind_of(agency: str | None) -> str | None:
    """``"government"``, ``"department"``, or None when the agency is unknown."""
    if not agency or not agency.strip():
        return None
    return GOVERNMENT if _GOVERNMENT.search(agency.strip()) else DEPARTMENT
