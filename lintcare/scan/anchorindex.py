"""Where each rule anchor occurs in a page, found in one pass.

Rules skip pages and blocks that hold none of their anchor literals. Asking each
anchor separately costs one scan of the page per anchor (hundreds per page); an
Aho-Corasick automaton over every anchor of the rule set finds all of them, overlaps
included, in a single pass. Without the optional C extension the document falls back
to one substring search per anchor, with the same answers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any


class AnchorIndex:
    def __init__(self, anchors: Iterable[str]) -> None:
        self.anchors = frozenset(a for a in anchors if a)
        self._automaton: Any = None
        if not self.anchors:
            return
        try:
            import ahocorasick
        except ImportError:  # pragma: no cover - the dependency is normally installed
            return
        automaton = ahocorasick.Automaton()
        for anchor in self.anchors:
            automaton.add_word(anchor, (anchor, len(anchor) - 1))
        automaton.make_automaton()
        self._automaton = automaton

    @property
    def available(self) -> bool:
        return self._automaton is not None

    def covers(self, anchors: tuple[str, ...]) -> bool:
        """Are all of ``anchors`` indexed?"""
        return self.anchors.issuperset(anchors)

    def positions(self, lower: str, spans: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
        """Anchor -> (start, block index) of each occurrence inside a block (``spans``:
        each block's start and end), in page order."""
        found: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        scan = self._automaton.iter
        for i, (lo, hi) in enumerate(spans):  # one scan per block: no occurrence crosses its end
            for end, (anchor, back) in scan(lower, lo, hi):
                found[anchor].append((end - back, i))
        return dict(found)
