"""Line breaks as editors count them; shared by the source and the extractors."""

from __future__ import annotations

import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The same breaks in a file without \r: a literal is found by a fast search, a set of
# alternatives by trying each at every character (four times slower).
_LF = re.compile("\n")
_MATCH_END = re.Match.end


def line_breaks(text: str) -> re.Pattern[str]:
    """What ends a line of ``text``: \n, \r\n or a lone \r, as editors count them."""
    return _LINE_BREAK if "\r" in text else _LF


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start."""
    return [0, *map(_MATCH_END, line_breaks(text).finditer(text))]
