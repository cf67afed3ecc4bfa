"""A source line fitted to the terminal, with a caret line under the flagged characters.

Terminals draw East Asian wide characters (and most emoji) in two cells and combining marks
in none, so the caret is placed by cells, not by characters. A line wider than the room is
cut around the span, and each cut is shown with an ellipsis.
"""

from __future__ import annotations

import unicodedata

ELLIPSIS = "…"
MIN_WIDTH = 40  # narrower terminals are taken as 40 columns: a caret needs some context
_MIN_ROOM = 12  # the excerpt's own floor: the span's start and a few cells around it
# Drawn in no cell: joiners, variation selectors and the byte-order mark.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff") | frozenset(map(chr, range(0xFE00, 0xFE10)))


def cell_width(ch: str) -> int:
    """Cells a terminal gives one character: 0, 1 or 2."""
    if unicodedata.combining(ch) or ch in _ZERO_WIDTH:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(map(cell_width, text))


def _shown(ch: str) -> str:
    """A tab or another control character as one space, so it cannot move the cursor."""
    return " " if ch == "\t" or unicodedata.category(ch) == "Cc" else ch


def _window(widths: list[int], start: int, end: int, room: int) -> tuple[int, int]:
    """Characters [lo, hi) to show: the span's start with context before it, as much
    after as fits; one cell is kept for each ellipsis a cut needs."""
    n = len(widths)
    if sum(widths) <= room:
        return 0, n
    span = sum(widths[start:end])
    lead = max(room // 4, (room - 2 - span) // 2)  # centre a short span; a long one starts early
    lo, used = start, 0
    while lo > 0 and used + widths[lo - 1] <= lead:
        lo -= 1
        used += widths[lo]
    while lo < start and widths[lo] == 0:
        lo += 1  # a combining mark whose base was cut off
    hi, used = lo, (1 if lo else 0)
    while hi < n and used + widths[hi] + (1 if hi + 1 < n else 0) <= room:
        used += widths[hi]
        hi += 1
    while hi < n and widths[hi] == 0:
        hi += 1  # a mark stays with its base
    if hi == n:  # the end is shown: give the spare room to the context before
        while lo > 0 and used + widths[lo - 1] <= room:
            lo -= 1
            used += widths[lo]
    return lo, hi


def fit(line: str, start: int, end: int, width: int) -> tuple[str, str]:
    """``line`` (or a window of it) at most ``width`` cells wide, and a caret line under
    its characters [start, end) (0-based; ``end`` may lie past the line for a span that
    goes on). At least one caret is drawn, for an empty span too."""
    chars = [_shown(c) for c in line]
    widths = [cell_width(c) for c in chars]
    start = min(max(start, 0), len(chars))
    end = min(max(end, start), len(chars))
    lo, hi = _window(widths, start, end, max(width, _MIN_ROOM))
    head = ELLIPSIS if lo else ""
    shown = head + "".join(chars[lo:hi]) + (ELLIPSIS if hi < len(chars) else "")
    pad = len(head) + sum(widths[lo:start])
    carets = sum(widths[start:min(end, hi)])
    return shown, " " * pad + "^" * max(1, carets)
