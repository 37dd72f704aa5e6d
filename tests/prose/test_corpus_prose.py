"""The prose rules on the real reports: every published error the prose issue lists is found
on its line with its numbers, and nothing else is reported (each finding below was read in
its report and is a real problem).

The corpus is ``$GKLINT_CORPUS`` or ../shared/corpus (see tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

from gklint.engine import lint_report
from gklint.model import build_report
from gklint.parser import parse
from gklint.readers import read_path
from tests.conftest import national_ruleset

# (file, line, code, words the message must hold) — the whole of what PR001–PR005 report.
EXPECTED = {
    ("real/006-pingtan-2020.txt", 7, "PR002", "2602条"),  # its parts add up to 2603
    ("real/006-pingtan-2020.txt", 7, "PR002", "=2603"),
    ("real/008-pingtan-2019.txt", 11, "PR002", "=2533"),  # 2599 stated
    ("real/009-shanghai-bgt-2019.txt", 27, "PR001", "258件”，但表三“（一）予以公开”+“（二）部分公开”（总计）为275"),
    ("real/009-shanghai-bgt-2019.txt", 27, "PR002", "258÷805=32.0%"),  # stated 33.9%
    ("real/009-shanghai-bgt-2019.txt", 27, "PR001", "均获维持"),  # 3 cases still pending
    ("real/013-pingtan-2016-old.txt", 89, "PR003", "应为下一年度2017年"),
    ("real/017-pingtan-caijinju-2021.txt", 82, "PR003", "应为下一年度2022年"),
    ("real/017-pingtan-caijinju-2021.txt", 84, "PR005", "财政全融局"),
    (
        "real/021-pingtan-jingfaju-2023.txt",
        36,
        "PR001",
        "申请0条”，但表三“一、本年新收政府信息公开申请数量”（总计）为3",
    ),
    (
        "real/024-pingtan-nongyenongcunju-2024.txt",
        11,
        "PR001",
        "法人申请1件”，但表三“一、本年新收政府信息公开申请数量”（法人或其他组织）为0",
    ),
    (
        "real/024-pingtan-nongyenongcunju-2024.txt",
        11,
        "PR001",
        "自然人申请2件”，但表三“一、本年新收政府信息公开申请数量”（自然人）为3",
    ),
    ("real/025-pingtan-shichangjianguanju-2022.txt", 7, "PR002", "“471条”与所列各项之和不符"),
    ("real/025-pingtan-shichangjianguanju-2022.txt", 15, "PR001", "不予公开2件”，但表三“（三）不予公开”（总计）为1"),
    (
        "real/031-pingtan-guanweihui-bangongshi-2025.txt",
        11,
        "PR001",
        "受理公开申请34件”，但表三“一、本年新收政府信息公开申请数量”（总计）为32",
    ),
    ("real/032-pingtan-touzicujinju-2024.txt", 84, "PR005", "国有资产管理局"),
    ("real/033-pingtan-suping-pianqu-2019.txt", 13, "PR002", "“40条”与所列各项之和不符：1+4+1+10+3+16=35"),
    ("real/033-pingtan-suping-pianqu-2019.txt", 92, "PR004", "“2019年1月3日”早于该年度结束"),
    (
        "partial/003-changchun-styjrswj-2023-excerpt.txt",
        5,
        "PR001",
        "申请2件”，但表三“一、本年新收政府信息公开申请数量”（总计）为3",
    ),
    # Categories that overlap (市级 and 县级 counted in both): the report's own sum is 2160.
    ("peer/011-kewei-2024-pdf-extract.txt", 31, "PR002", "“2139 条”与所列各项之和不符"),
}


def _prose_findings(path: Path) -> list[tuple[int, str, str]]:
    source = read_path(path)
    report = build_report(parse(source.text), source.text)
    rules = [r for r in national_ruleset().rules if r.code.startswith("PR")]
    return [(f.span.line, f.code, f.message.zh) for f in lint_report(report, rules)]


def test_the_prose_rules_find_the_published_errors_and_nothing_else(corpus: Path) -> None:
    root = corpus
    found = {
        (str(path.relative_to(root)), line, code, message)
        for folder in ("real", "partial", "peer")
        for path in sorted((root / folder).glob("*.txt"))
        for line, code, message in _prose_findings(path)
    }
    for where, line, code, words in EXPECTED:
        assert any(f[:3] == (where, line, code) and words in f[3] for f in found), (where, line, code, words)
    expected_places = {(where, line, code) for where, line, code, _ in EXPECTED}
    unexpected = sorted(f for f in found if f[:3] not in expected_places)
    assert not unexpected, unexpected
