"""Pairing on the command line: --previous, --no-pair, [previous], and how pairs are shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gklint.batch import Job, check_paths
from gklint.cli import main
from gklint.project import Options, Project
from gklint.readers import DEFAULT_MAX_BYTES
from tests.conftest import SAMPLES

CLEAN = (SAMPLES / "clean-2024.txt").read_text(encoding="utf-8")
BODY = "示例市数据资源管理局"
FORWARD = "四、结转下年度继续办理\t\t\t3\t1\t0\t0\t1\t0\t5"


def report(body: str, year: int, *, forward: str = FORWARD) -> str:
    """The clean sample as ``body``'s report for ``year``."""
    return CLEAN.replace(f"{BODY}2024年", f"{body}{year}年").replace(FORWARD, forward)


def write(folder: Path, name: str, text: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--no-progress", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_directory_pairs_each_report_with_its_own_predecessor(tmp_path: Path) -> None:
    names = {
        "a-2022.txt": report(BODY, 2022),
        "a-2023.txt": report(BODY, 2023),
        "a-2024.txt": report(BODY, 2024),
        "b-2023.txt": report("另一局", 2023),
        "b-2024.txt": report("另一局", 2024),
        "c-2024.txt": report("第三局", 2024),
        "d-2022.txt": report("第四局", 2022),
        "d-2024.txt": report("第四局", 2024),
    }
    paths = [write(tmp_path, name, text) for name, text in sorted(names.items())]
    project = Project(Options(isolated=True))
    job = Job(options=project.options, lang="zh", max_bytes=DEFAULT_MAX_BYTES)
    expected = {
        "a-2023.txt": "a-2022.txt",
        "a-2024.txt": "a-2023.txt",
        "b-2024.txt": "b-2023.txt",
    }
    for jobs in (1, 2):
        results = list(check_paths(project, job, paths, jobs=jobs))
        assert [r.path for r in results] == paths
        found = {Path(r.path).name: Path(r.previous).name for r in results if r.previous}
        assert found == expected, jobs
        assert all(r.report is None for r in results)  # models stay in the process that built them


def test_previous_compares_one_report_and_shows_both_places(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = write(
        tmp_path,
        "last.txt",
        report(BODY, 2023, forward=FORWARD.replace("\t3\t1\t0\t0\t1\t0\t5", "\t1\t0\t0\t0\t0\t0\t1")),
    )
    this = write(tmp_path, "this.txt", report(BODY, 2024))
    code, out, _ = run(capsys, "--select", "XY001", "--previous", last, this)
    assert code == 0  # a warning does not fail the run by default
    assert f"{this}: 与上年报告比较：{last}" in out
    assert (
        f"{this}:42:20: XY001 [警告] 上年结转·自然人 为 2，而上年报告（{last}）的结转下年度继续办理·自然人 为 1" in out
    )
    assert f"--> 上年: {last}:65:15" in out
    assert "65 | 四、结转下年度继续办理 ┆  ┆  ┆ 1" in out
    code, out, _ = run(capsys, "--select", "XY001", "--format", "json", "--previous", last, this)
    data = json.loads(out)
    assert data["files"][0]["previous"] == last
    related = [f["related"] for f in data["findings"]]
    assert related and all(r["path"] == last and r["line"] == 65 for r in related)


def test_no_pair_and_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a-2023.txt", report(BODY, 2023))
    write(tmp_path, "a-2024.txt", report(BODY, 2024))
    code, out, _ = run(capsys, "--lang", "en", str(tmp_path))
    assert "a-2024.txt: compared with last year's report " in out
    code, out, _ = run(capsys, "--format", "json", "--no-pair", str(tmp_path))
    assert [f["previous"] for f in json.loads(out)["files"]] == [None, None]


def test_ambiguous_predecessors_are_named_not_guessed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = write(tmp_path / "one", "a-2023.txt", report(BODY, 2023))
    two = write(tmp_path / "two", "a-2023.txt", report(BODY, 2023))
    write(tmp_path / "three", "a-2024.txt", report(BODY, 2024))
    code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    files = {f["path"]: f for f in json.loads(out)["files"]}
    this = files[str(tmp_path / "three" / "a-2024.txt")]
    assert this["previous"] is None and this["previous_candidates"] == [one, two]


def test_previous_needs_one_file_and_a_readable_last_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    this = write(tmp_path, "this.txt", report(BODY, 2024))
    other = write(tmp_path, "other.txt", report(BODY, 2024))
    code, _, err = run(capsys, "--previous", this, this, other)
    assert code == 2 and "--previous compares one report" in err
    code, _, err = run(capsys, "--previous", str(tmp_path / "missing.txt"), this)
    assert code == 2 and "missing.txt: cannot read last year's report" in err


def test_the_configuration_names_a_previous_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "archive", "old.txt", report(BODY, 2023))
    this = write(tmp_path, "this.txt", report(BODY, 2024))
    (tmp_path / "gklint.toml").write_text('[previous]\n"this.txt" = "archive/old.txt"\n', encoding="utf-8")
    assert main(["check", "--format", "json", "--no-progress", this]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["files"][0]["previous"] == str(tmp_path / "archive" / "old.txt")


def test_a_missing_configured_previous_report_is_a_config_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    this = write(tmp_path, "this.txt", report(BODY, 2024))
    (tmp_path / "gklint.toml").write_text('lang = "zh"\n\n[previous]\n"this.txt" = "gone.txt"\n', encoding="utf-8")
    code = main(["check", "--no-progress", this])
    err = capsys.readouterr().err
    assert code == 2 and "gklint.toml:4: previous report not found" in err


def test_a_file_pairing_cannot_identify_is_still_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [write(tmp_path, f"a-{year}.txt", report(BODY, year)) for year in (2023, 2024)]

    def broken(text: str, **_: object) -> None:
        raise RuntimeError("a reader bug")

    monkeypatch.setattr("gklint.pairing.identify", broken)
    project = Project(Options(isolated=True))
    job = Job(options=project.options, lang="zh", max_bytes=DEFAULT_MAX_BYTES)
    results = list(check_paths(project, job, paths, jobs=1))
    assert [r.ok for r in results] == [True, True] and [r.previous for r in results] == [None, None]


def test_config_shows_the_previous_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "archive", "old.txt", report(BODY, 2023))
    this = write(tmp_path, "this.txt", report(BODY, 2024))
    (tmp_path / "gklint.toml").write_text('[previous]\n"this.txt" = "archive/old.txt"\n', encoding="utf-8")
    assert main(["config", this]) == 0
    out = capsys.readouterr().out
    assert "[previous]" in out and f'"{tmp_path / "archive" / "old.txt"}"' in out
