"""Same matches as a compiled regex, found by skipping to the characters a match starts with.

``re`` skips ahead fast only when a pattern starts with a literal or a character class;
one that starts with a look-behind or an alternation of them (``[“”]|(?<=[A-Za-z])’``)
is tried at every character of the page. Most such patterns can only start on a few
characters: ``CharScan`` finds those with a one-class scan and tries the pattern there.
Matches are exactly ``pattern.finditer``'s: every match starts on such a character (or
at the start of the text, for ``^`` and ``\\A``), and none is empty (patterns that could
match nothing, or that it cannot read, are scanned as they are).

``best_scanner`` picks CharScan or FastRegex for a regex; the analyses behind both come
from the built-in rules' table (prebuilt.py), so choosing costs a run nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .anchors import C, sre_parse
from .fastregex import MAX_SHARE, FastRegex, share_of
from .prebuilt import compile_pattern, is_standard, precomputed

# A class of more members than this is no faster to scan for than the pattern itself.
_MAX_MEMBERS = 64
# Categories a scan may start on: digits are rare in prose, and spaces are cheap to
# skip to (a word character would be every other position).
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s"}


def _class_members(items: list) -> list[str] | None:
    """The members of a character class as regex class text, or None (negated, categories)."""
    out: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is C.RANGE and av[1] - av[0] < _MAX_MEMBERS:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return out


class _Start:
    """What a match of part of a pattern can start with."""

    __slots__ = ("at_start", "empty", "members")

    def __init__(self, members: list[str], empty: bool, at_start: bool = False) -> None:
        self.members = members  # class members of its first character
        self.empty = empty  # it may match nothing
        self.at_start = at_start  # it may also match at the start of the text only (^, \A)


def _first(seq: list, multiline: bool) -> _Start | None:
    """How a match of ``seq`` can start; None when it may start on any character."""
    members: list[str] = []
    at_start = False
    for i, (op, av) in enumerate(seq):
        if op is C.AT and (av is C.AT_BEGINNING_STRING or (av is C.AT_BEGINNING and not multiline)):
            # What follows matches at the very start or nowhere: tried there on its own.
            rest = _first(seq[i + 1:], multiline)
            if rest is None or rest.empty:
                return None
            return _Start(members, False, True)
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width: the next element consumes the first character
        if op is C.LITERAL:
            return _Start([*members, re.escape(chr(av))], False, at_start)
        if op is C.IN:
            got = _class_members(av)
            return None if got is None else _Start([*members, *got], False, at_start)
        if op is C.BRANCH:
            alts = [_first(list(alt), multiline) for alt in av[1]]
            if any(alt is None for alt in alts):
                return None
            for alt in alts:
                members += alt.members  # type: ignore[union-attr]
                at_start = at_start or alt.at_start  # type: ignore[union-attr]
            if not any(alt.empty for alt in alts):  # type: ignore[union-attr]
                return _Start(members, False, at_start)
            continue
        if op is C.SUBPATTERN:
            if av[1] or av[2]:  # scoped flags such as (?i:...): not handled
                return None
            got = _first(list(av[3]), multiline)
            empty = got is not None and got.empty
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            got = _first(list(av[2]), multiline)
            empty = got is not None and (got.empty or av[0] == 0)
        else:
            return None  # backreferences, conditionals, atomic groups, any character
        if got is None:
            return None
        members += got.members
        at_start = at_start or got.at_start
        if not empty:
            return _Start(members, False, at_start)
    return _Start(members, True, at_start)


def _start(source: str, flags: int) -> _Start | None:
    """How every match of the pattern starts, if that can be told; never empty."""
    try:
        parsed = list(sre_parse.parse(source, flags))
    except re.error:
        return None
    start = _first(parsed, bool(flags & re.MULTILINE))
    if start is None or start.empty or not start.members:
        return None
    return start


@precomputed
def char_scan_form(key: str) -> tuple[str, int, bool, float] | None:
    """For ``"flags\0pattern"``: a one-class pattern (and its flags) matching every
    character a match can start with, whether a match may also start at the start of the
    text on another character, and the share of a page's characters the class holds
    (``fastregex.share_of``); None when that cannot be told."""
    flags_text, _, source = key.partition("\0")
    flags = int(flags_text)
    start = _start(source, flags)
    if start is None:
        return None
    # The same case rules as the pattern: under IGNORECASE the class matches every
    # character that the pattern's first literal or class matches.
    cls = "[" + "".join(start.members) + "]"
    # Skip to a first character (re does that fast for a pattern that starts with a
    # class), then look ahead for the whole pattern from there, still inside re.
    scan, scan_flags = f"{cls}(?<=(?=(?:{source}))[\\s\\S])", flags
    try:
        re.compile(scan, scan_flags)
    except re.error:  # global flags inside the pattern, say: the class alone, then match
        scan, scan_flags = cls, flags & (re.IGNORECASE | re.ASCII)
    members = re.compile(cls, flags & (re.IGNORECASE | re.ASCII))
    share = share_of(lambda ch: members.match(ch) is not None)
    return scan, scan_flags, start.at_start, share


class CharScan:
    """``pattern.finditer`` over a page, skipping to where a match can start.

    (Skipping to a few rare characters with ``str.find`` instead of the class scan saved
    0.1% of the instructions on the bench corpus and was removed.)
    """

    __slots__ = ("_at_start", "_scan", "full", "share")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.full = pattern
        self._scan: re.Pattern[str] | None = None
        self._at_start = False
        self.share = 1.0  # the share of a page's characters the scan stops at
        form = char_scan_form(f"{int(pattern.flags)}\0{pattern.pattern}") if is_standard(pattern) else None
        if form is not None:  # a built-in rule's regex, not a team's (userregex.py)
            scan, flags, self._at_start, self.share = form
            self._scan = compile_pattern(scan, flags)

    def finditer(self, text: str, lower: str | None = None, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        """Matches in text[pos:endpos]; ``lower`` is not read (FastRegex's signature, so
        either can scan a page fact)."""
        return self.finditer_in(text, lower, ((pos, len(text) if endpos is None else endpos),))

    def finditer_in(self, text: str, lower: str | None, ranges: Iterable[tuple[int, int]]
                    ) -> Iterator[re.Match[str]]:
        """The matches in each ``text[lo:hi]`` of ``ranges``, scanned on its own."""
        if self._scan is None:
            for lo, hi in ranges:
                yield from self.full.finditer(text, lo, hi)
            return
        search, match = self._scan.search, self.full.match
        for pos, end in ranges:
            if self._at_start and pos == 0:
                m = match(text, 0, end)  # ^ or \A matches only here
                if m is not None:
                    yield m
                pos = m.end() if m is not None else 1
            while (cand := search(text, pos, end)) is not None:
                m = match(text, cand.start(), end)
                if m is None:
                    pos = cand.start() + 1
                    continue
                yield m
                pos = m.end()  # a match is never empty (see _first)


def best_scanner(pattern: re.Pattern[str], fast: FastRegex | None = None) -> FastRegex | CharScan:
    """The faster of FastRegex and CharScan for a regex (both find the same matches).

    FastRegex when re skips ahead on its scan (to a literal, or to a few first
    characters); otherwise CharScan, which skips to the characters a match can start
    with (a look-behind, an optional part, a class first), when those are few; else
    FastRegex, whose lowercased scan still beats ignoring case (bench corpus: phone
    0.10 -> 0.02 s, address 0.034 -> 0.023 s, the ketamine topics two to three times
    faster with CharScan).
    """
    fast = fast if fast is not None else FastRegex(pattern)
    if fast.share == 0.0:
        return fast  # a literal to skip to: nothing scans faster
    scan = CharScan(pattern)
    if scan._scan is None or (fast.skips and fast.share <= scan.share):  # type: ignore[operator]
        return fast
    return scan if scan.share <= MAX_SHARE else fast
