"""Pairing: which file is last year's report of which, and the units files are checked in."""

from __future__ import annotations

from gklint.pairing import Identity, Pairing, body_key, identify, pair, units
from tests.conftest import SAMPLES

CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")


def test_identify_reads_the_title_as_the_model_does() -> None:
    assert identify(CLEAN) == Identity(body_key("示例市数据资源管理局"), 2024)
    assert identify(CLEAN, year=2030, agency="另一 局") == Identity("另一局", 2030)
    assert identify("没有标题的一行字\n") is None


def test_body_key_folds_width_and_spaces() -> None:
    assert body_key("平潭综合实验区 管委会") == body_key("平潭综合实验区管委会")
    assert body_key("（某）局") == body_key("(某)局")


def ident(body: str, year: int) -> Identity:
    return Identity(body, year)


def test_each_report_pairs_with_its_own_predecessor_only() -> None:
    paths = ["d/a-2023", "d/b-2023", "d/a-2022", "d/a-2021", "d/b-2021", "d/c-2022"]
    ids = [ident("a", 2023), ident("b", 2023), ident("a", 2022), ident("a", 2021), ident("b", 2021), ident("c", 2022)]
    found = pair(paths, ids)
    assert dict(found.previous) == {0: "d/a-2022", 2: "d/a-2021"}  # b skips 2022: not consecutive
    assert not found.ambiguous


def test_unknown_identity_is_never_paired() -> None:
    assert not pair(["x", "y"], [None, ident("a", 2021)]).previous


def test_several_candidates_prefer_the_same_directory_else_stay_unpaired() -> None:
    paths = ["one/a-2022", "one/a-2021", "two/a-2021", "three/a-2022"]
    ids = [ident("a", 2022), ident("a", 2021), ident("a", 2021), ident("a", 2022)]
    found = pair(paths, ids)
    assert dict(found.previous) == {0: "one/a-2021"}
    assert dict(found.ambiguous) == {3: ("one/a-2021", "two/a-2021")}


def test_explicit_predecessors_win() -> None:
    found = pair(["a-2022", "a-2021"], [ident("a", 2022), ident("a", 2021)], {0: "elsewhere/a-2021"})
    assert dict(found.previous) == {0: "elsewhere/a-2021"}


def test_units_put_a_chain_together_oldest_first_in_order_of_first_file() -> None:
    paths = ["a-2023", "b-2020", "a-2021", "a-2022", "c-2020"]
    found = Pairing(previous={0: "a-2022", 3: "a-2021"}, ambiguous={})
    out = units(paths, found)
    assert [[s.path for s in unit] for unit in out] == [["a-2021", "a-2022", "a-2023"], ["b-2020"], ["c-2020"]]
    chain = out[0]
    assert [s.previous for s in chain] == [None, "a-2021", "a-2022"]
    assert [s.keep for s in chain] == [True, True, False]


def test_units_read_an_outside_predecessor_as_a_reference() -> None:
    (unit,) = units(["a-2022"], Pairing(previous={0: "old/a-2021"}, ambiguous={}))
    assert unit[0].previous == "old/a-2021" and not unit[0].keep


def test_units_break_a_configured_cycle() -> None:
    out = units(["a", "b"], Pairing(previous={0: "b", 1: "a"}, ambiguous={}))
    assert sorted(s.path for unit in out for s in unit) == ["a", "b"]
    assert len(out) == 1  # one link kept; the other file still compares with its named report


def test_a_file_named_as_its_own_predecessor_is_not_compared() -> None:
    (unit,) = units(["a"], Pairing(previous={0: "a"}, ambiguous={}))
    assert unit[0].previous is None
