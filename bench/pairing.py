"""Benchmark (not a test): a batch with cross-year pairing against the same batch with --no-pair.

Usage: python bench/pairing.py [--copies 24] [--corpus ../shared/corpus] [--repeat 5]

Each copy is a folder holding the whole corpus (.txt), so every copy has the 平潭 series
and the 2011/2012 county pair to pair. The two commands run in turn, A B A B …, and the
medians of wall time and of CPU time (the worker processes included) are printed with
their ratio.
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=24)
    parser.add_argument("--corpus", default=os.environ.get("GKLINT_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    sources = sorted(p for folder in ("real", "partial") for p in (Path(args.corpus) / folder).glob("*.txt"))
    if not sources:
        raise SystemExit(f"no reports in {args.corpus}")
    gklint = [sys.executable, "-m", "gklint", "check", "--format", "json", "--no-progress", "--isolated"]
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as tmp:
        for copy in range(args.copies):
            folder = Path(tmp, f"copy-{copy:03d}")
            folder.mkdir()
            for source in sources:
                shutil.copyfile(source, folder / source.name)
        paired, unpaired = [*gklint, tmp], [*gklint, "--no-pair", tmp]
        run(paired), run(unpaired)  # warm-up
        rounds = [(run(paired), run(unpaired)) for _ in range(args.repeat)]
    files = len(sources) * args.copies
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {files} reports, {args.repeat} rounds")
    for name, index in (("wall", 0), ("cpu", 1)):
        a = statistics.median(r[0][index] for r in rounds)
        b = statistics.median(r[1][index] for r in rounds)
        ratio = statistics.median(r[0][index] / r[1][index] for r in rounds)
        print(f"{name}: pairing {a:.2f} s, --no-pair {b:.2f} s, ratio (median of pairs) {ratio:.3f}")


if __name__ == "__main__":
    main()
