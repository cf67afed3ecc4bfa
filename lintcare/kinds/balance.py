"""``balance``: brackets and quotation marks must pair up within a block."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..document import Document
from ..sources.prose import PARAGRAPH, Block
from .base import Hit, Kind

# "a) first, b) second" and ":)" use a lone ")" on purpose.
_ENUMERATOR = re.compile(r"(?:^|[\s(])\w$|[:;]-?$")


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def _unwrapped(text: str, blocks: Sequence[Block]) -> list[Block]:
    """The blocks with paragraph lines rejoined where only a line break parts them: a
    hard-wrapped leaflet ("(eg Braille, audio or other\nlanguages)") may break a line
    inside brackets, and the text source reads such a short line as ended on purpose."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if (last is not None and last.kind == block.kind == PARAGRAPH
                and _WRAP.fullmatch(text, last.end, block.start)):
            out[-1] = Block(last.start, block.end, PARAGRAPH)
        else:
            out.append(block)
    return out


def _continued(text: str, i: int) -> bool:
    """The mark at ``i`` opens its line, is the line's only such mark, and the next
    non-blank line opens with the same mark: a quotation running over several paragraphs
    (Chicago 13.30), whose closing mark comes only at the end of its last paragraph."""
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    line = text[start:end]
    if text[start:i].strip() or line.count(text[i]) != 1:
        return False
    rest = text[end:].lstrip()
    return rest.startswith(text[i])


class BalanceKind(Kind):
    """``pairs`` lists two-character open/close pairs; ``straight`` marks that must come in twos."""

    name = "balance"
    fields = {"pairs": (list,), "straight": (list,)}
    required = ("pairs",)

    def __init__(self, raw: dict[str, Any], ctx: Any) -> None:
        super().__init__(raw, ctx)
        pairs = raw["pairs"]
        if not all(isinstance(p, str) and len(p) == 2 for p in pairs):
            raise ctx.error("pairs", "each pair is two characters, e.g. '()'")
        self.opens = {p[0]: p[1] for p in pairs}
        self.closes = {p[1]: p[0] for p in pairs}
        self.straight = tuple(raw.get("straight", []))
        self._chars = "".join(dict.fromkeys((*self.opens, *self.closes, *self.straight)))

    def anchors(self) -> tuple[str, ...]:
        return (*self.opens, *self.closes, *self.straight)

    def _positions(self, text: str) -> list[int]:
        """Where the marks stand, in order: str.find skips to each (a few per page) many
        times faster than a regex scan for their class."""
        found: list[int] = []
        for ch in self._chars:
            at = text.find(ch)
            while at >= 0:
                found.append(at)
                at = text.find(ch, at + 1)
        found.sort()
        return found

    def find(self, doc: Document) -> Iterator[Hit]:
        # The page's marks, then each block's marks in turn: scanning block by block
        # cost a call per block, most of them empty.
        text, blocks = doc.text, _unwrapped(doc.text, doc.prose.blocks)
        k, n = 0, len(blocks)
        marks: list[int] = []
        for i in self._positions(text):
            while k < n and blocks[k].end <= i:
                if marks:
                    yield from self._block(text, blocks[k].start, marks)
                    marks = []
                k += 1
            if k < n and blocks[k].start <= i:
                marks.append(i)
        if marks:
            yield from self._block(text, blocks[k].start, marks)

    def _block(self, text: str, start: int, marks: list[int]) -> Iterator[Hit]:
        """Unpaired marks among those at ``marks``, in the block starting at ``start``."""
        stack: list[tuple[str, int]] = []
        straight: dict[str, list[int]] = {q: [] for q in self.straight}
        for i in marks:
            ch = text[i]
            if ch in self.opens:
                stack.append((ch, i))
            elif ch in self.closes:
                if stack and stack[-1][0] == self.closes[ch]:
                    stack.pop()
                elif not _ENUMERATOR.search(text[max(start, i - 3):i]):
                    yield Hit(i, i + 1)
            elif ch in straight:
                straight[ch].append(i)
        for _, i in stack:
            if not _continued(text, i):
                yield Hit(i, i + 1)
        for positions in straight.values():
            # Each paragraph of a quotation opens with the mark, only the last closes it.
            kept = [i for i in positions if not _continued(text, i)]
            if len(kept) % 2:
                yield Hit(kept[-1], kept[-1] + 1)
