"""``python -m gklint`` and the ``gklint`` script."""

from __future__ import annotations

import sys


def main() -> int:
    """Run the command line; ``gklint --version`` alone is answered without loading it."""
    if sys.argv[1:] == ["--version"]:
        from gklint import __version__  # noqa: PLC0415

        # What argparse's version action prints (`gklint.cli.build_parser`).
        print(f"gklint {__version__}")
        return 0
    from gklint.cli import main as cli  # noqa: PLC0415 - the CLI imports rich and every module

    return cli()


if __name__ == "__main__":
    raise SystemExit(main())
