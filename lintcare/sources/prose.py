"""Prose extracted from a source file, with an exact map back to source offsets.

Every stage after extraction works on ``Prose.text``. A finding's prose range is
turned into a source range by ``OffsetMap``; nothing ever searches the source again
for the matched words, so positions stay exact through markup and entities.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

# Block kinds. Headings matter to rules (first mention, label headings); the
# rest only bound matches and sentences.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
TABLE_CELL = "table_cell"
QUOTE = "quote"
ATTRIBUTE = "attribute"  # alt/title text, front-matter title/description


@dataclass(frozen=True, slots=True)
class Block:
    """A run of prose that no match or sentence may cross."""

    start: int
    end: int
    kind: str = PARAGRAPH
    level: int = 0


class OffsetMap:
    """Piecewise map from prose offsets to source offsets.

    Runs are ``(prose_start, source_start, prose_len, source_len)``. A run with equal
    lengths maps character for character; an unequal run (an entity such as
    ``&amp;`` standing for ``&``) maps as one indivisible unit. Prose characters that
    have no source (block separators) belong to no run.
    """

    __slots__ = ("_p", "_plen", "_s", "_slen")

    def __init__(self) -> None:
        self._p: list[int] = []
        self._s: list[int] = []
        self._plen: list[int] = []
        self._slen: list[int] = []

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        m = cls()
        if length:
            m.add(0, 0, length, length)
        return m

    def add(self, prose_start: int, source_start: int, prose_len: int, source_len: int) -> None:
        # Merge with the previous run when both are exact and adjacent: keeps the
        # map small for plain stretches of text.
        if (
            self._p
            and prose_len == source_len
            and self._plen[-1] == self._slen[-1]
            and self._p[-1] + self._plen[-1] == prose_start
            and self._s[-1] + self._slen[-1] == source_start
        ):
            self._plen[-1] += prose_len
            self._slen[-1] += source_len
            return
        self._p.append(prose_start)
        self._s.append(source_start)
        self._plen.append(prose_len)
        self._slen.append(source_len)

    def _run(self, offset: int) -> int:
        i = bisect_right(self._p, offset) - 1
        if i < 0:
            raise ValueError(f"prose offset {offset} precedes every mapped run")
        return i

    def source_start(self, offset: int) -> int:
        """Source offset of the prose character at ``offset``."""
        i = self._run(offset)
        delta = offset - self._p[i]
        if delta >= self._plen[i]:  # in a gap after the run: point past it
            return self._s[i] + self._slen[i]
        if self._plen[i] == self._slen[i]:
            return self._s[i] + delta
        return self._s[i]

    def source_end(self, end: int) -> int:
        """Source offset just after the prose character at ``end - 1``."""
        i = self._run(end - 1)
        delta = end - self._p[i]
        if delta >= self._plen[i]:
            return self._s[i] + self._slen[i]
        if self._plen[i] == self._slen[i]:
            return self._s[i] + delta
        return self._s[i] + self._slen[i]

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when prose[start:end] is the same characters as its source range.

        Fixes may only edit such ranges: anything else spans markup, an entity or
        a block separator, and rewriting it could damage the file.
        """
        if end <= start:
            return True
        i = self._run(start)
        while True:
            if self._plen[i] != self._slen[i]:
                return False
            run_end = self._p[i] + self._plen[i]
            if end <= run_end:
                return start >= self._p[i]
            nxt = i + 1
            if nxt >= len(self._p) or self._p[nxt] != run_end:
                return False
            if self._s[nxt] != self._s[i] + self._slen[i]:
                return False
            i = nxt


@dataclass(slots=True)
class Prose:
    """The lintable text of one file."""

    text: str
    blocks: list[Block]
    map: OffsetMap
    # Link targets (href values) and other non-prose facts the page states, e.g.
    # tel: and mailto: links count as contact information.
    links: list[str] = field(default_factory=list)
    # Source ranges where the text says nothing to lint (code, comments): used by
    # suppressions and fixes, never by rules.
    comments: list[tuple[int, int, str]] = field(default_factory=list)

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self.blocks]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < self.blocks[i].end:
            return self.blocks[i]
        return None


class ProseBuilder:
    """Accumulates prose pieces and their source positions."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.map = OffsetMap()
        self.blocks: list[Block] = []
        self.links: list[str] = []
        self.comments: list[tuple[int, int, str]] = []
        self._block_start: int | None = None

    @property
    def length(self) -> int:
        return self._len

    def text_so_far_endswith_space(self) -> bool:
        return bool(self._parts) and self._parts[-1][-1:].isspace()

    def add(self, text: str, source_start: int, source_len: int | None = None) -> None:
        """Add prose that stands at ``source_start`` in the source.

        ``source_len`` differs from ``len(text)`` for an entity or escape, which
        then maps as one unit.
        """
        if not text:
            return
        self.map.add(self._len, source_start, len(text), len(text) if source_len is None else source_len)
        self._parts.append(text)
        self._len += len(text)

    def add_synthetic(self, text: str) -> None:
        """Add prose with no source (a space standing for a tag, a separator)."""
        self._parts.append(text)
        self._len += len(text)

    def open_block(self) -> None:
        if self._block_start is None:
            if self._len:
                self.add_synthetic("\n\n")
            self._block_start = self._len

    def close_block(self, kind: str = PARAGRAPH, level: int = 0) -> None:
        if self._block_start is None:
            return
        start, self._block_start = self._block_start, None
        if self._len > start:
            self.blocks.append(Block(start, self._len, kind, level))

    def build(self) -> Prose:
        self.close_block()
        return Prose("".join(self._parts), self.blocks, self.map, self.links, self.comments)
