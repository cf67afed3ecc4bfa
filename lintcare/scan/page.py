"""``PageScan``: one page's text and blocks, and every scan a rule kind asks of them.

Made by a rule set's Scanner (scanner.py) with what it shares across pages: the anchor
index. Every answer is the same with or without it; it only decides how much of the
page is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .lowering import lower_text

if TYPE_CHECKING:
    from ..sources.prose import Block
    from .anchorindex import AnchorIndex
    from .pattern import Pattern
    from .scanner import Scanner

_NONE: frozenset[int] = frozenset()


class PageScan:
    def __init__(self, text: str, blocks: Sequence[Block], scanner: Scanner | None = None,
                 index: AnchorIndex | None = None) -> None:
        self.text = text
        self.blocks = blocks
        self.scanner = scanner
        self._index = index if index is not None and index.available else None
        self._starts = [b.start for b in blocks]
        self._spans = [(b.start, b.end) for b in blocks]
        self._block_sets: dict[str, frozenset[int]] = {}  # anchor -> the blocks holding it

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
        groups = pattern.anchor_groups
        hit = self._group_blocks((*groups, declared) if declared else groups)
        starts = self._start_hits(pattern.starts, hit)
        if starts is not None:
            return self._matches_at(pattern, starts)
        ranges = self._spans if hit is None else [self._spans[i] for i in hit]
        return pattern.scanner.finditer_in(self.text, self.lower, ranges)

    def finditer_page(self, pattern: Pattern) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)`` over the whole page (a match may cross blocks)."""
        return pattern.scanner.finditer(self.text, self.lower)

    def search(self, pattern: Pattern, lo: int, hi: int) -> re.Match[str] | None:
        """``pattern.search(text[lo:hi])``: the slice searched as a string of its own."""
        piece = self.text[lo:hi]
        lowered = self.lower[lo:hi] if self.aligned else lower_text(piece)
        return next(pattern.scanner.finditer(piece, lowered), None)

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

    def zero_width_matches(self, regex: re.Pattern[str], literals: tuple[str, ...],
                           words_before: int = 0) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)`` for a regex whose matches are all empty (a look-ahead
        that captures, to find overlapping places), tried only where one of ``literals``
        (lowercase, without white space) starts or in the ``words_before`` words before it:
        every match starts so, says the caller.

        An empty match is found at each position where ``regex.match`` finds one, and
        ``match`` reads the text before its position as a scan does; re tries such a regex
        at every character of the page, these few places cost far less.
        """
        if not self.aligned:
            yield from regex.finditer(self.text)
            return
        text, lower, places = self.text, self.lower, set()
        for literal in literals:
            pos = lower.find(literal)
            while pos >= 0:
                places.add(pos)
                _add_words_before(text, pos, words_before, places)
                pos = lower.find(literal, pos + 1)
        match = regex.match
        for pos in sorted(places):
            if (m := match(text, pos)) is not None:
                yield m

    # -- where a scan need not look -------------------------------------------------------
    def may_match(self, rule: Any) -> bool:
        """Can the rule's kind match on this page? No when the page holds none of its
        own anchors or none of its kind's."""
        if rule.anchors and not self.contains_any(rule.anchors):
            return False
        return not (rule.kind_anchors and not self.contains_any(rule.kind_anchors))

    def contains_any(self, anchors: tuple[str, ...]) -> bool:
        """Does a block hold one of these lowercase literals?"""
        if self._use_index and self._index.covers(anchors):  # type: ignore[union-attr]
            return not self._anchor_hits.keys().isdisjoint(anchors)
        return bool(self._present(anchors))

    def literal_starts(self, literals: tuple[str, ...]) -> list[int] | None:
        """Every offset where one of ``literals`` (lowercase, without white space) starts
        in the lowercased copy, in order; None when anchor positions may miss one (text
        outside the blocks, a copy whose offsets moved)."""
        if not literals or not self.aligned or not self._words_in_blocks:
            return None
        return sorted({p for a in self._present(literals) for p, _ in self._hits(a)})

    def _group_blocks(self, groups: tuple[tuple[str, ...], ...]) -> list[int] | None:
        """The blocks holding an anchor of every group, in order; None: every block.

        Every match holds one literal of each group and stays in one block, so scanning
        only these blocks finds the same matches; what follows a block's end cannot
        decide a match inside it.
        """
        if not groups or not self.aligned:
            return None
        hit = self._blocks_with_any(groups[0])
        for group in groups[1:]:
            if not hit:
                break
            hit = hit & self._blocks_with_any(group)
        return sorted(hit)

    def _blocks_with_any(self, anchors: tuple[str, ...]) -> frozenset[int]:
        return frozenset().union(*map(self._blocks_of, self._present(anchors)))

    def _blocks_of(self, anchor: str) -> frozenset[int]:
        """The blocks holding ``anchor``; memoised, as rules share anchors."""
        found = self._block_sets.get(anchor)
        if found is None:
            hits = self._hits(anchor)
            found = self._block_sets[anchor] = frozenset(i for _, i in hits) if hits else _NONE
        return found

    def _start_hits(self, literals: tuple[str, ...], blocks: list[int] | None
                    ) -> list[tuple[int, int]] | None:
        """(start, block) of each place in ``blocks`` (None: all) where one of ``literals``
        (every match starts with one) stands, in order; None if there are no such literals.

        A match lies in one block, and so does the literal it starts with: the anchor
        index finds it there. Trying a match at each such place took 10% less time than
        a regex scan of the blocks on the bench corpus, even for common literals.
        """
        if not literals or not self.aligned:
            return None
        found = [hit for a in self._present(literals) for hit in self._hits(a)]
        if blocks is not None and len(blocks) < len(self.blocks):
            keep = set(blocks)
            found = [hit for hit in found if hit[1] in keep]
        found.sort()
        return found

    def _matches_at(self, pattern: Pattern, starts: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
        """The matches ``finditer`` finds, tried only at ``starts`` (a match is never empty:
        it starts with a literal)."""
        match, text, spans, pos = pattern.match, self.text, self._spans, 0
        for start, i in starts:
            if start >= pos and (m := match(text, start, spans[i][1])) is not None:
                yield m
                pos = m.end()

    # -- anchor positions -----------------------------------------------------------------
    @cached_property
    def _anchor_hits(self) -> dict[str, list[tuple[int, int]]]:
        """(start, block) of every indexed anchor occurrence, from one pass over the page."""
        if not self._use_index:
            return {}
        return self._index.positions(self.lower, self._spans)  # type: ignore[union-attr]

    @cached_property
    def _use_index(self) -> bool:
        return self._index is not None and self.aligned

    def _indexed(self, anchor: str) -> bool:
        return self._use_index and anchor in self._index.anchors  # type: ignore[union-attr]

    def _present(self, anchors: tuple[str, ...]) -> Collection[str]:
        """Those of ``anchors`` that stand inside a block (one set operation when the
        index holds them all, as it does every anchor of its rules)."""
        if self._use_index and self._index.covers(anchors):  # type: ignore[union-attr]
            return self._anchor_hits.keys() & anchors
        return [a for a in anchors if self._hits(a)]

    def _hits(self, anchor: str) -> list[tuple[int, int]]:
        """(start, block) of each occurrence of ``anchor`` inside a block, in order."""
        hits = self._anchor_hits.get(anchor)
        if hits is None:
            hits = [] if self._indexed(anchor) else self._find(anchor)
        return hits

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


def _add_words_before(text: str, pos: int, words: int, places: set[int]) -> None:
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
