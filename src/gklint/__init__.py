"""gklint: a compliance linter for 政府信息公开工作年度报告."""

from __future__ import annotations

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    # NOTE: read on first use (PEP 562): importlib.metadata costs a quarter of Python's own
    # start-up, and every `import gklint.…` would pay it (issue 13).
    if name != "__version__":
        raise AttributeError(f"module 'gklint' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        found = version("gklint")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
