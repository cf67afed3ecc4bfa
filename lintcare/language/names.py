"""Known proper names and how close a written word is to one of a name's words.

The knowledge is ``data/proper-names.txt`` (organisations, programmes, schemes and
acronyms in their canonical form); the ``names`` kind reads it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NAMES_PATH = Path(__file__).resolve().parent.parent / "data" / "proper-names.txt"
# Words a title may capitalise or not ("Royal College Of Psychiatrists" in a heading).
FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "&"})


# A line "Name | plain": the name's words in lower case are also an ordinary phrase
# ("NHS talking therapies service"), so the lower-case form is not a slip.
_PLAIN_MARK = "plain"


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[str, bool], ...]:
    lines = NAMES_PATH.read_text(encoding="utf-8").splitlines()
    rows = (line.strip() for line in lines)
    parts = (row.split("|", 1) for row in rows if row and not row.startswith("#"))
    return tuple((p[0].strip(), len(p) > 1 and p[1].strip() == _PLAIN_MARK) for p in parts)


def default_names() -> tuple[str, ...]:
    """The canonical names of the data file, in file order."""
    return tuple(name for name, _ in _entries())


def plain_phrase_names() -> frozenset[str]:
    """Names whose lower-case words are an ordinary phrase too (marked ``| plain``)."""
    return frozenset(name for name, plain in _entries() if plain)


def _edits(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), for short words."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def near_miss(written: str, canonical: str) -> bool:
    """``written`` is a slip for ``canonical``: one or two letters off (by length), or a
    clipped form of it ("Nation" for "National"). Both lowercase."""
    if written == canonical or len(canonical) < 4 or len(written) < 3:
        return False
    if canonical.startswith(written) and len(written) >= 4 and len(canonical) - len(written) <= 3:
        return True
    limit = 2 if len(canonical) >= 8 else 1
    return abs(len(written) - len(canonical)) <= limit and _edits(written, canonical) <= limit
