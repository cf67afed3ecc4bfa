"""Which blocks of a page can hold a match of each rule regex, found in one pass per block.

Most rule regexes match nowhere on a page, yet finding that out costs one scan per
regex. RE2's ``Set`` matches all of them at once, in linear time, and says which ones
match somewhere in a block. Each regex enters the set in a looser RE2 form that
matches wherever the original does (inner lookarounds and anchors dropped, those at the
match's edges kept as the text around it, back references replaced by their group,
classes widened, case ignored, long repeats unbounded), so a block the set rules out
holds no match of the original. The exact matches still come from Python's ``re`` in
the blocks that are left. Without the optional ``re2`` module (google-re2) every block
is scanned: the findings are the same (tests and the fuzz run check both).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..sources.prose import Block
from .loose import superset_pattern


class BlockFilter:
    """RE2 sets over many Python regexes; ``hits`` says where each may match."""

    MAX_MEM = 64 << 20  # the set's automaton cache; ample for a few hundred rules
    # The automaton is built lazily, state by state, as pages are read. Rules with gaps
    # of any text once multiplied its states, so that one set took 0.3 s of each
    # process's first pages and two sets half of that; with those split into parts,
    # one set builds as fast as two did and reads each page once (0.07 ms a page less).
    SETS = 1

    def __init__(self, patterns: Iterable[str]) -> None:
        self._slots: dict[str, int] = {}
        # Each set's index -> what it stands for: a slot, or (below 0) a further part of
        # a slot whose pattern has several (all must match in a block).
        self._sets: list[tuple[Any, list[int]]] = []
        self._further: dict[int, list[int]] = {}  # slot -> its further parts
        try:
            import re2
        except ImportError:  # pragma: no cover - optional speed-up
            return
        options = re2.Options()
        options.max_mem = self.MAX_MEM
        options.log_errors = False
        sets = [(re2.Set.SearchSet(options), []) for _ in range(self.SETS)]
        added = 0
        for pattern in dict.fromkeys(patterns):
            slot = len(self._slots)
            ids: list[int] = []
            for loose in superset_pattern(pattern) or ():
                rset, meaning = sets[added % self.SETS]
                try:
                    rset.Add(loose)
                except re2.error:
                    continue  # one part fewer: the others still hold in every match
                added += 1
                ids.append(slot if not ids else -1 - added)
                meaning.append(ids[-1])
            if ids:  # else scanned everywhere, as without the filter
                self._slots[pattern] = slot
                if len(ids) > 1:
                    self._further[slot] = ids[1:]
        for rset, meaning in sets:
            if meaning:
                rset.Compile()
                self._sets.append((rset.Match, meaning))  # given UTF-8 bytes

    @property
    def available(self) -> bool:
        return bool(self._sets)

    def slot(self, pattern: str) -> int | None:
        return self._slots.get(pattern)

    def slots(self, patterns: list[str] | None) -> tuple[int, ...] | None:
        """The slots of all these patterns; None if one of them is not in the set."""
        if not patterns:
            return None
        found = tuple(self._slots.get(p, -1) for p in patterns)
        return None if -1 in found else found

    def hits(self, text: str, blocks: Sequence[Block]) -> dict[int, list[int]] | None:
        """Slot -> indices of the blocks where it may match; None when the page can't be read."""
        found: dict[int, list[int]] = {}
        try:
            for i, block in enumerate(blocks):
                piece = text[block.start:block.end].encode()
                for match, meaning in self._sets:
                    for local in match(piece) or ():
                        found.setdefault(meaning[local], []).append(i)
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return None
        for slot, further in self._further.items():
            blocks_of = found.pop(slot, None)
            for part in further:
                if blocks_of:
                    allowed = set(found.get(part, ()))
                    blocks_of = [b for b in blocks_of if b in allowed]
            if blocks_of:  # a slot is listed only where all its parts match
                found[slot] = blocks_of
        for part in [key for key in found if key < 0]:
            del found[part]
        return found


__all__ = ["BlockFilter", "superset_pattern"]
