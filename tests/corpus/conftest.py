"""The real-report corpus: ``$GKLINT_CORPUS`` (CI sets it), else ../shared/corpus.

With the variable set, a missing corpus is a failure, not a skip: CI must not go green
by testing nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import ROOT


def corpus_dir() -> Path | None:
    """The corpus folder, or None to skip; fails when GKLINT_CORPUS names a missing folder."""
    configured = os.environ.get("GKLINT_CORPUS")
    path = (ROOT / configured) if configured else ROOT.parent / "shared" / "corpus"
    if path.is_dir():
        return path
    if configured:
        pytest.fail(f"GKLINT_CORPUS={configured} but {path} is not a directory")
    return None


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder (skips the test when it is absent and not required)."""
    path = corpus_dir()
    if path is None:
        pytest.skip("corpus not found; set GKLINT_CORPUS to require it")
    return path
