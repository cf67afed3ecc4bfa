"""Same matches as a compiled regex, found faster.

Python's ``re`` scans fast only when a pattern starts with a literal and is case
sensitive; most rule patterns start with ``\\b`` and ignore case. ``FastRegex`` scans
the page's lowercased copy with a lowercased, case-sensitive pattern without the
leading ``\\b``, then confirms each candidate with the original regex on the original
text. Matches (and their groups, in original case) are exactly the original regex's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The regex parser and its opcodes, imported once for both scan helpers.
from .anchors import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN, C, sre_parse
from .prebuilt import compile_pattern, is_standard, precomputed

_ESCAPE_ARG = {"x": 2, "u": 4, "U": 8}


def _odd_cases() -> frozenset[int]:
    """Characters that ignoring case matches with others beyond their upper and lower case."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - older Pythons: treat every non-ASCII char as odd
        return frozenset(range(128, 0x110000))
    return frozenset(_EXTRA_CASES).union(*_EXTRA_CASES.values())


_ODD_CASES = _odd_cases()
# The two letters ignoring case pairs with ASCII ones that lowercasing leaves apart.
_FOLD_TO_ASCII = str.maketrans({"ſ": "s", "ı": "i"})


def lower_text(text: str) -> str:
    """The lowercased copy of a page that lowered ASCII patterns scan (see ascii_only):
    "ſ" and "ı" become the "s" and "i" that ignoring case matches them with."""
    low = text.lower()
    return low.translate(_FOLD_TO_ASCII) if "ſ" in low or "ı" in low else low


@precomputed
def ascii_only(pattern: str) -> bool:
    """Are the cased characters a pattern names all ASCII (escapes such as \\u017f too)?

    Scanning a lowercased copy with a lowercased pattern finds what ignoring case finds
    only for such patterns, and only on a copy made by ``lower_text``. Uncased
    characters ("®", "—") are fine.
    """
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return False
    return _ascii_walk(parsed)


def _plain_char(code: int) -> bool:
    if code < 128:
        return True
    ch = chr(code)
    return ch.lower() == ch == ch.upper() and code not in _ODD_CASES


def _ascii_walk(node: object) -> bool:
    if isinstance(node, tuple) and len(node) == 2 and (node[0] is LITERAL or node[0] is C.NOT_LITERAL):
        return _plain_char(node[1])
    if isinstance(node, tuple) and len(node) == 2 and node[0] is C.RANGE:
        return node[1][1] < 128
    if isinstance(node, tuple | list | sre_parse.SubPattern):
        return all(_ascii_walk(item) for item in node)
    return True


@precomputed
def lower_literals(pattern: str) -> str | None:
    """Lowercase the letters a pattern matches, leaving escapes and group syntax alone."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in _ESCAPE_ARG:
                end = i + 2 + _ESCAPE_ARG[nxt]
            elif nxt in "Ng" and i + 2 < n and pattern[i + 2] in "{<":
                end = pattern.find("}" if pattern[i + 2] == "{" else ">", i) + 1
                if end == 0:
                    return None
            else:
                end = i + 2
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.find(">" if pattern[i + 3] == "<" else ")", i) + 1
            if end == 0:
                return None
            out.append(pattern[i:end])
            i = end
        else:
            low = ch.lower()
            if len(low) != 1:
                return None
            out.append(low)
            i += 1
    return "".join(out)


class FastRegex:
    __slots__ = ("_lowered", "_scan", "full")

    def __init__(self, full: re.Pattern[str]) -> None:
        self.full = full
        pattern, flags = full.pattern, full.flags & ~re.UNICODE
        self._lowered = False
        if not is_standard(full):  # a team's pattern (userregex): scan it as it is
            self._scan = full
            return
        if flags & re.IGNORECASE and ascii_only(pattern):
            lowered = lower_literals(pattern)
            if lowered is not None:
                pattern, flags, self._lowered = lowered, flags & ~re.IGNORECASE, True
        if not flags & re.IGNORECASE:
            # Under IGNORECASE re skips ahead to no cased literal: a scan without the \b
            # would then try the pattern at every character, not only at word starts.
            pattern = _strip_leading_boundary(pattern)
        try:
            self._scan = compile_pattern(pattern, flags)
        except re.error:  # pragma: no cover - fall back to the plain scan
            self._scan, self._lowered = full, False

    def finditer(self, text: str, lower: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        if self._scan is self.full or (self._lowered and len(lower) != len(text)):
            yield from self.full.finditer(text, pos, end)
            return
        hay = lower if self._lowered else text
        scan, full = self._scan, self.full
        while pos <= end:
            cand = scan.search(hay, pos, end)
            if cand is None:
                return
            m = full.match(text, cand.start(), end)
            if m is None:
                pos = cand.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1

    def search(self, text: str, lower: str) -> re.Match[str] | None:
        return next(self.finditer(text, lower), None)


@precomputed
def _strip_leading_boundary(pattern: str) -> str:
    """Drop the leading \\b of each top-level alternative when every alternative then
    starts with a literal (``\\bnoose\\b|\\boverdose`` scans as ``noose\\b|overdose``).

    Without the \\b the scan tries every position; that is fast only when a literal
    must match there. Before a repeated class (``\\b[\\w.+-]+@``) the \\b is what
    stops a retry at every character of a long word, so it stays. Dropping a
    zero-width condition only adds candidates, which the full regex then confirms.
    """
    if re.search(r"\(\?[a-zA-Z]*x", pattern):
        return pattern  # verbose: a comment may hold a "|" or a bracket
    alternatives = _top_level_alternatives(pattern)
    if alternatives is None or not any(alt.startswith(r"\b") for alt in alternatives):
        return pattern
    stripped = [alt[2:] if alt.startswith(r"\b") else alt for alt in alternatives]
    try:
        if not all(_starts_with_literal(list(sre_parse.parse(alt))) for alt in stripped):
            return pattern
    except re.error:
        return pattern
    return "|".join(stripped)


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """The pattern split at its top-level ``|`` (outside groups and classes); None when
    it cannot be read (an unbalanced group or class)."""
    parts: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            if i < 0:
                return None
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
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


def _starts_with_literal(seq: list) -> bool:
    """Does every match of ``seq`` start with a literal character (not a class or a repeat)?"""
    for op, av in seq:
        if op is LITERAL:
            return True
        if op is SUBPATTERN:
            return _starts_with_literal(list(av[-1]))
        if op is BRANCH:
            return all(_starts_with_literal(list(alt)) for alt in av[1])
        if op in (MAX_REPEAT, MIN_REPEAT):
            lo, _, item = av
            # An optional literal is skipped over to what follows it.
            if not _starts_with_literal(list(item)):
                return False
            if lo >= 1:
                return True
            continue
        return False
    return False
