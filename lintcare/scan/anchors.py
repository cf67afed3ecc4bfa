"""Literal anchors of a regular expression: substrings every match must contain.

The engine skips a rule on a page where none of its anchors occurs, which is a
substring test in C instead of a regex scan. Returning no anchors is always safe.
"""

from __future__ import annotations

try:  # Python 3.11+
    import re._compiler as sre_compile  # type: ignore[import-not-found]
    import re._constants as C  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile  # type: ignore[no-redef]
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from .prebuilt import precomputed

# The regex parser, compiler and opcodes, imported here once for every module that reads
# parsed patterns (fastregex.py, charscan.py).
AT, AT_BOUNDARY, BRANCH, LITERAL = C.AT, C.AT_BOUNDARY, C.BRANCH, C.LITERAL
MAX_REPEAT, MIN_REPEAT, SUBPATTERN = C.MAX_REPEAT, C.MIN_REPEAT, C.SUBPATTERN

MIN_ANCHOR = 3
# Characters rare enough in prose that one of them alone is a useful anchor ("@" for
# an email pattern).
RARE = frozenset("@®™%#&|~^*+=<>[]{}\\   ")


def _groups(seq) -> list[set[str]]:
    """Every anchor group a sequence requires: a match holds one literal of each group."""
    groups: list[set[str]] = []
    current: list[str] = []

    def close() -> None:
        if len(current) >= MIN_ANCHOR or any(c in RARE for c in current):
            groups.append({"".join(current).lower()})
        current.clear()

    for op, av in seq:
        if op is LITERAL:
            current.append(chr(av))
            continue
        close()
        if op is SUBPATTERN:
            groups.extend(_groups(av[-1]))
        elif op is BRANCH:
            # Each alternative contributes its best group; one of them must hold.
            alts = [_best(alt) for alt in av[1]]
            if all(alts):
                groups.append(set().union(*alts))  # type: ignore[arg-type]
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            groups.extend(_groups(av[2]))
    close()
    return groups


# Literals on nearly every page: a group holding one lets almost every block through,
# so such groups are not worth asking about.
_COMMON = frozenset({
    "the", "and", "for", "you", "with", "that", "this", "have", "from", "your", "will",
    "they", "what", "when", "more", "some", "been", "were", "their", "there", "about",
    "which", "can", "are", "not", "our", "may", "all", "one", "who", "any", "how",
})


def _weak(group: set[str]) -> bool:
    return any(a in _COMMON or (len(a) < MIN_ANCHOR and not any(c in RARE for c in a))
               for a in group)


def _rank(group: set[str]) -> tuple[int, int]:
    # The group whose shortest member is longest lets the fewest blocks through.
    return (min(len(a) for a in group), -len(group))


def _best(seq) -> set[str] | None:
    groups = [g for g in _groups(seq) if not _weak(g)]
    return max(groups, key=_rank) if groups else None


def _parse(pattern: str):
    try:
        return list(sre_parse.parse(pattern))
    except Exception:
        return None


@precomputed
def regex_anchors(pattern: str) -> tuple[str, ...]:
    """The best single anchor group: every match holds one of these literals."""
    parsed = _parse(pattern)
    found = _best(parsed) if parsed is not None else None
    return tuple(sorted(found)) if found else ()


@precomputed
def regex_anchor_groups(pattern: str) -> tuple[tuple[str, ...], ...]:
    """All anchor groups, best first: every match holds one literal of each group."""
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    unique = {tuple(sorted(g)) for g in _groups(parsed) if not _weak(g)}
    # Ties in rank are broken by the literals, not by set order (which varies by process).
    return tuple(sorted(unique, key=lambda g: (_rank(set(g)), g), reverse=True))


_MAX_STARTS = 64  # more start literals than this are not worth asking about


@precomputed
def start_literals(pattern: str) -> tuple[str, ...]:
    """Lowercase literals one of which every match of ``pattern`` starts with (after its
    leading \\b or look-arounds), none holding white space; () when that cannot be told
    or one would be shorter than MIN_ANCHOR. A match can then start only where one of
    them stands on the page."""
    parsed = _parse(pattern)
    if parsed is None:
        return ()
    while parsed and parsed[0][0] in (AT, C.ASSERT, C.ASSERT_NOT):
        parsed = parsed[1:]
    starts, _ = _starts(parsed)
    cut = {s.lower().split(maxsplit=1)[0] if s.strip() else "" for s in starts}
    if not cut or len(cut) > _MAX_STARTS or min(map(len, cut)) < MIN_ANCHOR:
        return ()
    # A literal that starts with another adds no start: keep the shorter.
    return tuple(sorted(s for s in cut if not any(o != s and s.startswith(o) for o in cut)))


def _starts(seq) -> tuple[list[str], bool]:
    """The literal texts a match of ``seq`` can start with, and whether each is all of it."""
    out = [""]
    for op, av in seq:
        if op is LITERAL:
            out = [p + chr(av) for p in out]
            continue
        if op is SUBPATTERN and not (av[1] or av[2]):
            found, complete = _starts(av[-1])
        elif op is BRANCH:
            found, complete = [], True
            for alt in av[1]:
                more, whole = _starts(alt)
                found += more
                complete = complete and whole
        else:
            return out, False
        out = [p + q for p in out for q in found]
        if len(out) > _MAX_STARTS or not complete:
            return out, False
    return out, True


# Shared with fastregex.py, which scans with the same parser.
__all__ = ["AT", "AT_BOUNDARY", "BRANCH", "LITERAL", "MAX_REPEAT", "MIN_REPEAT", "SUBPATTERN", "C",
           "regex_anchor_groups", "regex_anchors", "sre_compile", "sre_parse", "start_literals"]
