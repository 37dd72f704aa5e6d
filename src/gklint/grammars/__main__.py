"""``python -m gklint.grammars [--check]``: regenerate the shipped parsers (see the package docstring)."""

from __future__ import annotations

import argparse
import sys

from gklint.grammars import regenerate

parser = argparse.ArgumentParser(prog="python -m gklint.grammars", description=__doc__)
parser.add_argument("--check", action="store_true", help="only list the stale modules (exit 1 if any)")
args = parser.parse_args()
stale = regenerate(check=args.check)
for name in stale:
    print(f"{'stale' if args.check else 'regenerated'}: src/gklint/grammars/{name}")
sys.exit(1 if args.check and stale else 0)
