"""A decoded source file, and the error for a file that cannot be linted.

Their own module so that a format's reader (``docx.py``) can build sources without
importing the package that dispatches to it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .lines import line_starts


class SourceError(Exception):
    """A file that cannot be linted; the message is one line for the user."""


@dataclass(slots=True)
class Source:
    """A decoded source file and what is needed to write it back unchanged."""

    path: str
    text: str
    fmt: str = "text"
    encoding: str = "utf-8"
    bom: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_starts(self) -> list[int]:
        if not self._line_starts:
            # One scan: a search for the next \r from every line was quadratic in a
            # file without one.
            self._line_starts = line_starts(self.text)
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a source offset."""
        starts = self.line_starts()
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
