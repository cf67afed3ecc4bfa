"""HTML: read as plain text until the markup-aware extractor lands."""

from __future__ import annotations

from ..prose import Prose
from .text import extract_text


def extract_html(text: str) -> Prose:
    return extract_text(text)
