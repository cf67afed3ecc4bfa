"""Lowercased scans: a page's lowercased copy, and the patterns that find every match in it.

A case-ignoring regex is scanned fastest as a lowercased, case-sensitive pattern over
the page's lowercased copy, when that finds exactly the places ignoring case finds
(``lowers_exactly``). FastRegex (fastregex.py) and Pattern.lowered (pattern.py) use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .anchors import LITERAL, C, sre_parse
from .prebuilt import precomputed

_ESCAPE_ARG = {"x": 2, "u": 4, "U": 8}


def _odd_cases() -> frozenset[int]:
    """Characters that ignoring case matches with others beyond their upper and lower case."""
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - older Pythons: treat every non-ASCII char as odd
        return frozenset(range(128, 0x110000))
    return frozenset(_EXTRA_CASES).union(*_EXTRA_CASES.values())


ODD_CASES = _odd_cases()
# The two letters ignoring case pairs with ASCII ones that lowercasing leaves apart.
_FOLD_TO_ASCII = str.maketrans({"ſ": "s", "ı": "i"})


def lower_text(text: str) -> str:
    """The lowercased copy of a page that lowered patterns scan (see lowers_exactly):
    "ſ" and "ı" become the "s" and "i" that ignoring case matches them with."""
    low = text.lower()
    return low.translate(_FOLD_TO_ASCII) if "ſ" in low or "ı" in low else low


@precomputed
def lowers_exactly(pattern: str) -> bool:
    """Does scanning a page's lowercased copy (``lower_text``) with the pattern's
    lowercased, case-sensitive form find every place ignoring case finds?

    It does when each character the pattern names is uncased, or a letter that ignoring
    case pairs only with its own lower and upper case ("é", "е"): not one of the letters
    re pairs with others too ("k" and the Kelvin sign, "σ" and "ς", "µ" and "μ"), which
    lowercasing does not bring together. Ranges must be ASCII.
    """
    return _every_char(pattern, _plain_char, lambda _lo, hi: hi < 128)


def _every_char(pattern: str, char_ok: Callable[[int], bool], range_ok: Callable[[int, int], bool]) -> bool:
    """Do all the characters ``pattern`` names (literals; ranges in classes) pass? False
    for a pattern that does not parse."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return False
    return _walk(parsed, char_ok, range_ok)


def _walk(node: object, char_ok: Callable[[int], bool], range_ok: Callable[[int, int], bool]) -> bool:
    if isinstance(node, tuple) and len(node) == 2 and (node[0] is LITERAL or node[0] is C.NOT_LITERAL):
        return char_ok(node[1])
    if isinstance(node, tuple) and len(node) == 2 and node[0] is C.RANGE:
        return range_ok(*node[1])
    if isinstance(node, tuple | list | sre_parse.SubPattern):
        return all(_walk(item, char_ok, range_ok) for item in node)
    return True


def _plain_char(code: int) -> bool:
    if code < 128:
        return True
    ch = chr(code)
    low, up = ch.lower(), ch.upper()
    return (len(low) == len(up) == 1 and code not in ODD_CASES and ord(low) not in ODD_CASES
            and ord(up) not in ODD_CASES)


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
    lowered = "".join(out)
    # An escape (\x41, \u00c9) is left as written: a capital it names would then be
    # looked for in a lowercased copy, where it never stands.
    return lowered if _names_no_capital(lowered) else None


def _uncased_or_lower(code: int) -> bool:
    return chr(code).lower() == chr(code)


def _names_no_capital(pattern: str) -> bool:
    return _every_char(pattern, _uncased_or_lower,
                       lambda lo, hi: all(map(_uncased_or_lower, range(lo, hi + 1))))
