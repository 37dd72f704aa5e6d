"""Benchmark (not a test): a batch with cross-year pairing against the same batch with --no-pair.

Usage: python bench/pairing.py [--copies 24] [--corpus ../shared/corpus] [--repeat 5]

Each copy is a folder holding the whole corpus (.txt), so every copy has the 平潭 series
and the 2011/2012 county pair to pair. The two commands run in turn, A B A B …, and the
medians of wall time and of CPU time (the worker processes included) are printed with
their ratio.
"""

from __future__ import annotations

import argparse
import sys
import tempfile

from paired import CORPUS, compare, copy_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=24)
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    gklint = [sys.executable, "-m", "gklint", "check", "--format", "json", "--no-progress", "--isolated"]
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as tmp:
        files = copy_corpus(args.corpus, ("real", "partial"), args.copies, tmp)
        compare(("pairing", [*gklint, tmp]), ("--no-pair", [*gklint, "--no-pair", tmp]), args.repeat, files)


if __name__ == "__main__":
    main()
