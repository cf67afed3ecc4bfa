"""A regex's ``finditer`` matches, tried only where a literal every match holds can start one.

Patterns that open on a free word ("NOUN based", "WORD disorder") make ``re`` try every
position of a page. When each match holds one of a few literal words (the second word of
a compound, a head noun), the page scan lists where those stand (``literal_starts``, from
the anchor index when the literals are the rule's kind anchors), and a match can only
start there or in the few words before. Trying those places in order and skipping any
inside the last match found gives the matches ``finditer`` gives: it too takes the
leftmost match, then goes on from its end.

A speed trick, so it lives in the scan; kinds reach it as ``doc.scan.anchored_matches``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .page import PageScan

# (literals, words_before): a match starts at one of the literals (lowercase, without
# white space) or in the ``words_before`` words before it, white space between.
Places = tuple[tuple[str, ...], int]
Accept = Callable[[re.Match[str]], bool]


def anchored_matches(scan: PageScan, regex: re.Pattern[str], places: Sequence[Places],
                     accept: Accept | None = None) -> Iterator[re.Match[str]]:
    """``regex.finditer(doc.text)`` for a regex whose matches are never empty and each
    start at a place one of ``places`` names. With ``accept``, the regex is a looser
    form of the one meant, which matches where this one does and ``accept`` holds."""
    text, found = scan.text, set()
    for literals, words_before in places:
        starts = scan.literal_starts(literals)
        if starts is None:  # the scan cannot list them all: let it try the places itself
            return _first_matches(text, regex, _scanned(scan, regex, places), accept)
        found.update(starts)
        for pos in starts if words_before else ():
            add_words_before(text, pos, words_before, found)
    return _first_matches(text, regex, sorted(found), accept)


def _first_matches(text: str, regex: re.Pattern[str], places: Iterable[int],
                   accept: Accept | None) -> Iterator[re.Match[str]]:
    match, end = regex.match, 0
    for pos in places:
        if pos >= end and (m := match(text, pos)) is not None and (accept is None or accept(m)):
            yield m
            end = m.end()


def _scanned(scan: PageScan, regex: re.Pattern[str], places: Sequence[Places]) -> list[int]:
    ahead = _starts(regex)
    return sorted({m.start() for literals, words_before in places
                   for m in scan.zero_width_matches(ahead, literals, words_before)})


@lru_cache(maxsize=512)
def _starts(regex: re.Pattern[str]) -> re.Pattern[str]:
    """An empty match wherever ``regex`` matches (a look-ahead, so every place is found)."""
    return re.compile(f"(?=(?:{regex.pattern}))", regex.flags)


def add_words_before(text: str, pos: int, words: int, places: set[int]) -> None:
    """Add every position of the ``words`` runs of non-space characters before ``pos``
    (each followed by white space): a word there may start anywhere after punctuation."""
    for _ in range(words):
        end = pos
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == pos:
            return  # no white space before: no word stands before this one
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        places.update(range(start, end))
        pos = start
