"""Normalisation of labels and headings before they are compared (spec §3)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans("", "", "\"'“”‘’「」『』")
_SPACE = re.compile(r"[\s\u3000*]+")
# Enumerators 1. 1． 1、 fold to "1."; NFKC already turned the full-width forms half-width.
_ENUM = re.compile(r"^(\d{1,2})[.、]")


# Cached: the model (template markers), table recognition and the rules fold the same
# few hundred labels and cell texts over and over.
@lru_cache(maxsize=16384)
def label(text: str) -> str:
    """Fold a table label or heading to a comparable form.

    NFKC (full-width brackets, digits and stops become half-width), no whitespace or
    markdown bold, no quotes, and ``1、``/``1．`` written ``1.``.
    """
    folded = _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_QUOTES)
    return _ENUM.sub(r"\1.", folded)
