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
        CATEGORY,
        CATEGORY_DIGIT,
        CATEGORY_SPACE,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        NOT_LITERAL,
        RANGE,
        SUBPATTERN,
    )
except ImportError:  # pragma: no cover - Python 3.10
    from sre_constants import (  # type: ignore[no-redef]
        ASSERT,
        ASSERT_NOT,
        AT,
        BRANCH,
        CATEGORY,
        CATEGORY_DIGIT,
        CATEGORY_SPACE,
        IN,
        LITERAL,
        MAX_REPEAT,
        MIN_REPEAT,
        NOT_LITERAL,
        RANGE,
        SUBPATTERN,
    )

# A class of more members than this is no faster to scan for than the pattern itself.
_MAX_MEMBERS = 64
# Categories a scan may start on: digits are rare in prose, and spaces are cheap to
# skip to (a word character would be every other position).
_CATEGORIES = {CATEGORY_DIGIT: r"\d", CATEGORY_SPACE: r"\s"}


def _class_members(items: list) -> list[str] | None:
    """The members of a character class as regex class text, or None (negated, categories)."""
    out: list[str] = []
    for op, av in items:
        if op is LITERAL:
            out.append(re.escape(chr(av)))
        elif op is RANGE and av[1] - av[0] < _MAX_MEMBERS:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
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

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self._scan is None:
            yield from self.full.finditer(text, pos, end)
            return
        search, match = self._scan.search, self.full.match
        while (cand := search(text, pos, end)) is not None:
            m = match(text, cand.start(), end)
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.end()  # a match is never empty (see _first)


def ascii_only(pattern: re.Pattern[str]) -> bool:
    """Are the cased characters a pattern names all ASCII (escapes such as \\u017f too)?

    Scanning a lowercased copy with a lowercased pattern (FastRegex) finds what ignoring
    case finds only for such patterns, and only on pages without the two letters that
    ignoring case folds onto ASCII ones without lowercasing to them: "ſ" and "ı".
    Uncased characters ("®", "—") are fine.
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return _ascii_walk(parsed)


def _plain_char(code: int) -> bool:
    if code < 128:
        return True
    ch = chr(code)
    return ch.lower() == ch == ch.upper() and code not in _ODD_CASES


def _ascii_walk(node: object) -> bool:
    if isinstance(node, tuple) and len(node) == 2 and node[0] in (LITERAL, NOT_LITERAL):
        return _plain_char(node[1])
    if isinstance(node, tuple) and len(node) == 2 and node[0] is RANGE:
        return node[1][1] < 128
    if isinstance(node, tuple | list | sre_parse.SubPattern):
        return all(_ascii_walk(item) for item in node)
    return True


def _odd_cases() -> frozenset[int]:
    """Characters that ignoring case matches with others beyond their upper and lower case."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - older Pythons: treat every non-ASCII char as odd
        return frozenset(range(128, 0x110000))
    return frozenset(_EXTRA_CASES).union(*_EXTRA_CASES.values())


_ODD_CASES = _odd_cases()
