"""Same matches as a compiled regex, found by first skipping to the characters a match can start with.

``re`` skips ahead fast only when a pattern starts with a literal or a character class;
one that starts with a look-behind or an alternation of them (``[“”]|(?<=[A-Za-z])’``)
is tried at every character of the page. Most such patterns can only start on a few
characters: ``CharScan`` finds those with a one-class scan and tries the pattern there.
Matches are exactly ``pattern.finditer``'s: every match starts on such a character,
and none is empty (patterns that could match nothing are scanned as they are).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .anchors import sre_parse

try:  # Python 3.11+
    from re._constants import (  # type: ignore[import-not-found]
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        RANGE,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover - Python 3.10
    from sre_constants import (  # type: ignore[no-redef]
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        RANGE,
        SUBPATTERN,
    )

# A class of more members than this is no faster to scan for than the pattern itself.
_MAX_MEMBERS = 64


def _class_members(items: list) -> list[str] | None:
    """The members of a character class as regex class text, or None (negated, categories)."""
    out: list[str] = []
    for op, av in items:
        if op is LITERAL:
            out.append(re.escape(chr(av)))
        elif op is RANGE and av[1] - av[0] < _MAX_MEMBERS:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        else:
            return None
    return out


def _first(seq: list) -> tuple[list[str] | None, bool]:
    """(class members a match of ``seq`` can start with, whether it can match nothing).

    None for the members means "any character": the pattern cannot be scanned this way.
    """
    members: list[str] = []
    for op, av in seq:
        if op in (AT, ASSERT, ASSERT_NOT):
            continue  # zero-width: the next element consumes the first character
        if op is LITERAL:
            return [*members, re.escape(chr(av))], False
        if op is IN:
            got = _class_members(av)
            return (None, False) if got is None else ([*members, *got], False)
        if op is BRANCH:
            nullable = False
            for alt in av[1]:
                got, empty = _first(list(alt))
                if got is None:
                    return None, False
                members += got
                nullable = nullable or empty
            if not nullable:
                return members, False
            continue
        if op is SUBPATTERN:
            if av[1] or av[2]:  # scoped flags such as (?i:...): not handled
                return None, False
            got, empty = _first(list(av[3]))
        elif op in (MAX_REPEAT, MIN_REPEAT):
            got, empty = _first(list(av[2]))
            empty = empty or av[0] == 0
        else:
            return None, False  # backreferences, conditionals, atomic groups, any character
        if got is None:
            return None, False
        members += got
        if not empty:
            return members, False
    return members, True


def _scanner(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-class pattern matching every character a match of ``pattern`` can start with."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:
        return None
    members, empty = _first(parsed)
    if members is None or empty or not members:
        return None
    # The same case rules as the pattern: under IGNORECASE the class matches every
    # character that the pattern's first literal or class matches.
    return re.compile("[" + "".join(members) + "]", pattern.flags & (re.IGNORECASE | re.ASCII))


class CharScan:
    """``pattern.finditer`` over a page, skipping to where a match can start."""

    __slots__ = ("_scan", "full")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.full = pattern
        self._scan = _scanner(pattern) if isinstance(pattern, re.Pattern) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._scan is None:
            yield from self.full.finditer(text)
            return
        search, match = self._scan.search, self.full.match
        pos = 0
        while (cand := search(text, pos)) is not None:
            m = match(text, cand.start())
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.end()  # a match is never empty (see _first)
