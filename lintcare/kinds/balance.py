"""``balance``: brackets and quotation marks must pair up within a block."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..document import Document
from .base import Hit, Kind

# "a) first, b) second" and ":)" use a lone ")" on purpose.
_ENUMERATOR = re.compile(r"(?:^|[\s(])\w$|[:;]-?$")


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
        chars = "".join((*self.opens, *self.closes, *self.straight))
        self._marks = re.compile("[" + re.escape(chars) + "]")

    def anchors(self) -> tuple[str, ...]:
        return (*self.opens, *self.closes, *self.straight)

    def find(self, doc: Document) -> Iterator[Hit]:
        text = doc.text
        for block in doc.prose.blocks:
            yield from self._block(text, block.start, block.end)

    def _block(self, text: str, start: int, end: int) -> Iterator[Hit]:
        stack: list[tuple[str, int]] = []
        straight: dict[str, list[int]] = {q: [] for q in self.straight}
        for m in self._marks.finditer(text, start, end):
            i, ch = m.start(), m.group()
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
            yield Hit(i, i + 1)
        for positions in straight.values():
            if len(positions) % 2:
                yield Hit(positions[-1], positions[-1] + 1)
