"""Reporters: render check results; checks never format, reporters never check."""

from __future__ import annotations

from gklint.reporting.base import Summary, summarize

__all__ = ["Summary", "summarize"]
