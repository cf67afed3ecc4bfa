"""Character offsets ↔ LSP positions, in the encoding the client and server agreed on.

Findings carry offsets in characters (code points) of the original text. An LSP position
is a line and a count of code units on that line: UTF-16 units by default (a character
outside the Basic Multilingual Plane, most emoji, is two), UTF-8 bytes or UTF-32 code
points when negotiated. Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, each counted once, as
in the LSP specification and in lintcare's own line numbers.
"""

from __future__ import annotations

from bisect import bisect_right

from lsprotocol import types

from ..sources.lines import line_starts

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def _units(chars: str, encoding: str) -> int:
    """How many code units ``chars`` take in the encoding."""
    if encoding == UTF32:
        return len(chars)
    if encoding == UTF8:
        # surrogatepass: a lone surrogate from the client still has a length.
        return len(chars.encode("utf-8", "surrogatepass"))
    return len(chars) + sum(1 for c in chars if ord(c) > 0xFFFF)


class LineIndex:
    """One text's line starts, for converting offsets both ways."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = line_starts(text)

    def _line_end(self, line: int) -> int:
        """Offset of the end of a line's content (before its line ending)."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, _units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def first_line(self) -> types.Range:
        """The first line's extent: where a finding about the whole page is shown."""
        return self.range(0, self._line_end(0))

    def offset(self, position: types.Position) -> int:
        """The character offset of a client position (clamped to its line, as the spec asks)."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self._line_end(position.line)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += _units(self.text[i], self.encoding)
        return end


def encoding_name(kind: str | None) -> str:
    """The negotiated ``PositionEncodingKind`` as one of UTF8, UTF16, UTF32."""
    value = getattr(kind, "value", kind) or ""
    return {"utf-8": UTF8, "utf-32": UTF32}.get(str(value).lower(), UTF16)
