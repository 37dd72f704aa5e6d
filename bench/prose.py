"""Benchmark (not a test): what reading the prose costs a batch.

Usage: python bench/prose.py [--copies 12] [--corpus ../shared/corpus] [--repeat 5]

The corpus (.txt of real, partial and peer) is copied into --copies folders and checked
twice in turn, A B A B …: as shipped, and with the inline grammar switched off (every line
of prose read as one plain clause, so no claim is found and the prose rules have nothing
to check). The medians of wall and CPU time (worker processes included) are printed with
the median of the pairs' ratios; issue 8 allows the prose at most a 20% drop in batch
throughput, i.e. a ratio of at most 1.25.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _without_prose(argv: list[str]) -> int:
    """Run gklint with the inline grammar replaced by the plain reading it falls back to on
    a parse error (worker processes are forked, so they inherit the replacement)."""
    from gklint import parser
    from gklint.ast import Span
    from gklint.cli import main
    from gklint.prose.nodes import Clause, Prose, Sentence

    def plain(text: str, span: Span) -> Prose:
        whole = Clause(span=span, text=text, items=(), breakdown=None)
        return Prose(span=span, text=text, sentences=(Sentence(span=span, text=text, clauses=(whole,)),))

    parser.parse_prose = plain  # type: ignore[assignment]
    return main(argv)


def run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one command (children's CPU from getrusage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    if sys.argv[1:2] == ["--without-prose"]:
        raise SystemExit(_without_prose(sys.argv[2:]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--corpus", default=os.environ.get("GKLINT_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    folders = ("real", "partial", "peer")
    sources = sorted(p for folder in folders for p in (Path(args.corpus) / folder).glob("*.txt"))
    if not sources:
        raise SystemExit(f"no reports in {args.corpus}")
    options = ["check", "--format", "json", "--no-progress", "--isolated", "--no-pair"]
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as tmp:
        for copy in range(args.copies):
            folder = Path(tmp, f"copy-{copy:03d}")
            folder.mkdir()
            for source in sources:
                shutil.copyfile(source, folder / source.name)
        shipped = [sys.executable, "-m", "gklint", *options, tmp]
        plain = [sys.executable, __file__, "--without-prose", *options, tmp]
        run(shipped), run(plain)  # warm-up
        rounds = [(run(shipped), run(plain)) for _ in range(args.repeat)]
    files = len(sources) * args.copies
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {files} reports, {args.repeat} rounds")
    for name, index in (("wall", 0), ("cpu", 1)):
        a = statistics.median(r[0][index] for r in rounds)
        b = statistics.median(r[1][index] for r in rounds)
        ratio = statistics.median(r[0][index] / r[1][index] for r in rounds)
        print(
            f"{name}: with prose {a:.2f} s ({files / a:.0f} reports/s), without {b:.2f} s "
            f"({files / b:.0f} reports/s), ratio (median of pairs) {ratio:.3f}"
        )


if __name__ == "__main__":
    main()
