"""gklint: a compliance linter for 政府信息公开工作年度报告."""

from __future__ import annotations

__all__ = ["__version__"]

# The one place the version is written: pyproject.toml reads it at build time
# ([tool.hatch.version]), so `gklint --version` reads no package metadata (importlib.metadata
# took longer than the interpreter's own start-up; issue 13).
__version__ = "0.1.0"
