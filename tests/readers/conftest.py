"""Reader tests: the corpus fixture (shared rules for GKLINT_CORPUS) and a lint helper."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.conftest import corpus_dir


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus folder; skipped when absent and not required, failed when GKLINT_CORPUS names a missing one."""
    path = corpus_dir()
    if path is None:
        pytest.skip("corpus not found; set GKLINT_CORPUS to require it")
    return path
