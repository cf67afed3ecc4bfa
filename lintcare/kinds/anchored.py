"""A regex's ``finditer`` matches, tried only where a literal every match holds can start one.

Patterns that open on a free word ("NOUN based", "WORD disorder") make ``re`` try every
position of a page. When each match holds one of a few literal words (the second word of
a compound, a head noun), the page scan can list the places a match may start: at the
literal, or in the ``words_before`` words before it (``PageScan.zero_width_matches``).
Taking those places in order and skipping any inside the last match found gives the
matches ``finditer`` gives: it too takes the leftmost match, then goes on from its end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..document import Document


@lru_cache(maxsize=512)
def _starts(regex: re.Pattern[str]) -> re.Pattern[str]:
    """An empty match wherever ``regex`` matches (a look-ahead, so every place is found)."""
    return re.compile(f"(?=(?:{regex.pattern}))", regex.flags)


def anchored_matches(doc: Document, regex: re.Pattern[str], literals: tuple[str, ...],
                     words_before: int) -> Iterator[re.Match[str]]:
    """``regex.finditer(doc.text)``, for a regex whose matches are never empty and each
    start at one of ``literals`` (lowercase, without white space) or in the
    ``words_before`` words before one (white space between, as ``\\s`` reads it)."""
    text, match, end = doc.text, regex.match, 0
    for place in doc.scan.zero_width_matches(_starts(regex), literals, words_before):
        if place.start() >= end and (m := match(text, place.start())) is not None:
            yield m
            end = m.end()
