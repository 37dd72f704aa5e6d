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
import sys
import tempfile

from paired import CORPUS, compare, copy_corpus


def _without_prose(argv: list[str]) -> int:
    """Run gklint with every line of prose read as the grammar reads a line it cannot parse
    (worker processes are forked, so they inherit the replacement)."""
    from gklint import parser
    from gklint.cli import main
    from gklint.prose.parser import plain_prose

    parser.parse_prose = plain_prose
    return main(argv)


def main() -> None:
    if sys.argv[1:2] == ["--without-prose"]:
        raise SystemExit(_without_prose(sys.argv[2:]))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--corpus", default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    options = ["check", "--format", "json", "--no-progress", "--isolated", "--no-pair"]
    with tempfile.TemporaryDirectory(prefix="gklint-bench-") as tmp:
        files = copy_corpus(args.corpus, ("real", "partial", "peer"), args.copies, tmp)
        shipped = [sys.executable, "-m", "gklint", *options, tmp]
        plain = [sys.executable, __file__, "--without-prose", *options, tmp]
        compare(("with prose", shipped), ("without", plain), args.repeat, files)


if __name__ == "__main__":
    main()
