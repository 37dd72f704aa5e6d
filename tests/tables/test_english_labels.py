"""Every canonical key of the shipped templates has an English label (`--lang en` messages)."""

from __future__ import annotations

import re
from dataclasses import replace

from gklint.model import build_report
from gklint.parser import parse
from gklint.tables import templates
from tests.conftest import SAMPLES


def test_every_item_and_block_has_an_english_label() -> None:
    for name, template in templates().items():
        for key, item in template.items():
            assert re.search(r"[A-Za-z]", item.en), f"{name} {key} has no English label"
        for block in template.t2:
            assert re.search(r"[A-Za-z]", block.en), f"{name} t2.{block.key} has no English label"
        # Within one list, two items named alike would make a message ambiguous.
        for items in (template.t3.rows, template.t3.columns, template.t3.groups, template.t4.columns):
            names = [i.en for i in items]
            assert len(set(names)) == len(names), (name, names)


def test_a_table_names_its_keys_in_english() -> None:
    text = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
    report = build_report(parse(text), text)
    t2, t3, t4 = report.table2, report.table3, report.table4
    assert t2 is not None and t3 is not None and t4 is not None
    assert (t3.title, t3.title_en) == ("表三", "table 三")
    assert t3.english("natural_person") == "natural persons"
    assert t3.english("results_total") == "(七) total"
    assert t3.english("ignored_petition") == "(五) 1. petition, report or complaint"
    assert t4.english("lit_after_review") == "litigation after review" and t4.english("other") == "other results"
    assert t2.english("in_force") == "in force"
    assert t3["new_received"]["natural_person"].spec.english == "natural persons"


def test_a_pack_template_without_english_labels_falls_back_to_its_wording() -> None:
    spec = templates()["2021"].t3.columns[0]
    assert replace(spec, en="").english == "自然人"
