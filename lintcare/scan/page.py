"""``PageScan``: one page's text and blocks, and every scan a rule kind asks of them.

Made by a rule set's Scanner (scanner.py) with what it shares across pages: the anchor
index. Every answer is the same with or without it; it only decides how much of the
page is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .lowering import lower_text

if TYPE_CHECKING:
    from ..sources.prose import Block
    from .anchorindex import AnchorIndex
    from .pattern import Pattern
    from .scanner import Scanner

Ranges = list[tuple[int, int]]


class PageScan:
    def __init__(self, text: str, blocks: Sequence[Block], scanner: Scanner | None = None,
                 index: AnchorIndex | None = None) -> None:
        self.text = text
        self.blocks = blocks
        self.scanner = scanner
        self._index = index if index is not None and index.available else None
        self._starts = [b.start for b in blocks]
        self._contains: dict[str, bool] = {}

    @cached_property
    def lower(self) -> str:
        """The lowercased copy (``lower_text``); its offsets are the text's when
        ``aligned``."""
        return lower_text(self.text)

    @cached_property
    def aligned(self) -> bool:
        """Do offsets in the lowercased copy stand for the same characters? ("İ"
        lowercases to two characters: then they do not.)"""
        return len(self.lower) == len(self.text)

    # -- matches ------------------------------------------------------------------------
    def finditer(self, pattern: Pattern, declared: tuple[str, ...] = ()) -> Iterator[re.Match[str]]:
        """The pattern's matches inside blocks (each block scanned on its own), in order,
        reading only the blocks that can hold one. ``declared`` are a rule's own anchors:
        one of them stands in the block of every match."""
        scan, text = pattern.scanner, self.text
        for lo, hi in self._ranges(pattern, declared):
            yield from scan.finditer(text, self.lower, lo, hi)

    def finditer_page(self, pattern: Pattern) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` over the whole page (a match may cross blocks)."""
        return pattern.scanner.finditer(self.text, self.lower)

    def search(self, pattern: Pattern, lo: int, hi: int) -> re.Match[str] | None:
        """``pattern.search(text[lo:hi])``: the slice searched as a string of its own."""
        piece = self.text[lo:hi]
        lowered = self.lower[lo:hi] if self.aligned else lower_text(piece)
        return pattern.scanner.search(piece, lowered)

    def spans(self, pattern: Pattern) -> Iterator[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``, found in the lowercased copy and tried
        only where a literal every match starts with stands, when that is exact."""
        lowered = pattern.lowered
        if lowered is None:
            yield from (m.span() for m in self.finditer_page(pattern))
            return
        if not self.aligned:
            yield from (m.span() for m in pattern.finditer(self.text))
            return
        starts = self.literal_starts(pattern.starts)
        if starts is None:
            yield from (m.span() for m in lowered.finditer(self.lower))
            return
        pos, lower = 0, self.lower
        for start in starts:
            if start >= pos and (m := lowered.match(lower, start)) is not None:
                yield m.span()
                pos = m.end()

    # -- where a scan need not look -------------------------------------------------------
    def may_match(self, rule: Any) -> bool:
        """Can the rule's kind match on this page? No when the page holds none of its
        own anchors or none of its kind's."""
        if rule.anchors and not self.contains_any(rule.anchors):
            return False
        return not (rule.kind_anchors and not self.contains_any(rule.kind_anchors))

    def contains_any(self, anchors: tuple[str, ...]) -> bool:
        """Does a block hold one of these lowercase literals? Memoised: rules share anchors."""
        seen = self._contains
        for a in anchors:
            hit = seen.get(a)
            if hit is None:
                hit = seen[a] = (a in self._anchor_hits) if self._indexed(a) else bool(self._find(a))
            if hit:
                return True
        return False

    def literal_starts(self, literals: tuple[str, ...]) -> list[int] | None:
        """Every offset where one of ``literals`` (lowercase, without white space) starts
        in the lowercased copy, in order; None when anchor positions may miss one (text
        outside the blocks, a copy whose offsets moved)."""
        if not literals or not self.aligned or not self._words_in_blocks:
            return None
        return sorted({p for a in literals for p in self._positions(a)})

    def _ranges(self, pattern: Pattern, declared: tuple[str, ...]) -> Ranges:
        """The blocks to scan for ``pattern``: those holding one of its anchors of every
        group, and one of the rule's own (``declared``)."""
        groups = pattern.anchor_groups
        return self._group_ranges((*groups, declared) if declared else groups)

    def _group_ranges(self, groups: tuple[tuple[str, ...], ...]) -> Ranges:
        """Ranges of the blocks holding an anchor of every group (every block if none).

        Every match holds one literal of each group and stays in one block, so scanning
        only these blocks finds the same matches; what follows a block's end cannot
        decide a match inside it.
        """
        hit = self._group_blocks(groups)
        if hit is None:
            return [(b.start, b.end) for b in self.blocks]
        return [(self.blocks[i].start, self.blocks[i].end) for i in sorted(hit)]

    def _group_blocks(self, groups: tuple[tuple[str, ...], ...]) -> set[int] | None:
        if not groups or not self.aligned:
            return None
        hit = self._blocks_with_any(groups[0])
        for group in groups[1:]:
            if not hit:
                break
            hit &= self._blocks_with_any(group)
        return hit

    def _blocks_with_any(self, anchors: tuple[str, ...]) -> set[int]:
        hit: set[int] = set()
        for anchor in anchors:
            if self._indexed(anchor):
                hit.update(i for _, i in self._anchor_hits.get(anchor, ()))
            else:
                hit.update(i for _, i in self._find(anchor))
        return hit

    # -- anchor positions -----------------------------------------------------------------
    @cached_property
    def _anchor_hits(self) -> dict[str, list[tuple[int, int]]]:
        """(start, block) of every indexed anchor occurrence, from one pass over the page."""
        if not self._use_index:
            return {}
        ends = [b.end for b in self.blocks]
        return self._index.positions(self.lower, self._starts, ends)  # type: ignore[union-attr]

    @cached_property
    def _use_index(self) -> bool:
        return self._index is not None and self.aligned

    def _indexed(self, anchor: str) -> bool:
        return self._use_index and anchor in self._index.anchors  # type: ignore[union-attr]

    def _positions(self, anchor: str) -> list[int]:
        if self._indexed(anchor):
            return [start for start, _ in self._anchor_hits.get(anchor, ())]
        return [pos for pos, _ in self._find(anchor)]

    def _find(self, anchor: str) -> list[tuple[int, int]]:
        """(start, block) of each occurrence inside a block, by substring search."""
        if not self.aligned:
            # Offsets in the copy are not offsets in the text: search the text ignoring case.
            found = re.compile(re.escape(anchor), re.IGNORECASE).finditer(self.text)
            spans = [(m.start(), m.end()) for m in found]
        else:
            spans, lower = [], self.lower
            pos = lower.find(anchor)
            while pos >= 0:
                spans.append((pos, pos + len(anchor)))
                pos = lower.find(anchor, pos + 1)
        out = []
        for start, end in spans:
            i = bisect_right(self._starts, start) - 1
            if i >= 0 and end <= self.blocks[i].end:
                out.append((start, i))
        return out

    @cached_property
    def _words_in_blocks(self) -> bool:
        """Is all text outside the blocks white space, with some between any two blocks?
        Then a literal without white space stands inside one block wherever it occurs."""
        text, prev = self.text, -1
        for block in self.blocks:
            gap = text[max(prev, 0):block.start]
            if (prev >= 0 and not gap) or (gap and not gap.isspace()):
                return False
            prev = block.end
        tail = text[max(prev, 0):]
        return not tail or tail.isspace()
