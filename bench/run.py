"""Benchmark (not a test): check the corpus replicated to N files, and one single file.

Usage: python bench/run.py [--files 2000] [--corpus ../shared/corpus] [--repeat 5]

Prints reports/s for the batch run, the wall time of checking one file (median of
--repeat runs, start-up included, as a pre-commit hook sees it), and `python -c pass` on
the same machine for scale.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def wall(argv: list[str]) -> float:
    """Seconds one command takes, output discarded (exit code 1 means findings: fine)."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return elapsed


def median_wall(argv: list[str], repeat: int) -> float:
    """Median over ``repeat`` runs, after one warm-up run."""
    wall(argv)
    return statistics.median(wall(argv) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--corpus", default=os.environ.get("GKLINT_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    sources = sorted(Path(args.corpus).glob("*/*.txt"))
    if not sources:
        raise SystemExit(f"no reports in {args.corpus}")
    gklint = [sys.executable, "-m", "gklint", "check", "--format", "json", "--no-progress"]
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as tmp:
        for i in range(args.files):
            source = sources[i % len(sources)]
            shutil.copyfile(source, Path(tmp) / f"{i:05d}-{source.name}")
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
        batch = wall([*gklint, tmp])
    single = median_wall([*gklint, str(ROOT / "examples" / "demo-2024.txt")], args.repeat)
    baseline = median_wall([sys.executable, "-c", "pass"], args.repeat)

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"batch: {args.files} reports ({size / 1e6:.1f} MB) in {batch:.2f} s = {args.files / batch:.0f} reports/s")
    print(f"single file (demo-2024.txt), wall, median of {args.repeat}: {single * 1000:.0f} ms")
    print(f"python -c pass, median of {args.repeat}: {baseline * 1000:.0f} ms")


if __name__ == "__main__":
    main()
