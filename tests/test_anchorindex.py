"""The anchor index finds every occurrence a substring search finds, overlaps included,
whatever order its anchors were added in."""

from __future__ import annotations

import pytest

from lintcare.scan.anchorindex import AnchorIndex

TEXT = "ketamine  therapy. esketamine, the ketamine spray.. 988 (call)\u00a0now"
ANCHORS = ["ketamine", "esketamine", "amine", "  ", ".", "..", ". ", "8", "88", "(", "\u00a0", "zz"]


def _by_search(text: str, starts: list[int], ends: list[int]) -> dict[str, list[tuple[int, int]]]:
    found: dict[str, list[tuple[int, int]]] = {}
    for anchor in ANCHORS:
        pos = text.find(anchor)
        while pos >= 0:
            for i, (a, b) in enumerate(zip(starts, ends, strict=True)):
                if a <= pos and pos + len(anchor) <= b:
                    found.setdefault(anchor, []).append((pos, i))
            pos = text.find(anchor, pos + 1)
    return found


@pytest.mark.parametrize("blocks", [[(0, len(TEXT))], [(0, 18), (19, 50), (51, len(TEXT))]])
def test_positions_are_those_of_a_substring_search(blocks):
    index = AnchorIndex(ANCHORS)
    if not index.available:
        pytest.skip("pyahocorasick is not installed")
    starts, ends = [a for a, _ in blocks], [b for _, b in blocks]
    assert index.positions(TEXT, blocks) == _by_search(TEXT, starts, ends)
