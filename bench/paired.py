"""Shared by the paired benchmarks (bench/pairing.py, bench/prose.py): the corpus copied into
folders, and two commands run in turn, A B A B …, with medians and the median of ratios."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = os.environ.get("GKLINT_CORPUS", str(ROOT.parent / "shared" / "corpus"))
# Commands run with bytecode caching on, as an installed gklint runs (see bench/run.py).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run(argv: Sequence[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command (children's CPU from getrusage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def copy_corpus(corpus: str, folders: Sequence[str], copies: int, into: str) -> int:
    """The corpus's .txt reports of ``folders`` copied into ``copies`` folders of ``into``;
    how many reports that makes."""
    sources = sorted(p for folder in folders for p in (Path(corpus) / folder).glob("*.txt"))
    if not sources:
        raise SystemExit(f"no reports in {corpus}")
    for copy in range(copies):
        folder = Path(into, f"copy-{copy:03d}")
        folder.mkdir()
        for source in sources:
            shutil.copyfile(source, folder / source.name)
    return len(sources) * copies


def compare(a: tuple[str, Sequence[str]], b: tuple[str, Sequence[str]], repeat: int, files: int) -> None:
    """Run the named commands ``a`` and ``b`` in turn ``repeat`` times after a warm-up and
    print the medians of wall and CPU time and the median of the pairs' ratios a/b."""
    (a_name, a_argv), (b_name, b_argv) = a, b
    run(a_argv), run(b_argv)  # warm-up
    rounds = [(run(a_argv), run(b_argv)) for _ in range(repeat)]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {files} reports, {repeat} rounds")
    for name, index in (("wall", 0), ("cpu", 1)):
        a_time = statistics.median(r[0][index] for r in rounds)
        b_time = statistics.median(r[1][index] for r in rounds)
        ratio = statistics.median(r[0][index] / r[1][index] for r in rounds)
        print(
            f"{name}: {a_name} {a_time:.2f} s ({files / a_time:.0f} reports/s), {b_name} {b_time:.2f} s "
            f"({files / b_time:.0f} reports/s), ratio (median of pairs) {ratio:.3f}"
        )
