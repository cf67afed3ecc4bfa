"""Literal anchors of a regular expression: substrings every match must contain.

The engine skips a rule on a page where none of its anchors occurs, which is a
substring test in C instead of a regex scan. Returning no anchors is always safe.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._parser as sre_parse  # type: ignore[import-not-found]
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore

MIN_ANCHOR = 3


def _best(seq) -> set[str] | None:
    """Anchors for a sequence: the longest literal run, or the best of a sub-part."""
    runs: list[set[str]] = []
    current: list[str] = []

    def close() -> None:
        if len(current) >= MIN_ANCHOR:
            runs.append({"".join(current).lower()})
        current.clear()

    for op, av in seq:
        if op is LITERAL:
            current.append(chr(av))
            continue
        close()
        if op is SUBPATTERN:
            sub = _best(av[-1])
            if sub:
                runs.append(sub)
        elif op is BRANCH:
            alts = [_best(alt) for alt in av[1]]
            if all(alts):
                runs.append(set().union(*alts))  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            sub = _best(av[2])
            if sub:
                runs.append(sub)
    close()
    if not runs:
        return None
    # Prefer the anchor set whose shortest member is longest: fewest false passes.
    return max(runs, key=lambda s: (min(len(a) for a in s), -len(s)))


def regex_anchors(pattern: str) -> tuple[str, ...]:
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return ()
    found = _best(list(parsed))
    return tuple(sorted(found)) if found else ()
