"""Same matches as a compiled regex, found faster.

Python's ``re`` scans fast only when a pattern starts with a literal (or a set of
first characters) and is case sensitive; most rule patterns start with ``\\b`` or a
look-behind and ignore case. ``FastRegex`` scans the page's lowercased copy with a
lowercased, case-sensitive pattern without those leading conditions (``scan_form``),
then confirms each candidate with the original regex on the original text. Matches
(and their groups, in original case) are exactly the original regex's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

# The regex parser, compiler and opcodes, imported once for both scan helpers.
from .anchors import LITERAL, C, sre_compile, sre_parse
from .lowering import lower_literals, lowers_exactly
from .prebuilt import compile_pattern, is_standard, precomputed


class FastRegex:
    """``full``'s matches; ``share`` is the share of a page's positions the scan stops at
    (0: it skips ahead to a literal; None: it tries every position)."""

    __slots__ = ("_before", "_lowered", "_scan", "full", "share")

    def __init__(self, full: re.Pattern[str]) -> None:
        self.full = full
        pattern, flags = full.pattern, full.flags & ~re.UNICODE
        self._lowered = False
        self._before = False  # the scan matches from the character before a match
        self.share: float | None = None
        if not is_standard(full):  # a team's pattern (userregex): scan it as it is
            self._scan = full
            return
        if flags & re.IGNORECASE and lowers_exactly(pattern):
            lowered = lower_literals(pattern)
            if lowered is not None:
                pattern, flags, self._lowered = lowered, flags & ~re.IGNORECASE, True
        if not flags & re.IGNORECASE:
            # Under IGNORECASE re skips ahead to no cased literal: keep the conditions.
            pattern, self.share = scan_form(pattern)
            if self.share is None and (after := after_non_word(pattern)) is not None:
                pattern, self.share, self._before = after, NON_WORD_SHARE, True
        try:
            self._scan = compile_pattern(pattern, flags)
        except re.error:  # pragma: no cover - fall back to the plain scan
            self._scan, self._lowered = full, False

    def finditer(self, text: str, lower: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        return self.finditer_in(text, lower, ((pos, len(text) if endpos is None else endpos),))

    def finditer_in(self, text: str, lower: str, ranges: Iterable[tuple[int, int]]
                    ) -> Iterator[re.Match[str]]:
        """The matches in each ``text[lo:hi]`` of ``ranges``, scanned on its own, in one loop."""
        full = self.full
        if self._scan is full or (self._lowered and len(lower) != len(text)):
            for lo, hi in ranges:
                yield from full.finditer(text, lo, hi)
            return
        hay = lower if self._lowered else text
        search, match, before = self._scan.search, full.match, int(self._before)
        for pos, end in ranges:
            if before:
                # The scan stops at the non-word character before a match (after_non_word);
                # a match at the text's start has none and is tried on its own.
                if pos == 0 and (m := match(text, 0, end)) is not None:
                    yield m
                    pos = m.end()  # a match is never empty: it starts with a word character
                pos = max(pos, 1) - 1
            # re reads a pos past the end as the end: an empty match there would repeat.
            while pos <= end and (cand := search(hay, pos, end)) is not None:
                start = cand.start() + before
                m = match(text, start, end)
                if m is None:
                    pos = start + 1 - before
                    continue
                yield m
                pos = (m.end() if m.end() > start else start + 1) - before

    @property
    def skips(self) -> bool:
        """Does the scan skip ahead (to a literal, or to a few first characters)?"""
        return self.share is not None and self.share <= MAX_SHARE


# Roughly how often each character stands in English prose (a capital is rare): what
# share of a page's positions a scan stops at when re skips ahead to a character set.
_LETTERS = {"e": .127, "t": .091, "a": .082, "o": .075, "i": .070, "n": .067, "s": .063, "h": .061,
            "r": .060, "d": .043, "l": .040, "c": .028, "u": .028, "m": .024, "w": .024, "f": .022,
            "g": .020, "y": .020, "p": .019, "b": .015, "v": .010, "k": .008, "j": .002, "x": .002,
            "q": .001, "z": .001}
_SHARES = {**{c: .77 * f for c, f in _LETTERS.items()}, **{c.upper(): .03 * f for c, f in _LETTERS.items()},
           **dict.fromkeys("0123456789", .0015), " ": .16, "\n": .005, ".": .01, ",": .01,
           **dict.fromkeys("-'’\"():;!?/", .001)}
# A scan that stops at more positions than this is no faster than trying every one with
# its leading condition (a \b fails at once inside a word): measured on rule patterns,
# 0.1 to 0.26 ran about twice as fast, 0.5 and more slower.
MAX_SHARE = 0.35
_ZERO_WIDTH_LEAD = re.compile(r"\\b|\(\?<[=!]")


@precomputed
def scan_form(pattern: str) -> tuple[str, float | None]:
    """The pattern FastRegex searches with (case-sensitive), and the share of a page's
    positions where re tries it after skipping ahead (None: every position).

    re skips ahead only to a literal prefix or to the set of a pattern's first
    characters, and not past a leading \\b or look-behind (``\\bnoose\\b|\\boverdose``,
    ``(?<!\\w)(?:Ketamine|Esketamine)``). Dropping those from each alternative gives a
    scan that skips; each candidate is then confirmed by the full regex, so matches stay
    the same. The conditions stay when the scan would stop at too many characters.
    """
    share = _skip_share(pattern)
    if re.search(r"\(\?[a-zA-Z]*x", pattern):
        return pattern, share  # verbose: a comment may hold a "|" or a bracket
    alternatives = _top_level_alternatives(pattern)
    if alternatives is None:
        return pattern, share
    stripped = [_drop_leading_conditions(alt) for alt in alternatives]
    if stripped == alternatives or None in stripped:
        return pattern, share
    scan = "|".join(stripped)  # type: ignore[arg-type]
    try:
        same_groups = sre_parse.parse(scan).state.groups == sre_parse.parse(pattern).state.groups
    except re.error:
        return pattern, share
    scan_share = _skip_share(scan) if same_groups else None
    if scan_share is None or scan_share > MAX_SHARE or (share is not None and share <= scan_share):
        return pattern, share
    return scan, scan_share


# The share of a page's characters that are no word characters: spaces, punctuation.
NON_WORD_SHARE = 0.2


@precomputed
def after_non_word(pattern: str) -> str | None:
    """For a pattern whose every match starts a word (a leading \\b or ``(?<!\\w)`` before
    a word character), a scan from the character before: ``\\W`` and the rest.

    re skips ahead to a class, not past a \\b: the \\b is tried at every character,
    inside words too, the ``\\W`` class only between them. A match at the text's start
    has no character before it and is tried on its own. None when the pattern is not so.
    """
    lead = re.match(r"\\b|\(\?<!\\w\)", pattern)
    if lead is None or re.search(r"\(\?[a-zA-Z]*x", pattern):
        return None
    rest = pattern[lead.end():]
    alternatives = _top_level_alternatives(pattern)
    try:
        parsed = sre_parse.parse(rest)
        same_groups = parsed.state.groups == sre_parse.parse(pattern).state.groups
        # A match is never empty (the scan then always moves on), and starts on a word
        # character: the \b before it means a non-word character, or none, before it.
        starts_word = parsed.getwidth()[0] > 0 and _starts_word(list(parsed))
    except re.error:
        return None
    if alternatives is None or len(alternatives) != 1 or not same_groups or not starts_word:
        return None
    return r"\W" + rest


def _starts_word(seq: list) -> bool:
    """Must a match of ``seq`` start with a word character (one Python's \\w matches)?"""
    for op, av in seq:
        if op is C.ASSERT and av[0] == 1:  # a look-ahead: what it reads starts here too
            if _starts_word(list(av[1])):
                return True
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is LITERAL:
            return _is_word(chr(av))
        if op is C.IN:
            return bool(av) and all(_word_item(o, a) for o, a in av)
        if op is C.SUBPATTERN:
            return _starts_word(list(av[-1]))
        if op is C.BRANCH:
            return all(_starts_word(list(alt)) for alt in av[1])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            return _starts_word(list(av[2]))
        return False
    return False


def _word_item(op: object, av: object) -> bool:
    if op is LITERAL:
        return _is_word(chr(av))  # type: ignore[arg-type]
    if op is C.RANGE:
        return all(_is_word(chr(c)) for c in range(av[0], av[1] + 1))  # type: ignore[index]
    return op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_DIGIT)


def _drop_leading_conditions(alternative: str) -> str | None:
    """The alternative without its leading \\b and look-behinds; None if one cannot be read."""
    while (lead := _ZERO_WIDTH_LEAD.match(alternative)) is not None:
        if lead.group() == r"\b":
            alternative = alternative[2:]
            continue
        end = _group_end(alternative, 0)
        if end < 0:
            return None
        alternative = alternative[end:]
    return alternative


def _skip_share(pattern: str) -> float | None:
    """Share of a page's positions where re tries ``pattern`` after skipping ahead: 0 for
    a literal prefix, the share of the first characters for a set of them, None when re
    tries every position (the rules of ``re``'s own compiler)."""
    try:
        parsed = sre_parse.parse(pattern)
        flags = parsed.state.flags
        if parsed.getwidth()[0] == 0:
            return None  # no skipping for a pattern that may match nothing
        if sre_compile._get_literal_prefix(parsed, flags)[0]:
            return 0.0
        charset = sre_compile._get_charset_prefix(parsed, flags)
    except (re.error, AttributeError, TypeError, ValueError):  # another Python's internals
        return None
    if not charset:
        return None
    return share_of(lambda ch: _in_charset(charset, ord(ch)))


def share_of(holds: Callable[[str], bool]) -> float:
    """The share of a page's characters (roughly, English prose) a set of them holds."""
    return sum(share for ch, share in _SHARES.items() if holds(ch))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# A category of the parser -> a test of one character, and whether it is negated.
_CATEGORIES = {
    C.CATEGORY_DIGIT: (str.isdecimal, False), C.CATEGORY_NOT_DIGIT: (str.isdecimal, True),
    C.CATEGORY_SPACE: (str.isspace, False), C.CATEGORY_NOT_SPACE: (str.isspace, True),
    C.CATEGORY_WORD: (_is_word, False), C.CATEGORY_NOT_WORD: (_is_word, True),
}


def _in_charset(items: list, code: int) -> bool:
    """Is the character in a charset of re's compiler (literals, ranges, categories)?
    A set with anything else counts as holding it: the share then only grows."""
    found, negate = False, False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is LITERAL:
            found |= av == code
        elif op is C.RANGE:
            found |= av[0] <= code <= av[1]
        elif op is C.CATEGORY and av in _CATEGORIES:
            test, negated = _CATEGORIES[av]
            found |= test(chr(code)) != negated
        else:
            return True
    return found != negate


def _syntax(pattern: str, i: int = 0) -> Iterator[tuple[int, str, int]]:
    """Each ``(``, ``)`` and ``|`` from ``i`` on, outside escapes and character classes,
    with the group depth after it; ``(-1, "", depth)`` last if a class never closes."""
    depth, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            if i < 0:
                yield -1, "", depth
                return
            continue
        if ch in "()|":
            depth += 1 if ch == "(" else -1 if ch == ")" else 0
            yield i, ch, depth
        i += 1


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """The pattern split at its top-level ``|`` (outside groups and classes); None when
    it cannot be read (an unbalanced group or class)."""
    parts: list[str] = []
    start = depth = 0
    for i, ch, depth in _syntax(pattern):
        if i < 0 or depth < 0:
            return None
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    if depth:
        return None
    parts.append(pattern[start:])
    return parts


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class opening at ``i``; -1 if it never closes."""
    i += 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):  # a "]" first is a member, not the end
        i += 1
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    return -1


def _group_end(pattern: str, i: int) -> int:
    """The index after the group opening at ``i``; -1 if it never closes."""
    for at, ch, depth in _syntax(pattern, i):
        if at < 0:
            return -1
        if ch == ")" and depth == 0:
            return at + 1
    return -1
