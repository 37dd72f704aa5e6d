"""Templates as data: the shipped files, label matching, and a province pack's variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from gklint.tables import spec
from gklint.tables.spec import bare, fold, merge, template_problems, templates
from gklint.templates import load_data
from tests.conftest import install_data_packs


def test_both_templates_ship_every_table() -> None:
    found = templates()
    assert set(found) >= {"2019", "2021"}
    assert len(found["2021"].t3.rows) == 25 and len(found["2019"].t3.rows) == 23
    assert sum(len(b.rows) * len(b.columns) for b in found["2021"].t2) == 10
    assert sum(len(b.rows) * len(b.columns) for b in found["2019"].t2) == 22
    assert len(found["2021"].t4.groups) * len(found["2021"].t4.columns) == 15
    keys = [key for key, _ in found["2021"].items()]
    assert "t3.new_received" in keys and "t3.natural_person" in keys and "t4.review" in keys


def test_folding_and_bare_labels() -> None:
    assert fold("（一） 予以公开") == fold("(一)予以公开")
    assert fold("1、属于国家秘密") == fold("1．属于国家秘密") == "1.属于国家秘密"
    assert bare("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "部分公开"
    assert fold("3.危及“三安全一稳定”") == fold('3.危及"三安全一稳定"')


def test_labels_match_standard_variant_or_not_at_all() -> None:
    rows = {r.key: r for r in templates()["2021"].t3.rows}
    assert rows["denied_law_forbidden"].match("2.其他法律行政法规禁止公开") is True
    assert rows["denied_law_forbidden"].match("2．其他法律法规禁止公开") is False
    assert rows["results_total"].match("总计") is None  # a column header is not the row (七)总计
    assert rows["partial"].match("（二）部分公开") is True


def test_a_province_pack_adds_a_variant() -> None:
    pack = {"extends": "2021", "variants": {"t3.denied_law_forbidden": ["2.其他法规禁止公开"]}}
    merged = merge([load_data("tables_2021.toml"), pack])
    row = next(r for r in merged["2021"].t3.rows if r.key == "denied_law_forbidden")
    assert row.match("2.其他法规禁止公开") is False
    assert templates()["2021"].t3.rows[5].match("2.其他法规禁止公开") is not False


def test_table_packs_come_through_the_gklint_tables_hook_and_a_broken_one_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = {
        # A file that does not apply (no template 1999), a hook that raises, and a good pack
        # whose implementation has another name (specname=): it is called like any other.
        "broken_tables": ("", "gklint_tables", "tables_bad.toml", 'extends = "1999"\n'),
        "raising_tables": ("", "gklint_tables", "missing.toml", None),
        "good_tables": (
            'specname="gklint_tables"',
            "henan_variants",
            "tables_henan.toml",
            'extends = "2021"\n[variants]\n"t3.denied_law_forbidden" = ["2.其他法规禁止公开"]\n',
        ),
    }
    install_data_packs(tmp_path, monkeypatch, packs, "_tables")
    spec._load.cache_clear()
    try:
        row = next(r for r in templates()["2021"].t3.rows if r.key == "denied_law_forbidden")
        assert "2.其他法规禁止公开" in row.variants
        raising, broken = template_problems()
        assert raising == "rule pack 'raising' failed to list its table files: RuntimeError: no files"
        assert broken.startswith("table pack 'broken' left out: KeyError")
    finally:
        spec._load.cache_clear()
