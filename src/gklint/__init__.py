"""gklint: a compliance linter for 政府信息公开工作年度报告."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gklint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
